/**
 * `formatFailure`: every failure a screen shows, in the user's language. Data-layer errors are shown
 * by their code (their English `message` is for logs and developers only), domain refusals and the
 * application services' coded errors (`AppError`) through the domain's `formatError`, unreadable forms
 * by the forms catalog, anything else as a generic localized text.
 */
import { isDataError } from '../data/errors';
import { formatError } from '../domain/formatError';
import { messageCatalogs, type MessageCode } from '../domain/messages';
import type { DomainError, DomainWarning, Lang } from '../domain/types';
import { isFormReadError } from '../forms/errors';
import { failureCatalogs, type FailureCode } from './failureMessages';

export type { FailureCode } from './failureMessages';

const fill = (template: string, params: Readonly<Record<string, unknown>>): string =>
  template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? placeholder : String(value);
  });

/** A refusal, warning or `AppError` whose code the domain's catalog knows. */
function isCodedIssue(error: unknown): error is (DomainError | DomainWarning) & { readonly code: MessageCode } {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code in messageCatalogs.nl;
}

/** The technical detail of an unknown failure, kept short; never an object dump. */
function detailOf(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return text.trim().slice(0, 200) || '—';
}

/**
 * The message a user reads for a failure, in Dutch or English: a `DataError` by its code (with the
 * HTTP status as parameter), a domain refusal or an `AppError` by `formatError`, an unreadable form by
 * its own two-language text, anything else as "unexpected error" with its message as the only parameter.
 */
export function formatFailure(error: unknown, lang: Lang): string {
  const catalog = failureCatalogs[lang];
  if (isDataError(error)) {
    const template = catalog[error.code as FailureCode] ?? catalog['failure.unknown'];
    return fill(template, { status: error.status ?? '—', detail: detailOf(error) });
  }
  if (isCodedIssue(error)) return formatError(error, lang);
  if (isFormReadError(error)) return lang === 'en' ? error.messageEn : error.message;
  return fill(catalog['failure.unknown'], { detail: detailOf(error) });
}
