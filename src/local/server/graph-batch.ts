/**
 * Graph JSON `$batch`: at most 20 requests, unique ids, `dependsOn` sequencing (a request whose
 * dependency failed gets 424), outer status 200 whatever the inner results.
 * Reference: https://learn.microsoft.com/en-us/graph/json-batching
 */
import type { Principal } from '../store/principals';
import { HttpError, bodyJson, type LtRequest, type LtResponse } from './http';

/** Graph's per-request limit of a batch. */
export const graphBatchLimit = 20;

interface BatchRequest {
  readonly id: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly dependsOn: string[];
}

function invalid(message: string): HttpError {
  return new HttpError(400, message, '-1, System.ArgumentException', 'BadRequest');
}

function parseRequests(raw: unknown): BatchRequest[] {
  if (!Array.isArray(raw) || raw.length === 0) throw invalid('The batch must contain a non-empty "requests" array.');
  if (raw.length > graphBatchLimit) throw invalid(`The number of batch requests exceeds the limit of ${graphBatchLimit}.`);
  const seen = new Set<string>();
  return raw.map((entry: unknown) => {
    const r = entry as Record<string, unknown>;
    if (!r || typeof r !== 'object') throw invalid('Every batch request must be an object.');
    const id = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : '';
    if (!id) throw invalid('Every batch request needs an "id".');
    if (seen.has(id)) throw invalid(`Batch request ids must be unique; '${id}' is used twice.`);
    seen.add(id);
    if (typeof r.method !== 'string' || !/^(GET|POST|PATCH|PUT|DELETE)$/i.test(r.method)) throw invalid(`Batch request '${id}' has an invalid method.`);
    if (typeof r.url !== 'string' || /^https?:/i.test(r.url)) throw invalid(`Batch request '${id}' needs a relative "url".`);
    const headers = (r.headers && typeof r.headers === 'object' ? r.headers : {}) as Record<string, string>;
    if (r.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      throw invalid(`Batch request '${id}' has a body but no Content-Type header.`);
    }
    const dependsOn = Array.isArray(r.dependsOn) ? r.dependsOn.map(String) : [];
    return { id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn };
  });
}

function encodeBody(request: BatchRequest): Uint8Array {
  if (request.body === undefined) return new Uint8Array();
  const contentType = Object.entries(request.headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (typeof request.body === 'string' && !/json/i.test(contentType)) return Buffer.from(request.body, 'base64');
  return new TextEncoder().encode(typeof request.body === 'string' ? request.body : JSON.stringify(request.body));
}

function decodeBody(response: LtResponse): unknown {
  if (response.body === undefined || (typeof response.body !== 'string' && response.body.byteLength === 0) || response.body === '') return undefined;
  const contentType = response.headers['content-type'] ?? '';
  if (/json/i.test(contentType)) return JSON.parse(typeof response.body === 'string' ? response.body : new TextDecoder().decode(response.body));
  return Buffer.from(typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body).toString('base64');
}

/** Runs a Graph JSON batch as `user`; `versionRoot` is e.g. `/graph/v1.0`. */
export async function handleGraphBatch(request: LtRequest, user: Principal, versionRoot: string, dispatch: (r: LtRequest) => Promise<LtResponse>): Promise<LtResponse> {
  if (request.method !== 'POST') throw invalid('$batch needs POST.');
  const requests = parseRequests(bodyJson(request).requests);
  const ids = new Set(requests.map((r) => r.id));
  for (const r of requests) {
    for (const dep of r.dependsOn) if (!ids.has(dep)) throw invalid(`Batch request '${r.id}' depends on unknown request '${dep}'.`);
  }
  const statusById = new Map<string, number>();
  const responses: unknown[] = [];
  const pending = [...requests];
  while (pending.length > 0) {
    const index = pending.findIndex((r) => r.dependsOn.every((d) => statusById.has(d)));
    if (index < 0) throw invalid('The dependsOn references of the batch form a cycle.');
    const [next] = pending.splice(index, 1);
    if (next.dependsOn.some((d) => (statusById.get(d) ?? 500) >= 400)) {
      statusById.set(next.id, 424);
      responses.push({ id: next.id, status: 424, headers: { 'Content-Type': 'application/json' }, body: { error: { code: 'FailedDependency', message: 'A request this request depends on failed.' } } });
      continue;
    }
    const url = new URL(`${versionRoot}/${next.url.replace(/^\/+/, '')}`, request.url);
    const headers = new Map(Object.entries(next.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const response = await dispatch({ method: next.method, url, headers, body: encodeBody(next), batchIdentity: user });
    statusById.set(next.id, response.status);
    const body = decodeBody(response);
    responses.push({ id: next.id, status: response.status, headers: response.headers, ...(body === undefined ? {} : { body }) });
  }
  return { status: 200, headers: { 'content-type': 'application/json;odata.metadata=minimal;charset=utf-8' }, body: JSON.stringify({ responses }) };
}
