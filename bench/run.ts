/**
 * `npm run bench`: runs every `bench/*.bench.ts` module (each exports `run(): Promise<BenchResult[]>`),
 * prints one table and writes `bench-output/results.json` so the figures can be copied to
 * docs/performance.md. Benchmarks measure; they never assert (timing assertions are flaky on CI).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from './types';

interface BenchModule {
  run(): Promise<BenchResult[]>;
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((name) => name.endsWith('.bench.ts'))
    .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
    .sort();
  const results: BenchResult[] = [];
  for (const file of files) {
    process.stdout.write(`running ${file} ...\n`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(join(__dirname, file)) as BenchModule;
    results.push(...(await module.run()));
  }
  const rows = results.map((r) => [r.area, r.name, formatValue(r.value), r.unit, r.note ?? '']);
  printTable(['area', 'measure', 'value', 'unit', 'note'], rows);
  const outDir = join(__dirname, '..', 'bench-output');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    join(outDir, 'results.json'),
    JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2)
  );
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  process.stdout.write(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
