/**
 * SharePoint REST with raw fetch: the three JSON flavours, ETags, paging, every filter operator,
 * hostile titles, the list view threshold, error shapes.
 */
import type { LocalTenant } from '../../src/local/server/server';
import { admin, api, call, dpoTeamMember, hostileTitle, provision, startTenant } from './support';
import { bearerFor } from '../support/tokens';

const verbose = { Accept: 'application/json;odata=verbose' };
const nometadata = { Accept: 'application/json;odata=nometadata' };
const dossiers = "web/lists/getbytitle('Dossiers')";

let tenant: LocalTenant;

beforeAll(async () => {
  tenant = await startTenant();
  await provision(tenant);
});

afterAll(async () => {
  await tenant.close();
});

async function addDossier(values: Record<string, unknown>, headers: Record<string, string> = {}): Promise<any> {
  const response = await call(tenant, dpoTeamMember, api(`${dossiers}/items`), { method: 'POST', body: JSON.stringify(values), headers });
  expect(response.status).toBe(201);
  return response.json();
}

describe('JSON flavours', () => {
  it('answers GET web in minimal, verbose and nometadata', async () => {
    const minimal = (await call(tenant, admin, api('web'))).json();
    expect(minimal['odata.metadata']).toContain('$metadata#SP.Web');
    expect(minimal['odata.type']).toBe('SP.Web');
    expect(minimal.ServerRelativeUrl).toBe('/sites/microdata');
    const d = (await call(tenant, admin, api('web'), { headers: verbose })).json();
    expect(d.d.__metadata.type).toBe('SP.Web');
    expect(d.d.Title).toBe('Microdata Dossiers');
    const plain = (await call(tenant, admin, api('web'), { headers: nometadata })).json();
    expect(plain['odata.type']).toBeUndefined();
    expect(plain.Id).toBe(minimal.Id);
  });

  it('gives list metadata with $expand=RootFolder and ListItemEntityTypeFullName', async () => {
    const list = (await call(tenant, dpoTeamMember, api(`${dossiers}?$select=Id,Title,ItemCount,ListItemEntityTypeFullName,RootFolder/ServerRelativeUrl&$expand=RootFolder`))).json();
    expect(list.ListItemEntityTypeFullName).toBe('SP.Data.DossiersListItem');
    expect(list.RootFolder.ServerRelativeUrl).toBe('/sites/microdata/Lists/Dossiers');
    expect(list.Description).toBeUndefined();
    const byGuid = (await call(tenant, dpoTeamMember, api(`web/lists(guid'${list.Id}')`), { headers: nometadata })).json();
    expect(byGuid.Title).toBe('Dossiers');
  });

  it('adds an item from a verbose body with __metadata and returns it verbose with etag', async () => {
    const created = await addDossier({ __metadata: { type: 'SP.Data.DossiersListItem' }, Title: 'Verbose', Amount: 3 }, { ...verbose, 'Content-Type': 'application/json;odata=verbose' });
    expect(created.d.__metadata.etag).toBe('"1"');
    expect(created.d.Title).toBe('Verbose');
    expect(created.d.AuthorId).toBeGreaterThan(0);
    const item = (await call(tenant, dpoTeamMember, api(`${dossiers}/items(${created.d.Id})`))).json();
    expect(item['odata.etag']).toBe('"1"');
    expect(item).toEqual(expect.objectContaining({ Id: created.d.Id, ID: created.d.Id, Amount: 3, State: null }));
  });

  it('returns SharePoint error shapes per flavour', async () => {
    const minimal = await call(tenant, dpoTeamMember, api("web/lists/getbytitle('Nope')"));
    expect(minimal.status).toBe(404);
    expect(minimal.json()['odata.error'].message.value).toContain("List 'Nope' does not exist");
    const v = await call(tenant, dpoTeamMember, api("web/lists/getbytitle('Nope')"), { headers: verbose });
    expect(v.json().error.code).toBe('-1, System.ArgumentException');
  });

  it('refuses unknown properties the way SharePoint does', async () => {
    const response = await call(tenant, dpoTeamMember, api(`${dossiers}/items`), { method: 'POST', body: JSON.stringify({ Title: 'x', Colour: 'red' }) });
    expect(response.status).toBe(400);
    expect(response.json()['odata.error'].message.value).toContain("The property 'Colour' does not exist on type 'SP.Data.DossiersListItem'");
  });
});

