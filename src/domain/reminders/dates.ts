/**
 * The few date operations reminders need, on Europe/Brussels calendar dates (`YYYY-MM-DD`). They are the
 * clocks' (src/domain/clocks/workingDays.ts, one rule); reminders only add the weekday of the digest.
 */
import type { IsoDate } from '../types';
import { addCalendarDays, brusselsDate, isoWeekday } from '../clocks/workingDays';

/** The Europe/Brussels calendar date of a moment (the clocks' `brusselsDate`). */
export const brusselsDateOf = brusselsDate;

export { addCalendarDays, isoWeekday };

/** The latest date on or before `date` that falls on `weekday` (ISO 1..7). */
export function latestWeekdayOnOrBefore(date: IsoDate, weekday: number): IsoDate {
  return addCalendarDays(date, -((isoWeekday(date) - weekday + 7) % 7));
}
