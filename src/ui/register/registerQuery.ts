import { phaseIds } from '../../domain/clocks/phases';
import type { ProcedureId, StateId, StepNumber } from '../../domain/types';
import type { DossierRow } from './registerRows';
import { surveyNameOf, waveMatches } from '../../domain/surveys';

/** What the user filters the register on. Every field is optional; all given ones must match. */
export interface RegisterFilter {
  readonly states?: readonly StateId[];
  readonly step?: StepNumber;
  /** Only dossiers assigned to the signed-in user ("mijn dossiers"). */
  readonly mineOnly?: boolean;
  readonly statisticianId?: string;
  /** A survey (every wave of it) or one wave; matches a row that requests such a wave. */
  readonly survey?: string;
  readonly procedure?: ProcedureId;
  readonly overdueOnly?: boolean;
  /** "Voorwaarden te volgen": only dossiers with open conditions, the first due (overdue) first. */
  readonly conditionsToFollow?: boolean;
  /** Free text: every word must occur in reference, institution, title, state, statistician or survey. */
  readonly text?: string;
}

/** Columns the register sorts on. */
export type RegisterSortKey =
  | 'reference'
  | 'institution'
  | 'title'
  | 'procedure'
  | 'state'
  | 'step'
  | 'statistician'
  | 'daysInState'
  | 'dueAt'
  | 'phase'
  | 'surveys'
  | 'variableCount'
  | 'nextConditionDue';

/** Sort order of the register. */
export interface RegisterSort {
  readonly key: RegisterSortKey;
  readonly descending: boolean;
}

/** Default order: newest reference first. */
export const defaultSort: RegisterSort = { key: 'reference', descending: true };

/** True when the row passes every given filter. `currentUserId` serves "mijn dossiers". */
export function matchesFilter(row: DossierRow, filter: RegisterFilter, currentUserId: string): boolean {
  if (filter.states && filter.states.length > 0 && !filter.states.includes(row.state)) return false;
  if (filter.step !== undefined && row.step !== filter.step) return false;
  if (filter.mineOnly && row.statisticianId !== currentUserId) return false;
  if (filter.statisticianId && row.statisticianId !== filter.statisticianId) return false;
  if (filter.procedure && row.procedure !== filter.procedure) return false;
  if (filter.overdueOnly && !row.overdue) return false;
  if (filter.conditionsToFollow && row.openConditions === 0) return false;
  if (filter.survey) {
    const wanted = filter.survey;
    if (!row.surveys.some((wave) => waveMatches(wave, wanted))) return false;
  }
  if (filter.text) {
    const words = filter.text.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
    if (!words.every((word) => row.searchText.includes(word))) return false;
  }
  return true;
}

type Comparable = string | number;

const sortValue: Readonly<Record<RegisterSortKey, (row: DossierRow) => Comparable | undefined>> = {
  reference: (row) => row.reference,
  institution: (row) => row.institution.toLowerCase(),
  title: (row) => row.title.toLowerCase(),
  procedure: (row) => row.procedure,
  state: (row) => row.stateLabel.toLowerCase(),
  // Final states sort after step 6.
  step: (row) => row.step ?? 7,
  statistician: (row) => row.statisticianName?.toLowerCase(),
  daysInState: (row) => row.daysInState,
  dueAt: (row) => row.dueAt,
  phase: (row) => (row.phase ? phaseIds.indexOf(row.phase) : undefined),
  surveys: (row) => (row.surveysText === '' ? undefined : row.surveysText.toLowerCase()),
  variableCount: (row) => row.variableCount,
  nextConditionDue: (row) => row.nextConditionDue
};

/** "Voorwaarden te volgen" orders on the first due date, so overdue conditions come first; none last. */
const conditionsFirst: RegisterSort = { key: 'nextConditionDue', descending: false };

