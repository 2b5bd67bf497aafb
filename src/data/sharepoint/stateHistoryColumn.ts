import { isStateId } from '../../domain/states';
import type { StateHistoryEntry } from '../../domain/types';

/**
 * The `StateHistory` column of the `Dossiers` projection: a dossier's state history as a compact JSON
 * array of `[stateId, enteredAtIso]` pairs (no actors, no comments: never personal data). `leftAt` is
 * not stored because it is the next entry's `enteredAt`. Items written before the column existed have
 * no value; a value that cannot be read is treated the same way, so the register falls back instead
 * of failing.
 */

/** What reading the column found: the history, or why there is none. */
export type StateHistoryReading =
  | { readonly status: 'ok'; readonly history: readonly StateHistoryEntry[] }
  | { readonly status: 'missing' | 'malformed' };

/** The column value of a history: `[["intake","2026-01-15T09:00:00.000Z"],...]`. */
export function encodeStateHistory(history: readonly StateHistoryEntry[]): string {
  return JSON.stringify(history.map((entry) => [entry.state, entry.enteredAt]));
}

const missing: StateHistoryReading = { status: 'missing' };
const malformed: StateHistoryReading = { status: 'malformed' };

function parse(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * The history stored in a column value. Never throws: no value is `missing`; anything but a non-empty
 * array of `[known state, ISO date-time]` pairs in time order is `malformed`.
 */
export function readStateHistory(raw: unknown): StateHistoryReading {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim().length === 0)) return missing;
  if (typeof raw !== 'string') return malformed;
  const pairs = parse(raw);
  if (!Array.isArray(pairs) || pairs.length === 0) return malformed;
  const entries: { state: StateHistoryEntry['state']; enteredAt: string }[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  for (const pair of pairs as unknown[]) {
    if (!Array.isArray(pair) || pair.length !== 2) return malformed;
    const [state, enteredAt] = pair as unknown[];
    if (!isStateId(state) || typeof enteredAt !== 'string') return malformed;
    const at = Date.parse(enteredAt);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(enteredAt) || Number.isNaN(at) || at < previous) return malformed;
    previous = at;
    entries.push({ state, enteredAt });
  }
  const history = entries.map((entry, index): StateHistoryEntry => {
    const next = entries[index + 1];
    return next ? { ...entry, leftAt: next.enteredAt } : entry;
  });
  return { status: 'ok', history };
}

/**
 * The history of a register row, if it is readable and agrees with the row's own state columns (both
 * are written in the same update, so a disagreement means the value cannot be trusted).
 */
export function rowStateHistory(raw: unknown, state: string, stateSince: string | undefined): readonly StateHistoryEntry[] | undefined {
  const reading = readStateHistory(raw);
  if (reading.status !== 'ok') return undefined;
  const last = reading.history[reading.history.length - 1];
  if (last.state !== state) return undefined;
  // SharePoint keeps date-time columns to the second; the history keeps milliseconds.
  if (stateSince !== undefined && !(Math.abs(Date.parse(stateSince) - Date.parse(last.enteredAt)) < 1000)) return undefined;
  return reading.history;
}
