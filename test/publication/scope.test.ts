/**
 * The public register's scope in force per protocol and what each addendum changed: from dossiers whose
 * requested data the forms stated, through the model, HTML, CSV and JSON (validated by its schema).
 */
import Ajv from 'ajv';
import { parse } from 'parse5';
import { buildPublicRegister, csvColumns, registerJsonSchema, registerToCsv, registerToHtml, registerToJson } from '../../src/publication';
import type { PublishedProtocol } from '../../src/publication';
import type { Dossier } from '../../src/domain';
import { buildDossier } from '../correspondence/support/dossiers';
import { parseCsv } from './support/csv';

const generatedAt = '2026-11-25T10:00:00.000Z';
const parent = { number: 'PROT-2026-001', dossierReference: 'VSA-2026-0001' };

const protocolBase = buildDossier({ reference: 'VSA-2026-0001', upTo: 'delivered', protocolNumber: 'PROT-2026-001', endDate: '2027-12-31' }).dossier;
const protocol: Dossier = {
  ...protocolBase,
  requestedData: {
    surveys: ['SV-bevraging 2023-1'], variablesCount: 2,
    variables: [{ name: 'leeftijd', justification: 'GEHEIME-MOTIVERING-1' }, { name: 'gemeente', justification: 'GEHEIME-MOTIVERING-2' }],
    purposes: ['Onderzoek naar sociale cohesie'], researchType: 'statistisch',
    institution: { name: 'Universiteit Voorbeeld', enterpriseNumber: '0765432146' }
  }
};
const addendum = (reference: string, number: string, startDay: number, patch: Partial<Dossier>): Dossier => ({
  ...buildDossier({ reference, upTo: 'published', parent, addendumNumber: number, startDay }).dossier,
  protocolEndDate: undefined,
  ...patch
});
const a1 = addendum('VSA-2026-0002', 'PROT-2026-001/A1', 30, {
  simplifiedReasons: ['extension', 'addVariables'], protocolEndDate: '2028-06-30',
  requestedData: { surveys: ['SV-bevraging 2024-1'], variablesCount: 1, variables: [{ name: 'opleiding', justification: 'GEHEIME-MOTIVERING-3' }], changes: { reasons: ['extension', 'addVariables'], newEndDate: '2028-06-30' } }
});
const a2 = addendum('VSA-2026-0003', 'PROT-2026-001/A2', 60, {
  simplifiedReasons: ['newPurposes', 'identityChange'],
  requestedData: {
    surveys: [], variablesCount: 0,
    changes: { reasons: ['newPurposes', 'identityChange'], newPurposes: 'Evaluatie van het buurtbeleid', purposeRelation: 'EIGEN-VERBAND-TEKST over sociale cohesie', newIdentity: { name: 'Universiteit Voorbeeld Oost', enterpriseNumber: '0765432146' } }
  }
});
/** Countersigned but not yet published: not on the public register, so not in its scope either. */
const signedOnly = { ...addendum('VSA-2026-0004', 'PROT-2026-001/A3', 90, { simplifiedReasons: ['addVariables'], requestedData: { surveys: [], variablesCount: 1, variables: [{ name: 'religie', justification: 'x' }], changes: { reasons: ['addVariables'] } } }), state: 'signed' as const, publication: undefined };

const build = () => buildPublicRegister([protocol, a1, a2, signedOnly], { generatedAt });
const published = (register = build()): Extract<PublishedProtocol, { published: true }> => {
  const [first] = register.protocols;
  if (!first.published) throw new Error('expected a published protocol');
  return first;
};

