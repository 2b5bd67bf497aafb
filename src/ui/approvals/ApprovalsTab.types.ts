import type { ConditionInput } from '../../domain/advice';
import type { DocumentKind, DomainError, Lang } from '../../domain/types';
import type { DocumentSignatureReport } from '../../domain/signatures';
import type { DecisionHistoryModel } from './decisionHistory';
import type { ApprovalsQueueModel } from './approvalsQueue';

/**
 * Every visible and aria string of the approvals tab. Named `{name}` placeholders are filled by
 * `formatText` (the one `interpolate`). The web part passes its `loc/` strings (nl-NL first, en-US second).
 */
export interface ApprovalsStrings {
  readonly TabTitle: string;
  readonly CountsHeader: string;
  readonly OverdueCount: string;
  readonly QueueTab: string;
  readonly HistoryTab: string;
  readonly Reload: string;
  readonly DismissMessage: string;
  readonly Loading: string;
  readonly SectionAwaitingDecision: string;
  readonly SectionAwaitingCountersignature: string;
  readonly SectionAwaitingSignatures: string;
  readonly EmptySection: string;
  readonly WaitingDays: string;
  readonly OverdueBadge: string;
  /** The current phase's clock (issue 16): placeholders phase, used, limit, unit, due. */
  readonly ClockLine: string;
  readonly Institution: string;
  readonly Procedure: string;
  /** What is requested: surveys (compact waves), variable count, research type. */
  readonly RequestedData: string;
  readonly Surveys: string;
  readonly VariableCount: string;
  readonly ResearchType: string;
  readonly RequestedDataUnknown: string;
  readonly Advice: string;
  readonly NoAdvice: string;
  /** The advice's criteria at a glance (heading of the compact list). */
  readonly AdviceCriteria: string;
  /** A condition the advice recommends (placeholders text and category). */
  readonly RecommendedCondition: string;
  readonly RecommendedConditions: string;
  /** Heading of the reasons the DPO team recorded for accepting findings or blocking checks. */
  readonly Overrides: string;
  /** The override of the blocking checks at the start of deliberation (placeholders reason and name). */
  readonly CheckOverride: string;
  /** A finding waived with a reason (placeholders kind, text and reason). */
  readonly FindingOverride: string;
  readonly LegalBasis: string;
  readonly Checks: string;
  readonly CheckSummary: string;
  readonly CheckNone: string;
  readonly Documents: string;
  readonly NoDocuments: string;
  readonly OpenInWord: string;
  readonly OpenInBrowser: string;
  readonly MissingSigned: string;
  readonly MandateMissing: string;
  readonly SignaturesComplete: string;
  readonly Approve: string;
  readonly ApproveWithConditions: string;
  readonly Reject: string;
  readonly AskInformation: string;
  readonly Countersign: string;
  readonly Motivation: string;
  readonly MotivationRequired: string;
  readonly Question: string;
  readonly QuestionRequired: string;
  readonly Confirm: string;
  readonly Cancel: string;
  readonly DialogDecideTitle: string;
  readonly Decision: string;
  readonly DecisionApproved: string;
  readonly DecisionApprovedWithConditions: string;
  readonly DecisionRejected: string;
  readonly ConditionsHeading: string;
  /** The condition's position (placeholder number). */
  readonly ConditionLabel: string;
  readonly ConditionText: string;
  readonly ConditionCategory: string;
  readonly ConditionOwner: string;
  readonly ConditionDueDate: string;
  readonly ConditionPersonal: string;
  readonly ConditionAdd: string;
  readonly ConditionRemove: string;
  readonly ConditionsEmpty: string;
  readonly ConditionsFromAdvice: string;
  readonly DialogAskTitle: string;
  readonly DialogCountersignTitle: string;
  readonly CountersignNumber: string;
  readonly CountersignNumberLoading: string;
  /** The countersigned original: heading, help, choice, upload, and what is shown of its signatures. */
  readonly CountersignedOriginal: string;
  readonly CountersignedOriginalHelp: string;
  readonly CountersignedUpload: string;
  readonly CountersignedUploading: string;
  readonly CountersignedNone: string;
  readonly CountersignedRequired: string;
  readonly RequesterSignatures: string;
  readonly VsaSignature: string;
  /** No report in hand yet (a file chosen from the folder): the service reads it when countersigning. */
  readonly SignaturesReadOnCountersign: string;
  readonly ResultSaved: string;
  readonly ResultNotifyFailed: string;
  /** After a countersignature: the number the stored dossier holds (given by the service), not the suggestion. */
  readonly ResultCountersigned: string;
  readonly ResultCountersignedNotifyFailed: string;
  readonly Conflict: string;
  readonly ErrorPrefix: string;
  readonly Unreadable: string;
  readonly NotChiefStatistician: string;
  readonly HistoryEmpty: string;
  readonly HistorySummary: string;
  readonly HistoryDate: string;
  readonly HistoryDossier: string;
  readonly HistoryDecision: string;
  readonly HistoryLeadTime: string;
  readonly HistoryTotal: string;
  readonly HistoryActor: string;
  readonly HistoryText: string;
  readonly HistoryApproved: string;
  readonly HistoryRejected: string;
  readonly HistoryMoreInformation: string;
  // Lifecycle (issue 16): revoking a protocol from the history.
  /** The history's button on an approved, published or delivered protocol. */
  readonly RevokeAction: string;
  /** Dialog title (placeholder reference). */
  readonly RevokeTitle: string;
  readonly RevokeDate: string;
  readonly RevokeReason: string;
  readonly RevokeReasonRequired: string;
  /** A revoked protocol in the history (placeholder date). */
  readonly RevokedOn: string;
  /** After revoking (placeholder reference). */
  readonly ResultRevoked: string;
}

