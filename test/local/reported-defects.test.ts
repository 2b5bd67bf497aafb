/**
 * Defects the data-layer engineer reported against the local tenant (docs/decisions.md):
 * keyset paging with `$orderby` on ID or an indexed column, `versions(<id>)/$value`, `$filter` on the
 * lists collection, and the site URL in error messages of a tenant started on port 0.
 */
import type { LocalTenant } from '../../src/local/server/server';
import { admin, api, call, dpoTeamMember, provision, startTenant } from './support';

const dossiers = "web/lists/getbytitle('Dossiers')";
const itemCount = 11;

let tenant: LocalTenant;
let ids: number[];

beforeAll(async () => {
  tenant = await startTenant();
  await provision(tenant);
  ids = [];
  // States cycle so that the indexed State column has ties that the ID must break.
  const states = ['intake', 'preliminary', 'underReview'];
  for (let index = 0; index < itemCount; index += 1) {
    const body = JSON.stringify({ Title: `D${String(index).padStart(2, '0')}`, State: states[index % 3] });
    const response = await call(tenant, dpoTeamMember, api(`${dossiers}/items`), { method: 'POST', body });
    expect(response.status).toBe(201);
    ids.push(response.json().Id as number);
  }
});

afterAll(async () => {
  await tenant.close();
});

/** Follows `odata.nextLink` from the first page; returns the ids in order and every skip token seen. */
async function allPages(query: string): Promise<{ ids: number[]; tokens: string[] }> {
  const seen: number[] = [];
  const tokens: string[] = [];
  let next: string | undefined = api(`${dossiers}/items?$select=Id,State&${query}&$top=3`);
  for (let guard = 0; next && guard < 20; guard += 1) {
    const response = await call(tenant, dpoTeamMember, next.startsWith('http') ? next.slice(tenant.baseUrl.length) : next);
    expect(response.status).toBe(200);
    const body = response.json();
    seen.push(...(body.value as { Id: number }[]).map((row) => row.Id));
    next = body['odata.nextLink'] as string | undefined;
    if (next) tokens.push(new URL(next).searchParams.get('$skiptoken') ?? '');
  }
  return { ids: seen, tokens };
}

describe('keyset paging with $orderby', () => {
  it('pages ascending on ID through every item once, with p_ID once per token', async () => {
    const result = await allPages('$orderby=ID');
    expect(result.ids).toEqual(ids);
    expect(result.tokens.length).toBe(Math.ceil(itemCount / 3) - 1);
    for (const token of result.tokens) expect(token.match(/p_ID=/g)).toHaveLength(1);
    expect(result.tokens[0]).toBe(`Paged=TRUE&p_ID=${ids[2]}`);
  });

  it('pages descending on ID through every item once', async () => {
    const result = await allPages(`$orderby=${encodeURIComponent('ID desc')}`);
    expect(result.ids).toEqual([...ids].reverse());
    for (const token of result.tokens) expect(token.match(/p_ID=/g)).toHaveLength(1);
  });

  it('treats "Id" like "ID" (property names are case-insensitive)', async () => {
    expect((await allPages(`$orderby=${encodeURIComponent('Id desc')}`)).ids).toEqual([...ids].reverse());
  });

  it('pages on an indexed column with ties broken by ID, carrying p_State and p_ID', async () => {
    const expectedOrder = (descending: boolean): number[] =>
      ids
        .map((id, index) => ({ id, state: ['intake', 'preliminary', 'underReview'][index % 3] }))
        .sort((a, b) => (a.state === b.state ? a.id - b.id : (a.state < b.state ? -1 : 1) * (descending ? -1 : 1)))
        .map((row) => row.id);
    const ascending = await allPages('$orderby=State');
    expect(ascending.ids).toEqual(expectedOrder(false));
    expect(ascending.tokens[0]).toMatch(/^Paged=TRUE&p_State=[a-zA-Z]+&p_ID=\d+$/);
    const descending = await allPages(`$orderby=${encodeURIComponent('State desc')}`);
    expect(descending.ids).toEqual(expectedOrder(true));
  });

  it('continues from a token SharePoint wrote for an ID order (p_ID only)', async () => {
    const token = encodeURIComponent(`Paged=TRUE&p_ID=${ids[7]}`);
    const response = await call(tenant, dpoTeamMember, api(`${dossiers}/items?$select=Id&$orderby=${encodeURIComponent('ID desc')}&$skiptoken=${token}`));
    expect(response.json().value.map((row: { Id: number }) => row.Id)).toEqual(ids.slice(0, 7).reverse());
  });
});

