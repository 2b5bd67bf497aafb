import { GraphSharedMailbox } from '../../src/data/mail';
import { MailIntakeService } from '../../src/app/mailIntake';
import { pathAfterVersion } from '../../src/data/mail/graphSharedMailbox';
import { linkedCategory } from '../../src/correspondence';
import type { Actor } from '../../src/domain';
import { AN, MAILBOX, deliverMail, startIntakeTenant } from './support/front';
import type { IntakeTenant } from './support/front';
import { filledApplicationForm, tinyPdf } from './support/files';

describe('mailbox intake against the local tenant', () => {
  let tenant: IntakeTenant;
  let intake: MailIntakeService;
  let mailbox: GraphSharedMailbox;
  let actor: Actor;
  const now = '2026-11-25T10:00:00.000Z';

  beforeAll(async () => {
    tenant = await startIntakeTenant();
    const { data } = tenant.as(AN);
    actor = await data.directory.currentActor();
    mailbox = new GraphSharedMailbox(tenant.graph(AN), MAILBOX);
    intake = new MailIntakeService({ mailbox, commands: data.commands, documents: data.documents, nextReference: (year) => data.lookups.nextReference(year), clock: () => now });
  }, 60_000);
  afterAll(async () => tenant?.close());

  let newRequestId: string;

  it('lists the unlinked messages of the shared mailbox', async () => {
    newRequestId = await deliverMail(
      tenant,
      { subject: 'Aanvraag microdata welzijn', fromName: 'Karel Contact', fromAddress: 'Karel@Uni.Example', receivedDateTime: '2026-11-20T08:15:00Z' },
      [
        { name: 'aanvraagformulier.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', content: await filledApplicationForm() },
        { name: 'Volmacht rector.pdf', contentType: 'application/pdf', content: tinyPdf() },
        { name: 'foto.jpg', contentType: 'image/jpeg', content: new Uint8Array([0xff, 0xd8, 0xff]) }
      ]
    );
    const pending = await intake.pendingMessages();
    expect(pending.map((p) => p.message.id)).toEqual([newRequestId]);
    expect(pending[0].message).toMatchObject({ subject: 'Aanvraag microdata welzijn', from: { address: 'Karel@Uni.Example' }, hasAttachments: true, categories: [] });
  });

  it('refuses a dossier without institution and leaves the message untouched', async () => {
    const outcome = await intake.createDossier(newRequestId, {}, actor);
    expect(outcome.status).toBe('refused');
    expect((await mailbox.getMessage(newRequestId)).categories).toEqual([]);
    expect(await tenant.as(AN).data.dossiers.referencesStartingWith('VSA-2026-')).toEqual([]);
  });

  it('creates a dossier from the message, stores and checks the attachments, links the message', async () => {
    const outcome = await intake.createDossier(newRequestId, { institution: 'Universiteit Voorbeeld' }, actor);
    if (outcome.status !== 'imported') throw new Error(JSON.stringify(outcome));
    expect(outcome.reference).toBe('VSA-2026-0001');
    expect(outcome.created).toBe(true);
    const byName = Object.fromEntries(outcome.attachments.map((a) => [a.name, a]));
    expect(byName['aanvraagformulier.docx']).toMatchObject({ status: 'stored', kind: 'aanvraagformulier' });
    const check = (byName['aanvraagformulier.docx'] as { check?: { blocking: number } }).check;
    expect(check?.blocking).toBeGreaterThan(0);
    expect(byName['Volmacht rector.pdf']).toMatchObject({ status: 'stored', kind: 'mandate' });
    expect(byName['foto.jpg']).toEqual({ name: 'foto.jpg', status: 'skipped', reason: 'unsupportedType' });

    const { data } = tenant.as(AN);
    const documents = await data.documents.list('VSA-2026-0001');
    expect(documents.map((d) => [d.fileName, d.kind, d.phase, d.checkStatus]).sort()).toEqual([
      ['Volmacht rector.pdf', 'mandate', 'draft', 'notChecked'],
      ['aanvraagformulier.docx', 'aanvraagformulier', 'draft', 'blocking']
    ]);
    const loaded = await data.commands.load('VSA-2026-0001');
    expect(loaded.dossier).toMatchObject({ state: 'intake', subject: 'Aanvraag microdata welzijn', receivedOn: '2026-11-20', requester: { contact: { email: 'karel@uni.example', name: 'Karel Contact' } } });
    expect(loaded.dossier?.correspondence).toEqual([
      expect.objectContaining({
        direction: 'incoming', kind: 'incoming', messageId: newRequestId, receivedAt: '2026-11-20T08:15:00Z',
        attachmentNames: ['Volmacht rector.pdf', 'aanvraagformulier.docx'].sort()
      })
    ]);
    expect(loaded.events.map((item) => item.event.type)).toEqual(['DossierRegistered', 'CorrespondenceRecorded']);
    expect((await mailbox.getMessage(newRequestId)).categories).toEqual([linkedCategory('VSA-2026-0001')]);
  });

  it('never imports a message twice', async () => {
    expect(await intake.createDossier(newRequestId, { institution: 'Universiteit Voorbeeld' }, actor)).toEqual({ status: 'alreadyLinked', reference: 'VSA-2026-0001' });
    expect(await intake.attachToDossier(newRequestId, 'VSA-2026-0001', actor)).toEqual({ status: 'alreadyLinked', reference: 'VSA-2026-0001' });
    expect(await intake.pendingMessages()).toEqual([]);
    const { data } = tenant.as(AN);
    expect(await data.dossiers.referencesStartingWith('VSA-2026-')).toEqual(['VSA-2026-0001']);
    expect((await data.commands.load('VSA-2026-0001')).events).toHaveLength(2);
  });

  it('recognises the reference in a reply and attaches it to that dossier', async () => {
    const replyId = await deliverMail(
      tenant,
      { subject: 'RE: [VSA-2026-0001] Aanvraag microdata: formulieren', fromName: 'Karel Contact', fromAddress: 'karel@uni.example', receivedDateTime: '2026-11-24T09:00:00Z' },
      [{ name: 'protocol ondertekend.pdf', contentType: 'application/pdf', content: tinyPdf() }]
    );
    const [pending] = await intake.pendingMessages();
    expect(pending).toMatchObject({ message: { id: replyId }, suggestedReference: 'VSA-2026-0001' });
    const outcome = await intake.attachToDossier(replyId, pending.suggestedReference!, actor);
    expect(outcome).toMatchObject({ status: 'imported', reference: 'VSA-2026-0001', created: false, attachments: [{ name: 'protocol ondertekend.pdf', status: 'stored', kind: 'protocol' }] });
    expect(await intake.pendingMessages()).toEqual([]);
  });

  it('resumes an interrupted import with the claimed reference instead of creating a second dossier', async () => {
    const id = await deliverMail(tenant, { subject: 'Nieuwe aanvraag', fromName: 'Ilse Onderzoek', fromAddress: 'ilse@hogeschool.example', receivedDateTime: '2026-11-25T07:00:00Z' });
    const { data } = tenant.as(AN);
    // Simulate a crash after the claim and the registration, before the attachments and the link.
    await mailbox.setCategories(id, ['Intake VSA-2026-0002']);
    await data.commands.execute('VSA-2026-0002', {
      type: 'registerRequest', commandId: `mail:${id}:register`, reference: 'VSA-2026-0002',
      requester: { institution: 'Hogeschool Voorbeeld', isIndividual: false, contact: { name: 'Ilse Onderzoek', email: 'ilse@hogeschool.example' } },
      subject: 'Nieuwe aanvraag', receivedOn: '2026-11-25'
    }, actor, now);
    const [pending] = await intake.pendingMessages();
    expect(pending).toMatchObject({ message: { id }, interruptedReference: 'VSA-2026-0002' });
    const outcome = await intake.createDossier(id, { institution: 'Hogeschool Voorbeeld' }, actor);
    expect(outcome).toMatchObject({ status: 'imported', reference: 'VSA-2026-0002', created: false });
    expect(await data.dossiers.referencesStartingWith('VSA-2026-')).toEqual(['VSA-2026-0001', 'VSA-2026-0002']);
    expect((await mailbox.getMessage(id)).categories).toEqual(['Dossier VSA-2026-0002']);
  });

  it('refuses to attach to a dossier that does not exist', async () => {
    const id = await deliverMail(tenant, { subject: 'Vraag', fromName: 'X', fromAddress: 'x@y.example', receivedDateTime: '2026-11-25T08:00:00Z' });
    await expect(intake.attachToDossier(id, 'VSA-2026-0999', actor)).rejects.toMatchObject({ code: 'data.error.notFound' });
    expect((await mailbox.getMessage(id)).categories).toEqual([]);
  });

  it('pages through the inbox with @odata.nextLink', async () => {
    const graph = tenant.graph(AN);
    const first = (await graph.api(`/users/${MAILBOX}/mailFolders/inbox/messages`).top(2).select('id,subject').get()) as { value: { id: string; subject?: string; from?: unknown }[]; '@odata.nextLink'?: string };
    expect(first.value).toHaveLength(2);
    expect(Object.keys(first.value[0]).sort()).toEqual(['id', 'subject']);
    const next = first['@odata.nextLink']!;
    expect(next).toContain('%24skip=2');
    const second = (await graph.api(pathAfterVersion(next)).get()) as { value: { id: string }[] };
    const all = await mailbox.listMessages();
    expect([...first.value, ...second.value].map((m) => m.id).slice(0, all.length)).toEqual(all.map((m) => m.id).slice(0, first.value.length + second.value.length));
    expect(await mailbox.listMessages(3)).toHaveLength(3);
  });

  it('the mailbox route refuses other changes and strangers', async () => {
    const id = await deliverMail(tenant, { subject: 'Vraag 2', fromName: 'X', fromAddress: 'x@y.example', receivedDateTime: '2026-11-25T09:00:00Z' });
    await expect(tenant.graph(AN).api(`/users/${MAILBOX}/messages/${id}`).patch({ subject: 'gewijzigd' })).rejects.toMatchObject({ statusCode: 400 });
    await expect(tenant.graph('gast@vsa.local').api(`/users/${MAILBOX}/messages/${id}`).patch({ categories: ['x'] })).rejects.toMatchObject({ statusCode: 403 });
  });
});
