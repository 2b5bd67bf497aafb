/**
 * The public conditions of an approval on the register (schema 1.2): the conditions that name no one,
 * per protocol and addendum, in the model, JSON (validated by its schema), CSV and HTML; a personal
 * condition never appears in any output.
 */
import Ajv from 'ajv';
import type { DossierCondition } from '../../src/domain/advice';
import type { Dossier } from '../../src/domain/types';
import { buildPublicRegister, registerJsonSchema, registerJsonSchemaId, registerToCsv, registerToHtml, registerToJson } from '../../src/publication';
import { buildDossier } from '../correspondence/support/dossiers';

const personalText = 'Dr. Jan Peeters (jan.peeters@uni.example) is de enige die de gekoppelde gegevens inziet.';
const conditions: DossierCondition[] = [
  { id: 'C1', text: 'Publiceer enkel cellen met minstens 10 respondenten.', category: 'publication', owner: 'requester', status: 'open' },
  { id: 'C2', text: 'Vernietig de gegevens uiterlijk op 31 december 2027.', category: 'retention', owner: 'requester', dueDate: '2027-12-31', status: 'met', met: { by: { id: 'x', displayName: 'Tine Team' }, at: '2026-06-01T10:00:00.000Z', evidence: 'Vernietigingsattest van Jan Peeters' } },
  { id: 'C3', text: personalText, category: 'linking', owner: 'requester', personal: true, status: 'open' }
];

const conditional = (dossier: Dossier, list: readonly DossierCondition[]): Dossier => ({ ...dossier, decision: { ...dossier.decision!, outcome: 'approvedWithConditions' }, conditions: list });

function dossiers(): Dossier[] {
  const protocol = buildDossier({ reference: 'VSA-2026-0901', upTo: 'published', protocolNumber: 'PROT-2026-011', endDate: '2028-12-31' }).dossier;
  const addendum = buildDossier({ reference: 'VSA-2026-0902', upTo: 'published', parent: { number: 'PROT-2026-011', dossierReference: 'VSA-2026-0901' }, addendumNumber: 'PROT-2026-011/A1', endDate: '2029-06-30', startDay: 40 }).dossier;
  const plain = buildDossier({ reference: 'VSA-2026-0903', upTo: 'published', protocolNumber: 'PROT-2026-012', startDay: 60 }).dossier;
  return [conditional(protocol, conditions), conditional(addendum, [conditions[2], { ...conditions[0], id: 'C1', text: 'Koppel niet met andere bronnen.', category: 'linking' }]), plain];
}

const register = () => buildPublicRegister(dossiers(), { generatedAt: '2026-11-25T10:00:00.000Z' });

describe('public conditions on the register', () => {
  it('lists per protocol and addendum the conditions that name no one, without their follow-up', () => {
    const [plain, protocol] = register().protocols;
    expect(plain.published && plain.publicConditions).toEqual([]);
    if (!protocol.published) throw new Error('expected a published protocol');
    expect(protocol.publicConditions).toEqual([
      { text: 'Publiceer enkel cellen met minstens 10 respondenten.', category: 'publication', owner: 'requester' },
      { text: 'Vernietig de gegevens uiterlijk op 31 december 2027.', category: 'retention', owner: 'requester', dueDate: '2027-12-31' }
    ]);
    expect(protocol.addenda[0].publicConditions).toEqual([{ text: 'Koppel niet met andere bronnen.', category: 'linking', owner: 'requester' }]);
  });

  it('exports JSON of schema 1.2 that the schema accepts, and a schema that refuses a condition without its category', () => {
    expect(registerJsonSchemaId).toMatch(/\/1\.3\.json$/);
    const validate = new Ajv({ allErrors: true }).compile(registerJsonSchema as object);
    const json = JSON.parse(registerToJson(register())) as { protocols: { publicConditions: unknown[] }[] };
    expect(validate(json)).toBe(true);
    json.protocols[1].publicConditions.push({ text: 'Zonder onderwerp.', owner: 'vsa' });
    expect(validate(json)).toBe(false);
    delete (json.protocols[0] as { publicConditions?: unknown }).publicConditions;
    json.protocols[1].publicConditions.pop();
    expect(validate(json)).toBe(false);
  });

  it('shows them in CSV and HTML; no personal condition, evidence or name reaches any output', () => {
    const model = register();
    const csv = registerToCsv(model);
    expect(csv.split('\r\n')[0].endsWith(',publicConditions,revokedOn')).toBe(true);
    expect(csv).toContain('Publiceer enkel cellen met minstens 10 respondenten. | Vernietig de gegevens uiterlijk op 31 december 2027. (2027-12-31)');
    const html = registerToHtml(model, 'nl');
    expect(html).toContain('<p>Voorwaarden:</p><ul class="conditions"><li>Publiceer enkel cellen met minstens 10 respondenten.</li>');
    expect(registerToHtml(model, 'en')).toContain('<p>Conditions:</p>');
    for (const output of [registerToJson(model), csv, html, registerToHtml(model, 'en'), JSON.stringify(model)]) {
      expect(output).not.toContain('Jan Peeters');
      expect(output).not.toContain('jan.peeters@uni.example');
      expect(output).not.toContain('Vernietigingsattest');
      expect(output).not.toContain('Tine Team');
    }
  });
});