describe('public register: scope in force and changes', () => {
  it('gives the protocol its research type and the scope in force after its published addenda', () => {
    const entry = published();
    expect(entry.researchType).toBe('statistisch');
    expect(entry.scope.variables).toEqual([
      { name: 'leeftijd', instrument: 'PROT-2026-001', since: '2026-01-15' },
      { name: 'gemeente', instrument: 'PROT-2026-001', since: '2026-01-15' },
      { name: 'opleiding', instrument: 'PROT-2026-001/A1', since: a1.countersignedAt!.slice(0, 10) }
    ]);
    expect(entry.scope.purposes.map((p) => [p.text, p.instrument, p.extends])).toEqual([
      ['Onderzoek naar sociale cohesie', 'PROT-2026-001', undefined],
      ['Evaluatie van het buurtbeleid', 'PROT-2026-001/A2', ['Onderzoek naar sociale cohesie']]
    ]);
    expect(entry.scope.surveys.map((s) => s.wave)).toEqual(['SV-bevraging 2023-1', 'SV-bevraging 2024-1']);
    expect(entry.scope.institution).toMatchObject({ name: 'Universiteit Voorbeeld Oost', enterpriseNumber: '0765432146', instrument: 'PROT-2026-001/A2' });
    expect(entry.scope.endDate).toMatchObject({ endDate: '2028-06-30', instrument: 'PROT-2026-001/A1' });
    expect(entry.scope.endDate?.endDate).toBe(entry.effectiveEndDate);
  });

  it('says per addendum what it changed', () => {
    const [first, second] = published().addenda;
    expect(first.changes).toEqual({ addedVariables: ['opleiding'], addedPurposes: [], addedSurveys: ['SV-bevraging 2024-1'], endDate: { from: '2027-12-31', to: '2028-06-30' } });
    expect(second.changes).toEqual({
      addedVariables: [], addedPurposes: ['Evaluatie van het buurtbeleid'], addedSurveys: [],
      institution: { from: { name: 'Universiteit Voorbeeld', enterpriseNumber: '0765432146' }, to: { name: 'Universiteit Voorbeeld Oost', enterpriseNumber: '0765432146' } }
    });
  });

  it('leaves out what is not published: the signed-only addendum, justifications and the requester\'s wording', () => {
    const json = registerToJson(build());
    expect(json).not.toContain('religie');
    expect(json).not.toContain('GEHEIME-MOTIVERING');
    expect(json).not.toContain('EIGEN-VERBAND-TEKST');
    expect(json).not.toContain('karel@uni.example');
  });

  it('describes an orphan addendum\'s changes without the values before it', () => {
    const register = buildPublicRegister([a1], { generatedAt });
    expect(register.protocols[0].published).toBe(false);
    expect(register.protocols[0].addenda[0].changes).toEqual({ addedVariables: ['opleiding'], addedPurposes: [], addedSurveys: ['SV-bevraging 2024-1'], endDate: { to: '2028-06-30' } });
  });

  it('exports JSON that its schema accepts, and a schema that refuses a scope item without its instrument', () => {
    const validate = new Ajv({ allErrors: true }).compile(registerJsonSchema as object);
    const document = JSON.parse(registerToJson(build())) as { protocols: { scope: { variables: Record<string, unknown>[] }; addenda: Record<string, unknown>[] }[] };
    expect(validate(document)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
    delete document.protocols[0].scope.variables[0].instrument;
    expect(validate(document)).toBe(false);
    const withoutChanges = JSON.parse(registerToJson(build())) as { protocols: { addenda: Record<string, unknown>[] }[] };
    delete withoutChanges.protocols[0].addenda[0].changes;
    expect(validate(withoutChanges)).toBe(false);
  });

  it('shows the scope and the changes in the HTML page, valid and escaped', () => {
    const html = registerToHtml(build(), 'nl');
    const errors: string[] = [];
    parse(html, { onParseError: (error) => errors.push(error.code) });
    expect(errors).toEqual([]);
    expect(html).toContain('<summary>Geldende reikwijdte van PROT-2026-001</summary>');
    expect(html).toMatch(/<li>opleiding <span class="instrument">\(PROT-2026-001\/A1, <time datetime="[\d-]+">/);
    expect(html).toContain('Evaluatie van het buurtbeleid <span class="instrument">(PROT-2026-001/A2');
    expect(html).toContain('breidt uit: Onderzoek naar sociale cohesie');
    expect(html).toContain('toegevoegde variabelen: opleiding');
    expect(html).toContain('nieuwe identiteit: Universiteit Voorbeeld (ondernemingsnummer 0765432146) → Universiteit Voorbeeld Oost (ondernemingsnummer 0765432146)');
    expect(html).toContain('Soort onderzoek: statistisch');
    expect(registerToHtml(build(), 'en')).toContain('<summary>Scope in force of PROT-2026-001</summary>');
  });

  it('puts the scope on the protocol row and the changes on the addendum rows of the CSV', () => {
    const rows = parseCsv(registerToCsv(build()));
    const records = rows.slice(1).map((row) => Object.fromEntries(csvColumns.map((column, index) => [column, row[index]])));
    expect(records.map((r) => r.number)).toEqual(['PROT-2026-001', 'PROT-2026-001/A1', 'PROT-2026-001/A2']);
    expect(records[0].variablesInForce).toBe('leeftijd (PROT-2026-001) | gemeente (PROT-2026-001) | opleiding (PROT-2026-001/A1)');
    expect(records[0].endDateInForce).toBe('2028-06-30 (PROT-2026-001/A1)');
    expect(records[0].institutionInForce).toBe('Universiteit Voorbeeld Oost (0765432146) (PROT-2026-001/A2)');
    expect(records[0].researchType).toBe('statistisch');
    expect(records[0].addedVariables).toBe('');
    expect(records[1]).toMatchObject({ addedVariables: 'opleiding', addedSurveys: 'SV-bevraging 2024-1', newEndDate: '2028-06-30', variablesInForce: '' });
    expect(records[2]).toMatchObject({ addedPurposes: 'Evaluatie van het buurtbeleid', newInstitution: 'Universiteit Voorbeeld Oost (0765432146)' });
  });
});
