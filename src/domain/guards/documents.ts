import { openRequesterFindings } from '../findings';
import { acceptedKinds, currentDocuments, draftCompleteness, latestPerKind } from '../rules/completeness';
import { isNonBlank } from '../rules/text';
import { isSignatoryCapacity } from '../signatories';
import { hasPersonSignature } from '../rules/completeness';
import { dossierSignedSetFindings, signedSetOf } from '../signedSet';
import type { DocumentPhase, DocumentRegistration, DomainError, ProcedureId } from '../types';
import { type Guard, type GuardContext, guardError } from './context';

const isCount = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** The documents a command registers and the phase they belong to. */
export function registeredDocuments(context: GuardContext): { phase: DocumentPhase; documents: readonly DocumentRegistration[] } | undefined {
  const { command } = context;
  switch (command.type) {
    case 'registerDraftDocuments':
      return { phase: 'draft', documents: command.documents };
    case 'registerSignedDocuments':
      return { phase: 'signed', documents: command.documents };
    case 'countersign':
      return { phase: 'countersigned', documents: command.documents ?? [] };
    case 'publish':
      return { phase: 'publication', documents: command.publicationDocument ? [command.publicationDocument] : [] };
    default:
      return undefined;
  }
}

/** Problems with one document description: missing fields, kind outside the phase, bad summary. */
export function documentErrors(doc: DocumentRegistration, procedure: ProcedureId, phase: DocumentPhase): DomainError[] {
  const fileName = isNonBlank(doc?.fileName) ? doc.fileName : String(doc?.id ?? '?');
  const invalid = (field: string): DomainError => guardError('dossier.error.invalidDocument', { fileName, field });
  const errors: DomainError[] = [];
  if (!isNonBlank(doc?.id)) errors.push(invalid('id'));
  if (!isNonBlank(doc?.fileName)) errors.push(invalid('fileName'));
  if (!isNonBlank(doc?.version)) errors.push(invalid('version'));
  const summary = doc?.checkSummary;
  if (summary !== undefined && !(isCount(summary?.blocking) && isCount(summary?.warnings) && isCount(summary?.info))) {
    errors.push(invalid('checkSummary'));
  }
  const signatory = doc?.signatory;
  if (signatory !== undefined && !(isNonBlank(signatory?.name) && isSignatoryCapacity(signatory?.capacity))) {
    errors.push(invalid('signatory'));
  }
  if (!acceptedKinds(procedure, phase).includes(doc?.kind)) {
    errors.push(guardError('dossier.error.unexpectedDocument', { kind: String(doc?.kind) }));
  }
  return errors;
}

/** Every registered document is well described and belongs to the phase; ids are unique. */
export const documentsWellFormed: Guard = (context) => {
  const registered = registeredDocuments(context);
  if (!registered) return undefined;
  const { phase, documents } = registered;
  const list = Array.isArray(documents) ? documents : [];
  if (list.length === 0) return phase === 'countersigned' ? undefined : guardError('dossier.error.noDocuments');
  const procedure = context.dossier?.procedure ?? 'standard';
  const errors = list.flatMap((doc) => documentErrors(doc, procedure, phase));
  const ids = list.map((doc) => doc?.id);
  ids.filter((id, index) => ids.indexOf(id) !== index).forEach((id) => errors.push(guardError('dossier.error.duplicateDocumentId', { id: String(id) })));
  return errors;
};

/** All draft documents of the procedure present (earlier drafts count unless replaced), unsigned. */
export const draftDocumentsComplete: Guard = ({ command, dossier }) => {
  if (command.type !== 'registerDraftDocuments' || !dossier || !Array.isArray(command.documents)) return undefined;
  const merged = latestPerKind([...currentDocuments(dossier, 'draft'), ...command.documents]);
  const { missing } = draftCompleteness(dossier.procedure ?? 'standard', merged);
  const errors: DomainError[] = missing.map((kind) => guardError('dossier.error.missingDocument', { kind }));
  command.documents
    .filter((doc) => doc?.signatory !== undefined)
    .forEach((doc) => errors.push(guardError('dossier.error.draftDocumentSigned', { fileName: String(doc.fileName) })));
  return errors;
};

