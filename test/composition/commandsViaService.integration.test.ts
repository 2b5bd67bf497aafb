/**
 * `commandsVia: 'service'` end to end on the local tenant: the persona's client mints a token for the
 * API audience, the command service mounted under `/api/` (the same handlers as on Azure Functions)
 * writes with its own app identity, and the client reads the result directly.
 */
import { createLocalComposition, createLocalRegister } from '../../src/composition/local';
import { startLocalTenant, type LocalTenant } from '../../src/local/server/server';
import { RemoteCommandService } from '../../src/data/service/remoteCommandService';
import { commentCommand, registerCommand } from '../data/support/fixtures';
import { hookHeaders } from '../support/tokens';

const AN = 'an.peeters@vsa.local';
const GAST = 'gast@vsa.local';
const REFERENCE = 'VSA-2026-0042';

describe("local compositions with commandsVia: 'service'", () => {
  let tenant: LocalTenant;
  let origin = '';
  beforeAll(async () => {
    // The tenant mounts the product's command service under /api by default.
    tenant = await startLocalTenant({ port: 0, dataFile: ':memory:' });
    origin = new URL(tenant.baseUrl).origin;
    await createLocalComposition({ baseUrl: origin, userEmail: 'beheer@vsa.local' }).data.provisioner.ensureAll();
  }, 60_000);
  afterAll(async () => tenant.close());

  it('registers and comments through the service as the persona; the client reads it directly', async () => {
    const register = createLocalRegister({ origin, persona: AN, commandsVia: 'service' });
    expect(register.data.commands).toBeInstanceOf(RemoteCommandService);
    const registered = await register.data.commands.execute(REFERENCE, registerCommand(REFERENCE, 'svc-register'));
    if (!registered.ok) throw new Error(`refused: ${JSON.stringify(registered.errors)}`);
    const commented = await register.data.commands.execute(REFERENCE, commentCommand('svc-comment', 'Via de dienst.'));
    expect(commented.ok).toBe(true);
    const loaded = await register.data.commands.load(REFERENCE);
    expect(loaded.events.map((item) => [item.event.type, item.event.actor.id])).toEqual([
      ['DossierRegistered', AN],
      ['CommentAdded', AN]
    ]);
  }, 60_000);

  it('a guest is refused by the service (the roles come from the site groups, not from the client)', async () => {
    const guest = createLocalComposition({ baseUrl: origin, userEmail: GAST, commandsVia: 'service', messaging: false }).data;
    const outcome = await guest.commands.execute(REFERENCE, commentCommand('svc-guest'), { id: AN, displayName: 'An', roles: ['dpoTeam'] }).catch((error: unknown) => error);
    expect(outcome).toMatchObject({ code: 'data.error.accessDenied', status: 403 });
    const an = createLocalComposition({ baseUrl: origin, userEmail: AN, messaging: false, commandsVia: 'direct' }).data;
    expect((await an.commands.load(REFERENCE)).events.map((item) => item.event.id)).not.toContain('svc-guest:0');
  }, 60_000);

  it('tells the next actor of a hand-over in their own language (the service reads preferredLanguage)', async () => {
    const reference = 'VSA-2026-0043';
    const register = createLocalRegister({ origin, persona: AN, commandsVia: 'service' });
    await fetch(`${origin}/_local/outbox`, { method: 'DELETE', headers: hookHeaders });
    const registered = await register.data.commands.execute(reference, registerCommand(reference, 'svc-register-43'));
    if (!registered.ok) throw new Error(`refused: ${JSON.stringify(registered.errors)}`);
    const lotte = { id: 'lotte.wouters@vsa.local', displayName: 'Lotte Wouters', roles: ['statistician' as const] };
    const assigned = await register.data.commands.execute(reference, { type: 'assignStatistician', commandId: 'svc-assign-43', assignee: lotte });
    if (!assigned.ok) throw new Error(`refused: ${JSON.stringify(assigned.errors)}`);
    expect(assigned.reactionErrors ?? []).toEqual([]);
    const outbox = (await (await fetch(`${origin}/_local/outbox`, { headers: hookHeaders })).json()) as { value: { kind: string; recipients: string[]; subject: string }[] };
    const activities = outbox.value.filter((entry) => entry.kind === 'activity').map((entry) => [entry.recipients[0], entry.subject]);
    // The registration tells the rest of the DPO team (Dutch), the assignment tells Lotte (English).
    expect(activities).toEqual(expect.arrayContaining([
      ['jeroen.maes@vsa.local', `Dossier ${reference}: nieuwe aanvraag, statisticus toe te wijzen`],
      ['lotte.wouters@vsa.local', `Dossier ${reference}: assigned to you`]
    ]));
    expect(activities.map(([recipient]) => recipient)).not.toContain(AN);
    expect(activities.map(([, subject]) => subject).filter((subject) => subject.includes(' / '))).toEqual([]);
  }, 60_000);
});
