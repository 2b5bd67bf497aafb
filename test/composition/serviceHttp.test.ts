/**
 * The three ways a host reaches the command service: SPFx's AadHttpClient (fake context), fetch with
 * the add-in's token provider, and the local tenant's minted tokens (fake fetch, cache and renewal).
 */
import { isDataError } from '../../src/data/errors';
import { localServiceHttp } from '../../src/composition/localServiceHttp';
import { LOCAL_API_AUDIENCE } from '../../src/composition/localTenantIdentity';
import { fetchServiceHttp, serviceUrl } from '../../src/composition/serviceHttpFetch';
import { serviceSettingsOf, spfxServiceHttp } from '../../src/composition/spfxServiceHttp';

const v1 = { marker: 'configurations.v1' };
jest.mock('@microsoft/sp-http', () => ({ AadHttpClient: { configurations: { v1: { marker: 'configurations.v1' } } } }));

interface Call {
  readonly url: string;
  readonly init: RequestInit;
}

function response(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
}

function recordingFetch(answer: (call: Call) => Response): { calls: Call[]; fetch: (url: string, init: RequestInit) => Promise<Response> } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: (url, init) => {
      const call = { url, init };
      calls.push(call);
      return Promise.resolve(answer(call));
    }
  };
}

describe('serviceUrl', () => {
  it('joins base, path and encoded query', () => {
    expect(serviceUrl('https://svc.example/api/', { path: 'dossiers/VSA-2026-0001/documents', query: { fileName: 'a b&c.docx', kind: 'auto' } })).toBe(
      'https://svc.example/api/dossiers/VSA-2026-0001/documents?fileName=a+b%26c.docx&kind=auto'
    );
    expect(serviceUrl('https://svc.example/api', { path: 'x' })).toBe('https://svc.example/api/x');
  });
});

