import {
  addCalendarDays,
  ClockError,
  defaultProcedureSettings,
  dossierClock,
  fixedHolidayCalendar,
  generatedHolidayCalendar,
  protocolEndReminderOn
} from '../../../src/domain/clocks';
import type { ClockFacts, ProcedureSettings } from '../../../src/domain/clocks';
import { factsOf } from './support';

const calendar = generatedHolidayCalendar;
const settings = defaultProcedureSettings;

function clockError(run: () => unknown): ClockError {
  try {
    run();
  } catch (error) {
    if (error instanceof ClockError) return error;
    throw error;
  }
  throw new Error('expected a ClockError');
}

describe('dossierClock', () => {
  const reviewedTwice = factsOf([
    ['intake', '2026-01-02T09:00:00.000Z'],
    ['preliminary', '2026-01-03T09:00:00.000Z'],
    ['formsRequested', '2026-01-04T09:00:00.000Z'],
    ['underReview', '2026-01-05T09:00:00.000Z'],
    ['returnedForChanges', '2026-01-30T09:00:00.000Z'],
    ['underReview', '2026-02-20T09:00:00.000Z']
  ]);

  it('given 25 VSA days of review, a return and 10 more VSA days, when computing the clock, then 35 days are used and the review is 5 days overdue against 30', () => {
    const clock = dossierClock(reviewedTwice, settings, calendar, '2026-03-02T09:00:00.000Z');
    expect(clock.current).toMatchObject({
      phase: 'review',
      side: 'vsa',
      startedAt: '2026-02-20T09:00:00.000Z',
      usedDays: 35,
      dueOn: '2026-02-25',
      overdue: true,
      overdueDays: 5,
      escalationOn: '2026-03-07',
      escalated: false
    });
    expect(clock.vsaDays).toBe(1 + 1 + 25 + 10);
    expect(clock.requesterDays).toBe(1 + 21);
    expect(clock.segments.map((s) => [s.phase, s.side, s.days])).toEqual([
      ['intake', 'vsa', 0], // working days: Friday 2 to Saturday 3 January
      ['preliminary', 'vsa', 0], // Saturday to Sunday
      ['formsRequested', 'requester', 1],
      ['review', 'vsa', 25],
      ['returnedForChanges', 'requester', 21],
      ['review', 'vsa', 10]
    ]);
  });

  it('given the review paused while returned, when the requester holds the dossier, then the review clock does not run and the requester phase restarts its own clock', () => {
    const returned = factsOf([
      ['underReview', '2026-01-05T09:00:00.000Z'],
      ['returnedForChanges', '2026-01-30T09:00:00.000Z'],
      ['underReview', '2026-02-20T09:00:00.000Z'],
      ['returnedForChanges', '2026-02-23T09:00:00.000Z']
    ]);
    const clock = dossierClock(returned, settings, calendar, '2026-02-28T09:00:00.000Z');
    expect(clock.current).toMatchObject({ phase: 'returnedForChanges', side: 'requester', usedDays: 5, overdue: false, dueOn: '2026-04-24' });
    expect(clock.vsaDays).toBe(28);
  });

  it('given the escalation period, when the dossier stays overdue in a phase counted in working days, then it escalates on escalationOn (11 July skipped)', () => {
    // intake: 5 working days, escalation 3 working days later; Friday 11 July 2025 is a holiday
    const intake = factsOf([['intake', '2025-07-07T08:00:00.000Z']]);
    const at = (now: string) => dossierClock(intake, settings, calendar, now).current;
    expect(at('2025-07-15T15:00:00.000Z')).toMatchObject({ usedDays: 5, dueOn: '2025-07-15', escalationOn: '2025-07-18', overdue: false, escalated: false });
    expect(at('2025-07-17T15:00:00.000Z')).toMatchObject({ usedDays: 7, overdue: true, overdueDays: 2, escalated: false });
    expect(at('2025-07-18T15:00:00.000Z')).toMatchObject({ usedDays: 8, escalated: true });
    expect(at('2025-07-21T15:00:00.000Z')).toMatchObject({ usedDays: 8, escalated: true }); // 21 July: no working day
  });

  it('given a phase crossing New Year in working days, when counting, then Christmas, Boxing Day, the weekends and New Year are skipped', () => {
    const preliminary = factsOf([
      ['intake', '2026-12-21T09:00:00.000Z'],
      ['preliminary', '2026-12-22T09:00:00.000Z']
    ]);
    expect(dossierClock(preliminary, settings, calendar, '2027-01-07T12:00:00.000Z').current).toMatchObject({ usedDays: 10, dueOn: '2027-01-07', overdue: false });
    expect(dossierClock(preliminary, settings, calendar, '2027-01-08T12:00:00.000Z').current).toMatchObject({ usedDays: 11, overdue: true, overdueDays: 1 });
  });

  it('given a calendar without the next year, when the phase crosses New Year in working days, then calendar.error.yearNotCovered names that year', () => {
    const preliminary = factsOf([['preliminary', '2026-12-22T09:00:00.000Z']]);
    const only2026 = fixedHolidayCalendar(['2026-12-25'], { first: 2026, last: 2026 });
    expect(clockError(() => dossierClock(preliminary, settings, only2026, '2027-01-08T12:00:00.000Z'))).toMatchObject({ code: 'calendar.error.yearNotCovered', params: { year: 2027 } });
  });

  it('given the change to winter time, when a calendar-day review starts just after midnight Brussels time, then days follow Brussels dates', () => {
    const review = factsOf([['underReview', '2026-10-01T22:30:00.000Z']]); // 2 October, 00:30 CEST
    expect(dossierClock(review, settings, calendar, '2026-11-01T22:30:00.000Z').current).toMatchObject({ usedDays: 30, dueOn: '2026-11-01', overdue: false }); // 23:30 CET
    expect(dossierClock(review, settings, calendar, '2026-11-01T23:30:00.000Z').current).toMatchObject({ usedDays: 31, overdue: true, overdueDays: 1 }); // 00:30 on 2 November
  });

  it('given delivered, a final state or closed, when computing the clock, then no phase clock runs and the history still counts', () => {
    const delivered = factsOf([
      ['published', '2026-05-01T09:00:00.000Z'],
      ['delivered', '2026-05-11T09:00:00.000Z']
    ]);
    const clock = dossierClock(delivered, settings, calendar, '2026-08-01T09:00:00.000Z');
    expect(clock.current).toBeUndefined();
    expect(clock.vsaDays).toBe(10);
    const closed = factsOf([
      ['delivered', '2026-05-11T09:00:00.000Z'],
      ['closed', '2027-05-11T09:00:00.000Z']
    ]);
    expect(dossierClock(closed, settings, calendar, '2027-06-01T09:00:00.000Z')).toEqual({ vsaDays: 0, requesterDays: 0, segments: [] });
  });

  it('given settings in working days for review, when the review runs, then its clock counts working days', () => {
    const working: ProcedureSettings = { ...settings, phases: { ...settings.phases, review: { phase: 'review', days: 2, unit: 'working', escalateAfterDays: 1 } } };
    const review = factsOf([['underReview', '2026-07-09T09:00:00.000Z']]); // Thursday; Friday 10, (Sat 11 July), Monday 13
    expect(dossierClock(review, working, calendar, '2026-07-13T09:00:00.000Z').current).toMatchObject({ usedDays: 2, dueOn: '2026-07-13', escalationOn: '2026-07-14', overdue: false });
  });

  it('given a browser clock a little behind a fresh event, when computing, then now is read as the event\'s time; further behind stays an error', () => {
    const fresh = factsOf([['intake', '2026-06-01T00:00:00.000Z'], ['preliminary', '2026-06-01T10:00:00.000Z']]);
    expect(dossierClock(fresh, settings, calendar, '2026-06-01T09:57:00.000Z').current).toMatchObject({ phase: 'preliminary', usedDays: 0, overdue: false });
    expect(dossierClock(fresh, settings, calendar, '2026-06-01T09:55:00.000Z').current).toMatchObject({ phase: 'preliminary', usedDays: 0 });
    expect(() => dossierClock(fresh, settings, calendar, '2026-06-01T09:54:59.000Z')).toThrow(expect.objectContaining({ params: expect.objectContaining({ reason: 'nowBeforeStart' }) }));
  });

  describe('a broken history', () => {
    const cases: [string, ClockFacts, string][] = [
      ['segments out of order', factsOf([['intake', '2026-02-01T00:00:00.000Z'], ['preliminary', '2026-01-01T00:00:00.000Z']]), 'order'],
      ['a missing entry (last entry is not the current state)', { ...factsOf([['intake', '2026-01-01T00:00:00.000Z']]), state: 'preliminary' }, 'missingEntry'],
      ['an unknown state', factsOf([['intake', '2026-01-01T00:00:00.000Z'], ['lost', '2026-01-02T00:00:00.000Z']]), 'unknownState'],
      ['now before the start', factsOf([['intake', '2026-06-01T00:00:00.000Z']]), 'nowBeforeStart'],
      ['no history at all', { reference: 'VSA-2026-0001', state: 'intake', stateSince: '2026-01-01T00:00:00.000Z', stateHistory: [] }, 'empty'],
      [
        'a gap between leaving a state and entering the next',
        {
          reference: 'VSA-2026-0001',
          state: 'preliminary',
          stateSince: '2026-01-05T00:00:00.000Z',
          stateHistory: [
            { state: 'intake', enteredAt: '2026-01-01T00:00:00.000Z', leftAt: '2026-01-02T00:00:00.000Z' },
            { state: 'preliminary', enteredAt: '2026-01-05T00:00:00.000Z' }
          ]
        },
        'gap'
      ]
    ];
    it.each(cases)('given %s, when computing the clock, then clock.error.brokenHistory is thrown', (_name, facts, reason) => {
      expect(clockError(() => dossierClock(facts, settings, calendar, '2026-03-01T00:00:00.000Z'))).toMatchObject({
        code: 'clock.error.brokenHistory',
        params: { reference: 'VSA-2026-0001', reason }
      });
    });
  });

  it('given a protocol ending on 1 March 2028, when asking for its reminder, then it is due 60 calendar days before', () => {
    expect(protocolEndReminderOn('2028-03-01', settings)).toBe('2028-01-01');
    expect(protocolEndReminderOn('2028-03-01', { ...settings, protocolEndReminderDays: 1 })).toBe(addCalendarDays('2028-03-01', -1));
  });
});
