/**
 * The clients' remote adapters against the real command service handlers (src/functions over
 * in-memory ports), through the local tenant's `/api` mount: the contract seen from both ends. What
 * the client sends (no actor, a suggested number) and what it makes of the answers (the issued number,
 * refusals as data, coded errors, uploads) are checked on the service's own behaviour.
 */
import { createLocalApiMount } from '../../src/composition/localService';
import { isDataError } from '../../src/data/errors';
import { RemoteCommandService } from '../../src/data/service/remoteCommandService';
import { RemoteDocumentLibrary } from '../../src/data/service/remoteDocumentLibrary';
import type { ServiceHttp } from '../../src/data/service/serviceHttp';
import { actors, cmd } from '../domain/support/fixtures';
import { eventsIn } from '../domain/support/paths';
import { pdfBytes } from '../app/support';
import { seedDossier, serviceUnderTest, testKeys, tokenFor, type ServiceUnderTest, type TestKeys } from '../functions/support';

const origin = 'http://localhost:4321';
let keys: TestKeys;
beforeAll(async () => {
  keys = await testKeys();
});

/** A `ServiceHttp` that hands requests to the mount as the local tenant's router would, with a token for `email`. */
function viaMount(service: ServiceUnderTest, email: string): ServiceHttp {
  const mount = createLocalApiMount(origin, () => service.handlers, { log: () => undefined });
  return {
    async send(request) {
      const url = new URL(`/api/${request.path}`, origin);
      for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
      const headers = new Map(Object.entries(request.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
      headers.set('authorization', `Bearer ${await tokenFor(keys, email)}`);
      const body = typeof request.body === 'string' ? new TextEncoder().encode(request.body) : (request.body ?? new Uint8Array());
      const answer = await mount({ method: request.method, url, headers, body });
      const answerHeaders = new Map(Object.entries(answer.headers).map(([name, value]) => [name.toLowerCase(), value]));
      return {
        status: answer.status,
        header: (name) => answerHeaders.get(name.toLowerCase()),
        text: async () => (answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : new TextDecoder().decode(answer.body))
      };
    }
  };
}

describe('remote adapters against the command service handlers', () => {
  it('a countersignature: the suggestion goes out, the issued number comes back in the dossier; the actor is the token', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('awaitingCountersignature'));
    const remote = new RemoteCommandService({ dossiers: service.stores, http: viaMount(service, actors.chief.id) });
    // A forged actor passed by the caller is not sent; the service takes the Chief Statistician from the token.
    // The countersigned original is stored first; the service reads its signatures (the test's fake verifier).
    const stored = await service.library.upload('VSA-2026-0001', 'protocol medeondertekend.pdf', pdfBytes, { kind: 'protocol', phase: 'countersigned' });
    const original = { id: stored.id, kind: 'protocol' as const, fileName: stored.fileName, version: stored.version };
    const outcome = await remote.execute('VSA-2026-0001', cmd.countersign('PROT-2026-999', undefined, [original]), actors.team);
    if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.errors)}`);
    expect(outcome.dossier.protocolNumber).toBe('PROT-2026-007');
    expect(outcome.events[0].actor.id).toBe(actors.chief.id);
    expect(outcome.reactionErrors).toEqual([]);
    // The direct read sees what the service wrote.
    expect((await remote.load('VSA-2026-0001')).dossier?.protocolNumber).toBe('PROT-2026-007');
  });

  it("a statistician naming the Chief Statistician as actor is refused as data (the token's roles count)", async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('awaitingCountersignature'));
    const remote = new RemoteCommandService({ dossiers: service.stores, http: viaMount(service, actors.statistician.id) });
    const outcome = await remote.execute('VSA-2026-0001', cmd.countersign('PROT-2026-001'), actors.chief);
    expect(outcome.ok).toBe(false);
    expect(service.numbers.issued).toEqual([]);
  });

  it('a caller without a valid token gets data.error.unauthenticated', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('preliminary'));
    const broken: ServiceHttp = {
      send: async (request) => {
        const mount = createLocalApiMount(origin, () => service.handlers, { log: () => undefined });
        const answer = await mount({ method: 'POST', url: new URL(`/api/${request.path}`, origin), headers: new Map([['authorization', 'Bearer not-a-jwt']]), body: new TextEncoder().encode(String(request.body)) });
        return { status: answer.status, header: () => undefined, text: async () => String(answer.body ?? '') };
      }
    };
    const error = await new RemoteCommandService({ dossiers: service.stores, http: broken }).execute('VSA-2026-0001', cmd.addComment()).catch((e: unknown) => e);
    expect(isDataError(error) && [error.code, error.status]).toEqual(['data.error.unauthenticated', 401]);
  });

  it('an upload goes to the service with its kind and phase and returns the stored document', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('underReview'));
    const library = new RemoteDocumentLibrary({ direct: service.library, http: viaMount(service, actors.team.id) });
    await library.ensureFolder('VSA-2026-0001');
    const stored = await library.upload('VSA-2026-0001', 'volmacht.pdf', pdfBytes, { kind: 'mandate', phase: 'draft' });
    expect(stored.fileName).toBe('volmacht.pdf');
    expect(service.library.uploads).toEqual([{ reference: 'VSA-2026-0001', fileName: 'volmacht.pdf', size: pdfBytes.length, metadata: { kind: 'mandate', phase: 'draft' } }]);
  });
});
