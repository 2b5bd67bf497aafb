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
import { addDays, brusselsDate, brusselsDayOf, dateOfDay, workingDaysAfter } from './workingDays';

const broken = (reference: string, reason: string): ClockError => new ClockError('clock.error.brokenHistory', { reference, reason });

interface Stay {
  readonly entry: StateHistoryEntry;
  readonly end?: IsoDateTime;
  /** Europe/Brussels day numbers of the entry and of the end (today while the stay runs). */
  readonly fromDay: number;
  readonly toDay: number;
}

/**
 * The history's stays, checked: known states, in time order, no gap, ending in the current state, not
 * after `now`. Every instant is read once.
 */
function staysOf(facts: ClockFacts, nowMs: number, today: number): Stay[] {
  const history = facts.stateHistory;
  if (history.length === 0) throw broken(facts.reference, 'empty');
  const stays: Stay[] = [];
  let at = Number.NaN;
  let firstAt = Number.NaN;
  let fromDay = Number.NaN;
  for (let index = 0; index < history.length; index += 1) {
    const entry = history[index];
    if (!isClockState(entry.state)) throw broken(facts.reference, 'unknownState');
    if (index === 0) {
      at = Date.parse(entry.enteredAt);
      if (Number.isNaN(at)) throw broken(facts.reference, 'time');
      fromDay = brusselsDayOf(at);
      firstAt = at;
    }
    const next = history[index + 1];
    let toDay = today;
    if (next) {
      const nextAt = Date.parse(next.enteredAt);
      if (Number.isNaN(nextAt) || nextAt < at) throw broken(facts.reference, 'order');
      if (entry.leftAt !== undefined && entry.leftAt !== next.enteredAt && Date.parse(entry.leftAt) !== nextAt) throw broken(facts.reference, 'gap');
      toDay = brusselsDayOf(nextAt);
      at = nextAt;
    }
    stays.push(next ? { entry, end: next.enteredAt, fromDay, toDay } : { entry, fromDay, toDay });
    fromDay = toDay;
  }
  const lastAt = at;
  const last = history[history.length - 1];
  if (last.state !== facts.state) throw broken(facts.reference, 'missingEntry');
  if (lastAt > nowMs || firstAt > nowMs) throw broken(facts.reference, 'nowBeforeStart');
  return stays;
}

/**
 * The last clock computed for a state history, by the history's identity: the register computes the
 * clock of every row read so far each time a page arrives (same rows, same `now`), and the dashboard
 * the clocks of the same entries for adherence and the export. A history is immutable (readonly), so
 * the same array with the same settings, calendar, state and `now` has the same clock. A weak map:
 * nothing is kept once the rows are gone.
 */
const lastClocks = new WeakMap<readonly StateHistoryEntry[], { readonly now: IsoDateTime; readonly settings: ProcedureSettings; readonly calendar: HolidayCalendar; readonly state: string; readonly reference: string; readonly clock: DossierClock }>();

/**
 * The clocks of a dossier at `now`. Throws `ClockError` (`clock.error.brokenHistory`,
 * `calendar.error.yearNotCovered`); nothing is guessed.
 */
export function dossierClock(facts: ClockFacts, settings: ProcedureSettings, calendar: HolidayCalendar, now: IsoDateTime): DossierClock {
  const known = lastClocks.get(facts.stateHistory);
  if (known && known.now === now && known.settings === settings && known.calendar === calendar && known.state === facts.state && known.reference === facts.reference) return known.clock;
  const clock = computeClock(facts, settings, calendar, now);
  lastClocks.set(facts.stateHistory, { now, settings, calendar, state: facts.state, reference: facts.reference, clock });
  return clock;
}

/**
 * How far `now` may lie before the history's last entry and still be read as that entry's time: a browser's
 * clock slightly behind the server that wrote a fresh event. More is a real inconsistency (`nowBeforeStart`).
 */
export const CLOCK_SKEW_TOLERANCE_MS = 5 * 60 * 1000;

/** `now`, or the last entry's time when `now` is at most `CLOCK_SKEW_TOLERANCE_MS` earlier. */
function toleratedNow(facts: ClockFacts, nowMs: number): number {
  const last = facts.stateHistory[facts.stateHistory.length - 1];
  const lastAt = last ? Date.parse(last.enteredAt) : Number.NaN;
  return lastAt > nowMs && lastAt - nowMs <= CLOCK_SKEW_TOLERANCE_MS ? lastAt : nowMs;
}

function computeClock(facts: ClockFacts, settings: ProcedureSettings, calendar: HolidayCalendar, now: IsoDateTime): DossierClock {
  const parsedNow = Date.parse(now);
  if (Number.isNaN(parsedNow)) throw broken(facts.reference, 'now');
  const nowMs = toleratedNow(facts, parsedNow);
  const todayDay = brusselsDayOf(nowMs);
  const stays = staysOf(facts, nowMs, todayDay);
  const segments: PhaseSegment[] = [];
  let vsaDays = 0;
  let requesterDays = 0;
  let currentSegment: PhaseSegment | undefined;
  for (const { entry, end, fromDay, toDay } of stays) {
    const phase = phaseOfState(entry.state);
    if (!phase) continue;
    const side = sideOfPhase(phase);
    const calendarDays = toDay - fromDay;
    if (side === 'vsa') vsaDays += calendarDays;
    else requesterDays += calendarDays;
    const days = settings.phases[phase].unit === 'working' ? workingDaysAfter(fromDay, toDay, calendar) : calendarDays;
    const segment: PhaseSegment = end ? { phase, side, startedAt: entry.enteredAt, endedAt: end, days } : { phase, side, startedAt: entry.enteredAt, days };
    segments.push(segment);
    if (!end) currentSegment = segment;
  }
  const current = currentSegment ? phaseClock(currentSegment, segments, settings, calendar, dateOfDay(todayDay)) : undefined;
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
