import { linkedCategory, mailReceivedCommand } from '../../src/correspondence';
import type { InboundMessage } from '../../src/correspondence';
import { CommandService } from '../../src/data/commandService';
import { MailIntakeService } from '../../src/app/mailIntake';
import type { SharedMailbox } from '../../src/data/mail';
import type { DocumentLibrary } from '../../src/data/ports';
import { MemoryStores } from '../data/support/memoryStores';
import { buildDossier, people } from '../correspondence/support/dossiers';

/** An in-memory shared mailbox holding one reply without attachments. */
function fakeMailbox(message: InboundMessage): SharedMailbox & { categories: string[][] } {
  let current = message;
  const categories: string[][] = [];
  return {
    address: 'data-aanvragen@vsa.example',
    categories,
    listMessages: async () => [current],
    getMessage: async () => current,
    listAttachments: async () => [],
    downloadAttachment: async () => new Uint8Array(),
    setCategories: async (_id, next) => {
      categories.push([...next]);
      current = { ...current, categories: [...next] };
    }
  };
}

function setUp(patch: Partial<InboundMessage> = {}) {
  const stores = new MemoryStores();
  const { events } = buildDossier({ reference: 'VSA-2026-0701', upTo: 'formsRequested' });
  events.forEach((event, index) => stores.log.push({ sequence: index + 1, event }));
  const commands = new CommandService({ dossiers: stores, events: stores, clock: () => '2026-03-02T10:00:00.000Z' });
  const message: InboundMessage = {
    id: 'AAMk-reply-1', subject: 'RE: [VSA-2026-0701] formulieren', from: { name: 'Karel Contact', address: 'karel@uni.example' },
    receivedDateTime: '2026-03-02T08:00:00Z', bodyPreview: 'Beste, ...', hasAttachments: false, categories: [], ...patch
  };
  const mailbox = fakeMailbox(message);
  const documents = { ensureFolder: jest.fn(async () => undefined) } as unknown as DocumentLibrary;
  const intake = new MailIntakeService({ mailbox, commands, documents, nextReference: async () => 'VSA-2026-0702', clock: () => '2026-03-02T10:00:00.000Z' });
  return { commands, mailbox, intake, message };
}

describe('MailIntakeService records linked mails as correspondence', () => {
  it('records the message once with a CorrespondenceRecorded event and links it', async () => {
    const { commands, mailbox, intake, message } = setUp();
    expect(await intake.attachToDossier(message.id, 'VSA-2026-0701', people.team)).toEqual({ status: 'imported', reference: 'VSA-2026-0701', created: false, attachments: [] });
    const loaded = await commands.load('VSA-2026-0701');
    expect(loaded.events.at(-1)?.event).toMatchObject({ type: 'CorrespondenceRecorded', id: `mail:${message.id}:VSA-2026-0701:0`, messageId: message.id, receivedAt: message.receivedDateTime });
    expect(loaded.dossier?.correspondence).toHaveLength(1);
    expect(mailbox.categories.at(-1)).toEqual([linkedCategory('VSA-2026-0701')]);
    expect(await intake.attachToDossier(message.id, 'VSA-2026-0701', people.team)).toEqual({ status: 'alreadyLinked', reference: 'VSA-2026-0701' });
  });

  it('links a message recorded before under another command id instead of refusing or recording it twice', async () => {
    const { commands, mailbox, intake, message } = setUp();
    const manual = await commands.execute('VSA-2026-0701', mailReceivedCommand(message, [], 'by-hand-1'), people.team);
    expect(manual.ok).toBe(true);
    const outcome = await intake.attachToDossier(message.id, 'VSA-2026-0701', people.team);
    expect(outcome).toMatchObject({ status: 'imported', reference: 'VSA-2026-0701' });
    expect((await commands.load('VSA-2026-0701')).dossier?.correspondence.map((c) => c.eventId)).toEqual(['by-hand-1:0']);
    expect(mailbox.categories.at(-1)).toEqual([linkedCategory('VSA-2026-0701')]);
  });

  it('still refuses other problems of the record and leaves the message claimed, not linked', async () => {
    const { mailbox, intake, message } = setUp({ receivedDateTime: 'gisteren' });
    const outcome = await intake.attachToDossier(message.id, 'VSA-2026-0701', people.team);
    expect(outcome).toEqual({ status: 'refused', errors: [expect.objectContaining({ code: 'dossier.error.invalidDateTime' })] });
    expect(mailbox.categories.at(-1)).toEqual(['Intake VSA-2026-0701']);
  });
});

