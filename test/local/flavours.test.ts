/**
 * Every SharePoint GET endpoint in all three JSON flavours: verbose wraps in `d` with `__metadata`,
 * minimal metadata carries `odata.metadata` and per-entity `odata.type`, nometadata carries neither.
 */
import type { LocalTenant } from '../../src/local/server/server';
import { admin, api, call, provision, startTenant } from './support';

let tenant: LocalTenant;
const folder = '/sites/microdata/Dossierdocumenten/VSA-9';
const file = `${folder}/a b.txt`;

beforeAll(async () => {
  tenant = await startTenant();
  await provision(tenant);
  await call(tenant, admin, api("web/lists/getbytitle('Dossiers')/items"), { method: 'POST', body: JSON.stringify({ Title: 'één' }) });
  await call(tenant, admin, api(`web/folders/addusingpath(decodedurl='${folder}')`), { method: 'POST' });
  for (const text of ['v1', 'v2']) {
    await call(tenant, admin, api(`web/getfolderbyserverrelativepath(decodedurl='${folder}')/files/addusingpath(decodedurl='a%20b.txt',overwrite=true)`), { method: 'POST', body: text });
  }
});

afterAll(async () => {
  await tenant.close();
});

const entities: [string, string][] = [
  ['web', 'SP.Web'],
  ['web/currentuser', 'SP.User'],
  ["web/sitegroups/getbyname('VSA DPO')", 'SP.Group'],
  ['web/siteusers/getbyid(1)', 'SP.User'],
  ['web/roledefinitions/getbyid(1073741826)', 'SP.RoleDefinition'],
  ["web/lists/getbytitle('Dossiers')", 'SP.List'],
  ["web/lists/getbytitle('Dossiers')/fields/getbyinternalnameortitle('State')", 'SP.FieldChoice'],
  ["web/lists/getbytitle('Dossiers')/views/getbytitle('Alle items')", 'SP.View'],
  ["web/lists/getbytitle('Dossiers')/views/getbytitle('Alle items')/viewfields", 'SP.ViewFieldCollection'],
  ["web/lists/getbytitle('Dossiers')/items(1)", 'SP.Data.DossiersListItem'],
  ["web/lists/getbytitle('Dossierdocumenten')/rootfolder", 'SP.Folder'],
  [`web/getfolderbyserverrelativepath(decodedurl='${folder}')`, 'SP.Folder'],
  [`web/getfilebyserverrelativepath(decodedurl='${file}')`, 'SP.File'],
  [`web/getfilebyserverrelativepath(decodedurl='${file}')/versions(512)`, 'SP.FileVersion'],
  [`web/getfilebyserverrelativepath(decodedurl='${file}')/listitemallfields`, 'SP.Data.DossierdocumentenItem']
];

const collections: [string, string][] = [
  ['web/sitegroups', 'SP.Group'],
  ["web/sitegroups/getbyname('VSA DPO-team')/users", 'SP.User'],
  ['web/siteusers', 'SP.User'],
  ['web/roledefinitions', 'SP.RoleDefinition'],
  ['web/lists', 'SP.List'],
  ["web/lists/getbytitle('Dossiers')/fields", 'SP.FieldText'],
  ["web/lists/getbytitle('Dossiers')/views", 'SP.View'],
  ["web/lists/getbytitle('Dossiers')/items", 'SP.Data.DossiersListItem'],
  ["web/lists/getbytitle('Dossiers')/roleassignments", 'SP.RoleAssignment'],
  [`web/getfolderbyserverrelativepath(decodedurl='${folder}')/files`, 'SP.File'],
  ["web/getfolderbyserverrelativepath(decodedurl='/sites/microdata/Dossierdocumenten')/folders", 'SP.Folder'],
  [`web/getfilebyserverrelativepath(decodedurl='${file}')/versions`, 'SP.FileVersion']
];

