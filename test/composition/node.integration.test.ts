/**
 * The Node composition root against the local tenant: a persona (tokens minted for it) and a bearer
 * token obtained elsewhere reach the same site, and the data layer reads it.
 */
import type { TokenCredential } from '@azure/identity';
import { createNodeDataLayer, createNodeSp } from '../../src/composition/node';
import { startLocalTenant, type LocalTenant } from '../../src/local/server/server';
import { hookHeaders, tokenFor } from '../support/tokens';

describe('Node composition root', () => {
  let tenant: LocalTenant;
  let siteUrl: string;
  beforeAll(async () => {
    tenant = await startLocalTenant({ port: 0, dataFile: ':memory:' });
    siteUrl = `${tenant.baseUrl.replace(/\/$/, '')}/sites/microdata/`;
  });
  afterAll(async () => tenant.close());

  it('acts as a persona or with a bearer token', async () => {
    // A header value is not an identity: the tenant wants a signed token.
    await expect(createNodeSp(siteUrl, { token: 'local:els.vermeulen@vsa.local' }).web.currentUser()).rejects.toMatchObject({ status: 401 });
    const asPersona = (await createNodeSp(siteUrl, { persona: 'an.peeters@vsa.local' }).web.currentUser.select('Email')()) as { Email: string };
    expect(asPersona.Email).toBe('an.peeters@vsa.local');
    const withToken = (await createNodeSp(siteUrl, { token: await tokenFor(tenant.baseUrl, 'els.vermeulen@vsa.local') }).web.currentUser.select('Email')()) as { Email: string };
    expect(withToken.Email).toBe('els.vermeulen@vsa.local');
  });

  it('builds the data layer on the site: provisioning and the register as that identity', async () => {
    const owner = createNodeDataLayer(siteUrl, { persona: 'beheer@vsa.local' });
    expect((await owner.provisioner.ensureAll()).created.length).toBeGreaterThan(0);
    const reader = createNodeDataLayer(siteUrl, { token: await tokenFor(tenant.baseUrl, 'an.peeters@vsa.local') });
    expect((await reader.dossiers.readRegisterPage({})).rows).toEqual([]);
    expect(await reader.directory.currentActor()).toMatchObject({ id: 'an.peeters@vsa.local', roles: ['dpoTeam'] });
  });
});

describe('Node composition root with an @azure/identity credential', () => {
  let tenant: LocalTenant;
  beforeAll(async () => {
    tenant = await startLocalTenant({ port: 0, dataFile: ':memory:' });
  });
  afterAll(async () => tenant.close());

  it('adds a notifier on the same identity when asked (graph: true), none by default', async () => {
    const siteUrl = `${tenant.baseUrl.replace(/\/$/, '')}/sites/microdata`;
    expect(createNodeDataLayer(siteUrl, { persona: 'an.peeters@vsa.local' }).notifier).toBeUndefined();
    const data = createNodeDataLayer(siteUrl, { persona: 'an.peeters@vsa.local' }, { graph: true });
    await data.notifier!.notify({ recipient: 'sofie.janssens@vsa.local', activityType: 'dossierAssigned', previewText: 'x', topic: { value: 'VSA-1', webUrl: siteUrl } });
    const outbox = (await (await fetch(`${new URL(tenant.baseUrl).origin}/_local/outbox`, { headers: hookHeaders })).json()) as { value: { kind: string; sender: string; recipients: string[] }[] };
    expect(outbox.value).toEqual([expect.objectContaining({ kind: 'activity', sender: 'an.peeters@vsa.local', recipients: ['sofie.janssens@vsa.local'] })]);
  });

  it('takes the SharePoint token for the site origin from the credential (the Graph scope: nodeCredentials.test.ts)', async () => {
    const siteUrl = `${tenant.baseUrl.replace(/\/$/, '')}/sites/microdata`;
    const scopes: string[] = [];
    // A fake credential that mints the local tenant's tokens for the scope's resource.
    const credential: TokenCredential = {
      getToken: async (scope) => {
        scopes.push(String(scope));
        return { token: await tokenFor(tenant.baseUrl, 'an.peeters@vsa.local', String(scope).replace(/\/\.default$/, '')), expiresOnTimestamp: Date.now() + 3600_000 };
      }
    };
    const user = (await createNodeSp(siteUrl, { credential }).web.currentUser.select('Email')()) as { Email: string };
    expect(user.Email).toBe('an.peeters@vsa.local');
    expect(new Set(scopes)).toEqual(new Set([`${new URL(tenant.baseUrl).origin}/.default`]));
  });
});
