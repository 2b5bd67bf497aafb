import { checkContextFor, protocolChain, protocolScope, scopeBefore, scopeChanges, scopeFactsOf } from '../../src/domain';
import type { Dossier, RequestedData, SimplifiedReason } from '../../src/domain';
import type { ScopeFacts } from '../../src/forms/types';
import { buildDossier } from '../correspondence/support/dossiers';

/**
 * A protocol PROT-2026-001 and its addenda, from dossiers driven through the real workflow; the
 * requested data (as the forms would state it) is set on them as `requestedDataOf` would.
 */
const protocolBase = buildDossier({ reference: 'VSA-2026-0001', upTo: 'published', protocolNumber: 'PROT-2026-001', endDate: '2027-12-31' }).dossier;
const addendumBase = buildDossier({ reference: 'VSA-2026-0010', upTo: 'published', parent: { number: 'PROT-2026-001', dossierReference: 'VSA-2026-0001' }, addendumNumber: 'PROT-2026-001/A1', startDay: 30 }).dossier;

const protocol: Dossier = {
  ...protocolBase,
  countersignedAt: '2026-02-10T10:00:00.000Z',
  requestedData: {
    surveys: ['SV-bevraging 2023-1', 'SV-bevraging 2023-2'],
    variablesCount: 2,
    variables: [{ name: 'leeftijd', justification: 'Leeftijdsgroepen.' }, { name: 'inkomen_huishouden', justification: 'Armoederisico.' }],
    purposes: ['Onderzoek naar armoede bij gezinnen'],
    researchType: 'wetenschappelijk',
    institution: { name: 'Universiteit Voorbeeld', enterpriseNumber: '0123456749' }
  }
};

function addendum(n: number, reasons: SimplifiedReason[], data: Partial<RequestedData>, overrides: Partial<Dossier> = {}): Dossier {
  return {
    ...addendumBase,
    reference: `VSA-2026-00${10 + n}`,
    addendumNumber: `PROT-2026-001/A${n}`,
    countersignedAt: `2026-0${2 + n}-15T10:00:00.000Z`,
    simplifiedReasons: reasons,
    protocolEndDate: undefined,
    requestedData: { surveys: [], variablesCount: data.variables?.length ?? 0, changes: { reasons }, ...data },
    ...overrides
  };
}

const a1 = addendum(1, ['extension', 'addVariables'], {
  variables: [{ name: 'opleiding', justification: 'Onderwijsniveau als verklarende factor.' }, { name: 'Leeftijd', justification: 'Opnieuw gevraagd.' }],
  surveys: ['SV-bevraging 2023-2', 'SV-bevraging 2024-1'],
  changes: { reasons: ['extension', 'addVariables'], newEndDate: '2028-06-30' }
}, { protocolEndDate: '2028-06-30' });
const a2 = addendum(2, ['newPurposes'], {
  changes: { reasons: ['newPurposes'], newPurposes: 'Beleidsadvies over kinderarmoede', purposeRelation: 'Verdiept het onderzoek naar armoede bij gezinnen tot kinderen.' }
});
const a3 = addendum(3, ['extension', 'identityChange'], {
  changes: { reasons: ['extension', 'identityChange'], newEndDate: '2029-12-31', newIdentity: { name: 'Universiteit Voorbeeld Vlaanderen' } }
}, { protocolEndDate: '2029-12-31' });
/** A request on the protocol that was never countersigned: it has no addendum number and changes nothing. */
const pending: Dossier = { ...addendum(4, ['addVariables'], { variables: [{ name: 'religie', justification: 'x' }] }), addendumNumber: undefined, countersignedAt: undefined, state: 'underReview' };
/** A countersigned addendum of another protocol. */
const otherProtocol: Dossier = { ...addendum(1, ['addVariables'], { variables: [{ name: 'gezondheid', justification: 'x' }] }), reference: 'VSA-2026-0099', parentProtocolNumber: 'PROT-2026-002', addendumNumber: 'PROT-2026-002/A1' };

