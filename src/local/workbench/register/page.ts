/**
 * The local workbench page `/workbench/register`: the register web part's components and strings as
 * shipped, wired to PnPjs pointing at the local tenant (see `entry.tsx`). Node only.
 */
import { join } from 'node:path';
import { createWebPartPage, type WorkbenchResponse } from '../webPartPage';

export type { WorkbenchResponse } from '../webPartPage';

/** Where the page lives. */
export const registerWorkbenchPath = '/workbench/register';

const page = createWebPartPage({
  path: registerWorkbenchPath,
  entryFile: join(__dirname, 'entry.tsx'),
  localeDir: join(__dirname, '..', '..', '..', 'webparts', 'dossierRegister', 'loc'),
  localeGlobal: '__registerLocale',
  langGlobal: '__registerLang',
  title: { nl: 'Dossierregister – lokale werkbank', en: 'Dossier register – local workbench' },
  mainStyle: 'max-width:1400px;margin:0 auto;'
});

/** Bundles the entry once (production mode, minified); later calls reuse the result. */
export const registerBundle = (): Promise<string> => page.bundle();

/** The web part's strings as a script that sets `window.__registerLocale`. */
export const registerStringsScript = (lang: 'nl' | 'en'): Promise<string> => page.stringsScript(lang);

/** The HTML shell; `lang` picks the strings (`?lang=en`), Dutch by default. */
export const registerShell = (lang: 'nl' | 'en'): string => page.shell(lang);

/** Answers a request under `/workbench/register`; without a persona the user is sent to sign in. */
export const handleRegisterWorkbench = (url: URL, signedIn: boolean): Promise<WorkbenchResponse | undefined> =>
  page.handle(url, signedIn);
