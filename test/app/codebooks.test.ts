import { TextDecoder, TextEncoder } from 'node:util';
import { CodebookLibrary, codebookFormatOf, importCodebook, type CodebookEngine } from '../../src/app/codebooks';
import { codebookIndex, isCodebookImportError } from '../../src/forms/codebook';
import { formatFailure } from '../../src/app/failures';
import { checkDocx, type FormsEngine } from '../../src/app/formsEngine';
import { checkAndRegisterDocument } from '../../src/app/checkAndRegisterDocument';
import type { CodebookSource, CodebookStore, CodebookSummary } from '../../src/data/ports';
import { checkForm, fillForm, generateTemplate, readForm, requestedDataOf, requestedWaves } from '../../src/forms';
import type { CheckContext, Codebook } from '../../src/forms/types';
import { FakeLibrary } from './support';

Object.assign(globalThis, { TextDecoder, TextEncoder });

const an = { id: 'an.peeters@vsa.local', displayName: 'An Peeters' };
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function codebook(wave: string, names: readonly string[], sensitive: readonly string[] = []): Codebook {
  return { wave, variables: names.map((name) => ({ name, label: `Label ${name.replace(/_/g, ' ')}`, sensitive: sensitive.includes(name) })) };
}

/** A coded refusal as the codebook reader throws it (a local stand-in for `CodebookImportError`). */
class FakeImportError extends Error {
  public constructor(public readonly code: string, public readonly messageEn: string) {
    super(`Dutch: ${code}`);
    this.name = 'CodebookImportError';
  }
}

/** A codebook reader that records what it was asked to read and answers from a script. */
function fakeEngine(answer: (format: 'ddi' | 'csv', wave?: string) => Codebook[]): { engine: () => Promise<CodebookEngine>; calls: string[] } {
  const calls: string[] = [];
  const engine: CodebookEngine = {
    parseDdiCodebook: (_bytes, fileName, options) => {
      calls.push(`ddi ${fileName} ${options?.wave ?? '-'}`);
      return answer('ddi', options?.wave);
    },
    parseCodebookCsv: (_bytes, fileName, options) => {
      calls.push(`csv ${fileName} ${options?.wave ?? '-'}`);
      return answer('csv', options?.wave);
    },
    codebookIndex
  };
  return { engine: async () => engine, calls };
}

/** An in-memory codebook store that counts reads. */
class MemoryCodebookStore implements CodebookStore {
  public readonly saved: { codebooks: readonly Codebook[]; source: CodebookSource }[] = [];
  public loads: string[][] = [];
  public lists = 0;
  private readonly waves = new Map<string, { codebook: Codebook; summary: CodebookSummary }>();
  private tick = 0;

  public async list(): Promise<CodebookSummary[]> {
    this.lists++;
    return [...this.waves.values()].map((entry) => entry.summary);
  }

  public async load(waves: readonly string[]): Promise<Codebook[]> {
    this.loads.push([...waves]);
    return waves.map((wave) => this.waves.get(wave)?.codebook).filter((c): c is Codebook => c !== undefined);
  }

  public async save(codebooks: readonly Codebook[], source: CodebookSource): Promise<CodebookSummary[]> {
    this.saved.push({ codebooks, source });
    const importedAt = new Date(Date.UTC(2026, 0, 1, 0, 0, this.tick++)).toISOString();
    return codebooks.map((codebook) => {
      const summary = { wave: codebook.wave, variableCount: codebook.variables.length, sensitiveCount: 0, sourceFileName: source.fileName, importedAt };
      this.waves.set(codebook.wave, { codebook, summary });
      return summary;
    });
  }
}

