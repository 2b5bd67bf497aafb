/**
 * The check `npm run package` runs on the real `gulp bundle --ship` output (scripts/bundle-budget.js):
 * each web part's entry, as the built manifest names it, at most 150 KB gzip; over the budget, missing
 * or unnamed is a failure. Here on a `dist/` written by the test, shaped like SPFx's.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const budget = require('../../scripts/bundle-budget.js') as {
  BUDGET_BYTES: number;
  bundleNames(configPath: string): string[];
  checkBundleBudgets(
    distDir: string,
    names: readonly string[],
    budgetBytes?: number
  ): { entries: { bundle: string; file: string; bytes: number; gzipBytes: number }[]; failures: string[] };
};

const root = join(__dirname, '../..');

/** Bytes gzip cannot shrink (a SHA-256 chain: the same every run). */
function incompressible(length: number): Buffer {
  const blocks: Buffer[] = [];
  let block = createHash('sha256').update('bundle').digest();
  for (let size = 0; size < length; size += block.length) {
    blocks.push(block);
    block = createHash('sha256').update(block).digest();
  }
  return Buffer.concat(blocks).subarray(0, length);
}

/** A dist/ folder with one manifest and entry per bundle, like gulp bundle writes. */
function distWith(files: Record<string, Buffer>, manifests: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'bundle-budget-'));
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dist, name), bytes);
  Object.entries(manifests).forEach(([bundle, path], index) => {
    const loaderConfig = { entryModuleId: bundle, scriptResources: { [bundle]: { type: 'path', path }, react: { type: 'component', id: 'react' } } };
    writeFileSync(join(dist, `component-${index}.manifest.json`), JSON.stringify({ id: `component-${index}`, loaderConfig }));
  });
  return dist;
}

describe('web part bundle budget (scripts/bundle-budget.js)', () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  const dist = (files: Record<string, Buffer>, manifests: Record<string, string>): string => {
    const folder = distWith(files, manifests);
    folders.push(folder);
    return folder;
  };

  it('checks both web parts of the SPFx config against 150 KB gzip', () => {
    expect(budget.bundleNames(join(root, 'config/config.json')).sort()).toEqual(['approvals-web-part', 'dossier-register-web-part']);
    expect(budget.BUDGET_BYTES).toBe(150 * 1024);
  });

  it('passes entries within the budget and measures them gzip, ignoring lazy chunks and stale entries', () => {
    const folder = dist(
      {
        'dossier-register-web-part_aaaa.js': Buffer.from('x'.repeat(400_000)),
        'dossier-register-web-part_0ld0.js': incompressible(200 * 1024),
        'chunk.register-panel_bbbb.js': incompressible(200 * 1024)
      },
      { 'dossier-register-web-part': 'dossier-register-web-part_aaaa.js' }
    );
    const result = budget.checkBundleBudgets(folder, ['dossier-register-web-part']);
    expect(result.failures).toEqual([]);
    expect(result.entries).toEqual([expect.objectContaining({ bundle: 'dossier-register-web-part', file: 'dossier-register-web-part_aaaa.js', bytes: 400_000 })]);
    expect(result.entries[0].gzipBytes).toBeLessThan(2_000);
  });

  it('fails an entry over 150 KB gzip, naming the web part and its size', () => {
    const folder = dist({ 'dossier-register-web-part_cccc.js': incompressible(151 * 1024) }, { 'dossier-register-web-part': 'dossier-register-web-part_cccc.js' });
    const result = budget.checkBundleBudgets(folder, ['dossier-register-web-part']);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatch(/^dossier-register-web-part: dossier-register-web-part_cccc\.js is 151\.\d KB gzip .*over the budget of 150\.0 KB$/);
  });

  it('passes an entry of exactly the budget and fails one byte more', () => {
    const folder = dist({ 'approvals-web-part_dddd.js': incompressible(50 * 1024) }, { 'approvals-web-part': 'approvals-web-part_dddd.js' });
    const [entry] = budget.checkBundleBudgets(folder, ['approvals-web-part']).entries;
    expect(budget.checkBundleBudgets(folder, ['approvals-web-part'], entry.gzipBytes).failures).toEqual([]);
    expect(budget.checkBundleBudgets(folder, ['approvals-web-part'], entry.gzipBytes - 1).failures).toHaveLength(1);
  });

  it('fails a web part that was not built, or whose manifest names a missing file', () => {
    const folder = dist({}, { 'approvals-web-part': 'approvals-web-part_eeee.js' });
    const result = budget.checkBundleBudgets(folder, ['approvals-web-part', 'dossier-register-web-part']);
    expect(result.entries).toEqual([]);
    expect(result.failures).toEqual([
      expect.stringMatching(/^approvals-web-part: .*approvals-web-part_eeee\.js is missing/),
      expect.stringMatching(/^dossier-register-web-part: .*no manifest names it/)
    ]);
    expect(budget.checkBundleBudgets(join(folder, 'absent'), ['approvals-web-part']).failures).toHaveLength(1);
  });
});
