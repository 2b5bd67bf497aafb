/**
 * The clocks of a dossier (issue 16): which side holds the dossier, how long each phase took, when
 * each deadline falls. Pure types; the rules are in this folder, the settings come from the list
 * `Instellingen van de procedure` and the holidays from a `HolidayCalendar` the host supplies.
 */
import type { IsoDate, IsoDateTime, StateHistoryEntry, StateId } from '../types';

/** Who holds the dossier: VSA time counts against the VSA's deadlines, requester time does not. */
export type ClockSide = 'vsa' | 'requester';

/**
 * The phases of the procedure that have a deadline (VSA) or an expected duration (requester).
 * One state maps to one phase (`phaseOfState`); `delivered` and the final states have none.
 */
export type PhaseId =
  | 'intake' // intake: until a statistician is assigned
  | 'preliminary' // preliminary: the statistician's preliminary check until the forms are requested
  | 'formsRequested' // requester
  | 'review' // underReview: the review of each version (VSA time adds up over versions, paused while returned)
  | 'returnedForChanges' // requester
  | 'deliberation' // deliberation and the DPO's advice
  | 'decision' // awaitingDecision: the Chief Statistician's decision
  | 'awaitingSignatures' // requester
  | 'countersignature' // awaitingCountersignature
  | 'publication' // signed: until published
  | 'delivery'; // published: until the data are delivered

/** Calendar days, or working days (no Saturday, Sunday or Belgian/Flemish public holiday). */
export type DayUnit = 'calendar' | 'working';

/** The deadline (VSA phase) or expected duration (requester phase) of one phase. */
export interface PhaseDeadline {
  readonly phase: PhaseId;
  /** Whole days, > 0. */
  readonly days: number;
  readonly unit: DayUnit;
  /** Escalation to the DPO team this many days (same unit) after the deadline, when still not done; >= 0. */
  readonly escalateAfterDays: number;
}

/** Everything configurable about time, from one place (list `Instellingen van de procedure`). */
export interface ProcedureSettings {
  readonly phases: Readonly<Record<PhaseId, PhaseDeadline>>;
  /** Calendar days before the protocol's end date when its reminder is due. */
  readonly protocolEndReminderDays: number;
  /** Calendar days after the retention end without a destruction confirmation before the DPO team is alerted. */
  readonly destructionEscalationDays: number;
  /** ISO weekday (1 = Monday … 7 = Sunday) on which the weekly digest goes out. */
  readonly digestWeekday: number;
}

/**
 * Non-working public holidays per year (Belgian public holidays plus the Flemish Community's own,
 * 11 July). `undefined` when the calendar does not know the year: the clock then reports
 * `calendar.error.yearNotCovered` instead of guessing.
 */
export interface HolidayCalendar {
  holidaysIn(year: number): ReadonlySet<IsoDate> | undefined;
}

/** What the clocks read of a dossier (a register row carries these too). */
export interface ClockFacts {
  readonly reference: string;
  readonly state: StateId;
  readonly stateSince: IsoDateTime;
  readonly stateHistory: readonly StateHistoryEntry[];
}

/** One stay in one phase: a segment of the state history. */
export interface PhaseSegment {
  readonly phase: PhaseId;
  readonly side: ClockSide;
  readonly startedAt: IsoDateTime;
  /** Absent while the dossier is still in the phase. */
  readonly endedAt?: IsoDateTime;
  /** Days in the phase's unit (whole days, Europe/Brussels dates). */
  readonly days: number;
}

/** The running deadline of the current phase. */
export interface PhaseClock {
  readonly phase: PhaseId;
  readonly side: ClockSide;
  /** When the dossier entered the current stay in the phase. */
  readonly startedAt: IsoDateTime;
  /** Days used so far in the phase's unit; for `review` the sum over every version's review. */
  readonly usedDays: number;
  readonly limit: PhaseDeadline;
  /** The last day that is still on time (Europe/Brussels date). */
  readonly dueOn: IsoDate;
  readonly overdue: boolean;
  /** Days past `dueOn` in the phase's unit (0 when on time). */
  readonly overdueDays: number;
  /** The day the escalation to the DPO team is due (after `dueOn`). */
  readonly escalationOn: IsoDate;
  readonly escalated: boolean;
}

/** The clocks of one dossier at a moment. */
export interface DossierClock {
  /** Calendar days on the VSA side and on the requester side since registration. */
  readonly vsaDays: number;
  readonly requesterDays: number;
  /** Absent in `delivered` and the final states. */
  readonly current?: PhaseClock;
  readonly segments: readonly PhaseSegment[];
}

/** Adherence of one phase in one month (by the month the phase ended). */
export interface PhaseAdherence {
  readonly phase: PhaseId;
  /** `YYYY-MM`. */
  readonly month: string;
  readonly count: number;
  /** 0..1. */
  readonly onTimeShare: number;
  readonly medianDays: number;
  readonly p90Days: number;
}
