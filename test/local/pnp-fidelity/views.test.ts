/**
 * PnPjs test/sp/views.ts replayed against the local tenant (see replay.ts).
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/views';
import type { IList } from '@pnp/sp/lists';
import { replay, randomString, useReplayTenant } from './replay';

const context = useReplayTenant();
let list: IList;

beforeAll(async () => {
  list = (await context.sp.web.lists.ensure(`ViewTestList_${randomString(4)}`, 'Testing Views')).list;
});

describe('PnPjs Views', () => {
  replay('-invoke', 'pass', () => list.views());
  replay('defaultView', 'pass', async () => {
    const view = await list.defaultView();
    expect(view.DefaultView).toBe(true);
  });
  replay('getById', 'pass', async () => {
    const v = await list.defaultView.select('Id')<{ Id: string }>();
    await list.views.getById(v.Id)();
  });
  replay('getView', 'pass', async () => {
    const v = await list.defaultView.select('Id')<{ Id: string }>();
    expect((await list.getView(v.Id)()).Id).toBe(v.Id);
  });
  replay('getByTitle', 'pass', async () => {
    const v = await list.views.top(1).select('Title')<{ Title: string }[]>();
    expect(v.length).toBeGreaterThan(0);
    expect((await list.views.getByTitle(v[0].Title)()).Title).toBe(v[0].Title);
  });
  replay('add', 'pass', async () => {
    const viewTitle = `Test-Add-View_${randomString(4)}`;
    expect((await list.views.add(viewTitle, false)).Title).toBe(viewTitle);
  });
  replay('fields', 'pass', async () => expect(await list.defaultView.fields()).toHaveProperty('SchemaXml'));
  replay('update', 'refused', async () => {
    const r = await list.views.add(`Update-Test-View_${randomString(4)}`);
    await list.views.getById(r.Id).update({ RowLimit: 20 });
    expect((await list.views.getById(r.Id)()).RowLimit).toBe(20);
  });
  replay('renderAsHtml', 'refused', async () => expect((await list.defaultView.renderAsHtml()).length).toBeGreaterThan(0));
  replay('setViewXml', 'refused', async () => {
    const r = await list.views.add(`setViewXml-Test-View_${randomString(4)}`);
    await list.views.getById(r.Id).setViewXml("<View><Query><Where><Eq><FieldRef Name='Title'/><Value Type='Text'>Test</Value></Eq></Where></Query></View>");
  });
});

describe('PnPjs ViewFields', () => {
  replay('getSchemaXml', 'pass', async () => expect((await list.defaultView.fields.getSchemaXml()).length).toBeGreaterThan(0));
  replay('add', 'pass', async () => {
    const r = await list.views.add(`add-Test-ViewFields_${randomString(4)}`);
    await list.views.getById(r.Id).fields.add('Created');
  });
  replay('move', 'refused', async () => {
    const r = await list.views.add(`move-Test-ViewFields_${randomString(4)}`);
    await list.views.getById(r.Id).fields.add('Modified');
    await list.views.getById(r.Id).fields.move('Modified', 0);
  });
  replay('remove', 'refused', async () => {
    const r = await list.views.add(`remove-Test-ViewFields_${randomString(4)}`);
    await list.views.getById(r.Id).fields.add('Author');
    await list.views.getById(r.Id).fields.remove('Author');
  });
  replay('removeAll', 'refused', async () => {
    const r = await list.views.add(`removeAll-Test-ViewFields_${randomString(4)}`);
    await list.views.getById(r.Id).fields.removeAll();
  });
});

describe('views by key', () => {
  it("answers views('<id>') and views/getById with the one view, and its fields", async () => {
    const added = await list.views.add(`Keyed_${randomString(4)}`, false, { RowLimit: 7 });
    expect((await list.views.getById(added.Id).select('Id', 'RowLimit')()).RowLimit).toBe(7);
    await list.views.getById(added.Id).fields.add('Created');
    expect((await list.views.getById(added.Id).fields()).Items).toContain('Created');
  });
});
