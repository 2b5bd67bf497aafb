/**
 * The few date operations reminders need, on Europe/Brussels calendar dates (`YYYY-MM-DD`). They are the
 * clocks' (src/domain/clocks/workingDays.ts, one rule); reminders only add the weekday of the digest.
 */
import type { IsoDate } from '../types';
import { addCalendarDays, brusselsDate, calendarDaysBetween, isoWeekday } from '../clocks/workingDays';

/** The Europe/Brussels calendar date of a moment (the clocks' `brusselsDate`). */
export const brusselsDateOf = brusselsDate;

export { addCalendarDays, isoWeekday };

/** The latest date on or before `date` that falls on `weekday` (ISO 1..7). */
export function latestWeekdayOnOrBefore(date: IsoDate, weekday: number): IsoDate {
  return addCalendarDays(date, -((isoWeekday(date) - weekday + 7) % 7));
}

/** The ISO 8601 week of a date, `YYYY-Www` (the week's Thursday decides the year: 2026-12-31 is 2026-W53, 2027-01-04 is 2027-W01). */
export function isoWeekOf(date: IsoDate): string {
  const thursday = addCalendarDays(date, 4 - isoWeekday(date));
  const year = thursday.slice(0, 4);
  const week = Math.floor(calendarDaysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
