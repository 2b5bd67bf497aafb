/**
 * Graph through the real @microsoft/microsoft-graph-client (auth → RetryHandler → HTTPMessageHandler)
 * and raw fetch: me, memberOf, sites, lists, items with expand=fields(select=…), filters with and
 * without the Prefer header, PATCH with If-Match, JSON $batch, sendMail, activity notifications,
 * mailbox messages, retry on 429.
 */
import { RetryHandlerOptions, type Client } from '@microsoft/microsoft-graph-client';
import { followableGraphLink, localGraph } from '../../src/local/clients';
import type { LocalTenant } from '../../src/local/server/server';
import { admin, call, dpoTeamMember, guest, hostileTitle, provision, startTenant, statistician } from './support';

let tenant: LocalTenant;
let graph: Client;
let siteId: string;

beforeAll(async () => {
  tenant = await startTenant();
  await provision(tenant);
  graph = localGraph(tenant.graphBaseUrl, dpoTeamMember, new RetryHandlerOptions(0, 3));
  siteId = (await graph.api('/sites/localhost:/sites/microdata').get()).id;
});

afterAll(async () => {
  await tenant.close();
});

async function graphStatus(request: Promise<unknown>): Promise<number> {
  try {
    await request;
    return 200;
  } catch (error) {
    return (error as { statusCode: number }).statusCode;
  }
}

describe('directory', () => {
  it('returns /me and /me/memberOf', async () => {
    const me = await graph.api('/me').get();
    expect(me).toEqual(expect.objectContaining({ displayName: 'An Peeters', mail: dpoTeamMember, userPrincipalName: dpoTeamMember }));
    expect(me.id).toMatch(/^[0-9a-f-]{36}$/);
    const groups = await graph.api('/me/memberOf').get();
    expect(groups.value.map((g: { displayName: string }) => g.displayName)).toEqual(['VSA DPO-team']);
    const selected = await graph.api('/me').select('displayName').get();
    expect(Object.keys(selected).filter((k) => !k.startsWith('@'))).toEqual(['displayName']);
  });

  it('answers 401 in Graph shape without identity', async () => {
    const response = await call(tenant, undefined, '/graph/v1.0/me');
    expect(response.status).toBe(401);
    expect(response.json().error.code).toBe('InvalidAuthenticationToken');
  });
});

