import { readGraphMe } from '../../../src/data/graph/directory';
import { GraphDossierStore } from '../../../src/data/graph/graphDossierStore';
import { GraphSite } from '../../../src/data/graph/graphSite';
import { assignCommand, registerCommand } from '../support/fixtures';
import { AN, as, ELS, localHook, OWNER, SOFIE, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

type Entry = Record<string, unknown>;

async function outbox(tenant: RunningTenant): Promise<Entry[]> {
  const raw = (await localHook(tenant, 'outbox')) as unknown;
  return (Array.isArray(raw) ? raw : ((raw as { value?: unknown[] }).value ?? [])) as Entry[];
}

describe('the Graph client against the local tenant', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
  });
  afterAll(async () => tenant?.close());

  it('reads /me', async () => {
    expect(await readGraphMe(as(tenant, ELS).graph)).toMatchObject({ displayName: 'Els Vermeulen', mail: ELS });
  });

  it('a transition with messaging on notifies the assignee through Teams and never mails the requester by itself', async () => {
    const an = as(tenant, AN, 'minimalmetadata', true).data;
    const actor = await an.directory.currentActor();
    const reference = 'VSA-2026-0001';
    expect((await an.commands.execute(reference, registerCommand(reference, 'r1'), actor)).ok).toBe(true);
    const assigned = await an.commands.execute(reference, assignCommand('a1'), actor);
    expect(assigned.ok && assigned.reactionErrors).toEqual([]);
    const entries = await outbox(tenant);
    const notification = entries.find((e) => JSON.stringify(e).includes('dossierAssigned'));
    expect(JSON.stringify(notification)).toContain(SOFIE);
    const sofie = as(tenant, SOFIE, 'minimalmetadata', true).data;
    const forms = await sofie.commands.execute(reference, { type: 'requestForms', commandId: 'f1', procedure: 'standard' }, await sofie.directory.currentActor());
    expect(forms.ok && forms.reactionErrors).toEqual([]);
    const toRequester = (await outbox(tenant)).filter((e) => JSON.stringify(e).includes('hanne.vos@ugent.example'));
    expect(toRequester).toEqual([]);
  });

  it('reads the dossiers in a state through Graph list items (indexed filter, expand=fields)', async () => {
    const { graph, siteUrl } = as(tenant, ELS);
    const store = new GraphDossierStore(new GraphSite(graph, siteUrl));
    const rows = (await store.readRegisterPage({ states: ['formsRequested'] })).rows;
    expect(rows.map((r) => r.reference)).toEqual(['VSA-2026-0001']);
    expect(rows[0]).toMatchObject({ state: 'formsRequested', assignee: { email: SOFIE } });
    expect((await store.readRegisterPage({ states: ['awaitingDecision'] })).rows).toEqual([]);
  });
});