describe('importing a codebook file', () => {
  it('reads .xml as DDI and .csv as CSV, else by the first character, and passes the wave when the file does not say', async () => {
    expect(codebookFormatOf({ fileName: 'sv.XML', bytes: bytes('name,label') })).toBe('ddi');
    expect(codebookFormatOf({ fileName: 'sv.csv', bytes: bytes('<codeBook/>') })).toBe('csv');
    expect(codebookFormatOf({ fileName: 'export', bytes: bytes('\ufeff  \n<?xml version="1.0"?><codeBook/>') })).toBe('ddi');
    expect(codebookFormatOf({ fileName: 'export', bytes: bytes('name;label;wave;sensitive') })).toBe('csv');

    const store = new MemoryCodebookStore();
    const { engine, calls } = fakeEngine((format, wave) => [codebook(wave ?? `${format}-golf`, ['leeftijd'])]);
    const summaries = await importCodebook(store, { fileName: 'covid.xml', bytes: bytes('<codeBook/>') }, an, { wave: ' COVID-19-bevraging golf 3 ', engine });
    expect(calls).toEqual(['ddi covid.xml COVID-19-bevraging golf 3']);
    expect(summaries.map((s) => s.wave)).toEqual(['COVID-19-bevraging golf 3']);
    expect(store.saved[0].source.fileName).toBe('covid.xml');
  });

  it('surfaces the reader\'s coded error and stores nothing', async () => {
    const store = new MemoryCodebookStore();
    const { engine } = fakeEngine(() => {
      throw new FakeImportError('doctype', 'the file contains a DOCTYPE');
    });
    const error = await importCodebook(store, { fileName: 'kwaad.xml', bytes: bytes('<!DOCTYPE x><codeBook/>') }, an, { engine }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeImportError);
    expect((error as FakeImportError).code).toBe('doctype');
    expect(store.saved).toEqual([]);
  });

  it('refuses a file without variables (app.error.codebookEmpty) and stores nothing', async () => {
    const store = new MemoryCodebookStore();
    const { engine } = fakeEngine(() => [codebook('SV-bevraging 2023-1', [])]);
    const error = await importCodebook(store, { fileName: 'leeg.csv', bytes: bytes('name,label,wave,sensitive\n') }, an, { engine }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AppError', code: 'app.error.codebookEmpty', params: { fileName: 'leeg.csv' } });
    expect(store.saved).toEqual([]);
  });
});

describe('the cached codebooks', () => {
  it('reads a wave\'s variables once per import, and again after a new import', async () => {
    const store = new MemoryCodebookStore();
    let now = 0;
    const { engine } = fakeEngine((_format, wave) => [codebook(wave ?? 'x', wave === 'SV-bevraging 2023-1' ? ['leeftijd', 'religie'] : ['geslacht'])]);
    const library = new CodebookLibrary(store, { now: () => now, listTtlMs: 1000, engine });
    await library.import({ fileName: 'a.csv', bytes: bytes('x') }, an, { wave: 'SV-bevraging 2023-1' });
    await library.import({ fileName: 'b.csv', bytes: bytes('x') }, an, { wave: 'SV-bevraging 2023-2' });
    expect((await library.load(['SV-bevraging 2023-1', 'COVID-19-bevraging golf 3'])).map((c) => c.wave)).toEqual(['SV-bevraging 2023-1']);
    await library.load(['SV-bevraging 2023-1']);
    expect(store.loads).toEqual([['SV-bevraging 2023-1']]);
    expect(store.lists).toBe(1);
    // Someone else imports the wave again: after the list's time-to-live the new import is read.
    await store.save([codebook('SV-bevraging 2023-1', ['leeftijd'])], { fileName: 'c.csv', bytes: bytes('x') });
    expect((await library.load(['SV-bevraging 2023-1']))[0].variables).toHaveLength(2);
    now = 1001;
    expect((await library.load(['SV-bevraging 2023-1']))[0].variables).toHaveLength(1);
    expect(store.loads).toEqual([['SV-bevraging 2023-1'], ['SV-bevraging 2023-1']]);
    expect(await library.load([])).toEqual([]);
  });

  it('searches name and label through the forms engine\'s index, in the waves asked for, sensitive ones kept marked', async () => {
    const store = new MemoryCodebookStore();
    await store.save([codebook('SV-bevraging 2023-1', ['gezondheid_algemeen', 'subjectieve_gezondheid', 'leeftijd'], ['gezondheid_algemeen'])], { fileName: 'a.csv', bytes: bytes('x') });
    await store.save([{ wave: 'SV-bevraging 2023-2', variables: [{ name: 'q17', label: 'Gezondheid en eenzaamheid', sensitive: false }] }], { fileName: 'b.csv', bytes: bytes('x') });
    const library = new CodebookLibrary(store);
    expect((await library.search('gezondheid', ['SV-bevraging 2023-2'])).map((hit) => hit.variable.name)).toEqual(['q17']);
    const all = await library.search('gezondheid');
    expect(all.map((hit) => `${hit.wave}:${hit.variable.name}`)).toEqual(expect.arrayContaining(['SV-bevraging 2023-1:gezondheid_algemeen', 'SV-bevraging 2023-1:subjectieve_gezondheid', 'SV-bevraging 2023-2:q17']));
    expect(all[0].variable).toMatchObject({ name: 'gezondheid_algemeen', sensitive: true });
    expect(await library.search('  ')).toEqual([]);
  });
});

describe('importing real files with the forms engine\'s reader', () => {
  it('imports a CSV of two waves and refuses a DDI file with a DOCTYPE with its coded error, in Dutch and English', async () => {
    const store = new MemoryCodebookStore();
    const csv = 'name;label;wave;sensitive\r\nleeftijd;Leeftijd;SV-bevraging 2023-1;nee\r\nreligie;Religie;SV-bevraging 2023-1;ja\r\nleeftijd;Leeftijd;SV-bevraging 2023-2;nee\r\n';
    const summaries = await importCodebook(store, { fileName: 'sv.csv', bytes: bytes(csv) }, an);
    expect(summaries.map((s) => [s.wave, s.variableCount])).toEqual([['SV-bevraging 2023-1', 2], ['SV-bevraging 2023-2', 1]]);
    const error = await importCodebook(store, { fileName: 'kwaad.xml', bytes: bytes('<?xml version="1.0"?><!DOCTYPE codeBook [<!ENTITY x "y">]><codeBook/>') }, an).catch((e: unknown) => e);
    expect(isCodebookImportError(error)).toBe(true);
    expect(formatFailure(error, 'nl')).toMatch(/^kwaad\.xml: /);
    expect(formatFailure(error, 'en')).not.toBe(formatFailure(error, 'nl'));
    const formula = await importCodebook(store, { fileName: 'formule.csv', bytes: bytes('name,label,wave,sensitive\n=HYPERLINK("x"),Label,SV-bevraging 2023-1,nee\n') }, an).catch((e: unknown) => e);
    expect(isCodebookImportError(formula)).toBe(true);
    expect(store.saved).toHaveLength(1);
  });
});

describe('the checks get the codebooks of the waves a form requests', () => {
  async function applicationForm(surveys: string): Promise<Uint8Array> {
    return fillForm(await generateTemplate('aanvraagformulier'), {
      fields: { 'gegevens.bevragingen': surveys },
      rows: { variabelen: [{ 'variabelen.naam': 'inkomen_huishoudn', 'variabelen.motivering': 'Armoede.' }] }
    }, { fileName: 'aanvraag.docx' });
  }

  /** The real reader and wave reading, with a check that records the context it got. */
  function recordingEngine(): { engine: FormsEngine; contexts: CheckContext[] } {
    const contexts: CheckContext[] = [];
    return { engine: { readForm, requestedWaves, requestedDataOf, checkForm: (form, context) => { contexts.push(context); return checkForm(form, context); } }, contexts };
  }

  it('loads the requested waves (and the scope in force\'s) and checks with their codebooks', async () => {
    const store = new MemoryCodebookStore();
    await store.save([codebook('SV-bevraging 2023-1', ['inkomen_huishouden']), codebook('SCV-survey 2015', ['religie'])], { fileName: 'a.csv', bytes: bytes('x') });
    const { engine, contexts } = recordingEngine();
    await checkDocx(engine, await applicationForm('SV-bevraging 2023-1 en COVID-19-bevraging golf 3'), 'aanvraag.docx', { phase: 'draft', today: '2026-12-02' }, store);
    expect(store.loads).toEqual([['SV-bevraging 2023-1', 'COVID-19-bevraging golf 3']]);
    expect(contexts[0].codebooks?.map((c) => c.wave)).toEqual(['SV-bevraging 2023-1']);

    const scope = { protocolNumber: 'PROT-2025-001', variables: [], purposes: [], surveys: ['SCV-survey 2015'] };
    await checkDocx(engine, await applicationForm(''), 'aanvraag.docx', { phase: 'draft', today: '2026-12-02', scopeInForce: scope }, store);
    expect(store.loads[1]).toEqual(['SCV-survey 2015']);
    expect(contexts[1].codebooks?.map((c) => c.wave)).toEqual(['SCV-survey 2015']);
  });

  it('without a codebook store, or without requested waves, checks as before and reads nothing', async () => {
    const store = new MemoryCodebookStore();
    const { engine, contexts } = recordingEngine();
    await checkDocx(engine, await applicationForm('SV-bevraging 2023-1'), 'aanvraag.docx', { phase: 'draft', today: '2026-12-02' });
    await checkDocx(engine, await applicationForm(''), 'aanvraag.docx', { phase: 'draft', today: '2026-12-02' }, store);
    expect(contexts.map((context) => context.codebooks)).toEqual([undefined, undefined]);
    expect(store.loads).toEqual([]);
  });

  it('a codebook that cannot be read fails the upload instead of passing the form unchecked; nothing is stored', async () => {
    const library = new FakeLibrary();
    const failing = { load: async (): Promise<Codebook[]> => { throw new Error('codebooks unavailable'); } };
    const { engine } = recordingEngine();
    const error = await checkAndRegisterDocument(
      { documents: library, loadFormsEngine: async () => engine, today: () => '2026-12-02', codebooks: failing },
      { reference: 'VSA-2026-0001', state: 'formsRequested', documents: [] },
      { fileName: 'aanvraag.docx', bytes: await applicationForm('SV-bevraging 2023-1'), kind: 'auto' }
    ).catch((e: unknown) => e);
    expect(String((error as Error).message)).toBe('codebooks unavailable');
    expect(library.uploads).toEqual([]);
  });
});
