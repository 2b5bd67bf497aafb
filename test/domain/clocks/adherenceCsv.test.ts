import { adherence, defaultProcedureSettings, dossierClock, generatedHolidayCalendar, median, percentile, phaseTimesCsv } from '../../../src/domain/clocks';
import { factsOf } from './support';

const settings = defaultProcedureSettings;
const calendar = generatedHolidayCalendar;
const now = '2026-12-01T12:00:00.000Z';

/** A dossier reviewed for `days` calendar days, ending in `month` (2026-MM). */
const reviewed = (reference: string, start: string, days: number) => {
  const end = new Date(Date.parse(start) + days * 86_400_000).toISOString();
  return factsOf(
    [
      ['underReview', start],
      ['deliberation', end]
    ],
    reference
  );
};

describe('adherence per phase and month', () => {
  it('given ten reviews ended in March, when computing adherence, then count, share on time, median and p90 follow', () => {
    const durations = [10, 12, 15, 20, 25, 28, 30, 31, 40, 50];
    const dossiers = durations.map((days, i) => reviewed(`VSA-2026-${String(i + 1).padStart(4, '0')}`, new Date(Date.parse('2026-03-31T10:00:00.000Z') - days * 86_400_000).toISOString(), days));
    const { rows, failures } = adherence(dossiers, settings, calendar, now);
    expect(failures).toEqual([]);
    expect(rows).toEqual([{ phase: 'review', month: '2026-03', count: 10, onTimeShare: 0.7, medianDays: 26.5, p90Days: 40 }]);
  });

  it('given a review with a return, when computing adherence, then it counts once with its VSA days added up (25 + 10 = 35: late), by the month it ended', () => {
    const facts = factsOf([
      ['underReview', '2026-01-05T09:00:00.000Z'],
      ['returnedForChanges', '2026-01-30T09:00:00.000Z'],
      ['underReview', '2026-02-20T09:00:00.000Z'],
      ['deliberation', '2026-03-02T09:00:00.000Z']
    ]);
    const review = adherence([facts], settings, calendar, now).rows.filter((row) => row.phase === 'review');
    expect(review).toEqual([{ phase: 'review', month: '2026-03', count: 1, onTimeShare: 0, medianDays: 35, p90Days: 35 }]);
  });

  it('given a dossier with a broken history, when computing adherence, then it is listed as a failure and the others still count', () => {
    const broken = { ...factsOf([['intake', '2026-01-01T00:00:00.000Z']], 'VSA-2026-0099'), state: 'preliminary' as const };
    const report = adherence([broken, reviewed('VSA-2026-0001', '2026-03-01T10:00:00.000Z', 5)], settings, calendar, now);
    expect(report.failures.map((f) => [f.reference, f.error.code])).toEqual([['VSA-2026-0099', 'clock.error.brokenHistory']]);
    expect(report.rows).toHaveLength(1);
  });

  it('given small samples, when taking the median and p90, then the nearest rank is used for p90', () => {
    expect(median([])).toBe(0);
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([5], 90)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
  });
});

describe('phaseTimesCsv', () => {
  const clock = dossierClock(reviewed('VSA-2026-0001', '2026-03-01T10:00:00.000Z', 5), settings, calendar, now);

  it('given a dossier, when exporting, then a BOM, a Dutch heading and one CRLF line with VSA, requester and per-phase days', () => {
    const csv = phaseTimesCsv([{ reference: 'VSA-2026-0001', state: 'deliberation', clock }], 'nl');
    expect(csv.startsWith('\uFEFFReferentie,Status,Dagen VSA,Dagen aanvrager,Intake,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[1]).toBe(`VSA-2026-0001,In beraad DPO-team,${clock.vsaDays},0,0,0,0,5,0,${clock.segments[1].days},0,0,0,0,0`);
    expect(phaseTimesCsv([], 'en').split('\r\n')[0]).toContain('VSA days,Requester days');
  });

  it('given cells with commas, quotes, line breaks or a leading = + - @, when exporting, then they are quoted per RFC 4180 and guarded against formulas', () => {
    const csv = phaseTimesCsv(
      [
        { reference: '=HYPERLINK("http://x")', state: 'a,b', clock },
        { reference: '+1', state: 'line\nbreak', clock },
        { reference: '-2', state: '@SUM(A1)', clock }
      ],
      'en'
    );
    const lines = csv.split('\r\n');
    expect(lines[1].startsWith(`"'=HYPERLINK(""http://x"")","a,b",`)).toBe(true);
    expect(csv).toContain(`'+1,"line\nbreak",`);
    expect(lines[lines.length - 2].startsWith(`'-2,'@SUM(A1),`)).toBe(true);
  });
});
