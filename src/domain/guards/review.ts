import { adviceCriterionIds, adviceOutcomes, conditionCategories, criterionAssessments, decisionOutcomes, variableNecessities } from '../advice';
import type { AdviceCriterion, ConditionInput } from '../advice';
import { recommendsConditions } from '../advice';
import { mayReadRestrictedNotes } from '../capabilities';
import { isDocumentKind } from '../documentRules';
import { openRequesterFindings, type FindingStatus } from '../findings';
import { isIsoDate, isNonBlank } from '../rules/text';
import type { DomainError } from '../types';
import { type Guard, guardError } from './context';

/** Guards of the review loop: findings, per-finding overrides, structured advice, conditions, restricted notes. */

const MAX_ID_LENGTH = 200;
const findingAudiences = ['requester', 'internal'];
const findingSeverities = ['blocking', 'warning', 'info'];

/** Deliberation starts only when every requester finding is handled, or overridden one by one with a reason. */
export const requesterFindingsClosedOrOverridden: Guard = ({ command, dossier }) => {
  if (command.type !== 'startDeliberation' || !dossier) return undefined;
  const overrides = Array.isArray(command.findingOverrides) ? command.findingOverrides : [];
  const open = openRequesterFindings(dossier.findings);
  const openIds = new Set(open.map((finding) => finding.id));
  const errors: DomainError[] = [];
  for (const override of overrides) {
    const findingId = String(override?.findingId ?? '');
    if (!openIds.has(findingId)) errors.push(guardError('dossier.error.overrideUnknownFinding', { findingId }));
    else if (!isNonBlank(override.reason)) errors.push(guardError('dossier.error.overrideReasonRequired', { findingId, text: open.find((f) => f.id === findingId)!.text.slice(0, 80) }));
  }
  const overridden = new Set(overrides.filter((o) => isNonBlank(o?.reason)).map((o) => o.findingId));
  for (const finding of open) {
    if (!overridden.has(finding.id)) errors.push(guardError('dossier.error.openRequesterFindings', { findingId: finding.id, text: finding.text.slice(0, 80), kind: finding.documentKind }));
  }
  return errors;
};

/** Reviewer remarks: ids unique and short, a known document kind, a text, a known audience and severity. */
export const findingsWellFormed: Guard = ({ command, dossier }) => {
  if (command.type !== 'recordFindings') return undefined;
  const findings = Array.isArray(command.findings) ? command.findings : [];
  if (findings.length === 0) return guardError('dossier.error.findingsRequired');
  const errors: DomainError[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const findingId = typeof finding?.id === 'string' ? finding.id : '';
    const invalid = (field: string): void => {
      errors.push(guardError('dossier.error.findingInvalid', { findingId, field }));
    };
    if (!isNonBlank(findingId) || findingId.length > MAX_ID_LENGTH || findingId.startsWith('check:')) invalid('id');
    else if (seen.has(findingId)) errors.push(guardError('dossier.error.duplicateFindingId', { findingId }));
    seen.add(findingId);
    if (!isDocumentKind(finding?.documentKind)) invalid('documentKind');
    if (!isNonBlank(finding?.text)) invalid('text');
    if (!findingAudiences.includes(finding?.audience)) invalid('audience');
    if (finding?.severity !== undefined && !findingSeverities.includes(finding.severity)) invalid('severity');
    if (finding?.rowIndex !== undefined && !(Number.isInteger(finding.rowIndex) && finding.rowIndex >= 0)) invalid('rowIndex');
    // A recorded remark keeps its audience: re-recording it as internal would not take it back from a mail already drafted.
    const known = dossier?.findings.find((candidate) => candidate.id === findingId);
    if (known && findingAudiences.includes(finding?.audience) && known.audience !== finding.audience) {
      errors.push(guardError('dossier.error.findingAudienceFixed', { findingId, text: known.text.slice(0, 80) }));
    }
  }
  return errors;
};

/** The moves a person may make (automatic moves to `addressed` are not asked for); the panel offers exactly these. */
export const allowedMoves: Readonly<Record<FindingStatus, readonly FindingStatus[]>> = {
  open: ['resolved', 'waived'],
  addressed: ['resolved', 'open', 'waived'],
  resolved: ['open'],
  waived: ['open']
};

/** A status change names an existing finding, an allowed move, a reason for a waiver, and the revision it was made on. */
export const findingStatusChangeValid: Guard = ({ command, dossier }) => {
  if (command.type !== 'changeFindingStatus' || !dossier) return undefined;
  const findingId = String(command.findingId ?? '');
  const finding = dossier.findings.find((candidate) => candidate.id === findingId);
  if (!finding) return guardError('dossier.error.findingUnknown', { findingId });
  if (command.expectedRevision !== finding.revision) {
    const last = finding.history[finding.history.length - 1];
    return guardError('dossier.error.findingChanged', { findingId, text: finding.text.slice(0, 80), name: last?.by.displayName ?? '', status: finding.status });
  }
  if (!(allowedMoves[finding.status] ?? []).includes(command.status)) {
    return guardError('dossier.error.findingStatusInvalid', { findingId, text: finding.text.slice(0, 80), from: finding.status, to: String(command.status) });
  }
  if (command.status === 'waived' && !isNonBlank(command.reason)) return guardError('dossier.error.waiverReasonRequired', { findingId, text: finding.text.slice(0, 80) });
  return undefined;
};

