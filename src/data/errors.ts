/**
 * Errors of the data layer. Adapters translate HTTP failures into these so the layers above can react
 * (show a conflict, a refusal) without knowing PnPjs or the Graph client.
 */

/** Why a store operation failed, as far as the caller needs to know. */
export type DataErrorCode =
  | 'data.error.conflict'
  | 'data.error.accessDenied'
  | 'data.error.unauthenticated'
  | 'data.error.notFound'
  | 'data.error.throttled'
  | 'data.error.threshold'
  | 'data.error.invalidInput'
  | 'data.error.corrupt'
  | 'data.error.unreadableEvent'
  | 'data.error.tampered'
  | 'data.error.domainRefused'
  | 'data.error.unavailable'
  | 'data.error.notConfigured';

/** A failure of the data layer. `code` doubles as a translation key; `status` is the HTTP status if any. */
export class DataError extends Error {
  /** Marker that survives bundling and `instanceof` across realms. */
  public readonly isDataError = true;

  public constructor(
    public readonly code: DataErrorCode,
    message: string,
    public readonly status?: number,
    public readonly details?: Readonly<Record<string, unknown>>
  ) {
    super(message);
    this.name = 'DataError';
  }
}

/** True for any error thrown by the data layer. */
export function isDataError(error: unknown): error is DataError {
  return typeof error === 'object' && error !== null && (error as { isDataError?: unknown }).isDataError === true;
}

/** True for a `DataError` with the given code. */
export function hasDataErrorCode(error: unknown, code: DataErrorCode): boolean {
  return isDataError(error) && error.code === code;
}

/** The HTTP status of a PnPjs `HttpRequestError`, a Graph `GraphError` or a `DataError`, if any. */
export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { status?: unknown; statusCode?: unknown };
  if (typeof candidate.status === 'number') return candidate.status;
  if (typeof candidate.statusCode === 'number') return candidate.statusCode;
  return undefined;
}

/**
 * The server's `Retry-After` in whole seconds (delta-seconds or an HTTP date), from a PnPjs
 * `HttpRequestError` (`response.headers`) or a Graph error (`headers`), if it sent one.
 */
export function retryAfterSecondsOf(error: unknown, now: number = Date.now()): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { response?: { headers?: unknown }; headers?: unknown };
  const headers = candidate.response?.headers ?? candidate.headers;
  const value = headers && typeof (headers as Headers).get === 'function' ? (headers as Headers).get('retry-after') : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

/** ` — <server message>` from a PnPjs error text (`... ::> {json}`), short, or nothing. */
function serverSaid(text: string): string {
  const json = text.includes('::>') ? text.slice(text.indexOf('::>') + 3).trim() : '';
  const match = /"value"\s*:\s*"([^"]{1,300})"|"message"\s*:\s*"([^"]{1,300})"/.exec(json);
  const message = match ? (match[1] ?? match[2]) : '';
  return message ? ` — ${message}` : '';
}

/** The server's error message if the error carries one (SharePoint JSON error, Graph error). */
export function serverMessageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Translates an HTTP failure into a `DataError` with a clear message. `what` names the operation
 * ("load dossier VSA-2026-0001") so the message says what failed, never which personal data was involved.
 */
export function toDataError(error: unknown, what: string): DataError {
  if (isDataError(error)) return error;
  const status = httpStatusOf(error);
  const text = serverMessageOf(error);
  const said = serverSaid(text);
  if (status === 412) return new DataError('data.error.conflict', `${what}: the item was changed by someone else (412).`, status);
  if (status === 401 || status === 403) return new DataError('data.error.accessDenied', `${what}: access denied (${status})${said}.`, status);
  if (status === 404) return new DataError('data.error.notFound', `${what}: not found (404)${said}.`, status);
  const retryAfterSeconds = retryAfterSecondsOf(error);
  // The wait the server asked for travels on, so a service can pass it to its own caller.
  const retry = retryAfterSeconds === undefined ? undefined : { retryAfterSeconds };
  if (status === 429) return new DataError('data.error.throttled', `${what}: still throttled after retries (429).`, status, retry);
  if (/SPQueryThrottledException/.test(text)) {
    return new DataError('data.error.threshold', `${what}: the query exceeds the list view threshold.`, status);
  }
  if (status === 503 || status === 504) return new DataError('data.error.unavailable', `${what}: service unavailable (${status}).`, status, retry);
  if (status === 400) return new DataError('data.error.invalidInput', `${what}: the server refused the request (400): ${text}`, status);
  return new DataError('data.error.unavailable', `${what}: ${text}`, status);
}
