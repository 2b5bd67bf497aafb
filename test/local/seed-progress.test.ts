/**
 * The first start's seed progress on the pages: while the seed runs, the sign-in page, the workbench
 * pages and the mailbox say that demo data is being prepared (with progress) and refresh themselves;
 * once it has ended, the real pages are served.
 */
import { productExtensions } from '../../src/local/product';
import { SeedStatus } from '../../src/local/server/seed-status';
import type { LocalTenant } from '../../src/local/server/server';
import { call, dpoTeamMember, startTenant } from './support';

const signedIn = { Cookie: `lt_persona=${encodeURIComponent(dpoTeamMember)}` };
const pagesWaitingForSeed = ['/', '/workbench/register', '/workbench/approvals', '/workbench/word', '/mailbox'];

describe('seed progress on the start-up pages', () => {
  let tenant: LocalTenant;
  let status: SeedStatus;

  beforeEach(async () => {
    status = new SeedStatus();
    tenant = await startTenant({ ...productExtensions(), seedStatus: status });
  });

  afterEach(async () => {
    await tenant.close();
  });

  it('says that demo data is being prepared, with progress, while a seed is held halfway, then serves the real page', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    // A seed run as start.ts runs it: begun, reporting through the status, ended whatever happens.
    const seedRun = (async () => {
      status.begin();
      try {
        status.report({ done: 0, total: 46 });
        status.report({ done: 12, total: 46 });
        await held;
        status.report({ done: 46, total: 46 });
      } finally {
        status.end();
      }
    })();

    for (const path of pagesWaitingForSeed) {
      const page = await call(tenant, undefined, path, { headers: signedIn });
      expect([path, page.status]).toEqual([path, 200]);
      expect(page.text).toContain('Demogegevens worden klaargezet…');
      expect(page.text).toContain('12 van 46 dossiers');
      expect(page.text).toContain('(12 of 46 dossiers)');
      expect(page.text).toMatch(/<meta http-equiv="refresh" content="\d+">/);
      expect(page.headers.get('cache-control')).toBe('no-store');
    }
    // Scripts, the APIs and sign-in keep working while the seed runs (the seed itself uses them).
    expect((await call(tenant, undefined, '/workbench/register/strings.js', { headers: signedIn })).text).toContain('__registerLocale');
    expect((await call(tenant, dpoTeamMember, '/graph/v1.0/me')).json().mail).toBe(dpoTeamMember);

    release();
    await seedRun;
    const page = await call(tenant, undefined, '/workbench/register', { headers: signedIn });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Dossierregister – lokale werkbank</title>');
    expect(page.text).not.toContain('Demogegevens worden klaargezet');
  });

  it('shows no count before the seed knows how many dossiers it plans', async () => {
    status.begin();
    const page = await call(tenant, undefined, '/workbench/register', { headers: signedIn });
    expect(page.text).toContain('Demogegevens worden klaargezet…');
    expect(page.text).not.toContain(' van ');
    status.end();
  });

  it('serves the real pages when no seed runs', async () => {
    const page = await call(tenant, undefined, '/', { headers: signedIn });
    expect(page.text).toContain('Aangemeld als <strong>An Peeters</strong>');
    expect(page.text).not.toContain('Demogegevens worden klaargezet');
  });
});
