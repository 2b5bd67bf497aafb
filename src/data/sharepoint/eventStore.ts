import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { DataError, toDataError } from '../errors';
import { odataString } from '../odata';
import type { DossierEvent } from '../../domain/events';
import type { EventStore, SequencedEvent } from '../ports';
import { EventColumn, LIST_EVENTS } from '../schemaNames';
import { readAllPages } from './dossierStore';
import { EVENT_EXPAND, EVENT_SELECT, eventFields, eventsFromItems } from './itemMapping';

/** `EventStore` on PnPjs: the append-only `Dossiergebeurtenissen` list. */
export class SharePointEventStore implements EventStore {
  public constructor(private readonly sp: SPFI) {}

  public async readEvents(reference: string): Promise<SequencedEvent[]> {
    try {
      const rows = await readAllPages(
        this.sp.web.lists
          .getByTitle(LIST_EVENTS)
          .items.select(...EVENT_SELECT)
          .expand(...EVENT_EXPAND)
          .filter(`${EventColumn.DossierReference} eq ${odataString(reference)}`)
          .orderBy(EventColumn.Sequence, true)
          .top(5000)
      );
      return eventsFromItems(rows, reference);
    } catch (error) {
      throw toDataError(error, `read the events of ${reference}`);
    }
  }

  /**
   * References of every dossier that has an event of this type (e.g. `Published`), read from the log's
   * indexed type column (`Title`), not from the mutable `Dossiers` list: a dossier whose projection was
   * deleted or whose `DossierState` was rewritten is still found. Sorted, without duplicates.
   */
  public async referencesWithEvent(type: DossierEvent['type']): Promise<string[]> {
    try {
      const rows = await readAllPages(
        this.sp.web.lists
          .getByTitle(LIST_EVENTS)
          .items.select('Id', EventColumn.DossierReference)
          .filter(`${EventColumn.EventType} eq ${odataString(type)}`)
          .top(5000)
      );
      const references = rows.map((row) => row[EventColumn.DossierReference]).filter((value): value is string => typeof value === 'string' && value.length > 0);
      return [...new Set(references)].sort();
    } catch (error) {
      throw toDataError(error, `read the dossiers with a ${type} event`);
    }
  }

  /**
   * Appends in one `$batch` (one request per event, each succeeding or failing on its own). When some
   * fail, the log is read back: events that are there after all (a retried add, a unique-id refusal)
   * count as appended; anything else is reported.
   */
  public async appendEvents(events: readonly SequencedEvent[], knownIds: ReadonlySet<string> = new Set()): Promise<void> {
    const toAdd = events.filter((item) => !knownIds.has(item.event.id));
    if (toAdd.length === 0) return;
    const reference = toAdd[0].event.dossierReference;
    const what = `append events to ${reference}`;
    let failures: unknown[];
    try {
      if (toAdd.length === 1) {
        failures = await this.sp.web.lists
          .getByTitle(LIST_EVENTS)
          .items.add(eventFields(toAdd[0]))
          .then(() => [], (error: unknown) => [error]);
      } else {
        const [batched, execute] = this.sp.batched();
        const adds = toAdd.map((item) => batched.web.lists.getByTitle(LIST_EVENTS).items.add(eventFields(item)));
        await execute();
        const settled = await Promise.allSettled(adds);
        failures = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => s.reason as unknown);
      }
    } catch (error) {
      throw toDataError(error, what);
    }
    if (failures.length === 0) return;
    const first = toDataError(failures[0], what);
    if (first.code === 'data.error.accessDenied') throw first;
    // Parts of a $batch are not retried by the fetch behaviour (only the batch request is): add the
    // missing ones again one by one, each with PnPjs' retry on 429/503, in sequence order.
    const present = new Set((await this.readEvents(reference)).map((item) => item.event.id));
    const missing = toAdd.filter((item) => !present.has(item.event.id));
    try {
      for (const item of missing) await this.sp.web.lists.getByTitle(LIST_EVENTS).items.add(eventFields(item));
    } catch (error) {
      const retryError = toDataError(error, what);
      throw new DataError(retryError.code, `${what}: ${missing.length} event(s) could not be stored (${retryError.message}).`, retryError.status);
    }
  }
}
