import type { DossierEvent } from '../../src/domain/events';
import { eventDetails } from '../../src/ui/panel/timeline';
import { adequateCriteria } from '../support/adviceCriteria';
import { en, nl } from './support/strings';

const base = { id: 'e1', dossierReference: 'VSA-2026-0001', at: '2026-11-20T10:00:00.000Z', actor: { id: 'd', displayName: 'Dirk' }, commandId: 'c1' };

describe('timeline: advice and decision', () => {
  it('shows the advice with each criterion and its assessment on one line', () => {
    const event = { ...base, type: 'AdviceGiven', outcome: 'favourable', legalBasis: 'Art. 6.1.e AVG', text: 'Gunstig.', criteria: adequateCriteria().slice(0, 2) } as unknown as DossierEvent;
    expect(eventDetails(event, 'nl', nl)).toEqual(['Gunstig', 'Art. 6.1.e AVG', 'Gunstig.', 'Rechtsgrond: Toereikend · Doelbinding: Toereikend']);
    const older = { ...base, type: 'AdviceGiven', outcome: 'unfavourable', legalBasis: 'Art. 6.1.e AVG', text: 'Ongunstig.' } as unknown as DossierEvent;
    expect(eventDetails(older, 'en', en)).toEqual(['Unfavourable', 'Art. 6.1.e AVG', 'Ongunstig.']);
  });

  it('shows the decision as an outcome, with the conditions of an approval with conditions', () => {
    const event = {
      ...base, type: 'DecisionMade', outcome: 'approvedWithConditions', motivation: 'Akkoord.',
      conditions: [{ id: 'C1', text: 'Geen cellen kleiner dan 5.', category: 'publication', owner: 'requester' }]
    } as unknown as DossierEvent;
    expect(eventDetails(event, 'nl', nl)).toEqual(['Goedgekeurd onder voorwaarden', 'Akkoord.', 'Geen cellen kleiner dan 5. (Publicatie)']);
  });
});
