/**
 * The local composition root's page functions, run from Node with a persona (the browser pages call
 * them without one and the sign-in cookie says who): each reaches the same site and dossier.
 */
import {
  createLocalApprovals,
  createLocalComposition,
  createLocalGraphDossierStore,
  createLocalRegister,
  createLocalWordDossierPort,
  LOCAL_SHARED_MAILBOX
} from '../../src/composition/local';
import { startLocalTenant, type LocalTenant } from '../../src/local/server/server';
import { registerCommand } from '../data/support/fixtures';

const AN = 'an.peeters@vsa.local';
const ELS = 'els.vermeulen@vsa.local';
const REFERENCE = 'VSA-2026-0007';

describe('local composition root', () => {
  let tenant: LocalTenant;
  let origin: string;
  beforeAll(async () => {
    tenant = await startLocalTenant({ port: 0, dataFile: ':memory:' });
    origin = new URL(tenant.baseUrl).origin;
    await createLocalComposition({ baseUrl: origin, userEmail: 'beheer@vsa.local' }).data.provisioner.ensureAll();
    const an = createLocalComposition({ baseUrl: origin, userEmail: AN, messaging: false }).data;
    const outcome = await an.commands.execute(REFERENCE, registerCommand(REFERENCE, 'register'), await an.directory.currentActor());
    expect(outcome.ok).toBe(true);
  });
  afterAll(async () => tenant.close());

  it('gives the register page its data layer and the mail features on the local shared mailbox', async () => {
    const register = createLocalRegister({ origin, persona: AN });
    expect((await register.data.dossiers.readRegisterPage({})).rows.map((row) => row.reference)).toEqual([REFERENCE]);
    expect((await register.mail()).mailboxAddress).toBe(LOCAL_SHARED_MAILBOX);
  });

  it('gives the approvals page the gateway on Graph and the user from the SharePoint groups', async () => {
    const approvals = createLocalApprovals({ origin, persona: ELS });
    expect(await approvals.data.directory.currentActor()).toMatchObject({ id: ELS, roles: ['chiefStatistician'] });
    const loaded = await approvals.gateway.commands.load(REFERENCE);
    expect(loaded.dossier?.state).toBe('intake');
  });

  it('gives the Word page the dossier port and the Graph store on the same site', async () => {
    expect(await createLocalWordDossierPort({ origin, persona: AN }).findDossier(REFERENCE)).toMatchObject({ reference: REFERENCE, state: 'intake' });
    const page = await createLocalGraphDossierStore({ origin, persona: AN }).readRegisterPage({ states: ['intake'] });
    expect(page.rows.map((row) => row.reference)).toEqual([REFERENCE]);
  });
});
