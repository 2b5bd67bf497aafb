/**
 * Step 4 in the mail intake: signed documents are accepted from the institution's DPO address as the
 * institution register holds it (directly, by the intake and by the trusted writer's sender rule);
 * signed documents from a sender nobody knows are flagged once the team confirmed the link.
 */
import type { InboundAttachment, InboundMessage } from '../../src/correspondence';
import { CommandService } from '../../src/data/commandService';
import type { SharedMailbox } from '../../src/data/mail';
import { MailIntakeService } from '../../src/app/mailIntake';
import { decideFactsWithInstitutionDpo, institutionDirectoryOf } from '../../src/app/signatureVerification';
import { signedDocumentsFromUnknownSender } from '../../src/domain/rules/sender';
import { MemoryStores } from '../data/support/memoryStores';
import { buildDossier, people } from '../correspondence/support/dossiers';
import { FakeLibrary, pdfBytes } from '../app/support';
import { universiteit } from '../support/signatureReports';

const REFERENCE = 'VSA-2026-0701';
const NOW = '2026-03-02T10:00:00.000Z';
const directory = institutionDirectoryOf([universiteit]);

function mailFrom(address: string, files: readonly string[]): SharedMailbox {
  const attachments: InboundAttachment[] = files.map((name, index) => ({ id: `att-${index}`, name, contentType: 'application/pdf', size: pdfBytes.length }));
  let message: InboundMessage = {
    id: 'AAMk-signed-2', subject: `RE: [${REFERENCE}] ondertekende documenten`, from: { name: 'Afzender', address },
    receivedDateTime: '2026-03-02T08:00:00Z', bodyPreview: 'In bijlage ...', hasAttachments: files.length > 0, categories: []
  };
  return {
    address: 'data-aanvragen@vsa.example',
    listMessages: async () => [message],
    getMessage: async () => message,
    listAttachments: async () => attachments,
    downloadAttachment: async () => pdfBytes,
    setCategories: async (_id, categories) => {
      message = { ...message, categories: [...categories] };
    }
  };
}

function setUp(state: 'awaitingSignatures' | 'formsRequested', address: string, files: readonly string[], withRegister = true) {
  const stores = new MemoryStores();
  buildDossier({ reference: REFERENCE, upTo: state }).events.forEach((event, index) => stores.log.push({ sequence: index + 1, event }));
  const commands = new CommandService({
    dossiers: stores, events: stores, clock: () => NOW,
    ...(withRegister ? { decideFacts: decideFactsWithInstitutionDpo(undefined, directory) } : {})
  });
  const intake = new MailIntakeService({
    mailbox: mailFrom(address, files), commands, documents: new FakeLibrary(), nextReference: async () => 'VSA-2026-0702', clock: () => NOW,
    ...(withRegister ? { institutions: directory } : {})
  });
  return { intake, commands };
}

const signedFiles = ['protocol getekend.pdf', 'verklaringTOM getekend.pdf'];

describe('mail intake: who may send signed documents', () => {
  it('given a mail from the institution’s DPO in the register, when attached while awaiting signatures, then linked directly and not flagged', async () => {
    const { intake, commands } = setUp('awaitingSignatures', 'DPO@uni.example', signedFiles);
    const outcome = await intake.attachToDossier('AAMk-signed-2', REFERENCE, people.team);
    expect(outcome).toMatchObject({ status: 'imported' });
    expect(outcome).not.toHaveProperty('unknownSenderOfSignedDocuments');
    const event = (await commands.load(REFERENCE)).events.at(-1)?.event;
    expect(event).toMatchObject({ type: 'CorrespondenceRecorded', sender: 'dpo@uni.example' });
    expect(event).not.toHaveProperty('senderConfirmed');
  });

  it('given the same mail without the register, then the team is asked to confirm', async () => {
    const { intake } = setUp('awaitingSignatures', 'dpo@uni.example', signedFiles, false);
    expect(await intake.attachToDossier('AAMk-signed-2', REFERENCE, people.team)).toMatchObject({ status: 'confirmationRequired', reason: { code: 'dossier.error.senderNotKnown' } });
  });

  it('given signed documents from an unknown sender, when the team confirms the link, then they are stored and flagged', async () => {
    const { intake } = setUp('awaitingSignatures', 'iemand@elders.example', signedFiles);
    expect(await intake.attachToDossier('AAMk-signed-2', REFERENCE, people.team)).toMatchObject({ status: 'confirmationRequired' });
    const outcome = await intake.attachToDossier('AAMk-signed-2', REFERENCE, people.team, { confirmSender: true, attachmentKinds: { 'att-0': 'protocol', 'att-1': 'verklaringTOM' } });
    expect(outcome).toMatchObject({ status: 'imported', unknownSenderOfSignedDocuments: true });
    if (outcome.status === 'imported') expect(outcome.attachments.filter((a) => a.status === 'stored')).toHaveLength(2);
    // The import report shows the flag as a notice in the user's language.
    expect(outcome).toMatchObject({ notices: [{ code: 'app.warning.signedFromUnknownSender', params: { count: 2, sender: 'iemand@elders.example' } }] });
  });

  it('given the contact sending signed documents, then not flagged', async () => {
    const { intake } = setUp('awaitingSignatures', 'karel@uni.example', signedFiles);
    const outcome = await intake.attachToDossier('AAMk-signed-2', REFERENCE, people.team, { attachmentKinds: { 'att-0': 'protocol', 'att-1': 'verklaringTOM' } });
    expect(outcome).toMatchObject({ status: 'imported' });
    expect(outcome).not.toHaveProperty('unknownSenderOfSignedDocuments');
  });
});

describe('signedDocumentsFromUnknownSender', () => {
  const unknown = { known: false as const, code: 'dossier.error.senderNotKnown' as const, params: {} };
  it('flags stored documents from an unknown sender only while the dossier awaits signatures or countersignature', () => {
    expect(signedDocumentsFromUnknownSender('awaitingSignatures', unknown, 1)).toBe(true);
    expect(signedDocumentsFromUnknownSender('awaitingCountersignature', unknown, 2)).toBe(true);
    expect(signedDocumentsFromUnknownSender('underReview', unknown, 1)).toBe(false);
    expect(signedDocumentsFromUnknownSender('awaitingSignatures', unknown, 0)).toBe(false);
    expect(signedDocumentsFromUnknownSender('awaitingSignatures', { known: true, basis: 'dpo' }, 1)).toBe(false);
  });
});
