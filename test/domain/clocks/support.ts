import type { ClockFacts, StateHistoryEntry, StateId } from '../../../src/domain';

/** Facts of a dossier from `[state, enteredAt]` pairs (leftAt = the next entry's enteredAt). */
export function factsOf(pairs: readonly (readonly [string, string])[], reference = 'VSA-2026-0001'): ClockFacts {
  const stateHistory = pairs.map(([state, enteredAt], index): StateHistoryEntry => {
    const next = pairs[index + 1];
    return { state: state as StateId, enteredAt, ...(next ? { leftAt: next[1] } : {}) };
  });
  const last = pairs[pairs.length - 1];
  return { reference, state: last?.[0] as StateId, stateSince: last?.[1] ?? '', stateHistory };
}
