import { ensureServiceWriteGrant } from '../../../src/data/graph/sitePermissions';
import { GraphSite } from '../../../src/data/graph/graphSite';
import type { GraphClientLike } from '../../../src/data/graph/graphClient';
import { hasDataErrorCode } from '../../../src/data/errors';

const APP = '0c9a6b1e-7d3f-4e25-a8c4-3f1b2d6e9a70';

/** A Graph client that answers the site lookup and the permissions list, and records writes. */
function fakeGraph(permissions: unknown[]): { client: GraphClientLike; calls: { method: string; path: string; body?: unknown }[] } {
  const calls: { method: string; path: string; body?: unknown }[] = [];
  const request = (path: string): unknown => {
    const chain = {
      select: () => chain,
      get: async () => {
        calls.push({ method: 'GET', path });
        return path.endsWith('/permissions') ? { value: permissions } : { id: 'host,site-guid,web-guid' };
      },
      post: async (body: unknown) => {
        calls.push({ method: 'POST', path, body });
        return { id: 'new' };
      },
      patch: async (body: unknown) => {
        calls.push({ method: 'PATCH', path, body });
        return {};
      }
    };
    return chain;
  };
  return { client: { api: request } as unknown as GraphClientLike, calls };
}

describe('ensureServiceWriteGrant (Sites.Selected)', () => {
  it('adds a write grant for the service app when it has none', async () => {
    const { client, calls } = fakeGraph([{ id: 'p1', roles: ['read'], grantedToIdentitiesV2: [{ application: { id: 'other-app' } }] }]);
    expect(await ensureServiceWriteGrant(new GraphSite(client, 'https://contoso.sharepoint.com/sites/microdata'), APP)).toBe('granted');
    expect(calls.filter((c) => c.method !== 'GET')).toEqual([
      { method: 'POST', path: '/sites/host,site-guid,web-guid/permissions', body: { roles: ['write'], grantedToIdentities: [{ application: { id: APP, displayName: 'Microdata Dossiers command service' } }] } }
    ]);
  });

  it('raises a read grant to write and leaves a write grant alone (idempotent)', async () => {
    const read = fakeGraph([{ id: 'p2', roles: ['read'], grantedToIdentities: [{ application: { id: APP.toUpperCase() } }] }]);
    expect(await ensureServiceWriteGrant(new GraphSite(read.client, 'https://contoso.sharepoint.com/sites/microdata'), APP)).toBe('updated');
    expect(read.calls.filter((c) => c.method !== 'GET')).toEqual([{ method: 'PATCH', path: '/sites/host,site-guid,web-guid/permissions/p2', body: { roles: ['write'] } }]);
    const write = fakeGraph([{ id: 'p3', roles: ['write'], grantedToIdentitiesV2: [{ application: { id: APP } }] }]);
    expect(await ensureServiceWriteGrant(new GraphSite(write.client, 'https://contoso.sharepoint.com/sites/microdata'), APP)).toBe('unchanged');
    expect(write.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('refuses something that is not an application id', async () => {
    const { client } = fakeGraph([]);
    const error = await ensureServiceWriteGrant(new GraphSite(client, 'https://contoso.sharepoint.com/sites/microdata'), 'beheer@vsa.local').catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.invalidInput')).toBe(true);
  });
});
