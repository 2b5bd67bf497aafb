/**
 * The deadline a screen shows for one dossier: the current phase's clock, or (for a delivered
 * standard protocol) the protocol-end reminder, with whether it is overdue. A clock that cannot be
 * computed is not hidden: the status carries its message code (`problem`) and shows no deadline.
 */
import type { MessageCode } from '../messages';
import type { IsoDate, IsoDateTime, ProcedureId } from '../types';
import { dossierClock, protocolEndReminderOn } from './dossierClock';
import { isClockError } from './errors';
import { clockInForce } from './stopped';
import type { ClockFacts, DossierClock, HolidayCalendar, PhaseClock, ProcedureSettings } from './types';
import { brusselsDate, calendarDaysBetween } from './workingDays';

/** What the register row, the panel and the approvals card show of a dossier's time. */
export interface ClockStatus {
  /** `phase`: the current phase's deadline; `protocolEnd`: the protocol-end reminder; absent: none applies. */
  readonly kind?: 'phase' | 'protocolEnd';
  /** The last day on time (phase) or the day the reminder is due (protocol end). */
  readonly dueOn?: IsoDate;
  readonly overdue: boolean;
  /** Days past `dueOn` (the phase's unit; calendar days for the protocol end); 0 when not overdue. */
  readonly overdueDays: number;
  /** The current phase's clock (also when the protocol-end reminder is shown). */
  readonly current?: PhaseClock;
  readonly vsaDays?: number;
  readonly requesterDays?: number;
  /** The protocol end date the reminder is for. */
  readonly protocolEndDate?: IsoDate;
  /** Why no clock could be computed (broken history, year not covered). */
  readonly problem?: { readonly code: MessageCode; readonly params: Readonly<Record<string, string | number>> };
}

/** The facts the status needs: the clock's, plus the procedure and protocol end for the reminder. */
export interface ClockStatusFacts extends ClockFacts {
  readonly procedure?: ProcedureId;
  readonly protocolEndDate?: IsoDate;
  /** The dossier's own revocation (a revoked protocol). */
  readonly revocation?: { readonly date: IsoDate };
  /** The date its protocol was revoked (a register row's `RevokedOn`). */
  readonly revokedOn?: IsoDate;
}

/** States in which a standard protocol's end date is watched (as before the clocks). */
const protocolEndStates: readonly string[] = ['published', 'delivered'];

/** The status with no deadline. */
export const noDeadline: ClockStatus = { overdue: false, overdueDays: 0 };

/**
 * The status of a dossier at `now`. The phase's deadline wins when it is overdue or when no protocol-end
 * reminder is due; a standard protocol in `published`/`delivered` with an end date (the chain's
 * effective one when given) shows its reminder from the day it is due (`overdue` from that day on, as before the clocks). Addenda's and simplified dossiers' end dates
 * feed their protocol's chain and get no reminder of their own. A dossier stopped by its protocol's
 * revocation (`options.revokedOn`, its own `revocation`, or a row's `revokedOn`) shows no deadline
 * (`clockInForce`, the reminders' rule too).
 */
export function clockStatus(
  facts: ClockStatusFacts,
  settings: ProcedureSettings,
  calendar: HolidayCalendar,
  now: IsoDateTime,
  options: { readonly protocolEndDate?: IsoDate; readonly revokedOn?: IsoDate } = {}
): ClockStatus {
  let clock: DossierClock;
  const revokedOn = options.revokedOn ?? facts.revokedOn ?? facts.revocation?.date;
  try {
    clock = clockInForce(dossierClock(facts, settings, calendar, now), revokedOn);
  } catch (error) {
    if (!isClockError(error)) throw error;
    return { ...noDeadline, problem: { code: error.code, params: error.params } };
  }
  const base = { vsaDays: clock.vsaDays, requesterDays: clock.requesterDays, ...(clock.current ? { current: clock.current } : {}) };
  const phase: ClockStatus | undefined = clock.current
    ? { ...base, kind: 'phase', dueOn: clock.current.dueOn, overdue: clock.current.overdue, overdueDays: clock.current.overdueDays }
    : undefined;
  const endDate = options.protocolEndDate ?? facts.protocolEndDate;
  // A revoked protocol has no protocol-end reminder either (as `protocolEndOf` of the reminders).
  if (phase?.overdue || !endDate || revokedOn !== undefined || facts.procedure === 'simplified' || !protocolEndStates.includes(facts.state)) return phase ?? { ...noDeadline, ...base };
  const reminderOn = protocolEndReminderOn(endDate, settings);
  const late = calendarDaysBetween(reminderOn, brusselsDate(now));
  if (late < 0 && phase) return phase;
  return { ...base, kind: 'protocolEnd', dueOn: reminderOn, overdue: late >= 0, overdueDays: Math.max(0, late), protocolEndDate: endDate };
}

/** The settings and holiday calendar a host computes clocks with. */
export interface ClockSetup {
  readonly settings: ProcedureSettings;
  readonly calendar: HolidayCalendar;
}
