/**
 * The fast date arithmetic of the clocks (day numbers, weeks counted by arithmetic, Brussels' offset
 * asked once per UTC day, clocks remembered per history) against the plain rule it replaced: day by
 * day, and Intl for every instant. Deterministic pseudo-random cases; no timings.
 */
import {
  addWorkingDays,
  brusselsDate,
  ClockError,
  defaultProcedureSettings,
  dossierClock,
  fixedHolidayCalendar,
  generatedHolidayCalendar,
  workingDaysBetween
} from '../../../src/domain/clocks';
import type { HolidayCalendar } from '../../../src/domain/clocks';
import { factsOf } from './support';

const dayMs = 86_400_000;
const dateOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const msOf = (date: string): number => Date.parse(`${date}T00:00:00.000Z`);

/** The plain rule: one day at a time, the year's holidays asked for on each weekday. */
function plainIsWorkingDay(date: string, calendar: HolidayCalendar): boolean {
  const weekday = new Date(msOf(date)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const holidays = calendar.holidaysIn(Number(date.slice(0, 4)));
  if (!holidays) throw new ClockError('calendar.error.yearNotCovered', { year: Number(date.slice(0, 4)) });
  return !holidays.has(date);
}

function plainBetween(from: string, to: string, calendar: HolidayCalendar): number {
  if (to < from) return -plainBetween(to, from, calendar);
  let count = 0;
  for (let ms = msOf(from) + dayMs; ms <= msOf(to); ms += dayMs) if (plainIsWorkingDay(dateOf(ms), calendar)) count += 1;
  return count;
}

function plainAdd(date: string, days: number, calendar: HolidayCalendar): string {
  const step = days < 0 ? -1 : 1;
  let ms = msOf(date);
  for (let left = Math.abs(days); left > 0; ) {
    ms += step * dayMs;
    if (plainIsWorkingDay(dateOf(ms), calendar)) left -= 1;
  }
  return dateOf(ms);
}

const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });
function plainBrusselsDate(ms: number): string {
  const parts = intl.formatToParts(new Date(ms));
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The outcome of a call: its value, or the code and params of the ClockError it threw. */
function outcome(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    if (error instanceof ClockError) return { code: error.code, params: error.params };
    throw error;
  }
}

describe('day arithmetic of the clocks, against the plain day-by-day rule', () => {
  const next = random(16);
  const first = msOf('2015-01-01');
  const span = msOf('2045-12-31') - first;
  const someDate = (): string => dateOf(first + Math.floor(next() * (span / dayMs)) * dayMs);

  it('given 3,000 pairs of dates over 2015–2045 (up to four years apart, both directions), when counting working days, then the count is the plain count', () => {
    for (let i = 0; i < 3000; i++) {
      const from = someDate();
      const to = dateOf(msOf(from) + Math.round((next() - 0.5) * (i % 10 === 0 ? 2900 : 120)) * dayMs);
      if (to < '2015-01-01' || to > '2045-12-31') continue;
      expect([from, to, workingDaysBetween(from, to, generatedHolidayCalendar)]).toEqual([from, to, plainBetween(from, to, generatedHolidayCalendar)]);
    }
  });

  it('given 3,000 dates and day counts (−400 to 400), when adding working days, then the date is the plain date', () => {
    for (let i = 0; i < 3000; i++) {
      const from = dateOf(msOf('2016-01-01') + Math.floor(next() * 28 * 365) * dayMs);
      const days = Math.round((next() - 0.5) * (i % 10 === 0 ? 800 : 60));
      expect([from, days, addWorkingDays(from, days, generatedHolidayCalendar)]).toEqual([from, days, plainAdd(from, days, generatedHolidayCalendar)]);
    }
  });

  it('given a calendar that lacks years, when counting or adding across them, then it throws exactly when and with the year the plain rule does', () => {
    // 2026 and 2028 covered, 2027 not; the holidays of 2026 and 2028 as the generated table has them.
    const dates = [2026, 2028].flatMap((year) => [...(generatedHolidayCalendar.holidaysIn(year) ?? [])]);
    const gappy: HolidayCalendar = {
      holidaysIn: (year) => (year === 2027 ? undefined : fixedHolidayCalendar(dates, { first: 2026, last: 2028 }).holidaysIn(year))
    };
    const cases: [string, string][] = [
      ['2026-12-30', '2027-01-04'],
      ['2026-12-30', '2026-12-31'],
      ['2027-12-31', '2028-01-03'],
      ['2028-01-01', '2027-12-30'],
      ['2026-12-31', '2028-01-05'],
      ['2025-12-31', '2026-01-02'],
      ['2027-01-02', '2027-01-03'] // Saturday and Sunday of the missing year: no weekday counted, no question asked
    ];
    for (const [from, to] of cases) {
      expect([from, to, outcome(() => workingDaysBetween(from, to, gappy))]).toEqual([from, to, outcome(() => plainBetween(from, to, gappy))]);
    }
    for (const [from, days] of [['2026-12-30', 1], ['2026-12-30', 2], ['2026-12-31', 1], ['2028-01-03', -1], ['2028-01-04', -1], ['2026-06-01', 0]] as const) {
      expect([from, days, outcome(() => addWorkingDays(from, days, gappy))]).toEqual([from, days, outcome(() => plainAdd(from, days, gappy))]);
    }
  });

  it('given every quarter hour of the days summer and winter time start (2024–2027) and 5,000 instants over 2015–2045, when taking the Brussels date, then it is the date Intl gives', () => {
    const transitions = ['2024-03-31', '2024-10-27', '2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'];
    for (const day of transitions) {
      for (let ms = msOf(day) - dayMs; ms < msOf(day) + 2 * dayMs; ms += 15 * 60_000) {
        for (const at of [ms - 1, ms]) expect([at, brusselsDate(new Date(at).toISOString())]).toEqual([at, plainBrusselsDate(at)]);
      }
    }
    for (let i = 0; i < 5000; i++) {
      const at = first + Math.floor(next() * span);
      expect([at, brusselsDate(new Date(at).toISOString())]).toEqual([at, plainBrusselsDate(at)]);
    }
    // Other spellings of an instant (an offset, no milliseconds) are read too.
    expect(brusselsDate('2026-06-30T23:30:00+01:00')).toBe('2026-07-01');
    expect(brusselsDate('2026-12-31T22:59:59Z')).toBe('2026-12-31');
    expect(() => brusselsDate('gisteren')).toThrow(RangeError);
    expect(() => workingDaysBetween('gisteren', '2026-01-05', generatedHolidayCalendar)).toThrow(RangeError);
    expect(() => addWorkingDays('gisteren', 1, generatedHolidayCalendar)).toThrow(RangeError);
  });
});

