import * as React from 'react';
import type { Actor, Lang } from '../../../domain/types';
import type { RegisterService } from '../../../app/registerService';
import { AppError } from '../../../app/appError';
import { formatFailure } from '../../../app/failures';
import type { RegisterEntry } from '../../../ui/register/registerRows';
import { formatText } from '../../../ui/shared/format';
import { runAsync } from '../../../ui/shared/runAsync';
import type { UiStrings } from '../../../ui/strings';
import { entriesFromRegisterRows } from './registerEntries';
import { settingsNoticeLines } from '../../../app/settingsNotices';
import type { RegisterRow, SkippedRow } from '../../../data/ports';

/** The register as loaded: who is signed in, every dossier's entry, and the loading state. */
export interface RegisterList {
  readonly actor?: Actor;
  readonly entries: ReadonlyMap<string, RegisterEntry>;
  readonly loading: boolean;
  readonly loadError?: string;
  /** "n dossiers loaded, more to come" while later pages are read. */
  readonly progress?: string;
  /** Items of the list that could not be read (skipped, with their item ids), as a sentence. */
  readonly notice?: string;
  /** The procedure's settings could not be read, or rows of them are wrong (defaults used): one line each. */
  readonly settingsNotices: readonly string[];
  readonly reload: () => void;
  /** Replaces one dossier's entry (after a command or a detail load). */
  readonly putEntry: (entry: RegisterEntry) => void;
}

/** Reads the whole register through the service, showing rows as the pages arrive. */
export function useRegisterList(service: RegisterService, pageSize: number, strings: UiStrings, lang: Lang): RegisterList {
  const [actor, setActor] = React.useState<Actor | undefined>(undefined);
  const [entries, setEntries] = React.useState<ReadonlyMap<string, RegisterEntry>>(new Map());
  const [loading, setLoading] = React.useState(true);
  const [loadError, setLoadError] = React.useState<string | undefined>(undefined);
  const [progress, setProgress] = React.useState<string | undefined>(undefined);
  const [skipped, setSkipped] = React.useState<readonly SkippedRow[]>([]);
  const [settingsNotices, setSettingsNotices] = React.useState<readonly string[]>([]);
  const showFailure = React.useCallback(
    (error: unknown) => setLoadError(formatText(strings.errorLoad, { message: formatFailure(error, lang) })),
    [strings, lang]
  );

  const load = React.useCallback(async (): Promise<void> => {
    setLoading(true);
    setLoadError(undefined);
    setSkipped([]);
    try {
      // The clocks of the rows use the list's settings: read them first (once; never throws).
      setSettingsNotices(settingsNoticeLines(await service.procedureSettings(), lang));
      const at = service.now();
      const collected = new Map<string, RegisterRow>();
      const unreadable: SkippedRow[] = [];
      const signedIn = await service.loadRegister(pageSize, (rows, more, skippedRows) => {
        rows.forEach((row) => collected.set(row.reference, row));
        if (skippedRows.length > 0) {
          unreadable.push(...skippedRows);
          setSkipped([...unreadable]);
        }
        // All rows so far: a protocol's deadline follows the addenda (its chain) read on later pages.
        setEntries(new Map(entriesFromRegisterRows([...collected.values()], at, service.clockSetup()).map((entry) => [entry.reference, entry])));
        setProgress(more ? formatText(strings.loadingMore, { count: collected.size }) : undefined);
      });
      setActor(signedIn);
    } catch (error) {
      setProgress(undefined);
      showFailure(error);
    } finally {
      setLoading(false);
    }
  }, [service, pageSize, strings, showFailure, lang]);

  const reload = React.useCallback(() => runAsync(load(), showFailure), [load, showFailure]);
  React.useEffect(reload, [reload]);

  const putEntry = React.useCallback((entry: RegisterEntry) => setEntries((current) => new Map(current).set(entry.reference, entry)), []);
  const notice = React.useMemo(() => skippedNotice(skipped, lang), [skipped, lang]);
  return { actor, entries, loading, loadError, progress, notice, settingsNotices, reload, putEntry };
}

/** The notice for skipped items (undefined when none): a coded message with the item ids. */
export function skippedNotice(skipped: readonly SkippedRow[], lang: Lang): string | undefined {
  if (skipped.length === 0) return undefined;
  const itemIds = [...new Set(skipped.map((entry) => entry.itemId))].sort((a, b) => a - b).join(', ');
  return formatFailure(new AppError('app.error.unreadableRows', { count: skipped.length, itemIds }), lang);
}

