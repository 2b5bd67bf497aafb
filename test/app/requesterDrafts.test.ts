import { buildMailDraft, editDraft, templateOf } from '../../src/correspondence';
import { reminderRule } from '../../src/domain/reminders/policy';
import { CommandService } from '../../src/data/commandService';
import { DataError } from '../../src/data/errors';
import { CorrespondenceService } from '../../src/data/mail';
import type { OutgoingMail } from '../../src/data/mail';
import type { DocumentLibrary } from '../../src/data/ports';
import { mailDraftOf, mayHandleDrafts, RequesterDraftService } from '../../src/app/requesterDrafts';
import type { Actor } from '../../src/domain/types';
import { MemoryStores } from '../data/support/memoryStores';
import { MemoryRequesterDrafts } from '../data/support/memoryRequesterDrafts';
import { buildDossier, people } from '../correspondence/support/dossiers';

const reference = 'VSA-2026-0701';
const now = '2026-03-01T10:00:00.000Z';
const other: Actor = { id: 'olga@vsa.example', displayName: 'Olga Ander', roles: ['statistician'] };

const reminderDraft = {
  key: `${reference}|requesterReminder|2026-02-20`,
  reference,
  kind: 'requesterReminder' as const,
  dueOn: '2026-02-20',
  draft: { reference, kind: 'requesterReminder' as const, lang: 'nl' as const, to: 'karel@uni.example', subject: `[${reference}] Herinnering: uw aanvraag van microdata`, body: 'Beste Karel Contact,\n\nUw aanvraag wacht op uw antwoord.' }
};

/** The real correspondence service on in-memory stores (dossier in `formsRequested`, Sam assigned) and the fake ledger. */
function setUp() {
  const stores = new MemoryStores();
  const { events } = buildDossier({ reference, upTo: 'formsRequested' });
  events.forEach((event, index) => stores.log.push({ sequence: index + 1, event }));
  const commands = new CommandService({ dossiers: stores, events: stores, clock: () => now });
  const sent: OutgoingMail[] = [];
  const sender = { send: jest.fn(async (mail: OutgoingMail) => void sent.push(mail)) };
  const documents = { download: jest.fn(async () => new Uint8Array()) } as unknown as DocumentLibrary;
  const correspondence = new CorrespondenceService({ commands, documents, sender, clock: () => now });
  const ledger = new MemoryRequesterDrafts();
  ledger.add(reminderDraft);
  const drafts = new RequesterDraftService(ledger, () => now);
  return { stores, commands, sent, correspondence, ledger, drafts };
}

const dossierOf = async (commands: CommandService) => {
  const dossier = (await commands.load(reference)).dossier;
  if (!dossier) throw new Error('setup');
  return dossier;
};

