import type { InboundAttachment, InboundMessage } from '../../src/correspondence';
import { CommandService } from '../../src/data/commandService';
import type { SharedMailbox } from '../../src/data/mail';
import { MailIntakeService, type AttachmentResult } from '../../src/app/mailIntake';
import { MemoryStores } from '../data/support/memoryStores';
import { buildDossier, people } from '../correspondence/support/dossiers';
import { FakeLibrary, pdfBytes, sampleForm } from '../app/support';
import type { CodebookLoader } from '../../src/app/formsEngine';

const REFERENCE = 'VSA-2026-0701';
const NOW = '2026-03-02T10:00:00.000Z';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A mailbox holding one reply with the given attachments. */
function mailboxWith(files: ReadonlyArray<{ name: string; contentType: string; bytes: Uint8Array }>): SharedMailbox {
  const attachments: InboundAttachment[] = files.map((file, index) => ({ id: `att-${index}`, name: file.name, contentType: file.contentType, size: file.bytes.length }));
  let message: InboundMessage = {
    id: 'AAMk-signed-1', subject: `RE: [${REFERENCE}] ondertekende formulieren`, from: { name: 'Karel Contact', address: 'karel@uni.example' },
    receivedDateTime: '2026-03-02T08:00:00Z', bodyPreview: 'In bijlage ...', hasAttachments: files.length > 0, categories: []
  };
  return {
    address: 'data-aanvragen@vsa.example',
    listMessages: async () => [message],
    getMessage: async () => message,
    listAttachments: async () => attachments,
    downloadAttachment: async (_id, attachmentId) => files[attachments.findIndex((a) => a.id === attachmentId)].bytes,
    setCategories: async (_id, categories) => {
      message = { ...message, categories: [...categories] };
    }
  };
}

async function importInto(state: 'awaitingSignatures' | 'underReview', files: Parameters<typeof mailboxWith>[0], library = new FakeLibrary(), codebooks?: CodebookLoader) {
  const stores = new MemoryStores();
  buildDossier({ reference: REFERENCE, upTo: state }).events.forEach((event, index) => stores.log.push({ sequence: index + 1, event }));
  const commands = new CommandService({ dossiers: stores, events: stores, clock: () => NOW });
  const intake = new MailIntakeService({ mailbox: mailboxWith(files), commands, documents: library, nextReference: async () => 'VSA-2026-0702', clock: () => NOW, codebooks });
  const outcome = await intake.attachToDossier('AAMk-signed-1', REFERENCE, people.team);
  if (outcome.status !== 'imported') throw new Error(`not imported: ${JSON.stringify(outcome)}`);
  return { attachments: outcome.attachments, library };
}

const stored = (results: readonly AttachmentResult[], name: string) => {
  const result = results.find((r) => r.name === name);
  if (result?.status !== 'stored') throw new Error(`${name} not stored: ${JSON.stringify(result)}`);
  return result;
};

