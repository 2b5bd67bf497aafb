/**
 * PnPjs test/sp/folders.ts replayed against the local tenant (see replay.ts). PnPjs reaches its folders
 * through the web's root folder (`web/rootFolder/folders('SiteAssets')`): the local tenant serves a
 * library's root folder there but not the web's root folder itself (501 naming the path).
 */
import '@pnp/sp/folders';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/sharing';
import '@pnp/sp/site-users/web';
import '@pnp/sp/files';
import { SharingLinkKind } from '@pnp/sp/sharing';
import type { IFolder, IFolders } from '@pnp/sp/folders';
import { replay, randomString, useReplayTenant } from './replay';

const context = useReplayTenant({ documents: true });

beforeAll(async () => {
  // A team site's "Site Assets" library (URL SiteAssets), which PnPjs' folder tests work in.
  await context.sp.web.lists.add('SiteAssets', '', 101);
});
const siteAssets = (): IFolder => context.sp.web.rootFolder.folders.getByUrl('SiteAssets');
const added = async (): Promise<IFolder> => {
  const name = `test_${randomString(5)}`;
  await siteAssets().folders.addUsingPath(name);
  return siteAssets().folders.getByUrl(name);
};
type Invokable = Record<string, () => Promise<unknown>>;

describe('PnPjs Folders', () => {
  replay('addUsingPath', 'pass', () => siteAssets().folders.addUsingPath(`test_${randomString(4)}`));
  // A team site's SitePages library does not exist on the local site: 404, as SharePoint answers for a missing folder.
  replay('getByUrl', 'refused', () => context.sp.web.folders.getByUrl('SitePages')());
});

describe('PnPjs Folder: invokable properties', () => {
  replay('rootFolder', 'refused', () => context.sp.web.rootFolder());
  replay('folders', 'refused', () => context.sp.web.folders());
  replay('lists().rootFolder', 'refused', () => context.sp.web.lists.getByTitle('Site Pages').rootFolder());
  replay('lists().rootFolder.folders', 'refused', () => context.sp.web.lists.getByTitle('Site Pages').rootFolder.folders());
  replay('list.items().folder', 'refused', () => context.sp.web.lists.getByTitle('Site Pages').items.getById(1).folder());
});

describe('PnPjs Folder', () => {
  replay('getItem', 'pass', async () => expect(await (await added()).getItem()).toHaveProperty('Id'));
  replay('getItem - call list', 'pass', async () => {
    const item = await (await added()).getItem();
    expect((await item.list() as unknown as Record<string, string>)['odata.metadata']).toContain('$metadata#SP.ApiData.Lists');
  });
  replay('storageMetrics', 'refused', async () => expect(await siteAssets().storageMetrics()).toHaveProperty('TotalSize'));
  replay('moveByPath', 'refused', async () => (await added()).moveByPath(`/sites/microdata/SiteAssets/moved_${randomString(5)}`));
  replay('moveByPath - options', 'refused', async () => (await added()).moveByPath(`/sites/microdata/SiteAssets/moved_${randomString(5)}`, { ShouldBypassSharedLocks: true, RetainEditorAndModifiedOnMove: true, KeepBoth: false }));
  replay('copyByPath', 'refused', async () => (await added()).copyByPath(`/sites/microdata/SiteAssets/copied_${randomString(5)}`));
  replay('copyByPath - options', 'refused', async () => (await added()).copyByPath(`/sites/microdata/SiteAssets/copied_${randomString(5)}`, { KeepBoth: true, ResetAuthorAndCreatedOnCopy: false, ShouldBypassSharedLocks: true }));
  replay('recycle', 'refused', async () => (await added()).recycle());
  replay('deleteWithParams', 'refused', async () => (await added()).deleteWithParams({ BypassSharedLock: true, DeleteIfEmpty: true }));
  replay("select('ServerRelativeUrl')", 'pass', () => siteAssets().select('ServerRelativeUrl')());
  replay('update', 'refused', () => siteAssets().update({ Name: 'SiteAssets' }));
  replay("select('contentTypeOrder')", 'refused', () => siteAssets().select('contentTypeOrder')());
  replay('folders', 'pass', () => siteAssets().folders());
  replay('files', 'pass', () => siteAssets().files());
  replay('listItemAllFields', 'pass', async () => (await added()).listItemAllFields());
  replay('parentFolder', 'refused', () => siteAssets().parentFolder());
  replay('properties', 'refused', () => siteAssets().properties());
  replay('uniqueContentTypeOrder', 'refused', () => siteAssets().select('uniqueContentTypeOrder')());
  for (const operation of ['getSharingInformation', 'getObjectSharingSettings', 'unshare'] as const) {
    replay(operation, 'refused', async () => ((await added()) as unknown as Invokable)[operation]());
  }
  replay('checkSharingPermissions', 'refused', async () => (await added()).checkSharingPermissions([{ alias: 'everyone except external users' }]));
  replay('deleteSharingLinkByKind', 'refused', async () => (await added()).deleteSharingLinkByKind(SharingLinkKind.OrganizationView));
  replay('unshareLink', 'refused', async () => (await added()).unshareLink(SharingLinkKind.OrganizationView));
  replay('shareWith', 'refused', async () => {
    const user = await context.sp.web.ensureUser('everyone except external users');
    await (await added()).shareWith(user.LoginName);
  });
  replay('getFolderById', 'refused', async () => {
    const folderInfo = await context.sp.web.rootFolder.select('UniqueId')();
    const byId = await context.sp.web.getFolderById(folderInfo.UniqueId).select('UniqueId')();
    expect(byId.UniqueId).toBe(folderInfo.UniqueId);
  });
  replay('addSubFolderUsingPath', 'refused', async () => {
    const folder = await added();
    await (await folder.addSubFolderUsingPath(`test_${randomString(5)}`))();
  });
});

describe("a library's folders, with the same PnPjs calls", () => {
  const root = (): IFolders => context.sp.web.lists.getByTitle('Documents').rootFolder.folders;

  it("answers folders('<name>') and folders/getByUrl with the one folder, not the collection", async () => {
    const name = `sub_${randomString(5)}`;
    const far = await root().addUsingPath(name);
    expect(far.Name).toBe(name);
    const one = await root().getByUrl(name).select('Name', 'ServerRelativeUrl')();
    expect(one).toEqual(expect.objectContaining({ Name: name, ServerRelativeUrl: `/sites/microdata/Documents/${name}` }));
    const viaWeb = await context.sp.web.folders.getByUrl(`Documents/${name}`).select('Name')();
    expect(viaWeb.Name).toBe(name);
    const missing = await root().getByUrl(`missing_${randomString(5)}`)().then(() => 200, (e: { status: number }) => e.status);
    expect(missing).toBe(404);
  });

  it('adds a sub folder and reads its item and files', async () => {
    const name = `sub_${randomString(5)}`;
    await root().addUsingPath(name);
    const folder = root().getByUrl(name);
    await folder.folders.addUsingPath('inner');
    expect((await folder.folders()).map((f) => f.Name)).toEqual(['inner']);
    expect(await folder.files()).toEqual([]);
    expect(await folder.getItem()).toHaveProperty('Id');
    const filtered = await root().filter(`Name eq '${name}'`)();
    expect(filtered.map((f) => f.Name)).toEqual([name]);
  });
});
