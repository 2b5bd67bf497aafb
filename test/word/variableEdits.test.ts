import { addTableRow, checkForm, fillForm, generateTemplate, readForm, replaceControlText, requestedDataOfForm } from '../../src/forms';
import type { CheckContext, FormDocument } from '../../src/forms';
import type { CodebookStore } from '../../src/data/ports';
import { createWordGateway } from '../../src/word/office/wordGateway';
import { createOfficeFormSource, indexControls, planRow } from '../../src/word/office/officeFormSource';
import { createDocxFormSource } from '../../src/word/docx/docxFormSource';
import { insertVariableRow, loadReview, replaceFieldText, searchVariables } from '../../src/word/review/reviewActions';
import { cachedCodebooks, searchCodebooks } from '../../src/word/review/variableSearch';
import { FakeWord } from './fakes/fakeWord';
import { variablesDocument } from './fakes/documents';
import { CODEBOOKS } from './fakes/codebooks';

const FIELDS = { 'project.titel': 'Wonen in Vlaanderen', 'gegevens.bevragingen': 'SV-bevraging 2023-1; SV-bevraging 2023-2' };


function officeSource(word: FakeWord) {
  return createOfficeFormSource(createWordGateway(word.host()));
}

const controlTexts = (word: FakeWord, tag: string): string[] => word.document.controls.filter((c) => c.tag === tag).map((c) => c.text);

describe('codebook search of the pane', () => {
  it('finds by name, then by label, within the requested waves, one hit per name, at most the limit', () => {
    const waves = ['SV-bevraging 2023-1', 'SV-bevraging 2023-2'];
    expect(searchCodebooks(CODEBOOKS, 'INKOMEN', waves, 10).map((hit) => [hit.name, hit.wave])).toEqual([
      ['inkomen_huishouden', 'SV-bevraging 2023-1'],
      ['inkomen_persoon', 'SV-bevraging 2023-1']
    ]);
    expect(searchCodebooks(CODEBOOKS, 'gemeente', waves, 10).map((hit) => hit.name)).toEqual(['woonplaats']);
    expect(searchCodebooks(CODEBOOKS, 'gezondheid', waves, 10)[0]).toEqual({ name: 'gezondheid_algemeen', label: 'Ervaren gezondheid', wave: 'SV-bevraging 2023-1', sensitive: true });
    expect(searchCodebooks(CODEBOOKS, 'inkomen', [], 10).map((hit) => hit.name)).toContain('inkomen_verlies');
    expect(searchCodebooks(CODEBOOKS, 'inkomen', waves, 1)).toHaveLength(1);
    expect(searchCodebooks(CODEBOOKS, '  ', waves, 10)).toEqual([]);
  });

  it('searches within the waves the loaded form requests', () => {
    const hits = searchVariables({ codebooks: CODEBOOKS, requested: { surveys: ['COVID-19-bevraging golf 1'], variablesCount: 0 } }, searchCodebooks, 'inkomen');
    expect(hits.map((hit) => hit.name)).toEqual(['inkomen_verlies']);
  });

  it('loads the codebooks of a set of waves once, and again after a failure', async () => {
    const load = jest.fn(async (waves: readonly string[]) => CODEBOOKS.filter((codebook) => waves.includes(codebook.wave)));
    const store: CodebookStore = { list: jest.fn(), load, save: jest.fn() };
    const cached = cachedCodebooks(store);
    expect(await cached(['SV-bevraging 2023-2', 'SV-bevraging 2023-1'])).toHaveLength(2);
    expect(await cached(['SV-bevraging 2023-1', 'SV-bevraging 2023-2'])).toHaveLength(2);
    expect(load).toHaveBeenCalledTimes(1);
    load.mockRejectedValueOnce(new Error('down'));
    await expect(cached(['SCV-survey 2010'])).rejects.toThrow('down');
    expect(await cached(['SCV-survey 2010'])).toEqual([]);
    expect(load).toHaveBeenCalledTimes(3);
  });
});

