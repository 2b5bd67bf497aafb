/**
 * Step 5: the countersigned original. The Chief Statistician (or another configured VSA signatory)
 * adds a signature to the very document the requester signed: the report of that file must show the
 * requester's valid signature(s) first, then a valid signature of a VSA signatory, added after them
 * without changing what they signed. The rule reads only the signature reports (`signatures.ts`) the
 * trusted command service computed; it never trusts a typed name.
 */
import { personSignatures, type DocumentSignatureReport, type SignatureReport } from '../signatures';
import { samePersonName, signerName } from '../signerMatching';
import type { DocumentRegistration, DomainError } from '../types';

/** The signer's name to show in a message (from the certificate, never a PDF's free `/Name`). */
export function signerDisplayName(signature: SignatureReport): string {
  return signerName(signature) ?? '?';
}

/** True when the signature's certificate names one of the people. */
export function signedByOneOf(signature: SignatureReport, people: readonly string[]): boolean {
  const signer = signature.signer;
  const names = [signerName(signature), [signer?.givenName, signer?.surname].filter(Boolean).join(' ')];
  return people.some((person) => names.some((name) => samePersonName(name, person)));
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
    // The very signatures of the signed document (same signature value), not the same people signing another
    // document; reports stored before the value was recorded are compared by certificate.
    const values = new Set(split.requester.map((signature) => signature.signatureValueSha256).filter(Boolean));
    const present = new Set(split.requester.map((signature) => signature.signer?.fingerprintSha256).filter(Boolean));
    const missing = personSignatures(signedReport).filter((signature) =>
      signature.signatureValueSha256 && values.size > 0 ? !values.has(signature.signatureValueSha256) : signature.signer !== undefined && !present.has(signature.signer.fingerprintSha256)
    );
    if (missing.length > 0) errors.push(error('dossier.error.countersignedNotSameDocument', { fileName, signedFileName: signed.fileName }));
  }
  return errors;
}

/** True when the registration's report shows at least one person's signature (a signed file, not a plain copy). */
function carriesSignatures(document: DocumentRegistration): boolean {
  return document.signatures !== undefined && document.signatures.readable && personSignatures(document.signatures).length > 0;
}

/**
 * The countersignature's documents judged together: at least one must be the countersigned original
 * (`countersignatureErrors` empty); beside it, a copy without any electronic signature may go along
 * (the Word form with the typed names), but a signed file that fails the rule is refused. Without any
 * original, every document's reasons are given. `signedOf` gives the requester's signed document of a kind.
 */
export function countersignedSetErrors(
  documents: readonly DocumentRegistration[],
  vsaSignatories: readonly string[],
  signedOf: (document: DocumentRegistration) => DocumentRegistration | undefined
): DomainError[] {
  const judged = documents.map((document) => ({ document, errors: countersignatureErrors(document, vsaSignatories, signedOf(document)) }));
  if (!judged.some((entry) => entry.errors.length === 0)) return judged.flatMap((entry) => entry.errors);
  return judged.filter((entry) => entry.errors.length > 0 && carriesSignatures(entry.document)).flatMap((entry) => entry.errors);
}
