import { DataError } from '../errors';
import { realSleep, type GraphClientLike, type Sleep } from './graphClient';

/**
 * JSON `$batch` for Graph reads: at most 20 requests per call (Graph refuses more with 400), answers
 * matched by id because Graph returns them in any order, and inner 429/503/504 answers retried after
 * their `Retry-After`: the client's RetryHandler only sees the outer 200, while each inner request is
 * throttled on its own (microsoft-graph-docs-contrib concepts/json-batching.md, throttling.md).
 */

/** Graph's limit of requests in one `$batch`. */
export const GRAPH_BATCH_LIMIT = 20;

/** One request inside a `$batch`; `url` is relative to the version root (`/sites/...`). */
export interface BatchRequest {
  readonly id: string;
  readonly url: string;
  readonly method?: 'GET' | 'POST' | 'PATCH';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** One answer of a `$batch`. */
export interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Tuning of the inner retry; defaults follow the Graph client's RetryHandler. */
export interface BatchOptions {
  readonly maxRetries?: number;
  readonly sleep?: Sleep;
}

const retryableStatuses = new Set([429, 503, 504]);

function retryAfterMs(response: BatchResponse, attempt: number): number {
  const header = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  const seconds = header === undefined ? Number.NaN : Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 180) * 1000;
  return Math.min(3000 * 2 ** attempt, 180000);
}

/** Splits requests into chunks of at most 20 and checks ids are unique (Graph answers 400 otherwise). */
export function chunkBatchRequests(requests: readonly BatchRequest[]): BatchRequest[][] {
  const ids = new Set<string>();
  for (const request of requests) {
    if (ids.has(request.id)) throw new DataError('data.error.invalidInput', `Duplicate $batch request id "${request.id}".`);
    ids.add(request.id);
  }
  const chunks: BatchRequest[][] = [];
  for (let start = 0; start < requests.length; start += GRAPH_BATCH_LIMIT) {
    chunks.push(requests.slice(start, start + GRAPH_BATCH_LIMIT));
  }
  return chunks;
}

function wireRequest(request: BatchRequest): Record<string, unknown> {
  const wire: Record<string, unknown> = { id: request.id, method: request.method ?? 'GET', url: request.url };
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  if (request.body !== undefined) {
    headers['Content-Type'] = headers['Content-Type'] ?? 'application/json';
    wire.body = request.body;
  }
  if (Object.keys(headers).length > 0) wire.headers = headers;
  return wire;
}

async function sendChunk(client: GraphClientLike, chunk: readonly BatchRequest[]): Promise<BatchResponse[]> {
  const answer = (await client.api('/$batch').post({ requests: chunk.map(wireRequest) })) as { responses?: unknown };
  if (!answer || !Array.isArray(answer.responses)) {
    throw new DataError('data.error.corrupt', 'The $batch answer has no responses array.');
  }
  return (answer.responses as Partial<BatchResponse>[]).map((response) => ({
    id: String(response.id),
    status: Number(response.status),
    headers: (response.headers as Record<string, string> | undefined) ?? {},
    body: response.body
  }));
}

/**
 * Sends the requests in as few `$batch` calls as the limit allows and returns every answer by id.
 * An inner answer that is still throttled after the retries is returned as it is (status 429), so the
 * caller decides whether one missing detail is fatal.
 */
export async function sendBatch(
  client: GraphClientLike,
  requests: readonly BatchRequest[],
  options: BatchOptions = {}
): Promise<Map<string, BatchResponse>> {
  const maxRetries = options.maxRetries ?? 3;
  const sleep = options.sleep ?? realSleep;
  const results = new Map<string, BatchResponse>();
  for (const chunk of chunkBatchRequests(requests)) {
    let pending: readonly BatchRequest[] = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      const responses = await sendChunk(client, pending);
      for (const response of responses) results.set(response.id, response);
      const missing = pending.filter((request) => !results.has(request.id));
      if (missing.length > 0) {
        throw new DataError('data.error.corrupt', `The $batch answer lacks ${missing.length} of its responses.`);
      }
      const throttled = responses.filter((response) => retryableStatuses.has(response.status));
      if (throttled.length === 0 || attempt >= maxRetries) break;
      await sleep(Math.max(...throttled.map((response) => retryAfterMs(response, attempt))));
      const retryIds = new Set(throttled.map((response) => response.id));
      pending = pending.filter((request) => retryIds.has(request.id));
    }
  }
  return results;
}

/** The body of a successful inner answer, or a `DataError` named after `what`. */
export function okBody<T>(response: BatchResponse | undefined, what: string): T {
  if (!response) throw new DataError('data.error.corrupt', `${what}: no answer in the $batch.`);
  if (response.status >= 200 && response.status < 300) return response.body as T;
  const message = (response.body as { error?: { message?: string } } | undefined)?.error?.message ?? '';
  const status = response.status;
  if (status === 404) throw new DataError('data.error.notFound', `${what}: not found (404).`, status);
  if (status === 401 || status === 403) throw new DataError('data.error.accessDenied', `${what}: access denied (${status}).`, status);
  if (status === 429) throw new DataError('data.error.throttled', `${what}: still throttled after retries (429).`, status);
  if (status === 400) throw new DataError('data.error.invalidInput', `${what}: refused (400): ${message}`, status);
  throw new DataError('data.error.unavailable', `${what}: HTTP ${status} ${message}`.trim(), status);
}
