/**
 * Public types of the dossier domain. Ids are stable contracts (lists, events, tests);
 * see `shared/design/workflow.md`. Commands and events live in their own files and are
 * re-exported here so `types.ts` is the one place to read the whole model.
 */

/** ISO 8601 date-time in UTC, e.g. `2026-11-25T16:30:00.000Z`. */
export type IsoDateTime = string;
/** ISO 8601 calendar date, e.g. `2026-12-31`. */
export type IsoDate = string;
/** User-facing languages: Dutch first, English second. */
export type Lang = 'nl' | 'en';

/** SharePoint-group roles of VSA staff. The DPO also holds `dpoTeam`. */
export type RoleId = 'dpoTeam' | 'statistician' | 'dpo' | 'chiefStatistician';

/**
 * Who may give a command, as written in the workflow table.
 * `assignedStatistician` = role `statistician` AND the dossier's assignee; `anyVsaRole` = any role above.
 */
export type RoleRequirement = RoleId | 'assignedStatistician' | 'anyVsaRole';

/** The signed-in user (or persona locally). `id` is the e-mail address. */
export interface Actor {
  readonly id: string;
  readonly displayName: string;
  readonly roles: readonly RoleId[];
}

/** A person referenced by a dossier, e.g. the assigned statistician. */
export interface PersonRef {
  readonly id: string;
  readonly displayName: string;
}

/** Dossier states (workflow.md § States). */
export type StateId =
  | 'intake'
  | 'preliminary'
  | 'formsRequested'
  | 'underReview'
  | 'returnedForChanges'
  | 'deliberation'
  | 'awaitingDecision'
  | 'awaitingSignatures'
  | 'awaitingCountersignature'
  | 'signed'
  | 'published'
  | 'delivered'
  | 'rejected'
  | 'notAdmissible'
  | 'withdrawn'
  /** Lifecycle (issue 16): the requester confirmed the destruction of the delivered data. */
  | 'closed';

/** Procedure steps 1..6 of the VSA procedure. */
export type StepNumber = 1 | 2 | 3 | 4 | 5 | 6;

/** Where a state sits in the six-step procedure; final states have no step. */
export interface StepInfo {
  readonly first?: StepNumber;
  readonly last?: StepNumber;
  /** `"1"`, `"2–3"`, or the localized word for final. */
  readonly text: string;
  readonly final: boolean;
}

/** Command type ids (workflow.md § Commands). */
export type CommandType =
  | 'registerRequest'
  | 'assignStatistician'
  | 'requestForms'
  | 'declareNotAdmissible'
  | 'registerDraftDocuments'
  | 'returnForChanges'
  | 'startDeliberation'
  | 'giveAdvice'
  | 'decide'
  | 'requestMoreInformation'
  | 'registerSignedDocuments'
  | 'countersign'
  | 'publish'
  | 'registerDelivery'
  | 'withdraw'
  | 'addComment'
  | 'recordCorrespondence'
  | 'recordFindings'
  | 'changeFindingStatus'
  | 'recordConditionMet'
  | 'acceptSignatureWarning'
  // Lifecycle (issue 16): after delivery.
  | 'confirmDestruction'
  | 'revokeProtocol';

/** `standard`: three documents; `simplified`: one form, then an addendum to an existing protocol. */
export type ProcedureId = 'standard' | 'simplified';

/** Reasons that allow the simplified procedure. */
export type SimplifiedReason = 'extension' | 'addVariables' | 'newPurposes' | 'identityChange';

/** Institution type as in the forms (`aanvrager.type`). */
export type InstitutionType = 'overheidsdienst' | 'onderzoeksinstelling' | 'andere instelling';

/** Research type as in the forms (`project.onderzoekstype`). */
export type ResearchType = 'statistisch' | 'beleidsvoorbereidend' | 'wetenschappelijk';

/** Capacity of a signatory (`ondertekening.hoedanigheid`); `gevolmachtigde` acts by delegation. */
export type SignatoryCapacity = 'verwerkingsverantwoordelijke' | 'wettelijk vertegenwoordiger' | 'gevolmachtigde';

/** Form types of the catalog plus the two non-form documents a dossier holds. */
export type DocumentKind =
  | 'aanvraagformulier'
  | 'verklaringTOM'
  | 'protocol'
  | 'vereenvoudigdAanvraagformulier'
  | 'addendum'
  | 'mandate'
  | 'publicationVersion'
  /** Lifecycle (issue 16): the requester's signed statement that the delivered data were destroyed. */
  | 'destructionStatement';

