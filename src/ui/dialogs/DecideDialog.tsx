import * as React from 'react';
import { useCommandSubmit } from './useCommandSubmit';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { Stack } from '@fluentui/react/lib/Stack';
import { TextField } from '@fluentui/react/lib/TextField';
import { conditionsFromAdvice, decisionOutcomes, type ConditionInput, type DecisionOutcome } from '../../domain/advice';
import { commandLabel } from '../../domain/labels';
import type { Dossier, Lang } from '../../domain/types';
import { cleanConditions, conditionErrorsById, ConditionsEditor } from '../conditions/ConditionsEditor';
import type { UiStrings } from '../strings';
import type { CommandOutcome } from '../shared/outcome';
import { OutcomeMessages } from '../shared/OutcomeMessages';
import { runAsync } from '../shared/runAsync';

/** The payload of `decide` (without `commandId`). */
export interface DecidePayload {
  readonly type: 'decide';
  readonly outcome: DecisionOutcome;
  readonly motivation: string;
  readonly conditions?: readonly ConditionInput[];
  readonly comment?: string;
}

/** The payload for the chosen outcome: conditions only with `approvedWithConditions` (the guard's rule). */
export function decidePayload(outcome: DecisionOutcome | undefined, motivation: string, conditions: readonly ConditionInput[], comment = ''): DecidePayload {
  return {
    type: 'decide',
    outcome: outcome as DecisionOutcome,
    motivation: motivation.trim(),
    ...(outcome === 'approvedWithConditions' ? { conditions: cleanConditions(conditions) } : {}),
    ...(comment.trim() ? { comment: comment.trim() } : {})
  };
}

/** Props of `DecideDialog`. */
export interface DecideDialogProps {
  readonly dossier: Pick<Dossier, 'advice'>;
  readonly onSubmit: (payload: DecidePayload) => Promise<CommandOutcome>;
  readonly onDismiss: () => void;
  readonly describeFailure: (error: unknown) => string;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

const outcomeText = (outcome: DecisionOutcome, strings: UiStrings): string => strings[outcome];

/**
 * The register panel's decision: approve, approve with conditions or reject, with a motivation. With
 * conditions, the list is pre-filled from the conditions the advice recommends and can be edited.
 */
export function DecideDialog(props: DecideDialogProps): React.ReactElement {
  const { lang, strings } = props;
  const [outcome, setOutcome] = React.useState<DecisionOutcome>();
  const [motivation, setMotivation] = React.useState('');
  const [comment, setComment] = React.useState('');
  const [conditions, setConditions] = React.useState<readonly ConditionInput[]>(() => conditionsFromAdvice(props.dossier.advice?.criteria ?? []));
  const { outcome: result, saving, submit: run, fail } = useCommandSubmit(props.onDismiss, props.describeFailure);
  const refusals = result && !result.ok && result.kind === 'refused' ? result.errors : [];
  const byCondition = conditionErrorsById(refusals, lang);

  const submit = (): Promise<void> => run(() => props.onSubmit(decidePayload(outcome, motivation, conditions, comment)));

  return (
    <Dialog
      hidden={false}
      onDismiss={props.onDismiss}
      dialogContentProps={{ type: DialogType.largeHeader, title: commandLabel('decide', lang), closeButtonAriaLabel: strings.close }}
      modalProps={{ isBlocking: true }}
      minWidth={560}
      maxWidth={900}
    >
      <Stack tokens={{ childrenGap: 8 }}>
        <ChoiceGroup
          label={strings.inputDecision}
          required
          // eslint-disable-next-line @rushstack/no-new-null -- Fluent clears a ChoiceGroup only with null
          selectedKey={outcome ?? null}
          options={decisionOutcomes.map((value) => ({ key: value, text: outcomeText(value, strings) }))}
          onChange={(_, option) => option && setOutcome(option.key as DecisionOutcome)}
        />
        {outcome === 'approvedWithConditions' && (
          <ConditionsEditor conditions={conditions} onChange={setConditions} errors={byCondition} disabled={saving} lang={lang} strings={strings.conditionsEditor} />
        )}
        <TextField label={strings.inputMotivation} required multiline rows={3} value={motivation} onChange={(_, value) => setMotivation(value ?? '')} />
        <TextField label={strings.commandComment} multiline rows={2} value={comment} onChange={(_, value) => setComment(value ?? '')} />
        <OutcomeMessages outcome={result} lang={lang} strings={strings} />
      </Stack>
      <DialogFooter>
        {result?.ok ? (
          <PrimaryButton text={strings.close} onClick={props.onDismiss} />
        ) : (
          <PrimaryButton text={saving ? strings.saving : strings.commandSubmit} disabled={saving} onClick={() => runAsync(submit(), fail)} />
        )}
        <DefaultButton text={strings.cancel} onClick={props.onDismiss} />
      </DialogFooter>
    </Dialog>
  );
}
