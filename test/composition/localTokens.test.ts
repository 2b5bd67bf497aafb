/**
 * `localTokenSource` against a fake token endpoint: what it sends (persona, app, cookie case), the
 * cache per audience and its renewal 60 s before expiry, and a refusal reported with its status.
 */
import { localTokenSource } from '../../src/composition/localTokens';

interface Sent {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly credentials?: RequestCredentials;
}

function fakeEndpoint(expiresIn = 3600, status = 200): { fetcher: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), headers: init?.headers as Record<string, string>, body: JSON.parse(String(init?.body)), credentials: init?.credentials });
    const body = status === 200 ? { token_type: 'Bearer', access_token: `token-${sent.length}`, expires_in: expiresIn } : { error: { message: 'Name the persona' } };
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetcher, sent };
}

describe('localTokenSource', () => {
  afterEach(() => jest.useRealTimers());

  it('asks the token endpoint of the origin with the hook header and the persona', async () => {
    const { fetcher, sent } = fakeEndpoint();
    const source = localTokenSource('http://localhost:4321/sites/microdata', { persona: 'an.peeters@vsa.local' }, fetcher);
    expect(await source.token('api://microdata-dossiers')).toBe('token-1');
    expect(sent).toEqual([{
      url: 'http://localhost:4321/_local/token',
      headers: expect.objectContaining({ 'X-Local-Tenant': '1', Authorization: 'Bearer local:an.peeters@vsa.local' }),
      body: { audience: 'api://microdata-dossiers' },
      credentials: 'same-origin'
    }]);
  });

  it('asks app-only for the service, and without Authorization for the browser (cookie)', async () => {
    const app = fakeEndpoint();
    await localTokenSource('http://localhost:4321', { app: 'service' }, app.fetcher).token('http://localhost:4321');
    expect(app.sent[0].body).toEqual({ audience: 'http://localhost:4321', app: 'service' });
    expect(app.sent[0].headers.Authorization).toBeUndefined();
    const browser = fakeEndpoint();
    await localTokenSource('http://localhost:4321', {}, browser.fetcher).token('https://graph.microsoft.com');
    expect(browser.sent[0].headers.Authorization).toBeUndefined();
  });

  it('caches per audience and renews 60 s before expiry', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-02T10:00:00Z') });
    const { fetcher, sent } = fakeEndpoint(3600);
    const source = localTokenSource('http://localhost:4321', { persona: 'x@vsa.local' }, fetcher);
    const first = await source.token('a');
    expect(await source.token('a')).toBe(first);
    expect(await source.token('b')).not.toBe(first);
    expect(sent).toHaveLength(2);
    jest.setSystemTime(new Date('2026-12-02T10:58:59Z'));
    expect(await source.token('a')).toBe(first);
    jest.setSystemTime(new Date('2026-12-02T10:59:01Z'));
    expect(await source.token('a')).not.toBe(first);
    expect(sent).toHaveLength(3);
  });

  it('reports a refusal with its status and the endpoint\'s reason, and caches nothing', async () => {
    const { fetcher, sent } = fakeEndpoint(3600, 401);
    const source = localTokenSource('http://localhost:4321', {}, fetcher);
    await expect(source.token('a')).rejects.toThrow(/HTTP 401.*Name the persona/);
    await expect(source.token('a')).rejects.toThrow(/HTTP 401/);
    expect(sent).toHaveLength(2);
  });
});
