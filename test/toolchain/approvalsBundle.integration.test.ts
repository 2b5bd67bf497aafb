/**
 * The approvals web part's first load stays within its gzip budget (docs/performance.md): an esbuild
 * production build of the entry, split like the SPFx bundle, counting only what loads before the first
 * render. The decision dialog with the conditions editor, the countersignature dialog and the revocation
 * dialog (issue 16) are chunks of their own, loaded on first use.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(__dirname, '../..');
const BUDGET_BYTES = 150 * 1024;

jest.setTimeout(120_000);

describe('approvals web part bundle', () => {
  it('loads at most 150 KB gzip before the first render, without the decision, countersignature and revocation dialogs', async () => {
    const result = await build({
      entryPoints: [join(root, 'src/webparts/approvals/ApprovalsWebPart.ts')],
      bundle: true, write: false, format: 'esm', splitting: true, outdir: join(tmpdir(), 'approvals-bundle-test'), minify: true, metafile: true,
      platform: 'browser', target: 'es2017', external: ['react', 'react-dom', '@microsoft/*', 'ApprovalsWebPartStrings'],
      define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent'
    });
    const base = (path: string): string => path.split('/').pop() ?? path;
    const sizes = new Map(result.outputFiles.map((file) => [base(file.path), gzipSync(file.contents).length]));
    const outputs = result.metafile.outputs;
    const initial = new Set<string>();
    const visit = (key: string): void => {
      if (initial.has(key) || !outputs[key]) return;
      initial.add(key);
      for (const imported of outputs[key].imports) if (imported.kind === 'import-statement') visit(imported.path);
    };
    visit(Object.keys(outputs).find((key) => outputs[key].entryPoint) ?? '');
    const total = [...initial].reduce((sum, key) => sum + (sizes.get(base(key)) ?? 0), 0);
    const initialInputs = [...initial].flatMap((key) => Object.keys(outputs[key].inputs));
    expect(initialInputs.some((input) => input.endsWith('src/ui/approvals/QueueCard.tsx'))).toBe(true);
    expect(initialInputs.filter((input) => /DecisionDialog|ConditionsEditor/.test(input))).toEqual([]);
    // The countersignature and revocation (issue 16) dialogs load when opened too, with their Fluent parts.
    expect(initialInputs.filter((input) => /CountersignDialog|RevokeDialog|ChoiceGroup|TextField\//.test(input))).toEqual([]);
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
