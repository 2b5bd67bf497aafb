/**
 * Adherence per phase and per month (the month a stay in the phase ended, Europe/Brussels): how many
 * stays, the share on time, the median and the 90th percentile of their days. `review` counts once
 * per completed review (the stay not followed by a return), with the VSA days of every version added
 * up, as its clock does. A dossier whose clock cannot be computed is listed in `failures`, not hidden.
 */
import type { IsoDateTime } from '../types';
import { dossierClock } from './dossierClock';
import { isClockError } from './errors';
import type { ClockError } from './errors';
import { cumulativePhases, phaseIds } from './phases';
import type { ClockFacts, HolidayCalendar, PhaseAdherence, PhaseId, PhaseSegment, ProcedureSettings } from './types';
import { brusselsDate } from './workingDays';

export interface AdherenceFailure {
  readonly reference: string;
  readonly error: ClockError;
}

export interface AdherenceReport {
  /** Sorted by month, then by phase in procedure order. */
  readonly rows: readonly PhaseAdherence[];
  readonly failures: readonly AdherenceFailure[];
}

/** Median: the middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Percentile by the nearest-rank method (always one of the values). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

interface CompletedStay {
  readonly phase: PhaseId;
  readonly endedAt: IsoDateTime;
  readonly days: number;
}

/** The completed stays of a dossier; a cumulative phase's days add up and count when it does not resume. */
export function completedStays(segments: readonly PhaseSegment[]): CompletedStay[] {
  const stays: CompletedStay[] = [];
  const running = new Map<PhaseId, number>();
  segments.forEach((segment, index) => {
    if (!segment.endedAt) return;
    if (!cumulativePhases.has(segment.phase)) {
      stays.push({ phase: segment.phase, endedAt: segment.endedAt, days: segment.days });
      return;
    }
    const total = (running.get(segment.phase) ?? 0) + segment.days;
    running.set(segment.phase, total);
    const next = segments[index + 1];
    if (next?.phase !== 'returnedForChanges') stays.push({ phase: segment.phase, endedAt: segment.endedAt, days: total });
  });
  return stays;
}

export function adherence(dossiers: readonly ClockFacts[], settings: ProcedureSettings, calendar: HolidayCalendar, now: IsoDateTime): AdherenceReport {
  const groups = new Map<string, { phase: PhaseId; month: string; days: number[]; onTime: number }>();
  const failures: AdherenceFailure[] = [];
  for (const facts of dossiers) {
    let segments: readonly PhaseSegment[];
    try {
      segments = dossierClock(facts, settings, calendar, now).segments;
    } catch (error) {
      if (!isClockError(error)) throw error;
      failures.push({ reference: facts.reference, error });
      continue;
    }
    for (const stay of completedStays(segments)) {
      const month = brusselsDate(stay.endedAt).slice(0, 7);
      const key = `${month} ${stay.phase}`;
      const group = groups.get(key) ?? { phase: stay.phase, month, days: [], onTime: 0 };
      group.days.push(stay.days);
      if (stay.days <= settings.phases[stay.phase].days) group.onTime += 1;
      groups.set(key, group);
    }
  }
  const rows = [...groups.values()]
    .map(
      (group): PhaseAdherence => ({
        phase: group.phase,
        month: group.month,
        count: group.days.length,
        onTimeShare: group.onTime / group.days.length,
        medianDays: median(group.days),
        p90Days: percentile(group.days, 90)
      })
    )
    .sort((a, b) => a.month.localeCompare(b.month) || phaseIds.indexOf(a.phase) - phaseIds.indexOf(b.phase));
  return { rows, failures };
}
