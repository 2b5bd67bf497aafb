/**
 * The signed-set rule (step 4): what the verified signatures of the signed documents say, judged for
 * this dossier. Blocking findings keep the dossier from going to the countersignature; warnings do
 * not, and the DPO team may accept each one with a recorded reason (`acceptSignatureWarning`), never a
 * blocking one. One rule: the handler (transition), the guard (acceptance) and the register panel
 * (explanations) all read `signedSetFindings`.
 */
import type { Institution } from './institutions';
import { currentDocuments, latestPerKind } from './rules/completeness';
import { matchSigner, typedSignatoryMatches, type MandateInDossier, type SignerMatch } from './signerMatching';
import { personSignatures, type DocumentSignatureReport, type SignatureProblemCode, type SignatureReport } from './signatures';
import type { DocumentKind, DocumentRegistration, Dossier, IsoDateTime, PersonRef } from './types';

/** What the signed-set rule finds; the report's problem codes plus the dossier's own. */
export type SignedSetFindingCode =
  | SignatureProblemCode
  /** A form of the signed set carries no person's electronic signature. */
  | 'noSignature'
  /** The verifier could not read the file (params: error). */
  | 'fileUnreadable'
  /** Some certificate of the chain is missing: no path to a trust anchor can be built. */
  | 'chainIncomplete'
  /** The signer is no authorised signatory and has no mandate valid at the signing time (params: name, reason). */
  | 'signerNotAllowed'
  /** The typed signatory of the form is not the person who signed (params: typed, signers). */
  | 'typedSignatoryDiffers'
  /** Signed before the Chief Statistician's decision (params: signingTime, decisionAt). */
  | 'signedBeforeDecision'
  /** Registered without a verification report (no verifier configured, or registered before verification existed). */
  | 'notVerified'
  /**
   * The signer is covered only by a mandate document in the dossier (params: name, fileName, signingTime):
   * nothing proves by data whom it names, what it covers or for how long, so the DPO team reads it and
   * accepts with a reason (a mandate in the institution register is checked by its period instead).
   */
  | 'mandateToCheck';

export type SignedSetSeverity = 'blocking' | 'warning';

/** A warning the DPO team accepted, with its reason. */
export interface SignatureWarningAcceptance {
  readonly documentId: string;
  /** The document version the warning was accepted for: a new version is judged afresh. */
  readonly version: string;
  /** The signature's index in the report; absent for a finding about the whole document. */
  readonly signatureIndex?: number;
  readonly code: SignedSetFindingCode;
  readonly reason: string;
  readonly by: PersonRef;
  readonly at: IsoDateTime;
}

/** One finding about one signature (or a whole document when `signatureIndex` is absent). */
export interface SignedSetFinding {
  readonly documentId: string;
  readonly version: string;
  readonly fileName: string;
  readonly documentKind: DocumentKind;
  readonly signatureIndex?: number;
  readonly code: SignedSetFindingCode;
  readonly severity: SignedSetSeverity;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The acceptance, when the DPO team accepted this warning. */
  readonly accepted?: SignatureWarningAcceptance;
}

/**
 * How the signed set judges each problem of a report. The list: blocking when the signature
 * is missing, invalid, modified after signing or untrusted (and anything that makes it so); warning
 * when it is not qualified or its revocation could not be checked. A time-stamp that does not verify
 * is a warning: the signature then counts at its claimed time, which `signedBeforeDecision` judges.
 */
export const signedSetSeverity: Readonly<Record<SignedSetFindingCode, SignedSetSeverity>> = {
  digestMismatch: 'blocking',
  signatureInvalid: 'blocking',
  byteRangeInvalid: 'blocking',
  signatureMalformed: 'blocking',
  signerCertificateMissing: 'blocking',
  certificateNotValidAtSigning: 'blocking',
  chainUntrusted: 'blocking',
  certificateRevoked: 'blocking',
  modifiedAfterSigning: 'blocking',
  unsupported: 'blocking',
  notQualified: 'warning',
  revocationNotChecked: 'warning',
  timestampInvalid: 'warning',
  noSignature: 'blocking',
  fileUnreadable: 'blocking',
  chainIncomplete: 'blocking',
  signerNotAllowed: 'blocking',
  typedSignatoryDiffers: 'blocking',
  signedBeforeDecision: 'warning',
  notVerified: 'warning',
  mandateToCheck: 'warning'
};

