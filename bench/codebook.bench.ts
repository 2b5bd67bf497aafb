/**
 * Codebook benchmark (issue 13): (a) reading a form with 200 variables vs checking it against a
 * codebook of 5,000 variables — the codebook check must add less than the read; (b) importing a
 * 5,000-variable DDI-Codebook file (< 1 s). Side by side: the check without codebooks, a naive linear
 * scan for the suggestions (full Damerau-Levenshtein against every name), and xmldom's bare parse of
 * the same DDI bytes (the floor of any DOM-based import).
 * Alone: `npx tsx bench/codebook.bench.ts` (prints a table); in the suite: `npm run bench codebook`.
 */
import { DOMParser } from '@xmldom/xmldom';
import { checkForm, codebookIndex, fillForm, generateTemplate, parseCodebookCsv, parseDdiCodebook, readForm, sampleValues } from '../src/forms';
import type { Codebook, FormDocument } from '../src/forms';
import { normalizeName } from '../src/forms/codebook';
import type { BenchResult } from './types';

const WAVE = 'SV-bevraging 2023-2';
const CONTEXT = { phase: 'draft', today: '2026-11-25' } as const;

const TOPICS = ['inkomen', 'gezondheid', 'woning', 'werk', 'opleiding', 'vertrouwen', 'vrije_tijd', 'mobiliteit', 'cultuur', 'sport', 'buurt', 'zorg', 'milieu', 'media', 'politiek', 'religie', 'gezin', 'kinderen', 'pensioen', 'energie'];
const ASPECTS = ['huishouden', 'persoon', 'partner', 'ouders', 'tevredenheid', 'frequentie', 'uitgaven', 'bron', 'verandering', 'verwachting', 'oordeel', 'gebruik', 'afstand', 'kosten', 'duur', 'type', 'niveau', 'reden', 'toegang', 'kwaliteit', 'aantal', 'probleem', 'hulp', 'deelname', 'interesse'];

/** 5,000 distinct, realistic names (`inkomen_huishouden_3`), labels of several words, half with categories. */
function syntheticVariables(count: number): { name: string; label: string; sensitive: boolean; categories: number }[] {
  const out: { name: string; label: string; sensitive: boolean; categories: number }[] = [];
  for (let i = 0; out.length < count; i++) {
    const topic = TOPICS[i % TOPICS.length];
    const aspect = ASPECTS[Math.floor(i / TOPICS.length) % ASPECTS.length];
    const round = Math.floor(i / (TOPICS.length * ASPECTS.length));
    const name = round === 0 ? `${topic}_${aspect}` : `${topic}_${aspect}_${round}`;
    out.push({
      name,
      label: `${aspect.replace('_', ' ')} van ${topic.replace('_', ' ')} (vraag ${i + 1}${round ? `, item ${round}` : ''})`,
      sensitive: topic === 'gezondheid' || topic === 'religie',
      categories: i % 2 === 0 ? 5 : 0
    });
  }
  return out;
}

