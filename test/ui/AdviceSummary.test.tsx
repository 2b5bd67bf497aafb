/** @jest-environment jsdom */
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import type { Advice } from '../../src/domain';
import { AdviceSummary } from '../../src/ui/panel/AdviceSummary';
import { adequateCriteria } from '../support/adviceCriteria';
import { en, nl } from './support/strings';

const by = { id: 'dirk.dpo@vsa.example', displayName: 'Dirk Janssens' };
const older: Advice = { outcome: 'favourable', legalBasis: 'Art. 6.1.e AVG', text: 'Gunstig advies.', by, at: '2026-11-20T10:00:00.000Z' };
const structured: Advice = {
  ...older,
  outcome: 'favourableWithConditions',
  criteria: adequateCriteria('art. 6.1.e AVG; art. 4 decreet statistiek').map((criterion) => {
    if (criterion.id === 'necessity') {
      return { ...criterion, variables: [{ name: 'leeftijd', necessity: 'needed' as const }, { name: 'postcode', necessity: 'neededWithCondition' as const, condition: { text: 'Enkel gemeente.', category: 'variables' as const } }] };
    }
    return criterion.id === 'retention'
      ? { ...criterion, assessment: 'adequateWithCondition' as const, recommendedCondition: { text: 'Vernietigen na 5 jaar.', category: 'retention' as const } }
      : criterion;
  })
};

describe('AdviceSummary (panel)', () => {
  it('shows every criterion with its assessment, reasoning and recommended conditions', () => {
    render(<AdviceSummary advice={structured} lang="nl" strings={nl} />);
    const section = screen.getByRole('region', { name: 'Advies van de DPO' });
    expect(within(section).getByText(/Gunstig onder voorwaarden — door Dirk Janssens op/)).toBeTruthy();
    const criteria = within(section).getByRole('list', { name: 'Beoordeling per criterium' });
    const items = within(criteria).getAllByRole('listitem').filter((item) => item.parentElement === criteria);
    expect(items).toHaveLength(8);
    expect(items[0].textContent).toContain('Rechtsgrond: Toereikend');
    expect(items[0].textContent).toContain('art. 6.1.e AVG; art. 4 decreet statistiek');
    expect(items[2].textContent).toContain('postcode: Nodig onder voorwaarde — Aanbevolen voorwaarde: Enkel gemeente. (Variabelen)');
    expect(items[4].textContent).toContain('Bewaartermijn: Toereikend onder voorwaarde');
    expect(items[4].textContent).toContain('Aanbevolen voorwaarde: Vernietigen na 5 jaar. (Bewaring)');
  });

  it('shows older advice without criteria with its outcome, legal basis and text', () => {
    render(<AdviceSummary advice={older} lang="en" strings={en} />);
    const section = screen.getByRole('region', { name: 'Advice of the DPO' });
    expect(section.textContent).toContain('Favourable — by Dirk Janssens');
    expect(section.textContent).toContain('Art. 6.1.e AVG');
    expect(section.textContent).toContain('Gunstig advies.');
    expect(within(section).queryByRole('list')).toBeNull();
  });
});
