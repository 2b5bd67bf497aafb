import { nonFinalStates, stateIds } from './states';
import type { CommandType, RoleRequirement, StateId } from './types';

/** Names of the guards in `guards/`; the table refers to them by name. */
export type GuardName =
  | 'validCommandId'
  | 'validReference'
  | 'requesterContact'
  | 'subjectPresent'
  | 'registrationParentProtocol'
  | 'assigneeIsStatistician'
  | 'procedureChosen'
  | 'simplifiedConditions'
  | 'requesterEligible'
  | 'notAdmissibleReason'
  | 'draftDocumentsComplete'
  | 'documentsWellFormed'
  | 'reviewCommentPresent'
  | 'checksPassedOrOverridden'
  | 'adviceComplete'
  | 'decisionComplete'
  | 'questionPresent'
  | 'signedDocumentsSigned'
  | 'numberMatchesProcedure'
  | 'optionalEndDateValid'
  | 'publicationStored'
  | 'countersignedOriginal'
  | 'countersignedMailAttachments'
  | 'deliveryComplete'
  | 'withdrawalReason'
  | 'commentText'
  | 'correspondenceComplete'
  | 'correspondenceNotRecordedYet'
  | 'incomingSenderKnown'
  | 'requesterFindingsClosedOrOverridden'
  | 'findingsWellFormed'
  | 'findingStatusChangeValid'
  | 'conditionMetValid'
  | 'restrictedNoteAllowed'
  | 'signatureWarningAcceptable'
  // Lifecycle (issue 16).
  | 'destructionEvidence'
  | 'revocationComplete'
  // Who sends which mail from the shared mailbox (issue 16, access).
  | 'mailSenderAllowed';

/** One row of the commands table (workflow.md § Commands). */
export interface CommandRule {
  readonly command: CommandType;
  /** Any one of these suffices. */
  readonly roles: readonly RoleRequirement[];
  /** States the command may be given in; `[]` with `createsDossier` means "no dossier yet". */
  readonly from: readonly StateId[];
  readonly createsDossier: boolean;
  /** Possible target states; `same` keeps the state. */
  readonly to: readonly (StateId | 'same')[];
  readonly guards: readonly GuardName[];
  /**
   * Offered on an individual's request (a requester marked as an individual without institution, whom
   * step 1 refuses): only declaring it not admissible and recording the mail that explains why. Every
   * other command (assigning a statistician, comments, …) is refused there (`tableRefusals`).
   */
  readonly onIndividualRequest?: true;
  /**
   * Offered on a dossier whose protocol was revoked (the protocol's own dossier, or an addendum or request
   * on it): ending it (withdraw, not admissible), the close-out (destruction, conditions) and the any-state
   * commands. Every other step is refused there (`tableRefusals`): pending addenda stop.
   */
  readonly onRevokedProtocol?: true;
}

const row = (rule: CommandRule): CommandRule => rule;

/**
 * Where the review loop's findings are recorded and handled: while a version is under review or back
 * with the requester. Not before the first draft (a remark needs a version), not in deliberation (a
 * reopened requester finding there would bypass the rule that deliberation starts with none open).
 */
const reviewStates: readonly StateId[] = ['underReview', 'returnedForChanges'];

/** Withdrawal is the requester withdrawing a request: not once the data are delivered (then: close-out or revocation). */
const withdrawStates: readonly StateId[] = nonFinalStates.filter((state) => state !== 'delivered');

