import * as React from 'react';
import { Dialog, DialogType } from '@fluentui/react/lib/Dialog';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { buildMailDraft } from '../../../correspondence/draft';
import { formatMailIssue, mailKindLabel } from '../../../correspondence/labels';
import type { FolderFile, MailDraft, MailKind } from '../../../correspondence/types';
import type { Actor, Dossier, IsoDateTime, Lang } from '../../../domain/types';
import { MailPreview } from '../../../ui/correspondence/MailPreview';
import { formatFailure } from '../../../app/failures';
import { formatError } from '../../../domain/formatError';
import { formatText } from '../../../ui/shared/format';
import { runAsync } from '../../../ui/shared/runAsync';
import type { UiStrings } from '../../../ui/strings';
import { newCommandId } from '../../../app/commandIds';
import type { RegisterMail } from '../../../app/registerMail';
import type { SendOutcome } from '../../../data/mail/correspondenceService';

/** Props of the mail composer. */
export interface MailComposerProps {
  readonly mail: RegisterMail;
  readonly dossier: Dossier;
  /** The files of the dossier's folder (the publication version is stored before it is registered). */
  readonly folder?: readonly FolderFile[];
  readonly kind: MailKind;
  readonly actor: Actor;
  /** Called once the mail is sent and recorded (or was sent before), with the text to show. */
  readonly onDone: (status: string) => void;
  readonly onDismiss: () => void;
  /** A mail prepared elsewhere (the scheduled job's draft to the requester), instead of the kind's template. */
  readonly initialDraft?: MailDraft;
  /** How the previewed mail is sent and recorded; default `mail.correspondence` (the drafts mark themselves handled). */
  readonly transport?: ComposerTransport;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

/** Sends and records a previewed mail (the correspondence service, or a service around it). */
export interface ComposerTransport {
  send(draft: MailDraft, actor: Actor, commandId: string): Promise<SendOutcome>;
  recordSent(draft: MailDraft, actor: Actor, commandId: string, sentAt: IsoDateTime): Promise<unknown>;
}

type Problem = { readonly kind: 'error'; readonly lines: readonly string[] } | { readonly kind: 'notRecorded'; readonly message: string; readonly sentAt: IsoDateTime };

/**
 * One outgoing mail of a dossier: the template's draft in `MailPreview` (review, edit), then
 * `CorrespondenceService.send` from the shared mailbox. The command id is fixed when the composer opens,
 * so a second click or a retry never sends the same mail twice; when only the record failed, the retry
 * records without sending again.
 */
export function MailComposer(props: MailComposerProps): React.ReactElement {
  const { mail, dossier, kind, actor, strings, lang } = props;
  const [draft, setDraft] = React.useState<MailDraft>(() => props.initialDraft ?? buildMailDraft(kind, dossier, { lang, context: { mailbox: mail.mailboxAddress }, folder: props.folder }));
  const [commandId] = React.useState(newCommandId);
  const [sending, setSending] = React.useState(false);
  const [problem, setProblem] = React.useState<Problem | undefined>(undefined);
  const transport: ComposerTransport = props.transport ?? mail.correspondence;
  // `onDone` closes the composer: no state update after that.
  const mounted = React.useRef(true);
  React.useEffect(() => () => {
    mounted.current = false;
  }, []);

  const send = async (toSend: MailDraft): Promise<void> => {
    setSending(true);
    setProblem(undefined);
    try {
      const outcome = await transport.send(toSend, actor, commandId);
      if (outcome.status === 'sent') props.onDone(strings.mailSent);
      else if (outcome.status === 'alreadySent') props.onDone(strings.mailAlreadySent);
      else if (outcome.status === 'refused') setProblem({ kind: 'error', lines: outcome.errors.map((issue) => formatMailIssue(issue, lang)) });
      else if (outcome.status === 'domainRefused') setProblem({ kind: 'error', lines: outcome.errors.map((error) => formatError(error, lang)) });
      else setProblem({ kind: 'notRecorded', message: formatFailure(outcome.error, lang), sentAt: outcome.sentAt });
    } catch (error) {
      setProblem({ kind: 'error', lines: [formatText(strings.genericError, { message: formatFailure(error, lang) })] });
    } finally {
      if (mounted.current) setSending(false);
    }
  };

  const recordAgain = async (sentAt: IsoDateTime): Promise<void> => {
    setSending(true);
    try {
      await transport.recordSent(draft, actor, commandId, sentAt);
      props.onDone(strings.mailSent);
    } catch (error) {
      setProblem({ kind: 'notRecorded', message: formatFailure(error, lang), sentAt });
    } finally {
      if (mounted.current) setSending(false);
    }
  };

  const fail = (error: unknown): void => setProblem({ kind: 'error', lines: [formatFailure(error, lang)] });

  return (
    <Dialog
      hidden={false}
      onDismiss={sending ? undefined : props.onDismiss}
      dialogContentProps={{ type: DialogType.normal, title: formatText(strings.composeMail, { kind: mailKindLabel(kind, lang, dossier.procedure) }), closeButtonAriaLabel: strings.close }}
      modalProps={{ isBlocking: true }}
      minWidth={720}
      maxWidth={960}
    >
      {problem?.kind === 'error' && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          <ul>
            {problem.lines.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </MessageBar>
      )}
      {problem?.kind === 'notRecorded' ? (
        <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline>
          {formatText(strings.mailSentNotRecorded, { message: problem.message })}
          <PrimaryButton text={strings.mailRetryRecord} disabled={sending} onClick={() => runAsync(recordAgain(problem.sentAt), fail)} />
        </MessageBar>
      ) : (
        <MailPreview
          draft={draft}
          onChange={setDraft}
          onSend={(edited) => runAsync(send(edited), fail)}
          onCancel={props.onDismiss}
          sending={sending}
          lang={lang}
          strings={strings.mailPreview}
        />
      )}
    </Dialog>
  );
}
