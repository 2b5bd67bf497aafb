import type { LifecycleStrings } from './lifecycle/lifecycleStrings';
import type { EventType } from '../domain/events';
import type { ConditionsStrings } from './panel/ConditionsSection.types';
import type { SignaturesStrings } from './panel/SignedSetSection.types';
import type { IntakeListStrings } from './correspondence/IntakeList.types';
import type { MailPreviewStrings } from './correspondence/MailPreview.types';
import type { CodebookViewStrings } from './codebooks/CodebooksView.types';
import type { InstitutionViewStrings } from './institutions/InstitutionsView.types';
import type { ReviewStrings } from './review/reviewStrings';
import type { ConditionsEditorStrings } from './conditions/ConditionsEditor';
import type { AdviceStrings } from './dialogs/AdviceDialog';
import type { ClockStrings } from './clocks/clockStrings';

/**
 * Every visible or aria string of the register, dossier panel, dialogs and dashboard. Components
 * receive this object as their `strings` prop and never import `loc/` modules, so the web part, the
 * Teams tab, the Word pane and the local workbench all pass their own (Dutch first) strings in.
 * `{name}` placeholders are filled by `formatText`. State, command, document-kind, procedure and
 * reason labels come from the domain (`stateLabel(state, lang)` etc.), not from here.
 */
export interface UiStrings {
  // Shell
  readonly appTitle: string;
  readonly tabRegister: string;
  readonly tabDashboard: string;
  readonly refresh: string;
  readonly loading: string;
  readonly loadingMore: string;
  readonly errorLoad: string;
  readonly genericError: string;
  readonly conflict: string;
  readonly signedInAs: string;

  // Register
  readonly searchLabel: string;
  readonly searchPlaceholder: string;
  readonly filtersLabel: string;
  readonly filterState: string;
  readonly filterStep: string;
  readonly filterProcedure: string;
  readonly filterStatistician: string;
  readonly filterSurvey: string;
  /** The survey filter's whole-survey choice, e.g. `{survey} (alle golven)`. */
  readonly filterSurveyAllWaves: string;
  readonly filterMine: string;
  readonly filterOverdue: string;
  readonly filterAll: string;
  readonly groupByStep: string;
  readonly clearFilters: string;
  readonly columnReference: string;
  readonly columnInstitution: string;
  readonly columnTitle: string;
  readonly columnProcedure: string;
  readonly columnState: string;
  readonly columnStep: string;
  readonly columnStatistician: string;
  readonly columnDaysInState: string;
  readonly columnDeadline: string;
  /** Requested survey waves (compact). */
  readonly columnSurveys: string;
  /** Number of requested variables. */
  readonly columnVariables: string;
  readonly sortedAscending: string;
  readonly sortedDescending: string;
  readonly overdueBadge: string;
  readonly stepGroup: string;
  readonly finalGroup: string;
  readonly countSummary: string;
  readonly emptyRegister: string;
  readonly newDossier: string;
  readonly openDossier: string;
  readonly stepOption: string;

  // New dossier dialog
  readonly newDossierTitle: string;
  readonly fieldInstitution: string;
  readonly fieldInstitutionType: string;
  readonly institutionTypeGovernment: string;
  readonly institutionTypeResearch: string;
  readonly institutionTypeOther: string;
  readonly fieldIsIndividual: string;
  readonly fieldContactName: string;
  readonly fieldContactEmail: string;
  readonly fieldSubject: string;
  readonly fieldReceivedOn: string;
  readonly eligibilityHeading: string;
  readonly eligibilityOk: string;
  readonly save: string;
  readonly cancel: string;
  readonly saving: string;
  readonly refusedHeading: string;
  readonly warningsHeading: string;