describe('loadReview with codebooks', () => {
  it('passes the codebooks of the requested waves to the checks, and runs without them when the store fails', async () => {
    const word = new FakeWord(variablesDocument('aanvraagformulier', FIELDS, [['inkomen_huishoudn', 'Nodig.']]));
    const seen: CheckContext[] = [];
    const check = (form: FormDocument, context: CheckContext) => {
      seen.push(context);
      return checkForm(form, context);
    };
    const load = jest.fn(async (waves: readonly string[]) => CODEBOOKS.filter((codebook) => waves.includes(codebook.wave)));
    const loaded = await loadReview(officeSource(word), check, '2026-11-25', undefined, { requestedOf: requestedDataOfForm, codebooks: load });
    expect(load).toHaveBeenCalledWith(['SV-bevraging 2023-1', 'SV-bevraging 2023-2']);
    expect(seen[0].codebooks?.map((codebook) => codebook.wave)).toEqual(['SV-bevraging 2023-1', 'SV-bevraging 2023-2']);
    expect(loaded.requested).toMatchObject({ surveys: ['SV-bevraging 2023-1', 'SV-bevraging 2023-2'], variablesCount: 1 });

    const failing = await loadReview(officeSource(word), check, '2026-11-25', undefined, { requestedOf: requestedDataOfForm, codebooks: async () => { throw new Error('lijst onbereikbaar'); } });
    expect(failing.codebookError).toEqual(new Error('lijst onbereikbaar'));
    expect(seen[1].codebooks).toBeUndefined();
    expect(failing.codebooks).toEqual([]);
  });
});

describe('Office form source: replacing a variable and adding a row', () => {
  it('replaces the text of the anchored control only, in two syncs', async () => {
    const word = new FakeWord(variablesDocument('aanvraagformulier', FIELDS, [['leeftijd', 'Nodig.'], ['inkomen_huishoudn', 'Armoede meten.']]));
    const source = officeSource(word);
    await source.read();
    word.syncCount = 0;
    expect(await replaceFieldText(source, { kind: 'contentControl', tag: 'variabelen.naam', occurrence: 1 }, 'inkomen_huishouden')).toBe(true);
    expect(word.syncCount).toBe(2);
    expect(controlTexts(word, 'variabelen.naam')).toEqual(['leeftijd', 'inkomen_huishouden']);
    expect(controlTexts(word, 'variabelen.motivering')).toEqual(['Nodig.', 'Armoede meten.']);
    // A field found only by its label is not overwritten.
    expect(await source.replaceFieldText({ kind: 'paragraph', paragraphIndex: 0, label: 'Variabele' }, 'x')).toBe(false);
    // A control deleted since the read is reported, not thrown.
    word.document.controls = word.document.controls.filter((c) => c.text !== 'leeftijd');
    expect(await source.replaceFieldText({ kind: 'contentControl', tag: 'variabelen.naam', occurrence: 0 }, 'x')).toBe(false);
    await expect(replaceFieldText(source, { kind: 'document' }, ' ')).rejects.toThrow(/lege waarde/);
  });

  it('fills the first empty row of the table', async () => {
    const word = new FakeWord(variablesDocument('aanvraagformulier', FIELDS, [['leeftijd', 'Nodig.']], 2));
    const source = officeSource(word);
    await source.read();
    expect(await insertVariableRow(source, 'woonplaats')).toBe(true);
    expect(controlTexts(word, 'variabelen.naam')).toEqual(['leeftijd', 'woonplaats', 'Naam van de variabele.']);
    const reread = await source.read();
    expect(reread.form.rows.variabelen.map((row) => [row['variabelen.naam'].value, row['variabelen.motivering'].isPlaceholder])).toEqual([
      ['leeftijd', false],
      ['woonplaats', true]
    ]);
  });

  it('adds a new row after the last one when every row is filled, with an empty justification control', async () => {
    const word = new FakeWord(variablesDocument('aanvraagformulier', FIELDS, [['leeftijd', 'Nodig.'], ['geslacht', 'Nodig.']]));
    const source = officeSource(word);
    await source.read();
    word.syncCount = 0;
    expect(await insertVariableRow(source, 'woonplaats')).toBe(true);
    expect(word.syncCount).toBe(3);
    const added = word.document.controls.slice(-2);
    expect(added.map((c) => [c.tag, c.title, c.text, c.placeholderText])).toEqual([
      ['variabelen.naam', 'Variabele', 'woonplaats', 'Naam van de variabele.'],
      ['variabelen.motivering', 'Motivering', '', 'Waarom is deze variabele nodig?']
    ]);
    expect(added[0].row).toBe(added[1].row);
    const reread = await source.read();
    expect(reread.form.rows.variabelen.map((row) => row['variabelen.naam'].value)).toEqual(['leeftijd', 'geslacht', 'woonplaats']);
    expect(checkForm(reread.form, { phase: 'draft', today: '2026-11-25' }).some((f) => f.checkId === 'variableJustification' && f.anchor.kind === 'contentControl' && f.anchor.occurrence === 2)).toBe(true);
  });

  it('plans nothing for a form without a variables table, and says so', async () => {
    expect(planRow('variabelen', { 'variabelen.naam': 'x' }, indexControls([]))).toBeUndefined();
    const word = new FakeWord(variablesDocument('verklaringTOM', {}, []));
    const source = officeSource(word);
    await source.read();
    expect(await insertVariableRow(source, 'x')).toBe(false);
  });
});