describe('mail intake: the mandate context of a signed form', () => {
  let delegateForm: Uint8Array;
  beforeAll(async () => {
    delegateForm = await sampleForm('aanvraagformulier', 'gevolmachtigde');
  });

  it('a form signed by a delegate, sent with the mandate, gets no blocking mandate finding', async () => {
    const withMandate = await importInto('awaitingSignatures', [
      { name: 'aanvraag-getekend.docx', contentType: docxType, bytes: delegateForm },
      { name: 'volmacht.pdf', contentType: 'application/pdf', bytes: pdfBytes }
    ]);
    const alone = await importInto('awaitingSignatures', [{ name: 'aanvraag-getekend.docx', contentType: docxType, bytes: delegateForm }]);
    const covered = stored(withMandate.attachments, 'aanvraag-getekend.docx');
    const uncovered = stored(alone.attachments, 'aanvraag-getekend.docx');
    expect(covered.check).toBeDefined();
    expect(uncovered.check!.blocking).toBe(covered.check!.blocking + 1);
    expect(covered.check!.blocking).toBe(0);
    expect(withMandate.library.uploads.map((u) => [u.fileName, u.metadata.kind, u.metadata.phase])).toEqual([
      ['aanvraag-getekend.docx', 'aanvraagformulier', 'signed'],
      ['volmacht.pdf', 'mandate', 'signed']
    ]);
  });

  it('a mandate stored in the dossier earlier covers the delegate too', async () => {
    const library = new FakeLibrary({ [REFERENCE]: [{ fileName: 'volmacht.pdf', kind: 'mandate', phase: 'signed' }] });
    const { attachments } = await importInto('awaitingSignatures', [{ name: 'aanvraag-getekend.docx', contentType: docxType, bytes: delegateForm }], library);
    expect(stored(attachments, 'aanvraag-getekend.docx').check!.blocking).toBe(0);
  });

  it('checks forms as drafts before the decision and as signed after it', async () => {
    const draft = await importInto('underReview', [{ name: 'aanvraag.docx', contentType: docxType, bytes: await sampleForm('aanvraagformulier') }]);
    expect(draft.library.uploads[0].metadata).toMatchObject({ kind: 'aanvraagformulier', phase: 'draft' });
    expect(stored(draft.attachments, 'aanvraag.docx').check!.blocking).toBe(0);
  });

  it('reports what it cannot store, and stores the rest', async () => {
    const { attachments, library } = await importInto('underReview', [
      { name: 'foto.jpg', contentType: 'image/jpeg', bytes: pdfBytes },
      { name: 'scan.pdf', contentType: 'application/pdf', bytes: pdfBytes },
      { name: 'kapot.docx', contentType: docxType, bytes: pdfBytes }
    ]);
    expect(attachments).toEqual([
      { name: 'foto.jpg', status: 'skipped', reason: 'unsupportedType' },
      { name: 'scan.pdf', status: 'skipped', reason: 'unclassified' },
      { name: 'kapot.docx', status: 'skipped', reason: 'unreadable', failure: expect.objectContaining({ message: expect.stringContaining('kapot.docx') }) }
    ]);
    expect(library.uploads).toEqual([]);
  });
});

describe('mail intake: the codebooks of the requested waves', () => {
  const knownVariables = [{ name: 'leeftijd', label: 'Leeftijd', sensitive: false }, { name: 'geslacht', label: 'Geslacht', sensitive: false }];

  it('checks an attached form against them: with a codebook for every requested wave, a variable none knows is one more blocking finding', async () => {
    const form = await sampleForm('aanvraagformulier');
    const requested: string[][] = [];
    const codebooks: CodebookLoader = {
      load: async (waves) => {
        requested.push([...waves]);
        return waves.map((wave) => ({ wave, variables: knownVariables }));
      }
    };
    const files = [{ name: 'aanvraag.docx', contentType: docxType, bytes: form }];
    const without = stored((await importInto('underReview', files)).attachments, 'aanvraag.docx');
    const checked = stored((await importInto('underReview', files, new FakeLibrary(), codebooks)).attachments, 'aanvraag.docx');
    expect(requested[0].length).toBeGreaterThan(0);
    expect(checked.check!.blocking).toBe(without.check!.blocking + 1);
  });

  it('with a requested wave that has no codebook, the unknown variable is a warning, not blocking', async () => {
    const form = await sampleForm('aanvraagformulier');
    const codebooks: CodebookLoader = { load: async (waves) => waves.slice(0, 1).map((wave) => ({ wave, variables: knownVariables })) };
    const files = [{ name: 'aanvraag.docx', contentType: docxType, bytes: form }];
    const without = stored((await importInto('underReview', files)).attachments, 'aanvraag.docx');
    const partial = stored((await importInto('underReview', files, new FakeLibrary(), codebooks)).attachments, 'aanvraag.docx');
    expect(partial.check!.blocking).toBe(without.check!.blocking);
    expect(partial.check!.warnings).toBeGreaterThan(without.check!.warnings);
  });
});
