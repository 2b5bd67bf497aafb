import { parseBinderWithErrorCheck, parseODataJSON } from '@pnp/queryable';
import type { Queryable } from '@pnp/queryable';
import { etagOf, parseODataPage } from '../odata';
import type { ODataPage } from '../odata';

/**
 * PnPjs parse behaviours that keep what `DefaultParse` drops: the next-page link of a collection
 * (needed for `$skiptoken` paging) and the ETag of an entity (in the body for minimal/verbose
 * metadata, only in the `ETag` header for nometadata).
 */

type Behavior = (instance: Queryable<unknown>) => Queryable<unknown>;

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return {};
  const text = await response.text();
  return text.trim().length > 0 ? (JSON.parse(text) as unknown) : {};
}

/** Parses a collection into `{ rows, nextLink }` in any JSON flavour. */
export function PageParse(): Behavior {
  return parseBinderWithErrorCheck(async (response: Response) => parseODataPage(await readJson(response))) as Behavior;
}

/** An entity and its ETag. */
export interface EntityWithEtag<T = Record<string, unknown>> {
  readonly entity: T;
  readonly etag?: string;
}

/** Parses an entity and its ETag (body first, then the `ETag` header). */
export function EntityWithEtagParse(): Behavior {
  return parseBinderWithErrorCheck(async (response: Response) => {
    const entity = parseODataJSON(await readJson(response)) as Record<string, unknown>;
    return { entity, etag: etagOf(entity) ?? response.headers.get('ETag') ?? undefined };
  }) as Behavior;
}

/** Parses only the `ETag` header (for MERGE answers, which have no body). */
export function EtagHeaderParse(): Behavior {
  return parseBinderWithErrorCheck(async (response: Response) => ({ etag: response.headers.get('ETag') ?? undefined })) as Behavior;
}

/** Parses the raw bytes of a file. */
export function BytesParse(): Behavior {
  return parseBinderWithErrorCheck(async (response: Response) => new Uint8Array(await response.arrayBuffer())) as Behavior;
}

export type { ODataPage };
