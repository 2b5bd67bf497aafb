/**
 * Command-line benchmark: one `vsa-forms check` process over 64 filled forms (the fixture forms of
 * test/fixtures/forms, repeated), side by side with one
 * Node process running mammoth's `extractRawText` over the same 64 files (the peer baseline), and the
 * same check through tsx (how bin/vsa-forms.js started before it loaded the compiled file). Wall time
 * of each whole process, start-up included, because that is what a user waits for.
 * Goal (issue #11): the compiled check takes at most 0.2× the mammoth process.
 * Alone: `npm run bench -- cli`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCli } from '../scripts/build-cli';
import type { BenchResult } from './types';

const FORMS = 64;
const RUNS = 5;
const root = join(__dirname, '..');

/** The .docx fixture forms (valid ones, planted defects, LibreOffice re-saves), repeated up to 64 files. */
function fixtureForms(): string[] {
  const dir = join(root, 'test', 'fixtures', 'forms');
  const names = readdirSync(dir).filter((name) => name.endsWith('.docx')).sort();
  return Array.from({ length: FORMS }, (_, i) => join(dir, names[i % names.length]));
}

/** Wall time of one process, in milliseconds; output discarded. */
function timeProcess(command: string, args: readonly string[]): number {
  const t0 = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const elapsed = performance.now() - t0;
  // vsa-forms exits 1 when a form has blocking findings; 2 or a signal means the run broke.
  if (result.status === null || result.status > 1) throw new Error(`${command} ${args[0]} failed (${result.status}): ${result.stderr}`);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs the command-line benchmark. */
export async function run(): Promise<BenchResult[]> {
  buildCli();
  const files = fixtureForms();
  const mammothScript = `const m = require(${JSON.stringify(require.resolve('mammoth'))});
(async () => { for (const path of process.argv.slice(1)) await m.extractRawText({ path }); })();`;
  const tasks = {
    compiled: () => timeProcess(process.execPath, [join(root, 'bin', 'vsa-forms.js'), 'check', ...files]),
    mammoth: () => timeProcess(process.execPath, ['-e', mammothScript, ...files]),
    tsx: () => timeProcess(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'src', 'cli', 'vsa-forms.ts'), 'check', ...files])
  };
  const samples: Record<keyof typeof tasks, number[]> = { compiled: [], mammoth: [], tsx: [] };
  // Warm the file cache and tsx's transform cache, then alternate so all three see the same load.
  for (const task of Object.values(tasks)) task();
  for (let i = 0; i < RUNS; i++) {
    for (const [name, task] of Object.entries(tasks) as [keyof typeof tasks, () => number][]) samples[name].push(task());
  }
  const compiled = median(samples.compiled);
  const mammoth = median(samples.mammoth);
  const viaTsx = median(samples.tsx);
  const note = `${FORMS} forms, median of ${RUNS} processes`;
  return [
    { area: 'cli', name: 'vsa-forms check, 64 forms, compiled: wall time', value: compiled, unit: 'ms', note },
    { area: 'cli', name: 'vsa-forms check, 64 forms, through tsx: wall time', value: viaTsx, unit: 'ms', note: 'as bin/vsa-forms.js ran before: TypeScript transpiled at every start' },
    { area: 'cli', name: 'mammoth.extractRawText, same 64 forms, one process: wall time', value: mammoth, unit: 'ms', note: 'peer baseline' },
    { area: 'cli', name: 'compiled check / mammoth (goal <= 0.2)', value: compiled / mammoth, unit: 'x' },
    { area: 'cli', name: 'tsx check / mammoth', value: viaTsx / mammoth, unit: 'x' }
  ];
}
