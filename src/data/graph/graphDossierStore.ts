import { MAX_CONCURRENT_TWINS, settleConcurrentCreation, winningItem } from '../concurrentCreation';
import { DataError, toDataError } from '../errors';
import type { DossierProjection, DossierStore, DossierStream, EventStore, ProjectionWrite, RegisterPage, RegisterQuery, RegisterRow, SequencedEvent } from '../ports';
import { DossierColumn, EventColumn, LIST_DOSSIERS, LIST_EVENTS } from '../schemaNames';
import {
  EVENT_SELECT,
  PROJECTION_SELECT,
  eventFields,
  eventsFromItems,
  projectionFields,
  projectionFromItem,
  registerPageOf,
  registerRowsFromItems
} from '../sharepoint/itemMapping';
import { REGISTER_SELECT } from '../sharepoint/registerQuery';
import { okBody, sendBatch, type BatchOptions, type BatchResponse } from './graphBatch';
import { graphString, listPath } from './graphClient';
import { graphRegisterQuery } from './graphRegisterQuery';
import {
  fieldsWithId,
  fieldsWithWriters,
  itemsOfPage,
  listItemsHeaders,
  listItemsUrl,
  readAllItems,
  readRemainingPages,
  relativeGraphPath,
  type GraphListItem,
  type ListItemsQuery
} from './graphListItems';
import type { GraphSite } from './graphSite';

/**
 * Graph has no `Id` field in `fields`; the item id comes from `listItem.id`. Expanded user columns
 * (`Author/Name`, `Editor/Name`) come from the item's `createdBy`/`lastModifiedBy` instead.
 */
const graphSelect = (columns: readonly string[]): string[] =>
  columns.filter((column) => column !== 'Id' && column !== 'ID' && column !== 'Modified' && !column.includes('/'));

/**
 * The `Dossiers` and `Dossiergebeurtenissen` lists through Microsoft Graph, for the approvals tab
 * (Teams runs it with `MSGraphClientV3`). Same columns and the same item mapping as the PnPjs adapters
 * (`src/data/sharepoint/itemMapping.ts`), so the data layer's `CommandService` works on either.
 */
export class GraphDossierStore implements DossierStore, EventStore {
  public constructor(
    private readonly site: GraphSite,
    private readonly batchOptions: BatchOptions = {}
  ) {}

  private async dossierQuery(reference: string): Promise<string> {
    return listItemsUrl(await this.site.siteId(), LIST_DOSSIERS, {
      select: graphSelect(PROJECTION_SELECT),
      filter: `fields/${DossierColumn.Reference} eq ${graphString(reference)}`,
      top: MAX_CONCURRENT_TWINS
    });
  }

  private async eventsQuery(reference: string): Promise<ListItemsQuery & { url: string }> {
    const query: ListItemsQuery = {
      select: graphSelect(EVENT_SELECT),
      filter: `fields/${EventColumn.DossierReference} eq ${graphString(reference)}`,
      orderBy: `fields/${EventColumn.Sequence}`,
      top: 5000
    };
    return { ...query, url: listItemsUrl(await this.site.siteId(), LIST_EVENTS, query) };
  }

  /** The projection of a Graph item; the Graph eTag stands in when the fields carry none. */
  private projectionOf(item: GraphListItem): DossierProjection {
    return projectionFromItem(fieldsWithWriters(item), item.eTag ?? (item.fields['@odata.etag'] as string | undefined));
  }

