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

describe('the review demo (issue 14)', () => {
  const plans = planDossiers(new SeededRandom(7), anchor);

  it('is one standard dossier under review, returned and then given its second version, the other plans untouched', () => {
    const demos = plans.filter((plan) => plan.reviewDemo);
    expect(demos).toHaveLength(1);
    const [demo] = demos;
    expect(demo.target).toBe('underReview');
    expect(demo.procedure).toBe('standard');
    const kinds = demo.steps.map((step) => step.kind);
    expect(kinds.slice(kinds.indexOf('drafts'), kinds.indexOf('drafts') + 3)).toEqual(['drafts', 'returnForChanges', 'redrafts']);
    const others = plans.filter((plan) => !plan.reviewDemo && plan.target === 'underReview');
    for (const plan of others) expect(plan.steps.map((step) => step.kind)).not.toContain('returnForChanges');
  });

  it('rewrites in the second version exactly the fields of the first three remarks', async () => {
    const { reviewerRemarks, revisedFields } = await import('../../../src/local/seed/catalog');
    expect(Object.keys(revisedFields)).toEqual(reviewerRemarks.slice(0, 3).map((remark) => remark.fieldId));
    expect(reviewerRemarks.filter((remark) => remark.audience === 'internal')).toHaveLength(2);
    const facts = { reference: 'VSA-2026-0001', institution: 'Universiteit Gent', institutionType: 'onderzoeksinstelling', address: 'Gent', kbo: '0248015142',
      contactName: 'Jan Peeters', contactFunction: 'Onderzoeker', contactEmail: 'jan@ugent.example', title: 'Vrije tijd', researchType: 'wetenschappelijk',
      startDate: '2026-01-01', endDate: '2027-12-31' } as unknown as Parameters<typeof buildForm>[1];
    const first = await buildForm('aanvraagformulier', facts, new SeededRandom(1), { today: '2026-11-25' });
    const second = await buildForm('aanvraagformulier', facts, new SeededRandom(1), { today: '2026-11-25', revisions: revisedFields });
    const { changedFieldKeys } = await import('../../../src/forms/diff');
    expect(changedFieldKeys(first.form, second.form)).toEqual(Object.keys(revisedFields));
  });
});
