/** Loads the web part's AMD `loc/*.js` files in Node, exactly as shipped. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UiStrings } from '../../../src/ui/strings';

/** The whole locale object of the dossier register web part. */
export interface RegisterLocale {
  readonly [key: string]: unknown;
  readonly ui: UiStrings;
}

/** Evaluates `loc/<locale>.js` with a minimal `define` shim. */
export function loadLocale(locale: 'nl-nl' | 'en-us'): RegisterLocale {
  const source = readFileSync(join(__dirname, '../../../src/webparts/dossierRegister/loc', `${locale}.js`), 'utf8');
  let result: RegisterLocale | undefined;
  const define = (_deps: string[], factory: () => RegisterLocale): void => {
    result = factory();
  };
  new Function('define', source)(define);
  if (!result) throw new Error(`loc/${locale}.js did not call define`);
  return result;
}

/** Dutch UI strings (the default). */
export const nl: UiStrings = loadLocale('nl-nl').ui;
/** English UI strings. */
export const en: UiStrings = loadLocale('en-us').ui;

/** What a host passes as `describeFailure` in the UI tests: a recognisable Dutch text with the detail. */
export const describeFailure = (error: unknown): string => `Fout in de test: ${error instanceof Error ? error.message : String(error)}`;
