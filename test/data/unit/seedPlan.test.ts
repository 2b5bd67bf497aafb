import { planDossiers, STATE_MIX } from '../../../src/local/seed/plan';
import { SeededRandom } from '../../../src/local/seed/random';
import { buildForm, demoPdf, enterpriseNumber } from '../../../src/local/seed/documents';
import { isValidEnterpriseNumber } from '../../../src/forms';

const anchor = new Date('2026-11-25T12:00:00Z');

describe('seed plan', () => {
  const plans = planDossiers(new SeededRandom(7), anchor);

  it('plans at least 40 dossiers covering every state', () => {
    expect(plans.length).toBeGreaterThanOrEqual(40);
    const targets = new Set(plans.map((p) => p.target));
    for (const [state] of STATE_MIX) expect(targets.has(state)).toBe(true);
  });

  it('is deterministic for a seed and differs for another seed', () => {
    const again = planDossiers(new SeededRandom(7), anchor);
    expect(JSON.stringify(again.map((p) => [p.reference, p.steps]))).toBe(JSON.stringify(plans.map((p) => [p.reference, p.steps])));
    const other = planDossiers(new SeededRandom(8), anchor);
    expect(JSON.stringify(other.map((p) => p.steps))).not.toBe(JSON.stringify(plans.map((p) => p.steps)));
  });

  it('spreads the steps over the last 14 months, in order, never after the anchor', () => {
    const earliest = anchor.getTime() - 426 * 86400000;
    for (const plan of plans) {
      const times = plan.steps.map((s) => Date.parse(s.at));
      expect(times[0]).toBeGreaterThanOrEqual(earliest);
      expect(times[times.length - 1]).toBeLessThanOrEqual(anchor.getTime());
      times.forEach((t, i) => i > 0 && expect(t).toBeGreaterThan(times[i - 1]));
    }
  });

  it('gives unique references per year and links simplified dossiers to a protocol published before they start', () => {
    expect(new Set(plans.map((p) => p.reference)).size).toBe(plans.length);
    const simplified = plans.filter((p) => p.procedure === 'simplified');
    expect(simplified.length).toBeGreaterThan(0);
    for (const child of simplified) {
      const published = child.parent?.steps.find((s) => s.kind === 'publish')?.at ?? '';
      expect(published < child.steps[0].at).toBe(true);
      if (child.protocolNumber) expect(child.protocolNumber.startsWith(`${child.parent?.protocolNumber}/A`)).toBe(true);
    }
  });

  it('generates valid enterprise numbers and a PDF with a trailer', () => {
    const random = new SeededRandom(1);
    for (let i = 0; i < 50; i++) expect(isValidEnterpriseNumber(enterpriseNumber(random))).toBe(true);
    const pdf = new TextDecoder().decode(demoPdf('Protocol (publicatie)'));
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('builds forms from the templates: clean ones pass, defective ones get a blocking finding', async () => {
    const plan = plans[0];
    const facts = {
      reference: plan.reference, institution: plan.institution.name, institutionType: plan.institution.type, address: plan.institution.address,
      kbo: plan.kbo, contactName: plan.contactName, contactFunction: plan.contactFunction, contactEmail: plan.contactEmail, title: plan.subject,
      researchType: plan.institution.researchType, startDate: plan.projectStart, endDate: plan.projectEnd
    };
    const random = new SeededRandom(3);
    const clean = await buildForm('aanvraagformulier', facts, random, { today: '2026-11-25' });
    expect(clean.check.blocking).toBe(0);
    for (const defect of ['missingLegalBasis', 'badEnterpriseNumber', 'unjustifiedVariable'] as const) {
      expect((await buildForm('aanvraagformulier', facts, random, { today: '2026-11-25', defect })).check.blocking).toBeGreaterThan(0);
    }
  });
});

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
