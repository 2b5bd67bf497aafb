import * as React from 'react';
import { defaultDeadlinePolicy } from '../../../domain/deadlines';
import type { Dossier, IsoDateTime } from '../../../domain/types';
import { extensionReminders, type ExtensionReminder } from '../../../publication/extension';
import { runAsync } from '../../../ui/shared/runAsync';
import type { RegisterBackend } from './RegisterApp';

const dayMs = 86_400_000;

/**
 * The protocols due for an extension reminder, by the publication rule `extensionReminders` on full
 * dossiers. Only protocols whose own end date falls before the reminder horizon are read in full (with
 * their chain: an extension addendum moves the end date only later, so a protocol beyond the horizon can
 * never be due); the rule itself decides which of those are due.
 */
export async function loadExtensionReminders(data: RegisterBackend, now: IsoDateTime): Promise<ExtensionReminder[]> {
  const horizon = new Date(Date.parse(now) + (defaultDeadlinePolicy.protocolEndReminderDays + 1) * dayMs).toISOString().slice(0, 10);
  const numbers = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await data.dossiers.readRegisterPage({ protocolEndBefore: horizon, orderBy: 'protocolEndDate', pageSize: 500 }, cursor);
    for (const row of page.rows) if (row.protocolNumber && row.procedure !== 'simplified') numbers.add(row.protocolNumber);
    cursor = page.nextCursor;
  } while (cursor);
  const references = new Set<string>();
  for (const number of numbers) (await data.dossiers.rowsByProtocolNumber(number)).forEach((row) => references.add(row.reference));
  const loaded = await Promise.all([...references].map((reference) => data.commands.load(reference)));
  const dossiers = loaded.map((item) => item.dossier).filter((dossier): dossier is Dossier => dossier !== undefined);
  return extensionReminders(dossiers, now);
}

/** The reminders, loaded when `active` first becomes true and again after `reload`. */
export function useExtensionReminders(active: boolean, data: RegisterBackend, clock: () => IsoDateTime): {
  readonly reminders?: readonly ExtensionReminder[];
  readonly error?: string;
  readonly reload: () => void;
} {
  const [reminders, setReminders] = React.useState<readonly ExtensionReminder[] | undefined>(undefined);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [generation, setGeneration] = React.useState(0);
  React.useEffect(() => {
    if (!active) return;
    let current = true;
    runAsync(
      loadExtensionReminders(data, clock()).then((found) => current && setReminders(found)),
      (failure) => current && setError(failure instanceof Error ? failure.message : String(failure))
    );
    return () => {
      current = false;
    };
    // The clock is a function prop; a new one must not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, data, generation]);
  const reload = React.useCallback(() => setGeneration((value) => value + 1), []);
  return { reminders, error, reload };
}
