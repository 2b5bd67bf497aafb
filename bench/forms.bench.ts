/**
 * Forms benchmark: read + check a filled form (small: 3 variables; long: 200 variables), side by
 * side with mammoth.extractRawText on the same bytes as the peer baseline.
 * Alone: `npx tsx bench/forms.bench.ts` (prints a table); in the suite: `npm run bench`.
 */
import * as mammoth from 'mammoth';
import { checkForm, fillForm, generateTemplate, readForm, sampleValues } from '../src/forms';
import type { BenchResult } from './types';

const CONTEXT = { phase: 'draft', today: '2026-11-25' } as const;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

interface Timing {
  median: number;
  p95: number;
  perSecond: number;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = samples.reduce((sum, sample) => sum + sample, 0);
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95), perSecond: (samples.length / total) * 1000 };
}

/**
 * Times two tasks in alternating batches, so that both see the same machine load (CI runners and
 * shared workstations are noisy); after a warm-up of each.
 */
async function timeSideBySide(iterations: number, ours: () => Promise<unknown>, peer: () => Promise<unknown>): Promise<[Timing, Timing]> {
  for (let i = 0; i < 10; i++) {
    await ours();
    await peer();
  }
  const batches = 10;
  const perBatch = Math.max(1, Math.round(iterations / batches));
  const samples: [number[], number[]] = [[], []];
  for (let batch = 0; batch < batches; batch++) {
    for (const [index, task] of [ours, peer].entries()) {
      for (let i = 0; i < perBatch; i++) {
        const t0 = performance.now();
        await task();
        samples[index].push(performance.now() - t0);
      }
    }
  }
  return [summarize(samples[0]), summarize(samples[1])];
}

async function filledForm(variables: number): Promise<Uint8Array> {
  return fillForm(await generateTemplate('aanvraagformulier'), sampleValues('aanvraagformulier', { variables }));
}

/** Runs the forms benchmark. */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const cases = [
    { label: 'small form (3 variables)', bytes: await filledForm(3), iterations: 300 },
    { label: 'long form (200 variables)', bytes: await filledForm(200), iterations: 60 }
  ];
  for (const { label, bytes, iterations } of cases) {
    const buffer = Buffer.from(bytes);
    const [ours, peer] = await timeSideBySide(
      iterations,
      async () => checkForm(await readForm(bytes, 'bench.docx'), CONTEXT),
      () => mammoth.extractRawText({ buffer })
    );
    const note = `${(bytes.length / 1024).toFixed(1)} kB docx, ${iterations} runs`;
    results.push(
      { area: 'forms', name: `read+check ${label}: forms/s`, value: ours.perSecond, unit: 'forms/s', note },
      { area: 'forms', name: `read+check ${label}: median`, value: ours.median, unit: 'ms' },
      { area: 'forms', name: `read+check ${label}: p95`, value: ours.p95, unit: 'ms' },
      { area: 'forms', name: `mammoth.extractRawText ${label}: forms/s`, value: peer.perSecond, unit: 'forms/s', note: 'peer baseline' },
      { area: 'forms', name: `mammoth.extractRawText ${label}: median`, value: peer.median, unit: 'ms', note: 'peer baseline' },
      { area: 'forms', name: `mammoth.extractRawText ${label}: p95`, value: peer.p95, unit: 'ms', note: 'peer baseline' },
      { area: 'forms', name: `speed-up vs mammoth ${label} (median)`, value: peer.median / ours.median, unit: 'x' }
    );
  }
  return results;
}

if (require.main === module) {
  run().then(
    (results) => {
      const rows = results.map((r) => [r.name, r.value.toFixed(r.value < 10 ? 2 : 1), r.unit, r.note ?? '']);
      const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i].length)));
      for (const row of rows) process.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`forms benchmark failed: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  );
}
