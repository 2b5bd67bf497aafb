import type { AdviceCriterion, AdviceOutcome, ConditionInput, DecisionOutcome } from './advice';
import type { Institution } from './institutions';
import type { SignedSetFindingCode } from './signedSet';
import type { DocumentVersionReview, FindingOverride, FindingStatus, NewReviewerFinding } from './findings';
import type {
  Actor,
  CorrespondenceRecord,
  DataRecipient,
  DeliveredFile,
  DeliveryChannel,
  DocumentRegistration,
  IsoDate,
  IsoDateTime,
  Project,
  ProcedureId,
  RequestedData,
  Requester,
  SimplifiedReason,
  PersonRef
} from './types';

/** Rules that can stand in for a typed not-admissible reason (message codes, never a text in an event). */
export type NotAdmissibleReasonCode = 'dossier.error.requesterNotEligible';

/**
 * Fields every event carries: the audit trail. `id` is `${commandId}:${index}` and serves as
 * idempotency key; `actor` is a snapshot of the user at the time.
 */
export interface EventBase {
  readonly id: string;
  readonly dossierReference: string;
  readonly actor: Actor;
  readonly at: IsoDateTime;
  readonly comment?: string;
}

/** Every event, a discriminated union on `type`. Events carry all data `evolve` needs. */
export type DossierEvent = EventBase &
  (
    | {
        readonly type: 'DossierRegistered';
        readonly requester: Requester;
        readonly subject: string;
        readonly receivedOn?: IsoDate;
        readonly project?: Project;
        readonly requestedData?: RequestedData;
        readonly parentProtocolNumber?: string;
        readonly simplifiedReasons?: readonly SimplifiedReason[];
      }
    | { readonly type: 'StatisticianAssigned'; readonly assignee: PersonRef }
    | {
        readonly type: 'FormsRequested';
        readonly procedure: ProcedureId;
        readonly simplifiedReasons: readonly SimplifiedReason[];
        readonly parentProtocolNumber?: string;
        readonly parentDossierReference?: string;
      }
    | {
        readonly type: 'DeclaredNotAdmissible';
        /** The reason the user typed; empty when a rule stands in for it (`reasonCode`). */
        readonly reason: string;
        /** The rule that makes the request not admissible, as a message code the UI renders in its language. */
        readonly reasonCode?: NotAdmissibleReasonCode;
      }
    | {
        readonly type: 'DraftDocumentsRegistered';
        readonly documents: readonly DocumentRegistration[];
        readonly project?: Project;
        readonly requestedData?: RequestedData;
        /** What the service read of each new version; `evolve` moves the findings with `reconcileFindings`. */
        readonly reviews?: readonly DocumentVersionReview[];
      }
    | {
        readonly type: 'ReturnedForChanges';
        readonly reviewComments: readonly { readonly text: string; readonly documentId?: string }[];
        /** The open requester findings sent with this return (ids), as they stood then. */
        readonly findingIds?: readonly string[];
      }
    | { readonly type: 'DeliberationStarted'; readonly overrideReason?: string; readonly findingOverrides?: readonly FindingOverride[] }
    | {
        readonly type: 'AdviceGiven';
        readonly outcome: AdviceOutcome;
        readonly legalBasis: string;
        readonly text: string;
        readonly criteria?: readonly AdviceCriterion[];
      }
    | {
        readonly type: 'DecisionMade';
        readonly outcome: DecisionOutcome;
        readonly motivation: string;
        readonly conditions?: readonly ConditionInput[];
      }
    | { readonly type: 'MoreInformationRequested'; readonly question: string }
    | {
        readonly type: 'SignedDocumentsRegistered';
        readonly documents: readonly DocumentRegistration[];
        /** What the signed forms state (replacing what the drafts stated). */
        readonly requestedData?: RequestedData;
        /** The institution's register entry the signers were matched against (the service's lookup). */
        readonly institution?: Institution;
      }
    /** Emitted together with `SignedDocumentsRegistered` once the signed set is complete. */
    | { readonly type: 'SignedSetCompleted' }
    | {
        readonly type: 'Countersigned';
        readonly protocolNumber?: string;
        readonly addendumNumber?: string;
        readonly protocolEndDate?: IsoDate;
        readonly documents: readonly DocumentRegistration[];
      }
    | { readonly type: 'Published'; readonly publicationDocument: DocumentRegistration }
    | {
        readonly type: 'DeliveryRegistered';
        readonly deliveredOn: IsoDate;
        readonly dataset: string;
        readonly variables?: number;
        readonly method?: string;
        // Lifecycle (issue 16); absent on events written before it.
        readonly waves?: readonly string[];
        readonly channel?: DeliveryChannel;
        readonly files?: readonly DeliveredFile[];
        /** The protocol's recipients when the delivery was registered. */
        readonly recipients?: readonly DataRecipient[];
        /** The retention end of the delivered data (the signed forms' `bewaring.termijn`). */
        readonly retentionEnd?: IsoDate;
      }
    | { readonly type: 'Withdrawn'; readonly reason: string }
    /** A free comment; a restricted one carries only its `noteId` (the text is in the restricted list), `text` is ''. */
    | { readonly type: 'CommentAdded'; readonly text: string; readonly restriction?: 'dpo'; readonly noteId?: string }
    | { readonly type: 'FindingsRecorded'; readonly findings: readonly NewReviewerFinding[] }
    | {
        readonly type: 'FindingStatusChanged';
        readonly findingId: string;
        readonly status: FindingStatus;
        readonly reason?: string;
      }
    | { readonly type: 'ConditionMet'; readonly conditionId: string; readonly evidence: string }
    /** A warning of the signed set accepted by the DPO team, for the document version it was found on. */
    | {
        readonly type: 'SignatureWarningAccepted';
        readonly documentId: string;
        readonly version: string;
        readonly signatureIndex?: number;
        readonly code: SignedSetFindingCode;
        readonly reason: string;
      }
    | ({ readonly type: 'CorrespondenceRecorded' } & CorrespondenceRecord)
    // Lifecycle (issue 16).
    /** The destruction was confirmed by a statement (registered with the event) or a recorded mail: the dossier closes. */
    | { readonly type: 'DestructionConfirmed'; readonly statement?: DocumentRegistration; readonly mailMessageId?: string }
    /** The protocol was revoked; the dossier keeps its state. */
    | { readonly type: 'ProtocolRevoked'; readonly date: IsoDate; readonly reason: string }
  );

/** Event type ids. */
export type EventType = DossierEvent['type'];

/** The event variant with the given type. */
export type EventOf<T extends EventType> = Extract<DossierEvent, { type: T }>;

/** Every event type, for completeness tests and list schemas. */
export const eventTypes: readonly EventType[] = [
  'DossierRegistered',
  'StatisticianAssigned',
  'FormsRequested',
  'DeclaredNotAdmissible',
  'DraftDocumentsRegistered',
  'ReturnedForChanges',
  'DeliberationStarted',
  'AdviceGiven',
  'DecisionMade',
  'MoreInformationRequested',
  'SignedDocumentsRegistered',
  'SignedSetCompleted',
  'Countersigned',
  'Published',
  'DeliveryRegistered',
  'Withdrawn',
  'CommentAdded',
  'CorrespondenceRecorded',
  'FindingsRecorded',
  'FindingStatusChanged',
  'ConditionMet',
  'SignatureWarningAccepted',
  // Lifecycle (issue 16).
  'DestructionConfirmed',
  'ProtocolRevoked'
];
