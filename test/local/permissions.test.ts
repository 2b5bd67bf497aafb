/**
 * Identity and permissions the store enforces whatever the client sends.
 */
import type { LocalTenant } from '../../src/local/server/server';
import { admin, api, call, dpoTeamMember, guest, provision, startTenant, statistician } from './support';

let tenant: LocalTenant;
const events = "web/lists/getbytitle('Dossiergebeurtenissen')";

beforeAll(async () => {
  tenant = await startTenant();
  await provision(tenant);
});

afterAll(async () => {
  await tenant.close();
});

const merge = (email: string, path: string, body: unknown) =>
  call(tenant, email, api(path), { method: 'POST', body: JSON.stringify(body), headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' } });

describe('identity', () => {
  it('answers 401 without identity or with an unknown persona', async () => {
    expect((await call(tenant, undefined, api('web'))).status).toBe(401);
    const token = await tenant.tokens.mint({ audience: tenant.baseUrl, claims: { preferred_username: 'nobody@elsewhere.example' } });
    const unknown = await call(tenant, undefined, api('web'), { headers: { Authorization: `Bearer ${token}` } });
    expect(unknown.status).toBe(401);
    expect(unknown.json()['odata.error'].code).toContain('UnauthorizedAccessException');
  });

  it('accepts the lt_persona cookie like a bearer token', async () => {
    const response = await call(tenant, undefined, api('web/currentuser'), { headers: { Cookie: `lt_persona=${encodeURIComponent(statistician)}` } });
    expect(response.json().Email).toBe(statistician);
  });
});

describe('guest', () => {
  it('reads only /me-style resources', async () => {
    expect((await call(tenant, guest, api('web/currentuser'))).status).toBe(200);
    expect((await call(tenant, guest, '/graph/v1.0/me')).status).toBe(200);
    for (const path of ['web', 'web/lists', "web/lists/getbytitle('Dossiers')/items", 'web/sitegroups']) {
      const response = await call(tenant, guest, api(path));
      expect([path, response.status]).toEqual([path, 403]);
    }
    expect((await call(tenant, guest, api("web/lists/getbytitle('Dossiers')/items"), { method: 'POST', body: '{"Title":"x"}' })).status).toBe(403);
  });
});

describe('VSA groups on the product lists', () => {
  it('lets every group read and add, and update dossiers', async () => {
    const created = await call(tenant, statistician, api("web/lists/getbytitle('Dossiers')/items"), { method: 'POST', body: JSON.stringify({ Title: 'by statistician' }) });
    expect(created.status).toBe(201);
    expect((await merge(dpoTeamMember, `web/lists/getbytitle('Dossiers')/items(${created.json().Id})`, { Amount: 1 })).status).toBe(204);
  });

  it('keeps the events list append-only for everyone but the site owner', async () => {
    const created = await call(tenant, dpoTeamMember, api(`${events}/items`), { method: 'POST', body: JSON.stringify({ Title: 'DossierRegistered', EventType: 'DossierRegistered' }) });
    expect(created.status).toBe(201);
    const id = created.json().Id as number;
    expect((await merge(dpoTeamMember, `${events}/items(${id})`, { Title: 'rewritten' })).status).toBe(403);
    const del = await call(tenant, statistician, api(`${events}/items(${id})`), { method: 'POST', headers: { 'X-HTTP-Method': 'DELETE', 'IF-Match': '*' } });
    expect(del.status).toBe(403);
    expect((await merge(admin, `${events}/items(${id})`, { Title: 'owner may' })).status).toBe(204);
  });

  it('reserves provisioning to the site owner', async () => {
    expect((await call(tenant, dpoTeamMember, api('web/lists'), { method: 'POST', body: JSON.stringify({ Title: 'Mine', BaseTemplate: 100 }) })).status).toBe(403);
    expect((await call(tenant, dpoTeamMember, api("web/lists/getbytitle('Dossiers')/fields"), { method: 'POST', body: JSON.stringify({ Title: 'X', FieldTypeKind: 2 }) })).status).toBe(403);
    expect((await call(tenant, dpoTeamMember, api('web/sitegroups'), { method: 'POST', body: JSON.stringify({ Title: 'Rogue' }) })).status).toBe(403);
  });

  it('enforces role assignments generally: a group removed from a list loses access to it', async () => {
    const list = (await call(tenant, admin, api('web/lists'), { method: 'POST', body: JSON.stringify({ Title: 'Geheim', BaseTemplate: 100 }) })).json();
    expect((await call(tenant, statistician, api(`web/lists(guid'${list.Id}')/items`))).status).toBe(200);
    expect((await call(tenant, admin, api(`web/lists(guid'${list.Id}')/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`), { method: 'POST' })).status).toBe(200);
    expect((await call(tenant, statistician, api(`web/lists(guid'${list.Id}')/items`))).status).toBe(403);
    const dpo = (await call(tenant, admin, api("web/sitegroups/getbyname('VSA DPO')"))).json();
    await call(tenant, admin, api(`web/lists(guid'${list.Id}')/roleassignments/addroleassignment(principalid=${dpo.Id},roledefid=1073741826)`), { method: 'POST' });
    expect((await call(tenant, 'karel.desmet@vsa.local', api(`web/lists(guid'${list.Id}')/items`))).status).toBe(200);
    expect((await call(tenant, 'karel.desmet@vsa.local', api(`web/lists(guid'${list.Id}')/items`), { method: 'POST', body: '{"Title":"read only"}' })).status).toBe(403);
    const assignments = (await call(tenant, admin, api(`web/lists(guid'${list.Id}')/roleassignments`))).json().value;
    expect(assignments.map((a: { Member: { Title: string } }) => a.Member.Title).sort()).toEqual(['Sitebeheerder', 'VSA DPO']);
  });
});

describe('groups and users', () => {
  it('lists group members, adds one and ensures a user', async () => {
    const members = (await call(tenant, admin, api("web/sitegroups/getbyname('VSA DPO-team')/users"))).json().value.map((u: { Email: string }) => u.Email);
    expect(members.sort()).toEqual(['an.peeters@vsa.local', 'jeroen.maes@vsa.local', 'karel.desmet@vsa.local']);
    const added = await call(tenant, admin, api("web/sitegroups/getbyname('VSA Statistici')/users"), { method: 'POST', body: JSON.stringify({ LoginName: 'i:0#.f|membership|els.vermeulen@vsa.local' }) });
    expect(added.status).toBe(201);
    const ensured = await call(tenant, dpoTeamMember, api('web/ensureuser'), { method: 'POST', body: JSON.stringify({ logonName: 'pieter.claes@vsa.local' }) });
    expect(ensured.json().LoginName).toBe('i:0#.f|membership|pieter.claes@vsa.local');
    expect((await call(tenant, admin, api('web/sitegroups'), { method: 'POST', body: JSON.stringify({ Title: 'VSA DPO' }) })).status).toBe(409);
    const defs = (await call(tenant, admin, api('web/roledefinitions'))).json().value.map((d: { Id: number }) => d.Id);
    expect(defs).toEqual(expect.arrayContaining([1073741829, 1073741830, 1073741827, 1073741826]));
  });
});
