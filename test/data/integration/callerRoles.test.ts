import type { AuthenticatedCaller } from '../../../src/data/auth/caller';
import { SharePointCallerRoles } from '../../../src/data/sharepoint/callerRoles';
import { AN, as, ELS, GAST, KAREL, OWNER, SOFIE, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';
import { bearerFor } from '../../support/tokens';

const caller = (email: string): AuthenticatedCaller => ({ objectId: `oid-${email}`, tenantId: 'tenant', email, displayName: email });

describe('SharePointCallerRoles on the local tenant (web/siteusers/getbyemail(…)/groups)', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
  });
  afterAll(async () => tenant?.close());

  it('maps each persona’s VSA site groups onto roles', async () => {
    const roles = new SharePointCallerRoles(as(tenant, OWNER).sp);
    expect(await roles.rolesOf(caller(AN))).toEqual(['dpoTeam']);
    expect(await roles.rolesOf(caller(SOFIE))).toEqual(['statistician']);
    expect([...(await roles.rolesOf(caller(KAREL)))].sort()).toEqual(['dpo', 'dpoTeam']);
    expect(await roles.rolesOf(caller(ELS))).toEqual(['chiefStatistician']);
  });

  it('gives no role to a site user outside the VSA groups and to someone the site does not know', async () => {
    const roles = new SharePointCallerRoles(as(tenant, OWNER).sp);
    expect(await roles.rolesOf(caller(GAST))).toEqual([]);
    expect(await roles.rolesOf(caller('niemand@elders.example'))).toEqual([]);
  });

  it('answers the groups of a user by e-mail as SharePoint does, and refuses an unknown sub-path', async () => {
    // A signed token for the owner: the tenant accepts `Bearer local:<email>` only at its token endpoint.
    const authorization = await bearerFor(tenant.baseUrl, OWNER);
    const get = (path: string): Promise<Response> =>
      fetch(`${tenant.baseUrl}/sites/microdata/_api/web/${path}`, { headers: { Authorization: authorization, Accept: 'application/json;odata=nometadata' } });
    const groups = await get(`siteusers/getbyemail('${encodeURIComponent(KAREL)}')/groups`);
    expect(groups.status).toBe(200);
    const titles = ((await groups.json()) as { value: { Title: string }[] }).value.map((group) => group.Title);
    expect(titles.length).toBe(2);
    const user = await get(`siteusers/getbyemail('${encodeURIComponent(KAREL)}')`);
    expect(((await user.json()) as { Email: string }).Email).toBe(KAREL);
    // An unknown user is SharePoint's 404; a sub-path the emulator does not build is refused loudly with
    // a 501 that names it (issue 12: refuse rather than answer wrongly, never a 404 that claims absence).
    expect((await get(`siteusers/getbyemail('${encodeURIComponent('niemand@elders.example')}')`)).status).toBe(404);
    const unknownSub = await get(`siteusers/getbyemail('${encodeURIComponent(KAREL)}')/nothing`);
    expect(unknownSub.status).toBe(501);
    expect(await unknownSub.text()).toContain('nothing');
    expect((await get(`siteusers/nothing('x')`)).status).toBe(501);
  });
});
