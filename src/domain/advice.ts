/**
 * The DPO's structured advice and the conditions of an approval (step 3): the criteria the DPO assesses,
 * as data, and the conditions the Chief Statistician attaches, tracked until met. The advice dialog, the
 * Teams card, the decision dialog, the protocol's conditions section, the requester's mail, the public
 * register and the follow-up list all read these types; the rules live here once.
 */
import type { IsoDate, IsoDateTime, PersonRef } from './types';

/** The criteria of the advice, in the order the DPO assesses them (GDPR art. 5, 6, 32, 44 ff.). */
export const adviceCriterionIds = [
  'legalBasis',
  'purposeLimitation',
  'necessity',
  'security',
  'retention',
  'transferOutsideEea',
  'linking',
  'publication'
] as const;
export type AdviceCriterionId = (typeof adviceCriterionIds)[number];

/** The DPO's assessment of one criterion. */
export type CriterionAssessment = 'adequate' | 'adequateWithCondition' | 'inadequate' | 'notApplicable';
export const criterionAssessments: readonly CriterionAssessment[] = ['adequate', 'adequateWithCondition', 'inadequate', 'notApplicable'];

/** Necessity and minimisation, per requested variable. */
export type VariableNecessity = 'needed' | 'notNeeded' | 'neededWithCondition';
export const variableNecessities: readonly VariableNecessity[] = ['needed', 'notNeeded', 'neededWithCondition'];

/** What a condition is about. */
export type ConditionCategory = 'publication' | 'retention' | 'linking' | 'security' | 'variables' | 'other';
export const conditionCategories: readonly ConditionCategory[] = ['publication', 'retention', 'linking', 'security', 'variables', 'other'];

/** Who has to meet a condition. */
export type ConditionOwner = 'requester' | 'vsa';

/** A condition the DPO recommends (on a criterion or a variable). */
export interface RecommendedCondition {
  readonly text: string;
  readonly category: ConditionCategory;
}

/** The assessment of one requested variable. */
export interface VariableAssessment {
  readonly name: string;
  readonly necessity: VariableNecessity;
  readonly condition?: RecommendedCondition;
}

/** The DPO's assessment of one criterion. */
export interface AdviceCriterion {
  readonly id: AdviceCriterionId;
  readonly assessment: CriterionAssessment;
  /** The DPO's reasoning (required unless `notApplicable`). */
  readonly text: string;
  /** `legalBasis` only: the article relied on, e.g. "art. 6.1.e AVG; art. 4 decreet statistiek". */
  readonly article?: string;
  /** `necessity` only: per requested variable. */
  readonly variables?: readonly VariableAssessment[];
  readonly recommendedCondition?: RecommendedCondition;
}

/** The overall advice. */
export type AdviceOutcome = 'favourable' | 'favourableWithConditions' | 'unfavourable';
export const adviceOutcomes: readonly AdviceOutcome[] = ['favourable', 'favourableWithConditions', 'unfavourable'];

/** The Chief Statistician's decision. */
export type DecisionOutcome = 'approved' | 'approvedWithConditions' | 'rejected';
export const decisionOutcomes: readonly DecisionOutcome[] = ['approved', 'approvedWithConditions', 'rejected'];

/** A condition as the decision brings it. */
export interface ConditionInput {
  /** Stable id within the dossier (`C1`, `C2`, … or a client UUID). */
  readonly id: string;
  readonly text: string;
  readonly category: ConditionCategory;
  readonly owner: ConditionOwner;
  readonly dueDate?: IsoDate;
  /**
   * True when the condition names a person or other personal data: it stays out of the public
   * register (the protocol and the requester's mail still carry it).
   */
  readonly personal?: boolean;
}

/** A condition of the dossier, with its follow-up. */
export interface DossierCondition extends ConditionInput {
  readonly status: 'open' | 'met';
  readonly met?: { readonly by: PersonRef; readonly at: IsoDateTime; readonly evidence: string };
}

/** True when the criteria recommend at least one condition (on a criterion or on a variable). */
export function recommendsConditions(criteria: readonly Pick<AdviceCriterion, 'recommendedCondition' | 'variables'>[]): boolean {
  return criteria.some((c) => (c?.recommendedCondition?.text ?? '').trim() !== '' || (c?.variables ?? []).some((v) => (v?.condition?.text ?? '').trim() !== ''));
}

/**
 * The overall outcome the assessments point to: any inadequate criterion → unfavourable; else any
 * recommended condition → favourable with conditions; else favourable (undefined before any
 * assessment). `adviceComplete` refuses an outcome that contradicts it; the dialog shows it as a hint.
 */
export function outcomeOfAssessments(criteria: readonly Pick<AdviceCriterion, 'assessment' | 'recommendedCondition' | 'variables'>[]): AdviceOutcome | undefined {
  const assessed = criteria.filter((criterion) => criterion?.assessment !== undefined);
  if (assessed.length === 0) return undefined;
  if (assessed.some((criterion) => criterion.assessment === 'inadequate')) return 'unfavourable';
  return recommendsConditions(criteria) ? 'favourableWithConditions' : 'favourable';
}

/** The conditions the advice recommends, as a decision dialog pre-fills them (editable there). */
export function conditionsFromAdvice(criteria: readonly AdviceCriterion[]): readonly ConditionInput[] {
  const recommended: RecommendedCondition[] = [];
  for (const criterion of criteria) {
    if (criterion.recommendedCondition) recommended.push(criterion.recommendedCondition);
    for (const variable of criterion.variables ?? []) if (variable.condition) recommended.push(variable.condition);
  }
  const seen = new Set<string>();
  return recommended
    .filter((condition) => {
      const key = condition.text.trim().toLowerCase();
      if (key === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((condition, index) => ({ id: `C${index + 1}`, text: condition.text.trim(), category: condition.category, owner: 'requester' }));
}

/** The conditions still open whose due date has passed on `today`. */
export function overdueConditions(conditions: readonly DossierCondition[], today: IsoDate): readonly DossierCondition[] {
  return conditions.filter((condition) => condition.status === 'open' && condition.dueDate !== undefined && condition.dueDate < today);
}

/** What the public register may show: the conditions that name no one. */
export function publicConditions(conditions: readonly ConditionInput[]): readonly ConditionInput[] {
  return conditions.filter((condition) => condition.personal !== true);
}
