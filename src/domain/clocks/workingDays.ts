/**
 * Pure date arithmetic on Europe/Brussels calendar dates (`YYYY-MM-DD`). An instant becomes the date
 * it has on a Brussels wall clock (Intl, so summer time changes are the platform's, not ours); from
 * there on only whole dates are counted, in UTC arithmetic, so no day is ever 23 or 25 hours long.
 * Working days skip Saturday, Sunday and the calendar's holidays; a year the calendar lacks throws
 * `ClockError('calendar.error.yearNotCovered')` instead of guessing.
 *
 * Speed (bench/clocks.bench.ts; the register computes the clock of every row as pages arrive): dates
 * are counted as day numbers (days since 1970-01-01), working days by arithmetic over whole weeks
 * minus the holidays in range instead of day by day, and Intl is asked for Brussels' UTC offset once
 * per UTC day instead of once per instant. (A cache of instants was tried: on a register seen for the
 * first time its inserts cost more than parsing; `dossierClock` remembers whole clocks instead.)
 */
import type { IsoDate, IsoDateTime } from '../types';
import { ClockError } from './errors';
import type { DayUnit, HolidayCalendar } from './types';

const dayMs = 86_400_000;

let brusselsFormat: Intl.DateTimeFormat | undefined;
function formatter(): Intl.DateTimeFormat {
  brusselsFormat ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23'
  });
  return brusselsFormat;
}

/** Brussels' offset from UTC at an instant, in ms (the wall clock minus UTC, to the second). */
function offsetAt(ms: number): number {
  const parts = formatter().formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * Brussels' offset for every instant of a UTC day, by day number; `undefined` in the map's value when
 * the offset changes during that day (the night summer or winter time starts), then each instant asks.
 * The offset is the same all day when it is the same at the day's first and last second: a zone never
 * changes its offset twice within a day. Bounded; a pure cache of a pure function.
 */
const offsetOfDay = new Map<number, number | undefined>();
const CACHE_LIMIT = 50_000;

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

/** The day number (days since 1970-01-01) of the Europe/Brussels date of an instant given in ms. */
export function brusselsDayOf(ms: number): number {
  const utcDay = Math.floor(ms / dayMs);
  let offset = offsetOfDay.get(utcDay);
  if (offset === undefined && !offsetOfDay.has(utcDay)) {
    const first = offsetAt(utcDay * dayMs);
    offset = remember(offsetOfDay, utcDay, first === offsetAt(utcDay * dayMs + dayMs - 1000) ? first : undefined);
  }
  return Math.floor((ms + (offset ?? offsetAt(ms))) / dayMs);
}

/**
 * The instant of a Europe/Brussels wall-clock time (`2026-07-13` = that day's midnight, or
 * `2026-07-13T09:30[:00[.000]]` without a zone); `undefined` for anything else or a date that does not
 * exist (`2026-02-30`). A time skipped by summer time resolves with the offset before the change. So
 * that a moment typed without a zone means the same everywhere: the VSA's time, not the host's.
 */
export function brusselsWallTimeToInstant(local: string): IsoDateTime | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(local);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((value) => (value === undefined ? 0 : Number(value)));
  const millis = match[7] ? Number(match[7].padEnd(3, '0')) : 0;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  // The offset at the wall time read as UTC is right or one hour off; asking again at the corrected instant settles it.
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first)).toISOString();
}

