import {
  attachmentHandling,
  buildMailDraft,
  cleanSubject,
  formatMailIssue,
  linkedCategory,
  linkedReferenceOf,
  mailKinds,
  mailKindLabel,
  mailMessages,
  mailReceivedCommand,
  mailSentCommand,
  missingSubjectText,
  outgoingMessageId,
  referenceInSubject,
  registerRequestFromMessage
} from '../../src/correspondence';
import { decide, replay } from '../../src/domain';
import { buildDossier, people } from './support/dossiers';

describe('audit records of mails', () => {
  const dossier = buildDossier({ reference: 'VSA-2026-0301', upTo: 'formsRequested' }).dossier;
  const draft = buildMailDraft('requestForms', dossier, { context: { mailbox: 'mb@vsa.example' } });

  it('a sent mail becomes a recordCorrespondence the domain accepts, without body or addresses', () => {
    const command = mailSentCommand(draft, 'mail-1', '2026-02-01T09:59:00.000Z');
    expect(command).toEqual({
      type: 'recordCorrespondence',
      commandId: 'mail-1',
      direction: 'outgoing',
      kind: 'requestForms',
      messageId: outgoingMessageId('mail-1'),
      subject: draft.subject,
      sentAt: '2026-02-01T09:59:00.000Z',
      attachmentNames: ['aanvraagformulier.docx', 'verklaringTOM.docx', 'protocol.docx'],
      recipientsCount: draft.to.length + draft.cc.length
    });
    expect(JSON.stringify(command)).not.toContain('karel@uni.example');
    expect(JSON.stringify(command)).not.toContain(draft.body.slice(0, 30));
    const result = decide(dossier, command, people.team, '2026-02-01T10:00:00.000Z');
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.events.map((e) => [e.type, e.id])).toEqual([['CorrespondenceRecorded', 'mail-1:0']]);
    const after = replay([...buildDossier({ reference: 'VSA-2026-0301', upTo: 'formsRequested' }).events, ...result.events]);
    expect(after?.correspondence.map((c) => [c.direction, c.kind, c.messageId])).toEqual([['outgoing', 'requestForms', 'outgoing:mail-1']]);
    expect(after?.comments).toEqual([]);
  });

  it('a received mail is recorded with its message id, arrival time and stored files, once', () => {
    const message = { id: 'AAMkAD=', subject: 'Re: formulieren', receivedDateTime: '2026-02-02T08:00:00Z', from: { address: 'Karel@Uni.example' } };
    const command = mailReceivedCommand(message, ['aanvraag.docx'], 'in-1');
    expect(command).toEqual({
      type: 'recordCorrespondence', commandId: 'in-1', direction: 'incoming', kind: 'incoming', messageId: 'AAMkAD=',
      subject: 'Re: formulieren', receivedAt: '2026-02-02T08:00:00Z', attachmentNames: ['aanvraag.docx'], sender: 'karel@uni.example'
    });
    const first = decide(dossier, command, people.team, '2026-02-02T09:00:00.000Z');
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const after = replay([...buildDossier({ reference: 'VSA-2026-0301', upTo: 'formsRequested' }).events, ...first.events]);
    const again = decide(after, mailReceivedCommand(message, [], 'in-2'), people.team, '2026-02-02T09:05:00.000Z');
    expect(again.ok ? [] : again.errors.map((e) => e.code)).toEqual(['dossier.error.correspondenceAlreadyRecorded']);
    expect(mailReceivedCommand({ ...message, subject: '  ' }, [], 'in-3').subject).toBe(missingSubjectText);
  });

  it('labels and messages exist in both languages', () => {
    for (const kind of mailKinds) {
      expect(mailKindLabel(kind, 'nl')).not.toBe('');
      expect(mailKindLabel(kind, 'en')).not.toBe('');
    }
    expect(Object.keys(mailMessages.en).sort()).toEqual(Object.keys(mailMessages.nl).sort());
    expect(formatMailIssue({ code: 'mail.error.unfilledPlaceholder', params: { name: 'motivation' } }, 'nl')).toBe('Vul "{motivation}" in de e-mail nog in.');
    expect(formatMailIssue({ code: 'mail.error.invalidRecipient', params: { address: 'x' } }, 'en')).toBe('"x" is not a valid e-mail address.');
  });
});