/** Phase a registered document belongs to. */
export type DocumentPhase = 'draft' | 'signed' | 'countersigned' | 'publication'
  /** Lifecycle (issue 16): documents of the close-out (the destruction statement). */
  | 'closeOut';

/** Counts of a document check's findings by severity. */
export interface CheckSummary {
  readonly blocking: number;
  readonly warnings: number;
  readonly info: number;
}

/** Signature block of a signed document. */
export interface Signatory {
  readonly name: string;
  readonly capacity: SignatoryCapacity;
}

/** A document as a command registers it; the shell has stored the file and run the checks. */
export interface DocumentRegistration {
  /** Stable id of the file (e.g. the library item's unique id). */
  readonly id: string;
  readonly kind: DocumentKind;
  readonly fileName: string;
  /** Library version label, e.g. `"1.0"`. */
  readonly version: string;
  readonly checkSummary?: CheckSummary;
  /** The typed signatory of a signed form (`ondertekening.naam`, `ondertekening.hoedanigheid`), when it has one. */
  readonly signatory?: Signatory;
  /**
   * The electronic signatures of the file, as the trusted command service verified them when it was
   * registered in the signed or countersigned phase (never a client's report). Absent on documents
   * registered before signatures were verified, and where no verifier is configured.
   */
  readonly signatures?: DocumentSignatureReport;
}

/** A document held by the dossier. */
export interface DossierDocument extends DocumentRegistration {
  readonly phase: DocumentPhase;
  readonly registeredAt: IsoDateTime;
  readonly registeredBy: PersonRef;
  /** True once a later document of the same kind and phase replaced it. */
  readonly superseded: boolean;
}

/** The external requester. An individual without institution is not admissible. */
export interface Requester {
  readonly institution?: string;
  readonly institutionType?: InstitutionType;
  readonly isIndividual: boolean;
  readonly contact: { readonly name: string; readonly email: string };
  /** The institution's DPO's address, when a form or the team gave it (a sender the intake trusts). */
  readonly dpoEmail?: string;
  /** Enterprise number (KBO), 10 digits. */
  readonly kbo?: string;
}

/** The research project the data is requested for. */
export interface Project {
  readonly title: string;
  readonly purposes: readonly string[];
  readonly researchType?: ResearchType;
  readonly startDate?: IsoDate;
  readonly endDate?: IsoDate;
}

/** A variable asked for, with the requester's justification (minimal data processing). */
export interface RequestedVariable {
  readonly name: string;
  readonly justification: string;
}

/** A yes/no answer of a form (`ja: met ...`) with its explanation. */
export interface YesNoAnswer {
  readonly answer: 'ja' | 'nee';
  readonly text: string;
}

/** A person or body that gets access to the data (`ontvangers`). */
export interface DataRecipient {
  readonly name: string;
  readonly institution: string;
}

/** The institution as a legal entity: name and enterprise number (KBO, 10 digits when valid). */
export interface InstitutionIdentity {
  readonly name: string;
  readonly enterpriseNumber?: string;
}

/** What a simplified form asks to change, per reason it gives. */
export interface RequestedChanges {
  readonly reasons: readonly SimplifiedReason[];
  /** Extension: the new end date. */
  readonly newEndDate?: IsoDate;
  /** New purposes: the new purposes as written. */
  readonly newPurposes?: string;
  /** New purposes: how they relate to (extend) the earlier purposes. */
  readonly purposeRelation?: string;
  /** Identity change: the new name and enterprise number. */
  readonly newIdentity?: InstitutionIdentity;
}

/** The stored document a dossier's requested data were read from. */
export interface RequestedDataSource {
  readonly documentId: string;
  readonly fileName: string;
  readonly kind: DocumentKind;
  readonly version: string;
  readonly phase: DocumentPhase;
}

/**
 * What is requested, as the forms state it (`requestedDataOf` in src/forms): the latest values of the
 * dossier's current documents (draft, then signed), with the document they came from. Only `surveys`
 * and `variablesCount` exist on events written before the forms were read this deeply.
 */
