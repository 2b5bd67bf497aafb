/** @jest-environment jsdom */
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { Dashboard } from '../../src/ui/dashboard/Dashboard';
import { toDossierRow } from '../../src/ui/register/registerRows';
import { dossierUnderReview } from './support/dossiers';
import { nl } from './support/strings';

const now = '2026-11-25T12:00:00.000Z';
const row = (reference: string, state: 'intake' | 'underReview', overdueDays?: number) => toDossierRow({
  reference, subject: 's', institution: 'UGent', state, assignee: { id: 'b', displayName: 'Bart Claes' },
  deadline: overdueDays === undefined ? { overdue: false, overdueDays: 0 } : { overdue: true, overdueDays: overdueDays, dueOn: '2026-11-01', kind: 'phase' }
}, now, 'nl');

describe('Dashboard', () => {
  it('shows counts per state and step as accessible tables, lead times, overdue list and workload', () => {
    render(<Dashboard rows={[row('VSA-2026-0001', 'intake'), row('VSA-2026-0002', 'underReview', 24)]} histories={[dossierUnderReview()]} onOpen={jest.fn()} now={now} lang="nl" strings={nl} />);
    const byState = screen.getByRole('figure', { name: /Dossiers per status/ });
    expect(within(byState).getByRole('rowheader', { name: 'In beoordeling' })).toBeTruthy();
    const lead = screen.getByRole('figure', { name: /Doorlooptijd per stap/ });
    // Step 1 of the fixture took 30 days (1 Sep to 1 Oct).
    expect(within(lead).getByText(/Mediaan: 30\.0/)).toBeTruthy();
    const overdue = screen.getByRole('region', { name: 'Te late dossiers' });
    expect(within(overdue).getByRole('link', { name: 'VSA-2026-0002' })).toBeTruthy();
    const workload = screen.getByRole('figure', { name: /Werklast per statisticus/ });
    expect(within(workload).getByText('Open: 2')).toBeTruthy();
    expect(within(workload).getByText('Te laat: 1')).toBeTruthy();
  });

  it('says when there is no data', () => {
    render(<Dashboard rows={[]} histories={[]} onOpen={jest.fn()} now={now} lang="nl" strings={nl} />);
    expect(screen.getAllByText('Geen gegevens.').length).toBeGreaterThanOrEqual(3);
  });
});
