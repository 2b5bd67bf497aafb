import type { DossierEvent } from '../../../src/domain';
import { buildDecisionHistory } from '../../../src/ui/approvals/decisionHistory';
import { dossierIn, eventsOf } from './support/dossiers';
import { replay, type Dossier } from '../../../src/domain';

const now = '2026-11-25T12:00:00.000Z';

function decided(state: 'awaitingSignatures' | 'rejected', reference: string, daysAgo: number): { event: DossierEvent; dossier: Dossier } {
  const events = eventsOf(state, reference, new Date(Date.parse(now) - daysAgo * 86_400_000).toISOString());
  const event = events.find((e) => e.type === 'DecisionMade') as DossierEvent;
  return { event, dossier: replay(events) as Dossier };
}

describe('buildDecisionHistory', () => {
  it('lists decisions of the last 12 months newest first with lead time after advice', () => {
    const approved = decided('awaitingSignatures', 'VSA-2026-0010', 10);
    const rejected = decided('rejected', 'VSA-2026-0011', 3);
    const tooOld = decided('rejected', 'VSA-2025-0001', 400);
    const history = buildDecisionHistory([approved, tooOld, rejected], now);
    expect(history.rows.map((row) => [row.reference, row.kind])).toEqual([
      ['VSA-2026-0011', 'rejected'],
      ['VSA-2026-0010', 'approved']
    ]);
    const stay = approved.dossier.stateHistory.find((entry) => entry.state === 'awaitingDecision');
    const expected = (Date.parse(approved.event.at) - Date.parse(stay!.enteredAt)) / 86_400_000;
    expect(history.rows[1].leadTimeDays).toBeCloseTo(expected, 1);
    expect(history.rows[1].totalDays).toBeGreaterThanOrEqual(history.rows[1].leadTimeDays ?? 0);
    expect(history.counts).toEqual({ approved: 1, rejected: 1, moreInformation: 0 });
    const [first, second] = history.rows.map((row) => row.leadTimeDays as number);
    expect(history.medianLeadTimeDays).toBeCloseTo((first + second) / 2, 1);
  });

  it('gives the median lead time of the decisions (middle value, or mean of the two middle ones)', () => {
    // The stay in "awaitingDecision" that each decision ended, stretched to a known length.
    const withLeadTime = (reference: string, days: number): { event: DossierEvent; dossier: Dossier } => {
      const { event, dossier } = decided('awaitingSignatures', reference, 5);
      const stateHistory = dossier.stateHistory.map((entry) =>
        entry.state === 'awaitingDecision' && entry.leftAt === event.at
          ? { ...entry, enteredAt: new Date(Date.parse(event.at) - days * 86_400_000).toISOString() }
          : entry);
      return { event, dossier: { ...dossier, stateHistory } };
    };
    const odd = buildDecisionHistory([withLeadTime('VSA-2026-0020', 2), withLeadTime('VSA-2026-0021', 9), withLeadTime('VSA-2026-0022', 4)], now);
    expect(odd.rows.map((row) => row.leadTimeDays).sort()).toEqual([2, 4, 9]);
    expect(odd.medianLeadTimeDays).toBe(4);
    const even = buildDecisionHistory([withLeadTime('VSA-2026-0020', 2), withLeadTime('VSA-2026-0021', 9), withLeadTime('VSA-2026-0022', 4), withLeadTime('VSA-2026-0023', 7)], now);
    expect(even.medianLeadTimeDays).toBe(5.5);
  });

  it('keeps a decision whose dossier could not be read, without lead times, and drops duplicates', () => {
    const approved = decided('awaitingSignatures', 'VSA-2026-0012', 5);
    const history = buildDecisionHistory([{ event: approved.event }, { event: approved.event }], now);
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0].leadTimeDays).toBeUndefined();
    expect(history.medianLeadTimeDays).toBeUndefined();
  });

  it('ignores other event types', () => {
    const dossier = dossierIn('awaitingDecision', 'VSA-2026-0013', now, 1);
    const events = eventsOf('awaitingDecision', 'VSA-2026-0013', now);
    expect(buildDecisionHistory(events.map((event) => ({ event, dossier })), now).rows).toEqual([]);
  });
});