/**
 * Every signed document (the mandate proof aside) is signed: it carries a person's electronic
 * signature (the service's report) or, for a form registered without a report, a typed signatory.
 * Whether the signatures hold is the signed-set rule's (`signedSet.ts`): its blocking findings keep
 * the set from the countersignature, but the documents and their reports are recorded, so the team
 * sees in the register why.
 */
export const signedDocumentsSigned: Guard = ({ command }) => {
  if (command.type !== 'registerSignedDocuments' || !Array.isArray(command.documents)) return undefined;
  return command.documents
    .filter((doc) => doc?.kind !== 'mandate' && doc?.signatory === undefined && !hasPersonSignature(doc))
    .map((doc) => guardError('dossier.error.signedDocumentUnsigned', { fileName: String(doc?.fileName) }));
};

/** A warning of the current signed set, not accepted yet, with a reason: the DPO team may accept it. */
export const signatureWarningAcceptable: Guard = ({ command, dossier }) => {
  if (command.type !== 'acceptSignatureWarning' || !dossier) return undefined;
  if (!isNonBlank(command.reason)) return guardError('dossier.error.reasonRequired');
  const index = command.signatureIndex;
  if (index !== undefined && !(typeof index === 'number' && Number.isInteger(index) && index >= 0)) {
    return guardError('dossier.error.signatureFindingUnknown', { fileName: String(command.documentId) });
  }
  const findings = dossierSignedSetFindings(dossier).filter(
    (finding) => finding.documentId === command.documentId && finding.code === command.code && finding.signatureIndex === index
  );
  const finding = findings[0];
  const fileName = signedSetOf(dossier).find((document) => document.id === command.documentId)?.fileName ?? String(command.documentId);
  if (!finding) return guardError('dossier.error.signatureFindingUnknown', { fileName });
  if (finding.severity === 'blocking') return guardError('dossier.error.signatureFindingBlocking', { fileName: finding.fileName });
  if (finding.accepted) return guardError('dossier.error.signatureWarningAlreadyAccepted', { fileName: finding.fileName });
  return undefined;
};

/** Every current draft was checked without blocking findings, or the command gives an override reason. */
export const checksPassedOrOverridden: Guard = ({ command, dossier }) => {
  if (command.type !== 'startDeliberation' || !dossier || isNonBlank(command.overrideReason)) return undefined;
  // A draft whose check results are finding records is judged per finding (`requesterFindingsClosedOrOverridden`):
  // one blocking result is overridden once, with its own reason. The counts decide only for drafts read before the review loop.
  const recorded = new Set(dossier.findings.filter((finding) => finding.origin === 'check').map((finding) => finding.documentKind));
  const reviewed = new Set(dossier.unreadableVersions.map((notice) => notice.documentId));
  return currentDocuments(dossier, 'draft').filter((doc) => !recorded.has(doc.kind) || reviewed.has(doc.id)).flatMap((doc): DomainError[] => {
    if (!doc.checkSummary) return [guardError('dossier.error.documentNotChecked', { fileName: doc.fileName })];
    if (doc.checkSummary.blocking > 0) {
      return [guardError('dossier.error.blockingFindings', { fileName: doc.fileName, count: doc.checkSummary.blocking })];
    }
    return [];
  });
};

/** Something to send back: an open requester finding, or at least one non-empty free remark. */
export const reviewCommentPresent: Guard = ({ command, dossier }) => {
  if (command.type !== 'returnForChanges') return undefined;
  if (dossier && openRequesterFindings(dossier.findings).length > 0) return undefined;
  const comments = Array.isArray(command.reviewComments) ? command.reviewComments : [];
  return comments.some((c) => isNonBlank(c?.text)) ? undefined : guardError('dossier.error.reviewCommentRequired');
};
