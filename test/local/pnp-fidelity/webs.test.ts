/**
 * PnPjs test/sp/webs.ts replayed against the local tenant (see replay.ts). Child webs ("add 1/2" are
 * skipped in PnPjs too) and the constructor test (no request) are left out.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/navigation';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/security/web';
import '@pnp/sp/content-types/web';
import '@pnp/sp/user-custom-actions/web';
import '@pnp/sp/features/web';
import '@pnp/sp/fields/web';
import '@pnp/sp/regional-settings/web';
import '@pnp/sp/hubsites/web';
import '@pnp/sp/related-items/web';
import '@pnp/sp/appcatalog';
import '@pnp/sp/clientside-pages/web';
import { combine } from '@pnp/core';
import { replay, useReplayTenant } from './replay';
import { admin, api, call } from '../support';

const context = useReplayTenant();
type Invokable = Record<string, () => Promise<unknown>>;

describe('PnPjs Web: invokable properties', () => {
  const served = new Set(['lists', 'siteUsers', 'siteGroups', 'roleDefinitions']);
  for (const property of ['roleDefinitions', 'webs', 'contentTypes', 'lists', 'siteUserInfoList', 'defaultDocumentLibrary', 'customListTemplates', 'siteUsers', 'siteGroups', 'userCustomActions', 'allProperties', 'webinfos', 'features', 'fields', 'availablefields', 'folders', 'rootFolder', 'regionalSettings']) {
    // defaultDocumentLibrary is served when the site has one; this site has none (404).
    replay(property, served.has(property) ? 'pass' : 'refused', () => (context.sp.web as unknown as Invokable)[property]());
  }
});

describe('PnPjs Web', () => {
  replay('navigation', 'refused', async () => {
    await context.sp.web.navigation.quicklaunch();
    await context.sp.web.navigation.topNavigationBar();
  });
  replay('getParentWeb', 'refused', async () => expect(await (await context.sp.web.getParentWeb())()).toHaveProperty('Title'));
  replay('getSubwebsFilteredForCurrentUser', 'refused', () => context.sp.web.getSubwebsFilteredForCurrentUser()());
  replay('update', 'refused', async () => {
    const w = await context.sp.web.select('Title')<{ Title: string }>();
    const newTitle = `${w.Title} updated`;
    await context.sp.web.update({ Title: newTitle });
    expect((await context.sp.web.select('Title')<{ Title: string }>()).Title).toBe(newTitle);
  });
  replay('availableWebTemplates', 'refused', async () => expect((await context.sp.web.availableWebTemplates()()).length).toBeGreaterThan(0));
  replay('getChanges', 'refused', () => context.sp.web.getChanges({ Add: true }));
  replay('mapToIcon', 'refused', () => context.sp.web.mapToIcon('test.docx'));
  replay('delete', 'refused', () => context.sp.web.webs.add('Better be deleted!', 'better-be-deleted'));
  replay('getClientSideWebParts', 'refused', async () => expect((await context.sp.web.getClientsideWebParts()).length).toBeGreaterThan(0));
  replay('getFileByServerRelativePath', 'refused', async () => {
    const w = await context.sp.web.select('ServerRelativeUrl')<{ ServerRelativeUrl: string }>();
    expect((await context.sp.web.getFileByServerRelativePath(combine('/', w.ServerRelativeUrl, 'SitePages', 'Home.aspx'))()).Name).toBe('Home.aspx');
  });
  replay('getFolderByServerRelativePath', 'refused', async () => {
    const w = await context.sp.web.select('ServerRelativeUrl')<{ ServerRelativeUrl: string }>();
    expect((await context.sp.web.getFolderByServerRelativePath(combine('/', w.ServerRelativeUrl, 'SitePages'))()).Name).toBe('SitePages');
  });
  replay('hubSiteData', 'refused', () => context.sp.web.hubSiteData());
  replay('hubSiteData force refresh', 'refused', () => context.sp.web.hubSiteData(true));
  replay('syncHubSiteTheme', 'refused', () => context.sp.web.syncHubSiteTheme());
  replay('getList', 'refused', async () => {
    const w = await context.sp.web.select('ServerRelativeUrl')<{ ServerRelativeUrl: string }>();
    expect((await context.sp.web.getList(combine(w.ServerRelativeUrl, 'SitePages'))()).Title).toBe('Site Pages');
  });
  replay('getCatalog', 'refused', () => context.sp.web.getCatalog(113));
  replay('relatedItems', 'pass', async () => expect(context.sp.web.relatedItems).not.toBeNull());
  replay('getUserById', 'pass', async () => {
    const users = await context.sp.web.siteUsers();
    await context.sp.web.getUserById(users[0].Id)();
  });
});

describe('the web', () => {
  it('refuses a MERGE on the web (405) and keeps its title', async () => {
    const status = await context.sp.web.update({ Title: 'Anders' }).then(() => 200, (e: { status: number }) => e.status);
    expect(status).toBe(405);
    expect((await context.sp.web.select('Title')()).Title).toBe('Microdata Dossiers');
  });

  it('answers a path it does not emulate with a 501 naming it, not a 404', async () => {
    const response = await call(context.tenant, admin, api('web/navigation/quicklaunch'), { headers: { Accept: 'application/json;odata=nometadata' } });
    expect(response.status).toBe(501);
    expect(response.json()['odata.error'].message.value).toContain("GET _api/web/navigation/quicklaunch");
  });
});
