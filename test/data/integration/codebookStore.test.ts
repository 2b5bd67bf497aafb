import { hasDataErrorCode } from '../../../src/data/errors';
import { SharePointCodebookStore } from '../../../src/data/sharepoint/codebookStore';
import { LIBRARY_CODEBOOKS, LIBRARY_DOCUMENTS, LIST_CODEBOOKS } from '../../../src/data/schema';
import type { Codebook } from '../../../src/forms/types';
import { AN, ELS, GAST, OWNER, SOFIE, as, localHook, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

type Fields = Record<string, unknown>;

const an = { id: AN, displayName: 'An Peeters' };
const source = (name: string, text = 'name,label,wave,sensitive'): { fileName: string; bytes: Uint8Array } => ({ fileName: name, bytes: new TextEncoder().encode(text) });

function codebook(wave: string, names: readonly string[], sensitive: readonly string[] = []): Codebook {
  return {
    wave,
    variables: names.map((name) => ({
      name,
      label: `Label van ${name}`,
      sensitive: sensitive.includes(name),
      ...(name === 'geslacht' ? { categories: [{ value: '1', label: 'man' }, { value: '2', label: 'vrouw' }] } : {})
    }))
  };
}

describe('SharePointCodebookStore against the local tenant', () => {
  let tenant: RunningTenant;
  let clock = 0;
  const storeAs = (email: string): SharePointCodebookStore =>
    new SharePointCodebookStore(as(tenant, email).sp, { webServerRelativeUrl: '/sites/microdata', clock: () => new Date(Date.UTC(2026, 11, 2, 10, 0, clock++)).toISOString() });

  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
  });
  afterAll(async () => tenant?.close());

  it('imports the codebooks of a file (one item per wave, files in their own library), lists and loads them', async () => {
    const store = storeAs(AN);
    const summaries = await store.save(
      [codebook('SV-bevraging 2023-2', ['leeftijd', 'geslacht', 'gezondheid_algemeen'], ['gezondheid_algemeen']), codebook('SV-bevraging 2023-1', ['leeftijd', 'religie'], ['religie'])],
      source('sv-2023.csv'),
      an
    );
    expect(summaries.map((s) => [s.wave, s.variableCount, s.sensitiveCount, s.sourceFileName, s.importedBy])).toEqual([
      ['SV-bevraging 2023-1', 2, 1, 'sv-2023.csv', 'An Peeters'],
      ['SV-bevraging 2023-2', 3, 1, 'sv-2023.csv', 'An Peeters']
    ]);
    const listed = await storeAs(ELS).list();
    expect(listed.map((s) => s.wave)).toEqual(['SV-bevraging 2023-1', 'SV-bevraging 2023-2']);
    expect(listed[1]).toMatchObject({ variableCount: 3, sensitiveCount: 1, sourceFileName: 'sv-2023.csv', importedBy: 'An Peeters' });
    expect(Date.parse(listed[1].importedAt)).toBe(Date.UTC(2026, 11, 2, 10, 0, 0));

    const loaded = await storeAs(ELS).load(['SV-bevraging 2023-2', 'COVID-19-bevraging golf 3', 'SV-bevraging 2023-1']);
    expect(loaded.map((c) => c.wave)).toEqual(['SV-bevraging 2023-1', 'SV-bevraging 2023-2']);
    expect(loaded[1].variables).toEqual(codebook('SV-bevraging 2023-2', ['leeftijd', 'geslacht', 'gezondheid_algemeen'], ['gezondheid_algemeen']).variables);
    expect(await store.load([])).toEqual([]);

    // The source file is kept beside the variables, in the codebooks' library, never in the dossiers' one.
    const owner = as(tenant, OWNER).sp;
    const folders = (await owner.web.getFolderByServerRelativePath(`/sites/microdata/${LIBRARY_CODEBOOKS}`).folders()) as unknown as Fields[];
    const importFolder = folders.find((f) => String(f.Name).startsWith('Inlezing '));
    expect(importFolder).toBeDefined();
    const files = (await owner.web.getFolderByServerRelativePath(String(importFolder?.ServerRelativeUrl)).files.select('Name')()) as unknown as Fields[];
    expect(files.map((f) => f.Name).sort()).toEqual(['SV-bevraging 2023-1.json', 'SV-bevraging 2023-2.json', 'sv-2023.csv']);
    const dossierFolders = (await owner.web.getFolderByServerRelativePath(`/sites/microdata/${LIBRARY_DOCUMENTS}`).folders()) as unknown as Fields[];
    expect(dossierFolders.filter((f) => String(f.Name).startsWith('Inlezing'))).toEqual([]);
  });

  it('replaces a wave as a whole on a new import (one item per wave, unique title)', async () => {
    const store = storeAs(SOFIE);
    await store.save([codebook('SV-bevraging 2023-1', ['leeftijd', 'religie', 'herkomst'], ['religie', 'herkomst'])], source('sv-2023-1 v2.xml', '<codeBook/>'), { id: SOFIE, displayName: 'Sofie Janssens' });
    const listed = await store.list();
    expect(listed.filter((s) => s.wave === 'SV-bevraging 2023-1')).toEqual([
      expect.objectContaining({ variableCount: 3, sensitiveCount: 2, sourceFileName: 'sv-2023-1 v2.xml', importedBy: 'Sofie Janssens' })
    ]);
    expect((await store.load(['SV-bevraging 2023-1']))[0].variables.map((v) => v.name)).toEqual(['leeftijd', 'religie', 'herkomst']);
    const items = (await as(tenant, OWNER).sp.web.lists.getByTitle(LIST_CODEBOOKS).items.select('Title')()) as unknown as Fields[];
    expect(items.map((i) => i.Title).sort()).toEqual(['SV-bevraging 2023-1', 'SV-bevraging 2023-2']);
  });

  it('a failure while the files are written leaves the old codebook in force', async () => {
    const store = storeAs(AN);
    const before = await store.load(['SV-bevraging 2023-2']);
    await localHook(tenant, 'faults', { method: 'POST', pathContains: 'SV-bevraging 2023-2.json', status: 500, times: 1 });
    const error = await store.save([codebook('SV-bevraging 2023-2', ['nieuw'])], source('kapot.csv'), an).catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.unavailable')).toBe(true);
    expect(await store.load(['SV-bevraging 2023-2'])).toEqual(before);
    expect((await store.list()).find((s) => s.wave === 'SV-bevraging 2023-2')?.sourceFileName).toBe('sv-2023.csv');
  });

  it('a failure while the items are written puts the waves written so far back: all waves or none', async () => {
    const store = storeAs(AN);
    const before = await store.list();
    const variablesBefore = await store.load(['SV-bevraging 2023-1']);
    // The existing wave's MERGE succeeds, then adding the new wave's item fails.
    await localHook(tenant, 'faults', { method: 'POST', pathContains: `getByTitle('${LIST_CODEBOOKS}')/items`, status: 500, times: 1 });
    const error = await store.save([codebook('SV-bevraging 2023-1', ['x']), codebook('COVID-19-bevraging golf 3', ['y'])], source('half.csv'), an).catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.unavailable')).toBe(true);
    expect(await store.list()).toEqual(before);
    expect(await store.load(['SV-bevraging 2023-1'])).toEqual(variablesBefore);
  });

  it('refuses an import with the same wave twice, without codebooks, or with a file name the library refuses', async () => {
    const store = storeAs(AN);
    for (const attempt of [
      () => store.save([codebook('SV-bevraging 2024-1', ['a']), codebook('sv-bevraging 2024-1', ['b'])], source('dubbel.csv'), an),
      () => store.save([], source('leeg.csv'), an),
      () => store.save([codebook('SV-bevraging 2024-1', ['a'])], source('slecht:naam.csv'), an)
    ]) {
      expect(hasDataErrorCode(await attempt().catch((e: unknown) => e), 'data.error.invalidInput')).toBe(true);
    }
    expect((await store.list()).map((s) => s.wave)).not.toContain('SV-bevraging 2024-1');
  });

  it('lets only the DPO team and the statisticians maintain codebooks; everyone else reads them', async () => {
    for (const reader of [ELS, 'karel.desmet@vsa.local']) expect((await storeAs(reader).list()).length).toBe(2);
    // Karel is DPO and in the DPO team: he maintains. The Chief Statistician reads only.
    const refused = await storeAs(ELS).save([codebook('SV-bevraging 2024-2', ['a'])], source('els.csv'), { id: ELS, displayName: 'Els Vermeulen' }).catch((e: unknown) => e);
    expect(hasDataErrorCode(refused, 'data.error.accessDenied')).toBe(true);
    const guest = await storeAs(GAST).list().catch((e: unknown) => e);
    expect(hasDataErrorCode(guest, 'data.error.accessDenied')).toBe(true);
    expect((await storeAs(OWNER).list()).map((s) => s.wave)).not.toContain('SV-bevraging 2024-2');
  });

  it('refuses a stored variables file that is not one of ours (corrupt), naming the wave', async () => {
    const owner = as(tenant, OWNER).sp;
    const [item] = (await owner.web.lists.getByTitle(LIST_CODEBOOKS).items.select('Id', 'VariablesFile').filter("Title eq 'SV-bevraging 2023-2'")()) as unknown as Fields[];
    const url = String(item.VariablesFile);
    const folder = url.slice(0, url.lastIndexOf('/'));
    await owner.web.getFolderByServerRelativePath(folder).files.addUsingPath('SV-bevraging 2023-2.json', new TextEncoder().encode('{"format":"iets anders"}').buffer as ArrayBuffer, { Overwrite: true });
    const error = await storeAs(AN).load(['SV-bevraging 2023-2']).catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.corrupt')).toBe(true);
    expect(String((error as Error).message)).toContain('SV-bevraging 2023-2');
  });
});
