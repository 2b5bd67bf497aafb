/**
 * The local workbench page `/workbench/register`: an HTML shell, the web part's strings
 * (`loc/nl-nl.js` or `loc/en-us.js`, as shipped) and the browser bundle of `entry.tsx`, built with
 * esbuild's JS API on first request and kept in memory. Node only.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Where the page lives. */
export const registerWorkbenchPath = '/workbench/register';

/** A response of the page (the local server turns it into HTTP). */
export interface WorkbenchResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const srcRoot = join(__dirname, '..', '..', '..');
const entryFile = join(__dirname, 'entry.tsx');
const localeFile = (lang: 'nl' | 'en'): string =>
  join(srcRoot, 'webparts', 'dossierRegister', 'loc', lang === 'nl' ? 'nl-nl.js' : 'en-us.js');

let bundle: Promise<string> | undefined;

/** Bundles the entry once (production mode, minified); later calls reuse the result. */
export function registerBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [entryFile],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    minify: true,
    sourcemap: false,
    jsx: 'transform',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent'
  }).then((result) => result.outputFiles[0].text).catch((error: unknown) => {
    bundle = undefined;
    throw error;
  });
  return bundle;
}

/** The web part's strings as a script that sets `window.__registerLocale` (AMD `define` shim). */
export async function registerStringsScript(lang: 'nl' | 'en'): Promise<string> {
  const source = await readFile(localeFile(lang), 'utf8');
  return `(function(){var define=function(deps,factory){window.__registerLocale=factory();};\n${source}\n})();window.__registerLang=${JSON.stringify(lang)};`;
}

/** The HTML shell; `lang` picks the strings (`?lang=en`), Dutch by default. */
export function registerShell(lang: 'nl' | 'en'): string {
  const title = lang === 'nl' ? 'Dossierregister – lokale werkbank' : 'Dossier register – local workbench';
  return `<!doctype html>
<html lang="${lang === 'nl' ? 'nl-BE' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
<script>window.FabricConfig={fontBaseUrl:''};</script>
<style>body{margin:0;font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;}main{max-width:1400px;margin:0 auto;}</style>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script src="${registerWorkbenchPath}/strings.js?lang=${lang}"></script>
<script src="${registerWorkbenchPath}/app.js"></script>
</body>
</html>`;
}

const html = (body: string): WorkbenchResponse => ({ status: 200, headers: { 'content-type': 'text/html;charset=utf-8', 'cache-control': 'no-store' }, body });
const script = (body: string): WorkbenchResponse => ({ status: 200, headers: { 'content-type': 'text/javascript;charset=utf-8', 'cache-control': 'no-store' }, body });

/**
 * Answers a request under `/workbench/register`, or undefined when the path is not the page's.
 * `signedIn` says whether the request carries a persona; without one the user is sent to sign in.
 */
export async function handleRegisterWorkbench(url: URL, signedIn: boolean): Promise<WorkbenchResponse | undefined> {
  const lang = url.searchParams.get('lang') === 'en' ? 'en' : 'nl';
  switch (url.pathname) {
    case registerWorkbenchPath:
    case `${registerWorkbenchPath}/`:
      if (!signedIn) return { status: 302, headers: { location: `/?returnUrl=${encodeURIComponent(registerWorkbenchPath)}` }, body: '' };
      return html(registerShell(lang));
    case `${registerWorkbenchPath}/app.js`:
      return script(await registerBundle());
    case `${registerWorkbenchPath}/strings.js`:
      return script(await registerStringsScript(lang));
    default:
      return undefined;
  }
}
