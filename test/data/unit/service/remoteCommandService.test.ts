import { CommandService } from '../../../../src/data/commandService';
import type { DataError } from '../../../../src/data/errors';
import { isDataError } from '../../../../src/data/errors';
import { RemoteCommandService, ServiceReactionError } from '../../../../src/data/service/remoteCommandService';
import { retryAfterMs } from '../../../../src/data/service/serviceCall';
import { FakeServiceHttp, type ScriptedAnswer } from '../../support/fakeServiceHttp';
import { an, commentCommand, registerCommand } from '../../support/fixtures';
import { MemoryStores } from '../../support/memoryStores';

const REF = 'VSA-2026-0001';
const NOW = '2026-02-01T10:00:00.000Z';

interface Setup {
  readonly http: FakeServiceHttp;
  readonly remote: RemoteCommandService;
  readonly stores: MemoryStores;
  readonly waits: number[];
}

/** A registered dossier in memory (the direct read) and a remote service answering from the script. */
async function setup(script: ScriptedAnswer[]): Promise<Setup> {
  const stores = new MemoryStores();
  const trusted = new CommandService({ dossiers: stores, events: stores, clock: () => NOW });
  expect((await trusted.execute(REF, registerCommand(REF, 'c-register'), an)).ok).toBe(true);
  const http = new FakeServiceHttp(script);
  const waits: number[] = [];
  const remote = new RemoteCommandService({
    dossiers: stores,
    http,
    retry: { sleep: (ms) => Promise.resolve(void waits.push(ms)), now: () => Date.parse(NOW) }
  });
  return { http, remote, stores, waits };
}

/** The answer the trusted service would give for a comment on the stored dossier. */
async function okAnswer(stores: MemoryStores, extra: Record<string, unknown> = {}): Promise<ScriptedAnswer> {
  const trusted = new CommandService({ dossiers: stores, events: stores, clock: () => NOW });
  const loaded = await trusted.load(REF);
  return { status: 200, json: { ok: true, dossier: loaded.dossier, events: [], warnings: [], alreadyApplied: false, reactionErrors: [], ...extra } };
}