describe('MailIntakeService reads the body and checks the sender', () => {
  function withDeps(patch: Partial<InboundMessage>, known: readonly string[] = []) {
    const stores = new MemoryStores();
    const { events } = buildDossier({ reference: 'VSA-2026-0701', upTo: 'formsRequested' });
    events.forEach((event, index) => stores.log.push({ sequence: index + 1, event }));
    const commands = new CommandService({
      dossiers: stores, events: stores, clock: () => '2026-03-02T10:00:00.000Z', decideFacts: async () => ({ institutionAddresses: known })
    });
    const message: InboundMessage = {
      id: 'AAMk-2', subject: 'Vraag', from: { name: 'X', address: 'karel@uni.example' }, receivedDateTime: '2026-03-02T08:00:00Z',
      bodyPreview: '', hasAttachments: false, categories: [], ...patch
    };
    const mailbox = fakeMailbox(message);
    const documents = { ensureFolder: jest.fn(async () => undefined) } as unknown as DocumentLibrary;
    const intake = new MailIntakeService({
      mailbox, commands, documents, nextReference: async () => 'VSA-2026-0702', clock: () => '2026-03-02T10:00:00.000Z',
      protocolDossier: async (n) => (n === 'PROT-2025-007' ? 'VSA-2026-0701' : undefined),
      institutionAddresses: async () => known
    });
    return { commands, mailbox, intake, message };
  }

  it('suggests the dossier a reference in the body names, and says where it was found', async () => {
    const { intake } = withDeps({ bodyText: 'Beste, hierbij de formulieren voor VSA-2026-0701.' });
    expect(await intake.pendingMessages()).toEqual([
      expect.objectContaining({ suggestedReference: 'VSA-2026-0701', suggestedFrom: { kind: 'dossier', value: 'VSA-2026-0701', foundIn: 'body' } })
    ]);
  });

  it('prefers the subject’s reference over the body’s, and skips references of dossiers that do not exist', async () => {
    const { intake } = withDeps({ subject: 'RE: [VSA-2026-0999] ? en VSA-2026-0701', bodyText: 'zie VSA-2026-0702' });
    const [item] = await intake.pendingMessages();
    expect(item).toMatchObject({ suggestedReference: 'VSA-2026-0701', suggestedFrom: { foundIn: 'subject' } });
  });

  it('finds the dossier of a protocol number', async () => {
    const { intake } = withDeps({ bodyText: 'Betreft ons protocol PROT-2025-007: een addendum.' });
    const [item] = await intake.pendingMessages();
    expect(item).toMatchObject({ suggestedReference: 'VSA-2026-0701', suggestedFrom: { kind: 'protocol', value: 'PROT-2025-007', foundIn: 'body' } });
  });

  it('asks to confirm a spoofed sender with the reason, touching nothing, then records the confirmation', async () => {
    const { intake, mailbox, commands, message } = withDeps({ from: { name: 'Karel Contact', address: 'karel@uni-example.com' } });
    const outcome = await intake.attachToDossier(message.id, 'VSA-2026-0701', people.team);
    expect(outcome).toMatchObject({ status: 'confirmationRequired', reference: 'VSA-2026-0701', reason: { code: 'dossier.error.senderNotKnown', params: { sender: 'karel@uni-example.com' } } });
    expect(mailbox.categories).toEqual([]);
    expect((await commands.load('VSA-2026-0701')).dossier?.correspondence).toEqual([]);
    expect(await intake.attachToDossier(message.id, 'VSA-2026-0701', people.team, { confirmSender: true })).toMatchObject({ status: 'imported' });
    expect((await commands.load('VSA-2026-0701')).events.at(-1)?.event).toMatchObject({ type: 'CorrespondenceRecorded', sender: 'karel@uni-example.com', senderConfirmed: true });
  });

  it('links a known address of the institution directly, without a confirmation in the event', async () => {
    const { intake, commands, message } = withDeps({ from: { name: 'Secretariaat', address: 'Secretariaat@Uni.example' } }, ['secretariaat@uni.example']);
    expect(await intake.attachToDossier(message.id, 'VSA-2026-0701', people.team)).toMatchObject({ status: 'imported' });
    const event = (await commands.load('VSA-2026-0701')).events.at(-1)?.event;
    expect(event).toMatchObject({ type: 'CorrespondenceRecorded', sender: 'secretariaat@uni.example' });
    expect(event).not.toHaveProperty('senderConfirmed');
  });
});

describe('MailIntakeService flags an institution outside the register', () => {
  it('given a new request from an institution the register does not hold, then the dossier is created with a notice; a known one has none', async () => {
    const { InstitutionRegister } = await import('../../src/app/institutions');
    const { MemoryInstitutionStore, denkbeeld } = await import('../support/institutions');
    const register = new InstitutionRegister(new MemoryInstitutionStore([denkbeeld]));
    const run = async (institution: string): Promise<unknown> => {
      const stores = new MemoryStores();
      const commands = new CommandService({ dossiers: stores, events: stores, clock: () => '2026-03-02T10:00:00.000Z' });
      const message: InboundMessage = {
        id: `AAMk-new-${institution}`, subject: 'Aanvraag microdata', from: { name: 'Eva Maes', address: 'eva@elders.example' },
        receivedDateTime: '2026-03-02T08:00:00Z', bodyPreview: 'Beste, ...', hasAttachments: false, categories: []
      };
      const documents = { ensureFolder: jest.fn(async () => undefined) } as unknown as DocumentLibrary;
      const intake = new MailIntakeService({
        mailbox: fakeMailbox(message), commands, documents, nextReference: async () => 'VSA-2026-0702', clock: () => '2026-03-02T10:00:00.000Z',
        institutionNotice: (requester) => register.noticeForRequester(requester)
      });
      return intake.createDossier(message.id, { institution }, people.team);
    };
    expect(await run('Universiteit Elders')).toMatchObject({
      status: 'imported', created: true, notices: [{ code: 'institution.warning.notInRegister', params: { name: 'Universiteit Elders' } }]
    });
    const known = await run('Hogeschool Denkbeeld');
    expect(known).toMatchObject({ status: 'imported', created: true });
    expect(known).not.toHaveProperty('notices');
  });
});
