import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import { body } from '@pnp/queryable';
import { spPost } from '@pnp/sp';
import type { IItems } from '@pnp/sp/items';
import { MAX_CONCURRENT_TWINS, settleConcurrentCreation, winningItem } from '../concurrentCreation';
import { DataError, toDataError } from '../errors';
import { odataString, skipTokenOf } from '../odata';
import type { ODataPage } from '../odata';
import type { DossierProjection, DossierStore, DossierStream, ProjectionWrite, RegisterPage, RegisterQuery, RegisterRow } from '../ports';
import { DossierColumn, EventColumn, LIST_DOSSIERS, LIST_EVENTS } from '../schemaNames';
import {
  EVENT_EXPAND,
  EVENT_SELECT,
  PROJECTION_EXPAND,
  PROJECTION_SELECT,
  eventsFromItems,
  projectionFields,
  projectionFromItem,
  registerPageOf,
  registerRowsFromItems
} from './itemMapping';
import { EntityWithEtagParse, EtagHeaderParse, PageParse } from './parsers';
import type { EntityWithEtag } from './parsers';
import { buildRegisterQuery, REGISTER_SELECT } from './registerQuery';

type Fields = Record<string, unknown>;

/** The item id of a listed item (`Id`, or `ID` in some OData flavours). */
const itemIdOf = (item: Fields): number => Number(item.Id ?? item.ID);

/** The most SharePoint returns in one page of list items. */
const MAX_PAGE = 5000;

/** Applies the register query parts (and a paging cursor) to an items collection. */
export function applyRegisterQuery(items: IItems, query: RegisterQuery, cursor?: string): IItems {
  const parts = buildRegisterQuery(query);
  let result = items.select(...parts.select).top(parts.top);
  if (parts.filter) result = result.filter(parts.filter);
  for (const order of parts.orderBy) result = result.orderBy(order.column, order.ascending);
  if (cursor) result.query.set('$skiptoken', cursor);
  return result;
}

/** Reads every page of a collection by following the server's next links. */
export async function readAllPages(first: IItems): Promise<Fields[]> {
  const rows: Fields[] = [];
  let page = (await first.using(PageParse())()) as unknown as ODataPage<Fields>;
  rows.push(...page.rows);
  while (page.nextLink) {
    const token = skipTokenOf(page.nextLink);
    if (!token) break;
    const next = first.using(PageParse());
    next.query.set('$skiptoken', token);
    page = (await next()) as unknown as ODataPage<Fields>;
    rows.push(...page.rows);
  }
  return rows;
}

/** `DossierStore` on PnPjs: the `Dossiers` list, read together with `Dossiergebeurtenissen`. */
export class SharePointDossierStore implements DossierStore {
  public constructor(private readonly sp: SPFI) {}

  private dossiers(sp: SPFI = this.sp): ReturnType<SPFI['web']['lists']['getByTitle']> {
    return sp.web.lists.getByTitle(LIST_DOSSIERS);
  }

  /** Projection and events in one `$batch` (two GETs). */
  public async loadStream(reference: string): Promise<DossierStream> {
    const what = `load dossier ${reference}`;
    try {
      const [batched, execute] = this.sp.batched();
      const projectionPage = this.dossiers(batched)
        .items.select(...PROJECTION_SELECT)
        .expand(...PROJECTION_EXPAND)
        .filter(`${DossierColumn.Reference} eq ${odataString(reference)}`)
        .top(MAX_CONCURRENT_TWINS)
        .using(PageParse())() as unknown as Promise<ODataPage<Fields>>;
      const eventsPage = batched.web.lists
        .getByTitle(LIST_EVENTS)
        .items.select(...EVENT_SELECT)
        .expand(...EVENT_EXPAND)
        .filter(`${EventColumn.DossierReference} eq ${odataString(reference)}`)
        .orderBy(EventColumn.Sequence, true)
        .top(MAX_PAGE)
        .using(PageParse())() as unknown as Promise<ODataPage<Fields>>;
      await execute();
      const [projectionRows, eventRows] = [await projectionPage, await eventsPage];
      let eventItems = eventRows.rows;
      if (eventRows.nextLink) {
        eventItems = await readAllPages(
          this.sp.web.lists
            .getByTitle(LIST_EVENTS)
            .items.select(...EVENT_SELECT)
            .expand(...EVENT_EXPAND)
            .filter(`${EventColumn.DossierReference} eq ${odataString(reference)}`)
            .orderBy(EventColumn.Sequence, true)
            .top(MAX_PAGE)
        );
      }
      const events = eventsFromItems(eventItems, reference);
      // Twins of a concurrent registration: the lowest id is the dossier (src/data/concurrentCreation.ts).
      const item = winningItem(projectionRows.rows, itemIdOf);
      if (!item) return { events };
      return { projection: await this.projectionWithEtag(item), events };
    } catch (error) {
      throw toDataError(error, what);
    }
  }