describe('dossierClock remembers the last clock of a history', () => {
  const facts = factsOf([
    ['intake', '2026-03-02T09:00:00.000Z'],
    ['preliminary', '2026-03-03T09:00:00.000Z']
  ]);

  it('given the same history, settings, calendar and now, when asked again, then it returns the same clock', () => {
    const clock = dossierClock(facts, defaultProcedureSettings, generatedHolidayCalendar, '2026-03-20T09:00:00.000Z');
    expect(dossierClock({ ...facts }, defaultProcedureSettings, generatedHolidayCalendar, '2026-03-20T09:00:00.000Z')).toBe(clock);
  });

  it('given the same history with another now, settings, calendar, state or reference, when asked, then the clock is computed for those', () => {
    const now = '2026-03-20T09:00:00.000Z';
    const clock = dossierClock(facts, defaultProcedureSettings, generatedHolidayCalendar, now);
    expect(clock.current).toMatchObject({ phase: 'preliminary', usedDays: 13, overdue: true });
    expect(dossierClock(facts, defaultProcedureSettings, generatedHolidayCalendar, '2026-03-10T09:00:00.000Z').current).toMatchObject({ usedDays: 5, overdue: false });
    const longer = { ...defaultProcedureSettings, phases: { ...defaultProcedureSettings.phases, preliminary: { ...defaultProcedureSettings.phases.preliminary, days: 20 } } };
    expect(dossierClock(facts, longer, generatedHolidayCalendar, now).current).toMatchObject({ usedDays: 13, overdue: false });
    const allHolidays = fixedHolidayCalendar(['2026-03-16', '2026-03-17'], { first: 2026, last: 2026 });
    expect(dossierClock(facts, defaultProcedureSettings, allHolidays, now).current).toMatchObject({ usedDays: 11 });
    expect(() => dossierClock({ ...facts, state: 'intake' }, defaultProcedureSettings, generatedHolidayCalendar, now)).toThrow(ClockError);
    expect(() => dossierClock({ ...facts, reference: 'VSA-2026-0002', stateHistory: [] }, defaultProcedureSettings, generatedHolidayCalendar, now)).toThrow(ClockError);
    // and back: the first question's answer again
    expect(dossierClock(facts, defaultProcedureSettings, generatedHolidayCalendar, now).current).toEqual(clock.current);
  });
});
