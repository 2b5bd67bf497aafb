/**
 * Query options on every collection and entity of the local tenant: honoured, or refused with a clear
 * 400/501, never dropped silently (a dropped option is a wrong 200).
 */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import { useReplayTenant } from './replay';
import { admin, api, call } from '../support';

const context = useReplayTenant();
const nometadata = { headers: { Accept: 'application/json;odata=nometadata' } };
const get = (path: string) => call(context.tenant, admin, api(path), nometadata);
const messageOf = (response: { json: () => any }): string => response.json()['odata.error'].message.value;

beforeAll(async () => {
  const list = await context.sp.web.lists.add('Query options', '', 100);
  await context.sp.web.lists.getById(list.Id).items.add({ Title: 'one' });
});

describe('collections without their own query support', () => {
  it('applies $filter and $top to site users and groups', async () => {
    const users = await get(`web/siteusers?$filter=${encodeURIComponent(`Email eq '${admin}'`)}&$select=Email`);
    expect(users.json().value).toEqual([{ Email: admin }]);
    const groups = await get('web/sitegroups?$top=1&$select=Id');
    expect(groups.json().value).toHaveLength(1);
  });

  it('refuses $orderby and $skip with a 501 naming the option', async () => {
    for (const query of ['$orderby=Title', '$skip=1']) {
      const response = await get(`web/siteusers?${query}`);
      expect(response.status).toBe(501);
      expect(messageOf(response)).toContain(query.slice(0, query.indexOf('=')));
    }
    expect((await get('web/lists?$skip=1')).status).toBe(501);
  });

  it('refuses a $filter on a property the collection does not have with a 400', async () => {
    expect((await get(`web/sitegroups?$filter=${encodeURIComponent("Colour eq 'red'")}`)).status).toBe(400);
  });
});

describe('$expand and $select', () => {
  it('refuses to expand a plain property (400) or a navigation property it does not build (501)', async () => {
    const plain = await get("web/lists/getbytitle('Query options')?$expand=Title");
    expect(plain.status).toBe(400);
    const unknown = await get("web/lists/getbytitle('Query options')?$expand=ContentTypes");
    expect(unknown.status).toBe(501);
    expect(messageOf(unknown)).toContain("'ContentTypes'");
  });

  it('expands what it builds: RootFolder and ParentWeb of a list, ParentList of an item', async () => {
    const list = await get("web/lists/getbytitle('Query options')?$select=RootFolder/ServerRelativeUrl,ParentWeb/Title&$expand=RootFolder,ParentWeb");
    expect(list.json()).toEqual({ RootFolder: { ServerRelativeUrl: '/sites/microdata/Lists/Queryoptions' }, ParentWeb: { Title: 'Microdata Dossiers' } });
    const items = await get("web/lists/getbytitle('Query options')/items?$select=Title,ParentList/Title&$expand=ParentList");
    expect(items.json().value).toEqual([{ Title: 'one', ParentList: { Title: 'Query options' } }]);
  });

  it('refuses a $select of a property it does not provide (501) and Nav/Prop without $expand (400)', async () => {
    const missing = await get('web?$select=Title,AllowRssFeeds,NoSuchProperty');
    expect(missing.status).toBe(501);
    expect(messageOf(missing)).toContain("'NoSuchProperty'");
    const unexpanded = await get("web/lists/getbytitle('Query options')/items?$select=Author/Title");
    expect(unexpanded.status).toBe(400);
  });
});

describe('complex values', () => {
  it('selects ServerRelativePath/DecodedUrl without $expand, as SharePoint does', async () => {
    const web = await get('web?$select=ServerRelativePath/DecodedUrl');
    expect(web.status).toBe(200);
    expect(web.json()).toEqual({ ServerRelativePath: { DecodedUrl: '/sites/microdata' } });
  });
});
