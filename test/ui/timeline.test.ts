import type { DossierEvent } from '../../src/domain/events';
import { eventDetails } from '../../src/ui/panel/timeline';
import { en, nl } from './support/strings';

const base = { id: 'c1:0', dossierReference: 'VSA-2026-0001', at: '2026-03-01T10:00:00.000Z', actor: { id: 'sofie.janssens@vsa.local', displayName: 'Sofie Janssens' } };

describe('timeline details of a not-admissible declaration', () => {
  it('renders the rule code of a new event in the reader\'s language', () => {
    const event = { ...base, type: 'DeclaredNotAdmissible', reason: '', reasonCode: 'dossier.error.requesterNotEligible' } as DossierEvent;
    expect(eventDetails(event, 'nl', nl)).toEqual(['Een individu dat niet verbonden is aan een overheidsdienst of instelling kan geen individuele gegevens verkrijgen.']);
    expect(eventDetails(event, 'en', en)).toEqual(['An individual not affiliated with a public service or institution cannot obtain microdata.']);
  });

  it('still shows an event stored before issue #11 with the Dutch sentence in its reason', () => {
    const stored = {
      ...base,
      type: 'DeclaredNotAdmissible',
      reason: 'Een individu dat niet verbonden is aan een overheidsdienst of instelling kan geen individuele gegevens verkrijgen.'
    } as DossierEvent;
    expect(eventDetails(stored, 'nl', nl)).toEqual([stored.type === 'DeclaredNotAdmissible' ? stored.reason : '']);
    expect(eventDetails(stored, 'en', en)).toHaveLength(1);
  });

  it('shows a typed reason as typed', () => {
    const event = { ...base, type: 'DeclaredNotAdmissible', reason: 'Geen statistisch doel.' } as DossierEvent;
    expect(eventDetails(event, 'en', en)).toEqual(['Geen statistisch doel.']);
  });
});
