import { checkForm, generateTypedOverDocument } from '../../src/forms';
import type { Finding } from '../../src/forms';
import { createWordGateway } from '../../src/word/office/wordGateway';
import { createOfficeFormSource } from '../../src/word/office/officeFormSource';
import { draftsFor } from '../../src/word/review/commentPlan';
import { addFreeComment, insertFindingComments, loadReview, removeOwnComments } from '../../src/word/review/reviewActions';
import { REVIEW_PART_NAMESPACE } from '../../src/word/review/reviewMetadata';
import { FakeWord } from './fakes/fakeWord';
import { catalogDocument, docxToFlatOpc } from './fakes/documents';

const TODAY = '2026-11-25';

function sourceFor(word: FakeWord) {
  return createOfficeFormSource(createWordGateway(word.host()));
}

const FILLED = {
  'aanvrager.instelling': 'Universiteit Gent',
  'project.titel': 'Wonen in Vlaanderen',
  'contact.email': 'niet-een-adres'
};

describe('Office form source: reading', () => {
  it('builds the form from content controls in one sync; placeholder text counts as empty', async () => {
    const doc = catalogDocument('aanvraagformulier', FILLED);
    doc.customProperties.VsaDossierReference = 'VSA-2026-014';
    // A control whose text is its own (non-catalog) placeholder.
    const custom = doc.controls.find((c) => c.tag === 'contact.naam')!;
    custom.placeholderText = 'Naam invullen aub';
    custom.text = 'Naam invullen aub';
    const word = new FakeWord({ ...doc, url: 'https://contoso/Docs/aanvraag.docx' });
    const read = await sourceFor(word).read();
    expect(word.syncCount).toBe(1);
    expect(read.form.fileName).toBe('aanvraag.docx');
    expect(read.form.formType).toBe('aanvraagformulier');
    expect(read.form.fields['project.titel'].value).toBe('Wonen in Vlaanderen');
    expect(read.form.fields['contact.naam']).toMatchObject({ value: '', isPlaceholder: true });
    expect(read.form.fields['project.doeleinden'].isPlaceholder).toBe(true);
    expect(read.dossierReference).toBe('VSA-2026-014');
    expect(read.comments).toEqual([]);
  });

  it('reads a typed-over form (no controls) through the docx reader on the body OOXML, in two syncs', async () => {
    const docx = await generateTypedOverDocument('aanvraagformulier', { fields: FILLED }, 'table');
    const word = new FakeWord({
      customProperties: { VsaFormType: 'aanvraagformulier' },
      controls: [],
      paragraphs: [{ text: 'E-mailadres contactpersoon', tableNestingLevel: 1 }],
      tables: [],
      comments: [],
      bodyOoxml: docxToFlatOpc(docx)
    });
    const source = sourceFor(word);
    const read = await source.read();
    expect(word.syncCount).toBe(2);
    expect(read.form.formType).toBe('aanvraagformulier');
    expect(read.form.notices.map((n) => n.code)).toContain('readByLabel');
    expect(read.form.fields['contact.email']).toMatchObject({ value: 'niet-een-adres', readVia: 'tableLabel' });
    expect(await source.select(read.form.fields['contact.email'].anchor)).toBe(true);
    expect(word.selection).toBe('search:e-mailadres contactpersoon');
  });
});

