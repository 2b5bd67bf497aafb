import { isProtocolNumber, parseAddendumNumber } from '../numbering';
import { countersignedSetErrors } from '../rules/countersignature';
import { currentDocuments } from '../rules/completeness';
import { isIsoDate, isNonBlank } from '../rules/text';
import { isDeliveryChannel, isSha256Hex } from '../lifecycle';
import type { DomainError, Dossier } from '../types';
import { type Guard, type GuardContext, guardError } from './context';

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

/**
 * The countersigned original is among the documents (`countersignedSetErrors`): judged on the
 * signature report the service computed, against the VSA signatories (`facts.vsaSignatories`, else the
 * Chief Statistician giving the command) and the requester's signed document of the same kind.
 */
export const countersignedOriginal: Guard = ({ command, dossier, actor, facts }) => {
  if (command.type !== 'countersign' || !dossier || !Array.isArray(command.documents)) return undefined;
  const signatories = facts?.vsaSignatories && facts.vsaSignatories.length > 0 ? facts.vsaSignatories : [actor.displayName];
  const signed = currentDocuments(dossier, 'signed');
  const documents = command.documents.filter((document) => document !== undefined && document !== null);
  return countersignedSetErrors(documents, signatories, (document) => signed.find((candidate) => candidate.kind === document.kind));
};

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The mail that sent both versions to the requester: an outgoing `countersignedProtocol` mail recorded
 * after the countersignature whose attachments hold every current countersigned original and, when
 * given, the publication version.
 */
export function bothVersionsMail(dossier: Dossier, publicationFileName?: string): Dossier['correspondence'][number] | undefined {
  const originals = currentDocuments(dossier, 'countersigned').map((document) => document.fileName);
  const since = dossier.countersignedAt ?? '';
  return [...dossier.correspondence].reverse().find((entry) =>
    entry.direction === 'outgoing' &&
    entry.kind === 'countersignedProtocol' &&
    entry.recordedAt >= since &&
    originals.length > 0 &&
    originals.every((name) => entry.attachmentNames.some((attached) => sameName(attached, name))) &&
    (publicationFileName === undefined || entry.attachmentNames.some((attached) => sameName(attached, publicationFileName))));
}

/**
 * Publishing needs the recorded mail that sent both versions (the countersigned original and this
 * publication version) to the requester; the stored publication version itself is checked by
 * `documentsWellFormed`.
 */
export const publicationStored: Guard = ({ command, dossier }) => {
  if (command.type !== 'publish' || !dossier) return undefined;
  const fileName = typeof command.publicationDocument?.fileName === 'string' ? command.publicationDocument.fileName : '';
  return bothVersionsMail(dossier, fileName) ? undefined : guardError('dossier.error.bothVersionsNotSent', { fileName: fileName || '—' });
};

export const deliveryComplete: Guard = ({ command, dossier }) => {
  if (command.type !== 'registerDelivery') return undefined;
  const errors: DomainError[] = [];
  if (!isIsoDate(command.deliveredOn)) errors.push(guardError('dossier.error.invalidDate', { field: 'deliveredOn', value: String(command.deliveredOn ?? '') }));
  if (!isNonBlank(command.dataset)) errors.push(guardError('dossier.error.datasetRequired'));
  const variables = command.variables;
  if (variables !== undefined && !(Number.isInteger(variables) && variables > 0)) errors.push(guardError('dossier.error.invalidVariablesCount'));
  return [...errors, ...deliveredWhatErrors(command, dossier)];
};

/**
 * Lifecycle (issue 16): the waves are ones the dossier requested (when its forms named any), the channel
 * one of `deliveryChannels`, every checksum a SHA-256 with its file name. All optional (older clients).
 */
function deliveredWhatErrors(command: Extract<GuardContext['command'], { type: 'registerDelivery' }>, dossier: Dossier | undefined): DomainError[] {
  const errors: DomainError[] = [];
  const requested = dossier?.requestedData?.surveys ?? [];
  const waves: unknown = command.waves;
  if (waves !== undefined) {
    const list: unknown[] = Array.isArray(waves) ? waves : [waves];
    for (const wave of list) {
      if (!isNonBlank(wave) || (requested.length > 0 && !requested.includes(wave))) {
        errors.push(guardError('dossier.error.waveNotRequested', { wave: String(wave), requested: requested.join(', ') || '—' }));
      }
    }
  }
  if (command.channel !== undefined && !isDeliveryChannel(command.channel)) errors.push(guardError('dossier.error.deliveryChannelInvalid', { value: String(command.channel) }));
  const files: unknown = command.files;
  if (files !== undefined) {
    for (const file of Array.isArray(files) ? (files as unknown[]) : [files]) {
      const entry = (file ?? {}) as { fileName?: unknown; sha256?: unknown };
      if (!isNonBlank(entry.fileName)) errors.push(guardError('dossier.error.deliveredFileNameRequired'));
      if (!isSha256Hex(typeof entry.sha256 === 'string' ? entry.sha256.trim() : entry.sha256)) {
        errors.push(guardError('dossier.error.checksumInvalid', { fileName: String(entry.fileName ?? '—') }));
      }
    }
  }
  return errors;
}

export const withdrawalReason: Guard = ({ command }) =>
  command.type !== 'withdraw' || isNonBlank(command.reason) ? undefined : guardError('dossier.error.reasonRequired');

export const commentText: Guard = ({ command }) =>
  command.type !== 'addComment' || isNonBlank(command.text) ? undefined : guardError('dossier.error.commentTextRequired');
