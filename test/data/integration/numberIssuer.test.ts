import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { SharePointDossierStore } from '../../../src/data/sharepoint/dossierStore';
import { SharePointNumberIssuer } from '../../../src/data/sharepoint/numberIssuer';
import { seriesFor } from '../../../src/domain/numbering';
import { DossierColumn, LIST_DOSSIERS, LIST_NUMBERING, NumberingColumn } from '../../../src/data/schema';
import type { Dossier } from '../../../src/domain/types';
import { as, OWNER, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

/** Only what the issuer reads of a dossier: its procedure and the protocol it adds to. */
const standard = { procedure: 'standard' } as Dossier;
const addendumOf = (protocolNumber: string): Dossier => ({ procedure: 'simplified', parentProtocolNumber: protocolNumber }) as Dossier;

describe('SharePointNumberIssuer on the local tenant', () => {
  let tenant: RunningTenant;
  const issuer = (): SharePointNumberIssuer => {
    const sp = as(tenant, OWNER).sp;
    return new SharePointNumberIssuer(sp, new SharePointDossierStore(sp), { baseDelayMs: 5, maxDelayMs: 80 });
  };

  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
  }, 30000);
  afterAll(async () => tenant?.close());

  it('names the series of a protocol year and of a protocol\'s addenda', () => {
    expect(seriesFor(standard, 2026)).toBe('PROT-2026');
    expect(seriesFor(addendumOf('PROT-2026-004'), 2027)).toBe('PROT-2026-004/A');
  });

  it('20 parallel issue() calls give 20 distinct consecutive numbers, and the counter holds the last', async () => {
    const numbers = await Promise.all(Array.from({ length: 20 }, () => issuer().issue(standard, 2030)));
    expect([...numbers].sort()).toEqual(Array.from({ length: 20 }, (_, i) => `PROT-2030-${String(i + 1).padStart(3, '0')}`));
    const counters = (await as(tenant, OWNER).sp.web.lists.getByTitle(LIST_NUMBERING).items.select('Id', 'Title', NumberingColumn.LastNumber).filter("Title eq 'PROT-2030'")()) as Record<string, unknown>[];
    expect(counters.map((c) => c[NumberingColumn.LastNumber])).toEqual([20]);
  }, 120000);

  it('a counter behind the numbers already in Dossiers starts after them (migration of an existing site)', async () => {
    const sp = as(tenant, OWNER).sp;
    await sp.web.lists.getByTitle(LIST_DOSSIERS).items.add({ Title: 'VSA-2031-0001', [DossierColumn.State]: 'published', [DossierColumn.ProtocolNumber]: 'PROT-2031-007' });
    await sp.web.lists.getByTitle(LIST_NUMBERING).items.add({ Title: 'PROT-2031', [NumberingColumn.LastNumber]: 3 });
    expect(await issuer().issue(standard, 2031)).toBe('PROT-2031-008');
    expect(await issuer().issue(standard, 2031)).toBe('PROT-2031-009');
    // Without a counter item the series starts after the numbers in use too.
    await sp.web.lists.getByTitle(LIST_DOSSIERS).items.add({ Title: 'VSA-2031-0002', [DossierColumn.State]: 'published', [DossierColumn.ProtocolNumber]: 'PROT-2031-012' });
    await sp.web.lists.getByTitle(LIST_DOSSIERS).items.add({ Title: 'VSA-2032-0001', [DossierColumn.State]: 'published', [DossierColumn.ProtocolNumber]: 'PROT-2032-002' });
    expect(await issuer().issue(standard, 2032)).toBe('PROT-2032-003');
  });

  it('numbers the addenda of a protocol in their own series, in parallel too', async () => {
    const sp = as(tenant, OWNER).sp;
    await sp.web.lists.getByTitle(LIST_DOSSIERS).items.add({
      Title: 'VSA-2031-0003', [DossierColumn.State]: 'published', [DossierColumn.ParentProtocolNumber]: 'PROT-2031-007', [DossierColumn.AddendumNumber]: 'PROT-2031-007/A1'
    });
    const numbers = await Promise.all(Array.from({ length: 5 }, () => issuer().issue(addendumOf('PROT-2031-007'), 2033)));
    expect([...numbers].sort()).toEqual(['PROT-2031-007/A2', 'PROT-2031-007/A3', 'PROT-2031-007/A4', 'PROT-2031-007/A5', 'PROT-2031-007/A6']);
  }, 60000);
});
