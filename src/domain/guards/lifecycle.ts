import { isIsoDate, isNonBlank } from '../rules/text';
import { brusselsDate, mailConfirmsDestruction } from '../lifecycle';
import type { DomainError } from '../types';
import { documentErrors } from './documents';
import { type Guard, guardError } from './context';

/** Guards of the life after delivery (issue 16): destruction and revocation. */

/**
 * The destruction is confirmed by exactly one piece of evidence: the requester's signed statement (a
 * `destructionStatement` document, registered with the event in phase `closeOut`) or a received mail
 * already recorded on the dossier (`recordCorrespondence`, incoming) and received on or after the delivery date.
 */
export const destructionEvidence: Guard = ({ command, dossier }) => {
  if (command.type !== 'confirmDestruction' || !dossier) return undefined;
  const statement = command.statement;
  const messageId: unknown = command.mailMessageId;
  const hasMail = isNonBlank(messageId);
  if (statement === undefined && !hasMail) return guardError('dossier.error.destructionEvidenceRequired');
  if (statement !== undefined && hasMail) return guardError('dossier.error.destructionEvidenceAmbiguous');
  if (statement !== undefined) return documentErrors(statement, dossier.procedure ?? 'standard', 'closeOut');
  const received = dossier.correspondence.find((entry) => entry.direction === 'incoming' && entry.messageId === messageId);
  if (!received || received.direction !== 'incoming') return guardError('dossier.error.destructionMailUnknown', { messageId: String(messageId) });
  // A mail received before the data were delivered (e.g. the forms mail) cannot confirm their destruction.
  const deliveredOn = dossier.delivery?.deliveredOn;
  if (!mailConfirmsDestruction(received, deliveredOn)) return guardError('dossier.error.destructionMailBeforeDelivery', { messageId: String(messageId), receivedOn: brusselsDate(received.receivedAt), deliveredOn: deliveredOn ?? '' });
  return undefined;
};

/**
 * A revocation has a reason and a date that is not after today (Brussels) nor before the countersignature;
 * only a standard dossier's protocol is revoked (an addendum follows its protocol).
 */
export const revocationComplete: Guard = ({ command, dossier, now }) => {
  if (command.type !== 'revokeProtocol' || !dossier) return undefined;
  const errors: DomainError[] = [];
  if (dossier.procedure !== 'standard' || !isNonBlank(dossier.protocolNumber)) errors.push(guardError('dossier.error.revocationNotAProtocol'));
  if (!isNonBlank(command.reason)) errors.push(guardError('dossier.error.revocationReasonRequired'));
  const date: unknown = command.date;
  if (!isIsoDate(date)) {
    errors.push(guardError('dossier.error.revocationDateInvalid', { value: String(date ?? '') }));
  } else if (date > brusselsDate(now)) {
    errors.push(guardError('dossier.error.revocationDateInFuture', { date }));
  } else if (dossier.countersignedAt && date < brusselsDate(dossier.countersignedAt)) {
    errors.push(guardError('dossier.error.revocationBeforeCountersignature', { date, countersignedOn: brusselsDate(dossier.countersignedAt) }));
  }
  return errors;
};