  /** The projection of a listed item; nometadata answers carry no ETag in the body, so then the item is read once more for its `ETag` header. */
  public async projectionWithEtag(item: Fields): Promise<DossierProjection> {
    if (item['odata.etag'] !== undefined || item.__metadata !== undefined) return projectionFromItem(item);
    const id = Number(item.Id ?? item.ID);
    const single = (await this.dossiers().items.getById(id).select('Id').using(EntityWithEtagParse())()) as unknown as EntityWithEtag;
    return projectionFromItem(item, single.etag);
  }

  public async createProjection(write: ProjectionWrite): Promise<DossierProjection> {
    const reference = write.dossier.reference;
    const what = `create dossier ${reference}`;
    let created: EntityWithEtag;
    try {
      created = (await spPost(this.dossiers().items.using(EntityWithEtagParse()), body(projectionFields(write)))) as EntityWithEtag;
    } catch (error) {
      throw toDataError(error, what);
    }
    const itemId = itemIdOf(created.entity);
    // Two clients may register the same reference at once; the list cannot refuse it.
    await settleConcurrentCreation(what, itemId, await this.itemIdsOfReference(reference), () => this.dossiers().items.getById(itemId).delete());
    return {
      itemId,
      etag: created.etag ?? '*',
      reference,
      eventCount: write.eventCount,
      lastEventId: write.dossier.lastEventId,
      pendingEvents: write.pendingEvents,
      snapshot: write.dossier
    };
  }

  private async itemIdsOfReference(reference: string): Promise<number[]> {
    const rows = (await this.dossiers()
      .items.select('Id')
      .filter(`${DossierColumn.Reference} eq ${odataString(reference)}`)
      .top(MAX_CONCURRENT_TWINS)
      .using(PageParse())()) as unknown as ODataPage<Fields>;
    return rows.rows.map(itemIdOf);
  }

  public async updateProjection(itemId: number, etag: string, write: ProjectionWrite): Promise<string> {
    const what = `update dossier ${write.dossier.reference}`;
    if (!etag || etag === '*') throw new DataError('data.error.invalidInput', `${what}: an ETag is required (never last-writer-wins).`);
    try {
      const item = this.dossiers().items.getById(itemId);
      const result = (await spPost(
        item.using(EtagHeaderParse()),
        body(projectionFields(write), { headers: { 'IF-Match': etag, 'X-HTTP-Method': 'MERGE' } })
      )) as { etag?: string };
      return result.etag ?? etag;
    } catch (error) {
      throw toDataError(error, what);
    }
  }

  public async readRegisterPage(query: RegisterQuery, cursor?: string): Promise<RegisterPage> {
    try {
      return await this.registerPageRequest(this.sp, query, cursor);
    } catch (error) {
      throw toDataError(error, 'read the register');
    }
  }

  /** The register page request on the given root, so a caller can put it in its own `$batch`. */
  public registerPageRequest(sp: SPFI, query: RegisterQuery, cursor?: string): Promise<RegisterPage> {
    const request = applyRegisterQuery(this.dossiers(sp).items, query, cursor).using(PageParse());
    return (request() as unknown as Promise<ODataPage<Fields>>).then((page) => registerPageOf(page.rows, page.nextLink ? skipTokenOf(page.nextLink) : undefined));
  }

  public async referencesStartingWith(prefix: string): Promise<string[]> {
    return this.columnValuesStartingWith(DossierColumn.Reference, prefix);
  }

  public async protocolNumbersStartingWith(prefix: string): Promise<string[]> {
    return this.columnValuesStartingWith(DossierColumn.ProtocolNumber, prefix);
  }

  private async columnValuesStartingWith(column: string, prefix: string): Promise<string[]> {
    try {
      const rows = await readAllPages(
        this.dossiers().items.select('Id', column).filter(`startswith(${column},${odataString(prefix)})`).top(MAX_PAGE)
      );
      return rows.map((row) => row[column]).filter((value): value is string => typeof value === 'string');
    } catch (error) {
      throw toDataError(error, `read ${column} values`);
    }
  }

  public async rowsByProtocolNumber(protocolNumber: string): Promise<RegisterRow[]> {
    try {
      const [batched, execute] = this.sp.batched();
      const own = this.dossiers(batched)
        .items.select(...REGISTER_SELECT)
        .filter(`${DossierColumn.ProtocolNumber} eq ${odataString(protocolNumber)}`)
        .top(MAX_PAGE)
        .using(PageParse())() as unknown as Promise<ODataPage<Fields>>;
      const addenda = this.dossiers(batched)
        .items.select(...REGISTER_SELECT)
        .filter(`${DossierColumn.ParentProtocolNumber} eq ${odataString(protocolNumber)}`)
        .top(MAX_PAGE)
        .using(PageParse())() as unknown as Promise<ODataPage<Fields>>;
      await execute();
      // A row that cannot be read is left out here as on the register page (it shows there, reported).
      return registerRowsFromItems([...(await own).rows, ...(await addenda).rows]).rows;
    } catch (error) {
      throw toDataError(error, `read dossiers of protocol ${protocolNumber}`);
    }
  }
}
