import { isEmailAddress, isIsoDateTime, isNonBlank } from '../rules/text';
import { isOutgoingMailKind } from '../rules/correspondence';
import { senderFactsOf, senderVerdict } from '../rules/sender';
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
