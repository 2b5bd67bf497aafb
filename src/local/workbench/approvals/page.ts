/**
 * The local workbench page `/workbench/approvals`: the approvals web part (the Teams tab) with its
 * strings as shipped, wired to the Graph client pointing at the local tenant (see `entry.tsx`). Node only.
 */
import { join } from 'node:path';
import { createWebPartPage, type WorkbenchResponse } from '../webPartPage';

export type { WorkbenchResponse } from '../webPartPage';

/** Where the page lives. */
export const approvalsWorkbenchPath = '/workbench/approvals';

const page = createWebPartPage({
  path: approvalsWorkbenchPath,
  entryFile: join(__dirname, 'entry.tsx'),
  localeDir: join(__dirname, '..', '..', '..', 'webparts', 'approvals', 'loc'),
  localeGlobal: '__approvalsLocale',
  langGlobal: '__approvalsLang',
  title: { nl: 'Goedkeuringen – lokale werkbank (Teams-tab)', en: 'Approvals – local workbench (Teams tab)' },
  mainStyle: 'max-width:1100px;margin:0 auto;padding:16px;'
});

/** Bundles the entry once (minified); later calls reuse the result. */
export const approvalsBundle = (): Promise<string> => page.bundle();

/** The web part's strings as a script that sets `window.__approvalsLocale`. */
export const approvalsStringsScript = (lang: 'nl' | 'en'): Promise<string> => page.stringsScript(lang);

/** The HTML shell; `?lang=en` picks English, Dutch by default. */
export const approvalsShell = (lang: 'nl' | 'en'): string => page.shell(lang);

/** Answers a request under `/workbench/approvals`, or undefined when the path is not the page's. */
export const handleApprovalsWorkbench = (url: URL, signedIn: boolean): Promise<WorkbenchResponse | undefined> =>
  page.handle(url, signedIn);
