import { normalizeAddress } from './rules/sender';
import type { CommandOf } from './commands';
import type { DossierEvent, EventBase } from './events';
import { signedCompleteness } from './rules/completeness';
import { blockingFindings, openWarnings, signedSetContextOf, signedSetFindings, signedSetOf } from './signedSet';
import { isRequesterEligible } from './rules/eligibility';
import { isNonBlank } from './rules/text';
import { openRequesterFindings } from './findings';
import { normalizeSha256, retentionWarnings } from './lifecycle';
import type { CommandType, Dossier, DomainWarning } from './types';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** An event before `decide` stamps id, dossier, actor, time and comment on it. */
export type EventPayload = DistributiveOmit<DossierEvent, keyof EventBase>;

/** What a handler produces once the table and the guards said yes. */
export interface HandlerResult {
  readonly events: readonly EventPayload[];
  readonly warnings: readonly DomainWarning[];
}

/** A handler turns an accepted command into events; the dossier exists except for `registerRequest`. */
export type Handler<K extends CommandType> = (command: CommandOf<K>, dossier: Dossier) => HandlerResult;

const only = (...events: EventPayload[]): HandlerResult => ({ events, warnings: [] });

/**
 * Signed documents are recorded with their reports; the set goes to the countersignature once it is
 * complete and the signed-set rule finds nothing blocking. Blocking findings and open warnings are
 * returned as warnings (the register shows each with its explanation).
 */
function registerSignedDocuments(command: CommandOf<'registerSignedDocuments'>, dossier: Dossier): HandlerResult {
  const signed = signedSetOf(dossier, command.documents);
  const completeness = signedCompleteness(dossier.procedure ?? 'standard', signed);
  const registered: EventPayload = {
    type: 'SignedDocumentsRegistered', documents: command.documents,
    ...(command.requestedData ? { requestedData: command.requestedData } : {}),
    ...(command.institution ? { institution: command.institution } : {})
  };
  const findings = signedSetFindings(signed, signedSetContextOf(dossier, signed, command.institution));
  const blocking = blockingFindings(findings);
  const warnings: DomainWarning[] = completeness.mandateMissingFor.map((s) => ({ code: 'dossier.warning.mandateMissing', params: { name: s.name } }));
  if (completeness.missing.length > 0) {
    warnings.unshift({ code: 'dossier.warning.signedSetIncomplete', params: { missing: completeness.missing.join(', ') } });
  }
  if (blocking.length > 0) warnings.push({ code: 'dossier.warning.signaturesBlocking', params: { count: blocking.length } });
  // `notVerified` (no verifier in this deployment, or a registration from before) is shown, not announced each time.
  const open = openWarnings(findings).filter((finding) => finding.code !== 'notVerified');
  if (open.length > 0) warnings.push({ code: 'dossier.warning.signatureWarnings', params: { count: open.length } });
  const events: EventPayload[] = completeness.complete && blocking.length === 0 ? [registered, { type: 'SignedSetCompleted' }] : [registered];
  return { events, warnings };
}

/** The warning's acceptance, for the document version the finding is about. */
function acceptSignatureWarning(command: CommandOf<'acceptSignatureWarning'>, dossier: Dossier): HandlerResult {
  const document = signedSetOf(dossier).find((candidate) => candidate.id === command.documentId);
  return only({
    type: 'SignatureWarningAccepted',
    documentId: command.documentId,
    version: document?.version ?? '',
    ...(command.signatureIndex !== undefined ? { signatureIndex: command.signatureIndex } : {}),
    code: command.code,
    reason: command.reason.trim()
  });
}

function registerDraftDocuments(command: CommandOf<'registerDraftDocuments'>): HandlerResult {
  const warnings: DomainWarning[] = command.documents
    .filter((doc) => (doc.checkSummary?.blocking ?? 0) > 0)
    .map((doc) => ({ code: 'dossier.warning.blockingFindings', params: { fileName: doc.fileName, count: doc.checkSummary?.blocking ?? 0 } }));
  const { documents, project, requestedData, reviews } = command;
  return { events: [{ type: 'DraftDocumentsRegistered', documents, project, requestedData, ...(reviews && reviews.length > 0 ? { reviews } : {}) }], warnings };
}

