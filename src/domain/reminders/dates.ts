/**
 * The few date operations reminders need, on Europe/Brussels calendar dates (`YYYY-MM-DD`). The clocks'
 * working-day arithmetic lives in src/domain/clocks; reminders only add calendar days and find weekdays.
 */
import type { IsoDate, IsoDateTime } from '../types';

const brussels = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Europe/Brussels calendar date of a moment. */
export function brusselsDateOf(at: IsoDateTime): IsoDate {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new RangeError(`"${at}" is not a date and time`);
  return brussels.format(new Date(ms));
}

const dayMs = 24 * 60 * 60 * 1000;

function utcMidnight(date: IsoDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** `date` plus `days` calendar days (negative: earlier). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return new Date(utcMidnight(date) + days * dayMs).toISOString().slice(0, 10);
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  const day = new Date(utcMidnight(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The latest date on or before `date` that falls on `weekday` (ISO 1..7). */
export function latestWeekdayOnOrBefore(date: IsoDate, weekday: number): IsoDate {
  return addCalendarDays(date, -((isoWeekday(date) - weekday + 7) % 7));
}
