import { commandLabel, commandTypes, formatError, stateIds, stateLabel, stepOf } from '../../src/domain';
import type { DomainError } from '../../src/domain';

describe('labels', () => {
  it('has the Dutch state labels of workflow.md', () => {
    expect(Object.fromEntries(stateIds.map((s) => [s, stateLabel(s, 'nl')]))).toEqual({
      intake: 'Ontvangen',
      preliminary: 'Vooronderzoek statisticus',
      formsRequested: 'Formulieren opgevraagd',
      underReview: 'In beoordeling',
      returnedForChanges: 'Teruggestuurd met opmerkingen',
      deliberation: 'In beraad DPO-team',
      awaitingDecision: 'Advies DPO – beslissing Hoofdstatisticus',
      awaitingSignatures: 'Goedgekeurd – wacht op handtekeningen',
      awaitingCountersignature: 'Wacht op ondertekening Hoofdstatisticus',
      signed: 'Ondertekend – te publiceren',
      published: 'Gepubliceerd – wacht op levering',
      delivered: 'Gegevens geleverd',
      rejected: 'Geweigerd',
      notAdmissible: 'Niet ontvankelijk',
      withdrawn: 'Ingetrokken',
      closed: 'Afgesloten'
    });
  });

  it('has an nl and en label for every state and command, all different per language', () => {
    for (const s of stateIds) expect(stateLabel(s, 'en')).not.toBe('');
    const nl = commandTypes.map((c) => commandLabel(c, 'nl'));
    expect(new Set(nl).size).toBe(commandTypes.length);
    expect(commandLabel('countersign', 'en')).toBe('Countersign');
  });

  it('gives the steps of workflow.md', () => {
    expect(Object.fromEntries(stateIds.map((s) => [s, stepOf(s).text]))).toEqual({
      intake: '1', preliminary: '1', formsRequested: '1', underReview: '2–3', returnedForChanges: '3', deliberation: '3',
      awaitingDecision: '3', awaitingSignatures: '4–5', awaitingCountersignature: '5', signed: '5', published: '5–6',
      delivered: '6', rejected: 'afgesloten', notAdmissible: 'afgesloten', withdrawn: 'afgesloten', closed: 'afgesloten'
    });
    expect(stepOf('underReview')).toEqual({ first: 2, last: 3, text: '2–3', final: false });
    expect(stepOf('withdrawn', 'en')).toEqual({ text: 'closed', final: true });
  });
});

describe('formatError', () => {
  it('renders placeholders with localized ids', () => {
    const wrongState: DomainError = { kind: 'wrongState', code: 'dossier.error.wrongState', params: { command: 'publish', state: 'intake' } };
    expect(formatError(wrongState, 'nl')).toBe('"Publiceren" kan niet in de status "Ontvangen".');
    expect(formatError(wrongState, 'en')).toBe('"Publish" is not possible in state "Received".');
    const forbidden: DomainError = { kind: 'forbidden', code: 'dossier.error.forbidden', params: { command: 'requestForms', roles: 'assignedStatistician, dpoTeam' } };
    expect(formatError(forbidden, 'nl')).toBe('U mag "Formulieren opvragen" niet uitvoeren; vereiste rol: toegewezen statisticus, VSA DPO-team.');
    expect(formatError({ kind: 'guard', code: 'dossier.error.missingDocument', params: { kind: 'verklaringTOM' } }, 'en')).toBe(
      'The document "Statement of technical and organisational measures" is missing.'
    );
  });

  it('leaves a missing parameter visible instead of crashing', () => {
    expect(formatError({ kind: 'guard', code: 'dossier.error.invalidReference' }, 'nl')).toContain('{reference}');
  });
});
