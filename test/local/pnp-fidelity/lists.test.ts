/**
 * PnPjs test/sp/lists.ts replayed against the local tenant (see replay.ts). "Documents" stands for the
 * team site's default library.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/content-types/list';
import '@pnp/sp/views/list';
import '@pnp/sp/folders/list';
import '@pnp/sp/fields/list';
import '@pnp/sp/forms/list';
import '@pnp/sp/items/list';
import '@pnp/sp/subscriptions/list';
import '@pnp/sp/user-custom-actions/list';
import type { IList } from '@pnp/sp/lists';
import { ControlMode, RenderListDataOptions } from '@pnp/sp/lists';
import { replay, randomString, useReplayTenant, expectRefusal } from './replay';

const context = useReplayTenant({ documents: true });
const documents = (): IList => context.sp.web.lists.getByTitle('Documents');
type Invokable = Record<string, () => Promise<unknown>>;

describe('PnPjs lists: invokable properties', () => {
  for (const property of ['effectiveBasePermissions', 'eventReceivers', 'relatedFields', 'informationRightsManagementSettings']) {
    replay(property, 'refused', () => (documents() as unknown as Invokable)[property]());
  }
  replay('getParentInfos', 'pass', async () => {
    const infos = await documents().getParentInfos();
    const { Id } = await documents().select('Id')();
    expect(infos.List).toEqual({ Id, RootFolderServerRelativePath: { DecodedUrl: '/sites/microdata/Documents' }, RootFolderServerRelativeUrl: '/sites/microdata/Documents', RootFolderUniqueId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(infos.List.RootFolderUniqueId).not.toBe('00000000-0000-0000-0000-000000000000');
    expect(infos.ParentWeb).toEqual({ Id: expect.stringMatching(/^[0-9a-f-]{36}$/), ServerRelativePath: { DecodedUrl: '/sites/microdata' }, ServerRelativeUrl: '/sites/microdata', Url: `${context.tenant.baseUrl}/sites/microdata` });
  });
});

describe('PnPjs Lists', () => {
  replay('getById', 'pass', async () => {
    const list = await context.sp.web.lists.getByTitle('Documents').select('ID')<{ Id: string }>();
    const title = await context.sp.web.lists.getById(list.Id).select('Title')<{ Title: string }>();
    expect(title).toHaveProperty('Title');
  });

  replay('getByTitle', 'pass', () => context.sp.web.lists.getByTitle('Documents').select('Title')());

  replay('add 1', 'pass', () => {
    const title = `pnp testing add 1 ${randomString(4)}`;
    return context.sp.web.lists.add(title, title);
  });

  // OnQuickLaunch is an SP.List property the local tenant does not emulate: 501, not ignored.
  replay('add 2', 'refused', () => {
    const title = `pnp testing add 2 ${randomString(4)}`;
    return context.sp.web.lists.add(title, title, 101, true, { OnQuickLaunch: true } as never);
  });

  replay('ensure', 'pass', () => context.sp.web.lists.ensure('pnp testing ensure'));

  replay('ensure with too long title', 'pass', () => expectRefusal(context.sp.web.lists.ensure(randomString(12).repeat(43))));

  replay('ensure fail update already existing list', 'pass', async () => {
    const title = 'pnp testing ensure fail update already existing list';
    await context.sp.web.lists.ensure(title);
    await expectRefusal(context.sp.web.lists.ensure(title, title, 100, false, { RandomPropertyThatDoesntExistOnObject: 'RandomValue' } as never));
  });

  replay('ensure with additional settings', 'refused', () => {
    const title = 'pnp testing ensure with additional settings';
    return context.sp.web.lists.ensure(title, title, 101, true, { OnQuickLaunch: true } as never);
  });

  replay('ensure existing list with additional settings', 'refused', async () => {
    const title = 'pnp testing ensure existing list with additional settings';
    await context.sp.web.lists.ensure(title);
    await context.sp.web.lists.ensure(title, title, 101, true, { OnQuickLaunch: true } as never);
  });

  replay('ensure already existing list', 'pass', async () => {
    const title = 'pnp testing ensure';
    await context.sp.web.lists.ensure(title);
    await context.sp.web.lists.ensure(title);
  });

  replay('ensureSiteAssetsLibrary', 'refused', () => context.sp.web.lists.ensureSiteAssetsLibrary());
  replay('ensureSitePagesLibrary', 'refused', () => context.sp.web.lists.ensureSitePagesLibrary());
});

describe('PnPjs List', () => {
  const ensured = async (title: string): Promise<IList> => (await context.sp.web.lists.ensure(title)).list;

  replay('effectiveBasePermissions', 'refused', async () => (await ensured('pnp testing effectiveBasePermissions')).effectiveBasePermissions());
  replay('eventReceivers', 'refused', async () => (await ensured('pnp testing eventReceivers')).eventReceivers());
  replay('relatedFields', 'refused', async () => (await ensured('pnp testing relatedFields')).relatedFields());
  replay('informationRightsManagementSettings', 'refused', async () => (await ensured('pnp testing informationRightsManagementSettings')).informationRightsManagementSettings());
  replay('update', 'pass', async () => (await ensured('pnp testing update')).update({ Title: 'New title after update' }));
  replay('getChanges', 'refused', async () => (await ensured('pnp testing getChanges')).getChanges({ Add: true, DeleteObject: true, Restore: true }));
  replay('getItemsByCAMLQuery', 'refused', async () =>
    (await ensured('pnp testing getItemsByCAMLQuery')).getItemsByCAMLQuery({ ViewXml: "<View><ViewFields><FieldRef Name='Title' /><FieldRef Name='RoleAssignments' /></ViewFields><RowLimit>5</RowLimit></View>" }, 'RoleAssignments'));
  replay('getListItemChangesSinceToken', 'refused', async () =>
    (await ensured('pnp testing getListItemChangesSinceToken')).getListItemChangesSinceToken({ Contains: '<Contains><FieldRef Name="Title"/><Value Type="Text">Testing</Value></Contains>' }));
  replay('recycle', 'refused', async () => {
    const list = await ensured('pnp testing recycle');
    const recycleResponse = await list.recycle();
    if (typeof recycleResponse !== 'string') throw new Error('Expected a string returned from recycle.');
    await expectRefusal(list.select('Title')());
  });
  replay('renderListData', 'refused', async () => {
    const list = await ensured('pnp testing renderListData');
    for (const title of ['Item 1', 'Item 2', 'Item 3']) await list.items.add({ Title: title });
    const data = await list.renderListData('<View><RowLimit>5</RowLimit></View>');
    expect(data.Row.length).toBeGreaterThan(0);
  });
  replay('renderListDataAsStream', 'refused', async () => {
    const data = await (await ensured('pnp testing renderListDataAsStream')).renderListDataAsStream({ ViewXml: '<View><RowLimit>5</RowLimit></View>' });
    expect(data.Row.length).toBeGreaterThan(0);
  });
  replay('renderListDataAsStream - advanced options', 'refused', async () =>
    (await ensured('pnp testing renderListDataAsStream')).renderListDataAsStream({ AddRequiredFields: true, RenderOptions: [RenderListDataOptions.ContextInfo, RenderListDataOptions.ListSchema], ViewXml: '<View><RowLimit>5</RowLimit></View>' }));
  replay('renderListDataAsStream - no override params', 'refused', async () =>
    (await ensured('pnp testing renderListDataAsStream')).renderListDataAsStream({ AddRequiredFields: true, ViewXml: '<View><RowLimit>5</RowLimit></View>' }));
  replay('renderListDataAsStream - query params', 'refused', async () => {
    const r = await (await ensured('pnp testing renderListDataAsStream')).renderListDataAsStream({ AddRequiredFields: false, ViewXml: '<View><RowLimit>5</RowLimit></View>' }, {}, new Map([['FilterField1', 'Title'], ['FilterValue1', 'Item 2']]));
    expect(r.Row.length).toBe(1);
  });
  replay('renderListFormData', 'refused', async () => {
    const list = await ensured('pnp testing renderListFormData');
    await list.items.add({ Title: 'Item 1' });
    await list.renderListFormData(1, 'editform', ControlMode.Edit);
  });
  replay('reserveListItemId', 'refused', () => documents().reserveListItemId());
  replay('contentTypes', 'refused', () => documents().contentTypes());
  replay('fields', 'pass', () => documents().fields());
  replay('rootFolder', 'pass', () => documents().rootFolder());
  replay('items', 'pass', () => documents().items());
  replay('views', 'pass', async () => {
    const defaultView = await documents().defaultView();
    documents().getView(defaultView.Id);
    await documents().views();
  });
  replay('subscriptions', 'refused', () => documents().subscriptions());
  replay('userCustomActions', 'refused', () => documents().userCustomActions());
  replay('delete', 'pass', async () => {
    const result = await context.sp.web.lists.add('pnp testing delete');
    await context.sp.web.lists.getById(result.Id).delete();
  });
});

describe('list properties are checked, not ignored', () => {
  it('refuses a MERGE with a property SP.List does not have, with SharePoint\'s message', async () => {
    const { list } = await context.sp.web.lists.ensure('pnp testing unknown property');
    const error = await list.update({ Colour: 'red' } as never).then(() => undefined, (e: Error & { status: number }) => e);
    expect(error?.status).toBe(400);
    expect(error?.message).toContain("The property 'Colour' does not exist on type 'SP.List'. Make sure to only use property names that are defined by the type.");
    expect((await list.select('Title')()).Title).toBe('pnp testing unknown property');
  });

  it('refuses a read-only property with a 400 and one it does not emulate with a 501 naming the path', async () => {
    const { list } = await context.sp.web.lists.ensure('pnp testing read-only property');
    expect(await list.update({ ItemCount: 3 } as never).then(() => 200, (e: { status: number }) => e.status)).toBe(400);
    const error = await list.update({ EnableModeration: true } as never).then(() => undefined, (e: Error & { status: number }) => e);
    expect(error?.status).toBe(501);
    expect(error?.message.toLowerCase()).toContain("merge _api/web/lists/getbytitle('pnp testing read-only property')");
  });
});

describe('versioning of a generic list', () => {
  it('is off by default, turned on by a MERGE, and then keeps every version of an item (newest first)', async () => {
    const { list } = await context.sp.web.lists.ensure('pnp testing versions');
    expect((await list.select('EnableVersioning')()).EnableVersioning).toBe(false);
    await list.update({ EnableVersioning: true } as never);
    expect((await list.select('EnableVersioning')()).EnableVersioning).toBe(true);
    const added = (await list.items.add({ Title: 'eerste' })) as unknown as { Id?: number; ID?: number };
    const id = Number(added.Id ?? added.ID);
    await list.items.getById(id).update({ Title: 'tweede' });
    const versions = (await list.items.getById(id).versions()) as unknown as Record<string, unknown>[];
    expect(versions.map((v) => [v.VersionLabel, v.IsCurrentVersion, v.Title])).toEqual([['2.0', true, 'tweede'], ['1.0', false, 'eerste']]);
    expect(versions[0].Editor).toMatchObject({ LookupValue: expect.any(String) });
  });
});
