/**
 * Graph route modules given to `startLocalTenant({ graphRoutes })`: tried in order before the
 * tenant's own Graph routes, also inside `$batch`, with Graph's error shape.
 */
import type { GraphRouteModule } from '../../src/local/server/graph-route-modules';
import { HttpError, jsonResponse } from '../../src/local/server/http';
import type { LocalTenant } from '../../src/local/server/server';
import { call, dpoTeamMember, startTenant } from './support';

describe('graphRoutes of startLocalTenant', () => {
  let tenant: LocalTenant;
  const first: GraphRouteModule = (_store, request, graphPath) => {
    if (graphPath === 'me/extension') return jsonResponse(200, { handled: request.method, by: 'first' });
    if (graphPath === 'me/extension-error') throw new HttpError(418, 'teapot', '-1', 'teapot');
    return undefined;
  };
  const second: GraphRouteModule = (_store, _request, graphPath) =>
    graphPath === 'me/extension' || graphPath === 'me/second' ? jsonResponse(200, { by: 'second' }) : undefined;

  beforeAll(async () => {
    tenant = await startTenant({ graphRoutes: [first, second] });
  });

  afterAll(async () => {
    await tenant.close();
  });

  it('tries the modules in order before the built-in Graph routes and passes when they decline', async () => {
    expect((await call(tenant, dpoTeamMember, '/graph/v1.0/me/extension')).json()).toEqual({ handled: 'GET', by: 'first' });
    expect((await call(tenant, dpoTeamMember, '/graph/v1.0/me/second')).json()).toEqual({ by: 'second' });
    expect((await call(tenant, dpoTeamMember, '/graph/v1.0/me')).json().mail).toBe(dpoTeamMember);
    const failed = await call(tenant, dpoTeamMember, '/graph/v1.0/me/extension-error');
    expect(failed.status).toBe(418);
    expect(failed.json().error).toEqual(expect.objectContaining({ code: 'teapot', message: 'teapot' }));
  });

  it('serves the modules inside a Graph $batch too', async () => {
    const result = await call(tenant, dpoTeamMember, '/graph/v1.0/$batch', { method: 'POST', body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me/extension' }] }) });
    expect(result.json().responses[0]).toEqual(expect.objectContaining({ status: 200, body: { handled: 'GET', by: 'first' } }));
  });

  it('has no modules in a tenant started without them', async () => {
    const plain = await startTenant();
    try {
      expect((await call(plain, dpoTeamMember, '/graph/v1.0/me/extension')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
