import {
  addWorkingDays,
  brusselsDate,
  ClockError,
  daysBetween,
  fixedHolidayCalendar,
  generatedHolidayCalendar,
  isWorkingDay,
  workingDaysBetween
} from '../../../src/domain/clocks';

const calendar = generatedHolidayCalendar;

describe('working days (Europe/Brussels, Belgian and Flemish holidays)', () => {
  it('given 11 July (Flemish Community), when asking whether it is a working day, then it is not', () => {
    expect(isWorkingDay('2025-07-11', calendar)).toBe(false); // a Friday
    expect(isWorkingDay('2025-07-10', calendar)).toBe(true);
  });

  it('given 21 July (national holiday), when counting from the Friday before, then Monday 21 July is skipped', () => {
    // Friday 18 July 2025 → Monday 21 (holiday) → Tuesday 22 July
    expect(addWorkingDays('2025-07-18', 1, calendar)).toBe('2025-07-22');
  });

  it('given Easter Monday 2026 (6 April), when adding one working day to Thursday 2 April, then it is Tuesday 7 April (Good Friday is a working day)', () => {
    expect(addWorkingDays('2026-04-02', 1, calendar)).toBe('2026-04-03');
    expect(addWorkingDays('2026-04-03', 1, calendar)).toBe('2026-04-07');
  });

  it('given a weekend, when counting working days from Friday to Monday, then the weekend does not count', () => {
    expect(workingDaysBetween('2026-11-27', '2026-11-30', calendar)).toBe(1);
    expect(daysBetween('2026-11-27', '2026-11-30', 'calendar', calendar)).toBe(3);
    expect(addWorkingDays('2026-11-27', 1, calendar)).toBe('2026-11-30');
  });

  it('given working days backwards, when subtracting, then it mirrors adding', () => {
    expect(addWorkingDays('2025-07-22', -1, calendar)).toBe('2025-07-18');
    expect(workingDaysBetween('2025-07-22', '2025-07-18', calendar)).toBe(-1);
  });

  it('given an instant late in the evening UTC, when taking its Brussels date, then it is the next day (summer and winter time)', () => {
    expect(brusselsDate('2026-06-30T22:30:00.000Z')).toBe('2026-07-01'); // CEST, UTC+2
    expect(brusselsDate('2026-06-30T21:59:00.000Z')).toBe('2026-06-30');
    expect(brusselsDate('2026-12-31T23:00:00.000Z')).toBe('2027-01-01'); // CET, UTC+1
    expect(brusselsDate('2026-12-31T22:59:59.999Z')).toBe('2026-12-31');
  });

  it('given the night summer time starts (29 March 2026), when counting calendar days across it, then every day counts once', () => {
    expect(brusselsDate('2026-03-29T00:30:00.000Z')).toBe('2026-03-29');
    expect(brusselsDate('2026-03-28T23:30:00.000Z')).toBe('2026-03-29');
    // 00:30 on Saturday 28 March (CET) to 23:30 on Monday 30 March (CEST): 2 days, though 71 hours passed
    expect(brusselsDate('2026-03-27T23:30:00.000Z')).toBe('2026-03-28');
    expect(brusselsDate('2026-03-30T21:30:00.000Z')).toBe('2026-03-30');
    expect(daysBetween(brusselsDate('2026-03-27T23:30:00.000Z'), brusselsDate('2026-03-30T21:30:00.000Z'), 'calendar', calendar)).toBe(2);
    // and the night winter time starts (25 October 2026): 00:30 on the 25th (CEST) is 22:30 UTC the day before
    expect(brusselsDate('2026-10-24T22:30:00.000Z')).toBe('2026-10-25');
    expect(brusselsDate('2026-10-25T23:30:00.000Z')).toBe('2026-10-26');
  });

  it('given a year the calendar lacks, when counting working days in it, then a ClockError names the year', () => {
    const small = fixedHolidayCalendar([], { first: 2026, last: 2026 });
    expect(() => addWorkingDays('2026-12-31', 1, small)).toThrow(ClockError);
    try {
      workingDaysBetween('2026-12-30', '2027-01-04', small);
      throw new Error('expected a ClockError');
    } catch (error) {
      expect(error).toMatchObject({ code: 'calendar.error.yearNotCovered', params: { year: 2027 } });
    }
    expect(generatedHolidayCalendar.holidaysIn(2014)).toBeUndefined();
    expect(generatedHolidayCalendar.holidaysIn(2046)).toBeUndefined();
  });
});