/** What the rule judges a signed set against. */
export interface SignedSetContext {
  /** The institution's register entry (absent: not in the register). */
  readonly institution?: Institution;
  /** Mandate documents registered in the dossier and whom they cover. */
  readonly mandatesInDossier: readonly MandateInDossier[];
  /** When the Chief Statistician decided (signatures made before are a warning). */
  readonly decisionAt?: IsoDateTime;
  readonly acceptances: readonly SignatureWarningAcceptance[];
}

/** One signature of a document, with the person it is matched to (what the panel shows). */
export interface MatchedSignature {
  readonly signature: SignatureReport;
  readonly match: SignerMatch;
}

/** The person signatures of a document's report, each matched (empty without a report). */
export function matchedSignatures(document: Pick<DocumentRegistration, 'signatures'>, context: Pick<SignedSetContext, 'institution' | 'mandatesInDossier'>): MatchedSignature[] {
  if (!document.signatures) return [];
  return personSignatures(document.signatures).map((signature) => ({
    signature,
    match: matchSigner(signature, context.institution, context.mandatesInDossier, signature.signingTime)
  }));
}

type Raw = { readonly code: SignedSetFindingCode; readonly signatureIndex?: number; readonly params?: Readonly<Record<string, string | number>> };

/** The problems of one signature: the report's codes, plus what its fields say when the verifier did not code it. */
function signatureProblems(signature: SignatureReport, match: SignerMatch, decisionAt: IsoDateTime | undefined): Raw[] {
  const found: Raw[] = signature.problems.map((problem) => ({ code: problem.code, ...(problem.params ? { params: problem.params } : {}) }));
  const has = (code: SignedSetFindingCode): boolean => found.some((entry) => entry.code === code);
  const add = (code: SignedSetFindingCode, params?: Readonly<Record<string, string | number>>): void => {
    if (!has(code)) found.push({ code, ...(params ? { params } : {}) });
  };
  if (signature.integrity === 'failed' && !has('byteRangeInvalid') && !has('signatureMalformed')) add('digestMismatch');
  if (signature.cryptographic === 'failed' && !has('signatureMalformed')) add('signatureInvalid');
  if (signature.modifiedAfterSigning) add('modifiedAfterSigning');
  if (signature.chain === 'untrusted') add('chainUntrusted');
  if (signature.chain === 'incomplete' && !has('chainUntrusted')) add('chainIncomplete');
  if (signature.revocation === 'revoked') add('certificateRevoked');
  if (signature.revocation === 'notChecked') add('revocationNotChecked');
  if (!signature.signer) add('signerCertificateMissing');
  else if (!signature.signer.qualified.qualified) add('notQualified');
  if (signature.status === 'invalid' && !found.some((entry) => signedSetSeverity[entry.code] === 'blocking')) add('signatureInvalid');
  if (match.kind === 'none' && signature.signer) add('signerNotAllowed', { name: match.name ?? '', reason: match.reason });
  if (match.kind === 'mandated' && match.source === 'dossier') {
    add('mandateToCheck', { name: match.name, fileName: match.documentFileName ?? '', signingTime: signature.signingTime });
  }
  if (decisionAt !== undefined && signature.signingTime < decisionAt) add('signedBeforeDecision', { signingTime: signature.signingTime, decisionAt });
  return found.map((entry) => ({ ...entry, signatureIndex: signature.index }));
}

function unreadableParams(report: DocumentSignatureReport): Readonly<Record<string, string | number>> {
  return { error: report.error?.code ?? 'malformed' };
}

