import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { TextField } from '@fluentui/react/lib/TextField';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { Label } from '@fluentui/react/lib/Label';
import { Text } from '@fluentui/react/lib/Text';
import { Stack } from '@fluentui/react/lib/Stack';
import { commandLabel } from '../../domain/labels';
import type { CommandOutcome } from '../shared/outcome';
import { useCommandSubmit } from './useCommandSubmit';
import { OutcomeMessages } from '../shared/OutcomeMessages';
import { formatText } from '../shared/format';
import { runAsync } from '../shared/runAsync';
import { FindingOverridesInput, RequesterFindingsList } from '../review/DialogFindings';
import {
  commandInputs,
  findingOverrideKey,
  initialValues,
  isRequired,
  openRequesterFindingsOf,
  UnknownProtocolError,
  type CommandDialogContext,
  type GenericDialogCommand,
  type CommandValues,
  type InputSpec
} from './commandForm';

/** Props of the dialog of one command. */
export interface CommandDialogProps {
  /** The command to ask inputs for; undefined hides the dialog. */
  readonly command?: GenericDialogCommand;
  readonly context: CommandDialogContext;
  readonly onDismiss: () => void;
  /** Sends the command with the dialog's values; the dialog closes itself only on success. */
  readonly onSubmit: (command: GenericDialogCommand, values: CommandValues) => Promise<CommandOutcome>;
}

interface FieldProps {
  readonly input: InputSpec;
  readonly value: CommandValues[string];
  readonly onChange: (value: CommandValues[string]) => void;
  /** Sets another value of the dialog (inputs with one value per item, such as the finding overrides). */
  readonly onValue: (name: string, value: CommandValues[string]) => void;
  readonly values: CommandValues;
  readonly context: CommandDialogContext;
}

function CommandField({ input: spec, value, onChange, onValue, values, context }: FieldProps): React.ReactElement {
  const label = spec.labelOf?.(context) ?? context.strings[spec.label];
  const options = spec.options?.(context) ?? [];
  const input = { ...spec, required: isRequired(spec, context) };
  switch (input.kind) {
    case 'requesterFindings':
      return <RequesterFindingsList findings={openRequesterFindingsOf(context)} lang={context.lang} strings={context.strings} />;
    case 'findingOverrides': {
      const findings = openRequesterFindingsOf(context);
      const reasons = Object.fromEntries(findings.map((finding) => {
        const reason = values[findingOverrideKey(finding.id)];
        return [finding.id, typeof reason === 'string' ? reason : ''];
      }));
      return (
        <FindingOverridesInput findings={findings} reasons={reasons} onChange={(id, reason) => onValue(findingOverrideKey(id), reason)}
          lang={context.lang} strings={context.strings} />
      );
    }
    case 'text':
      return <TextField label={label} required={input.required} readOnly={input.readOnly} value={typeof value === 'string' ? value : ''} onChange={(_, v) => onChange(v ?? '')} />;
    case 'multiline':
      return <TextField label={label} required={input.required} multiline rows={3} value={typeof value === 'string' ? value : ''} onChange={(_, v) => onChange(v ?? '')} />;
    case 'checkbox':
      return <Checkbox label={label} checked={value === true} onChange={(_, checked) => onChange(!!checked)} />;
    case 'choice':
    case 'document':
      if (options.length === 0) return <Stack><Label required={input.required}>{label}</Label><Text>{spec.emptyText?.(context) ?? context.strings.noDocumentsToChoose}</Text></Stack>;
      return (
        <ChoiceGroup
          label={label}
          required={input.required}
          options={options.map((o) => ({ key: o.key, text: o.text }))}
          // eslint-disable-next-line @rushstack/no-new-null -- Fluent clears a ChoiceGroup only with null
          selectedKey={typeof value === 'string' ? value : null}
          onChange={(_, option) => onChange(option ? String(option.key) : undefined)}
        />
      );
    case 'multiChoice':
    case 'documents': {
      const selected = new Set(Array.isArray(value) ? value : []);
      if (options.length === 0) return <Stack><Label required={input.required}>{label}</Label><Text>{context.strings.noDocumentsToChoose}</Text></Stack>;
      return (
        <fieldset style={{ border: 'none', margin: 0, padding: 0 }}>
          <legend><Label required={input.required}>{label}</Label></legend>
          <Stack tokens={{ childrenGap: 4 }}>
            {options.map((option) => (
              <Checkbox
                key={option.key}
                label={option.text}
                checked={selected.has(option.key)}
                onChange={(_, checked) => {
                  const next = new Set(selected);
                  if (checked) next.add(option.key);
                  else next.delete(option.key);
                  onChange(options.map((o) => o.key).filter((key) => next.has(key)));
                }}
              />
            ))}
          </Stack>
        </fieldset>
      );
    }
  }
}

/**
 * The dialog of one command: asks the inputs of the command's guard (as `commandInputs` lists them),
 * an optional note for the timeline, and shows every refusal of the domain.
 */
export function CommandDialog(props: CommandDialogProps): React.ReactElement {
  const { command, context } = props;
  const { strings, lang } = context;
  const [values, setValues] = React.useState<Record<string, CommandValues[string]>>({});
  // An unknown protocol number is the user's typo, said in the dialog's own words.
  const describe = React.useCallback(
    (error: unknown): string => (error instanceof UnknownProtocolError ? formatText(strings.protocolNotFound, { number: error.protocolNumber }) : context.describeFailure(error)),
    [strings, context]
  );
  const { outcome, saving, submit: run, fail, reset } = useCommandSubmit(props.onDismiss, describe);

  React.useEffect(() => {
    setValues(command ? initialValues(command, context) : {});
    reset();
    // Reset only when another command's dialog opens, not when the context object is rebuilt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [command]);

  if (!command) return <></>;
  const inputs = commandInputs[command].filter((input) => !input.visibleWhen || input.visibleWhen(values));
  const showComment = command !== 'addComment';

  const submit = (): Promise<void> => run(() => props.onSubmit(command, values));

  return (
    <Dialog
      hidden={false}
      onDismiss={props.onDismiss}
      dialogContentProps={{ type: DialogType.largeHeader, title: commandLabel(command, lang), closeButtonAriaLabel: strings.close }}
      modalProps={{ isBlocking: true }}
      minWidth={480}
    >
      <Stack tokens={{ childrenGap: 8 }}>
        {inputs.map((input) => (
          <CommandField
            key={input.name}
            input={input}
            value={values[input.name]}
            onChange={(value) => setValues((current) => ({ ...current, [input.name]: value }))}
            onValue={(name, value) => setValues((current) => ({ ...current, [name]: value }))}
            values={values}
            context={context}
          />
        ))}
        {showComment && (
          <TextField
            label={strings.commandComment}
            multiline
            rows={2}
            value={typeof values.comment === 'string' ? values.comment : ''}
            onChange={(_, v) => setValues((current) => ({ ...current, comment: v ?? '' }))}
          />
        )}
        <OutcomeMessages outcome={outcome} lang={lang} strings={strings} />
      </Stack>
      <DialogFooter>
        {outcome?.ok ? (
          <PrimaryButton text={strings.close} onClick={props.onDismiss} />
        ) : (
          <PrimaryButton text={saving ? strings.saving : strings.commandSubmit} disabled={saving} onClick={() => runAsync(submit(), fail)} />
        )}
        <DefaultButton text={strings.cancel} onClick={props.onDismiss} />
      </DialogFooter>
    </Dialog>
  );
}
