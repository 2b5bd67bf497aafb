/**
 * Step 5: the countersigned original. The Chief Statistician (or another configured VSA signatory)
 * adds a signature to the very document the requester signed: the report of that file must show the
 * requester's valid signature(s) first, then a valid signature of a VSA signatory, added after them
 * without changing what they signed. The rule reads only the signature reports (`signatures.ts`) the
 * trusted command service computed; it never trusts a typed name.
 */
import { personSignatures, type DocumentSignatureReport, type SignatureReport } from '../signatures';
import type { DocumentRegistration, DomainError } from '../types';

/**
 * A person's name as names are compared: the eID's " (Signature)" / " (Authentication)" suffix
 * dropped, diacritics and case ignored, the words in alphabetical order (so "Vermeulen Els" and
 * "Els Vermeulen" are the same person), punctuation as spaces.
 */
export function normalizePersonName(name: string): string {
  return (name ?? '')
    .replace(/\((signature|authentication)\)\s*$/i, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((word) => word.length > 0)
    .sort()
    .join(' ');
}

/** The names a signature's certificate gives: its common name, and given name with surname. */
export function signerNames(signature: SignatureReport): string[] {
  const signer = signature.signer;
  if (!signer) return [];
  const names = [signer.commonName ?? '', [signer.givenName, signer.surname].filter(Boolean).join(' ')];
  return names.map(normalizePersonName).filter((name) => name.length > 0);
}

/** The signer's name to show in a message: the certificate's common name, else given name and surname. */
export function signerDisplayName(signature: SignatureReport): string {
  const signer = signature.signer;
  return signer?.commonName ?? ([signer?.givenName, signer?.surname].filter(Boolean).join(' ') || '?');
}

/** True when the signature's certificate names one of the people. */
export function signedByOneOf(signature: SignatureReport, people: readonly string[]): boolean {
  const wanted = new Set(people.map(normalizePersonName).filter((name) => name.length > 0));
  return signerNames(signature).some((name) => wanted.has(name));
}

const error = (code: DomainError['code'], params: Record<string, string | number>): DomainError => ({ kind: 'guard', code, params });

/**
 * The signatures of a countersigned original, split as the rule reads them: the countersignature (the
 * last signature by a VSA signatory) and the requester's signatures before it. `undefined` fields when
 * the report has none.
 */
export interface CountersignedSignatures {
  readonly countersignature?: SignatureReport;
  readonly requester: readonly SignatureReport[];
  /** Signatures by others than a VSA signatory made after the countersignature. */
  readonly after: readonly SignatureReport[];
}

/** Splits a report's person signatures into the countersignature, the requester's before it and any after it. */
export function countersignedSignatures(report: DocumentSignatureReport, vsaSignatories: readonly string[]): CountersignedSignatures {
  const signatures = [...personSignatures(report)].sort((a, b) => a.index - b.index);
  const vsa = signatures.filter((signature) => signedByOneOf(signature, vsaSignatories));
  const countersignature = vsa[vsa.length - 1];
  if (!countersignature) return { requester: signatures, after: [] };
  const others = signatures.filter((signature) => !vsa.includes(signature));
  return {
    countersignature,
    requester: others.filter((signature) => signature.index < countersignature.index),
    after: others.filter((signature) => signature.index > countersignature.index)
  };
}

/**
 * Why a registered document is not a countersigned original (empty when it is):
 * - no report (the service could not verify it) or an unreadable file;
 * - no signature of a VSA signatory, or one that is not valid;
 * - no requester signature before it, a requester signature that is not valid or was modified after
 *   signing, or a signature of someone else after the countersignature;
 * - `signed` given (the requester's signed document of the kind, with its report): a signer of that
 *   document whose signature the countersigned file does not hold (not the same document).
 */
export function countersignatureErrors(
  document: DocumentRegistration,
  vsaSignatories: readonly string[],
  signed?: DocumentRegistration
): DomainError[] {
  const fileName = document.fileName;
  const report = document.signatures;
  if (!report) return [error('dossier.error.countersignatureNotVerified', { fileName })];
  if (!report.readable) return [error('dossier.error.countersignedUnreadable', { fileName, reason: report.error?.code ?? 'malformed' })];
  const split = countersignedSignatures(report, vsaSignatories);
  const errors: DomainError[] = [];
  const { countersignature } = split;
  if (!countersignature) {
    errors.push(error('dossier.error.countersignatureMissing', { fileName, signatories: vsaSignatories.join(', ') || '—' }));
  } else if (countersignature.status !== 'valid') {
    errors.push(error('dossier.error.countersignatureInvalid', { fileName, name: signerDisplayName(countersignature) }));
  }
  if (split.requester.length === 0) errors.push(error('dossier.error.requesterSignatureMissing', { fileName }));
  for (const signature of split.requester) {
    if (signature.modifiedAfterSigning) {
      errors.push(error('dossier.error.requesterSignatureModified', { fileName, name: signerDisplayName(signature) }));
    } else if (signature.status !== 'valid') {
      errors.push(error('dossier.error.requesterSignatureInvalid', { fileName, name: signerDisplayName(signature) }));
    }
  }
  for (const signature of split.after) errors.push(error('dossier.error.signatureAfterCountersignature', { fileName, name: signerDisplayName(signature) }));
  const signedReport = signed?.signatures;
  if (signed && signedReport && signedReport.readable) {
    const present = new Set(split.requester.map((signature) => signature.signer?.fingerprintSha256).filter(Boolean));
    const missing = personSignatures(signedReport).filter((signature) => signature.signer && !present.has(signature.signer.fingerprintSha256));
    if (missing.length > 0) errors.push(error('dossier.error.countersignedNotSameDocument', { fileName, signedFileName: signed.fileName }));
  }
  return errors;
}