describe('docx edits (local workbench)', () => {
  async function form(variables: ReadonlyArray<Record<string, string>>): Promise<Uint8Array> {
    return fillForm(await generateTemplate('aanvraagformulier', { emptyRows: 1 }), { fields: FIELDS, rows: { variabelen: variables } });
  }

  it('replaces one control and leaves the others', async () => {
    const docx = await form([{ 'variabelen.naam': 'leeftijd', 'variabelen.motivering': 'Nodig.' }, { 'variabelen.naam': 'inkomen_huishoudn', 'variabelen.motivering': 'Armoede.' }]);
    const next = replaceControlText(docx, 'variabelen.naam', 1, 'inkomen_huishouden')!;
    const read = await readForm(next, 'a.docx');
    expect(read.rows.variabelen.map((row) => row['variabelen.naam'].value)).toEqual(['leeftijd', 'inkomen_huishouden']);
    expect(replaceControlText(docx, 'variabelen.naam', 5, 'x')).toBeUndefined();
  });

  it('fills an empty row, else copies the last row with an empty justification', async () => {
    const empty = await fillForm(await generateTemplate('aanvraagformulier', { emptyRows: 2 }), { fields: FIELDS });
    const filled = await readForm(addTableRow(empty, 'variabelen', { 'variabelen.naam': 'woonplaats' })!, 'a.docx');
    expect(filled.rows.variabelen.map((row) => row['variabelen.naam'].value)).toEqual(['woonplaats']);

    const full = await form([{ 'variabelen.naam': 'leeftijd', 'variabelen.motivering': 'Nodig.' }]);
    const added = await readForm(addTableRow(full, 'variabelen', { 'variabelen.naam': 'woonplaats' })!, 'a.docx');
    expect(added.rows.variabelen.map((row) => [row['variabelen.naam'].value, row['variabelen.motivering'].value, row['variabelen.motivering'].isPlaceholder])).toEqual([
      ['leeftijd', 'Nodig.', false],
      ['woonplaats', '', true]
    ]);
    const tom = await generateTemplate('verklaringTOM');
    expect(addTableRow(tom, 'variabelen', { 'variabelen.naam': 'x' })).toBeUndefined();
  });

  it('lets the docx form source replace and add, reporting the new file', async () => {
    const changes: Uint8Array[] = [];
    const source = createDocxFormSource(await form([{ 'variabelen.naam': 'inkomen_huishoudn', 'variabelen.motivering': 'Armoede.' }]), {
      fileName: 'a.docx',
      author: 'An',
      now: () => '2026-11-25T10:00:00Z',
      onChange: (docx) => changes.push(docx)
    });
    expect(await source.replaceFieldText({ kind: 'contentControl', tag: 'variabelen.naam', occurrence: 0 }, 'inkomen_huishouden')).toBe(true);
    expect(await source.addRow('variabelen', { 'variabelen.naam': 'woonplaats' })).toBe(true);
    expect(await source.replaceFieldText({ kind: 'document' }, 'x')).toBe(false);
    expect(changes).toHaveLength(2);
    const read = await source.read();
    expect(read.form.rows.variabelen.map((row) => row['variabelen.naam'].value)).toEqual(['inkomen_huishouden', 'woonplaats']);
  });
});
