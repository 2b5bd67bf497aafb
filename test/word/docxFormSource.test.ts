import * as mammoth from 'mammoth';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkForm, fillForm, generateTemplate, readForm } from '../../src/forms';
import { createDocxFormSource } from '../../src/word/docx/docxFormSource';
import { readCustomProperty, removeComments, setCustomProperty } from '../../src/word/docx/docxParts';
import { draftsFor } from '../../src/word/review/commentPlan';
import { addFreeComment, insertFindingComments, loadReview, removeOwnComments } from '../../src/word/review/reviewActions';

async function sampleForm(): Promise<Uint8Array> {
  const filled = await fillForm(await generateTemplate('aanvraagformulier'), {
    fields: { 'aanvrager.instelling': 'Universiteit Gent', 'project.titel': 'Wonen in Vlaanderen', 'contact.email': 'niet-een-adres' }
  });
  return setCustomProperty(filled, 'VsaDossierReference', 'VSA-2026-0007');
}

function source(docx: Uint8Array) {
  return createDocxFormSource(docx, { fileName: 'aanvraag.docx', author: 'An Peeters', now: () => '2026-11-25T10:00:00Z' });
}

describe('docx form source (local workbench)', () => {
  it('reads the form and the dossier reference the file carries', async () => {
    const docx = await sampleForm();
    expect(readCustomProperty(docx, 'VsaDossierReference')).toBe('VSA-2026-0007');
    expect(readCustomProperty(docx, 'VsaFormType')).toBe('aanvraagformulier');
    const read = await source(docx).read();
    expect(read.dossierReference).toBe('VSA-2026-0007');
    expect(read.form.formType).toBe('aanvraagformulier');
    expect(read.comments).toEqual([]);
  });

  it('runs the same review flow: comments on the fields, none twice, own ones removable', async () => {
    const docx = await sampleForm();
    const forms = source(docx);
    const loaded = await loadReview(forms, checkForm, '2026-11-25', undefined);
    const first = await insertFindingComments(forms, draftsFor(loaded.findings));
    expect(first.report.inserted).toBe(loaded.findings.length);
    const annotated = await readForm(forms.current(), 'a.docx');
    expect(annotated.comments).toHaveLength(loaded.findings.length);
    expect(annotated.comments.some((c) => c.text.includes('[VSA'))).toBe(false);
    const emailFinding = loaded.findings.find((f) => f.checkId === 'email' && f.fieldId === 'contact.email')!;
    const emailComment = annotated.comments.find((c) => c.text === emailFinding.message.nl);
    expect(emailComment?.fieldId).toBe('contact.email');
    expect(emailComment?.author).toBe('An Peeters');

    const second = await insertFindingComments(forms, draftsFor(loaded.findings));
    expect(second.report.inserted).toBe(0);

    await addFreeComment(forms, 'Algemene opmerking');
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(forms.current()) }, { styleMap: ['comment-reference => sup'] })).value;
    expect(html).toContain('Algemene opmerking');
    expect(html).not.toContain('[VSA');

    expect(await removeOwnComments(forms)).toBe(loaded.findings.length + 1);
    const cleaned = await readForm(forms.current(), 'a.docx');
    expect(cleaned.comments).toEqual([]);
    expect(cleaned.fields['project.titel'].value).toBe('Wonen in Vlaanderen');
  });

  it('removes only matching comments and leaves the file untouched when none match', async () => {
    const docx = await sampleForm();
    expect(removeComments(docx, () => true)).toEqual({ docx, removed: 0 });
    const forms = source(docx);
    await forms.insertComments([
      { anchor: { kind: 'contentControl', tag: 'project.titel', occurrence: 0 }, text: 'Eigen nota van de lezer' },
      { anchor: { kind: 'document' }, text: 'Te verwijderen [VSA]' }
    ]);
    const result = removeComments(forms.current(), (text) => text.endsWith('[VSA]'));
    expect(result.removed).toBe(1);
    expect((await readForm(result.docx, 'a.docx')).comments.map((c) => c.text)).toEqual(['Eigen nota van de lezer']);
  });

  it('refuses a DOCTYPE or malformed XML in the parts it edits, naming the file and part', async () => {
    const docx = await sampleForm();
    const entries = unzipSync(docx);
    const custom = strFromU8(entries['docProps/custom.xml']);
    const withDoctype = zipSync({ ...entries, 'docProps/custom.xml': strToU8(`<!DOCTYPE x [<!ENTITY e "VSA-2026-9999">]>${custom.replace(/^<\?xml[^>]*\?>/, '')}`) });
    expect(() => readCustomProperty(withDoctype, 'VsaDossierReference', 'aanvraag.docx')).toThrow(/aanvraag\.docx.*docProps\/custom\.xml/s);
    const brokenComments = zipSync({ ...entries, 'word/comments.xml': strToU8('<w:comments xmlns:w="x"><w:comment>') });
    expect(() => removeComments(brokenComments, () => true, 'aanvraag.docx')).toThrow(/aanvraag\.docx.*word\/comments\.xml/s);
  });
});
