/**
 * Graph reports who wrote a list item as an identitySet: a user with address and object id, or for an
 * app-only write the application (the command service) with SharePoint's address-less "SharePoint App"
 * user. Replay trusts only the service's writes, so the emulator must not report the service as a user.
 */
import { createLocalComposition } from '../../src/composition/local';
import { LOCAL_SERVICE_APP_ID, LOCAL_SERVICE_LOGIN } from '../../src/composition/localTenantIdentity';
import { CommandService } from '../../src/data/commandService';
import { GraphDossierStore } from '../../src/data/graph/graphDossierStore';
import { GraphSite } from '../../src/data/graph/graphSite';
import { LIST_DOSSIERS } from '../../src/data/schema';
import { registerCommand } from '../data/support/fixtures';
import { AN, as, OWNER, startTenant, type RunningTenant } from '../data/support/tenant';
import { authorizationFor } from '../support/tokens';

describe('Graph identitySets of list item writers on the local tenant', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
    const service = createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service', commandsVia: 'direct', messaging: false });
    const store = new GraphDossierStore(new GraphSite(service.graph, service.siteUrl));
    const actor = await as(tenant, AN).data.directory.currentActor();
    const outcome = await new CommandService({ dossiers: store, events: store, trustedWriters: [LOCAL_SERVICE_LOGIN] }).execute('VSA-2026-0001', registerCommand('VSA-2026-0001', 'reg'), actor);
    expect(outcome.ok).toBe(true);
  });
  afterAll(async () => tenant?.close());

  it('an app-only write names the application (and an address-less user), never a user with an id', async () => {
    const site = new URL(as(tenant, AN).siteUrl);
    const path = `/graph/v1.0/sites/${site.hostname}:${site.pathname}:/lists/${LIST_DOSSIERS}/items?$expand=fields`;
    const response = await fetch(`${tenant.baseUrl}${path}`, { headers: await authorizationFor(tenant.baseUrl, AN, path) });
    expect(response.status).toBe(200);
    const items = ((await response.json()) as { value: { createdBy: Record<string, { id?: string; email?: string; displayName?: string }> }[] }).value;
    expect(items).toHaveLength(1);
    const createdBy = items[0].createdBy;
    expect(createdBy.application).toEqual({ id: LOCAL_SERVICE_APP_ID, displayName: 'SharePoint App' });
    expect(createdBy.user).toEqual({ displayName: 'SharePoint App' });
  });

  it('the Graph store replays the service’s events as trusted, as SharePoint REST does', async () => {
    const reader = new GraphDossierStore(new GraphSite(as(tenant, AN).graph, as(tenant, AN).siteUrl));
    const loaded = await new CommandService({ dossiers: reader, events: reader, trustedWriters: [LOCAL_SERVICE_LOGIN] }).load('VSA-2026-0001');
    expect(loaded.events).toHaveLength(1);
    const rest = await as(tenant, AN).data.dossiers.loadStream('VSA-2026-0001');
    expect(rest.events.map((item) => item.writer)).toEqual([LOCAL_SERVICE_LOGIN]);
  });
});
