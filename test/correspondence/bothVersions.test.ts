/**
 * Step 5: the mail with both versions (`countersignedProtocol`) attaches the countersigned original and
 * the publication version, is never sent without them, and has the addendum's own wording.
 */
import { buildMailDraft, editDraft, mailKindLabel, validateDraft, formatMailIssue } from '../../src/correspondence';
import { bothVersions } from '../../src/correspondence/draft';
import { CommandService } from '../../src/data/commandService';
import { CorrespondenceService } from '../../src/data/mail';
import type { OutgoingMail } from '../../src/data/mail';
import type { DocumentLibrary } from '../../src/data/ports';
import type { DossierEvent } from '../../src/domain';
import { MemoryStores } from '../data/support/memoryStores';
import { buildDossier, people } from './support/dossiers';

const context = { mailbox: 'data-aanvragen@vsa.local' };
const AT = '2026-03-01T10:00:00.000Z';

/** A countersigned dossier (no mail yet) and the folder: the publication version stored, not registered. */
function countersigned(reference = 'VSA-2026-0701', parent?: { number: string; dossierReference: string }) {
  const built = buildDossier({ reference, upTo: 'signed', ...(parent ? { parent } : {}) });
  const folder = [
    { id: 'f1', fileName: `protocol-${reference}cs.docx`, kind: 'protocol', phase: 'countersigned' },
    { id: 'f2', fileName: `protocol-${reference}cs-publicatie.docx`, kind: 'publicationVersion', phase: 'publication' },
    { id: 'f3', fileName: `protocol-${reference}cs-publicatie.pdf`, kind: 'publicationVersion', phase: 'publication' }
  ];
  return { ...built, folder };
}

describe('the mail with both versions: attachments', () => {
  it('attaches the registered countersigned original and the stored publication version (the PDF), each with its role', () => {
    const { dossier, folder } = countersigned();
    expect(bothVersions(dossier, folder)).toEqual([
      { source: 'dossier', fileName: 'protocol-VSA-2026-0701cs.docx', documentId: 'VSA-2026-0701cs-protocol', role: 'countersignedOriginal' },
      { source: 'dossier', fileName: 'protocol-VSA-2026-0701cs-publicatie.pdf', documentId: 'f3', role: 'publicationVersion' }
    ]);
    const draft = buildMailDraft('countersignedProtocol', dossier, { context, folder });
    expect(validateDraft(draft)).toMatchObject({ ok: true, errors: [] });
  });

  it('cannot be sent without the publication version: a clear Dutch error', () => {
    const { dossier } = countersigned();
    const draft = buildMailDraft('countersignedProtocol', dossier, { context });
    const validation = validateDraft(draft);
    expect(validation.ok).toBe(false);
    expect(validation.errors.map((issue) => formatMailIssue(issue, 'nl'))).toEqual([
      'Deze e-mail kan niet verstuurd worden zonder de publicatieversie als bijlage. Maak ze eerst met "Publicatieversie maken".'
    ]);
  });

  it('cannot be sent when the user removed the countersigned original from the attachments', () => {
    const { dossier, folder } = countersigned();
    const draft = buildMailDraft('countersignedProtocol', dossier, { context, folder });
    const edited = editDraft(draft, { attachments: draft.attachments.filter((attachment) => attachment.source === 'dossier' && attachment.role !== 'countersignedOriginal') });
    expect(validateDraft(edited).errors.map((issue) => issue.code)).toEqual(['mail.error.countersignedOriginalMissing']);
    expect(formatMailIssue({ code: 'mail.error.countersignedOriginalMissing' }, 'en')).toMatch(/^This e-mail cannot be sent without the countersigned original attached/);
  });

  it('after publishing, attaches the registered publication version', () => {
    const published = buildDossier({ reference: 'VSA-2026-0702', upTo: 'published' }).dossier;
    expect(bothVersions(published).map((attachment) => attachment.fileName)).toEqual(['protocol-VSA-2026-0702cs.docx', 'publicationVersion-VSA-2026-0702pub.pdf']);
  });

  it('has the addendum\'s own wording for a simplified dossier, never "protocol"', () => {
    const parent = buildDossier({ reference: 'VSA-2026-0703', upTo: 'published', protocolNumber: 'PROT-2026-031' }).dossier;
    const { dossier, folder } = countersigned('VSA-2026-0704', { number: 'PROT-2026-031', dossierReference: parent.reference });
    const nl = buildMailDraft('countersignedProtocol', dossier, { context, folder });
    expect(nl.subject).toBe('[VSA-2026-0704] Ondertekend addendum PROT-2026-031/A1');
    expect(nl.body).toContain('het door beide partijen ondertekende addendum in twee versies');
    const en = buildMailDraft('countersignedProtocol', dossier, { context, folder, lang: 'en' });
    expect(en.subject).toBe('[VSA-2026-0704] Signed addendum PROT-2026-031/A1');
    expect(mailKindLabel('countersignedProtocol', 'nl', 'simplified')).toBe('Ondertekend addendum versturen');
    expect(mailKindLabel('countersignedProtocol', 'en', 'simplified')).toBe('Send countersigned addendum');
    expect(mailKindLabel('countersignedProtocol', 'nl', 'standard')).toBe('Ondertekend protocol versturen');
  });
});

