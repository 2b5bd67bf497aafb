/**
 * The default time settings (docs/decisions/clocks.md), apart from their validation so a web part's
 * first load holds only these numbers.
 */
import type { DayUnit, PhaseDeadline, PhaseId, ProcedureSettings } from './types';

const phase = (id: PhaseId, days: number, unit: DayUnit, escalateAfterDays: number): PhaseDeadline => ({ phase: id, days, unit, escalateAfterDays });

/** The defaults; review 30, signatures 30 calendar days and the protocol end −60 days are the earlier values. */
export const defaultProcedureSettings: ProcedureSettings = {
  phases: {
    intake: phase('intake', 5, 'working', 3),
    preliminary: phase('preliminary', 10, 'working', 5),
    formsRequested: phase('formsRequested', 60, 'calendar', 30),
    review: phase('review', 30, 'calendar', 10),
    returnedForChanges: phase('returnedForChanges', 60, 'calendar', 30),
    deliberation: phase('deliberation', 15, 'working', 5),
    decision: phase('decision', 10, 'working', 5),
    awaitingSignatures: phase('awaitingSignatures', 30, 'calendar', 30),
    countersignature: phase('countersignature', 10, 'working', 5),
    publication: phase('publication', 10, 'working', 5),
    delivery: phase('delivery', 30, 'calendar', 10)
  },
  protocolEndReminderDays: 60,
  destructionEscalationDays: 30,
  digestWeekday: 1
};

