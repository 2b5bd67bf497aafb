import type { GuardName } from '../workflowTable';
import type { DomainError } from '../types';
import type { Guard, GuardContext } from './context';
import * as correspondence from './correspondence';
import * as decision from './decision';
import * as documents from './documents';
import * as lifecycle from './lifecycle';
import * as request from './request';
import * as review from './review';

/** Every guard by the name the workflow table uses. */
export const guards: Readonly<Record<GuardName, Guard>> = {
  validCommandId: request.validCommandId,
  validReference: request.validReference,
  requesterContact: request.requesterContact,
  subjectPresent: request.subjectPresent,
  registrationParentProtocol: request.registrationParentProtocol,
  assigneeIsStatistician: request.assigneeIsStatistician,
  procedureChosen: request.procedureChosen,
  simplifiedConditions: request.simplifiedConditions,
  requesterEligible: request.requesterEligible,
  notAdmissibleReason: request.notAdmissibleReason,
  documentsWellFormed: documents.documentsWellFormed,
  draftDocumentsComplete: documents.draftDocumentsComplete,
  reviewCommentPresent: documents.reviewCommentPresent,
  checksPassedOrOverridden: documents.checksPassedOrOverridden,
  signedDocumentsSigned: documents.signedDocumentsSigned,
  signatureWarningAcceptable: documents.signatureWarningAcceptable,
  adviceComplete: review.adviceComplete,
  decisionComplete: review.decisionComplete,
  requesterFindingsClosedOrOverridden: review.requesterFindingsClosedOrOverridden,
  findingsWellFormed: review.findingsWellFormed,
  findingStatusChangeValid: review.findingStatusChangeValid,
  conditionMetValid: review.conditionMetValid,
  restrictedNoteAllowed: review.restrictedNoteAllowed,
  questionPresent: decision.questionPresent,
  numberMatchesProcedure: decision.numberMatchesProcedure,
  optionalEndDateValid: decision.optionalEndDateValid,
  publicationStored: decision.publicationStored,
  countersignedOriginal: decision.countersignedOriginal,
  deliveryComplete: decision.deliveryComplete,
  withdrawalReason: decision.withdrawalReason,
  commentText: decision.commentText,
  correspondenceComplete: correspondence.correspondenceComplete,
  correspondenceNotRecordedYet: correspondence.correspondenceNotRecordedYet,
  mailSenderAllowed: correspondence.mailSenderAllowed,
  incomingSenderKnown: correspondence.incomingSenderKnown,
  countersignedMailAttachments: correspondence.countersignedMailAttachments,
  // Lifecycle (issue 16).
  destructionEvidence: lifecycle.destructionEvidence,
  revocationComplete: lifecycle.revocationComplete
};

/** Runs the named guards and collects every error (not just the first). */
export function runGuards(names: readonly GuardName[], context: GuardContext): DomainError[] {
  return names.flatMap((name) => {
    const result = guards[name](context);
    if (result === undefined) return [];
    return Array.isArray(result) ? [...(result as readonly DomainError[])] : [result as DomainError];
  });
}

export type { Guard, GuardContext } from './context';