describe('the mail with both versions: sending', () => {
  function setUp(events: readonly DossierEvent[]) {
    const stores = new MemoryStores();
    events.forEach((event, index) => stores.log.push({ sequence: index + 1, event }));
    const commands = new CommandService({ dossiers: stores, events: stores, clock: () => AT });
    const sent: OutgoingMail[] = [];
    const sender = { send: jest.fn(async (mail: OutgoingMail) => void sent.push(mail)) };
    const documents = { download: jest.fn(async (_reference: string, fileName: string) => new TextEncoder().encode(fileName)) } as unknown as DocumentLibrary;
    return { commands, sent, service: new CorrespondenceService({ commands, documents, sender, clock: () => AT }) };
  }

  it('sends both files attached and records their names, so that publish can follow', async () => {
    const { dossier, events, folder } = countersigned('VSA-2026-0705');
    const { service, sent, commands } = setUp(events);
    const outcome = await service.send(buildMailDraft('countersignedProtocol', dossier, { context, folder }), people.team, 'both-1');
    expect(outcome.status).toBe('sent');
    expect(sent[0].attachments.map((attachment) => [attachment.name, attachment.contentType])).toEqual([
      ['protocol-VSA-2026-0705cs.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['protocol-VSA-2026-0705cs-publicatie.pdf', 'application/pdf']
    ]);
    const recorded = (await commands.load('VSA-2026-0705')).dossier!.correspondence.at(-1);
    expect(recorded).toMatchObject({ kind: 'countersignedProtocol', attachmentNames: ['protocol-VSA-2026-0705cs.docx', 'protocol-VSA-2026-0705cs-publicatie.pdf'] });
  });

  it('sends nothing without both versions: the draft check refuses first', async () => {
    const { dossier, events } = countersigned('VSA-2026-0706');
    const { service, sent } = setUp(events);
    const outcome = await service.send(buildMailDraft('countersignedProtocol', dossier, { context }), people.team, 'both-2');
    expect(outcome).toEqual({ status: 'refused', errors: [{ code: 'mail.error.publicationVersionMissing' }] });
    expect(sent).toHaveLength(0);
  });

  it('sends nothing the dossier would not record (a hand-made draft naming another file as the original)', async () => {
    const { dossier, events, folder } = countersigned('VSA-2026-0707');
    const { service, sent } = setUp(events);
    const draft = buildMailDraft('countersignedProtocol', dossier, { context, folder });
    const forged = editDraft(draft, {
      attachments: draft.attachments.map((attachment) => (attachment.source === 'dossier' && attachment.role === 'countersignedOriginal' ? { ...attachment, fileName: 'iets-anders.docx' } : attachment))
    });
    const outcome = await service.send(forged, people.team, 'both-3');
    expect(outcome.status).toBe('domainRefused');
    if (outcome.status === 'domainRefused') expect(outcome.errors.map((error) => error.code)).toEqual(['dossier.error.countersignedOriginalNotAttached']);
    expect(sent).toHaveLength(0);
  });
});