describe('Office form source: review flow', () => {
  async function reviewed(word: FakeWord) {
    const source = sourceFor(word);
    const loaded = await loadReview(source, checkForm, TODAY, undefined);
    return { source, loaded };
  }

  it('inserts one comment per finding on its field, and none again on a second run', async () => {
    const word = new FakeWord(catalogDocument('aanvraagformulier', FILLED));
    const { source, loaded } = await reviewed(word);
    const emailFinding = loaded.findings.find((f: Finding) => f.fieldId === 'contact.email' && f.checkId === 'email')!;
    expect(emailFinding).toBeDefined();
    const drafts = draftsFor(loaded.findings).map((d) => (d.key.startsWith('email:contact.email') ? { ...d, text: 'Graag een geldig e-mailadres.' } : d));

    const first = await insertFindingComments(source, drafts);
    expect(first.report).toEqual({ inserted: loaded.findings.length, notFound: 0 });
    const emailControl = word.document.controls.find((c) => c.tag === 'contact.email')!;
    const emailComment = word.document.comments.find((c) => c.anchor === `control:${emailControl.id}`)!;
    // No marker in the visible text: the link to the check lives in the hidden review part.
    expect(emailComment.content).toBe('Graag een geldig e-mailadres.');
    expect(word.document.customXmlParts?.[REVIEW_PART_NAMESPACE]).toContain('check="email:contact.email#0"');

    const again = await loadReview(source, checkForm, TODAY, undefined);
    const second = await insertFindingComments(source, draftsFor(again.findings));
    expect(second.report.inserted).toBe(0);
    expect(second.plan.alreadyCommented).toHaveLength(loaded.findings.length);
    expect(word.document.comments).toHaveLength(loaded.findings.length);
  });

  it("removes only the add-in's comments (findings and free ones), not the reviewer's own", async () => {
    const word = new FakeWord(catalogDocument('aanvraagformulier', FILLED));
    word.document.comments.push({ id: 'own1', content: 'Eigen notitie van de lezer', resolved: false, anchor: 'paragraph:0' });
    const { source, loaded } = await reviewed(word);
    await insertFindingComments(source, draftsFor(loaded.findings.slice(0, 3)));
    await addFreeComment(source, 'Bekijk deze paragraaf nog eens');
    expect(word.document.comments).toHaveLength(5);
    await expect(addFreeComment(source, '   ')).rejects.toThrow(/leeg/);
    expect(await removeOwnComments(source)).toBe(4);
    expect(word.document.comments.map((c) => c.content)).toEqual(['Eigen notitie van de lezer']);
  });

  it('keeps the sync count flat for a very long form: 1 to read, 3 to insert every comment', async () => {
    const rows = 2000;
    const doc = catalogDocument('aanvraagformulier', FILLED);
    for (let i = 0; i < rows; i++) {
      doc.controls.push({ id: 10_000 + 2 * i, tag: 'variabelen.naam', title: 'Naam', text: `var_${i}`, placeholderText: '' });
      doc.controls.push({ id: 10_001 + 2 * i, tag: 'variabelen.motivering', title: 'Motivering', text: i % 4 === 0 ? '' : 'nodig', placeholderText: '' });
    }
    const word = new FakeWord(doc);
    const { source, loaded } = await reviewed(word);
    expect(word.syncCount).toBe(1);
    expect(loaded.source.form.rows.variabelen).toHaveLength(rows);
    const unjustified = loaded.findings.filter((f) => f.checkId === 'variableJustification');
    expect(unjustified.length).toBe(rows / 4);
    word.syncCount = 0;
    const outcome = await insertFindingComments(source, draftsFor(loaded.findings));
    expect(outcome.report.inserted).toBe(loaded.findings.length);
    expect(word.syncCount).toBe(3);
  });
});

describe('Office form source: host without WordApi 1.4', () => {
  it('still lists the findings, reports the missing set, and refuses to write comments', async () => {
    const word = new FakeWord(catalogDocument('aanvraagformulier', FILLED), { supported: { WordApi: '1.3' } });
    const source = sourceFor(word);
    expect(source.capabilities()).toEqual({ comments: false, missingRequirement: 'WordApi 1.4' });
    const loaded = await loadReview(source, checkForm, TODAY, undefined);
    expect(loaded.findings.length).toBeGreaterThan(0);
    expect(loaded.source.comments).toBeUndefined();
    expect(await source.comments()).toEqual([]);
    await expect(insertFindingComments(source, draftsFor(loaded.findings))).rejects.toThrow(/WordApi 1\.4/);
    expect(word.document.comments).toHaveLength(0);
  });
});
