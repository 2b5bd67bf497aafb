import {
  buildMailDraft,
  documentsToSign,
  formsOfProcedure,
  editDraft,
  formatLongDate,
  mailKinds,
  mailTemplates,
  renderTemplate,
  suggestedMailKinds,
  templateIds,
  unfilledPlaceholders,
  validateDraft,
  variantOf
} from '../../src/correspondence';
import type { MailKind } from '../../src/correspondence';
import { buildDossier } from './support/dossiers';

const context = { mailbox: 'data-aanvragen.vsa@vlaanderen.be' };

describe('templates', () => {
  it('every template exists in Dutch and English with the same placeholders', () => {
    for (const id of templateIds) {
      const nl = mailTemplates.nl[id];
      const en = mailTemplates.en[id];
      expect(en).toBeDefined();
      const names = (text: string): string[] => [...new Set([...text.matchAll(/\{[?/]?(\w+)\}/g)].map((m) => m[1]))].sort();
      expect(names(en.subject + en.body)).toEqual(names(nl.subject + nl.body));
      expect(nl.subject).toContain('{reference}');
    }
  });

  it('every mail kind has at least one template', () => {
    for (const kind of mailKinds) expect(templateIds.some((id) => id.startsWith(`${kind}.`))).toBe(true);
  });

  it('renders placeholders, keeps unknown ones visible and drops empty optional parts', () => {
    expect(renderTemplate('Dag {name}{?extra}, met {extra}{/extra}.', { name: 'An', extra: '' })).toBe('Dag An.');
    expect(renderTemplate('Dag {name}{?extra}, met {extra}{/extra}.', { name: 'An', extra: 'B' })).toBe('Dag An, met B.');
    expect(renderTemplate('Motivering: {motivation}', {})).toBe('Motivering: {motivation}');
    expect(unfilledPlaceholders('a {x} b {y} {x}')).toEqual(['x', 'y']);
  });

  it('writes dates out in Dutch and English without Intl', () => {
    expect(formatLongDate('2026-11-25', 'nl')).toBe('25 november 2026');
    expect(formatLongDate('2026-03-01T10:00:00Z', 'en')).toBe('1 March 2026');
    expect(formatLongDate('not a date', 'nl')).toBe('not a date');
  });
});