/** Lifecycle (issue 16): the date and reason of a revocation. */
export interface RevocationInput {
  readonly date: string;
  readonly reason: string;
}

/** What the Chief Statistician chose in a decision dialog. */
export type DecisionChoice =
  | { readonly kind: 'approve'; readonly motivation: string }
  | { readonly kind: 'approveWithConditions'; readonly motivation: string; readonly conditions: readonly ConditionInput[] }
  | { readonly kind: 'reject'; readonly motivation: string }
  | { readonly kind: 'requestMoreInformation'; readonly question: string };

/** Result of an action as the tab shows it: saved (maybe with a warning), or the reasons it was not. */
export type ActionResult =
  | { readonly ok: true; readonly message: string; readonly warning?: boolean }
  | { readonly ok: false; readonly messages: readonly string[]; /** The domain's refusals behind `messages`, when it refused. */ readonly errors?: readonly DomainError[] };

/** A countersigned original in the dossier's folder, with the service's reading of its signatures when known. */
export interface CountersignedChoice {
  readonly fileName: string;
  readonly kind?: DocumentKind;
  readonly signatures?: DocumentSignatureReport;
}

/** A file the Chief Statistician picked to upload. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: () => Promise<Uint8Array>;
}

/** The capabilities the tab calls; the container wires them to the gateway. */
export interface ApprovalsActions {
  decide(reference: string, choice: DecisionChoice): Promise<ActionResult>;
  /** The number a countersignature would give (shown before confirming). */
  previewNumber(reference: string): Promise<string>;
  /** Stores the countersigned original in the dossier's folder; the answer carries its signatures. */
  uploadCountersigned(reference: string, file: PickedFile): Promise<CountersignedChoice>;
  /** Countersigns with the chosen countersigned original(s). */
  countersign(reference: string, originals: readonly CountersignedChoice[]): Promise<ActionResult>;
  /** Revokes the dossier's protocol (absent: the host offers no revocation here). */
  revoke?(reference: string, input: RevocationInput): Promise<ActionResult>;
  reload(): void;
  /** A failure in the user's language (the host's `formatFailure`; `src/ui` may not import `src/app`). */
  describeFailure(error: unknown): string;
}

/** Props of `ApprovalsTab`. */
export interface ApprovalsTabProps {
  readonly strings: ApprovalsStrings;
  readonly lang: Lang;
  /** Undefined while the first load runs. */
  readonly queue?: ApprovalsQueueModel;
  readonly history?: DecisionHistoryModel;
  readonly unreadable?: readonly string[];
  /** The procedure's settings could not be read or have wrong rows (defaults used): one line each (issue 16). */
  readonly settingsNotices?: readonly string[];
  /** A load error already translated for the user. */
  readonly loadError?: string;
  /** False when the signed-in user is not in `VSA Hoofdstatisticus`: a notice explains the missing buttons. */
  readonly isChiefStatistician: boolean;
  readonly actions: ApprovalsActions;
  /** Today (Brussels) for the revocation date's default; default the UTC date of now. */
  readonly today?: string;
}