describe('RequesterDraftService (issue 16)', () => {
  it('prefills the composer with the draft: kind, language, recipient, subject and body, no attachments', () => {
    expect(mailDraftOf({ ...reminderDraft, revision: '"1"' })).toEqual({
      kind: 'requesterReminder', variant: 'default', lang: 'nl', dossierReference: reference, to: ['karel@uni.example'], cc: [],
      subject: reminderDraft.draft.subject, body: reminderDraft.draft.body, attachments: []
    });
  });

  it('sends the previewed mail through the correspondence service, records it in the dossier and marks the draft sent', async () => {
    const { commands, sent, correspondence, ledger, drafts } = setUp();
    const dossier = await dossierOf(commands);
    const [waiting] = await drafts.waitingFor(dossier, people.team);
    const edited = editDraft(drafts.mailDraftOf(waiting), { body: `${waiting.draft.body}\n\nPS: bel gerust.` });
    const outcome = await drafts.send(waiting, edited, dossier, people.team, 'draft-1', correspondence);
    expect(outcome).toEqual({ status: 'sent', eventId: 'draft-1:0' });
    expect(sent).toEqual([expect.objectContaining({ to: ['karel@uni.example'], subject: reminderDraft.draft.subject, body: expect.stringContaining('PS: bel gerust.') })]);
    expect((await dossierOf(commands)).correspondence).toEqual([expect.objectContaining({ direction: 'outgoing', kind: 'requesterReminder', messageId: 'outgoing:draft-1' })]);
    expect(ledger.items[0]).toMatchObject({ status: 'sent', handling: { status: 'sent', by: people.team.id, at: now, eventId: 'draft-1:0' } });
    expect(await drafts.waitingFor(dossier, people.team)).toEqual([]);
  });

  it('lets the assigned statistician send their dossier\'s draft', async () => {
    const { commands, correspondence, ledger, drafts } = setUp();
    const dossier = await dossierOf(commands);
    expect(mayHandleDrafts(people.statistician, dossier)).toBe(true);
    const [waiting] = await drafts.waitingFor(dossier, people.statistician);
    expect(await drafts.send(waiting, mailDraftOf(waiting), dossier, people.statistician, 'draft-2', correspondence)).toMatchObject({ status: 'sent' });
    expect(ledger.items[0].status).toBe('sent');
  });

  it('refuses a statistician not assigned to the dossier: no list, nothing sent, nothing marked', async () => {
    const { commands, sent, correspondence, ledger, drafts } = setUp();
    const dossier = await dossierOf(commands);
    expect(mayHandleDrafts(other, dossier)).toBe(false);
    await expect(drafts.waitingFor(dossier, other)).rejects.toMatchObject({ code: 'app.error.draftNotAllowed', params: { reference } });
    const waiting = { ...reminderDraft, revision: '"1"' };
    await expect(drafts.send(waiting, mailDraftOf(waiting), dossier, other, 'draft-3', correspondence)).rejects.toMatchObject({ code: 'app.error.draftNotAllowed' });
    await expect(drafts.dismiss(waiting, 'Al telefonisch gevraagd.', dossier, other)).rejects.toMatchObject({ code: 'app.error.draftNotAllowed' });
    expect(sent).toEqual([]);
    expect(ledger.items[0].status).toBe('waiting');
  });

  it('keeps the draft waiting when the mail was refused or not recorded, and marks it once the record succeeds', async () => {
    const { stores, commands, sent, correspondence, ledger, drafts } = setUp();
    const dossier = await dossierOf(commands);
    const [waiting] = await drafts.waitingFor(dossier, people.team);
    const refused = await drafts.send(waiting, editDraft(mailDraftOf(waiting), { subject: '' }), dossier, people.team, 'draft-4', correspondence);
    expect(refused.status).toBe('refused');
    expect(ledger.items[0].status).toBe('waiting');
    const original = stores.createProjection.bind(stores);
    stores.createProjection = async () => {
      stores.createProjection = original;
      throw new DataError('data.error.unavailable', 'SharePoint is down', 503);
    };
    const outcome = await drafts.send(waiting, mailDraftOf(waiting), dossier, people.team, 'draft-5', correspondence);
    if (outcome.status !== 'sentNotRecorded') throw new Error(`expected sentNotRecorded, got ${outcome.status}`);
    expect(ledger.items[0].status).toBe('waiting');
    expect(await drafts.recordSent(waiting, mailDraftOf(waiting), dossier, people.team, 'draft-5', outcome.sentAt, correspondence)).toBe('draft-5:0');
    expect(ledger.items[0]).toMatchObject({ status: 'sent', handling: { eventId: 'draft-5:0' } });
    expect(sent).toHaveLength(1);
  });

  it('marks a draft sent when the same command was sent before (a retry), without sending again', async () => {
    const { commands, sent, correspondence, ledger, drafts } = setUp();
    const dossier = await dossierOf(commands);
    const [waiting] = await drafts.waitingFor(dossier, people.team);
    await correspondence.send(mailDraftOf(waiting), people.team, 'draft-6');
    expect(await drafts.send(waiting, mailDraftOf(waiting), dossier, people.team, 'draft-6', correspondence)).toEqual({ status: 'alreadySent' });
    expect(sent).toHaveLength(1);
    expect(ledger.items[0].status).toBe('sent');
  });

  it('never sends a draft as another dossier\'s or another kind of mail', async () => {
    const { commands, sent, correspondence, drafts } = setUp();
    const dossier = await dossierOf(commands);
    const [waiting] = await drafts.waitingFor(dossier, people.team);
    await expect(drafts.send(waiting, { ...mailDraftOf(waiting), kind: 'destructionRequest' }, dossier, people.team, 'draft-7', correspondence)).rejects.toThrow(RangeError);
    expect(sent).toEqual([]);
  });

  it('dismisses only with a reason, and refuses when someone else handled the draft first', async () => {
    const { commands, ledger, drafts } = setUp();
    const dossier = await dossierOf(commands);
    const [waiting] = await drafts.waitingFor(dossier, people.team);
    await expect(drafts.dismiss(waiting, '   ', dossier, people.team)).rejects.toMatchObject({ code: 'app.error.draftReasonRequired' });
    expect(ledger.items[0].status).toBe('waiting');
    await drafts.dismiss(waiting, ' De aanvrager belde vandaag. ', dossier, people.statistician);
    expect(ledger.items[0]).toMatchObject({ status: 'dismissed', handling: { status: 'dismissed', by: people.statistician.id, at: now, reason: 'De aanvrager belde vandaag.' } });
    await expect(drafts.dismiss(waiting, 'Nog eens.', dossier, people.team)).rejects.toMatchObject({ code: 'app.error.draftChanged', params: { reference } });
  });

  it('counts the waiting drafts per dossier for the DPO team only', async () => {
    const { ledger, drafts } = setUp();
    ledger.add({ ...reminderDraft, key: 'VSA-2026-0702|destructionRequest|2026-02-01', reference: 'VSA-2026-0702', kind: 'destructionRequest' });
    ledger.add({ ...reminderDraft, key: `${reference}|requesterReminder|2026-02-27` });
    expect([...(await drafts.waitingCounts(people.team))]).toEqual([[reference, 2], ['VSA-2026-0702', 1]]);
    expect((await drafts.waitingCounts(people.dpo)).size).toBe(2);
    expect((await drafts.waitingCounts(people.statistician)).size).toBe(0);
    expect((await drafts.waitingCounts(undefined)).size).toBe(0);
  });
});

describe('the mail kinds of the job\'s drafts (one source of words)', () => {
  it('take their templates from the reminder table, in Dutch and English', () => {
    for (const kind of ['requesterReminder', 'destructionRequest'] as const) {
      for (const lang of ['nl', 'en'] as const) expect(templateOf(kind, 'default', lang)).toBe(reminderRule(kind).requesterText?.[lang]);
    }
  });

  it('build a template draft that cannot be sent before the job\'s words are filled in', async () => {
    const { commands } = setUp();
    const draft = buildMailDraft('requesterReminder', await dossierOf(commands), { context: { mailbox: 'data-aanvragen@vsa.local' } });
    expect(draft.subject).toBe(`[${reference}] Herinnering: uw aanvraag van microdata`);
    expect(draft.body).toContain('{phase}');
  });
});
