/** The approvals tab's presentational components and pure view models. */
export { ApprovalsTab } from './ApprovalsTab';
export type { ApprovalsTabProps, ApprovalsStrings, ApprovalsActions, ActionResult, DecisionChoice } from './ApprovalsTab.types';
export { buildApprovalsQueue, documentLinks, approvalsCommands, queueSectionIds } from './approvalsQueue';
export type { ApprovalsQueueModel, QueueItem, QueueEntryInput, QueueSectionId, DocumentLinkView } from './approvalsQueue';
export { buildDecisionHistory } from './decisionHistory';
export type { DecisionHistoryModel, HistoryRow, HistoryInput, HistoryKind } from './decisionHistory';
