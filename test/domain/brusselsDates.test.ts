import * as clocks from '../../src/domain/clocks/workingDays';
import * as lifecycle from '../../src/domain/lifecycle';
import * as reminders from '../../src/domain/reminders';

/** The Europe/Brussels date and calendar-day arithmetic is one rule (src/domain/clocks/workingDays.ts). */
describe('Brussels dates: one rule for the clocks, the lifecycle and the reminders', () => {
  it('the lifecycle and the reminders use the clocks’ functions, not copies of them', () => {
    expect(lifecycle.brusselsDate).toBe(clocks.brusselsDate);
    expect(lifecycle.addCalendarDays).toBe(clocks.addCalendarDays);
    expect(reminders.brusselsDateOf).toBe(clocks.brusselsDate);
    expect(reminders.addCalendarDays).toBe(clocks.addCalendarDays);
    expect(reminders.isoWeekday).toBe(clocks.isoWeekday);
  });

  it('given the night of the summer-time change, then every one gives the same Brussels date', () => {
    for (const at of ['2026-03-28T23:30:00Z', '2026-03-29T00:30:00Z', '2026-10-24T22:30:00Z', '2026-10-25T22:59:59Z', '2026-12-31T23:00:00Z']) {
      expect([lifecycle.brusselsDate(at), reminders.brusselsDateOf(at)]).toEqual([clocks.brusselsDate(at), clocks.brusselsDate(at)]);
    }
    expect(clocks.brusselsDate('2026-12-31T23:00:00Z')).toBe('2027-01-01');
  });
});
