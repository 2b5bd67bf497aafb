/**
 * `$batch` in raw multipart form (CRLF, as other clients than PnPjs send it) and fault injection by
 * header, queue and chaos setting.
 */
import type { LocalTenant } from '../../src/local/server/server';
import { FaultInjector, parseChaos } from '../../src/local/server/faults';
import { api, call, dpoTeamMember, provision, startTenant } from './support';

let tenant: LocalTenant;

beforeAll(async () => {
  tenant = await startTenant();
  await provision(tenant);
});

afterAll(async () => {
  await tenant.close();
});

describe('SharePoint $batch (raw multipart)', () => {
  it('answers one batchresponse part per request, not transactional', async () => {
    const site = tenant.siteUrl;
    const body = [
      '--batch_abc',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `GET ${site}/_api/web/lists/getbytitle('Dossiers')?$select=Title HTTP/1.1`,
      'Accept: application/json;odata=nometadata',
      '',
      '--batch_abc',
      'Content-Type: multipart/mixed; boundary="changeset_1"',
      '',
      '--changeset_1',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `POST ${site}/_api/web/lists/getbytitle('Dossiers')/items HTTP/1.1`,
      'Content-Type: application/json',
      'Accept: application/json;odata=verbose',
      '',
      '{"Title":"in changeset"}',
      '--changeset_1',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `MERGE ${site}/_api/web/lists/getbytitle('Dossiers')/items(9999) HTTP/1.1`,
      'Content-Type: application/json',
      'IF-Match: *',
      '',
      '{"Title":"missing"}',
      '--changeset_1--',
      '--batch_abc--',
      ''
    ].join('\r\n');
    const response = await call(tenant, dpoTeamMember, api('$batch'), { method: 'POST', body, headers: { 'Content-Type': 'multipart/mixed; boundary=batch_abc' } });
    expect(response.status).toBe(200);
    const boundary = /boundary=(batchresponse_[0-9a-f-]+)/.exec(response.headers.get('content-type') ?? '')?.[1];
    expect(boundary).toBeDefined();
    const parts = response.text.split(`--${boundary}`).slice(1, -1);
    expect(parts).toHaveLength(3);
    expect(parts[0]).toContain('HTTP/1.1 200 OK');
    expect(parts[0]).toContain('{"Title":"Dossiers"}');
    expect(parts[1]).toContain('HTTP/1.1 201 Created');
    expect(parts[1]).toContain('"__metadata"');
    expect(parts[2]).toContain('HTTP/1.1 404 Not Found');
    const items = (await call(tenant, dpoTeamMember, api("web/lists/getbytitle('Dossiers')/items?$filter=Title eq 'in changeset'"))).json().value;
    expect(items).toHaveLength(1);
  });

  it('refuses a batch without a boundary or with a foreign URL', async () => {
    expect((await call(tenant, dpoTeamMember, api('$batch'), { method: 'POST', body: 'x', headers: { 'Content-Type': 'multipart/mixed' } })).status).toBe(400);
    const foreign = ['--b', 'Content-Type: application/http', '', 'GET http://evil.example/_api/web HTTP/1.1', '', '--b--', ''].join('\r\n');
    expect((await call(tenant, dpoTeamMember, api('$batch'), { method: 'POST', body: foreign, headers: { 'Content-Type': 'multipart/mixed; boundary=b' } })).status).toBe(400);
  });
});

describe('fault injection', () => {
  it('throttle → 429 + Retry-After: 1, then the next request passes', async () => {
    const throttled = await call(tenant, dpoTeamMember, api('web'), { headers: { 'X-Local-Fault': 'throttle' } });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect((await call(tenant, dpoTeamMember, api('web'))).status).toBe(200);
  });

  it('throttle-once:<key> fails once per key', async () => {
    const headers = { 'X-Local-Fault': 'throttle-once:k' };
    expect((await call(tenant, dpoTeamMember, '/graph/v1.0/me', { headers })).status).toBe(429);
    expect((await call(tenant, dpoTeamMember, '/graph/v1.0/me', { headers })).status).toBe(200);
  });

  it('error → 503 + Retry-After; slow → delayed; unknown → 400', async () => {
    const error = await call(tenant, dpoTeamMember, api('web'), { headers: { 'X-Local-Fault': 'error' } });
    expect(error.status).toBe(503);
    expect(error.headers.get('retry-after')).toBe('1');
    expect((await call(tenant, dpoTeamMember, api('web'), { headers: { 'X-Local-Fault': 'slow' } })).status).toBe(200);
    const slowRequest = { method: 'GET', url: new URL(`${tenant.baseUrl}${api('web')}`), headers: new Map([['x-local-fault', 'slow']]), body: new Uint8Array() };
    expect(new FaultInjector(parseChaos(undefined), () => 1, 75).decide(slowRequest, 'GET', true)).toEqual({ kind: 'delay', ms: 75 });
    expect((await call(tenant, dpoTeamMember, api('web'), { headers: { 'X-Local-Fault': 'explode' } })).status).toBe(400);
  });

  it('queues rules through POST /_local/faults, matched by method and path', async () => {
    const queued = await call(tenant, undefined, '/_local/faults', { method: 'POST', body: JSON.stringify({ method: 'PATCH', pathContains: '/fields', status: 429, times: 1 }) });
    expect(queued.status).toBe(201);
    expect((await call(tenant, dpoTeamMember, api('web'))).status).toBe(200);
    expect((await call(tenant, undefined, '/_local/faults')).json().pending).toBe(1);
    expect((await call(tenant, undefined, '/_local/faults', { method: 'POST', body: JSON.stringify({ status: 418 }) })).status).toBe(400);
    expect((await call(tenant, undefined, '/_local/faults', { method: 'DELETE' })).status).toBe(204);
  });

  it('applies LOCAL_TENANT_FAULTS chaos with the given probability', async () => {
    expect(parseChaos('throttle:0.1,error:0.05')).toEqual({ throttle: 0.1, error: 0.05 });
    expect(() => parseChaos('throttle:lots')).toThrow(/not valid/);
    const values = [0.05, 0.5, 0.12, 0.9];
    let i = 0;
    const chaotic = await startTenant({ faults: 'throttle:0.1,error:0.05', random: () => values[i++ % values.length] });
    try {
      const statuses: number[] = [];
      for (let n = 0; n < 4; n += 1) statuses.push((await call(chaotic, dpoTeamMember, api('web/currentuser'))).status);
      expect(statuses).toEqual([429, 200, 503, 200]);
    } finally {
      await chaotic.close();
    }
  });
});
