import type { DossierEvent, EventOf, EventType } from './events';
import { addReviewerFindings, changeFindingStatus, draftVersionOf, reconcileFindings } from './findings';
import type { CorrespondenceEntry, DocumentPhase, DocumentRegistration, Dossier, DossierDocument, IsoDateTime, PersonRef, StateId } from './types';

// In its own module: reading a stored snapshot (the register rows) does not load the event folding.
export { withCurrentShape } from './dossierShape';

/** Thrown when events cannot be folded (corrupt store, events out of order): a programming or data error. */
export class EventFoldError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventFoldError';
  }
}

const personOf = (event: DossierEvent): PersonRef => ({ id: event.actor.id, displayName: event.actor.displayName });

/** Moves the dossier to `state`, closing the current history entry; same state changes nothing. */
function enter(dossier: Dossier, state: StateId, at: IsoDateTime): Dossier {
  if (dossier.state === state) return dossier;
  const history = dossier.stateHistory.map((entry, index, all) => (index === all.length - 1 ? { ...entry, leftAt: at } : entry));
  return { ...dossier, state, stateSince: at, stateHistory: [...history, { state, enteredAt: at }] };
}

/** Adds documents to a phase; earlier current documents of the same kind become superseded. */
function addDocuments(dossier: Dossier, documents: readonly DocumentRegistration[], phase: DocumentPhase, event: DossierEvent): Dossier {
  const newKinds = new Set(documents.map((doc) => doc.kind));
  const kept = dossier.documents.map((doc) => (doc.phase === phase && !doc.superseded && newKinds.has(doc.kind) ? { ...doc, superseded: true } : doc));
  const added: DossierDocument[] = documents.map((doc) => ({ ...doc, phase, registeredAt: event.at, registeredBy: personOf(event), superseded: false }));
  return { ...dossier, documents: [...kept, ...added] };
}

type Applier<T extends EventType> = (dossier: Dossier, event: EventOf<T>) => Dossier;

