import type { DataErrorCode } from '../data/errors';
import { hasDataErrorCode, isDataError } from '../data/errors';
import { formatError } from '../domain/formatError';
import { defineCatalog } from '../domain/i18n/catalog';
import { interpolate } from '../domain/i18n/interpolate';
import { messageCatalogs, type MessageCode } from '../domain/messages';
import type { DomainError, DomainWarning, Lang } from '../domain/types';
import { formReadMessages, isFormReadError, type FormReadErrorCode } from '../forms/errors';
import { isCodebookImportError } from '../forms/codebook/errors';

/**
 * What a user reads when an operation fails, per `DataError` code, Dutch first. The `DataError`'s own
 * message is English and technical (for logs and support); it is never shown to a user.
 */
export const failureCatalog = defineCatalog(
  {
    'data.error.conflict': 'Iemand anders heeft dit intussen gewijzigd. Laad opnieuw en probeer nog eens.',
    'data.error.accessDenied': 'U hebt hiervoor geen toegang.',
    'data.error.unauthenticated': 'Uw aanmelding is verlopen of ongeldig. Laad de pagina opnieuw om opnieuw aan te melden.',
    'data.error.notFound': 'Dit werd niet gevonden; het is misschien verwijderd of u hebt er geen toegang toe.',
    'data.error.throttled': 'SharePoint of Microsoft 365 is even overbelast. Probeer het over enkele minuten opnieuw.',
    'data.error.threshold': 'De lijst is te groot voor deze zoekopdracht (drempel van de lijstweergave). Verfijn de filters.',
    'data.error.invalidInput': 'De server weigerde de gegevens als ongeldig.',
    'data.error.corrupt': 'Opgeslagen gegevens zijn onleesbaar of onvolledig. Meld dit aan de beheerder.',
    'data.error.unreadableEvent':
      'Dit dossier kan niet getoond worden: gebeurtenis(sen) met item-id {itemIds} in de lijst Dossiergebeurtenissen zijn onleesbaar. Meld dit aan de beheerder.',
    'data.error.tampered':
      'Dit dossier kan niet getoond worden: gebeurtenis(sen) {eventIds} werden niet door de opdrachtendienst opgeslagen (mogelijk vervalst). Meld dit aan de beheerder.',
    'data.error.domainRefused': 'De opdracht werd geweigerd.',
    'data.error.unavailable': 'De dienst is niet bereikbaar. Probeer het later opnieuw.',
    'data.error.notConfigured': 'De opdrachtendienst is niet ingesteld: vraag de sitebeheerder om de URL van de dienst in te vullen in de eigenschappen van het webonderdeel. Tot dan kunt u alleen lezen.',
    'failure.unknown': 'Onverwachte fout: {detail}'
  },
  {
    'data.error.conflict': 'Someone else changed this in the meantime. Reload and try again.',
    'data.error.accessDenied': 'You have no access to this.',
    'data.error.unauthenticated': 'Your sign-in has expired or is invalid. Reload the page to sign in again.',
    'data.error.notFound': 'This was not found; it may have been deleted or you have no access to it.',
    'data.error.throttled': 'SharePoint or Microsoft 365 is busy for a moment. Try again in a few minutes.',
    'data.error.threshold': 'The list is too large for this query (list view threshold). Narrow the filters.',
    'data.error.invalidInput': 'The server refused the data as invalid.',
    'data.error.corrupt': 'Stored data is unreadable or incomplete. Report this to the administrator.',
    'data.error.unreadableEvent':
      'This dossier cannot be shown: event(s) with item id {itemIds} in the Dossiergebeurtenissen list are unreadable. Report this to the administrator.',
    'data.error.tampered':
      'This dossier cannot be shown: event(s) {eventIds} were not stored by the command service (possibly forged). Report this to the administrator.',
    'data.error.domainRefused': 'The command was refused.',
    'data.error.unavailable': 'The service cannot be reached. Try again later.',
    'data.error.notConfigured': 'The command service is not set up: ask the site owner to fill in the service URL in the web part\'s properties. Until then you can only read.',
    'failure.unknown': 'Unexpected error: {detail}'
  }
);

