import { InstitutionRegister } from '../../../src/app/institutions';
import { institutionProblems, isValidEnterpriseNumber, findInstitution, signatoriesAt, mandatesAt } from '../../../src/domain/institutionRules';
import { institutions as demoInstitutions, firstNames, lastNames } from '../../../src/local/seed/catalog';
import { demoInstitutionRecords, seedInstitutions } from '../../../src/local/seed/institutions';
import { planDossiers } from '../../../src/local/seed/plan';
import { SeededRandom } from '../../../src/local/seed/random';
import { demoPersonas as personas } from '../../../src/local/personas';
import { MemoryInstitutionStore } from '../../support/institutions';

const now = new Date('2026-12-02T09:00:00.000Z');

describe('the demo institution register of the seed', () => {
  const records = demoInstitutionRecords(now);

  it('holds every institution the demo dossiers come from, each valid by the register’s own rules', () => {
    expect(records.map((record) => record.name)).toEqual(demoInstitutions.map((demo) => demo.name));
    for (const record of records) expect([record.name, institutionProblems(record, records)]).toEqual([record.name, []]);
    expect(new Set(records.map((record) => record.enterpriseNumber)).size).toBe(records.length);
    expect(records.every((record) => isValidEnterpriseNumber(record.enterpriseNumber))).toBe(true);
  });

  it('maps the forms’ types onto the register’s kinds ("andere instelling" → "andere")', () => {
    expect(records.map((record) => record.kind)).toEqual(demoInstitutions.map((demo) => (demo.type === 'andere instelling' ? 'andere' : demo.type)));
  });

  it('gives each a signatory today and a DPO at its .example domain; one mandate and one former signatory in all', () => {
    for (const record of records) {
      expect(signatoriesAt(record, '2026-12-02').length).toBeGreaterThan(0);
      expect(record.dpo?.email).toMatch(/^dpo@[a-z.-]+\.example$/);
    }
    expect(records.flatMap((record) => record.mandates)).toHaveLength(1);
    const withMandate = records.find((record) => record.mandates.length > 0)!;
    expect(mandatesAt(withMandate, '2026-12-02')).toHaveLength(1);
    expect(withMandate.mandates[0].documentFileName).toMatch(/\.pdf$/);
    expect(records.flatMap((record) => record.signatories).filter((s) => s.validTo !== undefined)).toHaveLength(1);
  });

  it('uses invented people: no persona and no name the demo requesters are made of', () => {
    const people = records.flatMap((record) => [...record.signatories.map((s) => s.name), ...record.mandates.map((m) => m.mandatedPerson), record.dpo?.name ?? '']);
    const personaNames = personas.map((persona) => persona.displayName);
    for (const name of people) {
      expect(personaNames).not.toContain(name);
      const [first, ...rest] = name.split(' ');
      expect(firstNames.includes(first) && lastNames.includes(rest.join(' '))).toBe(false);
    }
  });

  it('is found by the demo dossiers: their enterprise number is the institution’s', () => {
    for (const plan of planDossiers(new SeededRandom(20260101), now)) {
      expect(findInstitution(records, { enterpriseNumber: plan.kbo, name: plan.institution.name })?.name).toBe(plan.institution.name);
    }
  });

  it('is added once: seeding again adds nothing', async () => {
    const store = new MemoryInstitutionStore();
    const register = new InstitutionRegister(store);
    expect(await seedInstitutions(register, now)).toBe(records.length);
    expect(await seedInstitutions(register, now)).toBe(0);
    expect((await store.list()).map((institution) => institution.modifiedBy)).toEqual(records.map(() => 'An Peeters'));
  });
});