async function failureOf(promise: Promise<unknown>): Promise<DataError> {
  try {
    await promise;
  } catch (error) {
    if (isDataError(error)) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('RemoteCommandService', () => {
  it('loads directly from the store (no request to the service)', async () => {
    const { http, remote } = await setup([]);
    const loaded = await remote.load(REF);
    expect(loaded.dossier?.reference).toBe(REF);
    expect(http.requests).toHaveLength(0);
  });

  it('posts only the command to the command route: no actor, no time', async () => {
    const context = await setup([]);
    const { http, remote, stores } = context;
    http.queue(await okAnswer(stores));
    const sneaky = { ...commentCommand('c-1'), actor: an } as unknown as ReturnType<typeof commentCommand>;
    const outcome = await remote.execute(REF, sneaky, an, NOW);
    expect(outcome.ok).toBe(true);
    expect(http.requests).toHaveLength(1);
    expect(http.requests[0].method).toBe('POST');
    expect(http.requests[0].path).toBe(`dossiers/${REF}/commands`);
    expect(http.requests[0].headers?.['Content-Type']).toBe('application/json');
    expect(http.jsonBody(0)).toEqual({ command: commentCommand('c-1') });
    expect(JSON.stringify(http.jsonBody(0))).not.toContain(an.id);
    expect(JSON.stringify(http.jsonBody(0))).not.toContain(NOW);
  });

  it('encodes the reference in the route', async () => {
    const { http, remote } = await setup([{ status: 422, json: { ok: false, errors: [{ code: 'dossier.error.forbidden' }] } }]);
    await remote.execute('VSA 2026/1', commentCommand('c-1'));
    expect(http.requests[0].path).toBe('dossiers/VSA%202026%2F1/commands');
  });

  it('returns the service outcome, reaction failures as Errors carrying their code', async () => {
    const context = await setup([]);
    const answer = (await okAnswer(context.stores, {
      alreadyApplied: true,
      reactionErrors: [{ code: 'data.error.throttled', message: 'Graph said 429' }, { code: 'mail.error.x', message: 'mail failed' }, { message: 'no code' }]
    })) as { status: number; json: { dossier: unknown } };
    context.http.queue(answer);
    const outcome = await context.remote.execute(REF, commentCommand('c-1'));
    if (!outcome.ok) throw new Error('expected ok');
    expect(outcome.dossier).toEqual(answer.json.dossier);
    expect(outcome.alreadyApplied).toBe(true);
    expect(outcome.reactionErrors).toHaveLength(3);
    expect(outcome.reactionErrors.every((error) => error instanceof Error)).toBe(true);
    expect(isDataError(outcome.reactionErrors[0]) && outcome.reactionErrors[0].code).toBe('data.error.throttled');
    expect(outcome.reactionErrors[1]).toBeInstanceOf(ServiceReactionError);
    expect((outcome.reactionErrors[1] as ServiceReactionError).code).toBe('mail.error.x');
    expect(outcome.reactionErrors[1].message).toBe('mail failed');
    expect((outcome.reactionErrors[2] as ServiceReactionError).code).toBeUndefined();
  });

  it('a 422 is the domain refusal as data', async () => {
    const errors = [{ code: 'dossier.error.forbidden', params: { role: 'x' } }];
    const { remote } = await setup([{ status: 422, json: { ok: false, errors } }]);
    expect(await remote.execute(REF, commentCommand('c-1'))).toEqual({ ok: false, errors });
  });

  it('a 422 without reasons is a broken answer, not a silent refusal', async () => {
    const { remote } = await setup([{ status: 422, json: { error: { code: 'x', message: 'y' } } }]);
    expect((await failureOf(remote.execute(REF, commentCommand('c-1')))).code).toBe('data.error.unavailable');
  });

  it.each([
    [400, 'data.error.invalidInput'],
    [401, 'data.error.unauthenticated'],
    [403, 'data.error.accessDenied'],
    [404, 'data.error.notFound'],
    [409, 'data.error.conflict'],
    [412, 'data.error.conflict'],
    [413, 'data.error.invalidInput'],
    [500, 'data.error.unavailable'],
    [502, 'data.error.unavailable'],
    [504, 'data.error.unavailable']
  ])('status %i without a known code is %s, with the message, status and params', async (status, code) => {
    const { remote } = await setup([{ status, json: { error: { code: 'app.error.somethingElse', message: 'Technical reason.', params: { n: 1 } } } }]);
    const error = await failureOf(remote.execute(REF, commentCommand('c-1')));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.message).toContain('Technical reason.');
    expect(error.details).toEqual({ status, serviceCode: 'app.error.somethingElse', params: { n: 1 } });
  });

  it('the body code wins when it is a data-layer code', async () => {
    const { remote } = await setup([{ status: 400, json: { error: { code: 'data.error.corrupt', message: 'Event 7 is unreadable.' } } }]);
    const error = await failureOf(remote.execute(REF, commentCommand('c-1')));
    expect(error.code).toBe('data.error.corrupt');
    expect(error.status).toBe(400);
  });

  it.each(['data.error.tampered', 'data.error.unreadableEvent'])('a 500 with %s keeps its code (not "unavailable", which asks to retry) and is not retried', async (code) => {
    const { remote, http } = await setup([{ status: 500, json: { error: { code, message: 'The event log of VSA-2026-0001 holds 1 event(s) not written by a trusted writer.' } } }]);
    const error = await failureOf(remote.execute(REF, commentCommand('c-1')));
    expect(error.code).toBe(code);
    expect(error.status).toBe(500);
    expect(http.requests).toHaveLength(1);
  });

  it('an error answer without a JSON body is mapped by status', async () => {
    const { remote } = await setup([{ status: 403, text: '<html>Forbidden</html>' }]);
    const error = await failureOf(remote.execute(REF, commentCommand('c-1')));
    expect(error.code).toBe('data.error.accessDenied');
    expect(error.details).toEqual({ status: 403 });
  });

  it('429 with Retry-After is retried with the same command (same commandId), then succeeds', async () => {
    const context = await setup([
      { status: 429, headers: { 'Retry-After': '2' }, json: { error: { code: 'data.error.throttled', message: 'busy' } } },
      { status: 503, headers: { 'Retry-After': 'Sun, 01 Feb 2026 10:00:05 GMT' } }
    ]);
    context.http.queue(await okAnswer(context.stores));
    const outcome = await context.remote.execute(REF, commentCommand('c-retry'));
    expect(outcome.ok).toBe(true);
    expect(context.http.requests).toHaveLength(3);
    expect(context.http.requests.map((_, index) => (context.http.jsonBody(index) as { command: { commandId: string } }).command.commandId)).toEqual([
      'c-retry',
      'c-retry',
      'c-retry'
    ]);
    expect(context.waits).toEqual([2000, 5000]);
  });

  it('caps the wait and gives up after 3 retries with the last status', async () => {
    const busy: ScriptedAnswer = { status: 429, headers: { 'Retry-After': '3600' } };
    const { http, remote, waits } = await setup([busy, busy, busy, busy, busy]);
    const error = await failureOf(remote.execute(REF, commentCommand('c-1')));
    expect(error.code).toBe('data.error.throttled');
    expect(error.status).toBe(429);
    expect(http.requests).toHaveLength(4);
    expect(waits).toEqual([10_000, 10_000, 10_000]);
  });

  it('503 after the retries is unavailable', async () => {
    const down: ScriptedAnswer = { status: 503 };
    const { remote, waits } = await setup([down, down, down, down]);
    expect((await failureOf(remote.execute(REF, commentCommand('c-1')))).code).toBe('data.error.unavailable');
    expect(waits).toEqual([1000, 1000, 1000]);
  });

  it('does not retry other failures', async () => {
    const { http, remote } = await setup([{ status: 500, json: { error: { code: 'data.error.unavailable', message: 'x' } } }]);
    await failureOf(remote.execute(REF, commentCommand('c-1')));
    expect(http.requests).toHaveLength(1);
  });

  it('a network failure is data.error.unavailable', async () => {
    const { remote } = await setup([{ networkFailure: 'Failed to fetch' }]);
    const error = await failureOf(remote.execute(REF, commentCommand('c-1')));
    expect(error.code).toBe('data.error.unavailable');
    expect(error.message).toContain('Failed to fetch');
  });

  it('a 200 that is not JSON is unavailable', async () => {
    const { remote } = await setup([{ status: 200, text: 'not json' }]);
    expect((await failureOf(remote.execute(REF, commentCommand('c-1')))).code).toBe('data.error.unavailable');
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, ignores nonsense', () => {
    const now = Date.parse(NOW);
    expect(retryAfterMs('5', now)).toBe(5000);
    expect(retryAfterMs('Sun, 01 Feb 2026 10:00:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Sun, 01 Feb 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