describe('protocolScope', () => {
  // Given a protocol and three countersigned addenda (given out of order), a pending request and another protocol's addendum
  const scope = protocolScope(protocol, [a3, pending, a1, otherProtocol, a2])!;

  it('keeps every variable in force with the instrument that brought it and its date', () => {
    expect(scope.variables.map((v) => [v.name, v.instrument, v.date])).toEqual([
      ['leeftijd', 'PROT-2026-001', '2026-02-10'],
      ['inkomen_huishouden', 'PROT-2026-001', '2026-02-10'],
      ['opleiding', 'PROT-2026-001/A1', '2026-03-15']
    ]);
    expect(scope.variables.find((v) => v.name === 'leeftijd')?.justification).toBe('Leeftijdsgroepen.');
  });

  it('ignores the request that was not countersigned and the addenda of other protocols', () => {
    expect(scope.variables.map((v) => v.name)).not.toContain('religie');
    expect(scope.variables.map((v) => v.name)).not.toContain('gezondheid');
    expect(scope.history.map((h) => h.instrument)).toEqual(['PROT-2026-001', 'PROT-2026-001/A1', 'PROT-2026-001/A2', 'PROT-2026-001/A3']);
  });

  it('adds the new purpose, linked to the purpose it extends', () => {
    expect(scope.purposes).toEqual([
      { text: 'Onderzoek naar armoede bij gezinnen', instrument: 'PROT-2026-001', date: '2026-02-10' },
      {
        text: 'Beleidsadvies over kinderarmoede', instrument: 'PROT-2026-001/A2', date: '2026-04-15',
        extends: { relation: 'Verdiept het onderzoek naar armoede bij gezinnen tot kinderen.', purposes: ['Onderzoek naar armoede bij gezinnen'] }
      }
    ]);
  });

  it('takes the end date of the last extension, the same as the chain\'s effective end date', () => {
    expect(scope.endDate).toEqual({ endDate: '2029-12-31', instrument: 'PROT-2026-001/A3', date: '2026-05-15' });
    expect(scope.endDate?.endDate).toBe(protocolChain([protocol, a1, a2, a3], 'PROT-2026-001').effectiveEndDate);
  });

  it('changes the institution\'s name and keeps its enterprise number when no new one is given', () => {
    expect(scope.institution).toEqual({ name: 'Universiteit Voorbeeld Vlaanderen', enterpriseNumber: '0123456749', instrument: 'PROT-2026-001/A3', date: '2026-05-15' });
  });

  it('adds the surveys of added variables that were not yet in force', () => {
    expect(scope.surveys.map((s) => `${s.wave} (${s.instrument})`)).toEqual([
      'SV-bevraging 2023-1 (PROT-2026-001)', 'SV-bevraging 2023-2 (PROT-2026-001)', 'SV-bevraging 2024-1 (PROT-2026-001/A1)'
    ]);
  });

  it('records per instrument what it changed', () => {
    const [p, h1, h2, h3] = scope.history;
    expect(p).toMatchObject({ kind: 'protocol', addedVariables: ['leeftijd', 'inkomen_huishouden'], endDate: { to: '2027-12-31' } });
    expect(h1).toMatchObject({ kind: 'addendum', dossierReference: 'VSA-2026-0011', reasons: ['extension', 'addVariables'], addedVariables: ['opleiding'], addedSurveys: ['SV-bevraging 2024-1'], endDate: { from: '2027-12-31', to: '2028-06-30' } });
    expect(h1.institution).toBeUndefined();
    expect(h2).toMatchObject({ reasons: ['newPurposes'], addedVariables: [], addedPurposes: ['Beleidsadvies over kinderarmoede'] });
    expect(h2.endDate).toBeUndefined();
    expect(h3).toMatchObject({
      endDate: { from: '2028-06-30', to: '2029-12-31' },
      institution: { from: { name: 'Universiteit Voorbeeld', enterpriseNumber: '0123456749' }, to: { name: 'Universiteit Voorbeeld Vlaanderen', enterpriseNumber: '0123456749' } }
    });
  });

  it('stops counting an addendum once its dossier is withdrawn', () => {
    const withdrawn = protocolScope(protocol, [a1, a2, { ...a3, state: 'withdrawn' }])!;
    expect(withdrawn.endDate?.instrument).toBe('PROT-2026-001/A1');
    expect(withdrawn.institution?.name).toBe('Universiteit Voorbeeld');
  });

  it('has no scope without a countersigned protocol', () => {
    expect(protocolScope({ ...protocol, protocolNumber: undefined }, [a1])).toBeUndefined();
  });

  it('falls back to the project purposes and the registered institution for a protocol without form data', () => {
    const bare = protocolScope({ ...protocol, requestedData: undefined }, [])!;
    expect(bare.purposes.map((p) => p.text)).toEqual(['Wetenschappelijk onderzoek naar welzijn', 'Beleidsadvies']);
    expect(bare.institution?.name).toBe('Universiteit Voorbeeld');
    expect(bare.variables).toEqual([]);
  });

  it('measures a countersigned addendum against the addenda before it', () => {
    const before = scopeBefore(a2, protocol, [a1, a2, a3])!;
    expect(before.history.map((h) => h.instrument)).toEqual(['PROT-2026-001', 'PROT-2026-001/A1']);
    expect(scopeBefore(pending, protocol, [a1, a2, a3, pending])!.history).toHaveLength(4);
  });
});