const get = (path: string, accept: string) => call(tenant, admin, api(path.replace(/ /g, '%20')), { headers: { Accept: accept } });

describe.each(entities)('entity %s', (path, type) => {
  it('speaks verbose, minimal and nometadata', async () => {
    const verbose = await get(path, 'application/json;odata=verbose');
    expect(verbose.status).toBe(200);
    expect(verbose.headers.get('content-type')).toContain('odata=verbose');
    expect(verbose.json().d.__metadata.type).toBe(type);
    const minimal = await get(path, 'application/json');
    expect(minimal.json()['odata.metadata']).toMatch(/\$metadata#.*@Element$/);
    expect(minimal.json()['odata.type']).toBe(type);
    const none = (await get(path, 'application/json;odata=nometadata')).json();
    expect(Object.keys(none).some((k) => k.startsWith('odata.') || k === '__metadata' || k === 'd')).toBe(false);
    expect(Object.keys(none).length).toBeGreaterThan(1);
  });
});

describe.each(collections)('collection %s', (path, type) => {
  it('speaks verbose, minimal and nometadata', async () => {
    const verbose = (await get(path, 'application/json;odata=verbose')).json();
    expect(verbose.d.results.length).toBeGreaterThan(0);
    expect(verbose.d.results.map((e: { __metadata: { type: string } }) => e.__metadata.type)).toContain(type);
    const minimal = (await get(path, 'application/json;odata=minimalmetadata')).json();
    expect(minimal['odata.metadata']).toContain('$metadata#');
    expect(minimal.value.map((e: Record<string, string>) => e['odata.type'])).toContain(type);
    const none = (await get(path, 'application/json;odata=nometadata')).json();
    expect(Object.keys(none)).toEqual(['value']);
    expect(none.value[0]['odata.type']).toBeUndefined();
  });
});

describe('primitive collections', () => {
  it('wraps Choices in results in verbose only', async () => {
    const path = "web/lists/getbytitle('Dossiers')/fields/getbyinternalnameortitle('State')";
    const verbose = (await get(path, 'application/json;odata=verbose')).json();
    expect(verbose.d.Choices).toEqual({ __metadata: { type: 'Collection(Edm.String)' }, results: ['intake', 'preliminary', 'underReview'] });
    expect((await get(path, 'application/json')).json().Choices).toEqual(['intake', 'preliminary', 'underReview']);
  });
});

describe('function results', () => {
  it('returns contextinfo and recycle values in every flavour', async () => {
    const verbose = (await call(tenant, admin, api('contextinfo'), { method: 'POST', headers: { Accept: 'application/json;odata=verbose' } })).json();
    expect(verbose.d.GetContextWebInformation.FormDigestValue).toMatch(/^0x[0-9A-F]{64},/);
    const minimal = (await call(tenant, admin, api('contextinfo'), { method: 'POST' })).json();
    expect(minimal['odata.type']).toBe('SP.ContextWebInformation');
    const none = (await call(tenant, admin, api('contextinfo'), { method: 'POST', headers: { Accept: 'application/json;odata=nometadata' } })).json();
    expect(none.FormDigestTimeoutSeconds).toBe(1800);
    const created = (await call(tenant, admin, api("web/lists/getbytitle('Dossiers')/items"), { method: 'POST', body: JSON.stringify({ Title: 'recycle me' }) })).json();
    const recycled = (await call(tenant, admin, api(`web/lists/getbytitle('Dossiers')/items(${created.Id})/recycle`), { method: 'POST', headers: { Accept: 'application/json;odata=verbose' } })).json();
    expect(recycled.d.Recycle).toBe(created.GUID);
  });

  it('refuses backward paging instead of answering the wrong page', async () => {
    const response = await call(tenant, admin, api(`web/lists/getbytitle('Dossiers')/items?$skiptoken=${encodeURIComponent('Paged=TRUE&PagedPrev=TRUE&p_ID=5')}`));
    expect(response.status).toBe(400);
  });
});