/** The Europe/Brussels calendar date of an instant. Throws a `RangeError` for an unreadable instant. */
export function brusselsDate(at: IsoDateTime): IsoDate {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${at}`);
  return dateOfDay(brusselsDayOf(ms));
}

/** Day numbers of dates and dates of day numbers, remembered (a register holds about a thousand distinct dates). */
const dayOfDate = new Map<string, number>();
const dateOfDayNumber = new Map<number, IsoDate>();

/** The day number of a date (days since 1970-01-01); NaN for an unreadable date. */
export function dayOf(date: IsoDate): number {
  const known = dayOfDate.get(date);
  if (known !== undefined) return known;
  const day = Date.parse(`${date}T00:00:00.000Z`) / dayMs;
  return Number.isNaN(day) ? day : remember(dayOfDate, date, day);
}

/** The date of a day number. Throws a `RangeError` for NaN (an unreadable date upstream). */
export function dateOfDay(day: number): IsoDate {
  const known = dateOfDayNumber.get(day);
  if (known !== undefined) return known;
  return remember(dateOfDayNumber, day, new Date(day * dayMs).toISOString().slice(0, 10));
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (day 0, 1 January 1970, was a Thursday). */
const weekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** Monday to Friday among the day numbers before `day` (counted from Monday 29 December 1969; any day works). */
function weekdaysBefore(day: number): number {
  const sinceMonday = day + 3;
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7, 5);
}

/** The UTC year of a day number, and the day numbers of its first and last day (the last one asked for is kept). */
let lastYear = { year: 1970, first: 0, last: 364 };
function yearOf(day: number): { readonly year: number; readonly first: number; readonly last: number } {
  if (day >= lastYear.first && day <= lastYear.last) return lastYear;
  const year = new Date(day * dayMs).getUTCFullYear();
  lastYear = { year, first: Date.UTC(year, 0, 1) / dayMs, last: Date.UTC(year + 1, 0, 1) / dayMs - 1 };
  return lastYear;
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return dateOfDay(dayOf(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return dayOf(to) - dayOf(from);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return weekdayOf(dayOf(date));
}

/** The holidays of a year; throws `calendar.error.yearNotCovered` when the calendar lacks it. */
function holidaysOf(calendar: HolidayCalendar, year: number): ReadonlySet<IsoDate> {
  const holidays = calendar.holidaysIn(year);
  if (!holidays) throw new ClockError('calendar.error.yearNotCovered', { year });
  return holidays;
}

/** The day numbers of a holiday set's Mondays to Fridays (the only holidays that change a count), by set. */
const weekdayHolidays = new WeakMap<ReadonlySet<IsoDate>, ReadonlySet<number>>();
function weekdayHolidaysOf(holidays: ReadonlySet<IsoDate>): ReadonlySet<number> {
  let days = weekdayHolidays.get(holidays);
  if (!days) {
    days = new Set([...holidays].map(dayOf).filter((day) => !Number.isNaN(day) && weekdayOf(day) <= 5));
    weekdayHolidays.set(holidays, days);
  }
  return days;
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
  let current = dayOf(date);
  if (days === 0) return date;
  if (Number.isNaN(current)) return addCalendarDays(date, step); // throws the RangeError of an unreadable date
  let year = yearOf(current);
  let holidays: ReadonlySet<number> | undefined;
  for (let left = Math.abs(days); left > 0; ) {
    current += step;
    if (weekdayOf(current) > 5) continue;
    if (current < year.first || current > year.last) {
      year = yearOf(current);
      holidays = undefined;
    }
    // The year's holidays are asked for when a weekday of it is reached (a year it lacks throws then).
    holidays ??= weekdayHolidaysOf(holidaysOf(calendar, year.year));
    if (!holidays.has(current)) left -= 1;
  }
  return dateOfDay(current);
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). Throws a `RangeError` for an unreadable date. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: HolidayCalendar): number {
  if (to < from) return -workingDaysBetween(to, from, calendar);
  const fromDay = dayOf(from);
  const toDay = dayOf(to);
  if (Number.isNaN(fromDay) || Number.isNaN(toDay)) dateOfDay(Number.NaN); // throws the RangeError of an unreadable date
  return workingDaysAfter(fromDay, toDay, calendar);
}

/** Working days after day number `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysAfter(from: number, to: number, calendar: HolidayCalendar): number {
  const first = from + 1;
  const last = to;
  let count = 0;
  // Year by year: the weekdays in range, minus the year's holidays on them (asked for only when the
  // range holds a weekday of that year, so a year the calendar lacks throws exactly when it counts).
  for (let start = first; start <= last; ) {
    const year = yearOf(start);
    const end = Math.min(last, year.last);
    const weekdays = weekdaysBefore(end + 1) - weekdaysBefore(start);
    if (weekdays > 0) {
      count += weekdays;
      for (const holiday of weekdayHolidaysOf(holidaysOf(calendar, year.year))) if (holiday >= start && holiday <= end) count -= 1;
    }
    start = end + 1;
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
