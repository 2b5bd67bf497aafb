/**
 * The conditions of the demo approvals: a few approved dossiers follow a "favourable with conditions"
 * advice whose recommended conditions the Chief Statistician takes over (pre-filled as the decision
 * dialog does with `conditionsFromAdvice`) and completes with who, a due date and whether it names a
 * person. One has a due date in the past and is still open (overdue), one is met with evidence.
 * Chosen without the seed's random generator, so the rest of the demo stays as it was.
 */
import { conditionsFromAdvice, type AdviceCriterionId, type ConditionInput, type RecommendedCondition } from '../../domain/advice';
import { formatLongDate } from '../../correspondence/format';
import type { PlannedDossier } from './plan';

/** What a demo approval with conditions carries through its advice, decision and follow-up. */
export interface SeedConditions {
  /** The conditions the DPO recommends, per criterion (those criteria are "adequate with a condition"). */
  readonly recommended: Readonly<Partial<Record<AdviceCriterionId, RecommendedCondition>>>;
  /** The decision's conditions: the recommended ones, completed by the Chief Statistician. */
  readonly conditions: readonly ConditionInput[];
  /** A condition recorded as met at the end of the dossier's timeline. */
  readonly met?: { readonly conditionId: string; readonly evidence: string };
}

const DAY = 86400000;
const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The order in which `conditionsFromAdvice` reads the criteria. */
const criterionOrder: readonly AdviceCriterionId[] = ['legalBasis', 'purposeLimitation', 'necessity', 'security', 'retention', 'transferOutsideEea', 'linking', 'publication'];

const publication: RecommendedCondition = { text: 'Publiceer enkel cellen met minstens 10 respondenten.', category: 'publication' };

interface Completion {
  readonly owner?: ConditionInput['owner'];
  readonly dueDate?: string;
  readonly personal?: boolean;
}

/** The decision's conditions: pre-filled from the advice, then completed per text. */
function decided(recommended: SeedConditions['recommended'], completions: ReadonlyMap<string, Completion>): ConditionInput[] {
  const criteria = criterionOrder
    .filter((id) => recommended[id] !== undefined)
    .map((id) => ({ id, assessment: 'adequateWithCondition' as const, text: '-', recommendedCondition: recommended[id] }));
  return conditionsFromAdvice(criteria).map((condition) => {
    const completion = completions.get(condition.text) ?? {};
    return {
      ...condition,
      ...(completion.owner ? { owner: completion.owner } : {}),
      ...(completion.dueDate ? { dueDate: completion.dueDate } : {}),
      ...(completion.personal ? { personal: true } : {})
    };
  });
}

/** Publication and destruction by a due date after the project (still to come). */
function retentionVariant(plan: PlannedDossier): SeedConditions {
  const destroyBy = isoDay(Date.parse(plan.projectEnd) + 30 * DAY);
  const retention: RecommendedCondition = {
    text: `Vernietig de gegevens uiterlijk op ${formatLongDate(destroyBy, 'nl')} en bezorg de VSA een vernietigingsattest.`,
    category: 'retention'
  };
  const recommended = { retention, publication };
  return { recommended, conditions: decided(recommended, new Map([[retention.text, { dueDate: destroyBy }]])) };
}

/** A security report due some weeks after the decision: by now past its due date and still open. */
function overdueVariant(decidedAt: number, end: number): SeedConditions {
  const security: RecommendedCondition = { text: 'Bezorg het verslag van de interne toegangscontrole op de gegevens binnen zestig dagen na de beslissing.', category: 'security' };
  const due = isoDay(Math.max(decidedAt + DAY, Math.min(decidedAt + 60 * DAY, end - 7 * DAY)));
  const recommended = { security, publication };
  return { recommended, conditions: decided(recommended, new Map([[security.text, { dueDate: due }]])) };
}

/** A condition for the VSA (met, with evidence) and one that names a person (never on the public register). */
function metVariant(plan: PlannedDossier, decidedAt: number): SeedConditions {
  const variables: RecommendedCondition = { text: 'De VSA levert de leeftijd enkel in klassen van vijf jaar.', category: 'variables' };
  const access: RecommendedCondition = {
    text: `Enkel ${plan.contactName} krijgt toegang tot de individuele gegevens; andere medewerkers werken met geaggregeerde tabellen.`,
    category: 'security'
  };
  const recommended = { necessity: variables, security: access, publication };
  const conditions = decided(
    recommended,
    new Map<string, Completion>([
      [variables.text, { owner: 'vsa', dueDate: isoDay(decidedAt + 14 * DAY) }],
      [access.text, { personal: true }]
    ])
  );
  const met = conditions.find((condition) => condition.text === variables.text);
  return {
    recommended,
    conditions,
    ...(met ? { met: { conditionId: met.id, evidence: 'Levering nagekeken: leeftijd enkel in klassen van vijf jaar (controlelijst in de dossiermap).' } } : {})
  };
}

/** The approved dossiers (decided, not rejected), oldest decision first. */
function approvedByDecision(plans: readonly PlannedDossier[]): { plan: PlannedDossier; decidedAt: number }[] {
  return plans
    .filter((plan) => !plan.rejected)
    .map((plan) => ({ plan, decidedAt: Date.parse(plan.steps.find((step) => step.kind === 'decide')?.at ?? '') }))
    .filter((entry) => Number.isFinite(entry.decidedAt))
    .sort((a, b) => a.decidedAt - b.decidedAt || a.plan.reference.localeCompare(b.plan.reference));
}

/**
 * Gives four approved dossiers their conditions: the oldest decision an overdue one, the next one met
 * with evidence (a `conditionMet` step at the end of its timeline), two others publication and
 * destruction. `end` is the last moment a step may take place.
 */
export function planConditions(plans: readonly PlannedDossier[], end: number): void {
  const approved = approvedByDecision(plans);
  if (approved.length < 4) return;
  const picks = [approved[0], approved[1], approved[2], approved[Math.floor(approved.length / 2) + 1]];
  picks.forEach(({ plan, decidedAt }, index) => {
    const seed = index === 0 ? overdueVariant(decidedAt, end) : index === 1 ? metVariant(plan, decidedAt) : retentionVariant(plan);
    plan.conditions = seed;
    if (seed.met) {
      const last = Date.parse(plan.steps[plan.steps.length - 1].at);
      plan.steps.push({ kind: 'conditionMet', at: new Date(Math.max(Math.min(last + DAY, end), last + 60000)).toISOString() });
    }
  });
}
