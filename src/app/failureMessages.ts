/**
 * The catalog of failure texts beside the domain's (which holds refusals and the application services'
 * `app.error.…` codes, see `src/domain/messages.ts`): every `DataError` code of the data layer and the
 * generic fallback. Codes double as keys;
 * `{name}` placeholders are filled by `formatFailure`. Dutch first; English must have exactly the same
 * keys (the type says so; `test/app/failures.test.ts` checks the placeholders too).
 */
import type { DataErrorCode } from '../data/errors';

/** Every code the catalog renders: data errors and the generic fallback. */
export type FailureCode = DataErrorCode | 'failure.unknown';

/** Dutch texts (the product's first language). */
export const nlFailureMessages: Readonly<Record<FailureCode, string>> = {
  'data.error.conflict': 'Iemand anders heeft deze gegevens intussen gewijzigd. Laad ze opnieuw en probeer het nog eens.',
  'data.error.accessDenied': 'U hebt geen toegang tot deze gegevens (HTTP {status}).',
  'data.error.notFound': 'De gevraagde gegevens werden niet gevonden (HTTP {status}).',
  'data.error.throttled': 'SharePoint beperkt tijdelijk het aantal verzoeken; probeer het over een minuut opnieuw.',
  'data.error.threshold': 'De vraag overschrijdt de drempel van de lijstweergave; verfijn de filter.',
  'data.error.invalidInput': 'De server weigerde het verzoek (HTTP {status}).',
  'data.error.corrupt': 'De opgeslagen gegevens zijn onleesbaar of onvolledig; verwittig de beheerder.',
  'data.error.domainRefused': 'De opdracht werd geweigerd.',
  'data.error.unavailable': 'De dienst is tijdelijk niet beschikbaar (HTTP {status}); probeer het later opnieuw.',
  'failure.unknown': 'Onverwachte fout ({detail}).'
};

/** English texts: exactly the Dutch keys. */
export const enFailureMessages: Readonly<Record<FailureCode, string>> = {
  'data.error.conflict': 'Someone else changed this data in the meantime. Reload it and try again.',
  'data.error.accessDenied': 'You have no access to this data (HTTP {status}).',
  'data.error.notFound': 'The requested data was not found (HTTP {status}).',
  'data.error.throttled': 'SharePoint is limiting requests for now; try again in a minute.',
  'data.error.threshold': 'The query exceeds the list view threshold; narrow the filter.',
  'data.error.invalidInput': 'The server refused the request (HTTP {status}).',
  'data.error.corrupt': 'The stored data is unreadable or incomplete; tell the administrator.',
  'data.error.domainRefused': 'The command was refused.',
  'data.error.unavailable': 'The service is temporarily unavailable (HTTP {status}); try again later.',
  'failure.unknown': 'Unexpected error ({detail}).'
};

/** Both languages, by `Lang`. */
export const failureCatalogs = { nl: nlFailureMessages, en: enFailureMessages } as const;
