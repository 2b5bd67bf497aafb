import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { TextField } from '@fluentui/react/lib/TextField';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { cleanSubject, type InboundMessage, type IntakeDetails } from '../../correspondence/inbound';
import { eligibilityError } from '../../domain/rules/eligibility';
import { formatError } from '../../domain/formatError';
import type { DomainError, Lang } from '../../domain/types';
import { MessageBody } from './MessageBody';
import type { UiStrings } from '../strings';
import type { CommandOutcome } from '../shared/outcome';
import { OutcomeMessages } from '../shared/OutcomeMessages';
import { formatText } from '../shared/format';
import { runAsync } from '../shared/runAsync';

/** What the team chose: a new dossier with these details, or the dossier to attach the message to (confirming an unknown sender). */
export type IntakeChoice =
  | { readonly mode: 'create'; readonly details: IntakeDetails }
  | { readonly mode: 'attach'; readonly reference: string; readonly confirmSender?: boolean };

/** What an import answered: a command outcome, or that the sender needs the team's confirmation (with the reason). */
export type IntakeSubmitOutcome = CommandOutcome | { readonly ok: false; readonly kind: 'confirmSender'; readonly reference: string; readonly reason: DomainError };

/** Props of `IntakeImportDialog`. */
export interface IntakeImportDialogProps {
  readonly mode: 'create' | 'attach';
  readonly message: InboundMessage;
  /** Runs the import; the dialog closes itself only on success. */
  readonly onSubmit: (choice: IntakeChoice) => Promise<IntakeSubmitOutcome>;
  /** Attach mode: the reference to start with (e.g. the suggestion a one-click attach used). */
  readonly initialReference?: string;
  /** Attach mode: why the sender needs confirming for `initialReference` (a one-click attach was stopped). */
  readonly senderReason?: DomainError;
  readonly onDismiss: () => void;
  readonly lang: Lang;
  readonly strings: UiStrings;
  /**
   * Renders a failed import in the user's language: the host passes `formatFailure` (src/app), which
   * `src/ui` may not import.
   */
  readonly describeFailure: (error: unknown) => string;
}

/**
 * Asks what the mail alone does not say before an import: for a new dossier the institution (the
 * domain's eligibility rule is shown as in the new-dossier dialog), contact name and subject, prefilled
 * from the message; for an attachment the dossier reference.
 */
export function IntakeImportDialog(props: IntakeImportDialogProps): React.ReactElement {
  const { strings, lang, message, mode } = props;
  const describe = props.describeFailure;
  const [institution, setInstitution] = React.useState('');
  const [isIndividual, setIsIndividual] = React.useState(false);
  const [contactName, setContactName] = React.useState(message.from.name);
  const [subject, setSubject] = React.useState(cleanSubject(message.subject));
  const [reference, setReference] = React.useState(props.initialReference ?? '');
  /** The sender warning for `warnedReference`; typing another reference drops it (the rule is per dossier). */
  const [senderWarning, setSenderWarning] = React.useState<{ readonly reference: string; readonly reason: DomainError } | undefined>(
    props.senderReason && props.initialReference ? { reference: props.initialReference.toUpperCase(), reason: props.senderReason } : undefined
  );
  const [confirmed, setConfirmed] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [outcome, setOutcome] = React.useState<CommandOutcome | undefined>(undefined);

  const trimmedInstitution = institution.trim();
  const eligibility = eligibilityError({
    institution: trimmedInstitution || undefined,
    isIndividual,
    contact: { name: contactName.trim(), email: message.from.address }
  });
  const described = isIndividual || trimmedInstitution.length > 0;
  const warningApplies = senderWarning !== undefined && senderWarning.reference === reference.trim().toUpperCase();

  const choice = (): IntakeChoice =>
    mode === 'create'
      ? { mode, details: { institution: trimmedInstitution || undefined, isIndividual, contactName: contactName.trim() || undefined, subject: subject.trim() || undefined } }
      : { mode, reference: reference.trim().toUpperCase(), ...(warningApplies && confirmed ? { confirmSender: true } : {}) };

  // The parent refreshes the mailbox after an import and may unmount the dialog before it resolves.
  const mounted = React.useRef(true);
  React.useEffect(() => () => {
    mounted.current = false;
  }, []);

  const submit = async (): Promise<void> => {
    setSaving(true);
    setOutcome(undefined);
    const result = await props.onSubmit(choice()).catch((error: unknown): IntakeSubmitOutcome => ({ ok: false, kind: 'failed', message: describe(error) }));
    if (!mounted.current) return;
    setSaving(false);
    if (result.ok) props.onDismiss();
    else if (result.kind === 'confirmSender') {
      setSenderWarning({ reference: result.reference, reason: result.reason });
      setConfirmed(false);
    } else setOutcome(result);
  };

  return (
    <Dialog
      hidden={false}
      onDismiss={props.onDismiss}
      dialogContentProps={{ type: DialogType.largeHeader, title: mode === 'create' ? strings.intakeCreateTitle : strings.intakeAttachTitle, closeButtonAriaLabel: strings.close }}
      modalProps={{ isBlocking: true }}
      minWidth={520}
    >
      <Stack tokens={{ childrenGap: 8 }}>
        <Text as="p">{formatText(strings.intakeFrom, { name: message.from.name || message.from.address, subject: message.subject })}</Text>
        <Text as="p" variant="small">{message.from.address}</Text>
        <section aria-label={strings.intakeList.body}>
          <MessageBody text={message.bodyText ?? message.bodyPreview} strings={strings.intakeList} />
        </section>
        {mode === 'create' ? (
          <>
            <TextField label={strings.fieldInstitution} value={institution} onChange={(_, v) => setInstitution(v ?? '')} />
            <Checkbox label={strings.fieldIsIndividual} checked={isIndividual} onChange={(_, checked) => setIsIndividual(!!checked)} />
            <TextField label={strings.fieldContactName} value={contactName} onChange={(_, v) => setContactName(v ?? '')} />
            <TextField label={strings.fieldSubject} multiline rows={2} value={subject} onChange={(_, v) => setSubject(v ?? '')} />
            {described && (
              <section aria-label={strings.eligibilityHeading}>
                {eligibility ? (
                  <MessageBar messageBarType={MessageBarType.blocked}>{formatError(eligibility, lang)}</MessageBar>
                ) : (
                  <MessageBar messageBarType={MessageBarType.success}>{strings.eligibilityOk}</MessageBar>
                )}
              </section>
            )}
          </>
        ) : (
          <>
            <TextField label={strings.intakeReference} required value={reference} onChange={(_, v) => setReference(v ?? '')} />
            {warningApplies && senderWarning && (
              <>
                <MessageBar messageBarType={MessageBarType.warning} isMultiline>{formatError(senderWarning.reason, lang)}</MessageBar>
                <Checkbox label={strings.intakeSenderConfirm} checked={confirmed} onChange={(_, checked) => setConfirmed(!!checked)} />
              </>
            )}
          </>
        )}
        <OutcomeMessages outcome={outcome} lang={lang} strings={strings} />
      </Stack>
      <DialogFooter>
        <PrimaryButton
          text={saving ? strings.saving : mode === 'create' ? strings.save : strings.intakeImport}
          disabled={saving || (mode === 'attach' && (reference.trim() === '' || (warningApplies && !confirmed)))}
          onClick={() => runAsync(submit(), (error) => setOutcome({ ok: false, kind: 'failed', message: describe(error) }))}
        />
        <DefaultButton text={strings.cancel} disabled={saving} onClick={props.onDismiss} />
      </DialogFooter>
    </Dialog>
  );
}
