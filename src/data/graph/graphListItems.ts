import { DataError, toDataError } from '../errors';
import { loginOfIdentitySet } from '../writers';
import { listPath, type GraphClientLike } from './graphClient';

/**
 * Graph list-item reads (`GET /sites/{site}/lists/{list}/items?expand=fields(select=...)`), built as
 * relative URLs with every query value URL-encoded: the Graph client joins query strings verbatim, and
 * the same URLs go into JSON `$batch` requests.
 * Source: microsoft-graph-docs-contrib api-reference/v1.0/api/listitem-list.md.
 */

/** A list item as Graph returns it with `expand=fields`. */
export interface GraphListItem {
  readonly id: string;
  readonly eTag?: string;
  readonly webUrl?: string;
  readonly createdDateTime?: string;
  readonly lastModifiedDateTime?: string;
  /** Graph `identitySet`s of the item's writer and last editor (checked on replay). */
  readonly createdBy?: unknown;
  readonly lastModifiedBy?: unknown;
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * Graph refuses `$filter`/`$orderby` on a column that is not indexed unless the request says it accepts
 * that such queries may fail on large lists. Only sent by queries whose FIRST clause is indexed, so the
 * list view threshold is never the reason they fail.
 */
export const HONOR_NON_INDEXED_HEADER: Readonly<Record<string, string>> = {
  Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly'
};

/** What to read from one list. Column names are internal names of `src/data/schema.ts`. */
export interface ListItemsQuery {
  readonly select: readonly string[];
  /** OData filter over `fields/<Column>`; its first clause must be on an indexed column. */
  readonly filter?: string;
  readonly orderBy?: string;
  /** Page size, 1..5000 (SharePoint's limit behind Graph). */
  readonly top?: number;
  /** Adds the `Prefer` header because a later clause filters on a non-indexed column. */
  readonly honorNonIndexed?: boolean;
}

/** The relative URL of a list-item query. */
export function listItemsUrl(siteId: string, listTitle: string, query: ListItemsQuery): string {
  if (query.select.length === 0) throw new DataError('data.error.invalidInput', 'A list query must select at least one column.');
  const top = query.top ?? 200;
  if (!Number.isInteger(top) || top < 1 || top > 5000) throw new DataError('data.error.invalidInput', `Page size ${top} is outside 1..5000.`);
  const parts = [`expand=${encodeURIComponent(`fields(select=${query.select.join(',')})`)}`];
  if (query.filter) parts.push(`$filter=${encodeURIComponent(query.filter)}`);
  if (query.orderBy) parts.push(`$orderby=${encodeURIComponent(query.orderBy)}`);
  parts.push(`$top=${top}`);
  return `${listPath(siteId, listTitle)}/items?${parts.join('&')}`;
}

/** Headers a query needs (the `Prefer` header when it filters on a non-indexed column). */
export function listItemsHeaders(query: ListItemsQuery): Record<string, string> {
  return query.honorNonIndexed ? { ...HONOR_NON_INDEXED_HEADER } : {};
}

/**
 * The path after the version segment of an absolute Graph URL (`@odata.nextLink`), so the client
 * sends it to its own base URL: production Graph or the local tenant alike.
 */
export function relativeGraphPath(absoluteUrl: string): string {
  const match = /\/(v1\.0|beta)(\/.*)$/.exec(absoluteUrl);
  if (!match) throw new DataError('data.error.corrupt', 'A next link does not point at a Graph version root.');
  return match[2];
}

/** One page of list items as Graph answers it. */
export interface GraphItemsPage {
  readonly value?: GraphListItem[];
  readonly '@odata.nextLink'?: string;
}

/** The items of a page body; a body without `value` is a clear error, not an empty queue. */
export function itemsOfPage(body: unknown, what: string): { items: GraphListItem[]; nextLink?: string } {
  const page = body as GraphItemsPage | undefined;
  if (!page || !Array.isArray(page.value)) throw new DataError('data.error.corrupt', `${what}: the answer has no value array.`);
  return { items: page.value, nextLink: page['@odata.nextLink'] };
}

/** Follows `@odata.nextLink` from a first page until the last page; `maxItems` guards against runaways. */
export async function readRemainingPages(
  client: GraphClientLike,
  first: { items: GraphListItem[]; nextLink?: string },
  headers: Readonly<Record<string, string>>,
  what: string,
  maxItems = 50000
): Promise<GraphListItem[]> {
  const items = [...first.items];
  let next = first.nextLink;
  while (next) {
    if (items.length >= maxItems) throw new DataError('data.error.invalidInput', `${what}: more than ${maxItems} items.`);
    let body: unknown;
    try {
      body = await client.api(relativeGraphPath(next)).headers(headers).get();
    } catch (error) {
      throw toDataError(error, what);
    }
    const page = itemsOfPage(body, what);
    items.push(...page.items);
    next = page.nextLink;
  }
  return items;
}

/** Every item of a query, page after page. */
export async function readAllItems(client: GraphClientLike, siteId: string, listTitle: string, query: ListItemsQuery, what: string): Promise<GraphListItem[]> {
  const headers = listItemsHeaders(query);
  let body: unknown;
  try {
    body = await client.api(listItemsUrl(siteId, listTitle, query)).headers(headers).get();
  } catch (error) {
    throw toDataError(error, what);
  }
  return readRemainingPages(client, itemsOfPage(body, what), headers, what);
}

/** The fields of an item with `Id` set the way the SharePoint mappers of `src/data` read it. */
export function fieldsWithId(item: GraphListItem): Record<string, unknown> {
  return { ...item.fields, Id: Number(item.id) };
}

/**
 * The fields of an item plus its writer and last editor as SharePoint REST would expand them
 * (`Author/Name`, `Editor/Name`), so the SharePoint mappers check writers the same way on Graph.
 */
export function fieldsWithWriters(item: GraphListItem): Record<string, unknown> {
  const author = loginOfIdentitySet(item.createdBy);
  const editor = loginOfIdentitySet(item.lastModifiedBy);
  return { ...fieldsWithId(item), ...(author ? { Author: { Name: author } } : {}), ...(editor ? { Editor: { Name: editor } } : {}) };
}
