/**
 * Extension loading (workbench pages, intake routes) and the Graph route registry.
 */
import { loadLocalExtensions, type LocalExtension } from '../../src/local/extensions';
import { registerGraphRoute, unregisterGraphRoute, type GraphRouteModule } from '../../src/local/server/graph-route-registry';
import { HttpError, jsonResponse } from '../../src/local/server/http';
import type { LocalTenant } from '../../src/local/server/server';
import { call, dpoTeamMember, startTenant } from './support';

describe('loadLocalExtensions', () => {
  it('loads present modules, activates them, skips missing ones and survives a failing one', async () => {
    const activated: string[] = [];
    const extensions: LocalExtension[] = [
      { path: 'a', label: 'A', activate: (m) => activated.push(String(m.name)) },
      { path: 'self-registering', label: 'S' },
      { path: 'missing', label: 'M' },
      { path: 'broken', label: 'B' }
    ];
    const loaded: string[] = [];
    const lines: string[] = [];
    const results = await loadLocalExtensions(
      (line) => lines.push(line),
      extensions,
      async (path) => {
        loaded.push(path);
        if (path === 'broken') throw new Error('syntax error');
        return { name: path };
      },
      (path) => path !== 'missing'
    );
    expect(results.map((r) => r.status)).toEqual(['loaded', 'loaded', 'missing', 'failed']);
    expect(loaded).toEqual(['a', 'self-registering', 'broken']);
    expect(activated).toEqual(['a']);
    expect(lines.join('\n')).toContain('syntax error');
  });
});

describe('registerGraphRoute', () => {
  let tenant: LocalTenant;
  const module: GraphRouteModule = (_store, request, graphPath) => {
    if (graphPath === 'me/extension') return jsonResponse(200, { handled: request.method });
    if (graphPath === 'me/extension-error') throw new HttpError(418, 'teapot', '-1', 'teapot');
    return undefined;
  };

  beforeAll(async () => {
    tenant = await startTenant();
    registerGraphRoute(module);
    registerGraphRoute(module);
  });

  afterAll(async () => {
    unregisterGraphRoute(module);
    await tenant.close();
  });

  it('tries registered modules before the built-in Graph routes and passes when they decline', async () => {
    expect((await call(tenant, dpoTeamMember, '/graph/v1.0/me/extension')).json()).toEqual({ handled: 'GET' });
    expect((await call(tenant, dpoTeamMember, '/graph/v1.0/me')).json().mail).toBe(dpoTeamMember);
    const failed = await call(tenant, dpoTeamMember, '/graph/v1.0/me/extension-error');
    expect(failed.status).toBe(418);
    expect(failed.json().error).toEqual(expect.objectContaining({ code: 'teapot', message: 'teapot' }));
  });

  it('serves registered modules inside a Graph $batch too', async () => {
    const result = await call(tenant, dpoTeamMember, '/graph/v1.0/$batch', { method: 'POST', body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me/extension' }] }) });
    expect(result.json().responses[0]).toEqual(expect.objectContaining({ status: 200, body: { handled: 'GET' } }));
  });
});