describe('scopeChanges', () => {
  const scope = protocolScope(protocol, [a1, a2, a3])!;
  const request = (changes: RequestedData['changes'], variables: RequestedData['variables'] = []): RequestedData => ({ surveys: [], variablesCount: variables.length, variables, changes });

  it('lists the added variables and the ones already in force, with the instrument that brought them', () => {
    const diff = scopeChanges(scope, request({ reasons: ['addVariables'] }, [
      { name: 'gezinstype', justification: 'Typologie.' }, { name: 'OPLEIDING', justification: 'x' }, { name: 'gezinstype', justification: 'dubbel' }
    ]));
    expect(diff.addedVariables).toEqual([{ name: 'gezinstype', justification: 'Typologie.' }]);
    expect(diff.alreadyInForce.variables.map((v) => `${v.name} ${v.instrument}`)).toEqual(['opleiding PROT-2026-001/A1']);
    expect(diff.asksNothingNew).toBe(false);
  });

  it('gives the new end date against the one in force, and whether it extends', () => {
    expect(scopeChanges(scope, request({ reasons: ['extension'], newEndDate: '2030-06-30' })).endDate).toEqual({ from: '2029-12-31', to: '2030-06-30', later: true });
    const notLater = scopeChanges(scope, request({ reasons: ['extension'], newEndDate: '2029-12-31' }));
    expect(notLater.endDate).toEqual({ from: '2029-12-31', to: '2029-12-31', later: false });
    expect(notLater.asksNothingNew).toBe(true);
  });

  it('gives the new identity against the one in force', () => {
    const diff = scopeChanges(scope, request({ reasons: ['identityChange'], newIdentity: { name: 'Hogeschool Voorbeeld', enterpriseNumber: '0987654321' } }));
    expect(diff.institution).toEqual({
      from: { name: 'Universiteit Voorbeeld Vlaanderen', enterpriseNumber: '0123456749' }, to: { name: 'Hogeschool Voorbeeld', enterpriseNumber: '0987654321' }, changed: true
    });
    const same = scopeChanges(scope, request({ reasons: ['identityChange'], newIdentity: { name: 'universiteit voorbeeld  vlaanderen' } }));
    expect(same.institution?.changed).toBe(false);
    expect(same.asksNothingNew).toBe(true);
  });

  it('lists a new purpose with its relation, and a purpose in force as already in force', () => {
    const diff = scopeChanges(scope, request({ reasons: ['newPurposes'], newPurposes: 'Evaluatie van het groeipakket', purposeRelation: 'Volgt uit het armoedeonderzoek.' }));
    expect(diff.addedPurposes).toEqual([{ text: 'Evaluatie van het groeipakket', relation: 'Volgt uit het armoedeonderzoek.' }]);
    const again = scopeChanges(scope, request({ reasons: ['newPurposes'], newPurposes: 'beleidsadvies over kinderarmoede' }));
    expect(again.addedPurposes).toEqual([]);
    expect(again.alreadyInForce.purposes.map((p) => p.instrument)).toEqual(['PROT-2026-001/A2']);
    expect(again.asksNothingNew).toBe(true);
  });

  it('asks nothing new when every variable is in force, and reads only the parts of the reasons given', () => {
    const diff = scopeChanges(scope, request({ reasons: ['addVariables'], newEndDate: '2035-01-01' }, [{ name: 'leeftijd', justification: 'x' }]));
    expect(diff.endDate).toBeUndefined();
    expect(diff.asksNothingNew).toBe(true);
    expect(scopeChanges(scope, undefined)).toMatchObject({ reasons: [], asksNothingNew: true });
  });
});

describe('scopeFactsOf', () => {
  it('gives the forms engine the plain facts of the scope in force', () => {
    const facts: ScopeFacts = scopeFactsOf(protocolScope(protocol, [a1, a2, a3])!);
    expect(facts).toEqual({
      protocolNumber: 'PROT-2026-001',
      endDate: '2029-12-31',
      variables: ['leeftijd', 'inkomen_huishouden', 'opleiding'],
      purposes: ['Onderzoek naar armoede bij gezinnen', 'Beleidsadvies over kinderarmoede'],
      surveys: ['SV-bevraging 2023-1', 'SV-bevraging 2023-2', 'SV-bevraging 2024-1'],
      institution: { name: 'Universiteit Voorbeeld Vlaanderen', enterpriseNumber: '0123456749' }
    });
  });
});

describe('checkContextFor with a scope', () => {
  it('passes the scope in force only when the caller gives it', () => {
    const scopeInForce = scopeFactsOf(protocolScope(protocol, [a1])!);
    expect(checkContextFor({ state: 'underReview', documents: [], scopeInForce }, '2026-11-25')).toEqual({ phase: 'draft', today: '2026-11-25', hasMandateDocument: false, scopeInForce });
    expect(checkContextFor({ state: 'underReview', documents: [] }, '2026-11-25')).not.toHaveProperty('scopeInForce');
  });
});
