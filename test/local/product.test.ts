/**
 * The product's pages and Graph routes as `npm start` serves them (`src/local/product.ts`): every
 * page answers 200 with its title, and every workbench script bundle builds and is served. A page or
 * bundle that fails to load fails here (the tenant no longer skips extensions that fail to load).
 */
import { productExtensions } from '../../src/local/product';
import type { LocalTenant } from '../../src/local/server/server';
import { call, dpoTeamMember, startTenant } from './support';

const signedIn = { Cookie: `lt_persona=${encodeURIComponent(dpoTeamMember)}` };
let tenant: LocalTenant;

beforeAll(async () => {
  tenant = await startTenant(productExtensions());
});

afterAll(async () => {
  await tenant.close();
});

describe('the product on the local tenant', () => {
  it('lists the workbench pages and the mailbox, and routes the intake through Graph', () => {
    const { pages, graphRoutes } = productExtensions();
    expect(pages.filter((page) => page.title !== undefined).map((page) => page.path).sort()).toEqual(['/mailbox', '/workbench/approvals', '/workbench/register', '/workbench/word']);
    expect(graphRoutes.length).toBeGreaterThan(0);
  });

  it.each([
    ['/', 'Microdata Dossiers – lokale tenant'],
    ['/workbench/register', '<title>Dossierregister – lokale werkbank</title>'],
    ['/workbench/register?lang=en', '<title>Dossier register – local workbench</title>'],
    ['/workbench/approvals', '<title>Goedkeuringen'],
    ['/workbench/word', '<title>Werkbank – Word-add-in (formuliercontrole)</title>'],
    ['/mailbox', '<h1>Gedeelde mailbox'],
    ['/outbox', '<h1>Uitgaande berichten']
  ])('serves %s', async (path, marker) => {
    const page = await call(tenant, undefined, path, { headers: signedIn });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain(marker);
  });

  it('builds and serves every script the workbench pages load', async () => {
    const scripts = ['/workbench/register', '/workbench/approvals', '/workbench/word'];
    const referenced: string[] = [];
    for (const path of scripts) {
      const page = await call(tenant, undefined, path, { headers: signedIn });
      const sources = [...page.text.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&'));
      expect(sources.some((source) => source.endsWith('/app.js'))).toBe(true);
      referenced.push(...sources);
    }
    expect(referenced.length).toBeGreaterThanOrEqual(5);
    for (const source of referenced) {
      const script = await call(tenant, undefined, source, { headers: signedIn });
      expect([source, script.status]).toEqual([source, 200]);
      expect(script.headers.get('content-type')).toContain('javascript');
      expect(script.text.length).toBeGreaterThan(source.includes('strings.js') ? 100 : 10_000);
    }
    const sample = await call(tenant, undefined, '/workbench/word/sample.docx', { headers: signedIn });
    expect(sample.status).toBe(200);
    expect(sample.text.startsWith('PK')).toBe(true);
  }, 240_000);
});