/** The workflow as data. `allowedCommands` reads it; `decide` and every UI follow it. */
export const workflowTable: Readonly<Record<CommandType, CommandRule>> = {
  registerRequest: row({
    command: 'registerRequest', roles: ['dpoTeam'], from: [], createsDossier: true, to: ['intake'],
    guards: ['validCommandId', 'validReference', 'requesterContact', 'subjectPresent', 'registrationParentProtocol']
  }),
  assignStatistician: row({
    command: 'assignStatistician', roles: ['dpoTeam'], from: ['intake', 'preliminary'], createsDossier: false,
    to: ['preliminary'], guards: ['validCommandId', 'assigneeIsStatistician']
  }),
  requestForms: row({
    command: 'requestForms', roles: ['assignedStatistician'], from: ['preliminary'], createsDossier: false,
    to: ['formsRequested'], guards: ['validCommandId', 'requesterEligible', 'procedureChosen', 'simplifiedConditions']
  }),
  declareNotAdmissible: row({
    command: 'declareNotAdmissible', roles: ['assignedStatistician', 'dpoTeam'], from: ['intake', 'preliminary'],
    createsDossier: false, to: ['notAdmissible'], guards: ['validCommandId', 'notAdmissibleReason'], onIndividualRequest: true, onRevokedProtocol: true
  }),
  registerDraftDocuments: row({
    command: 'registerDraftDocuments', roles: ['dpoTeam'], from: ['formsRequested', 'returnedForChanges'],
    createsDossier: false, to: ['underReview'], guards: ['validCommandId', 'documentsWellFormed', 'draftDocumentsComplete']
  }),
  returnForChanges: row({
    command: 'returnForChanges', roles: ['dpoTeam'], from: ['underReview'], createsDossier: false,
    to: ['returnedForChanges'], guards: ['validCommandId', 'reviewCommentPresent']
  }),
  startDeliberation: row({
    command: 'startDeliberation', roles: ['dpoTeam'], from: ['underReview'], createsDossier: false,
    to: ['deliberation'], guards: ['validCommandId', 'checksPassedOrOverridden', 'requesterFindingsClosedOrOverridden']
  }),
  giveAdvice: row({
    command: 'giveAdvice', roles: ['dpo'], from: ['deliberation'], createsDossier: false,
    to: ['awaitingDecision'], guards: ['validCommandId', 'adviceComplete']
  }),
  decide: row({
    command: 'decide', roles: ['chiefStatistician'], from: ['awaitingDecision'], createsDossier: false,
    to: ['awaitingSignatures', 'rejected'], guards: ['validCommandId', 'decisionComplete']
  }),
  requestMoreInformation: row({
    command: 'requestMoreInformation', roles: ['chiefStatistician'], from: ['awaitingDecision'],
    createsDossier: false, to: ['deliberation'], guards: ['validCommandId', 'questionPresent']
  }),
  registerSignedDocuments: row({
    command: 'registerSignedDocuments', roles: ['dpoTeam'], from: ['awaitingSignatures'], createsDossier: false,
    to: ['same', 'awaitingCountersignature'], guards: ['validCommandId', 'documentsWellFormed', 'signedDocumentsSigned']
  }),
  countersign: row({
    command: 'countersign', roles: ['chiefStatistician'], from: ['awaitingCountersignature'], createsDossier: false,
    to: ['signed'], guards: ['validCommandId', 'documentsWellFormed', 'numberMatchesProcedure', 'optionalEndDateValid', 'countersignedOriginal']
  }),
  publish: row({
    command: 'publish', roles: ['dpoTeam'], from: ['signed'], createsDossier: false, to: ['published'],
    guards: ['validCommandId', 'documentsWellFormed', 'publicationStored']
  }),
  registerDelivery: row({
    command: 'registerDelivery', roles: ['dpoTeam', 'assignedStatistician'], from: ['published'],
    createsDossier: false, to: ['delivered'], guards: ['validCommandId', 'deliveryComplete']
  }),
  withdraw: row({
    command: 'withdraw', roles: ['dpoTeam'], from: withdrawStates, createsDossier: false, to: ['withdrawn'],
    guards: ['validCommandId', 'withdrawalReason'], onRevokedProtocol: true
  }),
  addComment: row({
    command: 'addComment', roles: ['anyVsaRole'], from: stateIds, createsDossier: false, to: ['same'],
    guards: ['validCommandId', 'commentText', 'restrictedNoteAllowed'], onRevokedProtocol: true
  }),
  recordCorrespondence: row({
    command: 'recordCorrespondence', roles: ['anyVsaRole'], from: stateIds, createsDossier: false, to: ['same'],
    guards: ['validCommandId', 'correspondenceComplete', 'correspondenceNotRecordedYet', 'incomingSenderKnown', 'countersignedMailAttachments', 'mailSenderAllowed'],
    onIndividualRequest: true, onRevokedProtocol: true
  }),
  recordFindings: row({
    command: 'recordFindings', roles: ['dpoTeam', 'assignedStatistician', 'dpo'], from: reviewStates, createsDossier: false, to: ['same'],
    guards: ['validCommandId', 'findingsWellFormed']
  }),
  changeFindingStatus: row({
    command: 'changeFindingStatus', roles: ['dpoTeam', 'assignedStatistician', 'dpo'], from: reviewStates, createsDossier: false, to: ['same'],
    guards: ['validCommandId', 'findingStatusChangeValid']
  }),
  recordConditionMet: row({
    command: 'recordConditionMet', roles: ['dpoTeam', 'assignedStatistician'],
    from: ['awaitingSignatures', 'awaitingCountersignature', 'signed', 'published', 'delivered'], createsDossier: false, to: ['same'],
    guards: ['validCommandId', 'conditionMetValid'], onRevokedProtocol: true
  }),
  acceptSignatureWarning: row({
    command: 'acceptSignatureWarning', roles: ['dpoTeam'], from: ['awaitingSignatures', 'awaitingCountersignature'], createsDossier: false, to: ['same'],
    guards: ['validCommandId', 'signatureWarningAcceptable']
  }),
  // Lifecycle (issue 16).
  confirmDestruction: row({
    command: 'confirmDestruction', roles: ['dpoTeam'], from: ['delivered'], createsDossier: false, to: ['closed'],
    guards: ['validCommandId', 'destructionEvidence'], onRevokedProtocol: true
  }),
  revokeProtocol: row({
    command: 'revokeProtocol', roles: ['chiefStatistician'], from: ['signed', 'published', 'delivered'], createsDossier: false, to: ['same'],
    guards: ['validCommandId', 'revocationComplete']
  })
};

/** Every command type, in table order. */
export const commandTypes: readonly CommandType[] = Object.keys(workflowTable) as CommandType[];

/** How the table classifies a (state, command) pair: may it be given there at all (roles aside)? */
export type PairClassification = 'allowed' | 'notInThisState';

/** Classifies a (state, command) pair; `undefined` state means "no dossier yet". */
export function classifyPair(state: StateId | undefined, command: CommandType): PairClassification {
  const rule = workflowTable[command];
  if (state === undefined) return rule.createsDossier ? 'allowed' : 'notInThisState';
  return rule.from.includes(state) ? 'allowed' : 'notInThisState';
}
