/**
 * What SharePoint refuses, the local tenant refuses too: control characters in file and folder names,
 * and duplicate values in columns that enforce unique values (SPDuplicateValuesFoundException).
 */
import type { LocalTenant } from '../../src/local/server/server';
import { admin, api, call, dpoTeamMember, provision, startTenant } from './support';

let tenant: LocalTenant;
beforeAll(async () => {
  tenant = await startTenant();
  await provision(tenant);
  await call(tenant, dpoTeamMember, api("web/folders/addusingpath(decodedurl='/sites/microdata/Dossierdocumenten/VSA-2026-0001')"), { method: 'POST' });
});
afterAll(async () => tenant.close());

/** OData string literal of a path segment (quotes doubled, then percent-encoded as PnPjs sends it). */
const literal = (value: string): string => encodeURIComponent(value.replace(/'/g, "''"));

describe('control characters in file and folder names', () => {
  const controls = ['\u0000', '\u0001', '\u0009', '\u000a', '\u000d', '\u001b', '\u001f', '\u007f'];

  it.each(controls.map((ch) => [`U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, ch]))('refuses %s in a file name with 400 and says which', async (code, ch) => {
    const response = await call(tenant, dpoTeamMember, api(`web/getfolderbyserverrelativepath(decodedurl='/sites/microdata/Dossierdocumenten/VSA-2026-0001')/files/addusingpath(decodedurl='${literal(`brief${ch}tekst.docx`)}',overwrite=true)`), { method: 'POST', body: 'x' });
    expect(response.status).toBe(400);
    expect(response.json()['odata.error'].message.value).toContain(`control characters (${code})`);
  });

  it('refuses them in folder names, nested or not, and stores nothing', async () => {
    for (const name of ['VSA\u0000-2026', 'map\u0007', 'a\u007fb']) {
      const flat = await call(tenant, dpoTeamMember, api(`web/folders/addusingpath(decodedurl='${literal(`/sites/microdata/Dossierdocumenten/${name}`)}')`), { method: 'POST' });
      expect(flat.status).toBe(400);
      const nested = await call(tenant, dpoTeamMember, api(`web/getfolderbyserverrelativepath(decodedurl='/sites/microdata/Dossierdocumenten/VSA-2026-0001')/folders/addusingpath(decodedurl='${literal(name)}')`), { method: 'POST' });
      expect(nested.status).toBe(400);
    }
    const folders = (await call(tenant, dpoTeamMember, api("web/getfolderbyserverrelativepath(decodedurl='/sites/microdata/Dossierdocumenten')/folders"))).json().value as { Name: string }[];
    expect(folders.map((f) => f.Name).filter((n) => /[\u0000-\u001f\u007f]/.test(n))).toEqual([]);
  });

  it('still accepts ordinary names with spaces, accents, % and #', async () => {
    const response = await call(tenant, dpoTeamMember, api(`web/getfolderbyserverrelativepath(decodedurl='/sites/microdata/Dossierdocumenten/VSA-2026-0001')/files/addusingpath(decodedurl='${literal("Zoë's nota 100% #1.docx")}',overwrite=true)`), { method: 'POST', body: 'x' });
    expect(response.status).toBe(200);
  });
});

describe('EnforceUniqueValues', () => {
  const list = "web/lists/getbytitle('Dossiergebeurtenissen')";
  const add = (values: Record<string, unknown>) => call(tenant, admin, api(`${list}/items`), { method: 'POST', body: JSON.stringify(values) });
  const update = (id: number, values: Record<string, unknown>) =>
    call(tenant, admin, api(`${list}/items(${id})`), { method: 'POST', body: JSON.stringify(values), headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' } });
  const duplicate = 'The list item could not be added or updated because duplicate values were found in one or more fields in the list.';

  beforeAll(async () => {
    // As provisioning creates the product's unique columns (src/data/sharepoint/provisioning.ts).
    const created = await call(tenant, admin, api(`${list}/fields/createfieldasxml`), {
      method: 'POST',
      body: JSON.stringify({ parameters: { SchemaXml: '<Field Type="Text" Name="EventId" StaticName="EventId" DisplayName="Gebeurtenis-id" Required="FALSE" Indexed="TRUE" EnforceUniqueValues="TRUE" />' } })
    });
    expect(created.status).toBe(201);
    expect(created.json().EnforceUniqueValues).toBe(true);
  });

  it('refuses a duplicate on add (case-insensitively), with SharePoint\'s exception', async () => {
    expect((await add({ Title: 'a', EventId: 'evt-1' })).status).toBe(201);
    for (const value of ['evt-1', 'EVT-1']) {
      const refused = await add({ Title: 'b', EventId: value });
      expect(refused.status).toBe(409);
      expect(refused.json()['odata.error']).toEqual({ code: '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException', message: { lang: 'en-US', value: duplicate } });
    }
  });

  it('refuses a duplicate on update, but not an item keeping its own value', async () => {
    const other = (await add({ Title: 'c', EventId: 'evt-2' })).json().Id as number;
    const refused = await update(other, { EventId: 'evt-1' });
    expect(refused.status).toBe(409);
    expect((await update(other, { EventId: 'evt-2', Title: 'c2' })).status).toBe(204);
  });

  it('lets empty values repeat', async () => {
    expect((await add({ Title: 'd' })).status).toBe(201);
    expect((await add({ Title: 'e' })).status).toBe(201);
    expect((await add({ Title: 'f', EventId: '' })).status).toBe(201);
    expect((await add({ Title: 'g', EventId: null })).status).toBe(201);
  });

  it('records the flag from REST properties and MERGE, and wants the column indexed', async () => {
    const plain = await call(tenant, admin, api(`${list}/fields`), { method: 'POST', body: JSON.stringify({ Title: 'Number', InternalName: 'Nummer', FieldTypeKind: 9, Indexed: true, EnforceUniqueValues: true }) });
    expect([plain.status, plain.json().EnforceUniqueValues]).toEqual([201, true]);
    expect((await add({ Title: 'n1', Nummer: 7 })).status).toBe(201);
    expect((await add({ Title: 'n2', Nummer: 7 })).status).toBe(409);
    const notIndexed = await call(tenant, admin, api(`${list}/fields`), { method: 'POST', body: JSON.stringify({ Title: 'Code', InternalName: 'Code', FieldTypeKind: 2, EnforceUniqueValues: true }) });
    expect(notIndexed.status).toBe(400);
    // Turned on later with MERGE; refused while duplicates exist.
    await call(tenant, admin, api(`${list}/fields`), { method: 'POST', body: JSON.stringify({ Title: 'Kenmerk', InternalName: 'Kenmerk', FieldTypeKind: 2, Indexed: true }) });
    await add({ Title: 'k1', Kenmerk: 'x' });
    await add({ Title: 'k2', Kenmerk: 'X' });
    const merge = (body: unknown) => call(tenant, admin, api(`${list}/fields/getbyinternalnameortitle('Kenmerk')`), { method: 'POST', body: JSON.stringify(body), headers: { 'X-HTTP-Method': 'MERGE' } });
    expect((await merge({ EnforceUniqueValues: true })).status).toBe(409);
    await call(tenant, admin, api(`${list}/fields`), { method: 'POST', body: JSON.stringify({ Title: 'Vrij', InternalName: 'Vrij', FieldTypeKind: 2, Indexed: true }) });
    const vrij = (body: unknown) => call(tenant, admin, api(`${list}/fields/getbyinternalnameortitle('Vrij')`), { method: 'POST', body: JSON.stringify(body), headers: { 'X-HTTP-Method': 'MERGE' } });
    expect((await vrij({ EnforceUniqueValues: true })).status).toBe(204);
    expect((await vrij({ Indexed: false })).status).toBe(400);
    expect((await add({ Title: 'v1', Vrij: 'same' })).status).toBe(201);
    expect((await add({ Title: 'v2', Vrij: 'same' })).status).toBe(409);
  });
});