export interface RequestedData {
  /** Canonical wave ids of the catalog (`SV-bevraging 2023-1`), in catalog order, no duplicates. */
  readonly surveys: readonly string[];
  readonly variablesCount: number;
  readonly variables?: readonly RequestedVariable[];
  readonly purposes?: readonly string[];
  readonly researchType?: ResearchType;
  readonly linking?: YesNoAnswer;
  readonly recipients?: readonly DataRecipient[];
  readonly transferOutsideEea?: YesNoAnswer;
  /** Retention end as ISO date; a duration ("5 jaar na het einde van het project") computed from the project end. */
  readonly retentionEnd?: IsoDate;
  readonly institution?: InstitutionIdentity;
  /** Simplified procedure only: the reasons and what each asks to change. */
  readonly changes?: RequestedChanges;
  readonly source?: RequestedDataSource;
}

/** A review remark sent back to the requester. */
export interface ReviewComment {
  readonly text: string;
  /** The document the remark is about, if any. */
  readonly documentId?: string;
  readonly round: number;
  readonly by: PersonRef;
  readonly at: IsoDateTime;
}

/** A free comment on the dossier (any VSA role, any state). */
export interface FreeComment {
  readonly eventId: string;
  readonly text: string;
  readonly by: PersonRef;
  readonly at: IsoDateTime;
}

/**
 * The e-mails of the procedure the DPO team sends from the shared mailbox. Ids are stable contracts
 * (events, templates of `src/correspondence`, UI strings).
 */
export type OutgoingMailKind =
  | 'requestForms'
  | 'returnWithComments'
  | 'decision'
  | 'requestSignatures'
  | 'countersignedProtocol'
  | 'deliveryNotice'
  | 'protocolEndReminder'
  /** Step 1: why the request is not admissible (today: an individual without institution). */
  | 'notAdmissible'
  // --- requester drafts of the scheduled job (issue 16) ---
  /** The job's reminder to a requester who is past the expected duration of a requester phase, sent after preview. */
  | 'requesterReminder'
  /** The job's request to destroy the delivered data and confirm it, sent after preview. */
  | 'destructionRequest';

/** What a recorded mail was: one of the outgoing kinds, or a message received from the requester. */
export type CorrespondenceKind = OutgoingMailKind | 'incoming';

/**
 * A mail as the audit trail keeps it: no body and no addresses (the dossier already holds the
 * requester's contact), only what identifies it. `messageId` is unique per dossier: the Graph id of
 * a received message, or the id the sender gave an outgoing one.
 */
export type CorrespondenceRecord =
  | {
      readonly direction: 'outgoing';
      readonly kind: OutgoingMailKind;
      readonly messageId: string;
      readonly subject: string;
      readonly sentAt: IsoDateTime;
      readonly attachmentNames: readonly string[];
      /** How many addresses (to + cc) it went to; the addresses themselves are not recorded. */
      readonly recipientsCount?: number;
    }
  | {
      readonly direction: 'incoming';
      readonly kind: 'incoming';
      readonly messageId: string;
      readonly subject: string;
      readonly receivedAt: IsoDateTime;
      /** The attachments stored in the dossier (skipped ones are not listed). */
      readonly attachmentNames: readonly string[];
      /**
       * The sender's address (lower case). Required on a new record (`incomingSenderKnown`): it is what
       * the sender rule checks, and what makes the address known for the institution afterwards.
       * Records made before the rule have none.
       */
      readonly sender?: string;
      /** True when the team confirmed linking a mail whose sender the rule did not recognise. */
      readonly senderConfirmed?: boolean;
    };

/** A mail recorded on the dossier, with who recorded it and when. */
export type CorrespondenceEntry = CorrespondenceRecord & {
  readonly eventId: string;
  readonly recordedBy: PersonRef;
  readonly recordedAt: IsoDateTime;
};

/** The DPO's advice to the Chief Statistician. */
export interface Advice {
  readonly outcome: AdviceOutcome;
  /** The legal basis in one line (the `legalBasis` criterion's article, for readers of older advice). */
  readonly legalBasis: string;
  readonly text: string;
  /** The assessment per criterion (absent on advice given before structured advice). */
  readonly criteria?: readonly AdviceCriterion[];
  readonly by: PersonRef;
  readonly at: IsoDateTime;
}

/** The Chief Statistician's decision. */
export interface Decision {
  readonly outcome: DecisionOutcome;
  readonly motivation: string;
  readonly by: PersonRef;
  readonly at: IsoDateTime;
}

