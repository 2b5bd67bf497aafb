/** @jest-environment jsdom */
import '../../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { StateHistoryEntry } from '../../../src/domain/types';
import { Dashboard } from '../../../src/ui/dashboard/Dashboard';
import { medianReturnToNextVersion, returnToNextVersionDays, reviewRoundsPerDossier } from '../../../src/ui/dashboard/metrics';
import { nl } from '../support/strings';
import { finding } from './support';

const history = (...entries: [StateHistoryEntry['state'], string, string?][]): { stateHistory: StateHistoryEntry[] } =>
  ({ stateHistory: entries.map(([state, enteredAt, leftAt]) => ({ state, enteredAt, ...(leftAt ? { leftAt } : {}) })) });

const twoRounds = history(
  ['underReview', '2026-10-01T00:00:00.000Z', '2026-10-05T00:00:00.000Z'],
  ['returnedForChanges', '2026-10-05T00:00:00.000Z', '2026-10-15T00:00:00.000Z'],
  ['underReview', '2026-10-15T00:00:00.000Z', '2026-10-20T00:00:00.000Z'],
  ['returnedForChanges', '2026-10-20T00:00:00.000Z', '2026-10-24T00:00:00.000Z'],
  ['underReview', '2026-10-24T00:00:00.000Z']
);
const waiting = history(['underReview', '2026-10-01T00:00:00.000Z', '2026-10-02T00:00:00.000Z'], ['returnedForChanges', '2026-10-02T00:00:00.000Z']);
const withdrawn = history(['returnedForChanges', '2026-10-02T00:00:00.000Z', '2026-10-30T00:00:00.000Z'], ['withdrawn', '2026-10-30T00:00:00.000Z']);

describe('review loop metrics', () => {
  it('measures each return up to the next version, not a return still waiting or one that ended otherwise', () => {
    expect(returnToNextVersionDays([twoRounds, waiting, withdrawn])).toEqual([10, 4]);
    expect(medianReturnToNextVersion([twoRounds, waiting, withdrawn])).toEqual({ count: 2, medianDays: 7 });
    expect(medianReturnToNextVersion([waiting])).toEqual({ count: 0, medianDays: undefined });
  });

  it('gives rounds and open requester findings per dossier, most open findings first; internal or handled ones do not count', () => {
    const rounds = reviewRoundsPerDossier([
      { reference: 'VSA-2026-0001', state: 'underReview', returnRounds: 2, findings: [finding('a'), finding('b', { audience: 'internal' }), finding('c', { status: 'resolved' })] },
      { reference: 'VSA-2026-0002', state: 'returnedForChanges', returnRounds: 1, findings: [finding('d'), finding('e')] },
      { reference: 'VSA-2026-0003', state: 'underReview', returnRounds: 0, findings: [] }
    ]);
    expect(rounds).toEqual([
      { reference: 'VSA-2026-0002', state: 'returnedForChanges', returnRounds: 1, openRequesterFindings: 2 },
      { reference: 'VSA-2026-0001', state: 'underReview', returnRounds: 2, openRequesterFindings: 1 }
    ]);
  });

  it('shows the section on the dashboard', () => {
    render(<Dashboard rows={[]} histories={[twoRounds]} onOpen={jest.fn()} now="2026-11-25T09:00:00.000Z" lang="nl" strings={nl}
      reviewDossiers={[{ reference: 'VSA-2026-0002', state: 'returnedForChanges', returnRounds: 1, findings: [finding('d')] }]} />);
    const section = screen.getByRole('region', { name: 'Beoordelingsrondes' });
    expect(within(section).getByTestId('return-median').textContent).toBe('Mediaan van terugsturen tot de volgende versie: 7.0 d (over 2 rondes)');
    const row = section.querySelector('tr[data-reference="VSA-2026-0002"]')!;
    expect([...row.querySelectorAll('td')].map((cell) => cell.textContent)).toEqual(['VSA-2026-0002', 'Teruggestuurd met opmerkingen', '1', '1']);
  });

  it('loads the dossiers in review only when asked', () => {
    const onLoad = jest.fn();
    render(<Dashboard rows={[]} histories={[]} onOpen={jest.fn()} now="2026-11-25T09:00:00.000Z" lang="nl" strings={nl} onLoadReviewDossiers={onLoad} />);
    const section = screen.getByRole('region', { name: 'Beoordelingsrondes' });
    expect(within(section).getByTestId('return-median').textContent).toBe('Nog geen volgende versie na een terugsturing.');
    fireEvent.click(within(section).getByRole('button', { name: 'Rondes en open bevindingen per dossier tonen' }));
    expect(onLoad).toHaveBeenCalledTimes(1);
  });
});
