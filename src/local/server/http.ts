/**
 * The server's internal request/response model. Node's http requests, `$batch` parts of both kinds
 * and tests all go through the same `dispatch`, so a batched request behaves exactly like a direct one.
 */
import type { Principal } from '../store/principals';
import type { Identity } from './auth';
import { StoreError } from '../store/errors';

/** A request as the routes see it. Header names are lower case. */
export interface LtRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Uint8Array;
  /** Set when the request is part of a `$batch` (the outer request already passed auth and faults). */
  readonly batchIdentity?: Principal;
  /** Who the request is, set by the router after validating its token or cookie (SharePoint REST and Graph). */
  readonly identity?: Identity;
}

/** A response as the routes produce it. */
export interface LtResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/** The reason phrases the batch writers and the HTTP server print. */
export const statusText: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 302: 'Found', 303: 'See Other', 400: 'Bad Request',
  401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict',
  412: 'Precondition Failed', 413: 'Payload Too Large', 424: 'Failed Dependency', 429: 'Too Many Requests',
  500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable'
};

/** An error with the HTTP status and the codes both API families use. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** SharePoint code (`odata.error.code`). */
    readonly spCode: string,
    /** Graph code (`error.code`). */
    readonly graphCode: string,
    readonly headers: Readonly<Record<string, string>> = {}
  ) {
    super(message);
  }
}

/** Bad request input (unparsable body, unknown parameter). */
export function badRequest(message: string, spCode = '-1, Microsoft.SharePoint.Client.InvalidClientQueryException'): HttpError {
  return new HttpError(400, message, spCode, 'invalidRequest');
}

/** Access denied. */
export function forbidden(): HttpError {
  return new HttpError(403, 'Access denied. You do not have permission to perform this action or access this resource.', '-2147024891, System.UnauthorizedAccessException', 'accessDenied');
}

/** Unknown endpoint. */
export function notFound(message = 'The requested resource does not exist in the local tenant.'): HttpError {
  return new HttpError(404, message, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', 'itemNotFound');
}

/**
 * A request the local tenant understands to be valid SharePoint or Graph but does not emulate: a loud
 * 501 instead of a 404 (which would claim the resource does not exist) or a 200 with a wrong answer.
 */
export function notImplemented(message: string): HttpError {
  return new HttpError(501, message, '-1, System.NotSupportedException', 'notSupported');
}

/** Maps store errors to HTTP errors; other errors pass through. */
export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof StoreError) {
    const map: Record<StoreError['kind'], [number, string]> = {
      notFound: [404, 'itemNotFound'],
      invalid: [400, 'invalidRequest'],
      conflict: [409, 'nameAlreadyExists'],
      forbidden: [403, 'accessDenied'],
      preconditionFailed: [412, 'preconditionFailed'],
      throttled: [500, 'activityLimitReached']
    };
    const [status, graphCode] = map[error.kind];
    return new HttpError(status, error.message, error.spCode, graphCode);
  }
  return undefined;
}

/** A JSON response. */
export function jsonResponse(status: number, body: unknown, contentType = 'application/json;charset=utf-8', headers: Record<string, string> = {}): LtResponse {
  return { status, headers: { 'content-type': contentType, ...headers }, body: JSON.stringify(body) };
}

/** An empty response (204 etc.). */
export function emptyResponse(status: number, headers: Record<string, string> = {}): LtResponse {
  return { status, headers };
}

/** The request body as text (UTF-8). */
export function bodyText(request: LtRequest): string {
  return new TextDecoder().decode(request.body);
}

/** The request body parsed as a JSON object; bad JSON is a 400 with a clear message. */
export function bodyJson(request: LtRequest): Record<string, unknown> {
  const text = bodyText(request).trim();
  if (text === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