/** A free comment restricted to the DPO and the Chief Statistician: its text lives in a list only they can read. */
export interface RestrictedNoteRef {
  readonly noteId: string;
  readonly restriction: 'dpo';
  readonly by: PersonRef;
  readonly at: IsoDateTime;
}

/** A new document version the service could not read field by field: its kind's findings stayed as they were. */
export interface UnreadableVersionNotice {
  readonly documentKind: DocumentKind;
  readonly documentId: string;
  readonly version: string;
  readonly at: IsoDateTime;
}

/** A question of the Chief Statistician sending the dossier back to deliberation. */
export interface InformationRequest {
  readonly question: string;
  readonly by: PersonRef;
  readonly at: IsoDateTime;
}

/** Override of blocking check findings when starting deliberation. */
export interface CheckOverride {
  readonly reason: string;
  readonly by: PersonRef;
  readonly at: IsoDateTime;
}

/** Publication of the countersigned protocol/addendum on the website. */
export interface Publication {
  readonly publishedAt: IsoDateTime;
  readonly publicationDocumentId: string;
}

/** How the data went to the requester (lifecycle, issue 16): a value of `deliveryChannels`. */
export type DeliveryChannel = 'secureLink' | 'sftp' | 'medium';

/** The SHA-256 checksum of one delivered file (64 lower-case hex digits). */
export interface DeliveredFile {
  readonly fileName: string;
  readonly sha256: string;
}

/**
 * Delivery of the microdata (step 6). Deliveries registered before issue 16 carry only the date, the
 * dataset, the variables and a free `method`: every later field is optional.
 */
export interface Delivery {
  readonly deliveredOn: IsoDate;
  readonly dataset: string;
  readonly variables?: number;
  /** Free text of deliveries registered before `channel` existed. */
  readonly method?: string;
  /** The catalog wave ids delivered (`SV-bevraging 2023-1`). */
  readonly waves?: readonly string[];
  readonly channel?: DeliveryChannel;
  readonly files?: readonly DeliveredFile[];
  /** The recipients the protocol names (`requestedData.recipients` when the delivery was registered). */
  readonly recipients?: readonly DataRecipient[];
  readonly registeredAt: IsoDateTime;
}

/** The Chief Statistician's revocation of a protocol (lifecycle, issue 16). */
export interface Revocation {
  /** The date the revocation takes effect (the destruction follow-up starts from it). */
  readonly date: IsoDate;
  readonly reason: string;
  readonly by: PersonRef;
  readonly at: IsoDateTime;
}

/** The confirmation that the delivered data were destroyed: a registered statement or a recorded mail. */
export interface DestructionConfirmation {
  readonly documentId?: string;
  readonly mailMessageId?: string;
  readonly by: PersonRef;
  readonly at: IsoDateTime;
}

/** One stay in a state; `leftAt` is absent for the current state. */
export interface StateHistoryEntry {
  readonly state: StateId;
  readonly enteredAt: IsoDateTime;
  readonly leftAt?: IsoDateTime;
}

/** The parent protocol a simplified dossier builds on, as looked up by the shell. */
export interface ParentProtocolRef {
  /** Protocol number, e.g. `PROT-2025-007`. */
  readonly number: string;
  /** Reference of the dossier that produced the protocol. */
  readonly dossierReference: string;
  /** Current state of that dossier; must be `published` or `delivered`. */
  readonly state: StateId;
}

