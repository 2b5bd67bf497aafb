/**
 * Helpers of the security probes (issue 12, "Tests"): raw SharePoint REST and Graph calls as a persona
 * (or as the command service's app identity), the site-owner fingerprint of everything the service
 * alone may change, and the statuses inside both kinds of `$batch` answer.
 */
import { localTokenSource } from '../../src/composition/localTokens';
import { LIBRARY_DOCUMENTS, LIST_DOSSIERS, LIST_EVENTS, LIST_NUMBERING } from '../../src/data/schema';
import type { RunningTenant } from '../data/support/tenant';
import { OWNER } from '../data/support/tenant';
import { audienceFor, tokenFor } from '../support/tokens';

/** Who sends a probe: a persona's e-mail, or the command service's app-only identity. */
export type Caller = string | { readonly app: 'service' };

/** One raw HTTP request of a probe; `path` is relative to the tenant's base URL. */
export interface ProbeRequest {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
}

/** The answer of a probe. */
export interface ProbeAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

export const SITE_PATH = '/sites/microdata';
/** `/sites/microdata/_api/<rest>` */
export const api = (rest: string): string => `${SITE_PATH}/_api/${rest}`;
/** `/graph/v1.0/<rest>` */
export const graphPath = (rest: string): string => `/graph/v1.0/${rest}`;
/** `web/lists/getbytitle('<title>')` */
export const listApi = (title: string): string => `web/lists/getbytitle('${title}')`;

const appSources = new Map<string, ReturnType<typeof localTokenSource>>();

async function bearer(tenant: RunningTenant, caller: Caller, path: string): Promise<string> {
  const audience = audienceFor(tenant.baseUrl, path);
  if (typeof caller === 'string') return `Bearer ${await tokenFor(tenant.baseUrl, caller, audience)}`;
  let source = appSources.get(tenant.baseUrl);
  if (!source) {
    source = localTokenSource(tenant.baseUrl, { app: caller.app });
    appSources.set(tenant.baseUrl, source);
  }
  return `Bearer ${await source.token(audience)}`;
}

/** Sends one request with the caller's bearer token (SharePoint's or Graph's audience, by path). */
export async function send(tenant: RunningTenant, caller: Caller, request: ProbeRequest): Promise<ProbeAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json;odata=nometadata', ...(request.headers ?? {}) };
  headers.Authorization = await bearer(tenant, caller, request.path);
  if (typeof request.body === 'string' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${tenant.baseUrl}${request.path}`, { method: request.method, headers, body: request.body, redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** GET as a caller, JSON back; throws on anything but 200. */
export async function getJson<T = any>(tenant: RunningTenant, caller: Caller, path: string): Promise<T> {
  const answer = await send(tenant, caller, { method: 'GET', path });
  if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${answer.text.slice(0, 300)}`);
  return JSON.parse(answer.text) as T;
}

/**
 * The statuses a `$batch` answer holds: every `HTTP/1.1 <status>` line of a SharePoint multipart
 * answer, or every `responses[].status` of a Graph JSON batch.
 */
export function batchPartStatuses(answer: ProbeAnswer): number[] {
  const type = answer.headers.get('content-type') ?? '';
  if (/multipart\//i.test(type)) return [...answer.text.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => Number(match[1]));
  const body = JSON.parse(answer.text) as { responses?: { status: number }[] };
  return (body.responses ?? []).map((response) => response.status);
}

/** The lists and the library whose content only the command service may change. */
export const guardedLists = [LIST_DOSSIERS, LIST_EVENTS, LIST_NUMBERING, LIBRARY_DOCUMENTS] as const;

/**
 * Everything a forbidden write could change, read as the site owner: every item of the three lists
 * and the library with all its fields and its version (`OData__UIVersionString`, `Modified`,
 * `EditorId`), and every file's name, size and version label.
 */
export async function fingerprint(tenant: RunningTenant): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const title of guardedLists) {
    const items = await getJson<{ value: Record<string, unknown>[] }>(tenant, OWNER, api(`${listApi(title)}/items?$top=5000&$orderby=Id`));
    result[title] = items.value;
  }
  const files = await getJson<{ value: Record<string, unknown>[] }>(
    tenant, OWNER, api(`${listApi(LIBRARY_DOCUMENTS)}/items?$top=5000&$orderby=Id&$select=Id,FileRef,FileLeafRef,File/Name,File/Length,File/UIVersionLabel&$expand=File`)
  );
  result.files = files.value;
  return result;
}
