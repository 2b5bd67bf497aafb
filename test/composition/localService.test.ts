/**
 * The local tenant's `/api` mount of the command service: routing, the request the handlers see and
 * the answer the router sends, on the real handlers over in-memory ports.
 */
import { createLocalApiMount } from '../../src/composition/localService';
import type { LocalApiRequest } from '../../src/composition/localService';
import { DataError } from '../../src/data/errors';
import { actors, cmd } from '../domain/support/fixtures';
import { eventsIn } from '../domain/support/paths';
import { pdfBytes } from '../app/support';
import { seedDossier, serviceUnderTest, testKeys, tokenFor, type TestKeys } from '../functions/support';

const origin = 'http://localhost:4321';
let keys: TestKeys;
beforeAll(async () => {
  keys = await testKeys();
});

function localRequest(method: string, path: string, headers: Record<string, string> = {}, body: Uint8Array = new Uint8Array()): LocalApiRequest {
  return { method, url: new URL(path, origin), headers: new Map(Object.entries(headers)), body };
}

describe('createLocalApiMount', () => {
  it('routes a command to the handlers and answers their JSON', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('preliminary'));
    const lines: string[] = [];
    // The default deps (composeLocalService) are composed too: without any request to the tenant.
    const mount = createLocalApiMount(origin, () => service.handlers, { log: (_level, line) => lines.push(line) });
    const body = new TextEncoder().encode(JSON.stringify({ command: cmd.addComment() }));
    const response = await mount(localRequest('POST', '/api/dossiers/VSA-2026-0001/commands', { authorization: `Bearer ${await tokenFor(keys, actors.team.id)}`, 'content-type': 'application/json' }, body));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(String(response.body)).ok).toBe(true);
    expect(lines.join('\n')).toContain('command VSA-2026-0001: 200');
  });

  it('passes the query of an upload and the bytes on', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('underReview'));
    const mount = createLocalApiMount(origin, () => service.handlers, { log: () => undefined });
    const response = await mount(
      localRequest('POST', '/api/dossiers/VSA-2026-0001/documents?fileName=volmacht.pdf&kind=mandate', { authorization: `Bearer ${await tokenFor(keys, actors.team.id)}` }, pdfBytes)
    );
    expect(response.status).toBe(200);
    expect(service.library.uploads).toEqual([{ reference: 'VSA-2026-0001', fileName: 'volmacht.pdf', size: pdfBytes.length, metadata: { kind: 'mandate', phase: 'draft' } }]);
  });

  it('builds the handlers once, passes Retry-After through, and refuses other paths (404) and methods (405)', async () => {
    const service = serviceUnderTest(keys);
    let built = 0;
    const mount = createLocalApiMount(origin, () => {
      built++;
      return service.handlers;
    }, { log: () => undefined });
    service.stores.loadStream = async () => {
      throw new DataError('data.error.throttled', 'throttled', 429, { retryAfterSeconds: 3 });
    };
    const token = await tokenFor(keys, actors.team.id);
    const body = new TextEncoder().encode(JSON.stringify({ command: cmd.addComment() }));
    const throttled = await mount(localRequest('POST', '/api/dossiers/VSA-2026-0001/commands', { authorization: `Bearer ${token}` }, body));
    expect([throttled.status, throttled.headers['retry-after']]).toEqual([429, '3']);
    await mount(localRequest('POST', '/api/dossiers/VSA-2026-0001/commands', { authorization: `Bearer ${token}` }, body));
    expect(built).toBe(1);
    for (const path of ['/api/dossiers/VSA-2026-0001', '/api/other', '/api/dossiers/VSA-2026-0001/commands/x', '/apix/dossiers/VSA-2026-0001/commands']) {
      const response = await mount(localRequest('POST', path));
      expect([path, response.status, JSON.parse(String(response.body)).error.code]).toEqual([path, 404, 'data.error.notFound']);
    }
    const get = await mount(localRequest('GET', '/api/dossiers/VSA-2026-0001/commands'));
    expect([get.status, get.headers.Allow]).toEqual([405, 'POST']);
    const badEncoding = await mount(localRequest('POST', '/api/dossiers/%E0%A4%A/commands'));
    expect(badEncoding.status).toBe(400);
  });
});
