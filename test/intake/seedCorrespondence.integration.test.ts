import { GraphSharedMailbox } from '../../src/data/mail';
import { MailIntakeService } from '../../src/app/mailIntake';
import type { CorrespondenceEntry } from '../../src/domain';
import { seed, SITE_OWNER } from '../../src/local/seed';
import { seedCorrespondence, seededSentMails, teamMember } from '../../src/local/seed/correspondence';
import { planDossiers } from '../../src/local/seed/plan';
import { SeededRandom } from '../../src/local/seed/random';
import { signInPersonas } from '../../src/local/seed/runner';
import { AN, MAILBOX, startIntakeTenant } from './support/front';
import type { IntakeTenant } from './support/front';

/** The full seed against the intake front: dossiers first, then the mailbox and the recorded sent mails. */
describe('the seed fills the shared mailbox and records sent mails', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  let tenant: IntakeTenant;
  let report: Awaited<ReturnType<typeof seed>>;
  const plans = planDossiers(new SeededRandom(20260101), now);
  const firstWith = (target: string): string => plans.filter((p) => p.target === target).map((p) => p.reference).sort()[0];

  beforeAll(async () => {
    tenant = await startIntakeTenant();
    report = await seed({ baseUrl: tenant.baseUrl, now });
  }, 120_000);
  afterAll(async () => tenant?.close());

  it('adds the demo messages after the dossiers, with a reply from the contact of a dossier awaiting signatures', async () => {
    expect(report.mailboxMessages).toBe(4);
    const { data } = tenant.as(AN);
    const intake = new MailIntakeService({ mailbox: new GraphSharedMailbox(tenant.graph(AN), MAILBOX), commands: data.commands, documents: data.documents, nextReference: (y) => data.lookups.nextReference(y) });
    const pending = await intake.pendingMessages();
    expect(pending).toHaveLength(4);
    const awaiting = (await data.commands.load(firstWith('awaitingSignatures'))).dossier!;
    expect(awaiting.state).toBe('awaitingSignatures');
    const reply = pending.find((p) => p.suggestedReference !== undefined);
    expect(reply?.suggestedReference).toBe(awaiting.reference);
    expect(reply?.message.from.address).toBe(awaiting.requester.contact.email);
    expect(pending.filter((p) => p.message.hasAttachments).length).toBe(2);
  });

  it('records the sent mails through recordCorrespondence, deterministically after the last transition', async () => {
    expect(report.sentMails).toBe(seededSentMails.length);
    const { data } = tenant.as(AN);
    for (const [target, kind] of seededSentMails) {
      const loaded = await data.commands.load(firstWith(target));
      const dossier = loaded.dossier!;
      expect(dossier.state).toBe(target);
      const last = loaded.events.at(-1)!.event;
      const previous = loaded.events.at(-2)!.event;
      expect(last).toMatchObject({ type: 'CorrespondenceRecorded', direction: 'outgoing', kind, id: `seed-${dossier.reference}-mail-${kind}:0` });
      expect(Date.parse(last.at) - Date.parse(previous.at)).toBe(30 * 60_000);
      const entry = dossier.correspondence.at(-1) as CorrespondenceEntry;
      expect(entry).toMatchObject({ kind, messageId: `outgoing:seed-${dossier.reference}-mail-${kind}`, recipientsCount: 1 });
      expect(entry.subject.startsWith(`[${dossier.reference}]`)).toBe(true);
      if (kind === 'requestForms') expect(entry.attachmentNames.length).toBeGreaterThan(0);
      expect(JSON.stringify(loaded.events.map((e) => e.event).filter((e) => e.type === 'CorrespondenceRecorded'))).not.toContain(dossier.requester.contact.email);
    }
  });

  it('running the correspondence seed again adds and records nothing', async () => {
    const personas = await signInPersonas(tenant.baseUrl, [AN]);
    const again = await seedCorrespondence(tenant.baseUrl, SITE_OWNER, plans.map((p) => ({ ...p })), teamMember(personas), now);
    expect(again).toMatchObject({ messages: 0, sentMails: 0 });
    expect((await tenant.as(AN).data.commands.load(firstWith('formsRequested'))).dossier!.correspondence).toHaveLength(1);
  });
});