const dataErrorCodes = new Set<string>(Object.keys(failureCatalog.nl).filter((key) => key.startsWith('data.error.')));

/** The technical detail of an unknown failure, kept short; never an object dump. */
function detailOf(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return text.trim().slice(0, 200) || '—';
}

/**
 * The string and number details of a `DataError` (item ids, event ids) for its text's placeholders;
 * adapters put only technical ids there, never personal data.
 */
function textDetails(details: Readonly<Record<string, unknown>> | undefined): Record<string, string | number> {
  const result: Record<string, string | number> = {};
  // A failure the command service answered carries its text parameters (item ids, event ids) in `params`.
  const fromService = typeof details?.params === 'object' && details.params !== null ? (details.params as Record<string, unknown>) : {};
  for (const [key, value] of Object.entries({ ...fromService, ...(details ?? {}) })) {
    if (typeof value === 'string' || typeof value === 'number') result[key] = value;
  }
  return result;
}

/** A refusal, warning or `AppError` whose code the domain's catalog knows. */
function isDomainIssue(error: unknown): error is DomainError | DomainWarning {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code in messageCatalogs.nl;
}

/** The refusal the command service named (`details.serviceCode` and `params`, see `serviceCall.ts`), when the catalog knows its code. */
function serviceIssueOf(details: Readonly<Record<string, unknown>> | undefined): (DomainError & { code: MessageCode }) | undefined {
  const code = details?.serviceCode;
  if (typeof code !== 'string' || !(code in messageCatalogs.nl)) return undefined;
  const params = typeof details?.params === 'object' && details.params !== null ? details.params : {};
  return { code, params } as unknown as DomainError & { code: MessageCode };
}

/** A form the command service could not read (`forms.read.<code>`), in the user's language as the browser would say it. */
function serviceFormReadText(details: Readonly<Record<string, unknown>> | undefined, lang: Lang): string | undefined {
  const serviceCode = details?.serviceCode;
  if (typeof serviceCode !== 'string' || !serviceCode.startsWith('forms.read.')) return undefined;
  const code = serviceCode.slice('forms.read.'.length);
  if (!(code in formReadMessages)) return undefined;
  const raw = typeof details?.params === 'object' && details.params !== null ? (details.params as Record<string, unknown>) : {};
  const params = textDetails(raw);
  const text = interpolate(formReadMessages[code as FormReadErrorCode][lang], params);
  return typeof params.fileName === 'string' ? `${params.fileName}: ${text}` : text;
}

/**
 * The one message a user reads for a failure, in their language: a `DataError` by its code, a domain
 * refusal, warning or `AppError` through `formatError`, an unreadable form or a refused codebook file by its own localised message, anything else as a generic sentence naming the technical detail.
 */
export function formatFailure(error: unknown, lang: Lang): string {
  const texts = failureCatalog[lang];
  // The command service's own code (e.g. `app.error.fileTooLarge`) says more than the status's.
  const serviceIssue = isDataError(error) ? serviceIssueOf(error.details) : undefined;
  if (serviceIssue) return formatError(serviceIssue, lang);
  const unreadableForm = isDataError(error) ? serviceFormReadText(error.details, lang) : undefined;
  if (unreadableForm) return unreadableForm;
  if (isDataError(error) && dataErrorCodes.has(error.code)) {
    return interpolate(texts[error.code as DataErrorCode], textDetails(error.details));
  }
  if (isDomainIssue(error)) return formatError(error as DomainError & { code: MessageCode }, lang);
  if (isFormReadError(error)) return lang === 'nl' ? error.message : error.messageEn;
  // A codebook file the reader refused (register "Codeboeken"): its own text, naming the file and the reason.
  if (isCodebookImportError(error)) return lang === 'nl' ? error.message : error.messageEn;
  return interpolate(texts['failure.unknown'], { detail: detailOf(error) });
}

/** True when the failure is a write lost to another writer (the screen reloads and says so). */
export function isConflict(error: unknown): boolean {
  return hasDataErrorCode(error, 'data.error.conflict');
}

/**
 * The technical detail of a failure for an operator's console (the CLIs), beside the user's text:
 * a `DataError`'s code and its English message, otherwise the error's own message.
 */
export function failureDetail(error: unknown): string {
  if (isDataError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
