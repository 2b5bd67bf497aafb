/**
 * Dashboard figures as pure functions over dossiers (no React, no I/O): counts per state and step,
 * lead time per step (median, p90) over a window, overdue list and workload per statistician.
 */
import { openRequesterFindings } from '../../domain/findings';
import { stateDefinition, stateIds } from '../../domain/states';
import type { Dossier, IsoDateTime, StateId, StepNumber } from '../../domain/types';
import type { DossierRow } from '../register/registerRows';
import { daysBetween } from '../shared/format';
import { percentile } from '../shared/statistics';
import { procedureSteps, stepOfHistoryEntry } from '../shared/stepTimes';

/** A count for one state. */
export interface StateCount {
  readonly state: StateId;
  readonly count: number;
}

/** Dossiers per state, every state listed (zero included), in procedure order. */
export function countsByState(dossiers: readonly Pick<Dossier, 'state'>[]): StateCount[] {
  const counts = new Map<StateId, number>();
  for (const dossier of dossiers) counts.set(dossier.state, (counts.get(dossier.state) ?? 0) + 1);
  return stateIds.map((state) => ({ state, count: counts.get(state) ?? 0 }));
}

/** A count for one step; `step` undefined = closed (final states). */
export interface StepCount {
  readonly step?: StepNumber;
  readonly count: number;
}

/** Dossiers per step of their current state (first step), then closed ones. */
export function countsByStep(dossiers: readonly Pick<Dossier, 'state'>[]): StepCount[] {
  const counts = new Map<number, number>();
  for (const dossier of dossiers) {
    const steps = stateDefinition(dossier.state).steps;
    const key = steps ? steps[0] : 7;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [
    ...procedureSteps.map((step) => ({ step, count: counts.get(step) ?? 0 })),
    { step: undefined, count: counts.get(7) ?? 0 }
  ];
}

/** Shared with the decision history; re-exported for the dashboard's callers. */
export { percentile };

/** Lead time of one step over the window. */
export interface StepLeadTime {
  readonly step: StepNumber;
  /** How many dossiers completed this step in the window. */
  readonly count: number;
  readonly medianDays?: number;
  readonly p90Days?: number;
}

/** Subtracts whole calendar months in UTC (the window start). */
export function monthsBefore(now: IsoDateTime, months: number): IsoDateTime {
  const date = new Date(Date.parse(now));
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString();
}

/**
 * Days each dossier spent in each step, counted for a step the dossier has completed (it left the
 * step's states for good) with its completion inside `[now - months, now]`.
 */
export function leadTimesPerStep(dossiers: readonly Pick<Dossier, 'stateHistory'>[], now: IsoDateTime, months = 12): StepLeadTime[] {
  const windowStart = Date.parse(monthsBefore(now, months));
  const end = Date.parse(now);
  const samples = new Map<StepNumber, number[]>();
  for (const dossier of dossiers) {
    const perStep = new Map<StepNumber, { days: number; lastLeft?: string; open: boolean }>();
    for (const entry of dossier.stateHistory) {
      const step = stepOfHistoryEntry(entry);
      if (step === undefined) continue;
      const current = perStep.get(step) ?? { days: 0, open: false };
      const days = daysBetween(entry.enteredAt, entry.leftAt ?? now) ?? 0;
      perStep.set(step, {
        days: current.days + days,
        lastLeft: entry.leftAt ?? current.lastLeft,
        open: current.open || entry.leftAt === undefined
      });
    }
    for (const [step, visit] of perStep) {
      if (visit.open || !visit.lastLeft) continue;
      const left = Date.parse(visit.lastLeft);
      if (Number.isNaN(left) || left < windowStart || left > end) continue;
      const list = samples.get(step) ?? [];
      list.push(visit.days);
      samples.set(step, list);
    }
  }
  return procedureSteps.map((step) => {
    const values = samples.get(step) ?? [];
    return { step, count: values.length, medianDays: percentile(values, 50), p90Days: percentile(values, 90) };
  });
}

/** Open dossiers of one statistician. */
export interface Workload {
  readonly statisticianId: string;
  readonly name: string;
  readonly open: number;
  readonly overdue: number;
}

/**
 * Workload per assigned statistician over open dossiers (not final, not yet delivered), busiest first.
 * Unassigned dossiers are left out: they are the DPO team's intake queue.
 */
export function workloadPerStatistician(rows: readonly DossierRow[]): Workload[] {
  const byId = new Map<string, { name: string; open: number; overdue: number }>();
  for (const row of rows) {
    if (row.final || row.state === 'delivered' || !row.statisticianId) continue;
    const current = byId.get(row.statisticianId) ?? { name: row.statisticianName ?? row.statisticianId, open: 0, overdue: 0 };
    byId.set(row.statisticianId, { ...current, open: current.open + 1, overdue: current.overdue + (row.overdue ? 1 : 0) });
  }
  return [...byId.entries()]
    .map(([statisticianId, value]) => ({ statisticianId, ...value }))
    .sort((a, b) => b.open - a.open || a.name.localeCompare(b.name));
}

/** Overdue dossiers, longest overdue first. */
export function overdueRows(rows: readonly DossierRow[]): DossierRow[] {
  return rows.filter((row) => row.overdue).sort((a, b) => b.overdueDays - a.overdueDays || a.reference.localeCompare(b.reference));
}

/** The review loop of one dossier: how often it went back, how many requester findings are still open. */
export interface ReviewRounds {
  readonly reference: string;
  readonly state: StateId;
  readonly returnRounds: number;
  readonly openRequesterFindings: number;
}

/**
 * Review rounds per dossier (`returnRounds`) and its open requester findings (`openRequesterFindings` of
 * the domain), for the dossiers with either; most open findings first, then most rounds.
 */
export function reviewRoundsPerDossier(dossiers: readonly Pick<Dossier, 'reference' | 'state' | 'returnRounds' | 'findings'>[]): ReviewRounds[] {
  return dossiers
    .map((dossier) => ({ reference: dossier.reference, state: dossier.state, returnRounds: dossier.returnRounds, openRequesterFindings: openRequesterFindings(dossier.findings).length }))
    .filter((entry) => entry.returnRounds > 0 || entry.openRequesterFindings > 0)
    .sort((a, b) => b.openRequesterFindings - a.openRequesterFindings || b.returnRounds - a.returnRounds || a.reference.localeCompare(b.reference));
}

/**
 * Days from each return (`ReturnedForChanges` enters "Teruggestuurd") to the next version
 * (`DraftDocumentsRegistered` is the only way from there back to "In beoordeling"), from the state
 * history every register row carries. A return still waiting, or one that ended otherwise (withdrawn),
 * counts not.
 */
export function returnToNextVersionDays(histories: readonly Pick<Dossier, 'stateHistory'>[]): number[] {
  const days: number[] = [];
  for (const { stateHistory } of histories) {
    stateHistory.forEach((entry, index) => {
      const next = stateHistory[index + 1];
      if (entry.state !== 'returnedForChanges' || !entry.leftAt || next?.state !== 'underReview') return;
      const value = daysBetween(entry.enteredAt, entry.leftAt);
      if (value !== undefined) days.push(value);
    });
  }
  return days;
}

/** The median of `returnToNextVersionDays` and over how many returns. */
export function medianReturnToNextVersion(histories: readonly Pick<Dossier, 'stateHistory'>[]): { readonly count: number; readonly medianDays?: number } {
  const days = returnToNextVersionDays(histories);
  return { count: days.length, medianDays: percentile(days, 50) };
}
