import type { CommandOf } from '../domain/commands';
import type { MailDraft, MailKind } from './types';
import { mailKinds } from './types';

/**
 * Sent and received mails are recorded in the dossier's audit trail. The domain has no mail event yet
 * (reported to the lead), so until it has, the record is an `addComment` whose text starts with a
 * machine-readable marker: `[e-mail:<kind>]` for a sent mail, `[e-mail:ontvangen <messageId>]` for an
 * imported one. `parseMailComment` reads the marker back (the UI lists the correspondence with it).
 */
const sentMarker = /^\[e-mail:([A-Za-z]+)\] /;
const receivedMarker = /^\[e-mail:ontvangen ([^\]\s]+)\] /;

/** The `addComment` command that records a sent mail (no body, no addresses: only kind, subject, files). */
export function mailSentCommand(draft: MailDraft, commandId: string): CommandOf<'addComment'> {
  const files = draft.attachments.map((attachment) => attachment.fileName);
  const attachmentsText = files.length > 0 ? ` Bijlagen: ${files.join(', ')}.` : '';
  return {
    type: 'addComment',
    commandId,
    text: `[e-mail:${draft.kind}] Verstuurd vanuit de gedeelde mailbox: "${draft.subject}".${attachmentsText}`
  };
}

/** The `addComment` command that records an imported mail (message id, subject, stored files). */
export function mailReceivedCommand(messageId: string, subject: string, storedFiles: readonly string[], commandId: string): CommandOf<'addComment'> {
  if (/[\s\]]/.test(messageId) || messageId === '') throw new RangeError('A message id must be non-empty without spaces or "]".');
  const filesText = storedFiles.length > 0 ? ` Bijlagen opgeslagen: ${storedFiles.join(', ')}.` : '';
  return { type: 'addComment', commandId, text: `[e-mail:ontvangen ${messageId}] Ontvangen e-mail gekoppeld: "${subject}".${filesText}` };
}

/** What a mail comment says, or `undefined` for an ordinary comment. */
export type MailCommentInfo = { readonly direction: 'sent'; readonly kind: MailKind } | { readonly direction: 'received'; readonly messageId: string };

/** Reads the marker of a comment written by `mailSentCommand` or `mailReceivedCommand`. */
export function parseMailComment(text: string): MailCommentInfo | undefined {
  const received = receivedMarker.exec(text);
  if (received) return { direction: 'received', messageId: received[1] };
  const sent = sentMarker.exec(text);
  if (sent && (mailKinds as readonly string[]).includes(sent[1])) return { direction: 'sent', kind: sent[1] as MailKind };
  return undefined;
}
