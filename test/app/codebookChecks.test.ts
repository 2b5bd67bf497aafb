import { TextDecoder, TextEncoder } from 'node:util';
import { CodebookLibrary } from '../../src/app/codebooks';
import { createDocumentChecks } from '../../src/app/registerChecks';
import { loadFormsEngine } from '../../src/app/formsEngine';
import type { CodebookSource, CodebookStore, CodebookSummary, StoredDocument } from '../../src/data/ports';
import { fillForm, generateTemplate } from '../../src/forms';
import type { Codebook } from '../../src/forms/types';

Object.assign(globalThis, { TextDecoder, TextEncoder });

/** A store holding given codebooks (the store itself is tested against the local tenant). */
function storeWith(codebooks: readonly Codebook[]): CodebookStore {
  const summaries: CodebookSummary[] = codebooks.map((codebook) => ({
    wave: codebook.wave, variableCount: codebook.variables.length, sensitiveCount: codebook.variables.filter((v) => v.sensitive).length, sourceFileName: 'sv.csv', importedAt: '2026-12-01T08:00:00.000Z'
  }));
  return {
    list: async () => summaries,
    load: async (waves) => codebooks.filter((codebook) => waves.includes(codebook.wave)),
    save: async (_codebooks: readonly Codebook[], _source: CodebookSource) => summaries
  };
}

const sv2023: Codebook = {
  wave: 'SV-bevraging 2023-1',
  variables: [
    { name: 'inkomen_huishouden', label: 'Netto maandinkomen van het huishouden', sensitive: false },
    { name: 'inkomenscategorie', label: 'Inkomen van het huishouden (categorieën)', sensitive: false },
    { name: 'leeftijd', label: 'Leeftijd', sensitive: false },
    { name: 'religie', label: 'Levensbeschouwing of religie', sensitive: true }
  ]
};

async function applicationForm(): Promise<Uint8Array> {
  return fillForm(await generateTemplate('aanvraagformulier'), {
    fields: { 'gegevens.bevragingen': 'SV-bevraging 2023-1' },
    rows: { variabelen: [
      { 'variabelen.naam': 'leeftijd', 'variabelen.motivering': 'Analyse per leeftijdsgroep.' },
      { 'variabelen.naam': 'inkomen_huishoudn', 'variabelen.motivering': 'Armoede en welzijn.' },
      { 'variabelen.naam': 'religie', 'variabelen.motivering': 'Samenhang met vrijwilligerswerk.' }
    ] }
  }, { fileName: 'aanvraag.docx' });
}

const stored: StoredDocument = { id: 'doc-1', fileName: 'aanvraag.docx', serverRelativeUrl: '/sites/microdata/Dossierdocumenten/VSA-2026-0001/aanvraag.docx', size: 1, version: '1.0', kind: 'aanvraagformulier', phase: 'draft' };
const dossier = { reference: 'VSA-2026-0001', state: 'formsRequested' as const, documents: [{ kind: 'aanvraagformulier' as const }] };

describe('the register\'s checks with codebooks', () => {
  it('a misspelt variable is blocking with the nearest codebook names; a sensitive one is a warning with its label', async () => {
    const bytes = await applicationForm();
    const checks = createDocumentChecks({ download: async () => bytes }, () => '2026-12-02', loadFormsEngine, new CodebookLibrary(storeWith([sv2023])));
    const checked = await checks.checkStored(dossier, stored);
    const codebook = checked.findings.filter((finding) => finding.checkId === 'codebook');
    const unknown = codebook.find((finding) => finding.severity === 'blocking');
    expect(unknown?.params.value).toBe('inkomen_huishoudn');
    expect(unknown?.suggestions?.[0]).toBe('inkomen_huishouden');
    expect(unknown?.suggestions?.length).toBeLessThanOrEqual(3);
    const sensitive = codebook.find((finding) => finding.severity === 'warning');
    expect(sensitive?.params.value).toBe('religie');
    expect(JSON.stringify(sensitive?.message)).toContain('Levensbeschouwing of religie');
    expect(codebook.filter((finding) => finding.params.value === 'leeftijd')).toEqual([]);
    expect(checked.summary.blocking).toBeGreaterThanOrEqual(1);
  });

  it('without a codebook store, or without a codebook of the requested wave, no variable is blocked for its name', async () => {
    const bytes = await applicationForm();
    for (const codebooks of [undefined, new CodebookLibrary(storeWith([{ ...sv2023, wave: 'SV-bevraging 2023-2' }]))]) {
      const checked = await createDocumentChecks({ download: async () => bytes }, () => '2026-12-02', loadFormsEngine, codebooks).checkStored(dossier, stored);
      expect(checked.findings.filter((finding) => finding.checkId === 'codebook' && finding.severity !== 'info')).toEqual([]);
    }
  });

  it('checks a document again after an import through the same codebooks (the cache keys on it), not before', async () => {
    const bytes = await applicationForm();
    let downloads = 0;
    const store = storeWith([]);
    const library = new CodebookLibrary(store, {
      engine: async () => ({ ...(await import('../../src/forms/codebook')), parseCodebookCsv: () => [sv2023] })
    });
    const checks = createDocumentChecks({ download: async () => { downloads++; return bytes; } }, () => '2026-12-02', loadFormsEngine, library);
    const before = await checks.checkStored(dossier, stored);
    await checks.checkStored(dossier, stored);
    expect(downloads).toBe(1);
    expect(before.findings.filter((f) => f.checkId === 'codebook' && f.severity === 'blocking')).toEqual([]);
    store.list = async () => [{ wave: sv2023.wave, variableCount: 4, sensitiveCount: 1, sourceFileName: 'sv.csv', importedAt: '2026-12-02T09:00:00.000Z' }];
    store.load = async () => [sv2023];
    await library.import({ fileName: 'sv.csv', bytes: new Uint8Array([0x6e]) }, { id: 'an', displayName: 'An Peeters' });
    const after = await checks.checkStored(dossier, stored);
    expect(downloads).toBe(2);
    expect(after.findings.filter((f) => f.checkId === 'codebook' && f.severity === 'blocking').map((f) => f.params.value)).toEqual(['inkomen_huishoudn']);
  });
});
