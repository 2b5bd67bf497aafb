import { planDossiers } from '../../../src/local/seed/plan';
import { SeededRandom } from '../../../src/local/seed/random';

const anchor = new Date('2026-11-25T12:00:00Z');

describe('seed plan: approvals with conditions', () => {
  const plans = planDossiers(new SeededRandom(7), anchor);
  const today = anchor.toISOString().slice(0, 10);

  it('gives four approved dossiers 2–3 conditions that follow the advice, one overdue, one met, one personal', async () => {
    const { seedAdviceCriteria } = await import('../../../src/local/seed/adviceCriteria');
    const { conditionsFromAdvice, overdueConditions } = await import('../../../src/domain/advice');
    const withConditions = plans.filter((plan) => plan.conditions);
    expect(withConditions).toHaveLength(4);
    for (const plan of withConditions) {
      expect(plan.rejected).toBe(false);
      expect(plan.steps.map((step) => step.kind)).toContain('decide');
      const conditions = plan.conditions!.conditions;
      expect(conditions.length).toBeGreaterThanOrEqual(2);
      expect(conditions.length).toBeLessThanOrEqual(3);
      // The decision takes over exactly what the advice recommends (ids and texts as the dialog pre-fills them).
      const criteria = seedAdviceCriteria({ legalBasis: 'art. 6.1.e AVG', recommended: plan.conditions!.recommended });
      expect(conditionsFromAdvice(criteria).map((c) => [c.id, c.text])).toEqual(conditions.map((c) => [c.id, c.text]));
      expect(criteria.filter((c) => c.recommendedCondition).every((c) => c.assessment === 'adequateWithCondition')).toBe(true);
    }
    const all = withConditions.flatMap((plan) => plan.conditions!.conditions.map((condition) => ({ ...condition, status: 'open' as const })));
    expect(all.map((c) => c.text)).toContain('Publiceer enkel cellen met minstens 10 respondenten.');
    expect(all.some((c) => c.text.startsWith('Vernietig de gegevens uiterlijk op '))).toBe(true);
    expect(overdueConditions(all, today).length).toBeGreaterThanOrEqual(1);
    expect(all.filter((c) => c.personal)).toHaveLength(1);
    const met = withConditions.filter((plan) => plan.conditions!.met);
    expect(met).toHaveLength(1);
    expect(met[0].steps[met[0].steps.length - 1].kind).toBe('conditionMet');
    expect(met[0].conditions!.conditions.map((c) => c.id)).toContain(met[0].conditions!.met!.conditionId);
  });
});
