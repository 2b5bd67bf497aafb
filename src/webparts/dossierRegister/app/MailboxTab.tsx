import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Link } from '@fluentui/react/lib/Link';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import type { Actor, DomainError, Lang } from '../../../domain/types';
import type { ImportOutcome, PendingMessage } from '../../../app/mailIntake';
import type { InboundMessage } from '../../../correspondence/inbound';
import { IntakeList } from '../../../ui/correspondence/IntakeList';
import { IntakeImportDialog, type IntakeChoice, type IntakeSubmitOutcome } from '../../../ui/correspondence/IntakeImportDialog';
import { formatFailure } from '../../../app/failures';
import { AppError } from '../../../app/appError';
import { formatText } from '../../../ui/shared/format';
import { OutcomeMessages } from '../../../ui/shared/OutcomeMessages';
import type { CommandOutcome } from '../../../ui/shared/outcome';
import { runAsync } from '../../../ui/shared/runAsync';
import type { UiStrings } from '../../../ui/strings';
import type { RegisterMail } from '../../../app/registerMail';

/** Props of the mailbox tab. */
export interface MailboxTabProps {
  readonly mail: RegisterMail;
  readonly actor?: Actor;
  /** Opens a dossier's panel. */
  readonly onOpen: (reference: string) => void;
  /** A dossier was created or received documents: refresh its register entry. */
  readonly onDossierChanged: (reference: string) => void;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

/** What the last import did, as the tab reports it. */
interface ImportReport {
  readonly reference: string;
  readonly lines: readonly string[];
  readonly skipped: boolean;
}

/** The report lines of an import: what happened to the message and to each attachment. */
export function importReport(outcome: Exclude<ImportOutcome, { status: 'refused' | 'confirmationRequired' }>, strings: UiStrings, lang: Lang): ImportReport {
  if (outcome.status === 'alreadyLinked') {
    return { reference: outcome.reference, lines: [formatText(strings.intakeAlreadyLinked, { reference: outcome.reference })], skipped: false };
  }
  const head = formatText(outcome.created ? strings.intakeCreated : strings.intakeImported, { reference: outcome.reference });
  const attachments = outcome.attachments.map((attachment) =>
    attachment.status === 'stored'
      ? attachment.check
        ? formatText(strings.attachmentChecked, { name: attachment.name, blocking: attachment.check.blocking, warnings: attachment.check.warnings })
        : formatText(strings.attachmentStored, { name: attachment.name })
      : formatText(strings.attachmentSkipped, {
          name: attachment.name,
          // An unreadable form says why, in the user's language.
          reason: attachment.failure !== undefined
            ? `${strings.attachmentSkipReasons[attachment.reason]}: ${formatFailure(attachment.failure, lang)}`
            : strings.attachmentSkipReasons[attachment.reason]
        }));
  // Notices for the DPO team (an institution outside the register), in the user's language.
  const notices = (outcome.notices ?? []).map((notice) => formatFailure(notice, lang));
  return { reference: outcome.reference, lines: [head, ...notices, ...attachments], skipped: outcome.attachments.some((a) => a.status === 'skipped') };
}

/**
 * The "Postvak" tab: the shared mailbox's messages not yet linked to a dossier, imported as a new
 * dossier or attached to an existing one by `MailIntakeService` (which stores and checks the
 * attachments and never imports a message twice). This component only loads, asks and reports.
 */
export function MailboxTab(props: MailboxTabProps): React.ReactElement {
  const { mail, actor, strings, lang } = props;
  const [items, setItems] = React.useState<readonly PendingMessage[] | undefined>(undefined);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [busyMessageId, setBusyMessageId] = React.useState<string | undefined>(undefined);
  const [dialog, setDialog] = React.useState<
    { readonly mode: 'create' | 'attach'; readonly message: InboundMessage; readonly reference?: string; readonly senderReason?: DomainError } | undefined
  >(undefined);
  const [report, setReport] = React.useState<ImportReport | undefined>(undefined);
  /** The outcome of a one-click attach (no dialog to show a refusal in). */
  const [attachOutcome, setAttachOutcome] = React.useState<CommandOutcome | undefined>(undefined);

  const load = React.useCallback(async (): Promise<void> => {
    setError(undefined);
    try {
      setItems(await mail.intake.pendingMessages());
    } catch (failure) {
      setError(formatText(strings.mailboxError, { message: formatFailure(failure, lang) }));
      setItems((current) => current ?? []);
    }
  }, [mail, strings, lang]);

  const showFailure = (failure: unknown): void => setError(formatText(strings.genericError, { message: formatFailure(failure, lang) }));
  React.useEffect(() => runAsync(load(), showFailure), [load]);

  const runImport = async (messageId: string, choice: IntakeChoice): Promise<IntakeSubmitOutcome> => {
    if (!actor) return { ok: false, kind: 'failed', message: formatFailure(new AppError('app.error.notSignedIn'), lang) };
    setBusyMessageId(messageId);
    try {
      const outcome =
        choice.mode === 'create'
          ? await mail.intake.createDossier(messageId, choice.details, actor)
          : await mail.intake.attachToDossier(messageId, choice.reference, actor, { confirmSender: choice.confirmSender === true });
      if (outcome.status === 'refused') return { ok: false, kind: 'refused', errors: outcome.errors };
      if (outcome.status === 'confirmationRequired') return { ok: false, kind: 'confirmSender', reference: outcome.reference, reason: outcome.reason };
      setReport(importReport(outcome, strings, lang));
      props.onDossierChanged(outcome.reference);
      await load();
      return { ok: true };
    } catch (failure) {
      return { ok: false, kind: 'failed', message: formatFailure(failure, lang) };
    } finally {
      setBusyMessageId(undefined);
    }
  };

  const attachNow = (messageId: string, reference: string): void => {
    setAttachOutcome(undefined);
    const attached = runImport(messageId, { mode: 'attach', reference }).then((outcome) => {
      if (outcome.ok || outcome.kind !== 'confirmSender') {
        setAttachOutcome(outcome);
        return;
      }
      // The sender is not known for the dossier: the dialog shows why and asks the team to confirm.
      const message = items?.find((item) => item.message.id === messageId)?.message;
      if (message) setDialog({ mode: 'attach', message, reference: outcome.reference, senderReason: outcome.reason });
      // The list was reloaded meanwhile: the message is not linked, and the user still reads why.
      else setAttachOutcome({ ok: false, kind: 'refused', errors: [outcome.reason] });
    });
    runAsync(attached, showFailure);
  };

  const openDialog = (mode: 'create' | 'attach', messageId: string): void => {
    const message = items?.find((item) => item.message.id === messageId)?.message;
    if (message) setDialog({ mode, message });
  };

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <Stack horizontal tokens={{ childrenGap: 8 }}>
        <DefaultButton text={strings.mailboxRefresh} onClick={() => runAsync(load(), showFailure)} />
      </Stack>
      {error && <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar>}
      <OutcomeMessages outcome={attachOutcome} lang={lang} strings={strings} />
      {report && (
        <MessageBar messageBarType={report.skipped ? MessageBarType.warning : MessageBarType.success} isMultiline onDismiss={() => setReport(undefined)} dismissButtonAriaLabel={strings.close}>
          <ul>
            {report.lines.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
          <Link onClick={() => props.onOpen(report.reference)}>{formatText(strings.openDossier, { reference: report.reference })}</Link>
        </MessageBar>
      )}
      {items === undefined ? (
        <Spinner size={SpinnerSize.large} label={strings.loading} />
      ) : (
        <IntakeList
          items={items}
          busyMessageId={busyMessageId}
          onCreate={(messageId) => openDialog('create', messageId)}
          onAttach={(messageId, reference) => (reference ? attachNow(messageId, reference) : openDialog('attach', messageId))}
          lang={lang}
          strings={strings.intakeList}
        />
      )}
      {dialog && (
        <IntakeImportDialog
          mode={dialog.mode}
          message={dialog.message}
          initialReference={dialog.reference}
          senderReason={dialog.senderReason}
          onSubmit={(choice) => runImport(dialog.message.id, choice)}
          onDismiss={() => setDialog(undefined)}
          describeFailure={(error) => formatFailure(error, lang)}
          lang={lang}
          strings={strings}
        />
      )}
    </Stack>
  );
}