describe('SPFx ServiceHttp', () => {
  it('asks getClient once with the configured resource and fetches with configurations.v1', async () => {
    const fetch = jest.fn(async () => response(200, { ok: true }, { 'Retry-After': '3' }));
    const getClient = jest.fn(async () => ({ fetch }));
    const http = spfxServiceHttp({ aadHttpClientFactory: { getClient } } as never, { baseUrl: 'https://svc.example/api', resource: 'api://microdata-dossiers' });
    const answer = await http.send({ method: 'POST', path: 'dossiers/VSA-2026-0001/commands', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    await http.send({ method: 'POST', path: 'dossiers/VSA-2026-0002/commands', body: '{}' });
    expect(getClient).toHaveBeenCalledTimes(1);
    expect(getClient).toHaveBeenCalledWith('api://microdata-dossiers');
    expect(fetch).toHaveBeenCalledTimes(2);
    const [url, configuration, init] = fetch.mock.calls[0] as unknown as [string, unknown, RequestInit];
    expect(url).toBe('https://svc.example/api/dossiers/VSA-2026-0001/commands');
    expect(configuration).toEqual(v1);
    expect(init).toMatchObject({ method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json', Accept: 'application/json' } });
    expect((init.headers as Record<string, string>).Authorization).toBeUndefined();
    expect(answer.status).toBe(200);
    expect(answer.header('retry-after')).toBe('3');
    expect(JSON.parse(await answer.text())).toEqual({ ok: true });
  });

  it('asks for a client again after getClient failed', async () => {
    const getClient = jest.fn().mockRejectedValueOnce(new Error('consent pending')).mockResolvedValue({ fetch: async () => response(200, {}) });
    const http = spfxServiceHttp({ aadHttpClientFactory: { getClient } } as never, { baseUrl: 'https://svc.example/api', resource: 'api://x' });
    await expect(http.send({ method: 'GET', path: 'x' })).rejects.toThrow('consent pending');
    expect((await http.send({ method: 'GET', path: 'x' })).status).toBe(200);
    expect(getClient).toHaveBeenCalledTimes(2);
  });

  it('reads the settings from the web part properties: no URL = no service, the resource has a default', () => {
    expect(serviceSettingsOf({})).toBeUndefined();
    expect(serviceSettingsOf({ serviceUrl: '  ' })).toBeUndefined();
    expect(serviceSettingsOf({ serviceUrl: 'https://svc.example/api/' })).toEqual({ baseUrl: 'https://svc.example/api', resource: LOCAL_API_AUDIENCE });
    expect(serviceSettingsOf({ serviceUrl: 'https://svc.example/api', serviceResource: ' api://other ' })).toEqual({ baseUrl: 'https://svc.example/api', resource: 'api://other' });
    expect(() => serviceSettingsOf({ serviceUrl: 'http://svc.example/api' })).toThrow('https');
  });
});

describe('fetch ServiceHttp (Word add-in, Teams tab)', () => {
  it('sends the token for the scope as bearer, the bytes as body', async () => {
    const getToken = jest.fn(async () => 'tok-1');
    const { calls, fetch } = recordingFetch(() => response(200, { document: {} }));
    const http = fetchServiceHttp('https://svc.example/api', { getToken }, 'api://microdata-dossiers/Dossiers.ReadWrite', fetch);
    const bytes = new Uint8Array([1, 2, 3]);
    await http.send({ method: 'POST', path: 'dossiers/R/documents', query: { fileName: 'a.pdf', kind: 'auto' }, headers: { 'Content-Type': 'application/pdf' }, body: bytes });
    expect(getToken).toHaveBeenCalledWith(['api://microdata-dossiers/Dossiers.ReadWrite']);
    expect(calls[0].url).toBe('https://svc.example/api/dossiers/R/documents?fileName=a.pdf&kind=auto');
    expect(calls[0].init.headers).toEqual({ Accept: 'application/json', 'Content-Type': 'application/pdf', Authorization: 'Bearer tok-1' });
    expect(calls[0].init.body).toBe(bytes);
  });

  it('a token that cannot be had is unauthenticated, without the provider\'s message', async () => {
    const getToken = jest.fn(async () => {
      throw new Error('interaction_required for jan.peeters@vsa.local');
    });
    const { calls, fetch } = recordingFetch(() => response(200, {}));
    const http = fetchServiceHttp('https://svc.example/api', { getToken }, 'api://x/Dossiers.ReadWrite', fetch);
    const error = await http.send({ method: 'GET', path: 'x' }).catch((e: unknown) => e);
    expect(isDataError(error) && error.code).toBe('data.error.unauthenticated');
    expect((error as Error).message).not.toContain('@');
    expect(calls).toHaveLength(0);
  });
});

describe('local ServiceHttp', () => {
  afterEach(() => jest.useRealTimers());

  it('mints a token for the API audience with the hook header and the persona, caches it, renews 60 s before expiry', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-02-01T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    let minted = 0;
    const { calls, fetch } = recordingFetch((call) =>
      call.url.endsWith('/_local/token') ? response(200, { access_token: `jwt-${++minted}`, token_type: 'Bearer', expires_in: 3600 }) : response(200, { ok: true })
    );
    const http = localServiceHttp('http://localhost:4321/workbench/register', { persona: 'an.peeters@vsa.local', fetch });
    await http.send({ method: 'POST', path: 'dossiers/VSA-2026-0001/commands', body: '{}' });
    await http.send({ method: 'POST', path: 'dossiers/VSA-2026-0001/commands', body: '{}' });
    const tokenCalls = calls.filter((call) => call.url.endsWith('/_local/token'));
    const apiCalls = calls.filter((call) => !call.url.endsWith('/_local/token'));
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0].url).toBe('http://localhost:4321/_local/token');
    expect(tokenCalls[0].init.method).toBe('POST');
    expect(tokenCalls[0].init.headers).toMatchObject({ 'X-Local-Tenant': '1', Authorization: 'Bearer local:an.peeters@vsa.local' });
    expect(JSON.parse(String(tokenCalls[0].init.body))).toEqual({ audience: LOCAL_API_AUDIENCE });
    expect(apiCalls.map((call) => call.url)).toEqual(['http://localhost:4321/api/dossiers/VSA-2026-0001/commands', 'http://localhost:4321/api/dossiers/VSA-2026-0001/commands']);
    expect(apiCalls.map((call) => (call.init.headers as Record<string, string>).Authorization)).toEqual(['Bearer jwt-1', 'Bearer jwt-1']);

    jest.setSystemTime(Date.parse('2026-02-01T10:58:59Z'));
    await http.send({ method: 'GET', path: 'x' });
    expect(calls.filter((call) => call.url.endsWith('/_local/token'))).toHaveLength(1);
    jest.setSystemTime(Date.parse('2026-02-01T10:59:01Z'));
    await http.send({ method: 'GET', path: 'x' });
    expect(calls.filter((call) => call.url.endsWith('/_local/token'))).toHaveLength(2);
    expect((calls[calls.length - 1].init.headers as Record<string, string>).Authorization).toBe('Bearer jwt-2');
  });

  it('in the browser sends no persona: the cookie says who', async () => {
    const { calls, fetch } = recordingFetch((call) => (call.url.endsWith('/_local/token') ? response(200, { access_token: 'jwt', expires_in: 600 }) : response(200, '{}')));
    await localServiceHttp('http://localhost:4321', { fetch }).send({ method: 'GET', path: 'x' });
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBeUndefined();
    expect(calls[0].init.credentials).toBe('same-origin');
  });

  it('a refused token is unauthenticated; the API is not called', async () => {
    const { calls, fetch } = recordingFetch(() => response(401, 'no sign-in'));
    const error = await localServiceHttp('http://localhost:4321', { fetch }).send({ method: 'GET', path: 'x' }).catch((e: unknown) => e);
    expect(isDataError(error) && error.code).toBe('data.error.unauthenticated');
    expect(calls).toHaveLength(1);
  });
});

describe('SPFx configuration of the command service', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('node:fs') as typeof import('node:fs');
  const root = `${__dirname}/../..`;
  /** The web part manifests carry `//` comments (JSON with comments). */
  const manifest = (path: string): { preconfiguredEntries: { properties: Record<string, string> }[] } =>
    JSON.parse(fs.readFileSync(`${root}/${path}`, 'utf8').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ [^"\n]*$/gm, ''));

  it('the package asks the tenant for the service API scope', () => {
    const solution = JSON.parse(fs.readFileSync(`${root}/config/package-solution.json`, 'utf8')) as { solution: { webApiPermissionRequests: unknown[] } };
    expect(solution.solution.webApiPermissionRequests).toContainEqual({ resource: 'Microdata Dossiers API', scope: 'Dossiers.ReadWrite' });
  });

  it.each(['src/webparts/dossierRegister/DossierRegisterWebPart.manifest.json', 'src/webparts/approvals/ApprovalsWebPart.manifest.json'])(
    '%s defaults to no service URL and the service Application ID URI',
    (path) => {
      const properties = manifest(path).preconfiguredEntries[0].properties;
      expect(properties.serviceUrl).toBe('');
      expect(properties.serviceResource).toBe(LOCAL_API_AUDIENCE);
    }
  );
});

describe('a web part without a service URL', () => {
  it('refuses every change as not configured, with a text that tells the site owner what to set', async () => {
    const { unconfiguredServiceHttp } = await import('../../src/composition/spfxServiceHttp');
    const { RemoteCommandService } = await import('../../src/data/service/remoteCommandService');
    const { formatFailure } = await import('../../src/app/failures');
    const commands = new RemoteCommandService({ dossiers: { loadStream: async () => ({ events: [] }) }, http: unconfiguredServiceHttp() });
    const failure = await commands.execute('VSA-2026-0001', { type: 'addComment', commandId: 'c-1', text: 'x' }).then(
      () => undefined,
      (error: unknown) => error
    );
    expect(isDataError(failure) && failure.code).toBe('data.error.notConfigured');
    expect(formatFailure(failure, 'nl')).toContain('De opdrachtendienst is niet ingesteld');
    expect(formatFailure(failure, 'en')).toContain('The command service is not set up');
  });
});
