/**
 * `/workbench/word` on the local tenant: the Word task pane next to an HTML rendering of a sample
 * form, on the docx form source instead of office-js. Routes: the page, its bundle (esbuild, built
 * once per process) and the sample .docx. Register `handle` with the local server's extra pages.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { claimedEmail } from '../../server/auth';
import type { LtRequest, LtResponse } from '../../server/http';
import { escapeHtml } from '../../server/http';
import { buildSampleForm, SAMPLE_FILE_NAME } from './sampleForm';
import { workbenchDocumentOf, type WorkbenchDocumentRef } from './documentLink';
import { WORD_WORKBENCH_PATH } from './paths';
import { demoPersonas } from '../../personas';

export { WORD_WORKBENCH_PATH };

/** Options of the Word workbench. */
export interface WordWorkbenchOptions {
  /** Dossier reference stamped on the sample form (a seeded dossier in review). */
  readonly sampleDossierReference?: string;
  /** Site path of the local tenant, for "Koppelen aan dossier"; omit to run without the data layer. */
  readonly sitePath?: string;
}

/** Settings the browser app reads from the page. */
export interface WorkbenchPageConfig {
  readonly sampleUrl: string;
  readonly fileName: string;
  readonly persona: string | undefined;
  /** The persona's display name: the comments' author (never the e-mail address, as in Word). */
  readonly personaName?: string;
  readonly sitePath: string | undefined;
  /**
   * The dossier's document "Openen in Word" named (`?reference=…&file=…&version=…`): the app loads it
   * from the local library as the signed-in persona instead of the sample.
   */
  readonly document?: WorkbenchDocumentRef;
}

function pageHtml(config: WorkbenchPageConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>Werkbank – Word-add-in (formuliercontrole)</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <style>
    body { margin: 0; font-family: "Segoe UI", system-ui, sans-serif; background: #f3f2f1; }
    #root { display: flex; gap: 16px; padding: 16px; align-items: flex-start; }
  </style>
  <script type="application/json" id="word-workbench-config">${json}</script>
</head>
<body>
  <div id="root"><p>${escapeHtml('De werkbank wordt geladen…')}</p></div>
  <script src="${WORD_WORKBENCH_PATH}/app.js"></script>
</body>
</html>
`;
}

let bundle: Promise<string> | undefined;

/** The browser bundle of the workbench app (built once; rebuilt after a failure). */
export function workbenchBundle(): Promise<string> {
  if (!bundle) {
    bundle = build({
      entryPoints: [join(__dirname, 'app.tsx')],
      bundle: true,
      write: false,
      format: 'iife',
      target: ['es2017'],
      platform: 'browser',
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent'
    }).then(
      (result) => result.outputFiles[0].text,
      (error: unknown) => {
        bundle = undefined;
        throw error;
      }
    );
  }
  return bundle;
}

/** The workbench's routes; `handle` answers undefined for paths that are not its own. */
export function createWordWorkbench(options: WordWorkbenchOptions = {}): { handle(request: LtRequest): Promise<LtResponse | undefined> } {
  let sample: Promise<Uint8Array> | undefined;
  return {
    async handle(request: LtRequest): Promise<LtResponse | undefined> {
      const path = request.url.pathname.replace(/\/+$/, '');
      if (!path.startsWith(WORD_WORKBENCH_PATH) || request.method !== 'GET') return undefined;
      if (path === WORD_WORKBENCH_PATH) {
        const document = options.sitePath ? workbenchDocumentOf(request.url) : undefined;
        const config: WorkbenchPageConfig = {
          sampleUrl: `${WORD_WORKBENCH_PATH}/sample.docx`,
          fileName: document?.fileName ?? SAMPLE_FILE_NAME,
          persona: claimedEmail(request),
          personaName: demoPersonas.find((persona) => persona.email === claimedEmail(request))?.displayName,
          sitePath: options.sitePath,
          ...(document ? { document } : {})
        };
        return { status: 200, headers: { 'content-type': 'text/html;charset=utf-8', 'cache-control': 'no-store' }, body: pageHtml(config) };
      }
      if (path === `${WORD_WORKBENCH_PATH}/app.js`) {
        return { status: 200, headers: { 'content-type': 'text/javascript;charset=utf-8' }, body: await workbenchBundle() };
      }
      if (path === `${WORD_WORKBENCH_PATH}/sample.docx`) {
        sample = sample ?? buildSampleForm(options.sampleDossierReference);
        return {
          status: 200,
          headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'cache-control': 'no-store' },
          body: await sample
        };
      }
      return undefined;
    }
  };
}