function ddiBytes(variables: ReturnType<typeof syntheticVariables>): Uint8Array {
  const vars = variables.map((v, i) => {
    const categories = Array.from({ length: v.categories }, (_, c) => `<catgry><catValu>${c + 1}</catValu><labl level="category">Antwoord ${c + 1}</labl></catgry>`).join('');
    const sensitive = v.sensitive ? '<notes type="VSA:sensitive">ja</notes>' : '';
    return `<var ID="V${i + 1}" name="${v.name}" files="F1" intrvl="discrete"><location width="2"/><labl level="variable">${v.label}</labl>${categories}${sensitive}<varFormat type="numeric" schema="other"/></var>`;
  });
  return new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?>\n<codeBook xmlns="ddi:codebook:2_5" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="2.5" xsi:schemaLocation="ddi:codebook:2_5 http://www.ddialliance.org/Specification/DDI-Codebook/2.5/XMLSchema/codebook.xsd">` +
      `<stdyDscr><citation><titlStmt><titl>SV-bevraging 2023</titl></titlStmt></citation></stdyDscr>` +
      `<fileDscr ID="F1"><fileTxt><fileName>SV-bevraging_2023-2.sav</fileName></fileTxt></fileDscr>\n<dataDscr>\n${vars.join('\n')}\n</dataDscr></codeBook>`
  );
}

function csvBytes(variables: ReturnType<typeof syntheticVariables>): Uint8Array {
  return new TextEncoder().encode(`name;label;wave;sensitive\n${variables.map((v) => `${v.name};"${v.label}";${WAVE};${v.sensitive ? 'ja' : 'nee'}`).join('\n')}\n`);
}

/** A misspelling as people make them: one letter dropped from the middle. */
const typo = (name: string): string => name.slice(0, Math.floor(name.length / 2)) + name.slice(Math.floor(name.length / 2) + 1);

async function formBytes(names: string[]): Promise<Uint8Array> {
  const values = sampleValues('aanvraagformulier');
  return fillForm(await generateTemplate('aanvraagformulier'), {
    fields: { ...values.fields, 'gegevens.bevragingen': WAVE },
    rows: { ...values.rows, variabelen: names.map((name) => ({ 'variabelen.naam': name, 'variabelen.motivering': 'Nodig voor de onderzoeksvraag.' })) }
  });
}

/** Full optimal-string-alignment distance, no band, no cut-off: the textbook algorithm. */
function naiveDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The peer: for every requested name not in the codebook, scan all names and keep the three nearest. */
function naiveCheck(form: FormDocument, codebooks: readonly Codebook[]): number {
  const names = codebooks.flatMap((codebook) => codebook.variables.map((v) => v.name));
  const known = new Set(names.map((name) => name.toLowerCase()));
  let suggestions = 0;
  for (const row of form.rows.variabelen ?? []) {
    const name = row['variabelen.naam']?.value ?? '';
    if (known.has(name.toLowerCase())) continue;
    const query = normalizeName(name);
    const nearest = names.map((candidate) => ({ candidate, distance: naiveDistance(query, normalizeName(candidate)) })).sort((a, b) => a.distance - b.distance).slice(0, 3);
    suggestions += nearest.length;
  }
  return suggestions;
}

interface Timing {
  median: number;
  p95: number;
}

function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  return { median: at(50), p95: at(95) };
}

/** Times tasks in alternating batches after a warm-up, so all see the same machine load. */
async function timeSideBySide(iterations: number, tasks: (() => unknown)[]): Promise<Timing[]> {
  for (let i = 0; i < Math.min(3, iterations); i++) for (const task of tasks) await task();
  const batches = 5;
  const perBatch = Math.max(1, Math.round(iterations / batches));
  const samples: number[][] = tasks.map(() => []);
  for (let batch = 0; batch < batches; batch++) {
    for (const [index, task] of tasks.entries()) {
      for (let i = 0; i < perBatch; i++) {
        const t0 = performance.now();
        await task();
        samples[index].push(performance.now() - t0);
      }
    }
  }
  return samples.map(summarize);
}

/** Runs the codebook benchmark. */
export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const variables = syntheticVariables(5000);
  const ddi = ddiBytes(variables);
  const csv = csvBytes(variables);
  const codebooks = parseDdiCodebook(ddi, 'bench.xml');
  if (codebooks.length !== 1 || codebooks[0].variables.length !== 5000) throw new Error('the synthetic codebook did not import as one wave of 5,000 variables');

  // (a) 200 requested variables, every tenth misspelt (20 blocking findings with suggestions).
  const requested = Array.from({ length: 200 }, (_, i) => (i % 10 === 9 ? typo(variables[i * 23].name) : variables[i * 23].name));
  const bytes = await formBytes(requested);
  const form = await readForm(bytes, 'bench.docx');
  const blocking = checkForm(form, { ...CONTEXT, codebooks }).filter((finding) => finding.checkId === 'codebook' && finding.severity === 'blocking');
  if (blocking.length !== 20 || blocking.some((finding) => !finding.suggestions?.length)) throw new Error(`expected 20 misspelt variables with suggestions, got ${blocking.length}`);
  const allUnknown = await readForm(await formBytes(requested.map((name) => `${name}_x`)), 'bench-unknown.docx');

  const [read, without, withIndex, coldIndex] = await timeSideBySide(30, [
    () => readForm(bytes, 'bench.docx'),
    () => checkForm(form, CONTEXT),
    () => checkForm(form, { ...CONTEXT, codebooks }),
    // A fresh array each time: the index is built inside the measured check (first form of a session).
    () => checkForm(form, { ...CONTEXT, codebooks: [...codebooks] })
  ]);
  // The slow ones, fewer runs (still side by side).
  const [worst, naive] = await timeSideBySide(5, [() => checkForm(allUnknown, { ...CONTEXT, codebooks }), () => naiveCheck(form, codebooks)]);
  const note = `${(bytes.length / 1024).toFixed(1)} kB docx, 200 variables (20 misspelt), codebook of 5,000`;
  results.push(
    { area: 'codebook', name: 'read form (200 variables): median', value: read.median, unit: 'ms', note },
    { area: 'codebook', name: 'check without codebooks: median', value: without.median, unit: 'ms', note: 'peer: today\'s checks' },
    { area: 'codebook', name: 'check with codebook (index cached): median', value: withIndex.median, unit: 'ms' },
    { area: 'codebook', name: 'check with codebook (index built in the check): median', value: coldIndex.median, unit: 'ms' },
    { area: 'codebook', name: 'check with codebook, all 200 unknown: median', value: worst.median, unit: 'ms', note: 'worst case: 200 suggestion searches' },
    { area: 'codebook', name: 'naive linear scan for the 20 suggestions: median', value: naive.median, unit: 'ms', note: 'peer: full Damerau-Levenshtein against every name' },
    { area: 'codebook', name: 'added by the codebook check (index built) / read', value: (coldIndex.median - without.median) / read.median, unit: 'ratio', note: 'must stay below 1' },
    { area: 'codebook', name: 'added by the codebook check (cached) / read', value: (withIndex.median - without.median) / read.median, unit: 'ratio', note: 'must stay below 1' }
  );

  // (b) importing 5,000 variables.
  const [importDdi, importCsv, bareParse] = await timeSideBySide(20, [
    () => parseDdiCodebook(ddi, 'bench.xml'),
    () => parseCodebookCsv(csv, 'bench.csv'),
    () => new DOMParser().parseFromString(new TextDecoder().decode(ddi), 'text/xml')
  ]);
  results.push(
    { area: 'codebook', name: 'import DDI, 5,000 variables: median', value: importDdi.median, unit: 'ms', note: `${(ddi.length / 1024 / 1024).toFixed(2)} MB; budget 1,000 ms` },
    { area: 'codebook', name: 'import DDI, 5,000 variables: p95', value: importDdi.p95, unit: 'ms' },
    { area: 'codebook', name: 'xmldom parse alone, same bytes: median', value: bareParse.median, unit: 'ms', note: 'peer: the floor of a DOM import' },
    { area: 'codebook', name: 'import CSV, 5,000 variables: median', value: importCsv.median, unit: 'ms', note: `${(csv.length / 1024).toFixed(0)} kB` },
    { area: 'codebook', name: 'index 5,000 variables (codebookIndex): median', value: summarize(Array.from({ length: 10 }, () => {
      const t0 = performance.now();
      codebookIndex([...codebooks]).find('x');
      return performance.now() - t0;
    })).median, unit: 'ms' }
  );
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
      process.stderr.write(`codebook benchmark failed: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  );
}
