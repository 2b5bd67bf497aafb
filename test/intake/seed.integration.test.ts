import { GraphSharedMailbox } from '../../src/data/mail';
import { MailIntakeService } from '../../src/app/mailIntake';
import { seedMailbox } from '../../src/local/mailbox/seed';
import { AN, MAILBOX, startIntakeTenant } from './support/front';
import type { IntakeTenant } from './support/front';
import { driveDossier } from './support/flow';

describe('seeded shared mailbox', () => {
  let tenant: IntakeTenant;
  beforeAll(async () => {
    tenant = await startIntakeTenant();
    await driveDossier(tenant, 'VSA-2026-0001', 'awaitingSignatures');
  }, 60_000);
  afterAll(async () => tenant?.close());

  it('seeds realistic messages once, and the intake imports them into signed or draft documents', async () => {
    expect(await seedMailbox(tenant.tenant.store, { replyToReference: 'VSA-2026-0001', now: new Date('2026-11-25T12:00:00Z') })).toBe(4);
    expect(await seedMailbox(tenant.tenant.store, { replyToReference: 'VSA-2026-0001' })).toBe(0);
    const { data } = tenant.as(AN);
    const actor = await data.directory.currentActor();
    const intake = new MailIntakeService({ mailbox: new GraphSharedMailbox(tenant.graph(AN), MAILBOX), commands: data.commands, documents: data.documents, nextReference: (y) => data.lookups.nextReference(y), clock: () => '2026-11-25T12:30:00.000Z' });
    const pending = await intake.pendingMessages();
    expect(pending).toHaveLength(4);
    const reply = pending.find((p) => p.suggestedReference === 'VSA-2026-0001')!;
    expect(reply.message.subject).toMatch(/^RE: \[VSA-2026-0001\]/);
    // The seeded reply comes from another address than the dossier's contact: the team must confirm first.
    expect(await intake.attachToDossier(reply.message.id, 'VSA-2026-0001', actor)).toEqual({
      status: 'confirmationRequired', reference: 'VSA-2026-0001',
      reason: { kind: 'guard', code: 'dossier.error.senderNotKnown', params: { sender: 'karel.contact@kuleuven.example', reference: 'VSA-2026-0001', institution: 'Universiteit Voorbeeld' } }
    });
    expect((await intake.pendingMessages()).find((p) => p.message.id === reply.message.id)?.message.categories).toEqual([]);
    const attached = await intake.attachToDossier(reply.message.id, 'VSA-2026-0001', actor, { confirmSender: true });
    expect((await data.commands.load('VSA-2026-0001')).dossier?.correspondence.at(-1)).toMatchObject({ sender: 'karel.contact@kuleuven.example', senderConfirmed: true });
    expect(attached).toMatchObject({ status: 'imported', attachments: [{ status: 'stored', kind: 'mandate', document: { phase: 'signed' } }] });

    const withForms = pending.find((p) => p.message.hasAttachments && !p.suggestedReference)!;
    const created = await intake.createDossier(withForms.message.id, { institution: 'Hogeschool West-Vlaanderen' }, actor);
    if (created.status !== 'imported') throw new Error(JSON.stringify(created));
    expect(created.attachments.map((a) => a.status === 'stored' && [a.kind, a.document.phase])).toEqual([
      ['aanvraagformulier', 'draft'],
      ['protocol', 'draft'],
      ['verklaringTOM', 'draft']
    ]);
    expect(created.attachments.every((a) => a.status === 'stored' && a.check !== undefined)).toBe(true);
    expect(await intake.pendingMessages()).toHaveLength(2);
  });

  it('shows the mailbox on /mailbox to signed-in staff only, escaped', async () => {
    const anonymous = await fetch(`${tenant.baseUrl}/mailbox`);
    expect(anonymous.status).toBe(403);
    const page = await fetch(`${tenant.baseUrl}/mailbox`, { headers: { Cookie: `lt_persona=${encodeURIComponent(AN)}` } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Aanvraag individuele gegevens – pendelgedrag en telewerk');
    expect(html).toContain('Dossier VSA-2026-0001');
    expect(html).toContain('Bram Lievens &lt;bram.lievens@howest.example&gt;');
    const guest = await fetch(`${tenant.baseUrl}/mailbox`, { headers: { Cookie: 'lt_persona=gast%40vsa.local' } });
    expect(guest.status).toBe(403);
  });
});
