/**
 * Replays PnPjs' own SharePoint tests (github.com/pnp/pnpjs, test/sp/*.ts, version 4) against an
 * in-process local tenant, unmodified apart from authentication (the site owner through
 * `createLocalSp`) and the site URL. Each replayed test declares the outcome the emulator must give:
 *
 * - `pass`: PnPjs' own assertions hold (the emulator answered faithfully);
 * - `refused`: the emulator refused loudly — a 4xx or 501 with a message, never a 500;
 *
 * and anything else (an assertion that fails on a 200, a response PnPjs cannot parse) is `wrong`, which
 * no replayed test may be. The counts per group are recorded in docs/decisions/local-tenant.md.
 */
import type { SPFI } from '@pnp/sp';
import { createLocalSp } from '../../../src/composition/local';
import type { LocalTenant } from '../../../src/local/server/server';
import { admin, startTenant } from '../support';

/** What a replayed PnPjs test must come to. */
export type Expected = 'pass' | 'refused';

/** The outcome of one replay, with what was seen. */
export interface Outcome {
  readonly outcome: Expected | 'wrong';
  readonly detail: string;
}

/** PnPjs' HttpRequestError carries `isHttpRequestError`, `status` and the response text in its message. */
function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { isHttpRequestError?: boolean; status?: number };
  return candidate.isHttpRequestError === true ? candidate.status : undefined;
}

/**
 * Where a PnPjs test expects a call to fail: it must fail as SharePoint refuses (an HTTP 4xx from the
 * server), not by a crash, a 500 or a client-side error.
 */
export async function expectRefusal(call: Promise<unknown>): Promise<void> {
  const error = await call.then(
    () => undefined,
    (reason: unknown) => reason
  );
  const status = httpStatusOf(error);
  expect(status !== undefined && status >= 400 && status < 500 ? 'refused with 4xx' : `ended with ${status ?? (error === undefined ? 'success' : String(error))}`).toBe('refused with 4xx');
}

/** Runs a replayed test body and classifies how it ended. */
export async function outcomeOf(body: () => Promise<unknown>): Promise<Outcome> {
  try {
    await body();
    return { outcome: 'pass', detail: '' };
  } catch (error) {
    const status = httpStatusOf(error);
    const message = (error as Error)?.message ?? String(error);
    // A refusal is loud when it is a client error or "not implemented" and says something.
    if (status !== undefined && ((status >= 400 && status < 500) || status === 501) && /odata\.error|"error"|message/i.test(message)) {
      return { outcome: 'refused', detail: `${status} ${message.slice(message.indexOf('::>') + 3, message.indexOf('::>') + 400).trim()}` };
    }
    return { outcome: 'wrong', detail: status !== undefined ? `${status} ${message.slice(0, 400)}` : message.slice(0, 600) };
  }
}

/** Registers one replayed PnPjs test with the outcome the emulator must give. */
export function replay(name: string, expected: Expected, body: () => Promise<unknown>): void {
  it(`${name} (${expected})`, async () => {
    const { outcome, detail } = await outcomeOf(body);
    // REPLAY_VERBOSE=1 prints each refusal, to review that it is the right one and clearly worded.
    if (process.env.REPLAY_VERBOSE) {
      const file = (expect.getState().testPath ?? '').replace(/^.*[\\/]/, '').replace(/\.test\.ts$/, '');
      process.stdout.write(`[replay] ${file} | ${name}: ${outcome} ${detail.slice(0, 300)}\n`);
    }
    // The detail is part of the compared text so a failure shows what the emulator answered.
    expect(`${outcome}: ${detail}`).toEqual(expect.stringMatching(new RegExp(`^${expected}:`)));
  });
}

/** A tenant and PnPjs on it as the site owner, for one test file. */
export interface ReplayContext {
  tenant: LocalTenant;
  sp: SPFI;
}

/**
 * Starts a tenant per file and makes PnPjs (configured as SPFx does, through `createLocalSp`) act as the
 * site owner. `documents` adds the team site's default library ("Documents", as PnPjs' tests call it).
 */
export function useReplayTenant(options: { documents?: boolean } = {}): ReplayContext {
  const context = {} as ReplayContext;
  beforeAll(async () => {
    context.tenant = await startTenant();
    context.sp = createLocalSp({ baseUrl: context.tenant.baseUrl, userEmail: admin });
    if (options.documents) await context.sp.web.lists.add('Documents', '', 101);
  });
  afterAll(async () => {
    await context.tenant.close();
  });
  return context;
}

/** PnPjs' `getRandomString`, deterministic enough for names. */
export function randomString(length: number): string {
  return Math.random().toString(36).slice(2, 2 + length).padEnd(length, 'x');
}
