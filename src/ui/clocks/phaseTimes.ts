/**
 * The dashboard's phase times from the register entries that carry a state history: adherence per
 * phase and month, and the rows of the CSV export. Rules are the domain's (`adherence`,
 * `dossierClock`, `phaseTimesCsv`); this only selects the entries and collects failures.
 */
import { adherence, type AdherenceFailure, type AdherenceReport } from '../../domain/clocks/adherence';
import type { PhaseTimesRow } from '../../domain/clocks/csv';
import { dossierClock } from '../../domain/clocks/dossierClock';
import { isClockError } from '../../domain/clocks/errors';
import type { ClockSetup } from '../../domain/clocks/status';
import type { ClockFacts } from '../../domain/clocks/types';
import type { IsoDateTime } from '../../domain/types';
import type { RegisterEntry } from '../register/registerRows';

export interface PhaseTimes {
  readonly adherence: AdherenceReport;
  /** Every dossier whose clock could be computed, by reference. */
  readonly csvRows: readonly PhaseTimesRow[];
  /** Entries without a state history (written before the column existed): not in the figures. */
  readonly withoutHistory: number;
}

const factsOf = (entry: RegisterEntry): ClockFacts | undefined =>
  entry.stateHistory && entry.stateSince ? { reference: entry.reference, state: entry.state, stateSince: entry.stateSince, stateHistory: entry.stateHistory } : undefined;

export function phaseTimesOf(entries: readonly RegisterEntry[], setup: ClockSetup, now: IsoDateTime): PhaseTimes {
  const facts = entries.map(factsOf).filter((f): f is ClockFacts => f !== undefined);
  const report = adherence(facts, setup.settings, setup.calendar, now);
  const failed = new Set(report.failures.map((failure: AdherenceFailure) => failure.reference));
  const csvRows: PhaseTimesRow[] = [];
  for (const fact of facts) {
    if (failed.has(fact.reference)) continue;
    try {
      csvRows.push({ reference: fact.reference, state: fact.state, clock: dossierClock(fact, setup.settings, setup.calendar, now) });
    } catch (error) {
      if (!isClockError(error)) throw error;
    }
  }
  csvRows.sort((a, b) => a.reference.localeCompare(b.reference));
  return { adherence: report, csvRows, withoutHistory: entries.length - facts.length };
}
