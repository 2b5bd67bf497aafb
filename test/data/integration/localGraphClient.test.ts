/**
 * The one Graph client of the local tenant (`createLocalGraphClient`), as the composition, the
 * approvals tests and the local shorthands build it: identity over plain http, retry on throttling,
 * and no identity at all for the browser (cookie) case.
 */
import { RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { createLocalGraphClient } from '../../../src/composition/localGraphClient';
import { followableGraphLink, localGraph } from '../../../src/local/clients';
import { AN, as, ELS, localHook, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';
import { tokenFor } from '../../support/tokens';
import { GRAPH_AUDIENCE } from '../../../src/composition/localTokens';

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    return (error as { statusCode?: number }).statusCode ?? -1;
  }
}

describe('createLocalGraphClient', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTenant();
  });
  afterAll(async () => tenant?.close());

  it('is the Graph client of createLocalComposition and works from Node over http', async () => {
    const me = (await as(tenant, ELS).graph.api('/me').get()) as { mail: string };
    expect(me.mail).toBe(ELS);
  });

  it('takes a persona, a token source, or the origin with any path', async () => {
    const byPersona = (await createLocalGraphClient(`${tenant.baseUrl}/graph`, AN).api('/me').get()) as { mail: string };
    expect(byPersona.mail).toBe(AN);
    const byToken = (await createLocalGraphClient(`${tenant.baseUrl}/sites/microdata`, { token: () => tokenFor(tenant.baseUrl, ELS, GRAPH_AUDIENCE) }).api('/me').get()) as { mail: string };
    expect(byToken.mail).toBe(ELS);
    expect(((await localGraph(`${tenant.baseUrl}/graph`, AN).api('/me').get()) as { mail: string }).mail).toBe(AN);
  });

  it('sends no identity without a persona (the browser relies on the sign-in cookie), so Node gets 401', async () => {
    expect(await statusOf(createLocalGraphClient(tenant.baseUrl).api('/me').get())).toBe(401);
  });

  it('retries a throttled request after Retry-After with the SDK RetryHandler', async () => {
    await localHook(tenant, 'faults', { method: 'GET', pathContains: '/graph/v1.0/me', status: 429, times: 1 });
    expect(await localHook(tenant, 'faults')).toEqual(expect.objectContaining({ pending: 1 }));
    const me = (await createLocalGraphClient(tenant.baseUrl, { userEmail: AN, retry: new RetryHandlerOptions(0, 2) }).api('/me').get()) as { mail: string };
    expect(me.mail).toBe(AN);
    // The one-shot rule is gone only because a request got the 429; the client then retried.
    expect(await localHook(tenant, 'faults')).toEqual(expect.objectContaining({ pending: 0 }));
    expect(await statusOf(createLocalGraphClient(tenant.baseUrl, { userEmail: AN, retry: new RetryHandlerOptions(0, 0) }).api('/me').header('X-Local-Fault', 'throttle').get())).toBe(429);
  });

  it('refuses a base URL that is not absolute', () => {
    expect(() => createLocalGraphClient('localhost:4321', AN)).toThrow(/not an absolute URL/);
  });

  it('turns local next links into paths the client follows, and leaves https links alone', () => {
    expect(followableGraphLink('http://localhost:4321/graph/v1.0/sites/x/lists/y/items?$skiptoken=abc')).toBe('/sites/x/lists/y/items?$skiptoken=abc');
    expect(followableGraphLink('https://graph.microsoft.com/v1.0/me')).toBe('https://graph.microsoft.com/v1.0/me');
  });
});
