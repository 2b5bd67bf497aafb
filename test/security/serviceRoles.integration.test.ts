import { LOCAL_API_AUDIENCE, LOCAL_API_PREFIX } from '../../src/composition/localTenantIdentity';
import { hasDataErrorCode } from '../../src/data/errors';
import { serviceRoutes } from '../../src/data/service/contract';
import type { Command } from '../../src/domain/commands';
import { tableRefusals } from '../../src/domain/permissions';
import type { Actor } from '../../src/domain/types';
import { demoPersonas } from '../../src/local/personas';
import { assignCommand, commentCommand, registerCommand } from '../data/support/fixtures';
import { AN, as, ELS, GAST, JEROEN, KAREL, OWNER, SOFIE, startTenant, type RunningTenant } from '../data/support/tenant';
import { tokenFor } from '../support/tokens';

/**
 * Issue 12, "Tests": the changes the direct-write probes try (directWrites.integration.test.ts) go
 * through the command service, and succeed only for the role the workflow table allows. The expected
 * outcome of every persona × command is computed from `tableRefusals` (src/domain/permissions.ts) on
 * the dossier as stored, with the persona's roles from the local directory; the guest has no VSA role
 * and the service refuses it before the domain (403).
 */
const personas = [AN, JEROEN, SOFIE, KAREL, ELS];

function actorOf(email: string): Actor {
  const persona = demoPersonas.find((p) => p.email === email)!;
  return { id: persona.email, displayName: persona.displayName, roles: persona.roles as Actor['roles'] };
}

/** A command probed on a dossier in the state `setUp` leaves it in (a fresh dossier per case). */
interface Probe {
  readonly name: string;
  /** Brings a new dossier to the state the probe needs; `undefined` for a command that creates one. */
  readonly setUp?: (reference: string) => Promise<void>;
  readonly command: (reference: string, id: string) => Command;
}

describe('the same changes through the command service succeed only for the role the workflow table allows', () => {
  let tenant: RunningTenant;
  let counter = 100;
  const nextReference = (): string => `VSA-2026-${String((counter += 1)).padStart(4, '0')}`;
  const registered = async (reference: string): Promise<void> => {
    expect((await as(tenant, AN).data.commands.execute(reference, registerCommand(reference, `setup-${reference}`))).ok).toBe(true);
  };

  const probes: Probe[] = [
    { name: 'addComment (anyVsaRole) in intake', setUp: registered, command: (_, id) => commentCommand(id, 'Opmerking via de dienst') },
    { name: 'assignStatistician (dpoTeam) in intake', setUp: registered, command: (_, id) => assignCommand(id) },
    { name: 'registerRequest (dpoTeam) of a new dossier', command: (reference, id) => registerCommand(reference, id) },
    // countersign is the chief statistician's, but not in intake: refused to everyone, Els included.
    { name: 'countersign (chiefStatistician) of a dossier that is not awaiting it', setUp: registered, command: (_, id) => ({ type: 'countersign', commandId: id, number: 'PROT-2026-001', documents: [] }) }
  ];

  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
  }, 30000);
  afterAll(async () => tenant?.close());

  for (const probe of probes) {
    it.each(personas)(`${probe.name}: %s gets what the table says`, async (persona) => {
      const reference = nextReference();
      if (probe.setUp) await probe.setUp(reference);
      const before = await as(tenant, OWNER).data.commands.load(reference);
      const refusals = tableRefusals(before.dossier, probe.command(reference, 'x').type, actorOf(persona));
      const outcome = await as(tenant, persona).data.commands.execute(reference, probe.command(reference, `probe-${reference}`));
      const after = await as(tenant, OWNER).data.commands.load(reference);
      if (refusals.length === 0) {
        expect(outcome).toMatchObject({ ok: true });
        expect(after.events.length).toBeGreaterThan(before.events.length);
        expect(after.events[after.events.length - 1].event.actor.id).toBe(persona);
      } else {
        expect(outcome.ok).toBe(false);
        const codes = outcome.ok ? [] : outcome.errors.map((error) => error.code);
        expect(codes).toEqual(expect.arrayContaining(refusals.map((refusal) => refusal.code)));
        expect(after.events).toHaveLength(before.events.length);
      }
    });
  }

  it('the table allows each probed command to someone (the matrix is not all refusals)', () => {
    const allowed = ['addComment', 'assignStatistician', 'registerRequest'].map((command) =>
      personas.some((persona) => tableRefusals(command === 'registerRequest' ? undefined : ({ state: 'intake', requester: { isIndividual: false, institution: 'Universiteit Voorbeeld', contact: { name: 'Karel', email: 'karel@uni.example' } } } as never), command as never, actorOf(persona)).length === 0)
    );
    expect(allowed).toEqual([true, true, true]);
  });

  it.each(probes.map((probe) => probe.name))('%s: the guest is refused with 403 and nothing is stored', async (name) => {
    const probe = probes.find((p) => p.name === name)!;
    const reference = nextReference();
    if (probe.setUp) await probe.setUp(reference);
    const before = await as(tenant, OWNER).data.commands.load(reference);
    const error = await as(tenant, GAST).data.commands.execute(reference, probe.command(reference, `gast-${reference}`)).then(() => undefined, (e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.accessDenied')).toBe(true);
    expect((await as(tenant, OWNER).data.commands.load(reference)).events).toHaveLength(before.events.length);
  });

  it('an actor in the body naming Els, sent by Sofie, is ignored: the stored event\'s actor is Sofie', async () => {
    const reference = nextReference();
    await registered(reference);
    const token = await tokenFor(tenant.baseUrl, SOFIE, LOCAL_API_AUDIENCE);
    const response = await fetch(`${tenant.baseUrl}${LOCAL_API_PREFIX}/${serviceRoutes.command(reference)}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ command: commentCommand('forged-actor', 'In naam van Els'), actor: actorOf(ELS) })
    });
    expect(response.status).toBe(200);
    const loaded = await as(tenant, OWNER).data.commands.load(reference);
    const stored = loaded.events.find((item) => item.event.id.startsWith('forged-actor'))!;
    expect(stored.event.actor).toEqual(expect.objectContaining({ id: SOFIE, roles: ['statistician'] }));
    expect(JSON.stringify(loaded.events)).not.toContain(ELS);
  });
});