/** The findings of one document of the signed set (a mandate document is shown, not judged). */
function documentFindings(document: DocumentRegistration, context: SignedSetContext): Raw[] {
  if (document.kind === 'mandate') return [];
  const report = document.signatures;
  if (!report) return [{ code: document.signatory ? 'notVerified' : 'noSignature' }];
  if (!report.readable) return [{ code: 'fileUnreadable', params: unreadableParams(report) }];
  const matched = matchedSignatures(document, context);
  if (matched.length === 0) return [{ code: 'noSignature' }];
  const found = matched.flatMap(({ signature, match }) => signatureProblems(signature, match, context.decisionAt));
  if (document.signatory && !typedSignatoryMatches(document.signatory, matched.map((entry) => entry.signature))) {
    const signers = matched.map((entry) => entry.match.name ?? '?').join(', ');
    found.push({ code: 'typedSignatoryDiffers', params: { typed: document.signatory.name, signers } });
  }
  return found;
}

const sameFinding = (acceptance: SignatureWarningAcceptance, document: DocumentRegistration, raw: Raw): boolean =>
  acceptance.documentId === document.id && acceptance.version === document.version && acceptance.code === raw.code && acceptance.signatureIndex === raw.signatureIndex;

/** Every finding of a signed set (the documents the set holds now), in document and signature order. */
export function signedSetFindings(documents: readonly DocumentRegistration[], context: SignedSetContext): SignedSetFinding[] {
  return documents.flatMap((document) =>
    documentFindings(document, context).map((raw): SignedSetFinding => {
      const severity = signedSetSeverity[raw.code];
      const accepted = severity === 'warning' ? context.acceptances.find((acceptance) => sameFinding(acceptance, document, raw)) : undefined;
      return {
        documentId: document.id,
        version: document.version,
        fileName: document.fileName,
        documentKind: document.kind,
        ...(raw.signatureIndex !== undefined ? { signatureIndex: raw.signatureIndex } : {}),
        code: raw.code,
        severity,
        ...(raw.params ? { params: raw.params } : {}),
        ...(accepted ? { accepted } : {})
      };
    })
  );
}

/**
 * The mandates a dossier's signed set holds: when a mandate document is among the documents, it covers
 * the persons the forms name as signing by delegation (`gevolmachtigde`).
 */
export function mandatesInSet(documents: readonly DocumentRegistration[]): MandateInDossier[] {
  const mandate = documents.find((document) => document.kind === 'mandate');
  if (!mandate) return [];
  return documents
    .filter((document) => document.kind !== 'mandate' && document.signatory?.capacity === 'gevolmachtigde')
    .map((document) => ({ mandatedPerson: (document.signatory as NonNullable<typeof document.signatory>).name, documentId: mandate.id, fileName: mandate.fileName }));
}

/** The signed set of a dossier with `added` registered on top (later registrations replace a kind). */
export function signedSetOf(dossier: Pick<Dossier, 'documents'>, added: readonly DocumentRegistration[] = []): DocumentRegistration[] {
  return latestPerKind<DocumentRegistration>([...currentDocuments(dossier, 'signed'), ...added]);
}

/** The context the dossier gives (with the institution a registration brings, when it brings one). */
export function signedSetContextOf(
  dossier: Pick<Dossier, 'decision' | 'signerInstitution' | 'signatureAcceptances'>,
  documents: readonly DocumentRegistration[],
  institution?: Institution
): SignedSetContext {
  const found = institution ?? dossier.signerInstitution;
  return {
    ...(found ? { institution: found } : {}),
    mandatesInDossier: mandatesInSet(documents),
    ...(dossier.decision ? { decisionAt: dossier.decision.at } : {}),
    acceptances: dossier.signatureAcceptances ?? []
  };
}

/** The findings of a dossier's current signed set (what the panel shows and an acceptance is checked against). */
export function dossierSignedSetFindings(dossier: Pick<Dossier, 'documents' | 'decision' | 'signerInstitution' | 'signatureAcceptances'>): SignedSetFinding[] {
  const documents = signedSetOf(dossier);
  return signedSetFindings(documents, signedSetContextOf(dossier, documents));
}

/** The blocking findings: what keeps the set from the countersignature. */
export const blockingFindings = (findings: readonly SignedSetFinding[]): SignedSetFinding[] => findings.filter((finding) => finding.severity === 'blocking');

/** The warnings nobody accepted yet. */
export const openWarnings = (findings: readonly SignedSetFinding[]): SignedSetFinding[] =>
  findings.filter((finding) => finding.severity === 'warning' && !finding.accepted);