  // Dossier panel
  readonly panelLabel: string;
  readonly close: string;
  readonly tabSummary: string;
  readonly tabDocuments: string;
  readonly tabTimeline: string;
  readonly summaryRequester: string;
  readonly summaryContact: string;
  readonly summarySubject: string;
  readonly summaryProject: string;
  readonly summaryProcedure: string;
  readonly summaryState: string;
  readonly summaryStatistician: string;
  readonly summaryReceived: string;
  readonly summaryProtocol: string;
  readonly summaryAddendum: string;
  readonly summaryEndDate: string;
  readonly summaryDeadline: string;
  readonly notAssigned: string;
  readonly noValue: string;
  readonly stepperLabel: string;
  readonly stepNames: readonly string[];
  readonly stepDays: string;
  readonly stepCurrent: string;
  readonly stepDone: string;
  readonly stepUpcoming: string;
  readonly stepSkipped: string;
  readonly chainHeading: string;
  readonly chainAddenda: string;
  readonly chainPending: string;
  readonly chainNone: string;
  readonly chainParent: string;
  /** Tab and heading of the scope in force (`{protocol}`: its number). */
  readonly tabScope: string;
  readonly scopeHeading: string;
  readonly scopeVariables: string;
  readonly scopePurposes: string;
  readonly scopeSurveys: string;
  readonly scopeInstitution: string;
  readonly scopeEndDate: string;
  /** `{instrument}` and `{date}`: the instrument that brought an item. */
  readonly scopeBroughtBy: string;
  /** `{purposes}`: the earlier purposes a new one extends. */
  readonly scopeExtends: string;
  readonly scopeNone: string;
  readonly scopeHistory: string;
  readonly scopeHistoryProtocol: string;
  readonly scopeAddedVariables: string;
  readonly scopeAddedPurposes: string;
  readonly scopeAddedSurveys: string;
  /** `{from}` and `{to}`. */
  readonly scopeEndDateChange: string;
  /** `{from}` and `{to}`. */
  readonly scopeIdentityChange: string;
  readonly scopeNoChange: string;
  /** Heading of a request's diff (`{protocol}`). */
  readonly scopeChangesHeading: string;
  readonly scopeChangesNothingNew: string;
  readonly scopeChangesEndNotLater: string;
  readonly scopeAlreadyInForce: string;
  readonly scopeEnterpriseNumber: string;
  readonly actionsLabel: string;
  readonly noActions: string;

  // Documents
  readonly documentsDrop: string;
  readonly documentsChoose: string;
  readonly uploadKind: string;
  readonly uploadKindAuto: string;
  readonly uploadPhase: string;
  readonly uploadUploading: string;
  readonly uploadChecking: string;
  readonly uploadDone: string;
  readonly uploadFailed: string;
  readonly documentsEmpty: string;
  readonly documentKindColumn: string;
  readonly documentPhaseColumn: string;
  readonly documentVersionColumn: string;
  readonly documentCheckColumn: string;
  readonly documentDownload: string;
  readonly documentDownloadAnnotated: string;
  /** Visible text of the findings toggle; `showFindings` (with the file name) is its accessible name. */
  readonly findingsButton: string;
  readonly documentOpenInWord: string;
  readonly documentVersions: string;
  readonly phaseDraft: string;
  readonly phaseSigned: string;
  readonly phaseCountersigned: string;
  readonly phasePublication: string;
  readonly severityBlocking: string;
  readonly severityWarning: string;
  readonly severityInfo: string;
  readonly findingsNone: string;
  readonly findingField: string;
  readonly findingDocument: string;
  readonly checkSummary: string;
  readonly checkNotChecked: string;
  readonly checkPassed: string;
  readonly showFindings: string;

  // Timeline and comments
  readonly timelineEmpty: string;
  readonly timelineBy: string;
  readonly eventLabels: Readonly<Record<EventType, string>>;
  readonly mailIncoming: string;
  readonly mailOutgoing: string;
  readonly commentLabel: string;
  readonly commentAdd: string;