/** One handler per command (3–20 lines each). */
export const handlers: { readonly [K in CommandType]: Handler<K> } = {
  registerRequest: (c) => ({
    events: [{
      type: 'DossierRegistered', requester: c.requester, subject: c.subject, receivedOn: c.receivedOn, project: c.project, requestedData: c.requestedData,
      parentProtocolNumber: c.parentProtocolNumber,
      simplifiedReasons: c.simplifiedReasons && c.simplifiedReasons.length > 0 ? [...c.simplifiedReasons] : undefined
    }],
    warnings: isRequesterEligible(c.requester) ? [] : [{ code: 'dossier.warning.requesterNotEligible' }]
  }),
  assignStatistician: (c) => only({ type: 'StatisticianAssigned', assignee: { id: c.assignee.id, displayName: c.assignee.displayName } }),
  requestForms: (c) =>
    only({
      type: 'FormsRequested',
      procedure: c.procedure,
      simplifiedReasons: c.procedure === 'simplified' ? [...(c.simplifiedReasons ?? [])] : [],
      parentProtocolNumber: c.parentProtocol?.number,
      parentDossierReference: c.parentProtocol?.dossierReference
    }),
  declareNotAdmissible: (c, d) => only(notAdmissiblePayload(c, d)),
  registerDraftDocuments,
  returnForChanges: (c, d) =>
    only({
      type: 'ReturnedForChanges',
      reviewComments: (c.reviewComments ?? []).filter((r) => isNonBlank(r?.text)).map((r) => ({ text: r.text, documentId: r.documentId })),
      findingIds: openRequesterFindings(d.findings).map((finding) => finding.id)
    }),
  startDeliberation: (c) => {
    const findingOverrides = (c.findingOverrides ?? []).map((o) => ({ findingId: o.findingId, reason: o.reason.trim() }));
    const warnings: DomainWarning[] = isNonBlank(c.overrideReason) ? [{ code: 'dossier.warning.checksOverridden', params: { text: c.overrideReason } }] : [];
    if (findingOverrides.length > 0) warnings.push({ code: 'dossier.warning.findingsOverridden', params: { count: findingOverrides.length } });
    return {
      events: [{ type: 'DeliberationStarted', overrideReason: isNonBlank(c.overrideReason) ? c.overrideReason : undefined, ...(findingOverrides.length > 0 ? { findingOverrides } : {}) }],
      warnings
    };
  },
  giveAdvice: (c) =>
    only({ type: 'AdviceGiven', outcome: c.outcome, legalBasis: legalBasisOf(c), text: c.text, criteria: c.criteria.map((criterion) => ({ ...criterion })) }),
  decide: (c) =>
    only({
      type: 'DecisionMade', outcome: c.outcome, motivation: c.motivation,
      ...(c.outcome === 'approvedWithConditions' ? { conditions: (c.conditions ?? []).map((condition) => ({ ...condition, text: condition.text.trim() })) } : {})
    }),
  requestMoreInformation: (c) => only({ type: 'MoreInformationRequested', question: c.question }),
  registerSignedDocuments,
  countersign: (c, d) =>
    only({
      type: 'Countersigned',
      protocolNumber: d.procedure === 'simplified' ? undefined : c.number,
      addendumNumber: d.procedure === 'simplified' ? c.number : undefined,
      protocolEndDate: c.protocolEndDate ?? (d.procedure === 'simplified' ? undefined : d.project?.endDate),
      documents: c.documents
    }),
  publish: (c) => only({ type: 'Published', publicationDocument: c.publicationDocument }),
  registerDelivery,
  withdraw: (c) => only({ type: 'Withdrawn', reason: c.reason }),
  // A restricted note's text never enters the event log (the VSA groups read it): only its id does.
  addComment: (c) => only(c.restriction === 'dpo' ? { type: 'CommentAdded', text: '', restriction: 'dpo', noteId: c.noteId } : { type: 'CommentAdded', text: c.text }),
  recordCorrespondence: (c) => only(correspondencePayload(c)),
  recordFindings: (c) => only({ type: 'FindingsRecorded', findings: c.findings.map((finding) => ({ ...finding, text: finding.text.trim() })) }),
  changeFindingStatus: (c) =>
    only({ type: 'FindingStatusChanged', findingId: c.findingId, status: c.status, ...(isNonBlank(c.reason) ? { reason: c.reason.trim() } : {}) }),
  recordConditionMet: (c) => only({ type: 'ConditionMet', conditionId: c.conditionId, evidence: c.evidence.trim() }),
  acceptSignatureWarning,
  // Lifecycle (issue 16).
  confirmDestruction: (c) =>
    only({ type: 'DestructionConfirmed', ...(c.statement !== undefined ? { statement: c.statement } : { mailMessageId: String(c.mailMessageId).trim() }) }),
  revokeProtocol: (c) => only({ type: 'ProtocolRevoked', date: c.date, reason: c.reason.trim() })
};