describe('sites, lists and items', () => {
  it('resolves the site by path and id, and lists its lists', async () => {
    expect(siteId).toMatch(/^localhost,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    const site = await graph.api(`/sites/${siteId}`).get();
    expect(site.webUrl).toBe(`${tenant.baseUrl}/sites/microdata`);
    const lists = await graph.api(`/sites/${siteId}/lists`).get();
    expect(lists.value.map((l: { displayName: string }) => l.displayName).sort()).toEqual(['Dossierdocumenten', 'Dossiergebeurtenissen', 'Dossiers']);
    expect(lists.value.find((l: { displayName: string }) => l.displayName === 'Dossierdocumenten').list.template).toBe('documentLibrary');
  });

  it('creates, reads and patches an item with If-Match; a stale eTag is a 412', async () => {
    const created = await graph.api(`/sites/${siteId}/lists/Dossiers/items`).post({ fields: { Title: hostileTitle, State: 'intake', Amount: 2 } });
    expect(created.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(created.fields.Title).toBe(hostileTitle);
    const read = await graph.api(`/sites/${siteId}/lists/Dossiers/items/${created.id}`).expand('fields(select=Title,State)').get();
    expect(read.fields).toEqual({ '@odata.etag': created.eTag, Title: hostileTitle, State: 'intake' });
    const patched = await graph.api(`/sites/${siteId}/lists/Dossiers/items/${created.id}/fields`).header('If-Match', created.eTag).patch({ State: 'preliminary' });
    expect(patched.State).toBe('preliminary');
    expect(patched.Title).toBe(hostileTitle);
    expect(await graphStatus(graph.api(`/sites/${siteId}/lists/Dossiers/items/${created.id}/fields`).header('If-Match', created.eTag).patch({ State: 'intake' }))).toBe(412);
    expect(await graphStatus(graph.api(`/sites/${siteId}/lists/Dossiers/items`).post({ fields: { Colour: 'red' } }))).toBe(400);
  });

  it('needs the Prefer header to filter on a non-indexed column, and pages with @odata.nextLink', async () => {
    for (let i = 0; i < 5; i += 1) await graph.api(`/sites/${siteId}/lists/Dossiers/items`).post({ fields: { Title: `g${i}`, Requester: 'graph paging', State: 'intake' } });
    const filter = "fields/Requester eq 'graph paging'";
    expect(await graphStatus(graph.api(`/sites/${siteId}/lists/Dossiers/items`).filter(filter).get())).toBe(400);
    const titles: string[] = [];
    let page = await graph.api(`/sites/${siteId}/lists/Dossiers/items`).header('Prefer', 'HonorNonIndexedQueriesWarningMayFailRandomly').filter(filter).expand('fields(select=Title)').orderby('fields/Title desc').top(2).get();
    for (;;) {
      titles.push(...page.value.map((i: { fields: { Title: string } }) => i.fields.Title));
      if (!page['@odata.nextLink']) break;
      page = await graph.api(followableGraphLink(page['@odata.nextLink'])).header('Prefer', 'HonorNonIndexedQueriesWarningMayFailRandomly').get();
    }
    expect(titles).toEqual(['g4', 'g3', 'g2', 'g1', 'g0']);
    const indexed = await graph.api(`/sites/${siteId}/lists/Dossiers/items`).filter("fields/State eq 'intake'").expand('fields(select=Title)').top(100).get();
    expect(indexed.value.filter((i: { fields: { Title: string } }) => /^g\d$/.test(i.fields.Title))).toHaveLength(5);
    const mixed = await graph.api(`/sites/${siteId}/lists/Dossiers/items`).header('Prefer', 'HonorNonIndexedQueriesWarningMayFailRandomly').filter("fields/State eq 'intake' and startswith(fields/Title,'g')").expand('fields').get();
    expect(mixed.value).toHaveLength(5);
  });
});

describe('JSON $batch', () => {
  it('runs requests with dependsOn and answers 424 when a dependency failed', async () => {
    const body = {
      requests: [
        { id: '1', method: 'GET', url: '/me' },
        { id: '2', method: 'GET', url: `/sites/${siteId}/lists/Nope` },
        { id: '3', method: 'POST', url: `/sites/${siteId}/lists/Dossiers/items`, headers: { 'Content-Type': 'application/json' }, body: { fields: { Title: 'from batch' } }, dependsOn: ['1'] },
        { id: '4', method: 'GET', url: '/me/memberOf', dependsOn: ['2'] }
      ]
    };
    const result = await graph.api('/$batch').post(body);
    const byId = Object.fromEntries(result.responses.map((r: { id: string; status: number; body: unknown }) => [r.id, r]));
    expect(byId['1'].status).toBe(200);
    expect(byId['2'].status).toBe(404);
    expect(byId['3'].status).toBe(201);
    expect(byId['3'].body.fields.Title).toBe('from batch');
    expect(byId['4'].status).toBe(424);
  });

  it('refuses more than 20 requests and duplicate ids', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    expect(await graphStatus(graph.api('/$batch').post({ requests: many }))).toBe(400);
    expect(await graphStatus(graph.api('/$batch').post({ requests: [{ id: 'a', method: 'GET', url: '/me' }, { id: 'a', method: 'GET', url: '/me' }] }))).toBe(400);
  });

  it('throttles an inner request from the fault queue individually', async () => {
    tenant.faults.enqueue({ status: 429, pathContains: '/memberOf', times: 1 });
    const result = await graph.api('/$batch').post({ requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: '/me/memberOf' }] });
    const statuses = Object.fromEntries(result.responses.map((r: { id: string; status: number }) => [r.id, r.status]));
    expect(statuses).toEqual({ '1': 200, '2': 429 });
  });
});

