/**
 * SharePoint REST through the real PnPjs v4 client (DefaultInit, DefaultHeaders, DefaultParse,
 * BrowserFetchWithRetry, bearer header): items, ETags, paging, $batch, files with hostile names,
 * retry on injected throttling.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/site-users/web';
import '@pnp/sp/batching';
import { InjectHeaders } from '@pnp/queryable';
import type { SPFI } from '@pnp/sp';
import { createLocalSp } from '../../src/composition/local';
import type { LocalTenant } from '../../src/local/server/server';
import { api, call, dpoTeamMember, hostileTitle, provision, startTenant } from './support';
import { bearerFor } from '../support/tokens';

let tenant: LocalTenant;
let sp: SPFI;

beforeAll(async () => {
  tenant = await startTenant();
  await provision(tenant);
  sp = createLocalSp({ baseUrl: tenant.baseUrl, userEmail: dpoTeamMember, retries: 3, retryInterval: 20 });
});

afterAll(async () => {
  await tenant.close();
});

const dossiers = (): ReturnType<SPFI['web']['lists']['getByTitle']> => sp.web.lists.getByTitle('Dossiers');

/** PnPjs' HttpRequestError carries `isHttpRequestError` and `status`. */
function isHttpRequestError(error: unknown): error is { status: number } {
  return typeof error === 'object' && error !== null && (error as { isHttpRequestError?: boolean }).isHttpRequestError === true;
}

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (isHttpRequestError(error)) return error.status;
    throw error;
  }
}

describe('PnPjs items', () => {
  it('reads the web and the current user', async () => {
    const web = await sp.web.select('Title', 'ServerRelativeUrl')();
    expect(web.ServerRelativeUrl).toBe('/sites/microdata');
    const me = await sp.web.currentUser();
    expect(me.Email).toBe(dpoTeamMember);
  });

  it('round-trips a hostile title through add, get and filter', async () => {
    const added = await dossiers().items.add({ Title: hostileTitle, Amount: 7 });
    const item = await dossiers().items.getById(added.Id)();
    expect(item.Title).toBe(hostileTitle);
    const found = await dossiers().items.filter(`Title eq '${hostileTitle.replace(/'/g, "''")}'`).select('Id', 'Title')();
    expect(found.map((i: { Id: number }) => i.Id)).toEqual([added.Id]);
  });

  it('updates with an etag and rejects a stale one with 412', async () => {
    const added = await dossiers().items.add({ Title: 'etag' });
    const first = await dossiers().items.getById(added.Id).update({ Amount: 1 }, added['odata.etag']);
    expect(first.etag).toBe('"2"');
    expect(await status(dossiers().items.getById(added.Id).update({ Amount: 2 }, added['odata.etag']))).toBe(412);
  });

  it('pages with the async iterator', async () => {
    for (let i = 0; i < 5; i += 1) await dossiers().items.add({ Title: `page ${i}`, Notes: 'paging' });
    const pages: number[] = [];
    for await (const page of dossiers().items.filter("Notes eq 'paging'").top(2)) pages.push(page.length);
    expect(pages).toEqual([2, 2, 1]);
  });

  it('runs a batch with reads and a changeset; a failing part does not fail the others', async () => {
    const target = await dossiers().items.add({ Title: 'batch target' });
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle('Dossiers');
    const results: Record<string, unknown> = {};
    list.items.getById(target.Id)().then((r) => { results.read = r.Title; });
    list.items.add({ Title: 'batched add' }).then((r) => { results.added = r.Title; });
    list.items.getById(target.Id).update({ Amount: 9 }, '"99"').then(() => { results.stale = 'ok'; }, (e) => { results.stale = isHttpRequestError(e) ? e.status : e; });
    list.items.getById(target.Id).update({ Amount: 10 }, target['odata.etag']).then((r) => { results.updated = r.etag; });
    await execute();
    expect(results).toEqual({ read: 'batch target', added: 'batched add', stale: 412, updated: '"2"' });
    expect((await dossiers().items.getById(target.Id)()).Amount).toBe(10);
  });
});

