import { hasMandateDocument } from '../documentRules';
import { personSignatures } from '../signatures';
import type {
  DocumentKind,
  DocumentPhase,
  DocumentRegistration,
  Dossier,
  DossierDocument,
  ProcedureId,
  Signatory
} from '../types';

/** Documents of the draft phase per procedure (step 2). */
export const draftDocumentKinds: Readonly<Record<ProcedureId, readonly DocumentKind[]>> = {
  standard: ['aanvraagformulier', 'verklaringTOM', 'protocol'],
  simplified: ['vereenvoudigdAanvraagformulier']
};

/** Documents that must come back signed per procedure (step 5). */
export const signedDocumentKinds: Readonly<Record<ProcedureId, readonly DocumentKind[]>> = {
  standard: ['aanvraagformulier', 'verklaringTOM', 'protocol'],
  simplified: ['vereenvoudigdAanvraagformulier', 'addendum']
};

/** Kinds a phase accepts: the required ones, plus the mandate proof in the signed phase. */
export function acceptedKinds(procedure: ProcedureId, phase: DocumentPhase): readonly DocumentKind[] {
  switch (phase) {
    case 'draft':
      return draftDocumentKinds[procedure];
    case 'signed':
      return [...signedDocumentKinds[procedure], 'mandate'];
    case 'countersigned':
      return procedure === 'standard' ? ['protocol'] : ['addendum'];
    case 'publication':
      return ['publicationVersion'];
    case 'closeOut':
      return ['destructionStatement'];
  }
}

/** The documents of a phase that no later document replaced. */
export function currentDocuments(dossier: Pick<Dossier, 'documents'>, phase: DocumentPhase): DossierDocument[] {
  return dossier.documents.filter((doc) => doc.phase === phase && !doc.superseded);
}

/** Latest document per kind: later registrations replace earlier ones of the same kind. */
export function latestPerKind<T extends DocumentRegistration>(documents: readonly T[]): T[] {
  const byKind = new Map<DocumentKind, T>();
  for (const doc of documents) byKind.set(doc.kind, doc);
  return [...byKind.values()];
}

/** Outcome of a completeness rule. */
export interface Completeness {
  readonly complete: boolean;
  /** Required kinds with no document. */
  readonly missing: readonly DocumentKind[];
  /** Signatories acting by delegation while no mandate proof is present. */
  readonly mandateMissingFor: readonly Signatory[];
}

const missingKinds = (required: readonly DocumentKind[], docs: readonly DocumentRegistration[]): DocumentKind[] =>
  required.filter((kind) => !docs.some((doc) => doc.kind === kind));

/** Draft set: the procedure's documents are all present (unsignedness is checked per document). */
export function draftCompleteness(procedure: ProcedureId, documents: readonly DocumentRegistration[]): Completeness {
  const missing = missingKinds(draftDocumentKinds[procedure], documents);
  return { complete: missing.length === 0, missing, mandateMissingFor: [] };
}

/** True when the service's report of the document holds at least one person's signature (whatever its status). */
export function hasPersonSignature(document: Pick<DocumentRegistration, 'signatures'> | undefined): boolean {
  const report = document?.signatures;
  return report !== undefined && report.readable === true && Array.isArray(report.signatures) && personSignatures(report).length > 0;
}

/**
 * Signed set: standard three signed documents, or signed simplified form + signed addendum; plus
 * a mandate document when any signatory acts by delegation (`gevolmachtigde`).
 */
export function signedCompleteness(procedure: ProcedureId, documents: readonly DocumentRegistration[]): Completeness {
  const signed = documents.filter((doc) => doc.signatory !== undefined || doc.kind === 'mandate' || hasPersonSignature(doc));
  const missing = missingKinds(signedDocumentKinds[procedure], signed);
  const hasMandate = hasMandateDocument(signed);
  const delegated = signed
    .filter((doc) => doc.kind !== 'mandate' && doc.signatory?.capacity === 'gevolmachtigde')
    .map((doc) => doc.signatory as Signatory);
  const mandateMissingFor = hasMandate ? [] : uniqueByName(delegated);
  return { complete: missing.length === 0 && mandateMissingFor.length === 0, missing, mandateMissingFor };
}

function uniqueByName(signatories: readonly Signatory[]): Signatory[] {
  const seen = new Set<string>();
  return signatories.filter((s) => (seen.has(s.name) ? false : (seen.add(s.name), true)));
}

/** Completeness of a dossier's current documents in a phase (`draft` or `signed`). */
export function dossierCompleteness(dossier: Dossier, phase: 'draft' | 'signed'): Completeness {
  const procedure = dossier.procedure ?? 'standard';
  const docs = currentDocuments(dossier, phase);
  return phase === 'draft' ? draftCompleteness(procedure, docs) : signedCompleteness(procedure, docs);
}
