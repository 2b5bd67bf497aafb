import { unzipSync } from 'fflate';
import { buildMailDraft, findingsMailText, mailKinds, returnedFindings } from '../../src/correspondence';
import { CorrespondenceService } from '../../src/data/mail';
import type { DocumentLibrary } from '../../src/data/ports';
import { decide, evolve } from '../../src/domain';
import type { DossierFinding } from '../../src/domain/findings';
import type { Dossier } from '../../src/domain/types';
import { fillForm, generateTemplate, readAnnotations, sampleValues } from '../../src/forms';
import { buildPublicRegister, registerToCsv, registerToHtml, registerToJson } from '../../src/publication';
import { buildDossier, people } from './support/dossiers';

/**
 * Issue 14: `returnForChanges` sends exactly the open requester findings, grouped by document and field,
 * in the mail and as comments in the attached annotated drafts; internal findings never leave the VSA
 * (asserted on the mail body of every mail kind, the annotated attachments and the public register).
 */

const context = { mailbox: 'data-aanvragen.vsa@vlaanderen.be' };
const AT = '2026-02-01T09:00:00.000Z';
const INTERNAL = 'INTERN: deze aanvrager werd eerder geweigerd';

function finding(id: string, fields: Partial<DossierFinding>): DossierFinding {
  return {
    id, documentKind: 'aanvraagformulier', origin: 'reviewer', text: 'Opmerking', author: people.team, audience: 'requester', severity: 'warning',
    firstSeenVersion: '1.0', lastSeenVersion: '1.0', status: 'open', createdAt: AT, history: [], revision: 1, ...fields
  };
}

const findings: DossierFinding[] = [
  finding('check:aanvraagformulier:required:contact.email', { origin: 'check', checkId: 'required', fieldId: 'contact.email', messageKey: 'forms.check.required', params: { fieldId: 'contact.email' }, text: '"E-mailadres" is niet ingevuld.', severity: 'blocking' }),
  finding('r-titel', { fieldId: 'project.titel', text: 'Titel graag inkorten.' }),
  finding('r-motivering', { fieldId: 'variabelen.motivering', rowIndex: 1, text: 'Waarom deze variabele?' }),
  finding('r-tom', { documentKind: 'verklaringTOM', text: 'Vul de maatregelen aan.' }),
  finding('r-klaar', { fieldId: 'project.doeleinden', text: 'Al opgelost', status: 'resolved' }),
  finding('intern', { fieldId: 'project.titel', text: INTERNAL, audience: 'internal' })
];

/** A dossier under review with these findings, then returned (the real `decide`/`evolve`). */
function returnedDossier(): { dossier: Dossier; findingIds: readonly string[] | undefined } {
  const underReview = { ...buildDossier({ reference: 'VSA-2026-0801', upTo: 'underReview' }).dossier, findings };
  const result = decide(underReview, { type: 'returnForChanges', commandId: 'ret-1', reviewComments: [{ text: 'Graag ook de handtekening nakijken.' }] }, people.team, AT);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const [event] = result.events;
  return { dossier: result.events.reduce(evolve, underReview), findingIds: event.type === 'ReturnedForChanges' ? event.findingIds : undefined };
}

describe('the return mail', () => {
  it('records the open requester findings at the return and lists exactly those, grouped by document and field', () => {
    const { dossier, findingIds } = returnedDossier();
    const open = ['check:aanvraagformulier:required:contact.email', 'r-titel', 'r-motivering', 'r-tom'];
    expect(findingIds).toEqual(open);
    expect(returnedFindings(dossier).map((f) => f.id)).toEqual(open);
    const draft = buildMailDraft('returnWithComments', dossier, { context });
    expect(draft.body).toContain(
      [
        'Onze opmerkingen:',
        'Aanvraagformulier',
        '- E-mailadres contactpersoon: "E-mailadres contactpersoon" is niet ingevuld.',
        '- Titel van het onderzoeksproject: Titel graag inkorten.',
        '- Motivering (rij 2): Waarom deze variabele?',
        '',
        'Verklaring technische en organisatorische maatregelen',
        '- Algemeen: Vul de maatregelen aan.',
        '',
        'Overige opmerkingen',
        '- Graag ook de handtekening nakijken.'
      ].join('\n')
    );
    expect(draft.body).not.toContain('Al opgelost');
    expect(draft.body).not.toContain(INTERNAL);
  });

  it('is written in English with English labels and messages', () => {
    const { dossier } = returnedDossier();
    const draft = buildMailDraft('returnWithComments', dossier, { context, lang: 'en' });
    expect(draft.body).toContain('- E-mail of the contact person: "E-mail of the contact person" is not filled in.');
    expect(draft.body).toContain('- General: Vul de maatregelen aan.');
    expect(draft.body).toContain('Other remarks\n- Graag ook de handtekening nakijken.');
  });

  it('attaches every current draft .docx annotated with exactly its findings of the return', () => {
    const { dossier } = returnedDossier();
    const draft = buildMailDraft('returnWithComments', dossier, { context });
    expect(draft.attachments).toEqual([
      { source: 'annotated', fileName: 'aanvraagformulier-VSA-2026-0801.docx', documentId: 'VSA-2026-0801-aanvraagformulier', version: '1.0', findingIds: ['check:aanvraagformulier:required:contact.email', 'r-titel', 'r-motivering'] },
      { source: 'annotated', fileName: 'verklaringTOM-VSA-2026-0801.docx', documentId: 'VSA-2026-0801-verklaringTOM', version: '1.0', findingIds: ['r-tom'] },
      { source: 'annotated', fileName: 'protocol-VSA-2026-0801.docx', documentId: 'VSA-2026-0801-protocol', version: '1.0', findingIds: [] }
    ]);
  });

  it('never lists an internal finding, even when its id was recorded by mistake', () => {
    const { dossier } = returnedDossier();
    const tampered = { ...dossier, returnedFindingIds: [...(dossier.returnedFindingIds ?? []), 'intern'] };
    expect(returnedFindings(tampered).map((f) => f.id)).not.toContain('intern');
    expect(findingsMailText(findings, [], 'nl')).not.toContain(INTERNAL);
  });

  it.each(['nl', 'en'] as const)('no mail kind carries an internal finding (%s)', (lang) => {
    const { dossier } = returnedDossier();
    for (const kind of mailKinds) {
      const draft = buildMailDraft(kind, dossier, { context, lang });
      expect(`${draft.subject}\n${draft.body}`).not.toContain(INTERNAL);
      expect(JSON.stringify(draft.attachments)).not.toContain('intern');
    }
  });
});

