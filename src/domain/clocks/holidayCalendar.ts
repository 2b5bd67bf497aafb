/**
 * Holiday calendars for the web parts: the generated table (no library in the bundle), and a
 * calendar from explicit dates (tests, fixed setups).
 */
import type { IsoDate } from '../types';
import { belgianHolidays, holidayYears } from './belgianHolidays';
import { defaultProcedureSettings } from './defaults';
import type { ClockSetup } from './status';
import type { HolidayCalendar } from './types';

const cache = new Map<number, ReadonlySet<IsoDate>>();

/** The Belgian and Flemish non-working days of the generated table; `undefined` outside its years. */
export const generatedHolidayCalendar: HolidayCalendar = {
  holidaysIn(year: number): ReadonlySet<IsoDate> | undefined {
    if (!Number.isInteger(year) || year < holidayYears.first || year > holidayYears.last) return undefined;
    let days = cache.get(year);
    if (!days) {
      days = new Set((belgianHolidays[year] ?? []).map((monthDay) => `${year}-${monthDay}`));
      cache.set(year, days);
    }
    return days;
  }
};

/** A calendar of the given dates over the given years (a year outside them is not covered). */
export function fixedHolidayCalendar(dates: readonly IsoDate[], years: { first: number; last: number }): HolidayCalendar {
  return {
    holidaysIn(year: number): ReadonlySet<IsoDate> | undefined {
      if (year < years.first || year > years.last) return undefined;
      return new Set(dates.filter((date) => date.startsWith(`${year}-`)));
    }
  };
}

/** The default setup of a web part: the default settings and the generated holiday table. */
export const defaultClockSetup: ClockSetup = { settings: defaultProcedureSettings, calendar: generatedHolidayCalendar };
