/**
 * How the command service answers a failure: a status and a `ServiceErrorBody` (a code the clients'
 * catalogs translate, its parameters, an English technical message), plus the wait for throttling.
 * Kept apart from the HTTP host so every host (Azure Functions, the local tenant) answers alike.
 */
import { httpStatusOf, isDataError, toDataError, type DataErrorCode } from '../../data/errors';
import type { ServiceErrorBody } from '../../data/service/contract';
import { formatBytes, isFormReadError } from '../../forms/errors';
import { AppError, isAppError } from '../appError';

/** A failure as the service answers it. */
export interface ErrorAnswer {
  readonly status: number;
  readonly body: ServiceErrorBody;
  /** Seconds for `Retry-After` (429 and 503). */
  readonly retryAfterSeconds?: number;
}

/** The status of each `DataError` code (see `ServiceErrorBody`). */
const statusOfCode: Readonly<Record<DataErrorCode, number>> = {
  'data.error.invalidInput': 400,
  'data.error.unauthenticated': 401,
  'data.error.accessDenied': 403,
  'data.error.notFound': 404,
  'data.error.conflict': 412,
  'data.error.domainRefused': 422,
  'data.error.throttled': 429,
  'data.error.corrupt': 500,
  'data.error.unreadableEvent': 500,
  'data.error.tampered': 500,
  'data.error.threshold': 503,
  'data.error.unavailable': 503,
  'data.error.notConfigured': 503
};

/** The wait a client is told when the store gave none: long enough for SharePoint's throttling to ease. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30;

/** The largest upload the service accepts (bytes): the size SharePoint's simple upload handles well. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** The 413 refusal of an upload above `max` bytes. */
export function uploadTooLarge(fileName: string, size: number | undefined, max: number): AppError {
  return new AppError('app.error.fileTooLarge', { fileName, size: size === undefined ? `> ${formatBytes(max)}` : formatBytes(size), max: formatBytes(max) });
}

/** The text parameters of a `DataError`'s details (item and event ids), so the client's catalog fills them in. */
function paramsOf(details: Readonly<Record<string, unknown>> | undefined): { params?: Record<string, string | number> } {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details ?? {})) {
    if (key !== 'retryAfterSeconds' && (typeof value === 'string' || typeof value === 'number')) params[key] = value;
  }
  return Object.keys(params).length > 0 ? { params } : {};
}

/** The answer to any failure of a use case; an unknown error becomes a 500 without its message (it may hold data). */
export function errorAnswer(error: unknown): ErrorAnswer {
  if (isAppError(error)) {
    const status = error.code === 'app.error.fileTooLarge' ? 413 : 400;
    return { status, body: { error: { code: error.code, message: error.code, params: error.params } } };
  }
  if (isFormReadError(error)) {
    return { status: 400, body: { error: { code: `forms.read.${error.code}`, message: error.messageEn, params: { fileName: error.fileName, ...error.params } } } };
  }
  if (isDataError(error) || httpStatusOf(error) !== undefined) {
    const failure = toDataError(error, 'command service');
    const status = statusOfCode[failure.code] ?? 500;
    const given = failure.details?.retryAfterSeconds;
    const retryAfterSeconds = status === 429 || status === 503 ? (typeof given === 'number' ? given : DEFAULT_RETRY_AFTER_SECONDS) : undefined;
    // A refusal the data layer named with a catalog code (`serviceCode`, e.g. the publication source) keeps it.
    const named = typeof failure.details?.serviceCode === 'string' && typeof failure.details.params === 'object' && failure.details.params !== null;
    const body = named
      ? { error: { code: failure.details?.serviceCode as string, message: failure.message, params: failure.details?.params as Record<string, string | number> } }
      : { error: { code: failure.code, message: failure.message, ...paramsOf(failure.details) } };
    return {
      status,
      body,
      ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {})
    };
  }
  return { status: 500, body: { error: { code: 'data.error.unavailable', message: 'Unexpected failure in the command service.' } } };
}
