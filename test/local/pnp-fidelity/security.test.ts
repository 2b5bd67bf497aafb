/**
 * PnPjs test/sp/security.ts replayed against the local tenant (see replay.ts).
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import { PermissionKind } from '@pnp/sp/security';
import type { IList } from '@pnp/sp/lists';
import { replay, useReplayTenant } from './replay';
import { admin, api, call } from '../support';

const context = useReplayTenant();
const testRoleDefName = 'PNPJS Test Role Def 38274947';
let list: IList;

beforeAll(async () => {
  list = (await context.sp.web.lists.ensure('SecurityTestingList')).list;
  // PnPjs uses web.getParentWeb(); the local site has no parent, so role definitions are the site's own.
  await context.sp.web.roleDefinitions.add(testRoleDefName, '', 1000, { Low: 1, High: 0 });
});

describe('PnPjs Security', () => {
  replay('getParentWeb (before)', 'refused', () => context.sp.web.getParentWeb());
  replay('roleAssignments', 'pass', async () => expect(await list.roleAssignments()).not.toBeNull());
  replay('firstUniqueAncestorSecurableObject', 'refused', () => list.firstUniqueAncestorSecurableObject());
  replay('getUserEffectivePermissions', 'refused', async () => {
    const users = await context.sp.web.siteUsers.top(1).select('LoginName')();
    await list.getUserEffectivePermissions(users[0].LoginName);
  });
  replay('getCurrentUserEffectivePermissions', 'refused', () => list.getCurrentUserEffectivePermissions());
  replay('userHasPermissions', 'refused', async () => {
    const users = await context.sp.web.siteUsers.top(1).select('LoginName')();
    await list.userHasPermissions(users[0].LoginName, PermissionKind.AddListItems);
  });
  replay('currentUserHasPermissions', 'refused', () => list.currentUserHasPermissions(PermissionKind.AddListItems));
  replay('breakRoleInheritance', 'pass', async () => expect(await list.breakRoleInheritance(true, true)).not.toBeNull());
  replay('updateRoleDef', 'refused', () => context.sp.web.roleDefinitions.getByName(testRoleDefName).update({ BasePermissions: { Low: 3, High: 0 } }));
  replay('resetRoleInheritance (after)', 'pass', () => list.resetRoleInheritance());
});

describe('role definitions by key', () => {
  it('answers roleDefinitions(<id>) and getById with the one definition, getByName too', async () => {
    const byName = await context.sp.web.roleDefinitions.getByName(testRoleDefName)();
    const byId = await context.sp.web.roleDefinitions.getById(byName.Id)();
    expect(byId.Name).toBe(testRoleDefName);
    const response = await call(context.tenant, admin, api(`web/roledefinitions(${byName.Id})`), { headers: { Accept: 'application/json;odata=nometadata' } });
    expect(response.status).toBe(200);
    expect(response.json().Name).toBe(testRoleDefName);
  });
});
