/**
 * PnPjs test/sp/batch.ts replayed against the local tenant (see replay.ts). The test user of
 * "Cloned Requests (not items.add)" is a persona of the local directory.
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists/web';
import '@pnp/sp/items/list';
import '@pnp/sp/files/item';
import '@pnp/sp/files';
import '@pnp/sp/folders/list';
import '@pnp/sp/lists';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import { Web } from '@pnp/sp/webs';
import { createBatch } from '@pnp/sp/batching';
import { CheckinType } from '@pnp/sp/files';
import { AssignFrom } from '@pnp/core';
import type { IItem } from '@pnp/sp/items';
import { replay, randomString, useReplayTenant } from './replay';
import { statistician } from '../support';

const context = useReplayTenant();
let listId = '';

beforeAll(async () => {
  const { data, created } = await context.sp.web.lists.ensure(`BatchingTest_${randomString(4)}`);
  listId = data.Id;
  if (created) {
    const [batch, execute] = context.sp.web.batched();
    const list = batch.lists.getById(data.Id);
    for (const title of ['Item 1', 'Item 2', 'Item 3']) void list.items.add({ Title: title });
    await execute();
  }
});

describe('PnPjs Batching', () => {
  replay('Single Request', 'pass', async () => {
    const order: number[] = [];
    const [batchedSP, execute] = context.sp.batched();
    void batchedSP.web().then(() => order.push(1));
    await execute();
    order.push(2);
    expect(order).toEqual([1, 2]);
  });
  replay('Even # Requests', 'pass', async () => {
    const order: number[] = [];
    const [batchedSP, execute] = context.sp.batched();
    void batchedSP.web().then(() => order.push(1));
    void batchedSP.web.lists().then(() => order.push(2));
    await execute();
    order.push(3);
    expect(order).toEqual([1, 2, 3]);
  });
  replay('Odd # Requests', 'pass', async () => {
    const order: number[] = [];
    const [batchedSP, execute] = context.sp.batched();
    void batchedSP.web().then(() => order.push(1));
    void batchedSP.web.lists().then(() => order.push(2));
    void batchedSP.web.lists.top(1)().then(() => order.push(3));
    await execute();
    order.push(4);
    expect(order).toEqual([1, 2, 3, 4]);
  });
  replay('Cloned Requests', 'pass', async () => {
    const order: number[] = [];
    const ler = await context.sp.web.lists.ensure('BatchItemAddTest');
    expect(ler.data).toBeTruthy();
    const [batchedSP, execute] = context.sp.batched();
    void batchedSP.web.lists.getByTitle('BatchItemAddTest').items.add({ Title: 'Hello 1' }).then(() => order.push(1));
    void batchedSP.web.lists.getByTitle('BatchItemAddTest').items.add({ Title: 'Hello 2' }).then(() => order.push(2));
    await execute();
    order.push(3);
    expect(order).toEqual([1, 2, 3]);
  });
  replay('Cloned Requests (not items.add)', 'refused', async () => {
    const { Id: groupId } = await context.sp.web.associatedVisitorGroup.select('Id')<{ Id: number }>();
    const order: number[] = [];
    const [batchedSP, execute] = context.sp.batched();
    void batchedSP.web.siteGroups.getById(groupId).users().then(() => order.push(1));
    void batchedSP.web.siteGroups.getById(groupId).users.add(statistician).then(() => order.push(2));
    await execute();
    order.push(3);
    expect(order).toEqual([1, 2, 3]);
  });
  replay('Complex Ordering', 'refused', async () => {
    const fileName = `MyFile${randomString(4)}.txt`;
    const ler = await context.sp.web.lists.ensure('BatchOrderingTest', '', 101);
    const far = await ler.list.rootFolder.files.addUsingPath(fileName, 'Some content');
    const item = await ler.list.rootFolder.files.getByUrl(far.Name).getItem();
    const order: number[] = [];
    const [batchedSP, execute] = context.sp.batched();
    item.using(AssignFrom(batchedSP.web));
    const parts = [
      item.file.checkout().then(() => order.push(1)),
      item.update({ Title: 'test.txt' }).then(() => order.push(2)),
      item.file.checkin('', CheckinType.Major).then(() => order.push(3))
    ];
    await execute();
    await Promise.all(parts);
    order.push(4);
    expect(order.sort()).toEqual([1, 2, 3, 4]);
  });
  replay('Web batch', 'pass', async () => {
    const order: number[] = [];
    const [batchedWeb, execute] = context.sp.web.batched();
    void batchedWeb().then(() => order.push(1));
    void batchedWeb.lists().then(() => order.push(2));
    await execute().then(() => order.push(3));
    expect(order).toEqual([1, 2, 3]);
  });
  replay('Should work with the same Queryable when properly cloned (Advanced)', 'pass', async () => {
    const web = context.sp.web;
    const [batchedBehavior, execute] = createBatch(web);
    web.using(batchedBehavior);
    void web();
    void context.sp.web.using(batchedBehavior)();
    void context.sp.web.using(batchedBehavior)();
    void context.sp.web.using(batchedBehavior)();
    await execute();
  });
  replay('Should work with the same Queryable when properly cloned by factory (Advanced)', 'pass', async () => {
    const web = context.sp.web;
    const [batchedBehavior, execute] = createBatch(web);
    web.using(batchedBehavior);
    void Web(web).using(batchedBehavior)();
    void Web(web).using(batchedBehavior)();
    void Web(web).using(batchedBehavior)();
    await execute();
  });
  // PnPjs' "Should fail with the same Queryable (Advanced)" awaits neither of its expectations and never
  // reaches the server (the batch with the same queryable registered twice never settles): it checks
  // client-side reuse only, so it is not replayed and not counted.
  replay('Should rebase objects to allow queries on returned objects', 'pass', async () => {
    const titles = [randomString(5), randomString(5), randomString(5)];
    const titles2 = [randomString(5), randomString(5), randomString(5)];
    const res: IItem[] = [];
    const ids: number[] = [];
    const { list } = await context.sp.web.lists.ensure('BatchTestRebase');
    const [batchedBehavior, execute] = createBatch(list);
    list.using(batchedBehavior);
    const adds = titles.map((title) => list.items.add({ Title: title }).then((r) => {
      ids.push(r.Id);
      res.push(list.items.getById(r.Id));
    }));
    await execute();
    await Promise.all(adds);
    for (let i = 0; i < 3; i += 1) expect(await res[i].select('Title')()).toHaveProperty('Title', titles[i]);
    const updateList = context.sp.web.lists.getByTitle('BatchTestRebase');
    const [batchedBehavior2, execute2] = createBatch(updateList);
    updateList.using(batchedBehavior2);
    res.length = 0;
    const updates = ids.map((id, i) => updateList.items.getById(id).update({ Title: titles2[i] }).then(() => {
      res.push(updateList.items.getById(id));
    }));
    await execute2();
    await Promise.all(updates);
    for (let i = 0; i < 3; i += 1) expect(await res[i].select('Title')()).toHaveProperty('Title', titles2[i]);
  });
  replay('Should work for multi-line responses (renderListDataAsStream)', 'refused', async () => {
    const [batch, execute] = context.sp.web.batched();
    const part = batch.lists.getById(listId).renderListDataAsStream({ AddAllFields: true });
    await execute();
    expect((await part).Row).toBeInstanceOf(Array);
  });
});
