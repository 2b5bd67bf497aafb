/**
 * OData literal and response helpers shared by the SharePoint adapters. They work for the three JSON
 * flavours SharePoint answers (`nometadata`, `minimalmetadata`, `verbose`).
 */

/** A string literal for `$filter`: quotes doubled, as OData requires. URL encoding is PnPjs' job. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A `datetime'...'` literal from an ISO date or date-time; throws on an unparsable value. */
export function odataDateTime(value: string): string {
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) throw new Error(`Not an ISO date: "${value}"`);
  return `datetime'${new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z')}'`;
}

/** The item ETag from a response body in any flavour (`odata.etag` or `__metadata.etag`). */
export function etagOf(entity: Readonly<Record<string, unknown>>): string | undefined {
  const minimal = entity['odata.etag'];
  if (typeof minimal === 'string') return minimal;
  const metadata = entity.__metadata as { etag?: unknown } | undefined;
  if (metadata && typeof metadata.etag === 'string') return metadata.etag;
  return undefined;
}

/** A collection page in any flavour: its rows and the link to the next page, if any. */
export interface ODataPage<T> {
  readonly rows: T[];
  readonly nextLink?: string;
}

/** Reads a collection response body in any flavour. */
export function parseODataPage<T>(json: unknown): ODataPage<T> {
  const body = (json ?? {}) as Record<string, unknown>;
  const verbose = body.d as { results?: T[]; __next?: string } | undefined;
  if (verbose && Array.isArray(verbose.results)) {
    return { rows: verbose.results, nextLink: typeof verbose.__next === 'string' ? verbose.__next : undefined };
  }
  const rows = Array.isArray(body.value) ? (body.value as T[]) : [];
  const next = body['odata.nextLink'] ?? body['@odata.nextLink'];
  return { rows, nextLink: typeof next === 'string' ? next : undefined };
}

/** The `$skiptoken` value of a next link (decoded), or undefined when the link has none. */
export function skipTokenOf(nextLink: string): string | undefined {
  const query = nextLink.includes('?') ? nextLink.slice(nextLink.indexOf('?') + 1) : '';
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    const key = decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
    if (key === '$skiptoken') return decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
  }
  return undefined;
}

/** A date-time column value as an ISO string, or undefined when empty. */
export function isoOrUndefined(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The calendar date part (`YYYY-MM-DD`) of a date-time column value. */
export function dateOrUndefined(value: unknown): string | undefined {
  return isoOrUndefined(value)?.slice(0, 10);
}