/** A dossier: the fold of its events. */
export interface Dossier {
  /** `VSA-YYYY-NNNN`; doubles as the dossier's id. */
  readonly reference: string;
  readonly state: StateId;
  readonly stateSince: IsoDateTime;
  readonly createdAt: IsoDateTime;
  readonly updatedAt: IsoDateTime;
  /** Number of events applied; used as optimistic-concurrency version. */
  readonly version: number;
  readonly lastEventId: string;
  readonly requester: Requester;
  readonly subject: string;
  /** When the requester's e-mail arrived (may precede registration). */
  readonly receivedOn?: IsoDate;
  readonly project?: Project;
  readonly requestedData?: RequestedData;
  readonly procedure?: ProcedureId;
  readonly simplifiedReasons: readonly SimplifiedReason[];
  readonly parentProtocolNumber?: string;
  readonly parentDossierReference?: string;
  readonly assignedStatistician?: PersonRef;
  /** Every registered document, superseded ones included (flagged). */
  readonly documents: readonly DossierDocument[];
  /** How many times the dossier was returned for changes. */
  readonly returnRounds: number;
  readonly reviewComments: readonly ReviewComment[];
  /**
   * The open requester findings at the last return (`ReturnedForChanges.findingIds`): what the return
   * mail and its annotated drafts carry. Absent before the first return (and in older snapshots).
   */
  readonly returnedFindingIds?: readonly string[];
  readonly comments: readonly FreeComment[];
  /** Mails sent to and received from the requester, oldest first. */
  readonly correspondence: readonly CorrespondenceEntry[];
  readonly informationRequests: readonly InformationRequest[];
  readonly checkOverride?: CheckOverride;
  /** Findings of the review loop: automatic check results and reviewer remarks, with their status. */
  readonly findings: readonly DossierFinding[];
  /** Versions whose fields could not be read (their findings stayed open), newest last. */
  readonly unreadableVersions: readonly UnreadableVersionNotice[];
  /** Notes only the DPO and the Chief Statistician may read: references, never the text. */
  readonly restrictedNotes: readonly RestrictedNoteRef[];
  readonly advice?: Advice;
  readonly decision?: Decision;
  /** The conditions of an approval with conditions, with their follow-up. */
  readonly conditions: readonly DossierCondition[];
  /** Standard procedure: the protocol number given at countersignature. */
  readonly protocolNumber?: string;
  /** Simplified procedure: `<protocol>/A<n>`, given at countersignature. */
  readonly addendumNumber?: string;
  readonly countersignedAt?: IsoDateTime;
  readonly publication?: Publication;
  readonly delivery?: Delivery;
  /** End date of the protocol (standard) or the new end date an extension addendum sets. */
  readonly protocolEndDate?: IsoDate;
  /** The typed reason; empty when `notAdmissibleReasonCode` gives the rule instead. */
  readonly notAdmissibleReason?: string;
  /** The rule (a message code) that made the request not admissible, when no reason was typed. */
  readonly notAdmissibleReasonCode?: 'dossier.error.requesterNotEligible';
  readonly withdrawalReason?: string;
  // Lifecycle (issue 16).
  /** The retention end of the delivered data, stored at delivery (from the signed forms' `bewaring.termijn`). */
  readonly retentionEnd?: IsoDate;
  /** Set once the Chief Statistician revoked the protocol (the dossier keeps its state). */
  readonly revocation?: Revocation;
  /** Set when the destruction was confirmed (the dossier is then `closed`). */
  readonly destruction?: DestructionConfirmation;
  /**
   * The institution's register entry as the service read it when signed documents were last
   * registered: what the signers were matched against (absent: not in the register, or older dossiers).
   */
  readonly signerInstitution?: Institution;
  /** Warnings of the signed set the DPO team accepted, each with its reason (`acceptSignatureWarning`). */
  readonly signatureAcceptances: readonly SignatureWarningAcceptance[];
  readonly stateHistory: readonly StateHistoryEntry[];
}

/** Why a command was refused: the role, the state, or a guard. */
export type DomainErrorKind = 'forbidden' | 'wrongState' | 'guard' | 'invalidCommand';

/** A refusal. `code` is a translation key (`dossier.error.*`); `params` fill its placeholders. */
export interface DomainError {
  readonly kind: DomainErrorKind;
  readonly code: MessageCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Something to tell the user although the command succeeded (e.g. signed set still incomplete). */
export interface DomainWarning {
  readonly code: MessageCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Result of `decide`: events to append, or every violation found. Never thrown. */
export type DecideResult =
  | { readonly ok: true; readonly events: readonly DossierEvent[]; readonly warnings: readonly DomainWarning[] }
  | { readonly ok: false; readonly errors: readonly DomainError[] };

export type { MessageCode } from './messages';
import type { AdviceCriterion, AdviceOutcome, DecisionOutcome, DossierCondition } from './advice';
import type { DossierFinding } from './findings';
export type { Command, CommandOf, CommandBase } from './commands';
export type { DossierEvent, EventType, EventOf, EventBase } from './events';
import type { MessageCode } from './messages';
import type { DossierEvent } from './events';
import type { DocumentSignatureReport } from './signatures';
import type { Institution } from './institutions';
import type { SignatureWarningAcceptance } from './signedSet';
