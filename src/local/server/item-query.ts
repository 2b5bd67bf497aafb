/**
 * Runs `$filter`/`$orderby`/`$top`/`$skiptoken` item queries for SharePoint REST and Graph over the
 * store, including the 5,000-item list view threshold:
 * "filter/sort first on an indexed column" — https://learn.microsoft.com/en-us/troubleshoot/sharepoint/lists-and-libraries/items-exceeds-list-view-threshold
 */
import type { SqlValue } from '../store/db';
import { StoreError, thresholdMessage } from '../store/errors';
import { FieldType, restPropertyName, type FieldInfo, type ListInfo, type SqlFragment, type StoredItem } from '../store/lists';
import type { TenantStore } from '../store/tenant-store';
import { FilterSyntaxError, firstClauseField, filterFields, parseFilter } from '../odata/filter-parser';
import { filterToSql, type ColumnRef, type ColumnResolver } from '../odata/filter-sql';
import { OrderBySyntaxError, parseOrderBy } from '../odata/orderby';
import { HttpError, badRequest } from './http';

/** SharePoint's list view threshold. */
export const listViewThreshold = 5000;
/** Largest `$top` accepted for list items. */
export const maxTop = 5000;

/** Where the paging of the previous page stopped. */
export interface PagePosition {
  readonly lastId: number;
  /** Sort values of the last row, keyed by the orderby column name; null = empty. */
  readonly values: Readonly<Record<string, string | null>>;
}

/** A query as parsed from the request. */
export interface ItemQueryInput {
  readonly dialect: 'sp' | 'graph';
  readonly filter?: string | null;
  readonly orderBy?: string | null;
  readonly top?: string | null;
  readonly position?: PagePosition;
  /** Graph: `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` was sent. */
  readonly honorNonIndexed?: boolean;
}

/** One page of results and where the next page starts. */
export interface ItemPage {
  readonly items: StoredItem[];
  readonly next?: PagePosition;
}

function columnType(field: FieldInfo): ColumnRef['type'] {
  switch (field.typeKind) {
    case FieldType.Number:
    case FieldType.Integer:
    case FieldType.Currency:
    case FieldType.User:
    case FieldType.Lookup:
    case FieldType.Counter:
      return 'number';
    case FieldType.DateTime:
      return 'date';
    case FieldType.Boolean:
      return 'boolean';
    default:
      return 'text';
  }
}

