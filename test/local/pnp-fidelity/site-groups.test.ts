/**
 * PnPjs test/sp/site-groups.ts replayed against the local tenant (see replay.ts); the test user is a
 * persona of the local directory.
 */
import '@pnp/sp/webs';
import '@pnp/sp/site-groups';
import '@pnp/sp/site-users/web';
import type { ISiteGroupInfo } from '@pnp/sp/site-groups';
import { replay, randomString, useReplayTenant } from './replay';
import { admin, api, call, statistician } from '../support';

const context = useReplayTenant();
let newGroup: ISiteGroupInfo;
let testuserId: number;

beforeAll(async () => {
  newGroup = await context.sp.web.siteGroups.add({ Title: `test_new_sitegroup_${randomString(6)}` });
  testuserId = (await context.sp.web.ensureUser(statistician)).Id;
});

describe('PnPjs SiteGroups: Web', () => {
  replay('siteGroups()', 'pass', () => context.sp.web.siteGroups());
  replay('associatedOwnerGroup()', 'refused', () => context.sp.web.associatedOwnerGroup());
  replay('associatedMemberGroup()', 'refused', () => context.sp.web.associatedMemberGroup());
  replay('associatedVisitorGroup()', 'refused', () => context.sp.web.associatedVisitorGroup());
});

describe('PnPjs SiteGroups', () => {
  replay('getById()', 'pass', async () => {
    const group = await context.sp.web.siteGroups.getById(newGroup.Id)();
    // One group, the one asked for: never the collection.
    expect(group.Id).toBe(newGroup.Id);
    expect(group.Title).toBe(newGroup.Title);
  });
  replay('add()', 'pass', async () => {
    const title = `test_add_new_sitegroup_${randomString(8)}`;
    expect((await context.sp.web.siteGroups.add({ Title: title })).Title).toBe(title);
  });
  replay('getByName()', 'pass', () => context.sp.web.siteGroups.getByName(newGroup.Title)());
  replay('removeById()', 'refused', async () => {
    const g = await context.sp.web.siteGroups.add({ Title: `test_remove_group_by_id_${randomString(8)}` });
    await context.sp.web.siteGroups.removeById(g.Id);
  });
  replay('removeByLoginName()', 'refused', async () => {
    const g = await context.sp.web.siteGroups.add({ Title: `test_remove_group_by_name_${randomString(8)}` });
    await context.sp.web.siteGroups.removeByLoginName(g.LoginName);
  });
  replay('users()', 'pass', () => context.sp.web.siteGroups.getById(newGroup.Id).users());
  replay('update()', 'refused', async () => {
    const newTitle = `Updated_${newGroup.Title}`;
    await context.sp.web.siteGroups.getByName(newGroup.Title).update({ Title: newTitle });
    expect((await context.sp.web.siteGroups.getById(newGroup.Id).select('Title')<{ Title: string }>()).Title).toBe(newTitle);
  });
  replay('setUserAsOwner()', 'refused', () => context.sp.web.siteGroups.getById(newGroup.Id).setUserAsOwner(testuserId));
});

describe('site groups by key', () => {
  it('answers siteGroups(<id>) with the one group and 404 for an unknown id', async () => {
    const one = await call(context.tenant, admin, api(`web/sitegroups(${newGroup.Id})?$select=Id,Title`), { headers: { Accept: 'application/json;odata=nometadata' } });
    expect(one.status).toBe(200);
    expect(one.json()).toEqual({ Id: newGroup.Id, Title: newGroup.Title });
    const users = await call(context.tenant, admin, api(`web/sitegroups(${newGroup.Id})/users`));
    expect(users.json().value).toEqual([]);
    expect((await call(context.tenant, admin, api('web/sitegroups(999999)'))).status).toBe(404);
  });

  it('filters the groups collection with $filter', async () => {
    const found = await context.sp.web.siteGroups.filter(`Title eq '${newGroup.Title}'`).select('Id')();
    expect(found.map((g) => g.Id)).toEqual([newGroup.Id]);
  });
});
