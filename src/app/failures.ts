/**
 * `formatFailure`: every failure a screen shows, in the user's language, through one catalog. Data
 * layer errors are shown by their code (their English `message` is for logs and developers only),
 * domain refusals through the domain's `formatError`, unreadable forms by the forms catalog, anything
 * else as a generic localized text.
 */
import { isDataError } from '../data/errors';
import { formatError } from '../domain/formatError';
import { isFormReadError } from '../forms/errors';
import { messageCatalogs } from '../domain/messages';
import type { DomainError, Lang } from '../domain/types';
import { failureCatalogs, type AppFailureCode, type FailureCode } from './failureMessages';

export type { AppFailureCode, FailureCode } from './failureMessages';

/** A failure raised by an application service: a code with parameters, rendered by `formatFailure`. */
export class AppFailure extends Error {
  /** Marker that survives bundling and `instanceof` across realms. */
  public readonly isAppFailure = true;

  public constructor(
    public readonly code: AppFailureCode,
    public readonly params: Readonly<Record<string, string | number>> = {}
  ) {
    // The message is for developers (stack traces); users see the catalog's text.
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AppFailure';
  }
}

/** True for a failure raised by an application service. */
export function isAppFailure(error: unknown): error is AppFailure {
  return typeof error === 'object' && error !== null && (error as { isAppFailure?: unknown }).isAppFailure === true;
}

const fill = (template: string, params: Readonly<Record<string, unknown>>): string =>
  template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? placeholder : String(value);
  });

/** A domain refusal (`DomainError` shape) whose code the domain's catalog knows. */
function isDomainError(error: unknown): error is DomainError {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code in messageCatalogs.nl;
}

/** The technical detail of an unknown failure, kept short; never an object dump. */
function detailOf(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const short = text.trim().slice(0, 200);
  return short || '—';
}

/**
 * The message a user reads for a failure, in Dutch or English: a `DataError` by its code (with the
 * HTTP status as parameter), an `AppFailure` by its code and parameters, a domain refusal by
 * `formatError`, anything else as "unexpected error" with its message as the only parameter.
 */
export function formatFailure(error: unknown, lang: Lang): string {
  const catalog = failureCatalogs[lang];
  if (isDataError(error)) {
    const status = error.status ?? '—';
    return fill(catalog[error.code as FailureCode] ?? catalog['app.error.unexpected'], { status, detail: detailOf(error) });
  }
  if (isAppFailure(error)) return fill(catalog[error.code], error.params);
  // An unreadable form names the file and the reason in both languages already (forms catalog).
  if (isFormReadError(error)) return lang === 'en' ? error.messageEn : error.message;
  if (isDomainError(error)) return formatError(error, lang);
  return fill(catalog['app.error.unexpected'], { detail: detailOf(error) });
}
