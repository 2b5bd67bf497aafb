/**
 * The advice dialog's values (one block per criterion, in `adviceCriterionIds` order) and their
 * translation into the domain's `giveAdvice` payload. Whether the advice is complete is decided by the
 * domain's guard `adviceComplete`; `adviceFieldErrors` only places its refusals next to the fields.
 */
import { adviceCriterionIds, outcomeOfAssessments } from '../../domain/advice';
import type {
  AdviceCriterion,
  AdviceCriterionId,
  AdviceOutcome,
  ConditionCategory,
  CriterionAssessment,
  RecommendedCondition,
  VariableAssessment,
  VariableNecessity
} from '../../domain/advice';
import { formatError } from '../../domain/formatError';
import type { DomainError, Dossier, Lang } from '../../domain/types';

/** One requested variable as the necessity block edits it. */
export interface VariableDraft {
  readonly name: string;
  readonly necessity?: VariableNecessity;
  readonly conditionText: string;
  readonly conditionCategory: ConditionCategory;
}

/** One criterion as the dialog edits it. */
export interface CriterionDraft {
  readonly id: AdviceCriterionId;
  readonly assessment?: CriterionAssessment;
  readonly text: string;
  /** `legalBasis` only. */
  readonly article: string;
  /** `necessity` only. */
  readonly variables: readonly VariableDraft[];
  readonly conditionText: string;
  readonly conditionCategory: ConditionCategory;
}

/** Everything the advice dialog holds. */
export interface AdviceDraft {
  readonly outcome?: AdviceOutcome;
  readonly text: string;
  readonly criteria: readonly CriterionDraft[];
  readonly comment: string;
}

/** The category a recommended condition of a criterion most likely has (editable). */
export const defaultConditionCategory: Readonly<Record<AdviceCriterionId, ConditionCategory>> = {
  legalBasis: 'other',
  purposeLimitation: 'other',
  necessity: 'variables',
  security: 'security',
  retention: 'retention',
  transferOutsideEea: 'other',
  linking: 'linking',
  publication: 'publication'
};

/**
 * The dialog's first values: the dossier's earlier advice when there is one (the Chief Statistician
 * asked for more information), otherwise empty; the necessity block lists every requested variable.
 */
export function initialAdviceDraft(dossier: Pick<Dossier, 'advice' | 'requestedData'>): AdviceDraft {
  const earlier = dossier.advice;
  const criteria = adviceCriterionIds.map((id): CriterionDraft => {
    const before = earlier?.criteria?.find((criterion) => criterion.id === id);
    const names = [...(dossier.requestedData?.variables ?? []).map((v) => v.name), ...(before?.variables ?? []).map((v) => v.name)];
    const variables = id === 'necessity'
      ? [...new Set(names.filter((name) => name.trim().length > 0))].map((name): VariableDraft => {
          const assessed = before?.variables?.find((v) => v.name === name);
          return {
            name,
            necessity: assessed?.necessity,
            conditionText: assessed?.condition?.text ?? '',
            conditionCategory: assessed?.condition?.category ?? 'variables'
          };
        })
      : [];
    return {
      id,
      assessment: before?.assessment,
      text: before?.text ?? '',
      article: id === 'legalBasis' ? (before?.article ?? earlier?.legalBasis ?? '') : '',
      variables,
      conditionText: before?.recommendedCondition?.text ?? '',
      conditionCategory: before?.recommendedCondition?.category ?? defaultConditionCategory[id]
    };
  });
  return { outcome: earlier?.outcome, text: earlier?.text ?? '', criteria, comment: '' };
}

const recommended = (text: string, category: ConditionCategory): RecommendedCondition | undefined =>
  text.trim().length > 0 ? { text: text.trim(), category } : undefined;

function toCriterion(draft: CriterionDraft): AdviceCriterion {
  const condition = recommended(draft.conditionText, draft.conditionCategory);
  const variables = draft.variables.map((variable): VariableAssessment => {
    const variableCondition = recommended(variable.conditionText, variable.conditionCategory);
    return {
      name: variable.name,
      // An unanswered variable stays unanswered, so the guard refuses it with its own message.
      necessity: variable.necessity as VariableNecessity,
      ...(variableCondition && variable.necessity === 'neededWithCondition' ? { condition: variableCondition } : {})
    };
  });
  return {
    id: draft.id,
    assessment: draft.assessment as CriterionAssessment,
    text: draft.text.trim(),
    ...(draft.id === 'legalBasis' ? { article: draft.article.trim() } : {}),
    ...(draft.id === 'necessity' ? { variables } : {}),
    ...(condition ? { recommendedCondition: condition } : {})
  };
}

/** The payload of `giveAdvice` (without `commandId`); empty values stay empty for the guard to refuse. */
export function adviceCommand(draft: AdviceDraft): {
  readonly type: 'giveAdvice';
  readonly outcome: AdviceOutcome;
  readonly legalBasis: string;
  readonly text: string;
  readonly criteria: readonly AdviceCriterion[];
  readonly comment?: string;
} {
  const criteria = draft.criteria.map(toCriterion);
  const article = criteria.find((criterion) => criterion.id === 'legalBasis')?.article ?? '';
  const comment = draft.comment.trim();
  return {
    type: 'giveAdvice',
    outcome: draft.outcome as AdviceOutcome,
    legalBasis: article,
    text: draft.text.trim(),
    criteria,
    ...(comment ? { comment } : {})
  };
}

/** Where a refusal is shown: `outcome`, `text`, `<criterion>.<field>`, or `general` above the buttons. */
export type AdviceFieldKey = string;

function fieldOf(error: DomainError): AdviceFieldKey {
  const criterion = String(error.params?.criterion ?? '');
  switch (error.code) {
    case 'dossier.error.adviceOutcomeInvalid':
    case 'dossier.error.adviceConditionRequired':
    case 'dossier.error.adviceOutcomeContradicts':
      return 'outcome';
    case 'dossier.error.legalBasisRequired':
      return 'legalBasis.article';
    case 'dossier.error.adviceTextRequired':
      return 'text';
    case 'dossier.error.adviceCriterionMissing':
      return `${criterion}.assessment`;
    case 'dossier.error.adviceCriterionInvalid': {
      const field = String(error.params?.field ?? '');
      // `recommendedCondition.category` belongs to the condition; `variables.<name>.condition` to its row.
      return `${criterion}.${field === 'recommendedCondition.category' ? 'recommendedCondition' : field}`;
    }
    default:
      return 'general';
  }
}

/** The domain's refusals in the user's language, by the field they are about. */
export function adviceFieldErrors(errors: readonly DomainError[], lang: Lang): ReadonlyMap<AdviceFieldKey, readonly string[]> {
  const byField = new Map<AdviceFieldKey, string[]>();
  for (const error of errors) {
    const key = fieldOf(error);
    byField.set(key, [...(byField.get(key) ?? []), formatError(error, lang)]);
  }
  return byField;
}

/** The hint the dialog shows: the outcome the domain derives from the assessments so far (`outcomeOfAssessments`). */
export function suggestedOutcome(draft: AdviceDraft): AdviceOutcome | undefined {
  return outcomeOfAssessments(adviceCommand(draft).criteria);
}
