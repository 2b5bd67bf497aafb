import { isProtocolNumber, parseAddendumNumber } from '../numbering';
import { isIsoDate, isNonBlank } from '../rules/text';
import type { DomainError } from '../types';
import { type Guard, guardError } from './context';

/** Guards of deliberation, decision, signature, publication, delivery and the any-state commands. */

export const questionPresent: Guard = ({ command }) =>
  command.type !== 'requestMoreInformation' || isNonBlank(command.question) ? undefined : guardError('dossier.error.questionRequired');

/** Standard: a protocol number. Simplified: an addendum number of the dossier's parent protocol. */
export const numberMatchesProcedure: Guard = ({ command, dossier }) => {
  if (command.type !== 'countersign' || !dossier) return undefined;
  const number = String(command.number ?? '');
  if (dossier.procedure !== 'simplified') {
    return isProtocolNumber(number) ? undefined : guardError('dossier.error.invalidProtocolNumber', { number });
  }
  const parts = parseAddendumNumber(number);
  if (!parts) return guardError('dossier.error.invalidAddendumNumber', { number });
  const parent = dossier.parentProtocolNumber ?? '';
  return parts.protocolNumber === parent ? undefined : guardError('dossier.error.addendumNotLinked', { number, parent });
};

export const optionalEndDateValid: Guard = ({ command }) => {
  if (command.type !== 'countersign' || command.protocolEndDate === undefined || isIsoDate(command.protocolEndDate)) return undefined;
  return guardError('dossier.error.invalidDate', { field: 'protocolEndDate', value: String(command.protocolEndDate) });
};

/** Both versions were sent; the stored publication version itself is checked by `documentsWellFormed`. */
export const publicationStored: Guard = ({ command }) =>
  command.type !== 'publish' || command.bothVersionsSent === true ? undefined : guardError('dossier.error.bothVersionsNotSent');

export const deliveryComplete: Guard = ({ command }) => {
  if (command.type !== 'registerDelivery') return undefined;
  const errors: DomainError[] = [];
  if (!isIsoDate(command.deliveredOn)) errors.push(guardError('dossier.error.invalidDate', { field: 'deliveredOn', value: String(command.deliveredOn ?? '') }));
  if (!isNonBlank(command.dataset)) errors.push(guardError('dossier.error.datasetRequired'));
  const variables = command.variables;
  if (variables !== undefined && !(Number.isInteger(variables) && variables > 0)) errors.push(guardError('dossier.error.invalidVariablesCount'));
  return errors;
};

export const withdrawalReason: Guard = ({ command }) =>
  command.type !== 'withdraw' || isNonBlank(command.reason) ? undefined : guardError('dossier.error.reasonRequired');

export const commentText: Guard = ({ command }) =>
  command.type !== 'addComment' || isNonBlank(command.text) ? undefined : guardError('dossier.error.commentTextRequired');
