/**
 * Five clients register the same reference at the same moment, through SharePoint REST (PnPjs) and
 * through Microsoft Graph. Both dossier stores must resolve it the same way: the list cannot refuse a
 * second item, so the lowest item id wins; the other clients see `data.error.conflict`, and exactly one
 * dossier with one event remains.
 */
import { createLocalComposition } from '../../../src/composition/local';
import { LOCAL_SERVICE_LOGIN } from '../../../src/composition/localTenantIdentity';
import { CommandService, type CommandOutcome } from '../../../src/data/commandService';
import { hasDataErrorCode } from '../../../src/data/errors';
import { GraphDossierStore } from '../../../src/data/graph/graphDossierStore';
import { GraphSite } from '../../../src/data/graph/graphSite';
import type { DossierStore, EventStore } from '../../../src/data/ports';
import { DossierColumn, EventColumn, LIST_DOSSIERS, LIST_EVENTS } from '../../../src/data/schema';
import type { Actor } from '../../../src/domain/types';
import { registerCommand } from '../support/fixtures';
import { AN, as, JEROEN, KAREL, OWNER, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

const CLIENTS = 5;
/** DPO-team members (Karel is also in the DPO team); clients 4 and 5 act as An and Jeroen again. */
const PERSONAS = [AN, JEROEN, KAREL, AN, JEROEN];

/**
 * A meeting point for `size` callers: each waits until all have arrived. Reused round after round,
 * so every read of a dossier that does not exist yet is held until all clients made the same read:
 * nobody writes before everybody has seen the reference free.
 */
function meetingPoint(size: number): () => Promise<void> {
  let waiting: (() => void)[] = [];
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (waiting.length === size) {
        const everyone = waiting;
        waiting = [];
        for (const release of everyone) release();
      }
    });
}

/** The store, with reads of a not-yet-existing dossier held at the meeting point (also reads the store makes itself). */
function meetingBeforeCreation<S extends DossierStore & EventStore>(store: S, meet: () => Promise<void>): S {
  const wrapper = Object.create(store) as S;
  wrapper.loadStream = async (reference: string) => {
    const stream = await store.loadStream.call(wrapper, reference);
    if (!stream.projection) await meet();
    return stream;
  };
  return wrapper;
}

type Api = 'SharePoint REST' | 'Graph';

/** One instance of the trusted writer's stores on the given API (the service's identity; the actor comes with the command). */
function storesOf(tenant: RunningTenant, api: Api): DossierStore & EventStore {
  const composition = createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service', commandsVia: 'direct', messaging: false });
  if (api === 'Graph') return new GraphDossierStore(new GraphSite(composition.graph, composition.siteUrl), { sleep: async () => undefined });
  const { dossiers, events } = composition.data;
  return Object.assign(Object.create(dossiers) as DossierStore, {
    readEvents: events.readEvents.bind(events),
    appendEvents: events.appendEvents.bind(events)
  }) as DossierStore & EventStore;
}

const trustedWriters = [LOCAL_SERVICE_LOGIN];

describe.each<Api>(['SharePoint REST', 'Graph'])('concurrent registration of one reference through %s', (api) => {
  let tenant: RunningTenant;
  let actors: Actor[];
  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
    actors = await Promise.all(PERSONAS.map((email) => as(tenant, email).data.directory.currentActor()));
  });
  afterAll(async () => tenant?.close());

  it(`${CLIENTS} clients at once: exactly one wins, the others get a conflict, one dossier and one event remain`, async () => {
    const reference = 'VSA-2026-0042';
    const meet = meetingPoint(CLIENTS);
    const results = await Promise.allSettled(
      PERSONAS.map((_email, index) => {
        const store = meetingBeforeCreation(storesOf(tenant, api), meet);
        const service = new CommandService({ dossiers: store, events: store, clock: () => '2026-01-15T09:00:00.000Z', trustedWriters });
        return service.execute(reference, registerCommand(reference, `register-${index}`), actors[index]);
      })
    );

    const won = results.filter((result): result is PromiseFulfilledResult<CommandOutcome> => result.status === 'fulfilled' && result.value.ok);
    const conflicts = results.filter((result) => result.status === 'rejected' && hasDataErrorCode(result.reason, 'data.error.conflict'));
    expect(won).toHaveLength(1);
    expect(conflicts).toHaveLength(CLIENTS - 1);

    const owner = as(tenant, OWNER).sp;
    const items = (await owner.web.lists.getByTitle(LIST_DOSSIERS).items.select('Id').filter(`${DossierColumn.Reference} eq '${reference}'`)()) as { Id: number }[];
    expect(items).toHaveLength(1);
    const events = (await owner.web.lists
      .getByTitle(LIST_EVENTS)
      .items.select('EventId')
      .filter(`${EventColumn.DossierReference} eq '${reference}'`)()) as { EventId: string }[];
    const winner = won[0].value;
    expect(events.map((event) => event.EventId)).toEqual(winner.ok ? winner.events.map((event) => event.id) : []);

    // Every instance now reads the winner's dossier, and every persona reads it (Read on the lists).
    for (let index = 0; index < CLIENTS; index++) {
      const store = storesOf(tenant, api);
      const loaded = await new CommandService({ dossiers: store, events: store, trustedWriters }).load(reference);
      expect(loaded.dossier?.reference).toBe(reference);
      expect(loaded.events).toHaveLength(1);
    }
    for (const email of new Set(PERSONAS)) {
      const detail = await as(tenant, email).data.readModel.loadDossierDetail(reference);
      expect(detail.dossier?.reference).toBe(reference);
      expect(detail.events).toHaveLength(1);
    }
  });
});