/**
 * Lifecycle (issue 16): the delivery records what was delivered; the recipients and the retention end
 * come from the dossier (the signed forms), never from the client. A standard dossier's retention end is
 * checked against its protocol end (`retentionWarnings`); an addendum's follows its protocol's (the panel
 * shows the chain's dates).
 */
function registerDelivery(c: CommandOf<'registerDelivery'>, dossier: Dossier): HandlerResult {
  const retentionEnd = dossier.requestedData?.retentionEnd;
  const recipients = dossier.requestedData?.recipients;
  const files = c.files?.map((file) => ({ fileName: file.fileName.trim(), sha256: normalizeSha256(file.sha256) }));
  const event: EventPayload = {
    type: 'DeliveryRegistered', deliveredOn: c.deliveredOn, dataset: c.dataset, variables: c.variables, method: c.method,
    ...(c.waves && c.waves.length > 0 ? { waves: [...c.waves] } : {}),
    ...(c.channel ? { channel: c.channel } : {}),
    ...(files && files.length > 0 ? { files } : {}),
    ...(recipients && recipients.length > 0 ? { recipients: recipients.map((recipient) => ({ ...recipient })) } : {}),
    ...(retentionEnd ? { retentionEnd } : {})
  };
  const warnings = dossier.procedure === 'simplified' ? [] : retentionWarnings({ retentionEnd, protocolEnd: dossier.protocolEndDate });
  return { events: [event], warnings };
}

/** The one-line legal basis: given, or the `legalBasis` criterion's article. */
function legalBasisOf(c: CommandOf<'giveAdvice'>): string {
  if (isNonBlank(c.legalBasis)) return c.legalBasis.trim();
  const criterion = c.criteria.find((entry) => entry.id === 'legalBasis');
  return (criterion?.article ?? '').trim();
}

/**
 * Without a typed reason, an ineligible requester's rule is the reason: the event records it as a
 * code, never as a sentence in one language (the timeline renders it in the reader's language).
 */
function notAdmissiblePayload(c: CommandOf<'declareNotAdmissible'>, dossier: Dossier): EventPayload {
  if (isNonBlank(c.reason)) return { type: 'DeclaredNotAdmissible', reason: c.reason };
  if (isRequesterEligible(dossier.requester)) return { type: 'DeclaredNotAdmissible', reason: '' };
  return { type: 'DeclaredNotAdmissible', reason: '', reasonCode: 'dossier.error.requesterNotEligible' };
}

/** The event of a recorded mail: exactly the record's fields, nothing else of the command. */
function correspondencePayload(c: CommandOf<'recordCorrespondence'>): EventPayload {
  const attachmentNames = [...c.attachmentNames];
  if (c.direction === 'incoming') {
    // The sender and whether the team confirmed it: the audit trail shows who wrote and that the link was vouched for.
    return {
      type: 'CorrespondenceRecorded', direction: 'incoming', kind: 'incoming', messageId: c.messageId, subject: c.subject, receivedAt: c.receivedAt, attachmentNames,
      ...(typeof c.sender === 'string' ? { sender: normalizeAddress(c.sender) } : {}),
      ...(c.senderConfirmed === true ? { senderConfirmed: true } : {})
    };
  }
  return {
    type: 'CorrespondenceRecorded', direction: 'outgoing', kind: c.kind, messageId: c.messageId, subject: c.subject, sentAt: c.sentAt, attachmentNames,
    recipientsCount: c.recipientsCount
  };
}
