/**
 * One call to the command service as both remote adapters make it: network failures and error answers
 * become `DataError`s, and 429/503 are retried after `Retry-After`. Retrying is safe because every
 * write the service accepts is idempotent (a command by its `commandId`; a document upload is a new
 * version of the same file, which the service checks again).
 */
import { DataError, type DataErrorCode } from '../errors';
import type { ServiceErrorBody } from './contract';
import type { ServiceHttp, ServiceRequest, ServiceResponse } from './serviceHttp';

/** How patiently a remote adapter retries a throttled or unavailable service. */
export interface ServiceRetryOptions {
  /** Retries after the first attempt; default 3. */
  readonly maxRetries?: number;
  /** Cap on one wait in ms, whatever `Retry-After` asks; default 10 000 (a user is waiting). */
  readonly maxWaitMs?: number;
  /** Wait when the answer has no usable `Retry-After`, in ms; default 1 000. */
  readonly defaultWaitMs?: number;
  /** Injected so tests do not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Current time in ms (for an HTTP-date `Retry-After`); default `Date.now`. */
  readonly now?: () => number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every code of the data layer, so a client keeps the code the service answered: a record over
 * `DataErrorCode` fails to compile when a code is added and forgotten here (the service's tampered
 * and corrupt answers, 500, were read as `unavailable`, which told the user to retry).
 */
const knownDataErrorCodes: Readonly<Record<DataErrorCode, true>> = {
  'data.error.conflict': true,
  'data.error.accessDenied': true,
  'data.error.unauthenticated': true,
  'data.error.notFound': true,
  'data.error.throttled': true,
  'data.error.threshold': true,
  'data.error.invalidInput': true,
  'data.error.corrupt': true,
  'data.error.unreadableEvent': true,
  'data.error.tampered': true,
  'data.error.domainRefused': true,
  'data.error.unavailable': true,
  'data.error.notConfigured': true
};
const dataErrorCodes: ReadonlySet<string> = new Set(Object.keys(knownDataErrorCodes));

/** True when the text is one of the data layer's error codes. */
export function isDataErrorCode(code: unknown): code is DataErrorCode {
  return typeof code === 'string' && dataErrorCodes.has(code);
}

/** The code an answer without a usable code stands for, by its status. */
export function dataErrorCodeOfStatus(status: number): DataErrorCode {
  if (status === 400) return 'data.error.invalidInput';
  if (status === 401) return 'data.error.unauthenticated';
  if (status === 403) return 'data.error.accessDenied';
  if (status === 404) return 'data.error.notFound';
  if (status === 409 || status === 412) return 'data.error.conflict';
  if (status === 429) return 'data.error.throttled';
  if (status === 422) return 'data.error.domainRefused';
  // Any other refusal of the request itself (413 too large, 415 …) is the caller's input.
  if (status >= 400 && status < 500) return 'data.error.invalidInput';
  return 'data.error.unavailable';
}

/** Milliseconds `Retry-After` asks for (delta-seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Parses a JSON answer; a body that is not JSON is a broken answer of the service, not the caller's fault. */
export function parseJson<T>(text: string, what: string, status: number): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new DataError('data.error.unavailable', `${what}: the service answered ${status} with a body that is not JSON.`, status);
  }
}

/**
 * The `DataError` of an error answer: the body's code when it is a data-layer code (else by status),
 * the body's technical message, and the status, the service's own code and its parameters in `details`.
 */
export async function serviceErrorOf(response: ServiceResponse, what: string): Promise<DataError> {
  let body: Partial<ServiceErrorBody> | undefined;
  try {
    body = JSON.parse(await response.text()) as Partial<ServiceErrorBody>;
  } catch {
    body = undefined;
  }
  const error = typeof body?.error === 'object' && body.error !== null ? body.error : undefined;
  const code = isDataErrorCode(error?.code) ? error.code : dataErrorCodeOfStatus(response.status);
  const message = typeof error?.message === 'string' && error.message ? error.message : `the service answered ${response.status}`;
  const details: Record<string, unknown> = { status: response.status };
  if (typeof error?.code === 'string') details.serviceCode = error.code;
  if (error?.params) details.params = error.params;
  return new DataError(code, `${what}: ${message}`, response.status, details);
}

/**
 * Sends the request; 429 and 503 are retried after `Retry-After` (capped), at most `maxRetries` times.
 * A request that never reaches the service (network, CORS, token acquisition) is `data.error.unavailable`;
 * a `DataError` the transport throws itself (e.g. the sign-in failed: unauthenticated) passes unchanged.
 * Any other answer is returned as it came; the caller reads its status.
 */
export async function sendToService(http: ServiceHttp, request: ServiceRequest, what: string, options: ServiceRetryOptions = {}): Promise<ServiceResponse> {
  const maxRetries = options.maxRetries ?? 3;
  const maxWait = options.maxWaitMs ?? 10_000;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  for (let attempt = 0; ; attempt++) {
    let response: ServiceResponse;
    try {
      response = await http.send(request);
    } catch (error) {
      if (typeof error === 'object' && error !== null && (error as { isDataError?: unknown }).isDataError === true) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new DataError('data.error.unavailable', `${what}: the command service cannot be reached (${reason}).`);
    }
    if ((response.status !== 429 && response.status !== 503) || attempt >= maxRetries) return response;
    const asked = retryAfterMs(response.header('Retry-After'), now()) ?? options.defaultWaitMs ?? 1000;
    await sleep(Math.min(Math.max(asked, 0), maxWait));
  }
}