/** Compares two rows on the sort key; empty values always go last, ties break on reference. */
export function compareRows(a: DossierRow, b: DossierRow, sort: RegisterSort): number {
  const left = sortValue[sort.key](a);
  const right = sortValue[sort.key](b);
  if (left === undefined && right !== undefined) return 1;
  if (right === undefined && left !== undefined) return -1;
  let result = 0;
  if (left !== undefined && right !== undefined && left !== right) {
    result = left < right ? -1 : 1;
    if (sort.descending) result = -result;
  }
  if (result !== 0) return result;
  return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
}

/** The rows that pass the filter, in sort order. Linear in the number of rows (5,000+ is fine). */
export function queryRegister(
  rows: readonly DossierRow[],
  filter: RegisterFilter,
  sort: RegisterSort,
  currentUserId: string
): DossierRow[] {
  const order = filter.conditionsToFollow ? (a: DossierRow, b: DossierRow): number => compareRows(a, b, conditionsFirst) : (a: DossierRow, b: DossierRow): number => compareRows(a, b, sort);
  return rows.filter((row) => matchesFilter(row, filter, currentUserId)).sort(order);
}

/** One group of the register grouped by step: rows `startIndex .. startIndex + count - 1`. */
export interface StepGroup {
  /** `step-1` .. `step-6`, or `final`. */
  readonly key: string;
  readonly step?: StepNumber;
  readonly startIndex: number;
  readonly count: number;
}

/**
 * Reorders rows by step (keeping the sort order within a step) and returns the groups Fluent's
 * DetailsList expects. Final states form the last group.
 */
export function groupByStep(sortedRows: readonly DossierRow[]): { rows: DossierRow[]; groups: StepGroup[] } {
  const buckets = new Map<number, DossierRow[]>();
  for (const row of sortedRows) {
    const bucket = row.step ?? 7;
    const list = buckets.get(bucket) ?? [];
    list.push(row);
    buckets.set(bucket, list);
  }
  const rows: DossierRow[] = [];
  const groups: StepGroup[] = [];
  for (const bucket of [...buckets.keys()].sort((a, b) => a - b)) {
    const list = buckets.get(bucket) ?? [];
    groups.push({
      key: bucket === 7 ? 'final' : `step-${bucket}`,
      step: bucket === 7 ? undefined : (bucket as StepNumber),
      startIndex: rows.length,
      count: list.length
    });
    rows.push(...list);
  }
  return { rows, groups };
}

/** Distinct statisticians on the rows, for the statistician filter, sorted by name. */
export function statisticiansOf(rows: readonly DossierRow[]): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const row of rows) {
    if (row.statisticianId) byId.set(row.statisticianId, row.statisticianName ?? row.statisticianId);
  }
  return [...byId.entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Distinct survey names (the part before a wave/year) on the rows, for the survey filter. */
export function surveysOf(rows: readonly DossierRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) {
    for (const survey of row.surveys) names.add(surveyNameOf(survey));
  }
  return [...names].filter((name) => name.length > 0).sort();
}

/** A choice of the survey filter: a whole survey (every wave) or one of its waves. */
export interface SurveyChoice {
  /** The filter value: the survey's name or the wave id. */
  readonly key: string;
  readonly survey: string;
  /** Present for a wave; absent for the whole survey. */
  readonly wave?: string;
}

/** The survey filter's choices on the rows: per survey its "all waves" choice, then each wave, in order. */
export function surveyChoicesOf(rows: readonly DossierRow[]): SurveyChoice[] {
  const waves = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const wave of row.surveys) {
      const name = surveyNameOf(wave);
      if (name.length === 0) continue;
      waves.set(name, (waves.get(name) ?? new Set<string>()).add(wave));
    }
  }
  const byNumber = (a: string, b: string): number => a.localeCompare(b, undefined, { numeric: true });
  return [...waves.keys()].sort().flatMap((survey) => [
    { key: survey, survey },
    ...[...(waves.get(survey) ?? [])].sort(byNumber).filter((wave) => wave !== survey).map((wave) => ({ key: wave, survey, wave }))
  ]);
}
