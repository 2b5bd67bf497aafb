/**
 * The clocks of one dossier from its state history: one segment per stay in a phase, the calendar
 * days on the VSA and requester sides, and the running deadline of the current phase. `review` adds
 * up the VSA days of every version's review (paused while the requester has the dossier); every
 * other phase restarts at each entry. Dates are Europe/Brussels dates; a day counts when it is
 * reached (the day of entry does not).
 */
import type { IsoDate, IsoDateTime, StateHistoryEntry } from '../types';
import { ClockError } from './errors';
import { cumulativePhases, isClockState, phaseOfState, sideOfPhase } from './phases';
import type { ClockFacts, DossierClock, HolidayCalendar, PhaseClock, PhaseSegment, ProcedureSettings } from './types';
import { addDays, brusselsDate, calendarDaysBetween, daysBetween } from './workingDays';

const broken = (reference: string, reason: string): ClockError => new ClockError('clock.error.brokenHistory', { reference, reason });

interface Stay {
  readonly entry: StateHistoryEntry;
  readonly end?: IsoDateTime;
}

/** The history's stays, checked: known states, in time order, no gap, ending in the current state, not after `now`. */
function staysOf(facts: ClockFacts, now: IsoDateTime): Stay[] {
  const history = facts.stateHistory;
  const nowMs = Date.parse(now);
  if (Number.isNaN(nowMs)) throw broken(facts.reference, 'now');
  if (history.length === 0) throw broken(facts.reference, 'empty');
  const stays: Stay[] = [];
  history.forEach((entry, index) => {
    if (!isClockState(entry.state)) throw broken(facts.reference, 'unknownState');
    const at = Date.parse(entry.enteredAt);
    if (Number.isNaN(at)) throw broken(facts.reference, 'time');
    const next = history[index + 1];
    if (next) {
      const nextAt = Date.parse(next.enteredAt);
      if (Number.isNaN(nextAt) || nextAt < at) throw broken(facts.reference, 'order');
      if (entry.leftAt !== undefined && Date.parse(entry.leftAt) !== nextAt) throw broken(facts.reference, 'gap');
    }
    stays.push({ entry, end: next?.enteredAt });
  });
  const last = history[history.length - 1];
  if (last.state !== facts.state) throw broken(facts.reference, 'missingEntry');
  if (Date.parse(last.enteredAt) > nowMs || Date.parse(history[0].enteredAt) > nowMs) throw broken(facts.reference, 'nowBeforeStart');
  return stays;
}

/**
 * The clocks of a dossier at `now`. Throws `ClockError` (`clock.error.brokenHistory`,
 * `calendar.error.yearNotCovered`); nothing is guessed.
 */
export function dossierClock(facts: ClockFacts, settings: ProcedureSettings, calendar: HolidayCalendar, now: IsoDateTime): DossierClock {
  const stays = staysOf(facts, now);
  const today = brusselsDate(now);
  const segments: PhaseSegment[] = [];
  let vsaDays = 0;
  let requesterDays = 0;
  for (const { entry, end } of stays) {
    const phase = phaseOfState(entry.state);
    if (!phase) continue;
    const side = sideOfPhase(phase);
    const from = brusselsDate(entry.enteredAt);
    const to = end ? brusselsDate(end) : today;
    const calendarDays = calendarDaysBetween(from, to);
    if (side === 'vsa') vsaDays += calendarDays;
    else requesterDays += calendarDays;
    const days = daysBetween(from, to, settings.phases[phase].unit, calendar);
    segments.push({ phase, side, startedAt: entry.enteredAt, ...(end ? { endedAt: end } : {}), days });
  }
  const last = stays[stays.length - 1];
  const currentSegment = last && !last.end ? segments.find((segment) => segment.startedAt === last.entry.enteredAt && !segment.endedAt) : undefined;
  const current = currentSegment ? phaseClock(currentSegment, segments, settings, calendar, today) : undefined;
  return { vsaDays, requesterDays, ...(current ? { current } : {}), segments };
}

function phaseClock(segment: PhaseSegment, segments: readonly PhaseSegment[], settings: ProcedureSettings, calendar: HolidayCalendar, today: IsoDate): PhaseClock {
  const limit = settings.phases[segment.phase];
  const usedBefore = cumulativePhases.has(segment.phase)
    ? segments.filter((other) => other.phase === segment.phase && other.endedAt !== undefined).reduce((sum, other) => sum + other.days, 0)
    : 0;
  const usedDays = usedBefore + segment.days;
  const start = brusselsDate(segment.startedAt);
  const dueOn = addDays(start, limit.days - usedBefore, limit.unit, calendar);
  const escalationOn = addDays(dueOn, limit.escalateAfterDays, limit.unit, calendar);
  const overdueDays = Math.max(0, usedDays - limit.days);
  const overdue = overdueDays > 0;
  return {
    phase: segment.phase,
    side: segment.side,
    startedAt: segment.startedAt,
    usedDays,
    limit,
    dueOn,
    overdue,
    overdueDays,
    escalationOn,
    escalated: overdue && usedDays >= limit.days + limit.escalateAfterDays
  };
}

/** The day the protocol-end reminder is due: `protocolEndReminderDays` calendar days before the end date. */
export function protocolEndReminderOn(endDate: IsoDate, settings: ProcedureSettings): IsoDate {
  return addDays(endDate, -settings.protocolEndReminderDays, 'calendar', { holidaysIn: () => new Set() });
}
