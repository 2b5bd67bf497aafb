import { buildMailDraft, editDraft } from '../../src/correspondence';
import { CommandService } from '../../src/data/commandService';
import { DataError } from '../../src/data/errors';
import { CorrespondenceService } from '../../src/data/mail';
import type { OutgoingMail } from '../../src/data/mail';
import type { DocumentLibrary } from '../../src/data/ports';
import { MemoryStores } from '../data/support/memoryStores';
import { buildDossier, people } from '../correspondence/support/dossiers';

/** A command service on in-memory stores holding one dossier in `formsRequested`. */
function setUp() {
  const stores = new MemoryStores();
  const { events } = buildDossier({ reference: 'VSA-2026-0601', upTo: 'formsRequested' });
  events.forEach((event, index) => stores.log.push({ sequence: index + 1, event }));
  const commands = new CommandService({ dossiers: stores, events: stores, clock: () => '2026-03-01T10:00:00.000Z' });
  const sent: OutgoingMail[] = [];
  const sender = { send: jest.fn(async (mail: OutgoingMail) => void sent.push(mail)) };
  const documents = { download: jest.fn(async () => new Uint8Array([1, 2, 3])) } as unknown as DocumentLibrary;
  const template = jest.fn(async () => new Uint8Array([80, 75]));
  const service = new CorrespondenceService({ commands, documents, sender, template, clock: () => '2026-03-01T10:00:00.000Z' });
  return { stores, commands, sender, sent, service, template };
}

const context = { mailbox: 'data-aanvragen@vsa.local' };

describe('CorrespondenceService', () => {
  it('resolves template and dossier attachments with their content types', async () => {
    const { service, commands, template } = setUp();
    const dossier = (await commands.load('VSA-2026-0601')).dossier!;
    const draft = editDraft(buildMailDraft('requestForms', dossier, { context }), {
      attachments: [{ source: 'template', formType: 'protocol', fileName: 'protocol.docx' }, { source: 'dossier', fileName: 'bijlage.pdf' }]
    });
    const resolved = await service.resolveAttachments(draft);
    expect(resolved.map((a) => [a.name, a.contentType, a.content.length])).toEqual([
      ['protocol.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 2],
      ['bijlage.pdf', 'application/pdf', 3]
    ]);
    expect(template).toHaveBeenCalledWith('protocol');
  });

  it('reports a mail that went out but could not be recorded, and records it on retry without sending again', async () => {
    const { service, stores, commands, sent } = setUp();
    const dossier = (await commands.load('VSA-2026-0601')).dossier!;
    const draft = buildMailDraft('requestForms', dossier, { context });
    const original = stores.createProjection.bind(stores);
    stores.createProjection = async () => {
      stores.createProjection = original;
      throw new DataError('data.error.unavailable', 'SharePoint is down', 503);
    };
    const outcome = await service.send(draft, people.team, 'mail-1');
    if (outcome.status !== 'sentNotRecorded') throw new Error(`expected sentNotRecorded, got ${outcome.status}`);
    expect(outcome.sentAt).toBe('2026-03-01T10:00:00.000Z');
    expect(sent).toHaveLength(1);
    expect(await service.recordSent(draft, people.team, 'mail-1', outcome.sentAt)).toBe('mail-1:0');
    expect(await service.send(draft, people.team, 'mail-1')).toEqual({ status: 'alreadySent' });
    expect(await service.recordSent(draft, people.team, 'mail-1', outcome.sentAt)).toBe('mail-1:0');
    expect(sent).toHaveLength(1);
    const recorded = (await commands.load('VSA-2026-0601')).dossier!.correspondence;
    expect(recorded).toEqual([expect.objectContaining({ direction: 'outgoing', kind: 'requestForms', messageId: 'outgoing:mail-1', sentAt: '2026-03-01T10:00:00.000Z' })]);
  });

  it('records nothing when sending fails, and sends nothing for an invalid draft', async () => {
    const { service, sender, commands, stores } = setUp();
    const dossier = (await commands.load('VSA-2026-0601')).dossier!;
    const draft = buildMailDraft('requestForms', dossier, { context });
    sender.send.mockRejectedValueOnce(new DataError('data.error.throttled', 'throttled', 429));
    await expect(service.send(draft, people.team, 'mail-2')).rejects.toMatchObject({ code: 'data.error.throttled' });
    expect(stores.log.some((item) => item.event.id.startsWith('mail-2:'))).toBe(false);
    const invalid = await service.send(editDraft(draft, { subject: '' }), people.team, 'mail-3');
    expect(invalid).toEqual({ status: 'refused', errors: [{ code: 'mail.error.emptySubject' }] });
    expect(sender.send).toHaveBeenCalledTimes(1);
  });

  it('sends the forms request for the assigned statistician from the shared mailbox (step 1, issue 16)', async () => {
    const { service, commands, sent } = setUp();
    const dossier = (await commands.load('VSA-2026-0601')).dossier!;
    expect(dossier.assignedStatistician?.id).toBe(people.statistician.id);
    const outcome = await service.send(buildMailDraft('requestForms', dossier, { context }), people.statistician, 'mail-stat-1');
    expect(outcome).toEqual({ status: 'sent', eventId: 'mail-stat-1:0' });
    expect(sent).toHaveLength(1);
    expect((await commands.load('VSA-2026-0601')).dossier!.correspondence).toEqual([
      expect.objectContaining({ kind: 'requestForms', recordedBy: { id: people.statistician.id, displayName: people.statistician.displayName } })
    ]);
  });

  it('refuses another statistician before anything leaves the mailbox', async () => {
    const { service, commands, sender } = setUp();
    const dossier = (await commands.load('VSA-2026-0601')).dossier!;
    const other = { id: 'olga@vsa.example', displayName: 'Olga Ander', roles: ['statistician' as const] };
    const outcome = await service.send(buildMailDraft('requestForms', dossier, { context }), other, 'mail-other-1');
    expect(outcome).toEqual({ status: 'domainRefused', errors: [expect.objectContaining({ code: 'dossier.error.mailSenderNotAllowed' })] });
    expect(sender.send).not.toHaveBeenCalled();
    expect((await commands.load('VSA-2026-0601')).dossier!.correspondence).toEqual([]);
  });
});