describe('PnPjs files', () => {
  const library = '/sites/microdata/Dossierdocumenten';
  const folder = `${library}/VSA-2026-0001`;
  const name = "O'Neil 100% #2 & Zoë – 漢字.docx";

  it('creates a folder, uploads, overwrites into version 2 and reads both versions', async () => {
    await sp.web.folders.addUsingPath(folder);
    const v1 = new TextEncoder().encode('first version');
    const v2 = new TextEncoder().encode('second version, longer');
    const added = await sp.web.getFolderByServerRelativePath(folder).files.addUsingPath(name, v1, { Overwrite: true });
    expect(added.Name).toBe(name);
    expect(added.ServerRelativeUrl).toBe(`${folder}/${name}`);
    await sp.web.getFolderByServerRelativePath(folder).files.addUsingPath(name, v2, { Overwrite: true });
    const file = sp.web.getFileByServerRelativePath(`${folder}/${name}`);
    const info = await file();
    expect(info.UIVersionLabel).toBe('2.0');
    expect(info.Length).toBe(String(v2.byteLength));
    expect(new TextDecoder().decode(await file.getBuffer())).toBe('second version, longer');
    const versions = await file.versions();
    expect(versions.map((v: { VersionLabel: string }) => v.VersionLabel)).toEqual(['1.0']);
    const old = await fetch(`${tenant.siteUrl}/_api/web/getfilebyserverrelativepath(decodedurl='${encodeURIComponent(`${folder}/${name}`.replace(/'/g, "''"))}')/versions(512)/$value`, { headers: { Authorization: await bearerFor(tenant.baseUrl, dpoTeamMember) } });
    expect(await old.text()).toBe('first version');
  });

  it('lists files with ListItemAllFields, sets columns and filters by a name with a quote', async () => {
    const file = sp.web.getFileByServerRelativePath(`${folder}/${name}`);
    const item = await file.getItem();
    await item.update({ DocumentKind: 'aanvraagformulier' });
    const files = await sp.web.getFolderByServerRelativePath(folder).files.expand('ListItemAllFields')();
    expect(files).toHaveLength(1);
    expect((files[0] as unknown as { ListItemAllFields: { DocumentKind: string } }).ListItemAllFields.DocumentKind).toBe('aanvraagformulier');
    const byName = await sp.web.lists.getByTitle('Dossierdocumenten').items.filter(`FileLeafRef eq '${name.replace(/'/g, "''")}'`).select('Id', 'FileLeafRef')();
    expect(byName).toHaveLength(1);
    const inFolder = await sp.web.lists.getByTitle('Dossierdocumenten').items.filter(`FileDirRef eq '${folder}'`).select('FileRef', 'File/Length', 'DocumentKind').expand('File')();
    expect(inFolder).toEqual([expect.objectContaining({ FileRef: `${folder}/${name}`, DocumentKind: 'aanvraagformulier', File: expect.objectContaining({ Length: '22' }) })]);
  });

  it('refuses a name SharePoint forbids with a clear error and refuses to overwrite without Overwrite', async () => {
    expect(await status(sp.web.getFolderByServerRelativePath(folder).files.addUsingPath('<script>.docx', new Uint8Array([1]), { Overwrite: true }))).toBe(400);
    expect(await status(sp.web.getFolderByServerRelativePath(folder).files.addUsingPath(name, new Uint8Array([1]), { Overwrite: false }))).toBe(409);
  });

  it('recycles a file', async () => {
    await sp.web.getFolderByServerRelativePath(folder).files.addUsingPath('weg.txt', new Uint8Array([1, 2]), { Overwrite: true });
    await sp.web.getFileByServerRelativePath(`${folder}/weg.txt`).recycle();
    expect(await status(sp.web.getFileByServerRelativePath(`${folder}/weg.txt`)())).toBe(404);
  });
});

describe('PnPjs retry against injected faults', () => {
  it('retries a 429 from the fault queue and succeeds', async () => {
    tenant.faults.enqueue({ status: 429, pathContains: "getbytitle('Dossiers')/items", times: 1, retryAfterSeconds: 0 });
    const items = await sp.web.lists.getByTitle('Dossiers').items.top(1)();
    expect(items).toHaveLength(1);
    expect(tenant.faults.pending).toBe(0);
  });

  it('retries X-Local-Fault: throttle-once after Retry-After and succeeds', async () => {
    const web = await sp.web.using(InjectHeaders({ 'X-Local-Fault': 'throttle-once:pnp-1' })).select('Title')();
    expect(web.Title).toBe('Microdata Dossiers');
    // The key is spent only by a request that got the 429, so PnPjs was throttled once and retried.
    expect((await call(tenant, dpoTeamMember, api('web'), { headers: { 'X-Local-Fault': 'throttle-once:pnp-1' } })).status).toBe(200);
    expect((await call(tenant, dpoTeamMember, api('web'), { headers: { 'X-Local-Fault': 'throttle-once:pnp-unused' } })).status).toBe(429);
  });

  it('gives up on a persistent 503', async () => {
    tenant.faults.enqueue({ status: 503, pathContains: '/_api/web', times: 5, retryAfterSeconds: 0 });
    await expect(sp.web()).rejects.toThrow(/Retry count exceeded|503/);
    tenant.faults.clear();
  });
});