  /** Projection and events in one JSON `$batch` (two GETs). */
  public async loadStream(reference: string): Promise<DossierStream> {
    const what = `load dossier ${reference}`;
    const events = await this.eventsQuery(reference);
    let answers: Map<string, BatchResponse>;
    try {
      answers = await sendBatch(
        this.site.client,
        [
          { id: 'projection', url: await this.dossierQuery(reference) },
          { id: 'events', url: events.url, headers: listItemsHeaders(events) }
        ],
        this.batchOptions
      );
    } catch (error) {
      throw toDataError(error, what);
    }
    // Twins of a concurrent registration: the lowest id is the dossier (src/data/concurrentCreation.ts).
    const projectionItem = winningItem(itemsOfPage(okBody(answers.get('projection'), what), what).items, (item) => Number(item.id));
    const eventPage = itemsOfPage(okBody(answers.get('events'), what), what);
    const eventItems = await readRemainingPages(this.site.client, eventPage, listItemsHeaders(events), what);
    return {
      projection: projectionItem ? this.projectionOf(projectionItem) : undefined,
      events: eventsFromItems(eventItems.map(fieldsWithWriters), reference)
    };
  }

  /**
   * Posts the item, then settles a concurrent registration of the same reference as the SharePoint
   * store does: the lowest item id wins, the others remove their item and get `data.error.conflict`
   * (`src/data/concurrentCreation.ts`). A check before the post could not prevent two creations.
   */
  public async createProjection(write: ProjectionWrite): Promise<DossierProjection> {
    const reference = write.dossier.reference;
    const what = `create dossier ${reference}`;
    const items = `${listPath(await this.site.siteId(), LIST_DOSSIERS)}/items`;
    let created: GraphListItem;
    try {
      created = (await this.site.client.api(items).post({ fields: projectionFields(write) })) as GraphListItem;
    } catch (error) {
      throw toDataError(error, what);
    }
    const itemId = Number(created.id);
    await settleConcurrentCreation(what, itemId, await this.itemIdsOfReference(reference), async () => {
      await this.site.client.api(`${items}/${itemId}`).delete();
    });
    return this.projectionOf({ ...created, fields: { ...projectionFields(write), ...(created.fields ?? {}) } });
  }

  private async itemIdsOfReference(reference: string): Promise<number[]> {
    const found = await readAllItems(
      this.site.client,
      await this.site.siteId(),
      LIST_DOSSIERS,
      { select: [DossierColumn.Reference], filter: `fields/${DossierColumn.Reference} eq ${graphString(reference)}`, top: MAX_CONCURRENT_TWINS },
      `read the items of dossier ${reference}`
    );
    return found.map((item) => Number(item.id));
  }

  /**
   * PATCH of the fields with `If-Match`: Graph answers 412 when someone else wrote first, which becomes
   * a `data.error.conflict` for the command service to reload and re-decide.
   */
  public async updateProjection(itemId: number, etag: string, write: ProjectionWrite): Promise<string> {
    const what = `update dossier ${write.dossier.reference}`;
    let answer: Record<string, unknown>;
    try {
      answer = (await this.site.client
        .api(`${listPath(await this.site.siteId(), LIST_DOSSIERS)}/items/${itemId}/fields`)
        .header('If-Match', etag)
        .patch(projectionFields(write))) as Record<string, unknown>;
    } catch (error) {
      throw toDataError(error, what);
    }
    const newEtag = answer?.['@odata.etag'];
    if (typeof newEtag !== 'string') throw new DataError('data.error.corrupt', `${what}: the answer carries no ETag.`);
    return newEtag;
  }

  public async readEvents(reference: string): Promise<SequencedEvent[]> {
    const query = await this.eventsQuery(reference);
    const items = await readAllItems(this.site.client, await this.site.siteId(), LIST_EVENTS, query, `read the events of ${reference}`);
    return eventsFromItems(items.map(fieldsWithWriters), reference);
  }