describe('mail, notifications and mailbox', () => {
  it('stores sendMail (202) and sendActivityNotification (204) in the outbox', async () => {
    await graph.api('/me/sendMail').post({ message: { subject: 'Formulieren opgevraagd', body: { contentType: 'Text', content: 'Beste' }, toRecipients: [{ emailAddress: { address: 'aanvrager@example.org' } }] } });
    await graph.api('/users/data-aanvragen@vsa.local/sendMail').post({ message: { subject: 'Vanuit gedeelde mailbox', toRecipients: [{ emailAddress: { address: 'x@example.org' } }] } });
    const me = await localGraph(tenant.graphBaseUrl, statistician).api('/me').get();
    await graph.api(`/users/${me.id}/teamwork/sendActivityNotification`).post({ topic: { source: 'text', value: 'Dossier VSA-2026-0001', webUrl: 'https://teams.microsoft.com/l/entity/x' }, activityType: 'dossierAssigned', previewText: { content: 'Nieuw dossier toegewezen' } });
    const outbox = (await call(tenant, undefined, '/_local/outbox')).json().value as { kind: string; sender: string; recipients: string[]; subject: string }[];
    expect(outbox.map((e) => [e.kind, e.sender, e.recipients, e.subject])).toEqual([
      ['activity', dpoTeamMember, [statistician], 'Nieuw dossier toegewezen'],
      ['mail', 'data-aanvragen@vsa.local', ['x@example.org'], 'Vanuit gedeelde mailbox'],
      ['mail', dpoTeamMember, ['aanvrager@example.org'], 'Formulieren opgevraagd']
    ]);
    expect(await graphStatus(graph.api('/me/sendMail').post({ message: { subject: 'no recipients' } }))).toBe(400);
  });

  it('lists shared-mailbox messages and their attachments', async () => {
    const added = await call(tenant, undefined, '/_local/mail-messages', {
      method: 'POST',
      body: JSON.stringify({ mailbox: 'data-aanvragen@vsa.local', message: { subject: 'Aanvraag microdata', from: { emailAddress: { address: 'onderzoeker@example.org' } } }, attachments: [{ name: 'aanvraag.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', contentBase64: Buffer.from('docx-bytes').toString('base64') }] })
    });
    expect(added.status).toBe(201);
    const messages = await graph.api('/users/data-aanvragen@vsa.local/messages').get();
    expect(messages.value[0]).toEqual(expect.objectContaining({ subject: 'Aanvraag microdata', hasAttachments: true }));
    const attachments = await graph.api(`/users/data-aanvragen@vsa.local/messages/${messages.value[0].id}/attachments`).get();
    expect(Buffer.from(attachments.value[0].contentBytes, 'base64').toString()).toBe('docx-bytes');
    expect(await graphStatus(localGraph(tenant.graphBaseUrl, guest).api('/users/data-aanvragen@vsa.local/messages').get())).toBe(403);
  });
});

describe('Graph RetryHandler against injected throttling', () => {
  it('retries a queued 429 transparently', async () => {
    tenant.faults.enqueue({ status: 429, pathContains: '/graph/v1.0/me', times: 2, retryAfterSeconds: 0 });
    const me = await graph.api('/me').get();
    expect(me.mail).toBe(dpoTeamMember);
    expect(tenant.faults.pending).toBe(0);
  });

  it('retries X-Local-Fault: throttle-once honouring Retry-After', async () => {
    const me = await graph.api('/me').header('X-Local-Fault', 'throttle-once:graph-1').get();
    expect(me.mail).toBe(dpoTeamMember);
    // The key is spent only by a request that got the 429; a fresh key would throttle this call.
    expect((await call(tenant, dpoTeamMember, '/graph/v1.0/me', { headers: { 'X-Local-Fault': 'throttle-once:graph-1' } })).status).toBe(200);
    expect((await call(tenant, dpoTeamMember, '/graph/v1.0/me', { headers: { 'X-Local-Fault': 'throttle-once:graph-unused' } })).status).toBe(429);
  });

  it('lets the site owner read but the guest only /me', async () => {
    expect(await graphStatus(localGraph(tenant.graphBaseUrl, admin).api(`/sites/${siteId}/lists`).get())).toBe(200);
    expect(await graphStatus(localGraph(tenant.graphBaseUrl, guest).api('/me').get())).toBe(200);
    expect(await graphStatus(localGraph(tenant.graphBaseUrl, guest).api(`/sites/${siteId}/lists`).get())).toBe(403);
  });
});