describe('intake rules', () => {
  const message = {
    id: 'm1',
    subject: 'RE: Antw: [VSA-2026-0007] Aanvraag microdata welzijn',
    from: { name: ' Karel Contact ', address: 'Karel@Uni.Example' },
    receivedDateTime: '2026-11-20T08:15:00Z',
    bodyPreview: 'Beste, ...',
    hasAttachments: true,
    categories: []
  };

  it('recognises one dossier reference in a subject', () => {
    expect(referenceInSubject(message.subject)).toBe('VSA-2026-0007');
    expect(referenceInSubject('vraag over vsa-2025-0012')).toBe('VSA-2025-0012');
    expect(referenceInSubject('VSA-2026-0001 en VSA-2026-0002')).toBeUndefined();
    expect(referenceInSubject('Nieuwe aanvraag')).toBeUndefined();
    expect(referenceInSubject('VSA-26-0001')).toBeUndefined();
  });

  it('cleans reply prefixes and the bracketed reference', () => {
    expect(cleanSubject(message.subject)).toBe('Aanvraag microdata welzijn');
    expect(cleanSubject('FW: WG: Doorst: vraag')).toBe('vraag');
  });

  it('prefills registerRequest from the sender, the subject and the arrival date', () => {
    const command = registerRequestFromMessage(message, 'VSA-2026-0010', 'mail:m1', { institution: 'Universiteit Voorbeeld' });
    expect(command).toEqual({
      type: 'registerRequest',
      commandId: 'mail:m1',
      reference: 'VSA-2026-0010',
      requester: { institution: 'Universiteit Voorbeeld', isIndividual: false, contact: { name: 'Karel Contact', email: 'karel@uni.example' } },
      subject: 'Aanvraag microdata welzijn',
      receivedOn: '2026-11-20',
      comment: 'Uit de e-mail: Beste, ...'
    });
    const long = registerRequestFromMessage({ ...message, bodyPreview: 'x'.repeat(600) }, 'VSA-2026-0010', 'c', { comment: undefined });
    expect(long.comment).toHaveLength('Uit de e-mail: '.length + 501);
    expect(registerRequestFromMessage({ ...message, bodyPreview: '  ' }, 'VSA-2026-0010', 'c').comment).toBeUndefined();
    expect(decide(undefined, command, people.team, '2026-11-21T09:00:00.000Z').ok).toBe(true);
    const withoutInstitution = registerRequestFromMessage(message, 'VSA-2026-0010', 'mail:m1');
    const refused = decide(undefined, withoutInstitution, people.team, '2026-11-21T09:00:00.000Z');
    expect(refused.ok).toBe(false);
  });

  it('marks a linked message with a category and reads it back', () => {
    expect(linkedReferenceOf(['Rood', linkedCategory('VSA-2026-0003')])).toBe('VSA-2026-0003');
    expect(linkedReferenceOf(['Dossier onbekend'])).toBeUndefined();
  });

  it('classifies attachments: docx read as forms, PDFs by name, others skipped', () => {
    const a = (name: string, contentType = 'application/octet-stream', size = 1000) => ({ id: name, name, contentType, size });
    expect(attachmentHandling(a('aanvraag.docx'))).toEqual({ action: 'readForm' });
    expect(attachmentHandling(a('Volmacht rector.pdf'))).toEqual({ action: 'store', kind: 'mandate' });
    expect(attachmentHandling(a('protocol getekend.pdf'))).toEqual({ action: 'store', kind: 'protocol' });
    expect(attachmentHandling(a('scan.pdf'))).toEqual({ action: 'skip', reason: 'unclassified' });
    expect(attachmentHandling(a('scan.pdf'), 'addendum')).toEqual({ action: 'store', kind: 'addendum' });
    expect(attachmentHandling(a('foto.jpg', 'image/jpeg'))).toEqual({ action: 'skip', reason: 'unsupportedType' });
    expect(attachmentHandling(a('groot.pdf', 'application/pdf', 26 * 1024 * 1024))).toEqual({ action: 'skip', reason: 'tooLarge' });
  });
});