/** Builds the column resolver of a list for one dialect. */
export function columnResolver(fields: readonly FieldInfo[], dialect: 'sp' | 'graph'): ColumnResolver {
  const byName = new Map<string, FieldInfo>();
  for (const field of fields) {
    byName.set(field.internalName.toLowerCase(), field);
    if (field.typeKind === FieldType.User || field.typeKind === FieldType.Lookup) {
      byName.set(`${field.internalName}Id`.toLowerCase(), field);
      byName.set(`${field.internalName}/Id`.toLowerCase(), field);
      byName.set(`${field.internalName}LookupId`.toLowerCase(), field);
    }
  }
  const indexedOf = (name: string): boolean => byName.get(name.toLowerCase())?.indexed ?? false;
  const system: Record<string, () => ColumnRef> = {
    id: () => ({ sql: 'i.id', params: [], type: 'number', indexed: true }),
    created: () => ({ sql: 'i.created', params: [], type: 'date', indexed: indexedOf('Created') }),
    modified: () => ({ sql: 'i.modified', params: [], type: 'date', indexed: indexedOf('Modified') }),
    author: () => ({ sql: 'i.author_id', params: [], type: 'number', indexed: indexedOf('Author') }),
    editor: () => ({ sql: 'i.editor_id', params: [], type: 'number', indexed: indexedOf('Editor') }),
    fileleafref: () => ({ sql: 'i.leaf_name', params: [], type: 'text', indexed: indexedOf('FileLeafRef') }),
    // Folder paths: filtering a library by folder is common; SharePoint indexes neither by default.
    filedirref: () => ({ sql: 'i.parent_path', params: [], type: 'text', indexed: false }),
    fileref: () => ({ sql: "(i.parent_path || '/' || i.leaf_name)", params: [], type: 'text', indexed: false })
  };
  const aliases: Record<string, string> = { id: 'id', authorid: 'author', 'author/id': 'author', authorlookupid: 'author', editorid: 'editor', 'editor/id': 'editor', editorlookupid: 'editor' };
  if (dialect === 'graph') {
    Object.assign(aliases, { createddatetime: 'created', lastmodifieddatetime: 'modified' });
  }
  return (rawName: string): ColumnRef => {
    let name = rawName;
    if (dialect === 'graph') {
      if (/^fields\//i.test(name)) name = name.slice('fields/'.length);
      else if (!/^(id|createdDateTime|lastModifiedDateTime)$/i.test(name)) {
        throw new FilterSyntaxError(`'${rawName}' is not a listItem property; use fields/${rawName}.`);
      }
    }
    const lower = name.toLowerCase();
    const systemKey = aliases[lower] ?? lower;
    if (system[systemKey] && (systemKey !== 'id' || lower === 'id')) return system[systemKey]();
    const field = byName.get(lower);
    if (!field) {
      throw new StoreError('invalid', `Column '${name}' does not exist. It may have been deleted by another user.`, '-2146232832, Microsoft.SharePoint.SPException');
    }
    return { sql: 'json_extract(i.data, ?)', params: [`$."${restPropertyName(field)}"`], type: columnType(field), indexed: field.indexed };
  };
}

/**
 * The name under which a sort column's value travels in the skip token: SharePoint writes the
 * internal name (`p_Title`), so Graph's `fields/Title` becomes `Title`. The ID never gets its own
 * entry: `p_ID` always carries the last row's id.
 */
function tokenName(field: string): string {
  return field.replace(/^fields\//i, '');
}

function isIdColumn(column: ColumnRef): boolean {
  return column.sql === 'i.id';
}

/** Encodes a page position as SharePoint's `$skiptoken` value (`Paged=TRUE&p_Title=x&p_ID=5`). */
export function encodeSkipToken(position: PagePosition): string {
  const parts = ['Paged=TRUE'];
  for (const [name, value] of Object.entries(position.values)) {
    if (value !== null && !/^id$/i.test(name)) parts.push(`p_${name}=${encodeURIComponent(value)}`);
  }
  parts.push(`p_ID=${position.lastId}`);
  return parts.join('&');
}

/** Decodes a `$skiptoken` (SharePoint plain, or Graph's base64 form). */
export function decodeSkipToken(token: string, dialect: 'sp' | 'graph'): PagePosition {
  let text = token;
  if (dialect === 'graph' && !token.includes('=TRUE')) text = Buffer.from(token, 'base64').toString('utf8');
  if (!/Paged=TRUE/i.test(text)) throw badRequest(`The $skiptoken '${token}' is not valid.`);
  if (/PagedPrev=TRUE/i.test(text)) throw badRequest('Backward paging (PagedPrev=TRUE) is not supported by the local tenant.');
  const values: Record<string, string | null> = {};
  let lastId: number | undefined;
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    if (/^p_ID$/i.test(key)) lastId = Number(value);
    else if (key.startsWith('p_')) {
      try {
        values[key.slice(2)] = decodeURIComponent(value);
      } catch {
        throw badRequest(`The $skiptoken '${token}' is not valid.`);
      }
    }
  }
  if (lastId === undefined || !Number.isInteger(lastId) || lastId < 0) throw badRequest(`The $skiptoken '${token}' has no valid p_ID.`);
  return { lastId, values };
}

/** The sort value of the previous page's last row for `field`, matched case-insensitively like SharePoint's property names. */
function positionValue(position: PagePosition, field: string): string | null {
  const wanted = tokenName(field).toLowerCase();
  const key = Object.keys(position.values).find((name) => name.toLowerCase() === wanted);
  return key === undefined ? null : position.values[key];
}

function typedValue(column: ColumnRef, raw: string | null): SqlValue {
  if (raw === null) return null;
  if (column.type === 'number' || column.type === 'boolean') return Number(raw);
  return raw;
}

/** The condition "after the last row" for keyset paging over (orderby columns…, id). */
function keysetAfter(terms: { column: ColumnRef; descending: boolean; value: SqlValue }[], lastId: number): SqlFragment {
  const alternatives: string[] = [];
  const params: SqlValue[] = [];
  for (let k = 0; k <= terms.length; k += 1) {
    const parts: string[] = [];
    for (let j = 0; j < k; j += 1) {
      parts.push(`${terms[j].column.sql} IS ?`);
      params.push(...terms[j].column.params, terms[j].value);
    }
    if (k === terms.length) {
      parts.push('i.id > ?');
      params.push(lastId);
    } else {
      const { column, descending, value } = terms[k];
      if (value === null) {
        parts.push(descending ? '0' : `${column.sql} IS NOT NULL`);
        if (!descending) params.push(...column.params);
      } else if (descending) {
        parts.push(`(${column.sql} < ? OR ${column.sql} IS NULL)`);
        params.push(...column.params, value, ...column.params);
      } else {
        parts.push(`${column.sql} > ?`);
        params.push(...column.params, value);
      }
    }
    alternatives.push(`(${parts.join(' AND ')})`);
  }
  return { sql: alternatives.join(' OR '), params };
}

function sortValue(item: StoredItem, column: ColumnRef): string | null {
  // Read back through the same column semantics as SQL so the keyset matches the ORDER BY.
  switch (column.sql) {
    case 'i.id': return String(item.id);
    case 'i.created': return item.created;
    case 'i.modified': return item.modified;
    case 'i.author_id': return String(item.authorId);
    case 'i.editor_id': return String(item.editorId);
    case 'i.leaf_name': return item.leafName;
    case 'i.parent_path': return item.parentPath;
    case "(i.parent_path || '/' || i.leaf_name)": return item.leafName === null ? null : `${item.parentPath}/${item.leafName}`;
    default: {
      const path = String(column.params[0]);
      const key = path.slice(3, -1);
      const value = item.data[key];
      if (value === null || value === undefined) return null;
      if (typeof value === 'boolean') return value ? '1' : '0';
      return String(value);
    }
  }
}

/** Runs one page of an item query against a list. */
export function queryItemPage(store: TenantStore, list: ListInfo, input: ItemQueryInput): ItemPage {
  const fields = store.lists.fields(list.id);
  const resolve = columnResolver(fields, input.dialect);
  let top = 100;
  if (input.top !== undefined && input.top !== null && input.top !== '') {
    top = Number(input.top);
    if (!Number.isInteger(top) || top < 1) throw badRequest(`The $top value '${input.top}' is not a positive integer.`);
    if (top > maxTop) throw badRequest(`The $top value ${top} exceeds the list view threshold of ${maxTop} items.`);
  }
  try {
    const filterTree = input.filter ? parseFilter(input.filter) : undefined;
    const orderTerms = parseOrderBy(input.orderBy).map((t) => ({ ...t, column: resolve(t.field) }));
    const where = filterTree ? filterToSql(filterTree, resolve) : undefined;
    if (input.dialect === 'graph' && !input.honorNonIndexed) {
      const nonIndexed = [...(filterTree ? filterFields(filterTree) : []), ...orderTerms.map((t) => t.field)].find((f) => /^fields\//i.test(f) && !resolve(f).indexed);
      if (nonIndexed) {
        throw new HttpError(400, `Field '${nonIndexed.slice('fields/'.length)}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`, '-1, Microsoft.SharePoint.SPException', 'invalidRequest');
      }
    }
    const overThreshold = store.lists.itemCount(list.id) > listViewThreshold;
    if (overThreshold) {
      const firstNotIndexed = filterTree !== undefined && !resolve(firstClauseField(filterTree)).indexed;
      const sortNotIndexed = orderTerms.some((t) => !t.column.indexed);
      if (firstNotIndexed || sortNotIndexed) {
        if (input.dialect === 'graph') throw new HttpError(400, 'The request is unprocessable because it uses too many resources', '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', 'invalidRequest');
        throw new StoreError('throttled', thresholdMessage);
      }
    }
    const position = input.position;
    // An ID sort term takes its value from p_ID (the token has no separate entry for it).
    const after = position
      ? keysetAfter(
          orderTerms.map((t) => ({
            column: t.column,
            descending: t.descending,
            value: isIdColumn(t.column) ? position.lastId : typedValue(t.column, positionValue(position, t.field))
          })),
          position.lastId
        )
      : undefined;
    const rows = store.lists.queryItems(list.id, { where, after, orderBy: orderTerms.map((t) => ({ sql: t.column.sql, params: t.column.params, descending: t.descending })), limit: top + 1 });
    const items = rows.slice(0, top);
    if (rows.length <= top) return { items };
    const last = items[items.length - 1];
    const values: Record<string, string | null> = {};
    for (const t of orderTerms) if (!isIdColumn(t.column)) values[tokenName(t.field)] = sortValue(last, t.column);
    return { items, next: { lastId: last.id, values } };
  } catch (error) {
    if (error instanceof FilterSyntaxError || error instanceof OrderBySyntaxError) {
      throw badRequest(`The query is not valid: ${error.message}`, '-1, Microsoft.SharePoint.SPException');
    }
    throw error;
  }
}
