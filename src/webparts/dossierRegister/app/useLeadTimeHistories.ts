import * as React from 'react';
import type { Dossier } from '../../../domain/types';
import type { RegisterService } from '../../../app/registerService';
import type { RegisterEntry } from '../../../ui/register/registerRows';
import { runAsync } from '../../../ui/shared/runAsync';

/** State histories for the dashboard's lead times, and where they came from. */
export interface LeadTimeHistories {
  readonly histories: readonly Pick<Dossier, 'stateHistory'>[];
  /** Register rows without a `StateHistory` value (written before the column existed). */
  readonly withoutHistory: number;
  /** How many of those were loaded in full instead (at most the sample size). */
  readonly loadedInFull: number;
}

/**
 * State histories of every dossier for the dashboard's lead times, straight from the register rows.
 * Fallback for rows written before the `StateHistory` column existed: the `sampleSize` most recently
 * changed of those are loaded in full (4 at a time) once the dashboard is shown and the register is
 * read; a dossier that cannot be read is left out. The dashboard says how many rows lack a history.
 */
export function useLeadTimeHistories(active: boolean, entries: ReadonlyMap<string, RegisterEntry>, service: RegisterService, sampleSize: number): LeadTimeHistories {
  const [loaded, setLoaded] = React.useState<ReadonlyMap<string, Dossier>>(new Map());
  const [started, setStarted] = React.useState(false);
  const lacking = React.useMemo(() => [...entries.values()].filter((entry) => !entry.stateHistory), [entries]);
  React.useEffect(() => {
    if (!active || started || lacking.length === 0) return;
    setStarted(true);
    const queue = [...lacking]
      .sort((a, b) => (b.stateSince ?? '').localeCompare(a.stateSince ?? ''))
      .slice(0, sampleSize)
      .map((entry) => entry.reference);
    const collected = new Map<string, Dossier>();
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        // A dossier that cannot be read is left out; the dashboard says how many rows lack a history.
        const dossier = await service.loadDossier(next).catch(() => undefined);
        if (dossier) collected.set(next, dossier);
      }
    };
    const done = (): void => setLoaded(collected);
    runAsync(Promise.all([worker(), worker(), worker(), worker()]).then(done), done);
  }, [active, started, lacking, service, sampleSize]);
  return React.useMemo(() => {
    const fromRows = [...entries.values()].flatMap((entry) => (entry.stateHistory ? [{ stateHistory: entry.stateHistory }] : []));
    // A loaded dossier whose entry has since gained a history (a command refreshed it) is counted once.
    const fromLoads = lacking.flatMap((entry) => {
      const dossier = loaded.get(entry.reference);
      return dossier ? [dossier] : [];
    });
    return { histories: [...fromRows, ...fromLoads], withoutHistory: lacking.length, loadedInFull: fromLoads.length };
  }, [entries, lacking, loaded]);
}