  /**
   * Appends the events in one JSON `$batch` of POSTs. When some fail, the log is read back: events that
   * are there after all count as appended; anything else is reported. Ids in `knownIds` are skipped.
   */
  public async appendEvents(events: readonly SequencedEvent[], knownIds: ReadonlySet<string> = new Set()): Promise<void> {
    const toAdd = events.filter((item) => !knownIds.has(item.event.id));
    if (toAdd.length === 0) return;
    const reference = toAdd[0].event.dossierReference;
    const what = `append events to ${reference}`;
    const url = `${listPath(await this.site.siteId(), LIST_EVENTS)}/items`;
    let answers: Map<string, BatchResponse>;
    try {
      answers = await sendBatch(
        this.site.client,
        toAdd.map((item, index) => ({ id: `e${index}`, method: 'POST' as const, url, body: { fields: eventFields(item) } })),
        this.batchOptions
      );
    } catch (error) {
      throw toDataError(error, what);
    }
    const failed = [...answers.values()].filter((answer) => answer.status < 200 || answer.status >= 300);
    if (failed.length === 0) return;
    if (failed.some((answer) => answer.status === 401 || answer.status === 403)) {
      throw new DataError('data.error.accessDenied', `${what}: access denied.`, failed[0].status);
    }
    const present = new Set((await this.readEvents(reference)).map((item) => item.event.id));
    const missing = toAdd.filter((item) => !present.has(item.event.id));
    if (missing.length > 0) {
      throw new DataError('data.error.unavailable', `${what}: ${missing.length} event(s) could not be stored (HTTP ${failed[0].status}).`, failed[0].status);
    }
  }

  /** A register page; the cursor is the relative next link Graph returned. */
  public async readRegisterPage(query: RegisterQuery, cursor?: string): Promise<RegisterPage> {
    const what = 'read the register';
    const graphQuery = graphRegisterQuery(query);
    const headers = listItemsHeaders(graphQuery);
    let body: unknown;
    try {
      const url = cursor ?? listItemsUrl(await this.site.siteId(), LIST_DOSSIERS, graphQuery);
      body = await this.site.client.api(url).headers(headers).get();
    } catch (error) {
      throw toDataError(error, what);
    }
    const page = itemsOfPage(body, what);
    return registerPageOf(
      page.items.map((item) => ({ ...fieldsWithId(item), Modified: item.lastModifiedDateTime })),
      page.nextLink ? relativeGraphPath(page.nextLink) : undefined
    );
  }

  public async referencesStartingWith(prefix: string): Promise<string[]> {
    return this.columnValuesStartingWith(DossierColumn.Reference, prefix);
  }

  public async protocolNumbersStartingWith(prefix: string): Promise<string[]> {
    return this.columnValuesStartingWith(DossierColumn.ProtocolNumber, prefix);
  }

  private async columnValuesStartingWith(column: string, prefix: string): Promise<string[]> {
    const items = await readAllItems(
      this.site.client,
      await this.site.siteId(),
      LIST_DOSSIERS,
      { select: [column], filter: `startswith(fields/${column},${graphString(prefix)})`, top: 5000 },
      `read ${column} values`
    );
    return items.map((item) => item.fields[column]).filter((value): value is string => typeof value === 'string');
  }

  /** The protocol's own dossier and its addenda, in one `$batch` (two indexed filters). */
  public async rowsByProtocolNumber(protocolNumber: string): Promise<RegisterRow[]> {
    const what = `read dossiers of protocol ${protocolNumber}`;
    const siteId = await this.site.siteId();
    const query = (column: string): string =>
      listItemsUrl(siteId, LIST_DOSSIERS, { select: graphSelect(REGISTER_SELECT), filter: `fields/${column} eq ${graphString(protocolNumber)}`, top: 5000 });
    let answers: Map<string, BatchResponse>;
    try {
      answers = await sendBatch(
        this.site.client,
        [
          { id: 'own', url: query(DossierColumn.ProtocolNumber) },
          { id: 'addenda', url: query(DossierColumn.ParentProtocolNumber) }
        ],
        this.batchOptions
      );
    } catch (error) {
      throw toDataError(error, what);
    }
    const rows: RegisterRow[] = [];
    for (const id of ['own', 'addenda']) {
      const items = await readRemainingPages(this.site.client, itemsOfPage(okBody(answers.get(id), what), what), {}, what);
      rows.push(...registerRowsFromItems(items.map((item) => ({ ...fieldsWithId(item), Modified: item.lastModifiedDateTime }))).rows);
    }
    return rows;
  }
}