describe('ETag and If-Match', () => {
  it('updates with the right etag, answers 412 on a stale one and accepts *', async () => {
    const created = (await addDossier({ Title: 'Concurrency' })) as { Id: number; 'odata.etag': string };
    const path = api(`${dossiers}/items(${created.Id})`);
    const merge = (etag: string, body: unknown) => call(tenant, dpoTeamMember, path, { method: 'POST', body: JSON.stringify(body), headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': etag } });
    const first = await merge(created['odata.etag'], { Amount: 1 });
    expect(first.status).toBe(204);
    expect(first.headers.get('etag')).toBe('"2"');
    const stale = await merge(created['odata.etag'], { Amount: 2 });
    expect(stale.status).toBe(412);
    expect(stale.json()['odata.error'].message.value).toMatch(/ETag/);
    expect((await merge('*', { Amount: 5 })).status).toBe(204);
    const after = (await call(tenant, dpoTeamMember, path)).json();
    expect(after.Amount).toBe(5);
    expect(after['odata.etag']).toBe('"3"');
  });

  it('deletes with X-HTTP-Method: DELETE', async () => {
    const created = await addDossier({ Title: 'Delete me' });
    const response = await call(tenant, dpoTeamMember, api(`${dossiers}/items(${created.Id})`), { method: 'POST', headers: { 'X-HTTP-Method': 'DELETE', 'IF-Match': '*' } });
    expect(response.status).toBe(200);
    expect((await call(tenant, dpoTeamMember, api(`${dossiers}/items(${created.Id})`))).status).toBe(404);
  });
});

describe('queries', () => {
  let ids: number[] = [];
  beforeAll(async () => {
    const rows = [
      { Title: 'alpha', State: 'intake', Amount: 1, DueDate: '2026-01-10T00:00:00Z', Urgent: true, Requester: 'KU Leuven' },
      { Title: 'beta', State: 'preliminary', Amount: 2, DueDate: '2026-02-10T00:00:00Z', Urgent: false, Requester: 'UGent' },
      { Title: 'gamma', State: 'intake', Amount: 3, DueDate: '2026-03-10T00:00:00Z', Urgent: false, Requester: '50% Instituut_x' },
      { Title: hostileTitle, State: 'underReview', Amount: 4, DueDate: '2026-04-10T00:00:00Z', Urgent: true, Requester: "O'Brien & Co #7" }
    ];
    ids = [];
    for (const row of rows) ids.push((await addDossier(row)).Id);
  });

  const titles = async (query: string): Promise<string[]> => {
    const response = await call(tenant, dpoTeamMember, api(`${dossiers}/items?$select=Title&${query}`), { headers: nometadata });
    expect(response.status).toBe(200);
    return (response.json().value as { Title: string }[]).map((i) => i.Title);
  };

  it.each([
    ['eq', "State eq 'intake'", ['alpha', 'gamma']],
    ['ne', "State ne 'intake' and Amount gt 0", ['beta', hostileTitle]],
    ['lt', 'Amount lt 2', ['alpha']],
    ['le', 'Amount le 2', ['alpha', 'beta']],
    ['gt', 'Amount gt 3', [hostileTitle]],
    ['ge', 'Amount ge 3', ['gamma', hostileTitle]],
    ['and', "State eq 'intake' and Amount gt 1", ['gamma']],
    ['or', "Title eq 'alpha' or Title eq 'beta'", ['alpha', 'beta']],
    ['startswith', "startswith(Requester,'UG')", ['beta']],
    ['substringof %', "substringof('50%',Requester)", ['gamma']],
    ['substringof _ literal', "substringof('t_x',Requester)", ['gamma']],
    ['datetime', "DueDate ge datetime'2026-03-01T00:00:00Z'", ['gamma', hostileTitle]],
    ['boolean', 'Urgent eq 1', ['alpha', hostileTitle]],
    ['boolean true', 'Urgent eq true', ['alpha', hostileTitle]],
    ['hostile title eq', `Title eq '${hostileTitle.replace(/'/g, "''")}'`, [hostileTitle]],
    ['hostile substringof', "substringof('<script>',Title)", [hostileTitle]],
    ['quote and hash', "Requester eq 'O''Brien & Co #7'", [hostileTitle]]
  ])('filters with %s', async (_name, filter, expected) => {
    expect(await titles(`$filter=${encodeURIComponent(`Id ge ${ids[0]} and (${filter})`)}&$orderby=Id`)).toEqual(expected);
  });

  it('orders by several columns', async () => {
    expect(await titles(`$filter=${encodeURIComponent(`Id ge ${ids[0]}`)}&$orderby=${encodeURIComponent('State desc,Amount desc')}`)).toEqual([hostileTitle, 'beta', 'gamma', 'alpha']);
  });

  it('keeps the hostile title intact in every flavour', async () => {
    const id = ids[3];
    for (const headers of [{}, verbose, nometadata]) {
      const body = (await call(tenant, dpoTeamMember, api(`${dossiers}/items(${id})`), { headers })).json();
      expect((body.d ?? body).Title).toBe(hostileTitle);
    }
  });

  it('pages with $top and $skiptoken through odata.nextLink (minimal and nometadata) and d.__next (verbose)', async () => {
    const filter = encodeURIComponent(`Id ge ${ids[0]}`);
    for (const headers of [{}, nometadata, verbose]) {
      const seen: string[] = [];
      let next: string | undefined = `${tenant.baseUrl}${api(`${dossiers}/items?$select=Title&$filter=${filter}&$orderby=${encodeURIComponent('Title desc')}&$top=3`)}`;
      while (next) {
        const response = await fetch(next, { headers: { Authorization: await bearerFor(tenant.baseUrl, dpoTeamMember), ...headers } });
        const body = (await response.json()) as any;
        const page = body.d ? body.d.results : body.value;
        seen.push(...page.map((i: { Title: string }) => i.Title));
        next = body.d ? body.d.__next : body['odata.nextLink'];
      }
      expect(seen).toEqual(['gamma', 'beta', 'alpha', hostileTitle].sort().reverse());
    }
  });

  it('refuses $top above 5000 and a bad $filter with clear 400s', async () => {
    expect((await call(tenant, dpoTeamMember, api(`${dossiers}/items?$top=5001`))).status).toBe(400);
    const bad = await call(tenant, dpoTeamMember, api(`${dossiers}/items?$filter=${encodeURIComponent('Nope eq 1')}`));
    expect(bad.status).toBe(400);
    expect(bad.json()['odata.error'].message.value).toContain("Column 'Nope' does not exist");
  });

  it('expands a user column and Author', async () => {
    const me = (await call(tenant, dpoTeamMember, api('web/currentuser'))).json();
    const created = await addDossier({ Title: 'assigned', AssigneeId: me.Id });
    const item = (await call(tenant, dpoTeamMember, api(`${dossiers}/items(${created.Id})?$select=Title,Assignee/Title,Assignee/EMail,Author/Title&$expand=Assignee,Author`), { headers: nometadata })).json();
    expect(item).toEqual({ Title: 'assigned', Assignee: { Title: 'An Peeters', EMail: dpoTeamMember }, Author: { Title: 'An Peeters' } });
  });
});

describe('list view threshold', () => {
  let bigListId: string;
  beforeAll(async () => {
    const list = (await call(tenant, admin, api('web/lists'), { method: 'POST', body: JSON.stringify({ Title: 'Groot', BaseTemplate: 100 }) })).json();
    bigListId = list.Id;
    await call(tenant, admin, api(`web/lists(guid'${bigListId}')/fields`), { method: 'POST', body: JSON.stringify({ Title: 'Code', FieldTypeKind: 2, InternalName: 'Code' }) });
    await call(tenant, admin, api(`web/lists(guid'${bigListId}')/fields`), { method: 'POST', body: JSON.stringify({ Title: 'Bucket', FieldTypeKind: 9, InternalName: 'Bucket' }) });
    const rows = Array.from({ length: 20000 }, (_, i) => ({ Title: `row ${i}`, Code: `C${i % 100}`, Bucket: i % 10 }));
    tenant.store.lists.bulkInsert(bigListId, rows, tenant.store.principals.userByLogin(admin)!.id);
    const index = await call(tenant, admin, api(`web/lists(guid'${bigListId}')/fields/getbyinternalnameortitle('Bucket')`), { method: 'POST', body: JSON.stringify({ Indexed: true }), headers: { 'X-HTTP-Method': 'MERGE' } });
    expect(index.status).toBe(204);
  }, 60000);

  it('pages through 20,000 items with $top=5000', async () => {
    let next: string | undefined = `${tenant.baseUrl}${api(`web/lists(guid'${bigListId}')/items?$select=Id&$top=5000`)}`;
    let count = 0;
    let pages = 0;
    while (next) {
      const body = (await (await fetch(next, { headers: { Authorization: await bearerFor(tenant.baseUrl, admin) } })).json()) as any;
      count += body.value.length;
      pages += 1;
      next = body['odata.nextLink'];
    }
    expect(count).toBe(20000);
    expect(pages).toBe(4);
  });

  it('allows a filter whose first clause is indexed', async () => {
    const response = await call(tenant, admin, api(`web/lists(guid'${bigListId}')/items?$select=Id&$top=5000&$filter=${encodeURIComponent("Bucket eq 3 and Code eq 'C13'")}`), { headers: nometadata });
    expect(response.status).toBe(200);
    expect(response.json().value).toHaveLength(200);
  });

  it('refuses the same non-indexed query on Graph even with the Prefer header', async () => {
    const site = (await call(tenant, admin, '/graph/v1.0/sites/localhost:/sites/microdata')).json().id as string;
    const base = `/graph/v1.0/sites/${site}/lists/${bigListId}/items?$top=10&$filter=`;
    const prefer = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
    const nonIndexed = await call(tenant, admin, `${base}${encodeURIComponent("fields/Code eq 'C1'")}`, { headers: prefer });
    expect(nonIndexed.status).toBe(400);
    expect(nonIndexed.json().error.message).toBe('The request is unprocessable because it uses too many resources');
    expect((await call(tenant, admin, `${base}${encodeURIComponent('fields/Bucket eq 1')}`)).status).toBe(200);
  });

  it('throttles a non-indexed first clause and a non-indexed $orderby with SPQueryThrottledException', async () => {
    for (const query of [`$filter=${encodeURIComponent("Code eq 'C1' and Bucket eq 1")}`, `$orderby=Code`]) {
      const response = await call(tenant, admin, api(`web/lists(guid'${bigListId}')/items?${query}`));
      expect(response.status).toBe(500);
      expect(response.json()['odata.error']).toEqual({
        code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
        message: { lang: 'en-US', value: 'The attempted operation is prohibited because it exceeds the list view threshold.' }
      });
    }
  });
});
