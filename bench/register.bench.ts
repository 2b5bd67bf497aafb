/**
 * Register performance: (1) the web part's initial bundle, gzip; (2) the first register render
 * against an in-process local tenant holding 6,000 dossiers (above the 5,000 list view threshold):
 * HTTP requests and milliseconds, once through the data layer as the web part calls it (Node) and,
 * when Chromium is installed, in the browser on `/workbench/register`.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { createLocalComposition } from '../src/composition/local';
import { startLocalTenant } from '../src/local/server/server';
import { productExtensions } from '../src/local/product';
import { fillRegister } from '../test/webparts/register/support/bulkRegister';
import { toDossierRow } from '../src/ui/register/registerRows';
import { queryRegister } from '../src/ui/register/registerQuery';
import type { BenchResult } from './types';

const DOSSIERS = 6000;
const root = join(__dirname, '..');
const area = 'register';

/** Gzip size of the newest gulp --ship bundle, or of an esbuild production build of the entry. */
async function bundleSize(): Promise<BenchResult[]> {
  const dist = join(root, 'dist');
  const gulpBundles = existsSync(dist)
    ? readdirSync(dist).filter((f) => /^dossier-register-web-part.*\.js$/.test(f)).map((f) => join(dist, f)).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
    : [];
  if (gulpBundles.length > 0) {
    const bytes = readFileSync(gulpBundles[0]);
    return [
      { area, name: 'web part bundle (gulp --ship), gzip', value: Math.round(gzipSync(bytes).length / 1024), unit: 'KB', note: `budget 150 KB; ${gulpBundles[0].split('/').pop()}` },
      { area, name: 'web part bundle (gulp --ship), raw', value: Math.round(bytes.length / 1024), unit: 'KB' }
    ];
  }
  const result = await build({
    entryPoints: [join(root, 'src/webparts/dossierRegister/DossierRegisterWebPart.ts')],
    bundle: true, write: false, format: 'esm', splitting: true, outdir: join(tmpdir(), 'register-bench-out'), minify: true, metafile: true,
    platform: 'browser', target: 'es2017', external: ['react', 'react-dom', '@microsoft/*', 'DossierRegisterWebPartStrings'],
    define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent'
  });
  const base = (p: string): string => p.split('/').pop() ?? p;
  const sizes = new Map(result.outputFiles.map((f) => [base(f.path), gzipSync(f.contents).length]));
  const outputs = result.metafile.outputs;
  const initial = new Set<string>();
  const visit = (key: string): void => {
    if (initial.has(key) || !outputs[key]) return;
    initial.add(key);
    for (const imported of outputs[key].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(Object.keys(outputs).find((key) => outputs[key].entryPoint) ?? '');
  const total = [...initial].reduce((sum, key) => sum + (sizes.get(base(key)) ?? 0), 0);
  return [{ area, name: 'web part initial bundle (esbuild estimate), gzip', value: Math.round(total / 1024), unit: 'KB', note: 'no gulp output in dist/; budget 150 KB' }];
}

const team = { id: 'an.peeters@vsa.local' };

async function firstRender(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'register-bench-'));
  const requests: string[] = [];
  const tenant = await startLocalTenant({ ...productExtensions(), port: 0, dataFile: join(dir, 'tenant.db'), log: (line) => requests.push(line) });
  const results: BenchResult[] = [];
  try {
    await createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: 'beheer@vsa.local' }).data.provisioner.ensureAll();
    fillRegister(tenant, DOSSIERS);

    // (a) The calls RegisterApp makes for its first screen, through the real data layer.
    const data = createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: team.id }).data;
    requests.length = 0;
    let started = performance.now();
    const query = { orderBy: 'newest' as const, pageSize: 500 };
    const screen = await data.readModel.loadRegisterScreen(query);
    const firstPageMs = performance.now() - started;
    const firstPageRequests = requests.length;
    let rows = screen.page.rows.length;
    for (let cursor = screen.page.nextCursor; cursor; ) {
      const page = await data.dossiers.readRegisterPage(query, cursor);
      rows += page.rows.length;
      cursor = page.nextCursor;
    }
    results.push(
      { area, name: 'first register screen (data layer): requests', value: firstPageRequests, unit: 'requests', note: `${DOSSIERS} dossiers; actor + first 500 rows + count in one $batch` },
      { area, name: 'first register screen (data layer): time', value: Math.round(firstPageMs), unit: 'ms' },
      { area, name: 'whole register read (data layer): requests', value: requests.length, unit: 'requests', note: `${rows} rows in pages of 500` },
      { area, name: 'whole register read (data layer): time', value: Math.round(performance.now() - started), unit: 'ms' }
    );

    // (b) The workbench page in Chromium, when installed.
    if (existsSync('/usr/bin/chromium')) {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run'] });
      try {
        const context = await browser.newContext();
        await context.addCookies([{ name: 'lt_persona', value: team.id, url: tenant.baseUrl }]);
        const page = await context.newPage();
        await page.goto(`${tenant.baseUrl}/workbench/register/app.js`); // warm the esbuild bundle, as a CDN would serve it
        let apiCalls = 0;
        page.on('request', (request) => { if (request.url().includes('/_api/')) apiCalls += 1; });
        started = performance.now();
        await page.goto(`${tenant.baseUrl}/workbench/register`);
        await page.getByRole('link', { name: /openen$/ }).first().waitFor({ timeout: 60_000 });
        const visibleMs = performance.now() - started;
        const visibleCalls = apiCalls;
        await page.getByText(`${DOSSIERS} van ${DOSSIERS} dossiers`).waitFor({ timeout: 120_000 });
        results.push(
          { area, name: 'first rows visible (browser): time', value: Math.round(visibleMs), unit: 'ms', note: 'navigation to first dossier row, Chromium headless' },
          { area, name: 'first rows visible (browser): API requests', value: visibleCalls, unit: 'requests' },
          { area, name: 'all rows loaded (browser): time', value: Math.round(performance.now() - started), unit: 'ms', note: `${DOSSIERS} dossiers` },
          { area, name: 'all rows loaded (browser): API requests', value: apiCalls, unit: 'requests' }
        );
      } finally {
        await browser.close();
      }
    }
  } finally {
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/**
 * Free-text filter plus sort over 6,000 rows, as the register does in the browser on every keystroke
 * (test/ui/registerQuery.test.ts checks the result; timing is measured here, never asserted).
 */
export function filterAndSort(): BenchResult[] {
  const at = '2026-11-25T12:00:00.000Z';
  const rows = Array.from({ length: DOSSIERS }, (_, i) =>
    toDossierRow(
      {
        reference: `VSA-2026-${String(i).padStart(4, '0')}`,
        subject: `Onderwerp ${i}`,
        institution: i % 2 ? 'Universiteit Gent' : 'KU Leuven',
        state: 'intake',
        deadline: { overdue: false, overdueDays: 0 }
      },
      at,
      'nl'
    )
  );
  const samples: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now();
    queryRegister(rows, { text: i % 2 ? 'leuven' : 'gent' }, { key: 'institution', descending: i % 3 === 0 }, 'x');
    if (i >= 10) samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return [{ area, name: `filter + sort ${DOSSIERS} rows in the browser code: median`, value: samples[Math.floor(samples.length / 2)], unit: 'ms', note: '50 runs after 10 warm-up' }];
}

/** Entry point of `npm run bench`. */
export async function run(): Promise<BenchResult[]> {
  return [...(await bundleSize()), ...filterAndSort(), ...(await firstRender())];
}
