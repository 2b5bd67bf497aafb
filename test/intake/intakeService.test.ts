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
