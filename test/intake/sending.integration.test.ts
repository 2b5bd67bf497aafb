import { buildMailDraft, editDraft } from '../../src/correspondence';
import { CorrespondenceService, GraphMailSender } from '../../src/data/mail';
import type { Actor } from '../../src/domain';
import { AN, MAILBOX, startIntakeTenant } from './support/front';
import type { IntakeTenant } from './support/front';
import { driveDossier } from './support/flow';
import { filledApplicationForm } from './support/files';

interface OutboxEntry {
  kind: string;
  sender: string;
  recipients: string[];
  subject: string;
  payload: { message: { attachments: { name: string; contentType: string; contentBytes: string }[]; body: { content: string } } };
}

describe('sending correspondence from the shared mailbox', () => {
  let tenant: IntakeTenant;
  let service: CorrespondenceService;
  let actor: Actor;

  beforeAll(async () => {
    tenant = await startIntakeTenant();
    const { data } = tenant.as(AN);
    actor = await data.directory.currentActor();
    service = new CorrespondenceService({ commands: data.commands, documents: data.documents, sender: new GraphMailSender(tenant.graph(AN), MAILBOX) });
    await driveDossier(tenant, 'VSA-2026-0001', 'formsRequested');
    await tenant.hook('DELETE', 'outbox');
  }, 60_000);
  afterAll(async () => tenant?.close());

  const outbox = async (): Promise<OutboxEntry[]> => ((await tenant.hook('GET', 'outbox')) as { value: OutboxEntry[] }).value.filter((e) => e.kind === 'mail');

  it('sends the request for forms with the three templates and records it as an event', async () => {
    const dossier = (await tenant.as(AN).data.commands.load('VSA-2026-0001')).dossier!;
    const draft = buildMailDraft('requestForms', dossier, { context: { mailbox: MAILBOX } });
    const edited = editDraft(draft, { body: `${draft.body}\n\nPS: de formulieren zijn ook op de website te vinden.` });
    const outcome = await service.send(edited, actor, 'mail-forms-1');
    expect(outcome).toEqual({ status: 'sent', eventId: 'mail-forms-1:0' });

    const [mail] = await outbox();
    expect(mail).toMatchObject({ sender: MAILBOX, recipients: ['karel@uni.example'], subject: '[VSA-2026-0001] Aanvraag microdata: in te vullen formulieren' });
    expect(mail.payload.message.body.content).toContain('PS: de formulieren');
    expect(mail.payload.message.attachments.map((a) => a.name)).toEqual(['aanvraagformulier.docx', 'verklaringTOM.docx', 'protocol.docx']);
    for (const attachment of mail.payload.message.attachments) {
      expect(Buffer.from(attachment.contentBytes, 'base64').subarray(0, 2).toString()).toBe('PK');
    }
    const dossierAfter = (await tenant.as(AN).data.commands.load('VSA-2026-0001')).dossier!;
    expect(dossierAfter.comments).toEqual([]);
    expect(dossierAfter.correspondence).toEqual([
      expect.objectContaining({
        direction: 'outgoing', kind: 'requestForms', messageId: 'outgoing:mail-forms-1', eventId: 'mail-forms-1:0', recipientsCount: 1,
        subject: '[VSA-2026-0001] Aanvraag microdata: in te vullen formulieren', attachmentNames: ['aanvraagformulier.docx', 'verklaringTOM.docx', 'protocol.docx']
      })
    ]);
    expect(JSON.stringify(dossierAfter.correspondence)).not.toContain('karel@uni.example');
  });

  it('does not send twice for the same command id', async () => {
    const dossier = (await tenant.as(AN).data.commands.load('VSA-2026-0001')).dossier!;
    const draft = buildMailDraft('requestForms', dossier, { context: { mailbox: MAILBOX } });
    expect(await service.send(draft, actor, 'mail-forms-1')).toEqual({ status: 'alreadySent' });
    expect(await outbox()).toHaveLength(1);
  });

  it('refuses an invalid draft before anything is sent', async () => {
    const dossier = (await tenant.as(AN).data.commands.load('VSA-2026-0001')).dossier!;
    const draft = editDraft(buildMailDraft('decision', dossier, { context: { mailbox: MAILBOX } }), { to: [] });
    const outcome = await service.send(draft, actor, 'mail-decision-1');
    expect(outcome.status).toBe('refused');
    if (outcome.status === 'refused') expect(outcome.errors.map((e) => e.code).sort()).toEqual(['mail.error.noRecipient', 'mail.error.unfilledPlaceholder']);
    expect(await outbox()).toHaveLength(1);
  });

  it('attaches files of the dossier folder', async () => {
    const { data } = tenant.as(AN);
    await data.documents.ensureFolder('VSA-2026-0001');
    // The service checks what it stores, so the file is a real form (with remarks for the requester).
    const withRemarks = await filledApplicationForm();
    await data.documents.upload('VSA-2026-0001', 'aanvraag-opmerkingen.docx', withRemarks, { kind: 'aanvraagformulier', phase: 'draft' });
    const dossier = (await data.commands.load('VSA-2026-0001')).dossier!;
    const draft = editDraft(buildMailDraft('returnWithComments', dossier, { context: { mailbox: MAILBOX } }), {
      body: 'Zie de opmerkingen in bijlage. [VSA-2026-0001]',
      attachments: [{ source: 'dossier', fileName: 'aanvraag-opmerkingen.docx' }]
    });
    expect((await service.send(draft, actor, 'mail-return-1')).status).toBe('sent');
    const last = (await outbox())[0];
    expect(last.payload.message.attachments).toEqual([
      expect.objectContaining({ name: 'aanvraag-opmerkingen.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', contentBytes: Buffer.from(withRemarks).toString('base64') })
    ]);
  });
});
