import { clockStatus, defaultProcedureSettings, fixedHolidayCalendar, generatedHolidayCalendar, replay } from '../../../src/domain';
import type { Dossier } from '../../../src/domain';
import { eventsIn } from '../support/paths';
import { factsOf } from './support';

const settings = defaultProcedureSettings;
const calendar = generatedHolidayCalendar;

describe('clockStatus: what the register, panel and approvals card show', () => {
  it('given a dossier under review, when 31 calendar days passed, then the phase deadline is 1 day overdue', () => {
    const facts = factsOf([['underReview', '2026-09-01T08:00:00.000Z']]);
    expect(clockStatus(facts, settings, calendar, '2026-10-01T08:00:00.000Z')).toMatchObject({ kind: 'phase', dueOn: '2026-10-01', overdue: false, overdueDays: 0, vsaDays: 30 });
    expect(clockStatus(facts, settings, calendar, '2026-10-02T08:00:00.000Z')).toMatchObject({ kind: 'phase', overdue: true, overdueDays: 1, current: { phase: 'review', side: 'vsa' } });
  });

  it('given a delivered standard protocol, when its end date nears, then the protocol-end reminder is due 60 days before (the chain end date when given)', () => {
    const dossier = replay(eventsIn('delivered')) as Dossier;
    expect(dossier.protocolEndDate).toBe('2028-02-29');
    expect(clockStatus(dossier, settings, calendar, '2027-12-30T12:00:00.000Z')).toMatchObject({ kind: 'protocolEnd', dueOn: '2027-12-31', overdue: false, protocolEndDate: '2028-02-29' });
    expect(clockStatus(dossier, settings, calendar, '2028-01-10T12:00:00.000Z')).toMatchObject({ kind: 'protocolEnd', overdue: true, overdueDays: 10 });
    expect(clockStatus(dossier, settings, calendar, '2028-01-10T12:00:00.000Z', { protocolEndDate: '2029-02-28' })).toMatchObject({ overdue: false });
  });

  it('given a published protocol, when delivery is not yet late but the reminder is, then the reminder is shown', () => {
    const dossier = replay(eventsIn('published')) as Dossier;
    const status = clockStatus(dossier, { ...settings, phases: { ...settings.phases, delivery: { phase: 'delivery', days: 5000, unit: 'calendar', escalateAfterDays: 0 } } }, calendar, '2028-01-10T12:00:00.000Z');
    expect(status).toMatchObject({ kind: 'protocolEnd', overdue: true, current: { phase: 'delivery', overdue: false } });
  });

  it('given a final state, when asking, then no deadline applies', () => {
    const status = clockStatus(replay(eventsIn('rejected')) as Dossier, settings, calendar, '2030-01-01T00:00:00.000Z');
    expect(status.kind).toBeUndefined();
    expect(status.overdue).toBe(false);
  });

  it('given a broken history or a year the calendar lacks, when asking, then the status carries the problem and no deadline', () => {
    const broken = { ...factsOf([['intake', '2026-01-01T00:00:00.000Z']]), state: 'preliminary' as const };
    expect(clockStatus(broken, settings, calendar, '2026-02-01T00:00:00.000Z')).toEqual({ overdue: false, overdueDays: 0, problem: { code: 'clock.error.brokenHistory', params: { reference: 'VSA-2026-0001', reason: 'missingEntry' } } });
    const intake = factsOf([['intake', '2026-12-30T00:00:00.000Z']]);
    expect(clockStatus(intake, settings, fixedHolidayCalendar([], { first: 2026, last: 2026 }), '2027-01-05T00:00:00.000Z').problem).toEqual({ code: 'calendar.error.yearNotCovered', params: { year: 2027 } });
  });

  it('given a dossier stopped by its protocol\'s revocation, when its phase would be overdue, then no deadline is shown (the reminders\' rule)', () => {
    const facts = factsOf([['underReview', '2026-09-01T08:00:00.000Z']]);
    const later = '2026-12-01T08:00:00.000Z';
    expect(clockStatus(facts, settings, calendar, later).overdue).toBe(true);
    // A pending addendum or request on a revoked protocol (the chain's date), or a row carrying it.
    const stopped = clockStatus(facts, settings, calendar, later, { revokedOn: '2026-10-01' });
    expect(stopped).toMatchObject({ overdue: false, overdueDays: 0, vsaDays: expect.any(Number) });
    expect(stopped.kind).toBeUndefined();
    expect(stopped.current).toBeUndefined();
    expect(clockStatus({ ...facts, revokedOn: '2026-10-01' }, settings, calendar, later).overdue).toBe(false);
  });

  it('given a revoked delivered protocol, when its end date nears, then neither the phase nor the protocol-end reminder is shown', () => {
    const dossier = replay(eventsIn('delivered')) as Dossier;
    const revoked = { ...dossier, revocation: { date: '2027-06-01', reason: 'x', by: dossier.requester.contact as never, at: '2027-06-01T10:00:00Z' } } as Dossier;
    const status = clockStatus(revoked, settings, calendar, '2028-01-10T12:00:00.000Z');
    expect(status.overdue).toBe(false);
    expect(status.kind).toBeUndefined();
  });
});
