/**
 * PnPjs test/sp/site-users.ts replayed against the local tenant (see replay.ts).
 */
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups';
import type { ISiteUserInfo, ISiteUserProps } from '@pnp/sp/site-users';
import { replay, useReplayTenant } from './replay';

const context = useReplayTenant();

/** PnPjs' testISiteUserInfo. */
function hasSiteUserProps(siteUser: ISiteUserInfo): boolean {
  return ['Email', 'Id', 'IsHiddenInUI', 'IsShareByEmailGuestUser', 'IsSiteAdmin', 'LoginName', 'PrincipalType', 'Title', 'Expiration', 'IsEmailAuthenticationGuestUser', 'UserId', 'UserPrincipalName'].every((name) => Reflect.has(siteUser, name));
}

describe('PnPjs Site Users: web', () => {
  replay('siteUsers', 'pass', async () => {
    const siteUsers = await context.sp.web.siteUsers();
    expect(siteUsers.length > 0 && hasSiteUserProps(siteUsers[0])).toBe(true);
  });
  replay('currentUser', 'pass', async () => expect(hasSiteUserProps(await context.sp.web.currentUser())).toBe(true));
  replay('ensureUser', 'pass', async () => {
    const e: ISiteUserProps = await context.sp.web.currentUser();
    await context.sp.web.ensureUser(e.LoginName);
  });
  replay('getUserById', 'pass', async () => {
    const user: ISiteUserProps = await context.sp.web.currentUser();
    await context.sp.web.getUserById(user.Id)();
  });
});

describe('PnPjs Site Users: siteUsers', () => {
  replay('getById', 'pass', async () => {
    const e: ISiteUserProps = await context.sp.web.currentUser();
    expect((await context.sp.web.siteUsers.getById(e.Id)()).Id).toBe(e.Id);
  });
  replay('getByEmail', 'pass', async () => {
    const e: ISiteUserProps = await context.sp.web.currentUser();
    expect((await context.sp.web.siteUsers.getByEmail(e.Email)()).Id).toBe(e.Id);
  });
  replay('getByLoginName', 'pass', async () => {
    const e: ISiteUserProps = await context.sp.web.currentUser();
    expect((await context.sp.web.siteUsers.getByLoginName(e.LoginName)()).Id).toBe(e.Id);
  });
});

describe('PnPjs Site Users: currentUser', () => {
  replay('groups', 'pass', async () => {
    // The current user's groups are the same answer as that user's groups by id (two routes, one truth).
    const me = await context.sp.web.currentUser.select('Id')();
    const titles = (groups: { Title: string }[]): string[] => groups.map((group) => group.Title).sort();
    expect(titles(await context.sp.web.currentUser.groups())).toEqual(titles(await context.sp.web.siteUsers.getById(me.Id).groups()));
  });
  replay('update', 'refused', async () => {
    const props: ISiteUserProps = await context.sp.web.currentUser();
    props.Title = 'Changed Title';
    await context.sp.web.currentUser.update(props);
    expect((await context.sp.web.currentUser()).Title).toBe('Changed Title');
  });
});

describe('the current user', () => {
  it('refuses a MERGE on web/currentuser instead of answering it like a GET, and changes nothing', async () => {
    const before = await context.sp.web.currentUser();
    const error = await context.sp.web.currentUser.update({ Title: 'Changed Title' }).then(() => undefined, (e: Error & { status: number }) => e);
    expect(error?.status).toBe(405);
    expect((await context.sp.web.currentUser()).Title).toBe(before.Title);
  });

  it('answers currentuser/groups with the groups of the user', async () => {
    const groups = await context.sp.web.currentUser.groups();
    const expanded = await context.sp.web.currentUser.expand('Groups').select('Groups/Title')<{ Groups: { Title: string }[] }>();
    expect(groups.map((g) => g.Title).sort()).toEqual(expanded.Groups.map((g) => g.Title).sort());
  });
});