/** One case per event type (the dossier exists for all but `DossierRegistered`). */
const appliers: { readonly [T in Exclude<EventType, 'DossierRegistered'>]: Applier<T> } = {
  StatisticianAssigned: (d, e) => enter({ ...d, assignedStatistician: e.assignee }, 'preliminary', e.at),
  FormsRequested: (d, e) =>
    enter({ ...d, procedure: e.procedure, simplifiedReasons: e.simplifiedReasons, parentProtocolNumber: e.parentProtocolNumber, parentDossierReference: e.parentDossierReference }, 'formsRequested', e.at),
  DeclaredNotAdmissible: (d, e) => enter({ ...d, notAdmissibleReason: e.reason, notAdmissibleReasonCode: e.reasonCode }, 'notAdmissible', e.at),
  DraftDocumentsRegistered: (d, e) => {
    const reviews = e.reviews ?? [];
    const unreadable = reviews
      .filter((review) => !review.readable)
      .map((review) => ({ documentKind: review.documentKind, documentId: review.documentId, version: review.version, at: e.at }));
    const withDetails = {
      ...d,
      project: e.project ?? d.project,
      requestedData: e.requestedData ?? d.requestedData,
      findings: reconcileFindings(d.findings, reviews, e.at, personOf(e)).findings,
      unreadableVersions: [...d.unreadableVersions, ...unreadable]
    };
    return enter(addDocuments(withDetails, e.documents, 'draft', e), 'underReview', e.at);
  },
  ReturnedForChanges: (d, e) => {
    const round = d.returnRounds + 1;
    const added = (e.reviewComments ?? []).map((c) => ({ ...c, round, by: personOf(e), at: e.at }));
    return enter({ ...d, returnRounds: round, reviewComments: [...d.reviewComments, ...added], returnedFindingIds: [...(e.findingIds ?? [])] }, 'returnedForChanges', e.at);
  },
  DeliberationStarted: (d, e) => {
    const overrides = new Map((e.findingOverrides ?? []).map((override) => [override.findingId, override.reason]));
    const findings = d.findings.map((finding) => {
      const reason = overrides.get(finding.id);
      return reason === undefined ? finding : changeFindingStatus(finding, { status: 'waived', reason, by: personOf(e), at: e.at });
    });
    const withOverride = e.overrideReason ? { ...d, checkOverride: { reason: e.overrideReason, by: personOf(e), at: e.at } } : d;
    return enter({ ...withOverride, findings }, 'deliberation', e.at);
  },
  AdviceGiven: (d, e) =>
    enter(
      { ...d, advice: { outcome: e.outcome, legalBasis: e.legalBasis, text: e.text, ...(e.criteria ? { criteria: e.criteria } : {}), by: personOf(e), at: e.at } },
      'awaitingDecision',
      e.at
    ),
  DecisionMade: (d, e) =>
    enter(
      {
        ...d,
        decision: { outcome: e.outcome, motivation: e.motivation, by: personOf(e), at: e.at },
        conditions: (e.conditions ?? []).map((condition) => ({ ...condition, status: 'open' as const }))
      },
      e.outcome === 'rejected' ? 'rejected' : 'awaitingSignatures',
      e.at
    ),
  MoreInformationRequested: (d, e) =>
    enter({ ...d, informationRequests: [...d.informationRequests, { question: e.question, by: personOf(e), at: e.at }] }, 'deliberation', e.at),
  SignedDocumentsRegistered: (d, e) =>
    addDocuments({ ...d, requestedData: e.requestedData ?? d.requestedData, ...(e.institution ? { signerInstitution: e.institution } : {}) }, e.documents, 'signed', e),
  SignedSetCompleted: (d, e) => enter(d, 'awaitingCountersignature', e.at),
  Countersigned: (d, e) => {
    const numbered = { ...d, protocolNumber: e.protocolNumber, addendumNumber: e.addendumNumber, countersignedAt: e.at, protocolEndDate: e.protocolEndDate ?? d.protocolEndDate };
    return enter(addDocuments(numbered, e.documents, 'countersigned', e), 'signed', e.at);
  },
  Published: (d, e) => {
    const published = { ...d, publication: { publishedAt: e.at, publicationDocumentId: e.publicationDocument.id } };
    return enter(addDocuments(published, [e.publicationDocument], 'publication', e), 'published', e.at);
  },
  // Deliveries registered before issue 16 have no waves, channel, files, recipients or retention end: each is optional.
  DeliveryRegistered: (d, e) =>
    enter(
      {
        ...d,
        delivery: {
          deliveredOn: e.deliveredOn, dataset: e.dataset, variables: e.variables, method: e.method,
          ...(e.waves ? { waves: e.waves } : {}), ...(e.channel ? { channel: e.channel } : {}), ...(e.files ? { files: e.files } : {}),
          ...(e.recipients ? { recipients: e.recipients } : {}), registeredAt: e.at
        },
        ...(e.retentionEnd ? { retentionEnd: e.retentionEnd } : {})
      },
      'delivered',
      e.at
    ),
  Withdrawn: (d, e) => enter({ ...d, withdrawalReason: e.reason }, 'withdrawn', e.at),
  CommentAdded: (d, e) =>
    e.restriction === 'dpo' && e.noteId
      ? { ...d, restrictedNotes: [...d.restrictedNotes, { noteId: e.noteId, restriction: 'dpo', by: personOf(e), at: e.at }] }
      : { ...d, comments: [...d.comments, { eventId: e.id, text: e.text, by: personOf(e), at: e.at }] },
  CorrespondenceRecorded: (d, e) => ({ ...d, correspondence: [...d.correspondence, correspondenceEntry(e)] }),
  FindingsRecorded: (d, e) => ({ ...d, findings: addReviewerFindings(d.findings, e.findings, (kind) => draftVersionOf(d.documents, kind), e.at, personOf(e)) }),
  FindingStatusChanged: (d, e) => ({
    ...d,
    findings: d.findings.map((finding) =>
      finding.id === e.findingId ? changeFindingStatus(finding, { status: e.status, by: personOf(e), at: e.at, ...(e.reason ? { reason: e.reason } : {}) }) : finding
    )
  }),
  ConditionMet: (d, e) => ({
    ...d,
    conditions: d.conditions.map((condition) =>
      condition.id === e.conditionId ? { ...condition, status: 'met' as const, met: { by: personOf(e), at: e.at, evidence: e.evidence } } : condition
    )
  }),
  // Lifecycle (issue 16).
  DestructionConfirmed: (d, e) => {
    const withStatement = e.statement ? addDocuments(d, [e.statement], 'closeOut', e) : d;
    const destruction = { ...(e.statement ? { documentId: e.statement.id } : {}), ...(e.mailMessageId ? { mailMessageId: e.mailMessageId } : {}), by: personOf(e), at: e.at };
    return enter({ ...withStatement, destruction }, 'closed', e.at);
  },
  ProtocolRevoked: (d, e) => ({ ...d, revocation: { date: e.date, reason: e.reason, by: personOf(e), at: e.at } }),
  SignatureWarningAccepted: (d, e) => ({
    ...d,
    signatureAcceptances: [
      ...(d.signatureAcceptances ?? []),
      {
        documentId: e.documentId, version: e.version, ...(e.signatureIndex !== undefined ? { signatureIndex: e.signatureIndex } : {}),
        code: e.code, reason: e.reason, by: personOf(e), at: e.at
      }
    ]
  })
};