describe('mail drafts from dossiers', () => {
  const formsRequested = buildDossier({ reference: 'VSA-2026-0101', upTo: 'formsRequested' }).dossier;

  it('request for forms (standard): three templates attached, reference in the subject, no placeholder left', () => {
    const draft = buildMailDraft('requestForms', formsRequested, { context });
    expect(draft.to).toEqual(['karel@uni.example']);
    expect(draft.subject).toBe('[VSA-2026-0101] Aanvraag microdata: in te vullen formulieren');
    expect(draft.body).toContain('Geachte Karel Contact');
    expect(draft.body).toContain('- Verklaring i.v.m. de technische en organisatorische maatregelen');
    expect(draft.body).toContain('Sam Statisticus');
    expect(draft.attachments.map((a) => a.source === 'template' && a.formType)).toEqual(['aanvraagformulier', 'verklaringTOM', 'protocol']);
    expect(validateDraft(draft)).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('request for forms (simplified): one form, the parent protocol and the reasons', () => {
    const parent = buildDossier({ reference: 'VSA-2026-0102', upTo: 'published', protocolNumber: 'PROT-2026-010' }).dossier;
    const simplified = buildDossier({ reference: 'VSA-2026-0103', upTo: 'formsRequested', parent: { number: 'PROT-2026-010', dossierReference: parent.reference } }).dossier;
    const draft = buildMailDraft('requestForms', simplified, { context, lang: 'en' });
    expect(variantOf('requestForms', simplified)).toBe('simplified');
    expect(draft.body).toContain('protocol PROT-2026-010 (extension and additional variables)');
    expect(draft.attachments).toEqual([{ source: 'template', formType: 'vereenvoudigdAanvraagformulier', fileName: 'vereenvoudigdAanvraagformulier.docx' }]);
    expect(validateDraft(draft).ok).toBe(true);
  });

  it('return with comments lists the latest review comments and attaches the current drafts', () => {
    const returned = buildDossier({ reference: 'VSA-2026-0104', upTo: 'returnedForChanges' }).dossier;
    const draft = buildMailDraft('returnWithComments', returned, { context });
    expect(draft.body).toContain('- Motiveer variabele X.\n- Vul de bewaartermijn in.');
    expect(draft.attachments.map((a) => a.fileName)).toEqual(['aanvraagformulier-VSA-2026-0104.docx', 'verklaringTOM-VSA-2026-0104.docx', 'protocol-VSA-2026-0104.docx']);
    expect(draft.body).toContain('- protocol-VSA-2026-0104.docx');
  });

  it('decision: approved and rejected variants carry the motivation', () => {
    const approved = buildDossier({ reference: 'VSA-2026-0105', upTo: 'awaitingSignatures' }).dossier;
    const rejected = buildDossier({ reference: 'VSA-2026-0106', upTo: 'rejected' }).dossier;
    expect(buildMailDraft('decision', approved, { context }).body).toContain('goedgekeurd');
    const refusal = buildMailDraft('decision', rejected, { context });
    expect(refusal.variant).toBe('rejected');
    expect(refusal.body).toContain('Motivering: Geen rechtsgrond.');
  });

  it('decision without motivation cannot be sent until the user writes it', () => {
    const early = buildDossier({ reference: 'VSA-2026-0107', upTo: 'preliminary' }).dossier;
    const draft = buildMailDraft('decision', early, { context });
    const result = validateDraft(draft);
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual({ code: 'mail.error.unfilledPlaceholder', params: { name: 'motivation' } });
    const fixed = editDraft(draft, { body: draft.body.replace('{motivation}', 'Zie bijlage.') });
    expect(validateDraft(fixed).ok).toBe(true);
  });

  it('request to sign explains who signs, the mandate proof and the e-signature; simplified attaches the addendum filled from the dossier', () => {
    const parent = buildDossier({ reference: 'VSA-2026-0108', upTo: 'published', protocolNumber: 'PROT-2026-011' }).dossier;
    const simplified = buildDossier({ reference: 'VSA-2026-0109', upTo: 'awaitingSignatures', parent: { number: 'PROT-2026-011', dossierReference: parent.reference } }).dossier;
    const draft = buildMailDraft('requestSignatures', simplified, { context });
    expect(draft.body).toMatch(/wettelijke vertegenwoordiger/);
    expect(draft.body).toMatch(/bewijs van de volmacht/);
    expect(draft.body).toMatch(/gekwalificeerde elektronische handtekening met eID/);
    expect(draft.body).toContain('- het addendum bij het bestaande protocol');
    expect(draft.attachments).toEqual([{ source: 'filled', formType: 'addendum', fileName: 'addendum-VSA-2026-0109.docx' }]);
  });

  it('takes the forms to fill in and to sign from the domain, standard until a procedure is chosen', () => {
    expect(formsOfProcedure('standard')).toEqual(['aanvraagformulier', 'verklaringTOM', 'protocol']);
    expect(formsOfProcedure(undefined)).toEqual(formsOfProcedure('standard'));
    expect(formsOfProcedure('simplified')).toEqual(['vereenvoudigdAanvraagformulier']);
    expect(documentsToSign('standard')).toEqual(['aanvraagformulier', 'verklaringTOM', 'protocol']);
    expect(documentsToSign(undefined)).toEqual(documentsToSign('standard'));
    expect(documentsToSign('simplified')).toEqual(['vereenvoudigdAanvraagformulier', 'addendum']);
  });

  it('countersigned protocol: both versions attached, number and end date in the text', () => {
    const published = buildDossier({ reference: 'VSA-2026-0110', upTo: 'published', protocolNumber: 'PROT-2026-012', endDate: '2028-02-29' }).dossier;
    const draft = buildMailDraft('countersignedProtocol', published, { context });
    expect(draft.subject).toBe('[VSA-2026-0110] Ondertekend protocol PROT-2026-012');
    expect(draft.body).toContain('Het protocol loopt tot 29 februari 2028.');
    expect(draft.attachments.map((a) => a.fileName).sort()).toEqual(['protocol-VSA-2026-0110cs.docx', 'publicationVersion-VSA-2026-0110pub.pdf']);
  });

  it('delivery notice: dataset, variables, method and the extension hint', () => {
    const delivered = buildDossier({ reference: 'VSA-2026-0111', upTo: 'delivered', protocolNumber: 'PROT-2026-013', endDate: '2028-02-29' }).dossier;
    const draft = buildMailDraft('deliveryNotice', delivered, { context, lang: 'en' });
    expect(draft.body).toContain('delivered on 1 June 2026');
    expect(draft.body).toContain('Number of variables: 12');
    expect(draft.body).toContain('Delivery method: beveiligde download');
    expect(draft.body).toContain('protocol PROT-2026-013');
    expect(draft.body).toContain('simplified procedure');
    expect(unfilledPlaceholders(draft.body)).toEqual([]);
  });

  it('protocol end reminder: end date of the chain and the simplified extension', () => {
    const delivered = buildDossier({ reference: 'VSA-2026-0112', upTo: 'delivered', protocolNumber: 'PROT-2026-014', endDate: '2027-03-31' }).dossier;
    expect(suggestedMailKinds(delivered, { protocolEndDue: true })).toEqual(['deliveryNotice', 'protocolEndReminder']);
    const draft = buildMailDraft('protocolEndReminder', delivered, { context, protocolEndDate: '2028-03-31' });
    expect(draft.subject).toBe('[VSA-2026-0112] Protocol PROT-2026-014 loopt af op 31 maart 2028');
    expect(draft.body).toContain('vereenvoudigde procedure');
    expect(validateDraft(draft).ok).toBe(true);
  });

  it('suggests the mails of the state', () => {
    const expectations: [Parameters<typeof buildDossier>[0]['upTo'], MailKind[]][] = [
      ['intake', []],
      ['formsRequested', ['requestForms']],
      ['awaitingSignatures', ['decision', 'requestSignatures']],
      ['delivered', ['deliveryNotice']]
    ];
    expectations.forEach(([upTo, kinds], index) => {
      expect(suggestedMailKinds(buildDossier({ reference: `VSA-2026-02${String(index).padStart(2, '0')}`, upTo }).dossier)).toEqual(kinds);
    });
  });
});

describe('validateDraft', () => {
  const dossier = buildDossier({ reference: 'VSA-2026-0120', upTo: 'formsRequested' }).dossier;
  const draft = buildMailDraft('requestForms', dossier, { context });

  it('reports every problem at once', () => {
    const bad = editDraft(draft, {
      to: ['  ', 'not-an-address'],
      cc: ['ok@x.example'],
      subject: 'Zonder nummer',
      body: ' ',
      attachments: [
        { source: 'dossier', fileName: 'a/b.docx' },
        { source: 'dossier', fileName: 'x.pdf' },
        { source: 'dossier', fileName: 'X.pdf' }
      ]
    });
    expect(bad.to).toEqual(['not-an-address']);
    const result = validateDraft(bad);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.code).sort()).toEqual(
      ['mail.error.duplicateAttachment', 'mail.error.emptyBody', 'mail.error.invalidAttachmentName', 'mail.error.invalidRecipient'].sort()
    );
    expect(result.warnings.map((w) => w.code)).toEqual(['mail.warning.referenceMissingFromSubject']);
  });

  it('needs a recipient and warns when a forms mail has no attachment', () => {
    const result = validateDraft(editDraft(draft, { to: [], attachments: [] }));
    expect(result.errors.map((e) => e.code)).toEqual(['mail.error.noRecipient']);
    expect(result.warnings.map((w) => w.code)).toEqual(['mail.warning.noAttachments']);
  });
});
