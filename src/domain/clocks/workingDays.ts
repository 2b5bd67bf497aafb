/**
 * Pure date arithmetic on Europe/Brussels calendar dates (`YYYY-MM-DD`). An instant becomes the date
 * it has on a Brussels wall clock (Intl, so summer time changes are the platform's, not ours); from
 * there on only whole dates are counted, in UTC arithmetic, so no day is ever 23 or 25 hours long.
 * Working days skip Saturday, Sunday and the calendar's holidays; a year the calendar lacks throws
 * `ClockError('calendar.error.yearNotCovered')` instead of guessing.
 */
import type { IsoDate, IsoDateTime } from '../types';
import { ClockError } from './errors';
import type { DayUnit, HolidayCalendar } from './types';

const dayMs = 86_400_000;

let brusselsFormat: Intl.DateTimeFormat | undefined;
function formatter(): Intl.DateTimeFormat {
  brusselsFormat ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });
  return brusselsFormat;
}

/**
 * Dates already computed, by instant: the register computes the clocks of every row again as pages
 * arrive, and Intl is the slow part (a few microseconds a call). Bounded; a pure cache of a pure function.
 */
const dateCache = new Map<string, IsoDate>();
const DATE_CACHE_LIMIT = 20_000;

/** The Europe/Brussels calendar date of an instant. Throws a `RangeError` for an unreadable instant. */
export function brusselsDate(at: IsoDateTime): IsoDate {
  const cached = dateCache.get(at);
  if (cached) return cached;
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${at}`);
  const parts = formatter().formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('year')}-${part('month')}-${part('day')}`;
  if (dateCache.size >= DATE_CACHE_LIMIT) dateCache.clear();
  dateCache.set(at, date);
  return date;
}

const toUtcMs = (date: IsoDate): number => Date.parse(`${date}T00:00:00.000Z`);
const fromUtcMs = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

/** The date `days` calendar days after `date` (before it when negative). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * dayMs);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / dayMs);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = new Date(toUtcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The holidays of a year; throws `calendar.error.yearNotCovered` when the calendar lacks it. */
function holidaysOf(calendar: HolidayCalendar, year: number): ReadonlySet<IsoDate> {
  const holidays = calendar.holidaysIn(year);
  if (!holidays) throw new ClockError('calendar.error.yearNotCovered', { year });
  return holidays;
}

/** True for a Monday to Friday that is not one of the calendar's holidays. */
export function isWorkingDay(date: IsoDate, calendar: HolidayCalendar): boolean {
  if (isoWeekday(date) > 5) return false;
  return !holidaysOf(calendar, Number(date.slice(0, 4))).has(date);
}

/**
 * The date `days` working days after `date` (before it when negative): every step lands on a working
 * day, so the result is a working day unless `days` is 0 (then `date` itself).
 */
export function addWorkingDays(date: IsoDate, days: number, calendar: HolidayCalendar): IsoDate {
  const step = days < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(days); left > 0; ) {
    current = addCalendarDays(current, step);
    if (isWorkingDay(current, calendar)) left -= 1;
  }
  return current;
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let current = addCalendarDays(from, 1); current <= to; current = addCalendarDays(current, 1)) {
    if (isWorkingDay(current, calendar)) count += 1;
  }
  return count;
}

/** `days` days of `unit` after `date`. */
export function addDays(date: IsoDate, days: number, unit: DayUnit, calendar: HolidayCalendar): IsoDate {
  return unit === 'working' ? addWorkingDays(date, days, calendar) : addCalendarDays(date, days);
}

/** Days of `unit` from `from` to `to`: the day of `from` does not count, the day of `to` does. */
export function daysBetween(from: IsoDate, to: IsoDate, unit: DayUnit, calendar: HolidayCalendar): number {
  return unit === 'working' ? workingDaysBetween(from, to, calendar) : calendarDaysBetween(from, to);
}
