/**
 * Sign-in page, outbox page, persona cookie, the pages given to `startLocalTenant`, escaping.
 */
import type { LocalPage } from '../../src/local/server/pages';
import type { LocalTenant } from '../../src/local/server/server';
import { call, dpoTeamMember, startTenant } from './support';

let tenant: LocalTenant;

beforeAll(async () => {
  tenant = await startTenant();
});

afterAll(async () => {
  await tenant.close();
});

describe('sign-in page', () => {
  it('lists the personas per role in Dutch and links to the workbench and outbox', async () => {
    const page = await call(tenant, undefined, '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('<html lang="nl">');
    for (const text of ['VSA DPO-team', 'VSA Statistici', 'VSA DPO', 'VSA Hoofdstatisticus', 'An Peeters', 'Els Vermeulen', 'Gast', '/workbench/register', '/workbench/approvals', '/workbench/word', '/outbox']) {
      expect(page.text).toContain(text);
    }
    expect(page.text).toContain('Niet aangemeld');
  });

  it('sets the lt_persona cookie on sign-in and shows who is signed in', async () => {
    const response = await fetch(`${tenant.baseUrl}/signin`, { method: 'POST', body: new URLSearchParams({ email: dpoTeamMember }), redirect: 'manual' });
    expect(response.status).toBe(303);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^lt_persona=an\.peeters%40vsa\.local; Path=\/; HttpOnly; SameSite=Lax/);
    const page = await call(tenant, undefined, '/', { headers: { Cookie: cookie.split(';')[0] } });
    expect(page.text).toContain('Aangemeld als <strong>An Peeters</strong>');
    expect(page.text).toMatch(/aria-current="true">An Peeters/);
    expect(page.text.match(/<button type="submit" aria-current="true">/g)).toHaveLength(1);
  });
});

describe('outbox page', () => {
  it('shows stored mails with every value escaped', async () => {
    tenant.store.outbox.add({ kind: 'mail', sender: dpoTeamMember, recipients: ['a@example.org'], subject: '<img src=x onerror=alert(1)> & "quotes"', payload: { body: '<script>alert(1)</script>' } });
    const page = await call(tenant, undefined, '/outbox');
    expect(page.text).toContain('&#60;img src=x onerror=alert(1)&#62; &#38; &#34;quotes&#34;');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});

describe('pages of startLocalTenant', () => {
  const echo: LocalPage = {
    path: '/workbench/test',
    handler: (request, context) => ({ status: 200, headers: { 'content-type': 'text/plain' }, body: `${request.url.pathname} as ${context.persona?.title ?? 'nobody'}` }),
    prefix: true,
    title: 'Test & <b>proef</b>'
  };
  let withPages: LocalTenant;

  beforeAll(async () => {
    withPages = await startTenant({ pages: [echo, { path: '/workbench/test/deeper', handler: () => ({ status: 200, headers: {}, body: 'deeper' }), prefix: true }] });
  });

  afterAll(async () => {
    await withPages.close();
  });

  it('serves the given pages, exact and by the longest prefix, with the persona', async () => {
    expect((await call(withPages, undefined, '/workbench/test')).text).toBe('/workbench/test as nobody');
    const nested = await call(withPages, undefined, '/workbench/test/app.js', { headers: { Cookie: `lt_persona=${encodeURIComponent(dpoTeamMember)}` } });
    expect(nested.text).toBe('/workbench/test/app.js as An Peeters');
    expect((await call(withPages, undefined, '/workbench/test/deeper/x.js')).text).toBe('deeper');
  });

  it('links pages with a title from the sign-in page, escaped', async () => {
    const page = await call(withPages, undefined, '/');
    expect(page.text).toContain('<a href="/workbench/test">Test &#38; &#60;b&#62;proef&#60;/b&#62;</a>');
  });

  it('serves no page it was not given, and 404s unknown pages in Dutch', async () => {
    expect((await call(tenant, undefined, '/workbench/test')).status).toBe(404);
    const missing = await call(withPages, undefined, '/workbench/none');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Deze pagina bestaat niet');
  });

  it('refuses to start with a page that would shadow the APIs or a path given twice', async () => {
    const handler: LocalPage['handler'] = () => ({ status: 200, headers: {} });
    await expect(startTenant({ pages: [{ path: '/sites/microdata/x', handler }] })).rejects.toThrow(/must not shadow/);
    await expect(startTenant({ pages: [{ path: '/x', handler }, { path: '/x', handler }] })).rejects.toThrow(/given twice/);
  });
});