describe('the annotated attachments as sent', () => {
  it('carry exactly the findings of their document, never an internal one', async () => {
    const { dossier } = returnedDossier();
    const form = await fillForm(await generateTemplate('aanvraagformulier'), sampleValues('aanvraagformulier'));
    const tom = await fillForm(await generateTemplate('verklaringTOM'), sampleValues('verklaringTOM'));
    const protocol = await fillForm(await generateTemplate('protocol'), sampleValues('protocol'));
    const files: Record<string, Uint8Array> = { 'aanvraagformulier-VSA-2026-0801.docx': form, 'verklaringTOM-VSA-2026-0801.docx': tom, 'protocol-VSA-2026-0801.docx': protocol };
    const documents = { download: jest.fn(async (_reference: string, name: string) => files[name]) } as unknown as DocumentLibrary;
    const service = new CorrespondenceService({ commands: { load: jest.fn() } as never, documents, sender: { send: jest.fn() }, clock: () => AT });
    const draft = buildMailDraft('returnWithComments', dossier, { context });
    const resolved = await service.resolveAttachments(draft, dossier);
    const ids = await Promise.all(resolved.map(async (attachment) => (await readAnnotations(attachment.content, attachment.name)).map((a) => [a.findingId, a.fieldId, a.rowIndex, a.text])));
    expect(ids).toEqual([
      [
        ['check:aanvraagformulier:required:contact.email', 'contact.email', undefined, 'Blokkerend: "E-mailadres contactpersoon" is niet ingevuld.'],
        ['r-titel', 'project.titel', undefined, 'Titel graag inkorten.'],
        ['r-motivering', 'variabelen.motivering', 1, 'Waarom deze variabele?']
      ],
      [['r-tom', undefined, undefined, 'Vul de maatregelen aan.']],
      []
    ]);
    for (const attachment of resolved) {
      const comments = unzipSync(attachment.content)['word/comments.xml'];
      if (comments) {
        expect(new TextDecoder().decode(comments)).not.toContain(INTERNAL);
        expect(new TextDecoder().decode(comments)).not.toMatch(/w:author="[^"]*@/);
      }
    }
  });

  it('leave out an internal finding even when the draft names it', async () => {
    const { dossier } = returnedDossier();
    const form = await fillForm(await generateTemplate('aanvraagformulier'), sampleValues('aanvraagformulier'));
    const documents = { download: jest.fn(async () => form) } as unknown as DocumentLibrary;
    const service = new CorrespondenceService({ commands: { load: jest.fn() } as never, documents, sender: { send: jest.fn() }, clock: () => AT });
    const draft = { ...buildMailDraft('returnWithComments', dossier, { context }), attachments: [{ source: 'annotated' as const, fileName: 'a.docx', findingIds: ['intern', 'r-titel'] }] };
    const [attachment] = await service.resolveAttachments(draft, dossier);
    expect((await readAnnotations(attachment.content, 'a.docx')).map((a) => a.findingId)).toEqual(['r-titel']);
  });
});

describe('the public register', () => {
  it('never carries a finding text, internal or not', () => {
    const published = buildDossier({ reference: 'VSA-2026-0802', upTo: 'published' }).dossier;
    const withFindings = { ...published, findings };
    const register = buildPublicRegister([withFindings], { generatedAt: AT });
    for (const output of [registerToJson(register), registerToCsv(register), registerToHtml(register, 'nl'), registerToHtml(register, 'en')]) {
      expect(output).toContain('PROT-2026-001');
      expect(output).not.toContain(INTERNAL);
    }
  });
});
