import type { CommandOf } from '../domain/commands';
import type { IsoDateTime } from '../domain/types';
import { normalizeAddress } from '../domain/rules/sender';
import type { MailDraft } from './types';

/**
 * Sent and received mails are recorded in the dossier's audit trail with the domain's
 * `recordCorrespondence` command (event `CorrespondenceRecorded`): kind, subject, time, attachment
 * names and, for a sent mail, how many recipients. Never the body; the only address is a received mail's
 * sender, which the sender rule checks and which makes the address known for the institution afterwards
 * (the dossier holds the contact's address already; recipients of sent mails are never recorded).
 */

/** What the audit trail shows for a received mail without subject. */
export const missingSubjectText = '(geen onderwerp)';

/**
 * The message id of a mail sent from the shared mailbox. Graph's `sendMail` answers 202 without an id,
 * so the id derives from the send's command id: one user action, one mail, one id.
 */
export function outgoingMessageId(commandId: string): string {
  return `outgoing:${commandId}`;
}

/** The command that records a sent mail (kind, subject, attachment names, number of recipients). */
export function mailSentCommand(draft: MailDraft, commandId: string, sentAt: IsoDateTime): CommandOf<'recordCorrespondence'> {
  return {
    type: 'recordCorrespondence',
    commandId,
    direction: 'outgoing',
    kind: draft.kind,
    messageId: outgoingMessageId(commandId),
    subject: draft.subject,
    sentAt,
    attachmentNames: draft.attachments.map((attachment) => attachment.fileName),
    recipientsCount: draft.to.length + draft.cc.length
  };
}

/** A received message as far as its record needs it. */
export interface ReceivedMailFacts {
  readonly id: string;
  readonly subject: string;
  readonly receivedDateTime: IsoDateTime;
  readonly from: { readonly address: string };
}

/** The command that records a message of the shared mailbox linked to a dossier, with the files stored from it. */
export function mailReceivedCommand(message: ReceivedMailFacts, storedFiles: readonly string[], commandId: string, senderConfirmed = false): CommandOf<'recordCorrespondence'> {
  return {
    type: 'recordCorrespondence',
    commandId,
    direction: 'incoming',
    kind: 'incoming',
    messageId: message.id,
    subject: message.subject.trim() || missingSubjectText,
    receivedAt: message.receivedDateTime,
    attachmentNames: [...storedFiles],
    sender: normalizeAddress(message.from.address),
    // Only a confirmation that was needed is recorded: the trail shows which links a person vouched for.
    ...(senderConfirmed ? { senderConfirmed: true } : {})
  };
}