  // Command dialog
  readonly commandSubmit: string;
  readonly commandComment: string;
  readonly inputAssignee: string;
  readonly inputProcedure: string;
  readonly inputReasons: string;
  readonly inputParentProtocol: string;
  readonly inputReason: string;
  readonly inputReviewComments: string;
  readonly inputOverrideReason: string;
  readonly inputAdviceOutcome: string;
  readonly favourable: string;
  readonly unfavourable: string;
  readonly favourableWithConditions: string;
  /** Shown in the timeline instead of a note restricted to the DPO and the Chief Statistician. */
  readonly restrictedNote: string;
  /** Option of the comment box, offered to the DPO and the Chief Statistician. */
  readonly restrictedNoteOption: string;
  readonly inputLegalBasis: string;
  readonly inputAdviceText: string;
  readonly inputDecision: string;
  readonly approved: string;
  readonly rejected: string;
  readonly approvedWithConditions: string;
  readonly inputMotivation: string;
  readonly inputQuestion: string;
  readonly inputDocuments: string;
  readonly inputNumber: string;
  readonly inputEndDate: string;
  readonly inputPublicationDocument: string;
  readonly inputDeliveredOn: string;
  readonly inputDataset: string;
  readonly inputText: string;
  readonly noDocumentsToChoose: string;
  readonly protocolNotFound: string;
  /** The structured advice: its dialog and how the panel shows it. */
  readonly advice: AdviceStrings;
  /** The conditions of an approval with conditions, as the decision dialog edits them. */
  readonly conditionsEditor: ConditionsEditorStrings;

  // Dashboard
  readonly chartByState: string;
  readonly chartByStep: string;
  readonly chartLeadTime: string;
  readonly median: string;
  readonly p90: string;
  readonly daysUnit: string;
  readonly countUnit: string;
  readonly overdueHeading: string;
  readonly workloadHeading: string;
  readonly workloadOpen: string;
  readonly workloadOverdue: string;
  readonly noData: string;

  // Mailbox (intake), correspondence, publication version, extension reminders
  readonly tabMailbox: string;
  readonly mailboxRefresh: string;
  readonly mailboxError: string;
  readonly intakeCreateTitle: string;
  readonly intakeAttachTitle: string;
  readonly intakeFrom: string;
  readonly intakeReference: string;
  readonly intakeImport: string;
  readonly intakeImported: string;
  readonly intakeCreated: string;
  readonly intakeAlreadyLinked: string;
  /** Checkbox that confirms linking a mail whose sender the intake does not know. */
  readonly intakeSenderConfirm: string;
  readonly attachmentStored: string;
  readonly attachmentChecked: string;
  readonly attachmentSkipped: string;
  readonly attachmentSkipReasons: Readonly<Record<'unsupportedType' | 'unclassified' | 'tooLarge' | 'unreadable', string>>;
  readonly mailLabel: string;
  readonly composeMail: string;
  readonly mailSent: string;
  readonly mailAlreadySent: string;
  readonly mailSentNotRecorded: string;
  readonly mailRetryRecord: string;
  readonly createPublicationVersion: string;
  readonly publicationVersionCreated: string;
  readonly noCountersignedDocument: string;
  readonly remindersHeading: string;
  readonly reminderLine: string;
  readonly startExtension: string;
  readonly extensionUnderWay: string;
  readonly extensionStarted: string;
  readonly mailPreview: MailPreviewStrings;
  readonly intakeList: IntakeListStrings;
  /** The follow-up of the conditions of an approval (panel section, register filter). */
  readonly followUp: ConditionsStrings;
  /** The signatures of the signed set (documents tab). */
  readonly signatures: SignaturesStrings;

  // Survey codebooks (DPO team and statisticians)
  readonly tabCodebooks: string;
  readonly codebooks: CodebookViewStrings;

  // The institution register (DPO team, issue 15)
  readonly tabInstitutions: string;
  /** The panel's notice that the dossier's institution is not in the register (step 1). */
  readonly institutionNoticeLabel: string;
  readonly institutions: InstitutionViewStrings;

  // Review loop: findings tab, version differences, dialog parts, dashboard section (issue 14)
  readonly review: ReviewStrings;

  // The clocks: panel section "Termijnen", register phase column, dashboard adherence (issue 16)
  readonly clocks: ClockStrings;
  // Lifecycle (issue 16): delivery, retention, destruction, revocation
  readonly lifecycle: LifecycleStrings;
}

/** The keys of `UiStrings` that hold plain strings (not lists or records). */
export type UiStringKey = { [K in keyof UiStrings]: UiStrings[K] extends string ? K : never }[keyof UiStrings];
