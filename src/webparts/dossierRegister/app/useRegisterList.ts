import * as React from 'react';
import type { Actor, Dossier, IsoDateTime } from '../../../domain/types';
import type { RegisterRow } from '../../../data/ports';
import type { RegisterEntry } from '../../../ui/register/registerRows';
import { formatText } from '../../../ui/shared/format';
import { runAsync } from '../../../ui/shared/runAsync';
import type { UiStrings } from '../../../ui/strings';
import type { RegisterBackend } from './RegisterApp';
import { entryFromRegisterRow } from './registerEntries';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The register as loaded: who is signed in, every dossier's entry, and the loading state. */
export interface RegisterList {
  readonly actor?: Actor;
  readonly entries: ReadonlyMap<string, RegisterEntry>;
  readonly loading: boolean;
  readonly loadError?: string;
  /** "n dossiers loaded, more to come" while later pages are read. */
  readonly progress?: string;
  readonly reload: () => void;
  /** Replaces one dossier's entry (after a command or a detail load). */
  readonly putEntry: (entry: RegisterEntry) => void;
}

/**
 * Reads the whole register: the first screen (signed-in user, first page, list size) in one request,
 * then the remaining pages on the same indexed order, showing rows as they arrive.
 */
export function useRegisterList(data: RegisterBackend, pageSize: number, strings: UiStrings, clock: () => IsoDateTime): RegisterList {
  const [actor, setActor] = React.useState<Actor | undefined>(undefined);
  const [entries, setEntries] = React.useState<ReadonlyMap<string, RegisterEntry>>(new Map());
  const [loading, setLoading] = React.useState(true);
  const [loadError, setLoadError] = React.useState<string | undefined>(undefined);
  const [progress, setProgress] = React.useState<string | undefined>(undefined);

  const load = React.useCallback(async (): Promise<void> => {
    setLoading(true);
    setLoadError(undefined);
    try {
      const query = { orderBy: 'newest' as const, pageSize };
      const screen = await data.readModel.loadRegisterScreen(query);
      setActor(screen.actor);
      const at = clock();
      const collected = new Map<string, RegisterEntry>();
      const add = (page: readonly RegisterRow[]): void => page.forEach((row) => collected.set(row.reference, entryFromRegisterRow(row, at)));
      add(screen.page.rows);
      setEntries(new Map(collected));
      for (let cursor = screen.page.nextCursor; cursor; ) {
        setProgress(formatText(strings.loadingMore, { count: collected.size }));
        const page = await data.dossiers.readRegisterPage(query, cursor);
        add(page.rows);
        setEntries(new Map(collected));
        cursor = page.nextCursor;
      }
      setProgress(undefined);
    } catch (error) {
      setProgress(undefined);
      setLoadError(formatText(strings.errorLoad, { message: messageOf(error) }));
    } finally {
      setLoading(false);
    }
    // The clock is a function prop; a new one must not reload the register.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, pageSize, strings]);

  const reload = React.useCallback(() => runAsync(load(), (error) => setLoadError(messageOf(error))), [load]);
  React.useEffect(reload, [reload]);

  const putEntry = React.useCallback((entry: RegisterEntry) => setEntries((current) => new Map(current).set(entry.reference, entry)), []);
  return { actor, entries, loading, loadError, progress, reload, putEntry };
}

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
export function useLeadTimeHistories(active: boolean, entries: ReadonlyMap<string, RegisterEntry>, data: RegisterBackend, sampleSize: number): LeadTimeHistories {
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
        const result = await data.commands.load(next).catch(() => undefined);
        if (result?.dossier) collected.set(next, result.dossier);
      }
    };
    const done = (): void => setLoaded(collected);
    runAsync(Promise.all([worker(), worker(), worker(), worker()]).then(done), done);
  }, [active, started, lacking, data, sampleSize]);
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
