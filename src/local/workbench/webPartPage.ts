/**
 * A local workbench page for an SPFx web part: an HTML shell, the web part's strings as shipped
 * (`loc/nl-nl.js` or `loc/en-us.js`, loaded through an AMD `define` shim) and the browser bundle of the
 * page's `entry.tsx`, built with esbuild's JS API on first request and kept in memory. Node only.
 * The register and approvals pages are two configurations of this one page.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { languageOf } from '../../domain/i18n/language';

/** A response of the page (the local server turns it into HTTP). */
export interface WorkbenchResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What differs between web part workbench pages. */
export interface WebPartPageOptions {
  /** Where the page lives, e.g. `/workbench/register`. */
  readonly path: string;
  /** The browser entry (bundled as an IIFE). */
  readonly entryFile: string;
  /** The web part's `loc/` folder. */
  readonly localeDir: string;
  /** Globals the entry reads: the strings object and the language. */
  readonly localeGlobal: string;
  readonly langGlobal: string;
  readonly title: { readonly nl: string; readonly en: string };
  /** CSS for the `<main>` element. */
  readonly mainStyle: string;
}

/** The page's parts; `handle` answers a request or returns undefined when the path is not the page's. */
export interface WebPartPage {
  bundle(): Promise<string>;
  stringsScript(lang: 'nl' | 'en'): Promise<string>;
  shell(lang: 'nl' | 'en'): string;
  handle(url: URL, signedIn: boolean): Promise<WorkbenchResponse | undefined>;
}

const html = (body: string): WorkbenchResponse => ({ status: 200, headers: { 'content-type': 'text/html;charset=utf-8', 'cache-control': 'no-store' }, body });
const script = (body: string): WorkbenchResponse => ({ status: 200, headers: { 'content-type': 'text/javascript;charset=utf-8', 'cache-control': 'no-store' }, body });

/** Creates the page for one web part. */
export function createWebPartPage(options: WebPartPageOptions): WebPartPage {
  let bundle: Promise<string> | undefined;

  const page: WebPartPage = {
    bundle() {
      bundle ??= build({
        entryPoints: [options.entryFile],
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
      })
        .then((result) => result.outputFiles[0].text)
        .catch((error: unknown) => {
          // A failed build is retried on the next request instead of being cached.
          bundle = undefined;
          throw error;
        });
      return bundle;
    },

    async stringsScript(lang) {
      const source = await readFile(join(options.localeDir, lang === 'nl' ? 'nl-nl.js' : 'en-us.js'), 'utf8');
      return `(function(){var define=function(deps,factory){window.${options.localeGlobal}=factory();};\n${source}\n})();window.${options.langGlobal}=${JSON.stringify(lang)};`;
    },

    shell(lang) {
      return `<!doctype html>
<html lang="${lang === 'nl' ? 'nl-BE' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title[lang]}</title>
<link rel="icon" href="data:,">
<script>window.FabricConfig={fontBaseUrl:''};</script>
<style>body{margin:0;font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;}main{${options.mainStyle}}</style>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script src="${options.path}/strings.js?lang=${lang}"></script>
<script src="${options.path}/app.js"></script>
</body>
</html>`;
    },

    async handle(url, signedIn) {
      const lang = languageOf(url.searchParams.get('lang'));
      switch (url.pathname) {
        case options.path:
        case `${options.path}/`:
          if (!signedIn) return { status: 302, headers: { location: `/?returnUrl=${encodeURIComponent(options.path)}` }, body: '' };
          return html(page.shell(lang));
        case `${options.path}/app.js`:
          return script(await page.bundle());
        case `${options.path}/strings.js`:
          return script(await page.stringsScript(lang));
        default:
          return undefined;
      }
    }
  };
  return page;
}
