/**
 * PnPjs test/sp/items.ts replayed against the local tenant (see replay.ts), plus the item reads the
 * product relies on (the writer of each event through `Author` with `$expand`).
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists/web';
import '@pnp/sp/items/list';
import '@pnp/sp/batching';
import type { IList } from '@pnp/sp/lists';
import type { IItem } from '@pnp/sp/items';
import { replay, randomString, useReplayTenant } from './replay';
import { admin } from '../support';

const context = useReplayTenant();
const listTitle = 'ItemTestList';
let list: IList;
let item: IItem;

beforeAll(async () => {
  const { sp } = context;
  const ler = await sp.web.lists.ensure(listTitle, 'Used to test item operations');
  list = ler.list;
  if (ler.created) {
    const [spBatch, execute] = sp.batched();
    for (let i = 0; i < 5; i += 1) void spBatch.web.lists.getByTitle(listTitle).items.add({ Title: `Item ${randomString(4)}` });
    await execute();
  }
  const itemData = await sp.web.lists.getByTitle(listTitle).items.select('Id').top(1)<{ Id: number }[]>();
  item = sp.web.lists.getByTitle(listTitle).items.getById(itemData[0].Id);
});

describe('PnPjs items: invokable properties of IItem', () => {
  for (const property of ['effectiveBasePermissions', 'effectiveBasePermissionsForUI', 'fieldValuesAsHTML', 'fieldValuesAsText', 'fieldValuesForEdit', 'versions', 'getParentInfos', 'list', 'getWopiFrameUrl'] as const) {
    // Item versions are emulated since the institution register reads its history from them.
    const expected = property === 'list' || property === 'getParentInfos' || property === 'versions' ? 'pass' : 'refused';
    replay(property, expected, async () => {
      // testSPInvokables: each property is callable and fulfils.
      await (item as unknown as Record<string, () => Promise<unknown>>)[property]();
    });
  }
});

describe('PnPjs items', () => {
  replay('items', 'pass', async () => {
    const items = await list.items();
    expect(items.length).toBeGreaterThan(0);
  });

  replay('getById', 'pass', async () => {
    const items = await list.items.select('Id').top(1)();
    await list.items.getById(items[0].Id)();
  });

  replay('getAll', 'pass', async () => {
    const all: unknown[] = [];
    const itemCount = await list.select('ItemCount')().then((r) => r.ItemCount);
    for await (const page of list.items) all.push(...page);
    expect(all.length).toBe(itemCount);
  });

  for (const operation of ['effectiveBasePermissions', 'effectiveBasePermissionsForUI', 'fieldValuesAsHTML', 'fieldValuesAsText'] as const) {
    replay(operation, 'refused', async () => {
      const first = await list.items.top(1)().then((r) => r[0]);
      await list.items.getById(first.Id)[operation]();
    });
  }

  replay('versions', 'pass', async () => {
    const first = await list.items.top(1)().then((r) => r[0]);
    // This list keeps no versions (versioning off): the call answers with a list, which is what PnPjs needs.
    const versions = await list.items.getById(first.Id).versions<{ VersionLabel: string }[]>();
    expect(Array.isArray(versions)).toBe(true);
  });

  replay('list', 'pass', async () => {
    const first = await list.items.top(1)().then((r) => r[0]);
    const title = await list.select('Title')().then((r) => r.Title);
    const itemListTitle = await list.items.getById(first.Id).list.select('Title')().then((r) => r.Title);
    expect(itemListTitle).toBe(title);
  });

  replay('update', 'pass', async () => {
    const first = await list.items.select('Id').top(1)().then((r) => r[0]);
    const iur = await list.items.getById(first.Id).update({ Title: `Item ${randomString(4)}` });
    expect(iur).not.toBeNull();
  });

  replay('recycle', 'pass', async () => {
    const r = await list.items.add({ Title: 'Recycle Me' });
    await list.items.getById(r.Id).recycle();
  });

  replay('getWopiFrameUrl', 'refused', async () => {
    const first = await list.items.select('Id').top(1)().then((r) => r[0]);
    await list.items.getById(first.Id).getWopiFrameUrl();
  });
});

describe('item reads the product relies on', () => {
  it('reads the writer of each item with $select=Author/…,Editor/Name&$expand=Author,Editor', async () => {
    const added = await list.items.add({ Title: 'writer' });
    const items = await list.items
      .select('Id', 'Author/Name', 'Author/EMail', 'Author/Title', 'Editor/Name')
      .expand('Author', 'Editor')
      .filter(`Id eq ${added.Id}`)<{ Id: number; Author: { Name: string; EMail: string; Title: string }; Editor: { Name: string } }[]>();
    expect(items).toHaveLength(1);
    const [row] = items;
    expect(row.Author.EMail).toBe(admin);
    expect(row.Author.Name).toMatch(/beheer@vsa\.local$/);
    expect(row.Author.Title.length).toBeGreaterThan(0);
    expect(row.Editor.Name).toBe(row.Author.Name);
    // Only what was selected comes back in the expanded entity.
    expect(Object.keys(row.Author).filter((key) => !key.startsWith('odata.')).sort()).toEqual(['EMail', 'Name', 'Title']);
  });

  it('resolves getParentInfos through $expand=ParentList,ParentList/RootFolder,ParentList/ParentWeb', async () => {
    const first = await list.items.select('Id').top(1)().then((r) => r[0]);
    const infos = await list.items.getById(first.Id).getParentInfos();
    const listInfo = await list.select('Id', 'Title')();
    expect(infos.ParentList.Id).toBe(listInfo.Id);
    expect(infos.ParentList.Title).toBe(listInfo.Title);
    expect(infos.ParentList.RootFolderServerRelativeUrl).toBe(`/sites/microdata/Lists/${listTitle}`);
    expect(infos.ParentWeb.ServerRelativeUrl).toBe('/sites/microdata');
  });
});
