import { spPost } from '@pnp/sp';
import { body } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { createSharePointDataLayer } from '../../../src/composition/dataLayer';
import { createLocalComposition } from '../../../src/composition/local';
import { LOCAL_SERVICE_LOGIN } from '../../../src/composition/localTenantIdentity';
import { GraphApprovalsReader } from '../../../src/data/graph/approvals/graphApprovalsReader';
import { GraphDossierStore } from '../../../src/data/graph/graphDossierStore';
import { GraphSite } from '../../../src/data/graph/graphSite';
import { hasDataErrorCode, isDataError } from '../../../src/data/errors';
import { eventFields } from '../../../src/data/sharepoint/itemMapping';
import { DossierColumn, EventColumn, LIST_DOSSIERS, LIST_EVENTS } from '../../../src/data/schema';
import type { DossierEvent } from '../../../src/domain/events';
import type { Actor } from '../../../src/domain/types';
import { registerCommand } from '../support/fixtures';
import { as, OWNER, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

/**
 * The security probes on the read side (issue 12): a forged event, a forged pending event, an event
 * with a payload that is not JSON and a register row without a state. The writer is the site owner
 * (who keeps write access whatever the groups get); the trusted writer is the command service's app
 * principal, so every event the owner writes in someone else's name is a forgery. The dossiers are
 * set up the way a browser wrote them before the service existed: the owner's own composition writing
 * the lists directly, each event in the owner's own name (legacy events, which replay trusts).
 */
describe('readers check writers and fail soft per record', () => {
  let tenant: RunningTenant;
  const ownerActor: Actor = { id: OWNER, displayName: 'Beheer', roles: ['dpoTeam'] };
  const karel: Actor = { id: 'karel.desmet@vsa.local', displayName: 'Karel De Smet', roles: ['chiefStatistician'] };
  const trusted = (): ReturnType<typeof createSharePointDataLayer> => createSharePointDataLayer(as(tenant, OWNER).sp, { trustedWriters: [LOCAL_SERVICE_LOGIN] });
  /** A host without trusted writers configured (what every host was before the service). */
  const unchecked = (): ReturnType<typeof createSharePointDataLayer> => createSharePointDataLayer(as(tenant, OWNER).sp);

  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
    // The owner has no VSA role, so the service would refuse (403); the site owner may still write the lists.
    const owner = createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: OWNER, commandsVia: 'direct', messaging: false }).data;
    for (const reference of ['VSA-2026-0001', 'VSA-2026-0002', 'VSA-2026-0003', 'VSA-2026-0004']) {
      expect((await owner.commands.execute(reference, registerCommand(reference, `reg-${reference}`), ownerActor)).ok).toBe(true);
    }
  }, 30000);
  afterAll(async () => tenant?.close());

  it('reads each event\'s writer (Author/Name) through SharePoint REST and Graph alike', async () => {
    const sp = await as(tenant, OWNER).data.events.readEvents('VSA-2026-0001');
    expect(sp[0].writer).toBe(`i:0#.f|membership|${OWNER}`);
    const { graph, siteUrl } = as(tenant, OWNER);
    const stream = await new GraphDossierStore(new GraphSite(graph, siteUrl)).loadStream('VSA-2026-0001');
    expect(stream.events[0].writer).toBe(`i:0#.f|membership|${OWNER}`);
    expect(stream.projection?.editor).toBe(`i:0#.f|membership|${OWNER}`);
  });

  it('a legacy event written by its own actor replays; one written in someone else\'s name is refused as tampered', async () => {
    const data = trusted();
    expect((await data.commands.load('VSA-2026-0001')).dossier?.reference).toBe('VSA-2026-0001');
    const loaded = await data.commands.load('VSA-2026-0002');
    const forged = commentCommandEvent('forged:0', 'VSA-2026-0002', karel);
    await as(tenant, OWNER).sp.web.lists.getByTitle(LIST_EVENTS).items.add(eventFields({ sequence: loaded.events.length + 1, event: forged }));
    const error = await data.commands.load('VSA-2026-0002').then(() => undefined, (e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.tampered')).toBe(true);
    expect(isDataError(error) && error.details?.eventIds).toBe('forged:0');
    await expect(data.readModel.loadDossierDetail('VSA-2026-0002')).rejects.toMatchObject({ code: 'data.error.tampered' });
    // A host without trusted writers configured still replays it (what every host did before).
    expect((await unchecked().commands.load('VSA-2026-0002')).events).toHaveLength(2);
    // Every other dossier still loads.
    expect((await data.commands.load('VSA-2026-0003')).dossier?.reference).toBe('VSA-2026-0003');
  });

  it('pending events of a projection a non-trusted writer edited are ignored and reported', async () => {
    const data = trusted();
    const loaded = await data.commands.load('VSA-2026-0003');
    const projection = loaded.stream.projection!;
    const forged = { sequence: loaded.events.length + 1, event: commentCommandEvent('pending-forged:0', 'VSA-2026-0003', karel) };
    await spPost(
      as(tenant, OWNER).sp.web.lists.getByTitle(LIST_DOSSIERS).items.getById(projection.itemId),
      body({ [DossierColumn.PendingEvents]: JSON.stringify([forged]) }, { headers: { 'IF-Match': '*', 'X-HTTP-Method': 'MERGE' } })
    );
    const after = await data.commands.load('VSA-2026-0003');
    expect(after.ignoredPendingEvents).toEqual(['pending-forged:0']);
    expect(after.events.map((item) => item.event.id)).not.toContain('pending-forged:0');
    // Without the check (today's behaviour) the forged event would have been replayed.
    expect((await unchecked().commands.load('VSA-2026-0003')).events.map((item) => item.event.id)).toContain('pending-forged:0');
  });

  it('an event whose payload is not JSON makes only its dossier unreadable, naming the item id', async () => {
    const data = trusted();
    const added = (await as(tenant, OWNER).sp.web.lists.getByTitle(LIST_EVENTS).items.add({
      [EventColumn.EventType]: 'CommentAdded',
      [EventColumn.EventId]: 'broken:0',
      [EventColumn.DossierReference]: 'VSA-2026-0004',
      [EventColumn.Sequence]: 2,
      [EventColumn.Payload]: '{not json'
    })) as { Id?: number; ID?: number; data?: { Id?: number } };
    const itemId = added.Id ?? added.ID ?? added.data?.Id;
    const error = await data.commands.load('VSA-2026-0004').then(() => undefined, (e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.unreadableEvent')).toBe(true);
    expect(isDataError(error) && error.details?.itemIds).toBe(String(itemId));
    expect((await data.commands.load('VSA-2026-0001')).dossier).toBeDefined();
  });

  it('a register row without a state is skipped and reported; the other rows still show (REST and Graph)', async () => {
    const added = (await as(tenant, OWNER).sp.web.lists.getByTitle(LIST_DOSSIERS).items.add({ Title: 'VSA-2026-9999' })) as { Id?: number; ID?: number };
    const itemId = added.Id ?? added.ID;
    const page = await trusted().dossiers.readRegisterPage({ orderBy: 'reference' });
    expect(page.rows.map((row) => row.reference)).toEqual(['VSA-2026-0001', 'VSA-2026-0002', 'VSA-2026-0003', 'VSA-2026-0004']);
    expect(page.skipped).toEqual([{ itemId, reason: 'unknown or missing state' }]);
    const { graph, siteUrl } = as(tenant, OWNER);
    const graphPage = await new GraphDossierStore(new GraphSite(graph, siteUrl)).readRegisterPage({ orderBy: 'reference' });
    expect(graphPage.rows).toHaveLength(4);
    expect(graphPage.skipped).toEqual([{ itemId, reason: 'unknown or missing state' }]);
    const screen = await trusted().readModel.loadRegisterScreen({ orderBy: 'reference' });
    expect(screen.page.skipped?.map((s) => s.itemId)).toEqual([itemId]);
  });

  it('the approvals queue names an unreadable dossier by reference and item id, and still lists the others', async () => {
    const sp = as(tenant, OWNER).sp;
    const added = (await sp.web.lists.getByTitle(LIST_DOSSIERS).items.add({
      Title: 'VSA-2026-0098', [DossierColumn.State]: 'awaitingDecision', [DossierColumn.Snapshot]: '{not json'
    })) as { Id?: number; ID?: number };
    const { graph, siteUrl } = as(tenant, OWNER);
    const queue = await new GraphApprovalsReader(new GraphSite(graph, siteUrl)).readQueue(['awaitingDecision', 'intake']);
    expect(queue.unreadable).toEqual([`VSA-2026-0098 (item ${added.Id ?? added.ID})`]);
    expect(queue.dossiers.map((entry) => entry.dossier.reference)).toContain('VSA-2026-0001');
  });
});

/** A `CommentAdded` event as the domain writes it, in the name of `actor`. */
function commentCommandEvent(id: string, reference: string, actor: Actor): DossierEvent {
  return { id, type: 'CommentAdded', dossierReference: reference, actor, at: '2026-02-01T10:00:00.000Z', text: 'Vervalst' } as DossierEvent;
}