/** The dossier's copy of a recorded mail: the record's own fields plus who recorded it and when. */
function correspondenceEntry(e: EventOf<'CorrespondenceRecorded'>): CorrespondenceEntry {
  const recorded = { eventId: e.id, recordedBy: personOf(e), recordedAt: e.at };
  const common = { messageId: e.messageId, subject: e.subject, attachmentNames: [...e.attachmentNames] };
  if (e.direction === 'incoming') {
    return {
      direction: 'incoming', kind: 'incoming', ...common, receivedAt: e.receivedAt,
      ...(e.sender !== undefined ? { sender: e.sender } : {}), ...(e.senderConfirmed === true ? { senderConfirmed: true } : {}), ...recorded
    };
  }
  return { direction: 'outgoing', kind: e.kind, ...common, sentAt: e.sentAt, ...(e.recipientsCount !== undefined ? { recipientsCount: e.recipientsCount } : {}), ...recorded };
}

function register(event: EventOf<'DossierRegistered'>): Dossier {
  return {
    reference: event.dossierReference,
    state: 'intake',
    stateSince: event.at,
    createdAt: event.at,
    updatedAt: event.at,
    version: 0,
    lastEventId: event.id,
    requester: event.requester,
    subject: event.subject,
    receivedOn: event.receivedOn,
    project: event.project,
    requestedData: event.requestedData,
    simplifiedReasons: event.simplifiedReasons ? [...event.simplifiedReasons] : [],
    parentProtocolNumber: event.parentProtocolNumber,
    documents: [],
    returnRounds: 0,
    reviewComments: [],
    comments: [],
    correspondence: [],
    informationRequests: [],
    findings: [],
    unreadableVersions: [],
    restrictedNotes: [],
    conditions: [],
    signatureAcceptances: [],
    stateHistory: [{ state: 'intake', enteredAt: event.at }]
  };
}

/** Every event type `evolve` handles (for completeness tests). */
export const evolvedEventTypes: readonly EventType[] = ['DossierRegistered', ...(Object.keys(appliers) as EventType[])];

/**
 * Folds one event into the dossier. Pure; throws `EventFoldError` when the event cannot apply
 * (no dossier yet, a second registration, another dossier's event, an unknown type).
 */
export function evolve(dossier: Dossier | undefined, event: DossierEvent): Dossier {
  let next: Dossier;
  if (event.type === 'DossierRegistered') {
    if (dossier) throw new EventFoldError(`Dossier ${dossier.reference} is already registered (event ${event.id})`);
    next = register(event);
  } else {
    if (!dossier) throw new EventFoldError(`Event ${event.id} (${String(event.type)}) precedes the dossier's registration`);
    if (event.dossierReference !== dossier.reference) {
      throw new EventFoldError(`Event ${event.id} belongs to ${event.dossierReference}, not ${dossier.reference}`);
    }
    const apply = appliers[event.type] as Applier<EventType> | undefined;
    if (!apply) throw new EventFoldError(`Unknown event type "${String(event.type)}" (event ${event.id})`);
    next = apply(dossier, event as never);
  }
  return { ...next, version: next.version + 1, updatedAt: event.at, lastEventId: event.id };
}

/** Folds events from nothing; `undefined` for an empty list. Replaying a dossier's events reproduces it. */
export function replay(events: readonly DossierEvent[]): Dossier | undefined {
  return events.reduce<Dossier | undefined>((dossier, event) => evolve(dossier, event), undefined);
}
