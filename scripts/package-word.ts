/**
 * Builds the Word add-in into dist/word/: the task pane bundle (esbuild), taskpane.html, the icons,
 * and manifest.xml pointing at the hosting URL of config/word/hosting.json (override with the
 * environment variable WORD_ADDIN_BASE_URL). `--manifest-only` writes just the manifest (used by
 * `npm run validate:word-manifest`). Run by `npm run package` (scripts/package.js).
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { renderManifest } from '../src/word/manifest/manifestXml';
import type { AddinHosting } from '../src/word/manifest/manifestXml';
import { CONFIG_ELEMENT_ID } from '../src/word/taskpane/config';
import type { WordAddinConfig } from '../src/word/taskpane/config';

const root = join(__dirname, '..');
const outDir = join(root, 'dist', 'word');

interface HostingFile extends AddinHosting {
  readonly entraClientId: string;
  readonly authority?: string;
  readonly graphScopes: readonly string[];
  readonly siteUrl: string;
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

/** The task pane page: office.js from Microsoft's CDN, the settings, the bundle. */
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
  <script src="taskpane.js"></script>
</body>
</html>
`;
}

/** Bundles the Office task pane entry; with `write: false` only returns the code (tests). */
export async function bundleTaskpane(write: boolean): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'src', 'word', 'taskpane', 'officeMain.tsx')],
    outfile: join(outDir, 'taskpane.js'),
    bundle: true,
    minify: true,
    sourcemap: write,
    write,
    format: 'iife',
    target: ['es2017'],
    platform: 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning'
  });
  return write ? '' : result.outputFiles?.find((file) => file.path.endsWith('.js'))?.text ?? '';
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
    const config: WordAddinConfig = { entraClientId: hosting.entraClientId, authority: hosting.authority, graphScopes: hosting.graphScopes, siteUrl: hosting.siteUrl };
    await bundleTaskpane(true);
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
