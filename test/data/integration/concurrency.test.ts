import { createLocalComposition } from '../../../src/composition/local';
import { LOCAL_SERVICE_LOGIN } from '../../../src/composition/localTenantIdentity';
import { CommandService } from '../../../src/data/commandService';
import { hasDataErrorCode } from '../../../src/data/errors';
import type { DossierStore } from '../../../src/data/ports';
import { SharePointEventStore } from '../../../src/data/sharepoint/eventStore';
import { assignCommand, registerCommand } from '../support/fixtures';
import { AN, as, JEROEN, OWNER, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

/** A store whose loads wait at a barrier, so two transitions read the same version before either writes. */
function pausingStore(store: DossierStore, barrier: Promise<void>, arrived: () => void): DossierStore {
  return Object.assign(Object.create(store) as DossierStore, {
    loadStream: async (reference: string) => {
      const stream = await store.loadStream(reference);
      arrived();
      await barrier;
      return stream;
    }
  });
}

describe('concurrent transitions on one dossier', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
  });
  afterAll(async () => tenant?.close());

  it('exactly one wins, the other gets a conflict; the log has no duplicate and no gap', async () => {
    const an = as(tenant, AN).data;
    const jeroen = as(tenant, JEROEN).data;
    const anActor = await an.directory.currentActor();
    const jeroenActor = await jeroen.directory.currentActor();
    const reference = 'VSA-2026-0001';
    expect((await an.commands.execute(reference, registerCommand(reference, 'reg'), anActor)).ok).toBe(true);
    expect((await an.commands.execute(reference, assignCommand('assign'), anActor)).ok).toBe(true);

    let release!: () => void;
    const barrier = new Promise<void>((resolve) => (release = resolve));
    let waiting = 0;
    const arrived = (): void => {
      waiting++;
      if (waiting === 2) release();
    };
    // Only the first load of each service waits; the retry after 412 reloads freely.
    const once = (store: DossierStore): DossierStore => {
      let first = true;
      const paused = pausingStore(store, barrier, arrived);
      return Object.assign(Object.create(store) as DossierStore, {
        loadStream: (reference: string) => {
          if (!first) return store.loadStream(reference);
          first = false;
          return paused.loadStream(reference);
        }
      });
    };
    // Two instances of the trusted writer (the service's app-only identity on the lists; members only
    // read them), each acting for its caller: the race is between their If-Match writes.
    const instance = (): ReturnType<typeof createLocalComposition>['data'] =>
      createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service', commandsVia: 'direct', messaging: false }).data;
    const [writerA, writerB] = [instance(), instance()];
    const serviceA = new CommandService({ dossiers: once(writerA.dossiers), events: writerA.events, trustedWriters: [LOCAL_SERVICE_LOGIN] });
    const serviceB = new CommandService({ dossiers: once(writerB.dossiers), events: writerB.events, trustedWriters: [LOCAL_SERVICE_LOGIN] });
    const results = await Promise.allSettled([
      serviceA.execute(reference, { type: 'withdraw', commandId: 'w-an', reason: 'Ingetrokken per mail' }, anActor),
      serviceB.execute(reference, { type: 'withdraw', commandId: 'w-jeroen', reason: 'Ingetrokken per telefoon' }, jeroenActor)
    ]);
    const won = results.filter((r) => r.status === 'fulfilled' && r.value.ok);
    const conflicts = results.filter((r) => r.status === 'rejected' && hasDataErrorCode(r.reason, 'data.error.conflict'));
    expect(won).toHaveLength(1);
    expect(conflicts).toHaveLength(1);

    const log = await new SharePointEventStore(as(tenant, OWNER).sp).readEvents(reference);
    const raw = (await as(tenant, OWNER)
      .sp.web.lists.getByTitle('Dossiergebeurtenissen')
      .items.select('EventId', 'Sequence')
      .filter(`DossierReference eq '${reference}'`)()) as { EventId: string; Sequence: number }[];
    expect(raw).toHaveLength(3);
    expect(new Set(raw.map((r) => r.EventId)).size).toBe(3);
    expect(raw.map((r) => r.Sequence).sort()).toEqual([1, 2, 3]);
    expect(log.filter((e) => e.event.type === 'Withdrawn')).toHaveLength(1);
    const detail = await an.readModel.loadDossierDetail(reference);
    expect(detail.dossier?.state).toBe('withdrawn');
    expect(detail.stream.projection?.eventCount).toBe(3);
  });

  it('two compatible transitions both land after one retry (no lost update)', async () => {
    const an = as(tenant, AN).data;
    const jeroen = as(tenant, JEROEN).data;
    const anActor = await an.directory.currentActor();
    const jeroenActor = await jeroen.directory.currentActor();
    const reference = 'VSA-2026-0002';
    expect((await an.commands.execute(reference, registerCommand(reference, 'reg2'), anActor)).ok).toBe(true);
    const results = await Promise.all([
      an.commands.execute(reference, { type: 'addComment', commandId: 'c-an', text: 'Eerste' }, anActor),
      jeroen.commands.execute(reference, { type: 'addComment', commandId: 'c-jeroen', text: 'Tweede' }, jeroenActor)
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const detail = await an.readModel.loadDossierDetail(reference);
    expect(detail.events.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(detail.dossier?.comments.map((c) => c.text).sort()).toEqual(['Eerste', 'Tweede']);
  });
});