describe('keyset paging through Graph', () => {
  /** Follows `@odata.nextLink` (base64 skip tokens) and returns the item ids in order and the decoded tokens. */
  async function graphPages(orderBy: string): Promise<{ ids: number[]; tokens: string[] }> {
    const site = (await call(tenant, dpoTeamMember, '/graph/v1.0/sites/localhost:/sites/microdata')).json();
    let next: string | undefined = `/graph/v1.0/sites/${site.id}/lists/Dossiers/items?$orderby=${encodeURIComponent(orderBy)}&$top=4`;
    const seen: number[] = [];
    const tokens: string[] = [];
    for (let guard = 0; next && guard < 20; guard += 1) {
      const response = await call(tenant, dpoTeamMember, next);
      expect(response.status).toBe(200);
      const body = response.json();
      seen.push(...(body.value as { id: string }[]).map((item) => Number(item.id)));
      const link = body['@odata.nextLink'] as string | undefined;
      next = link ? link.slice(tenant.baseUrl.length) : undefined;
      if (link) tokens.push(Buffer.from(new URL(link).searchParams.get('$skiptoken') ?? '', 'base64').toString('utf8'));
    }
    return { ids: seen, tokens };
  }

  it('pages on id ascending and descending, and on an indexed fields/ column with p_<Name>', async () => {
    const ascending = await graphPages('id');
    expect(ascending.ids).toEqual(ids);
    for (const token of ascending.tokens) expect(token.match(/p_ID=/g)).toHaveLength(1);
    expect((await graphPages('id desc')).ids).toEqual([...ids].reverse());
    const byState = await graphPages('fields/State desc');
    expect([...byState.ids].sort((a, b) => a - b)).toEqual(ids);
    expect(byState.tokens[0]).toMatch(/^Paged=TRUE&p_State=[a-zA-Z]+&p_ID=\d+$/);
  });
});

describe('file versions', () => {
  const folder = '/sites/microdata/Dossierdocumenten/VSA-2026-0001';
  const file = `${folder}/aanvraag.docx`;

  beforeAll(async () => {
    const folderResponse = await call(tenant, dpoTeamMember, api(`web/folders/addUsingPath(DecodedUrl='${folder}')`), { method: 'POST' });
    expect(folderResponse.status).toBeLessThan(300);
    for (const content of ['eerste versie', 'tweede versie']) {
      const path = api(`web/getfolderbyserverrelativepath(decodedurl='${folder}')/files/addUsingPath(DecodedUrl='aanvraag.docx',Overwrite=true)`);
      const upload = await call(tenant, dpoTeamMember, path, { method: 'POST', body: new TextEncoder().encode(content), headers: { 'Content-Type': 'application/octet-stream' } });
      expect(upload.status).toBeLessThan(300);
    }
  });

  it.each([
    ['versions(512)/$value'],
    ['versions/getById(512)/$value'],
    ['versions/getbyid(512)/$value'],
    ['versions(512)/openbinarystream']
  ])('reads an earlier version through %s', async (tail) => {
    const response = await call(tenant, dpoTeamMember, api(`web/getfilebyserverrelativepath(decodedurl='${file}')/${tail}`));
    expect(response.status).toBe(200);
    expect(response.text).toBe('eerste versie');
  });

  it('reads an earlier version through getFileByServerRelativeUrl and a URL-encoded path', async () => {
    const encoded = encodeURIComponent(file);
    const response = await call(tenant, dpoTeamMember, api(`web/getfilebyserverrelativeurl('${encoded}')/versions(512)/$value`));
    expect(response.status).toBe(200);
    expect(response.text).toBe('eerste versie');
  });

  it('answers 404 for a version that does not exist, in both forms', async () => {
    for (const tail of ['versions(2048)/$value', 'versions/getById(2048)/$value']) {
      expect((await call(tenant, dpoTeamMember, api(`web/getfilebyserverrelativepath(decodedurl='${file}')/${tail}`))).status).toBe(404);
    }
  });
});

describe('lists collection', () => {
  it('honours $filter on Title', async () => {
    const response = await call(tenant, admin, api(`web/lists?$select=Title&$filter=${encodeURIComponent("Title eq 'Dossiers'")}`));
    expect(response.status).toBe(200);
    expect(response.json().value.map((list: { Title: string }) => list.Title)).toEqual(['Dossiers']);
  });

  it('honours $filter with or and on BaseTemplate, and $top', async () => {
    const both = await call(tenant, admin, api(`web/lists?$select=Title&$filter=${encodeURIComponent("Title eq 'Dossiers' or Title eq 'Dossierdocumenten'")}`));
    expect(both.json().value.map((list: { Title: string }) => list.Title).sort()).toEqual(['Dossierdocumenten', 'Dossiers']);
    const libraries = await call(tenant, admin, api(`web/lists?$select=Title&$filter=${encodeURIComponent('BaseTemplate eq 101')}`));
    expect(libraries.json().value.map((list: { Title: string }) => list.Title)).toContain('Dossierdocumenten');
    expect(libraries.json().value.map((list: { Title: string }) => list.Title)).not.toContain('Dossiers');
    const one = await call(tenant, admin, api('web/lists?$select=Title&$top=1'));
    expect(one.json().value).toHaveLength(1);
  });

  it('refuses a filter on an unknown list property with a 400', async () => {
    const response = await call(tenant, admin, api(`web/lists?$filter=${encodeURIComponent("Colour eq 'red'")}`));
    expect(response.status).toBe(400);
  });
});

describe('site URL in error messages', () => {
  it('names the bound port, not the requested port 0', async () => {
    expect(tenant.port).toBeGreaterThan(0);
    const response = await call(tenant, admin, api("web/lists/getbytitle('Bestaat niet')/items"));
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('localhost:0');
    expect(response.text).toContain(`localhost:${tenant.port}/sites/microdata`);
  });
});
