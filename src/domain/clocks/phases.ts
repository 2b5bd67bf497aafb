/**
 * Which phase a state belongs to and which side holds the dossier in it: data, not code. `delivered`,
 * the final states and `closed` have no phase (no clock runs). A state missing from the table is not
 * a state of this procedure: the clock reports a broken history.
 */
import type { StateId } from '../types';
import type { ClockSide, PhaseId } from './types';

/** The phase of every state; `none` = no clock runs in that state. */
export const phaseTable: Readonly<Record<StateId | 'closed', PhaseId | 'none'>> = {
  intake: 'intake',
  preliminary: 'preliminary',
  formsRequested: 'formsRequested',
  underReview: 'review',
  returnedForChanges: 'returnedForChanges',
  deliberation: 'deliberation',
  awaitingDecision: 'decision',
  awaitingSignatures: 'awaitingSignatures',
  awaitingCountersignature: 'countersignature',
  signed: 'publication',
  published: 'delivery',
  delivered: 'none',
  rejected: 'none',
  notAdmissible: 'none',
  withdrawn: 'none',
  closed: 'none'
};

/** Who holds the dossier in each phase. */
export const sideTable: Readonly<Record<PhaseId, ClockSide>> = {
  intake: 'vsa',
  preliminary: 'vsa',
  formsRequested: 'requester',
  review: 'vsa',
  returnedForChanges: 'requester',
  deliberation: 'vsa',
  decision: 'vsa',
  awaitingSignatures: 'requester',
  countersignature: 'vsa',
  publication: 'vsa',
  delivery: 'vsa'
};

/** Every phase, in the order of the procedure. */
export const phaseIds: readonly PhaseId[] = Object.keys(sideTable) as PhaseId[];

/** Phases whose used days add up over every stay (paused while the dossier is elsewhere). */
export const cumulativePhases: ReadonlySet<PhaseId> = new Set<PhaseId>(['review']);

/** True when `state` is a state the clocks know (with or without a phase). */
export function isClockState(state: string): state is StateId | 'closed' {
  return Object.prototype.hasOwnProperty.call(phaseTable, state);
}

/** The phase of a state; `undefined` for `delivered`, the final states and unknown states. */
export function phaseOfState(state: string): PhaseId | undefined {
  if (!isClockState(state)) return undefined;
  const phase = phaseTable[state];
  return phase === 'none' ? undefined : phase;
}

/** The side that holds the dossier in a phase. */
export function sideOfPhase(phase: PhaseId): ClockSide {
  return sideTable[phase];
}

/** True for a phase id. */
export function isPhaseId(value: unknown): value is PhaseId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(sideTable, value);
}
