/** @jest-environment jsdom */
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import type { DossierEvent } from '../../../src/domain';
import { buildDecisionHistory } from '../../../src/ui/approvals/decisionHistory';
import { HistoryTable } from '../../../src/ui/approvals/HistoryTable';
import { eventsOf } from './support/dossiers';
import { loadLocStrings } from './support/strings';

const now = '2026-11-25T12:00:00.000Z';

describe('history: an approval with conditions', () => {
  it('counts as an approval and is labelled as approved with conditions', () => {
    const events = eventsOf('awaitingSignatures', 'VSA-2026-0020', '2026-11-20T10:00:00.000Z');
    const decision = events.find((event) => event.type === 'DecisionMade') as Extract<DossierEvent, { type: 'DecisionMade' }>;
    const withConditions = { ...decision, outcome: 'approvedWithConditions' as const, conditions: [{ id: 'C1', text: 'Geen cellen < 5.', category: 'publication' as const, owner: 'requester' as const }] };
    const history = buildDecisionHistory([{ event: withConditions }], now);
    expect(history.rows[0]).toMatchObject({ kind: 'approved', withConditions: true });
    expect(history.counts.approved).toBe(1);
    render(<HistoryTable history={history} strings={loadLocStrings('nl-nl')} lang="nl" />);
    const row = screen.getAllByRole('row')[1];
    expect(within(row).getByText('Goedgekeurd onder voorwaarden')).toBeTruthy();
  });
});
