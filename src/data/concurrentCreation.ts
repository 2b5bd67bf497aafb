/**
 * How both dossier stores (SharePoint REST and Graph) resolve two clients creating the same dossier at
 * once. A SharePoint list cannot refuse a second item with the same reference, so every creator writes
 * its item, then reads which items carry the reference: the lowest item id wins (ids only grow, so the
 * first item written stays the lowest), every other creator removes its own item and reports a
 * `data.error.conflict`. Reads follow the same rule, so a twin that is still being removed is never
 * mistaken for the dossier.
 */
import { DataError } from './errors';

/** How many items with one reference a store reads to find the winner (more means clients keep racing). */
export const MAX_CONCURRENT_TWINS = 10;

/** The item that is the dossier among the items carrying its reference: the one with the lowest id. */
export function winningItem<T>(items: readonly T[], idOf: (item: T) => number): T | undefined {
  let winner: T | undefined;
  for (const item of items) if (winner === undefined || idOf(item) < idOf(winner)) winner = item;
  return winner;
}

/**
 * After writing item `ownItemId`: when a lower id carries the same reference, removes the own item with
 * `removeOwn` and throws the conflict. A failed removal is reported in the conflict (the twin is then
 * ignored by every read, see {@link winningItem}), never swallowed.
 */
export async function settleConcurrentCreation(
  what: string,
  ownItemId: number,
  itemIdsWithReference: readonly number[],
  removeOwn: () => Promise<void>
): Promise<void> {
  const winner = winningItem(itemIdsWithReference, (id) => id);
  if (winner === undefined || winner >= ownItemId) return;
  let removal: string | undefined;
  try {
    await removeOwn();
  } catch (error) {
    removal = error instanceof Error ? error.message : String(error);
  }
  throw new DataError(
    'data.error.conflict',
    `${what}: the reference was registered by someone else at the same time.${removal ? ` The own copy (item ${ownItemId}) could not be removed: ${removal}` : ''}`,
    409,
    removal ? { orphanItemId: ownItemId } : undefined
  );
}
