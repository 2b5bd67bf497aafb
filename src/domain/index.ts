/**
 * Public API of the dossier domain: pure, no I/O. Other areas import from here only.
 * The shell: load events → `replay` → `decide(dossier, command, actor, now)` → persist events →
 * react (mail, notifications). UIs show `allowedCommands(dossier, actor)` as buttons.
 */
export * from './types';
export type { Command, CommandOf, CommandBase } from './commands';
export type { DossierEvent, EventBase, EventOf, EventType, NotAdmissibleReasonCode } from './events';
export { eventTypes } from './events';
export { stateDefinitions, stateIds, nonFinalStates, stateDefinition, isFinalState, isStateId } from './states';
export type { StateDefinition } from './states';
export { workflowTable, commandTypes, classifyPair } from './workflowTable';
export type { CommandRule, GuardName, PairClassification } from './workflowTable';
export { allowedCommands, tableRefusals, meetsRole, revocationStopping } from './permissions';
export type { TableFacts } from './permissions';
export { decide, isEventOfCommand } from './decide';
export { evolve, replay, evolvedEventTypes, EventFoldError } from './evolve';
export { handlers } from './handlers';
export type { EventPayload, HandlerResult } from './handlers';
export { guards, runGuards } from './guards';
export type { Guard, GuardContext } from './guards';
export type { DecideFacts } from './guards/context';
export { isRequesterEligible, eligibilityError } from './rules/eligibility';
export {
  draftDocumentKinds,
  signedDocumentKinds,
  acceptedKinds,
  currentDocuments,
  latestPerKind,
  draftCompleteness,
  signedCompleteness,
  dossierCompleteness
} from './rules/completeness';
export type { Completeness } from './rules/completeness';
export { simplifiedReasons, parentProtocolStates, simplifiedConditionErrors, isSimplifiedAllowed } from './rules/simplified';
export { outgoingMailKinds, correspondenceKinds, isOutgoingMailKind } from './rules/correspondence';
export { senderVerdict, senderFactsOf, addressesOfDossier, sameInstitution, normalizeAddress } from './rules/sender';
export type { SenderFacts, SenderVerdict, SenderBasis } from './rules/sender';
export { isNonBlank, isEmailAddress, isIsoDate, isIsoDateTime } from './rules/text';
export {
  nextDossierReference,
  nextProtocolNumber,
  nextAddendumNumber,
  parseDossierReference,
  parseProtocolNumber,
  parseAddendumNumber,
  isDossierReference,
  isProtocolNumber,
  isAddendumNumber,
  protocolSeries,
  addendumSeries,
  numberInSeries,
  highestInSeries
} from './numbering';
export type { YearSequence, AddendumNumberParts } from './numbering';
// The clocks (issue 16).
export * from './clocks';
export { protocolChain, protocolChains, protocolNumberOf } from './chain';
// Lifecycle (issue 16).
export {
  deliveryChannels, isDeliveryChannel, isSha256Hex, normalizeSha256, lifecycleFactsOf, effectiveDates, retentionWarnings, destructionFollowUp,
  addCalendarDays, brusselsDate
} from './lifecycle';
export type { LifecycleFacts, EffectiveDates, DestructionFollowUp, DestructionFollowUpBasis } from './lifecycle';
export {
  checkPhaseForState,
  documentPhaseForCommand,
  documentsForCommand,
  publicationSource,
  hasMandateDocument,
  checkContextFor,
  checkPhaseForDocumentPhase,
  DOCUMENT_FILE_TYPES,
  documentFileTypeOf,
  isKeptPhase,
  keptFileName
} from './documentRules';
export type { CheckPhase, DocumentCheckContext, DocumentFileType } from './documentRules';
export { SIGNATORY_CAPACITIES, isSignatoryCapacity, parseSignatoryCapacity, signsByDelegation } from './signatories';
export type { SignatoryCapacityDefinition } from './signatories';
export type { ProtocolChain } from './chain';
export { addendumChanges, protocolScope, scopeBefore, scopeChanges, scopeFactsOf, scopeKey } from './scope';
export type { ProtocolScope, ScopeChanges, ScopeEndDate, ScopeHistoryEntry, ScopeInForceFacts, ScopeInstitution, ScopeInstrument, ScopePurpose, ScopeSurvey, ScopeVariable } from './scope';
export { nlMessages, enMessages, messageCatalogs, messageCodes } from './messages';
export { formatError } from './formatError';
export { interpolate, placeholdersOf, languageOf, languages, isLang, defineCatalog, catalogProblems, labelTableCatalog } from './i18n';
export type { Catalog, TemplateParams, TextsLike } from './i18n';
export {
  notificationPolicy,
  notificationRuleFor,
  notificationSubject,
  decisionOutcomeWords,
  notificationParams,
  renderNotification,
  rolesToNotify
} from './notifications';
export type { NotificationRule, NotificationRecipients, NotificationText, ActivityType, RenderedNotification } from './notifications';
export {
  stateLabel,
  commandLabel,
  documentKindLabel,
  simplifiedReasonLabel,
  roleLabel,
  procedureLabel,
  stepOf,
  correspondenceKindLabel,
  correspondenceDirectionLabel,
  correspondenceKindLabels,
  correspondenceDirectionLabels,
  commandLabels,
  documentKindLabels,
  simplifiedReasonLabels,
  roleLabels,
  procedureLabels
} from './labels';
export { normalizePersonName, samePersonName, signerName, matchSigner, typedSignatoryMatches, validOn } from './signerMatching';
export type { MandateInDossier, NoMatchReason, SignerMatch } from './signerMatching';
export {
  signedSetFindings,
  signedSetSeverity,
  signedSetOf,
  signedSetContextOf,
  dossierSignedSetFindings,
  matchedSignatures,
  mandatesInSet,
  blockingFindings,
  openWarnings
} from './signedSet';
export type { SignedSetFinding, SignedSetFindingCode, SignedSetSeverity, SignedSetContext, SignatureWarningAcceptance, MatchedSignature } from './signedSet';
export { signatureFindingTitle, signatureFindingExplanation, signatureFindingCodes } from './signatureMessages';
