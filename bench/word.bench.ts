/**
 * Word add-in: time to read and check a long form through the office-js adapter (gateway + form
 * source + checks) against the hand-written Word fake — Word itself excluded — and the number of
 * `context.sync()` round trips, which is what costs time in real Word.
 */
import { checkForm } from '../src/forms';
import { createOfficeFormSource } from '../src/word/office/officeFormSource';
import { createWordGateway } from '../src/word/office/wordGateway';
import { draftsFor } from '../src/word/review/commentPlan';
import { insertFindingComments, loadReview } from '../src/word/review/reviewActions';
import { FakeWord } from '../test/word/fakes/fakeWord';
import { catalogDocument } from '../test/word/fakes/documents';
import type { BenchResult } from './types';

function longForm(rows: number): FakeWord {
  const doc = catalogDocument('aanvraagformulier', { 'project.titel': 'Wonen in Vlaanderen', 'contact.email': 'fout' });
  for (let i = 0; i < rows; i++) {
    doc.controls.push({ id: 10_000 + 2 * i, tag: 'variabelen.naam', title: 'Naam', text: `var_${i}`, placeholderText: '' });
    doc.controls.push({ id: 10_001 + 2 * i, tag: 'variabelen.motivering', title: 'Motivering', text: i % 10 === 0 ? '' : 'nodig', placeholderText: '' });
  }
  return new FakeWord(doc);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs the Word benchmarks. */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const rows of [100, 1000, 5000]) {
    const times: number[] = [];
    let syncs = 0;
    let findings = 0;
    for (let i = 0; i < 7; i++) {
      const word = longForm(rows);
      const source = createOfficeFormSource(createWordGateway(word.host()));
      const start = performance.now();
      const loaded = await loadReview(source, checkForm, '2026-11-25', undefined);
      times.push(performance.now() - start);
      syncs = word.syncCount;
      findings = loaded.findings.length;
    }
    const controls = 2 + 31 + rows * 2;
    results.push({ area: 'word', name: `read + check, ${rows} variable rows (${controls} controls): median`, value: median(times), unit: 'ms', note: `${findings} findings; Word excluded` });
    results.push({ area: 'word', name: `read + check, ${rows} variable rows: context.sync() calls`, value: syncs, unit: 'syncs' });

    const word = longForm(rows);
    const source = createOfficeFormSource(createWordGateway(word.host()));
    const loaded = await loadReview(source, checkForm, '2026-11-25', undefined);
    word.syncCount = 0;
    const start = performance.now();
    const outcome = await insertFindingComments(source, draftsFor(loaded.findings));
    results.push({
      area: 'word',
      name: `insert ${outcome.report.inserted} comments (${rows} rows): time / syncs`,
      value: performance.now() - start,
      unit: 'ms',
      note: `${word.syncCount} context.sync() calls`
    });
  }
  return results;
}
