import { isEmailAddress, isIsoDateTime, isNonBlank } from '../rules/text';
import { isOutgoingMailKind, maySendMail } from '../rules/correspondence';
import { senderFactsOf, senderVerdict } from '../rules/sender';
import { currentDocuments } from '../rules/completeness';
import type { DomainError } from '../types';
import { type Guard, guardError } from './context';

/** Guards of `recordCorrespondence`: a complete record, and a message id the dossier has not recorded yet. */

const isCount = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Direction, kind, message id, subject, the time of the right direction, attachment names, recipients count. */
export const correspondenceComplete: Guard = ({ command }) => {
  if (command.type !== 'recordCorrespondence') return undefined;
  const record = command as unknown as Record<string, unknown>;
  const errors: DomainError[] = [];
  const direction = record.direction;
  if (direction !== 'outgoing' && direction !== 'incoming') {
    errors.push(guardError('dossier.error.correspondenceDirectionInvalid', { direction: String(direction) }));
  } else if (direction === 'incoming' ? record.kind !== 'incoming' : !isOutgoingMailKind(record.kind)) {
    errors.push(guardError('dossier.error.correspondenceKindInvalid', { mailKind: String(record.kind), direction }));
  }
  if (!isNonBlank(record.messageId)) errors.push(guardError('dossier.error.messageIdRequired'));
  if (!isNonBlank(record.subject)) errors.push(guardError('dossier.error.correspondenceSubjectRequired'));
  const timeField = direction === 'incoming' ? 'receivedAt' : 'sentAt';
  if (!isIsoDateTime(record[timeField])) errors.push(guardError('dossier.error.invalidDateTime', { field: timeField, value: String(record[timeField] ?? '') }));
  const names = record.attachmentNames;
  if (!Array.isArray(names) || !names.every((name) => isNonBlank(name))) errors.push(guardError('dossier.error.invalidAttachmentNames'));
  if (direction === 'outgoing' && record.recipientsCount !== undefined && !(isCount(record.recipientsCount) && (record.recipientsCount as number) > 0)) {
    errors.push(guardError('dossier.error.invalidRecipientsCount', { value: String(record.recipientsCount) }));
  }
  return errors;
};

/** The same message recorded twice (an import or a send replayed with another command id) is refused. */
export const correspondenceNotRecordedYet: Guard = ({ command, dossier }) => {
  if (command.type !== 'recordCorrespondence' || !dossier || !isNonBlank(command.messageId)) return undefined;
  const earlier = dossier.correspondence.find((entry) => entry.messageId === command.messageId);
  return earlier ? guardError('dossier.error.correspondenceAlreadyRecorded', { messageId: command.messageId, eventId: earlier.eventId }) : undefined;
};

/**
 * A received mail is linked only when its sender is known for the dossier (`senderVerdict`) or the
 * team confirmed it. The domain refuses the link otherwise, so no client can skip the question. The
 * institution's other addresses come from `context.facts` (assembled by the trusted writer).
 */
export const incomingSenderKnown: Guard = ({ command, dossier, facts }) => {
  if (command.type !== 'recordCorrespondence' || command.direction !== 'incoming' || !dossier) return undefined;
  const sender: unknown = command.sender;
  if (!isEmailAddress(sender)) return guardError('dossier.error.senderRequired');
  if (command.senderConfirmed === true) return undefined;
  const verdict = senderVerdict(sender, senderFactsOf(dossier, facts?.institutionAddresses ?? [], facts?.institutionDpo));
  return verdict.known ? undefined : guardError(verdict.code, verdict.params);
};

/**
 * The mail with both versions (`countersignedProtocol`) carries the countersigned original(s) and at
 * least one more file (the publication version): it is never recorded as sent without them.
 */
export const countersignedMailAttachments: Guard = ({ command, dossier }) => {
  if (command.type !== 'recordCorrespondence' || command.direction !== 'outgoing' || command.kind !== 'countersignedProtocol' || !dossier) return undefined;
  const names = (Array.isArray(command.attachmentNames) ? command.attachmentNames : []).map((name) => String(name).trim().toLowerCase());
  const originals = currentDocuments(dossier, 'countersigned').map((document) => document.fileName);
  if (originals.length === 0) return guardError('dossier.error.countersignedOriginalMissing');
  const missing = originals.filter((name) => !names.includes(name.toLowerCase()));
  if (missing.length > 0) return guardError('dossier.error.countersignedOriginalNotAttached', { fileName: missing.join(', ') });
  return names.length > originals.length ? undefined : guardError('dossier.error.publicationVersionNotAttached');
};

/**
 * An outgoing mail is recorded (and so sent: the correspondence service asks `decide` first) only by
 * whoever sends that kind (`mailSenders`): the DPO team, and the assigned statistician for the step-1 mails.
 */
export const mailSenderAllowed: Guard = ({ command, actor, dossier }) => {
  if (command.type !== 'recordCorrespondence' || command.direction !== 'outgoing' || !isOutgoingMailKind(command.kind)) return undefined;
  // Without any VSA role the table refuses already (`forbidden`): one reason is enough.
  if (actor.roles.length === 0) return undefined;
  return maySendMail(command.kind, actor, dossier) ? undefined : guardError('dossier.error.mailSenderNotAllowed', { mailKind: command.kind });
};
