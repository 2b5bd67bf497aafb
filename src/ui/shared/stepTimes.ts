import { stateDefinition } from '../../domain/states';
import type { Dossier, IsoDateTime, StateHistoryEntry, StepNumber } from '../../domain/types';
import { daysBetween } from './format';

/** The six procedure steps. */
export const procedureSteps: readonly StepNumber[] = [1, 2, 3, 4, 5, 6];

/** Where a step stands for one dossier. */
export type StepStatus = 'done' | 'current' | 'upcoming' | 'skipped';

/** One step of the stepper: its status and the days spent in it so far. */
export interface StepProgress {
  readonly step: StepNumber;
  readonly status: StepStatus;
  /** Days spent in states of this step (0 when never entered). */
  readonly days: number;
  readonly entered: boolean;
}

/**
 * The step a state's time counts towards: its first step. A state spanning steps (e.g. "In
 * beoordeling", 2–3) begins when the requester's documents arrive (step 2), so its time is step 2's.
 * Final states count towards no step.
 */
export function stepOfHistoryEntry(entry: StateHistoryEntry): StepNumber | undefined {
  const steps = stateDefinition(entry.state).steps;
  return steps ? steps[0] : undefined;
}

/** Days per step from the state history; the current stay counts until `now`. */
export function daysPerStep(history: readonly StateHistoryEntry[], now: IsoDateTime): Map<StepNumber, number> {
  const totals = new Map<StepNumber, number>();
  for (const entry of history) {
    const step = stepOfHistoryEntry(entry);
    if (step === undefined) continue;
    const days = daysBetween(entry.enteredAt, entry.leftAt ?? now) ?? 0;
    totals.set(step, (totals.get(step) ?? 0) + days);
  }
  return totals;
}

/**
 * The stepper of one dossier: steps before the current one are done (or skipped when never
 * entered), the current step is the first step of the current state. A final dossier has no
 * current step; steps it never reached are upcoming.
 */
export function stepProgress(dossier: Pick<Dossier, 'state' | 'stateHistory'>, now: IsoDateTime): StepProgress[] {
  const totals = daysPerStep(dossier.stateHistory, now);
  const current = stateDefinition(dossier.state).steps;
  const reached = Math.max(0, ...[...totals.keys()]);
  return procedureSteps.map((step) => {
    const entered = totals.has(step);
    const days = totals.get(step) ?? 0;
    let status: StepStatus;
    if (current) {
      status = step === current[0] ? 'current' : step < current[0] ? (entered ? 'done' : 'skipped') : 'upcoming';
    } else {
      status = step <= reached ? (entered ? 'done' : 'skipped') : 'upcoming';
    }
    return { step, status, days, entered };
  });
}
