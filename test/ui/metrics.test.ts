import {
  countsByState,
  countsByStep,
  leadTimesPerStep,
  monthsBefore,
  overdueRows,
  percentile,
  workloadPerStatistician
} from '../../src/ui/dashboard/metrics';
import { toDossierRow } from '../../src/ui/register/registerRows';
import type { RegisterEntry } from '../../src/ui/register/registerRows';
import type { StateHistoryEntry } from '../../src/domain';

const now = '2026-11-25T12:00:00.000Z';

describe('percentile', () => {
  it('interpolates between ranks like PERCENTILE.INC', () => {
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBeCloseTo(9.1);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
    expect(() => percentile([1], 120)).toThrow(RangeError);
  });
});

describe('counts', () => {
  it('counts per state (all states listed) and per step of the current state', () => {
    const dossiers = [{ state: 'intake' as const }, { state: 'preliminary' as const }, { state: 'underReview' as const }, { state: 'withdrawn' as const }];
    const byState = countsByState(dossiers);
    expect(byState).toHaveLength(16);
    expect(byState.find((c) => c.state === 'intake')?.count).toBe(1);
    expect(byState.find((c) => c.state === 'signed')?.count).toBe(0);
    expect(countsByStep(dossiers).map((c) => c.count)).toEqual([2, 1, 0, 0, 0, 0, 1]);
  });
});

describe('leadTimesPerStep', () => {
  const history = (entries: [string, string, string?][]): StateHistoryEntry[] =>
    entries.map(([state, enteredAt, leftAt]) => ({ state: state as StateHistoryEntry['state'], enteredAt, leftAt }));

  it('takes the days of completed steps left inside the last 12 months; median and p90', () => {
    const a = { stateHistory: history([
      ['intake', '2026-03-01T00:00:00.000Z', '2026-03-03T00:00:00.000Z'],
      ['preliminary', '2026-03-03T00:00:00.000Z', '2026-03-11T00:00:00.000Z'],
      ['formsRequested', '2026-03-11T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
      ['underReview', '2026-04-01T00:00:00.000Z']
    ]) };
    const b = { stateHistory: history([
      ['intake', '2026-06-01T00:00:00.000Z', '2026-06-05T00:00:00.000Z'],
      ['preliminary', '2026-06-05T00:00:00.000Z']
    ]) };
    const old = { stateHistory: history([
      ['intake', '2024-01-01T00:00:00.000Z', '2024-01-11T00:00:00.000Z'],
      ['withdrawn', '2024-01-11T00:00:00.000Z']
    ]) };
    const result = leadTimesPerStep([a, b, old], now);
    expect(result[0]).toEqual({ step: 1, count: 1, medianDays: 31, p90Days: 31 });
    // Step 2 of `a` is still open and `b` never reached it.
    expect(result[1]).toEqual({ step: 2, count: 0, medianDays: undefined, p90Days: undefined });
  });

  it('computes the window start in whole calendar months', () => {
    expect(monthsBefore(now, 12)).toBe('2025-11-25T12:00:00.000Z');
  });
});

describe('workload and overdue list', () => {
  const entry = (reference: string, state: RegisterEntry['state'], assignee?: string, overdueDays?: number) =>
    toDossierRow({
      reference, subject: 's', state,
      assignee: assignee ? { id: assignee, displayName: assignee.toUpperCase() } : undefined,
      deadline: overdueDays === undefined ? { overdue: false, overdueDays: 0 } : { overdue: true, overdueDays: overdueDays }
    }, now, 'nl');
  const rows = [
    entry('1', 'underReview', 'bart', 4), entry('2', 'preliminary', 'bart'), entry('3', 'deliberation', 'an', 10),
    entry('4', 'delivered', 'an'), entry('5', 'rejected', 'an'), entry('6', 'intake')
  ];

  it('counts open and overdue dossiers per statistician, busiest first', () => {
    expect(workloadPerStatistician(rows)).toEqual([
      { statisticianId: 'bart', name: 'BART', open: 2, overdue: 1 },
      { statisticianId: 'an', name: 'AN', open: 1, overdue: 1 }
    ]);
  });

  it('lists overdue dossiers longest overdue first', () => {
    expect(overdueRows(rows).map((r) => r.reference)).toEqual(['3', '1']);
  });
});
