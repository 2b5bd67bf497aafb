/**
 * Builds the Word add-in into dist/word/: the task pane bundle (esbuild), taskpane.html, the icons,
 * and manifest.xml pointing at the hosting URL of config/word/hosting.json (override with the
 * environment variable WORD_ADDIN_BASE_URL). `--manifest-only` writes just the manifest (used by
 * `npm run validate:word-manifest`). Run by `npm run package` (scripts/package.js).
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { renderManifest } from '../src/word/manifest/manifestXml';
import type { AddinHosting } from '../src/word/manifest/manifestXml';
import { CONFIG_ELEMENT_ID } from '../src/composition/officeConfig';
import type { WordAddinConfig } from '../src/composition/officeConfig';

const root = join(__dirname, '..');
const outDir = join(root, 'dist', 'word');

interface HostingFile extends AddinHosting {
  readonly entraClientId: string;
  readonly authority?: string;
  readonly graphScopes: readonly string[];
  readonly siteUrl: string;
  /** Base URL of the command service (`https://…/api`); empty = the review is written directly. */
  readonly serviceUrl?: string;
  readonly serviceScope?: string;
}

/** Reads config/word/hosting.json, applying WORD_ADDIN_BASE_URL. */
export function readHosting(env: NodeJS.ProcessEnv = process.env): HostingFile {
  const file = JSON.parse(readFileSync(join(root, 'config', 'word', 'hosting.json'), 'utf8')) as HostingFile;
  const baseUrl = env.WORD_ADDIN_BASE_URL?.trim();
  return baseUrl ? { ...file, baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/` } : file;
}

/** JSON safe inside a `<script>` element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The task pane page: office.js from Microsoft's CDN, the settings, the bundle (an ES module; its lazy chunks load through `import()`). */
export function taskpaneHtml(config: WordAddinConfig): string {
  return `<!doctype html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Formuliercontrole microdata</title>
  <script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
  <script type="application/json" id="${CONFIG_ELEMENT_ID}">${scriptJson(config)}</script>
  <style>body { margin: 0; font-family: "Segoe UI", system-ui, sans-serif; }</style>
</head>
<body>
  <div id="root"></div>
  <script type="module" src="taskpane.js"></script>
</body>
</html>
`;
}

/** One file of the task pane bundle. */
export interface BundleFile {
  /** Path relative to dist/word/, e.g. `taskpane.js` or `chunks/msal-ABC123.js`. */
  readonly path: string;
  readonly code: string;
  readonly gzipBytes: number;
  /** Loaded with the page (the entry and the chunks it imports statically), not on first use. */
  readonly initial: boolean;
}

/** The task pane bundle: the entry, its shared chunks and the lazy chunks behind `import()`. */
export interface TaskpaneBundle {
  readonly files: readonly BundleFile[];
  /** Gzip bytes of what loads before the first render: the entry and its static imports. */
  readonly initialGzipBytes: number;
}

/**
 * Bundles the Office task pane entry as ES modules with code splitting: MSAL and the dossier side
 * (Graph client, PnPjs, data layer) sit behind `import()` and load on first use, so the first render
 * waits only for React, the Fluent components on screen and the forms engine. With `write: false`
 * nothing is written (tests).
 */
export async function bundleTaskpane(write: boolean): Promise<TaskpaneBundle> {
  const result = await build({
    entryPoints: { taskpane: join(root, 'src', 'word', 'taskpane', 'officeMain.tsx') },
    outdir: outDir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    sourcemap: write,
    write,
    metafile: true,
    target: ['es2017'],
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning'
  });
  const outputs = result.metafile.outputs;
  const key = (absolute: string): string => relative(root, absolute).split(sep).join('/');
  // Chunks behind import() carry an entryPoint too: the entry is the output of officeMain.tsx, not the first listed.
  const entryKey = Object.keys(outputs).find((name) => outputs[name].entryPoint?.endsWith('officeMain.tsx') === true && name.endsWith('.js'))!;
  const initial = new Set<string>();
  const visit = (name: string): void => {
    if (initial.has(name)) return;
    initial.add(name);
    for (const imported of outputs[name].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entryKey);
  const contents = new Map<string, Uint8Array>();
  if (write) {
    for (const name of Object.keys(outputs)) contents.set(name, readFileSync(join(root, name)));
  } else {
    for (const file of result.outputFiles ?? []) contents.set(key(file.path), file.contents);
  }
  const files: BundleFile[] = Object.keys(outputs)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const bytes = contents.get(name)!;
      return { path: relative(outDir, join(root, name)).split(sep).join('/'), code: Buffer.from(bytes).toString('utf8'), gzipBytes: gzipSync(bytes).length, initial: initial.has(name) };
    });
  return { files, initialGzipBytes: files.filter((file) => file.initial).reduce((sum, file) => sum + file.gzipBytes, 0) };
}

/** Bytes of every file under a folder, for the summary. */
function sizeOf(folder: string): number {
  return readdirSync(folder).reduce((total, name) => {
    const path = join(folder, name);
    const stat = statSync(path);
    return total + (stat.isDirectory() ? sizeOf(path) : stat.size);
  }, 0);
}

async function main(): Promise<void> {
  const manifestOnly = process.argv.includes('--manifest-only');
  const hosting = readHosting();
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'manifest.xml'), renderManifest(hosting));
  if (!manifestOnly) {
    const config: WordAddinConfig = {
      entraClientId: hosting.entraClientId,
      authority: hosting.authority,
      graphScopes: hosting.graphScopes,
      siteUrl: hosting.siteUrl,
      serviceUrl: hosting.serviceUrl || undefined,
      serviceScope: hosting.serviceScope || undefined
    };
    rmSync(join(outDir, 'chunks'), { recursive: true, force: true });
    const bundle = await bundleTaskpane(true);
    const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
    process.stdout.write(`Task pane: ${kb(bundle.initialGzipBytes)} gzip before the first render (budget 150 KB)\n`);
    for (const file of bundle.files) process.stdout.write(`  ${file.path.padEnd(48)} ${kb(file.gzipBytes).padStart(7)} gzip${file.initial ? '' : ' (lazy)'}\n`);
    writeFileSync(join(outDir, 'taskpane.html'), taskpaneHtml(config));
    mkdirSync(join(outDir, 'assets'), { recursive: true });
    for (const size of [16, 32, 64, 80]) {
      copyFileSync(join(root, 'config', 'word', 'assets', `icon-${size}.png`), join(outDir, 'assets', `icon-${size}.png`));
    }
  }
  process.stdout.write(
    `Word add-in written to ${relative(root, outDir)}/ (${(sizeOf(outDir) / 1024).toFixed(0)} kB); manifest points at ${hosting.baseUrl}\n`
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Word add-in packaging failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
