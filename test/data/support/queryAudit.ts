import { indexedColumns, LISTS } from '../../../src/data/schema';

/** A list query the client sent, with the columns its `$filter` and `$orderby` use. */
export interface AuditedQuery {
  readonly list: string;
  readonly filterColumns: string[];
  readonly orderColumns: string[];
  readonly url: string;
}

const FILTER_COLUMN = /(?:startswith|substringof)\(\s*'(?:[^']|'')*'\s*,\s*([A-Za-z_][\w/]*)\s*\)|(?:startswith|substringof)\(\s*([A-Za-z_][\w/]*)|([A-Za-z_][\w/]*)\s+(?:eq|ne|lt|le|gt|ge)\s/g;

/** Columns a `$filter` refers to (string literals removed first, so values never look like columns). */
export function filterColumns(filter: string): string[] {
  const columns: string[] = [];
  const withoutLiterals = filter.replace(/'(?:[^']|'')*'/g, "''");
  for (const match of withoutLiterals.matchAll(FILTER_COLUMN)) columns.push(match[1] ?? match[2] ?? match[3]);
  return columns.filter((c) => !['and', 'or', 'not'].includes(c));
}

function auditUrl(raw: string): AuditedQuery | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const match = /\/lists\/getByTitle\('((?:[^']|'')+)'\)\/items(?:$|\?)/i.exec(decodeURIComponent(url.pathname));
  if (!match) return undefined;
  const list = match[1].replace(/''/g, "'");
  const filter = url.searchParams.get('$filter') ?? '';
  const orderby = url.searchParams.get('$orderby') ?? '';
  return {
    list,
    filterColumns: filter ? filterColumns(filter) : [],
    orderColumns: orderby ? orderby.split(',').map((part) => part.trim().split(/\s+/)[0]) : [],
    url: raw
  };
}

/** Records every list-item query sent through the global fetch, including the parts of `$batch` bodies. */
export function startQueryAudit(): { queries: AuditedQuery[]; stop(): void } {
  const original = globalThis.fetch;
  const queries: AuditedQuery[] = [];
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    const found = auditUrl(url);
    if (found) queries.push(found);
    if (typeof init?.body === 'string' && url.includes('$batch')) {
      for (const line of init.body.split(/\r?\n/)) {
        const part = /^(?:GET|POST|PATCH|MERGE|DELETE|PUT) (\S+) HTTP\/1\.1$/.exec(line);
        const inner = part ? auditUrl(part[1]) : undefined;
        if (inner) queries.push(inner);
      }
    }
    return original(input, init);
  }) as typeof fetch;
  return { queries, stop: () => (globalThis.fetch = original) };
}

/** Queries whose filter or order uses a column provisioning does not index (would fail above 5,000 items). */
export function nonIndexedQueries(queries: readonly AuditedQuery[]): AuditedQuery[] {
  const known = new Set(LISTS.map((l) => l.title));
  return queries.filter((query) => {
    if (!known.has(query.list)) return true;
    const indexed = indexedColumns(query.list);
    return [...query.filterColumns, ...query.orderColumns].some((column) => !indexed.has(column));
  });
}
