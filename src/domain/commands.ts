import type { AdviceCriterion, AdviceOutcome, ConditionInput, DecisionOutcome } from './advice';
import type { Institution } from './institutions';
import type { SignedSetFindingCode } from './signedSet';
import type { DocumentVersionReview, FindingOverride, FindingStatus, NewReviewerFinding } from './findings';
import type {
  Actor,
  CorrespondenceRecord,
  DeliveredFile,
  DeliveryChannel,
  DocumentRegistration,
  IsoDate,
  ParentProtocolRef,
  Project,
  ProcedureId,
  RequestedData,
  Requester,
  SimplifiedReason
} from './types';

/**
 * Fields every command carries. `commandId` is created once per user action (e.g. a UUID) so a
 * retried command yields the same event ids (`${commandId}:${index}`): the idempotency key.
 */
export interface CommandBase {
  readonly commandId: string;
  /** Optional free text stored on the events (audit trail). */
  readonly comment?: string;
}

/**
 * Every command as a discriminated union on `type`. Facts about the outside world (the assignee's
 * roles, the parent protocol's state, numbers computed by `numbering.ts`) travel here as plain data.
 */
export type Command = CommandBase &
  (
    | {
        readonly type: 'registerRequest';
        /** From `nextDossierReference(existing, year)`. */
        readonly reference: string;
        readonly requester: Requester;
        readonly subject: string;
        readonly receivedOn?: IsoDate;
        readonly project?: Project;
        readonly requestedData?: RequestedData;
        /**
         * The protocol a simplified request (e.g. an extension) builds on, known at registration; the
         * simplified conditions are still checked by `requestForms`.
         */
        readonly parentProtocolNumber?: string;
        /** The reasons the registration already suggests (a hint for `requestForms`). */
        readonly simplifiedReasons?: readonly SimplifiedReason[];
      }
    | { readonly type: 'assignStatistician'; readonly assignee: Actor }
    | {
        readonly type: 'requestForms';
        readonly procedure: ProcedureId;
        readonly simplifiedReasons?: readonly SimplifiedReason[];
        readonly parentProtocol?: ParentProtocolRef;
      }
    | { readonly type: 'declareNotAdmissible'; readonly reason?: string }
    | {
        readonly type: 'registerDraftDocuments';
        readonly documents: readonly DocumentRegistration[];
        /** Project details read from the forms, replacing the registered ones. */
        readonly project?: Project;
        readonly requestedData?: RequestedData;
        /** Per registered form: its automatic findings and changed fields (computed by the service, never a client's). */
        readonly reviews?: readonly DocumentVersionReview[];
      }
    | {
        readonly type: 'returnForChanges';
        /** Free remarks besides the findings (optional once open requester findings exist). */
        readonly reviewComments?: readonly { readonly text: string; readonly documentId?: string }[];
      }
    | {
        readonly type: 'startDeliberation';
        /** Accepts the blocking check results of the current drafts. */
        readonly overrideReason?: string;
        /** One recorded reason per requester finding still open (they become `waived`). */
        readonly findingOverrides?: readonly FindingOverride[];
      }
    | {
        readonly type: 'giveAdvice';
        readonly outcome: AdviceOutcome;
        /** Optional when the `legalBasis` criterion gives the article. */
        readonly legalBasis?: string;
        readonly text: string;
        /** One assessment per criterion (`adviceCriterionIds`), required for new advice. */
        readonly criteria: readonly AdviceCriterion[];
      }
    | {
        readonly type: 'decide';
        readonly outcome: DecisionOutcome;
        readonly motivation: string;
        /** Required (at least one) for `approvedWithConditions`, not allowed otherwise. */
        readonly conditions?: readonly ConditionInput[];
      }
    | { readonly type: 'requestMoreInformation'; readonly question: string }
    | {
        readonly type: 'registerSignedDocuments';
        readonly documents: readonly DocumentRegistration[];
        /** What the signed forms state (read by the service from the stored files). */
        readonly requestedData?: RequestedData;
        /**
         * The institution's register entry the signers are matched against, looked up by the service
         * (never a client's); absent when the institution is not in the register.
         */
        readonly institution?: Institution;
      }
    | {
        readonly type: 'countersign';
        /** Protocol number (standard) from `nextProtocolNumber`, or addendum number (simplified) from `nextAddendumNumber`. */
        readonly number: string;
        /** End date of the protocol, or the new end date an extension sets. */
        readonly protocolEndDate?: IsoDate;
        /**
         * The countersigned original(s): the requester's signed protocol or addendum with the VSA
         * signatory's signature added. The service stores each file's signature report with it.
         */
        readonly documents: readonly DocumentRegistration[];
      }
    | {
        readonly type: 'publish';
        /**
         * The publication version (PDF without signature data), kind `publicationVersion`. Publishing
         * needs the recorded mail that sent it with the countersigned original to the requester.
         */
        readonly publicationDocument: DocumentRegistration;
      }
    | {
        readonly type: 'registerDelivery';
        readonly deliveredOn: IsoDate;
        readonly dataset: string;
        readonly variables?: number;
        /** Free text of older clients; new ones give `channel`. */
        readonly method?: string;
        // Lifecycle (issue 16): what was delivered. The recipients and the retention end come from the dossier, never the client.
        /** Catalog wave ids (`SV-bevraging 2023-1`). */
        readonly waves?: readonly string[];
        readonly channel?: DeliveryChannel;
        /** The SHA-256 checksum of each delivered file. */
        readonly files?: readonly DeliveredFile[];
      }
    | { readonly type: 'withdraw'; readonly reason: string }
    | {
        readonly type: 'addComment';
        readonly text: string;
        /**
         * `dpo`: readable by the DPO and the Chief Statistician only. The trusted writer stores the text
         * in the restricted list under `noteId` before the event is written; the event never holds it.
         */
        readonly restriction?: 'dpo';
        readonly noteId?: string;
      }
    /** Reviewer remarks (panel, Word pane, headless annotator); an id already recorded is not added again. */
    | { readonly type: 'recordFindings'; readonly findings: readonly NewReviewerFinding[] }
    /** A person's status change of one finding; `expectedRevision` detects a concurrent change. */
    | {
        readonly type: 'changeFindingStatus';
        readonly findingId: string;
        readonly status: Exclude<FindingStatus, 'addressed'>;
        readonly reason?: string;
        readonly expectedRevision: number;
      }
    /** A condition of the approval is met, with the evidence (a document, a mail, a note). */
    | { readonly type: 'recordConditionMet'; readonly conditionId: string; readonly evidence: string }
    /**
     * The DPO team accepts a warning of the signed set (`signedSetFindings`) with a reason; a blocking
     * finding cannot be accepted. `signatureIndex` is absent for a finding about the whole document.
     */
    | {
        readonly type: 'acceptSignatureWarning';
        readonly documentId: string;
        readonly signatureIndex?: number;
        readonly code: SignedSetFindingCode;
        readonly reason: string;
      }
    // Lifecycle (issue 16).
    /**
     * The requester confirmed the destruction of the delivered data: a registered signed statement
     * (`destructionStatement`, phase `closeOut`) or a received mail already recorded on the dossier. Closes it.
     */
    | { readonly type: 'confirmDestruction'; readonly statement?: DocumentRegistration; readonly mailMessageId?: string }
    /** The Chief Statistician revokes the protocol of a standard dossier, from `date` (not after today), for `reason`. */
    | { readonly type: 'revokeProtocol'; readonly date: IsoDate; readonly reason: string }
    /** Records a mail sent to or received from the requester (any VSA role, any state, state unchanged). */
    | ({ readonly type: 'recordCorrespondence' } & CorrespondenceRecord)
  );

/** The command variant with the given type. */
export type CommandOf<T extends Command['type']> = Extract<Command, { type: T }>;