function criterionErrors(criterion: AdviceCriterion): DomainError[] {
  const errors: DomainError[] = [];
  const bad = (field: string): void => {
    errors.push(guardError('dossier.error.adviceCriterionInvalid', { criterion: criterion.id, field }));
  };
  if (!criterionAssessments.includes(criterion.assessment)) bad('assessment');
  if (criterion.assessment !== 'notApplicable' && !isNonBlank(criterion.text)) bad('text');
  if (criterion.assessment === 'adequateWithCondition' && !isNonBlank(criterion.recommendedCondition?.text)) bad('recommendedCondition');
  if (criterion.recommendedCondition && !conditionCategories.includes(criterion.recommendedCondition.category)) bad('recommendedCondition.category');
  for (const variable of criterion.variables ?? []) {
    if (!isNonBlank(variable?.name) || !variableNecessities.includes(variable.necessity)) bad('variables');
    else if (variable.necessity === 'neededWithCondition' && !isNonBlank(variable.condition?.text)) bad(`variables.${variable.name}.condition`);
  }
  return errors;
}

/** Every criterion once, each assessed and reasoned; the outcome fits the assessments. */
export const adviceComplete: Guard = ({ command }) => {
  if (command.type !== 'giveAdvice') return undefined;
  const errors: DomainError[] = [];
  if (!adviceOutcomes.includes(command.outcome)) errors.push(guardError('dossier.error.adviceOutcomeInvalid'));
  const criteria = Array.isArray(command.criteria) ? command.criteria : [];
  // The article relied on: in the legal basis criterion, or (older clients) as the one-line legal basis.
  const article = criteria.find((entry) => entry?.id === 'legalBasis')?.article;
  if (!isNonBlank(command.legalBasis) && !isNonBlank(article)) errors.push(guardError('dossier.error.legalBasisRequired'));
  if (!isNonBlank(command.text)) errors.push(guardError('dossier.error.adviceTextRequired'));
  for (const id of adviceCriterionIds) {
    const criterion = criteria.find((entry) => entry?.id === id);
    if (!criterion) errors.push(guardError('dossier.error.adviceCriterionMissing', { criterion: id }));
    else errors.push(...criterionErrors(criterion));
  }
  if (command.outcome === 'favourableWithConditions' && !recommendsConditions(criteria)) errors.push(guardError('dossier.error.adviceConditionRequired'));
  const inadequate = criteria.find((c) => c?.assessment === 'inadequate');
  if (command.outcome !== 'unfavourable' && inadequate) {
    errors.push(guardError('dossier.error.adviceOutcomeContradicts', { outcome: command.outcome, criterion: inadequate.id }));
  }
  return errors;
};

function conditionErrors(condition: ConditionInput, seen: Set<string>): DomainError[] {
  const conditionId = typeof condition?.id === 'string' ? condition.id : '';
  const errors: DomainError[] = [];
  const bad = (field: string): void => {
    errors.push(guardError('dossier.error.conditionInvalid', { conditionId, field }));
  };
  if (!isNonBlank(conditionId) || conditionId.length > MAX_ID_LENGTH || seen.has(conditionId)) bad('id');
  seen.add(conditionId);
  if (!isNonBlank(condition?.text)) bad('text');
  if (!conditionCategories.includes(condition?.category)) bad('category');
  if (condition?.owner !== 'requester' && condition?.owner !== 'vsa') bad('owner');
  if (condition?.dueDate !== undefined && !isIsoDate(condition.dueDate)) bad('dueDate');
  return errors;
}

/** A known outcome and a motivation; conditions exactly with `approvedWithConditions`, each complete. */
export const decisionComplete: Guard = ({ command }) => {
  if (command.type !== 'decide') return undefined;
  const errors: DomainError[] = [];
  if (!decisionOutcomes.includes(command.outcome)) errors.push(guardError('dossier.error.decisionOutcomeInvalid'));
  if (!isNonBlank(command.motivation)) errors.push(guardError('dossier.error.motivationRequired'));
  const conditions = Array.isArray(command.conditions) ? command.conditions : [];
  if (command.outcome === 'approvedWithConditions') {
    if (conditions.length === 0) errors.push(guardError('dossier.error.conditionsRequired'));
    const seen = new Set<string>();
    for (const condition of conditions) errors.push(...conditionErrors(condition, seen));
  } else if (conditions.length > 0) {
    errors.push(guardError('dossier.error.conditionsNotAllowed'));
  }
  return errors;
};

/** A condition is met once, with evidence. */
export const conditionMetValid: Guard = ({ command, dossier }) => {
  if (command.type !== 'recordConditionMet' || !dossier) return undefined;
  const conditionId = String(command.conditionId ?? '');
  const condition = dossier.conditions.find((candidate) => candidate.id === conditionId);
  if (!condition) return guardError('dossier.error.conditionUnknown', { conditionId });
  if (condition.status === 'met') return guardError('dossier.error.conditionAlreadyMet', { conditionId });
  return isNonBlank(command.evidence) ? undefined : guardError('dossier.error.evidenceRequired', { conditionId });
};

/** A note for the DPO: written by the DPO or the Chief Statistician, with the id of its stored text. */
export const restrictedNoteAllowed: Guard = ({ command, actor }) => {
  if (command.type !== 'addComment' || command.restriction === undefined) return undefined;
  if (command.restriction !== 'dpo' || !mayReadRestrictedNotes(actor)) {
    return guardError('dossier.error.restrictedNoteNotAllowed');
  }
  return isNonBlank(command.noteId) ? undefined : guardError('dossier.error.restrictedNoteIdRequired');
};
