import { unzipSync } from 'fflate';
import * as mammoth from 'mammoth';
import {
  annotate,
  CATALOG,
  checkForm,
  fieldIdsOfForm,
  fillForm,
  FORM_TYPES,
  generateTemplate,
  generateTypedOverDocument,
  readForm,
  rowsFieldIdsOfForm,
  sampleValues,
  withFields
} from '../../src/forms';
import type { CheckContext } from '../../src/forms';

const DRAFT: CheckContext = { phase: 'draft', today: '2026-11-25' };
const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('template generator', () => {
  it.each(FORM_TYPES.map((t) => [t]))('%s: one content control per field with tag, Dutch title and placeholder, plus the custom properties', async (formType) => {
    const files = unzipSync(await generateTemplate(formType));
    const xml = decode(files['word/document.xml']);
    for (const fieldId of fieldIdsOfForm(formType)) {
      const def = CATALOG.fields[fieldId];
      expect(xml).toContain(`<w:tag w:val="${fieldId}"/>`);
      expect(xml).toContain(`<w:alias w:val="${def.labelNl.replace(/"/g, '&quot;')}"/>`);
    }
    for (const rowsId of rowsFieldIdsOfForm(formType)) {
      for (const column of CATALOG.fields[rowsId].columns ?? []) expect(xml).toContain(`<w:tag w:val="${column.id}"/>`);
    }
    expect(xml).toContain('<w:tag w:val="formType"/>');
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain('Handtekening');
    const custom = decode(files['docProps/custom.xml']);
    expect(custom).toContain(`name="VsaFormType"><vt:lpwstr>${formType}</vt:lpwstr>`);
    expect(custom).toContain('name="VsaFormVersion"><vt:lpwstr>2026.2</vt:lpwstr>');
    expect(decode(files['[Content_Types].xml'])).toContain('/docProps/custom.xml');
  });

  it('is deterministic (byte-identical on every run)', async () => {
    expect(await generateTemplate('protocol')).toEqual(await generateTemplate('protocol'));
  });

  it('opens in an independent reader (mammoth) with the Dutch title and placeholders', async () => {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(await generateTemplate('aanvraagformulier')) });
    expect(result.value).toContain('Aanvraagformulier voor individuele gegevens van de VSA');
    expect(result.value).toContain('Klik of tik om tekst in te voeren.');
  });

  it('reads an unfilled template as all placeholders', async () => {
    const form = await readForm(await generateTemplate('verklaringTOM'), 'leeg.docx');
    expect(Object.values(form.fields).every((field) => field.isPlaceholder && field.value === '' && field.readVia === 'contentControl')).toBe(true);
    expect(checkForm(form, DRAFT).filter((f) => f.checkId === 'required')).toHaveLength(fieldIdsOfForm('verklaringTOM').filter((id) => !id.startsWith('ondertekening')).length);
  });
});

describe('round trip: template → fill → check → annotate → re-read', () => {
  it('finds exactly the planted defects and re-reads each comment on its field', async () => {
    const values = withFields(sampleValues('aanvraagformulier'), { 'aanvrager.kbo': '0123.456.789', 'contact.email': '', 'gegevens.koppeling': 'ja' });
    const filled = await fillForm(await generateTemplate('aanvraagformulier'), values);
    const form = await readForm(filled, 'aanvraag.docx');
    const findings = checkForm(form, DRAFT);
    expect(findings.map((f) => `${f.checkId}:${f.fieldId}`).sort()).toEqual(['enterpriseNumber:aanvrager.kbo', 'linking:gegevens.koppeling', 'required:contact.email']);

    const reviewed = await annotate(filled, findings, [{ fieldId: 'project.titel', text: 'Titel graag inkorten.' }, { fieldId: 'variabelen.motivering', occurrence: 1, text: 'Waarom deze variabele?' }], 'DPO-team VSA', new Date('2026-11-25T10:15:00Z'));
    const back = await readForm(reviewed, 'aanvraag.reviewed.docx');
    expect(back.comments.map((c) => [c.id, c.fieldId])).toEqual([
      ...findings.map((f, index) => [index, f.fieldId]),
      [3, 'project.titel'],
      [4, 'variabelen.motivering']
    ]);
    expect(back.comments.every((c) => c.author === 'DPO-team VSA' && c.date === '2026-11-25T10:15:00Z')).toBe(true);
    expect(back.comments.find((c) => c.fieldId === 'aanvrager.kbo')!.text).toBe(`Blokkerend: ${findings.find((f) => f.fieldId === 'aanvrager.kbo')!.message.nl}`);
    // The annotated copy still reads and checks the same.
    expect(checkForm(back, DRAFT).map((f) => f.checkId).sort()).toEqual(findings.map((f) => f.checkId).sort());
  });

  it('changes only the four comment-related parts and keeps every other entry byte-for-byte', async () => {
    const filled = await fillForm(await generateTemplate('protocol'), sampleValues('protocol'));
    const reviewed = await annotate(filled, [], [{ fieldId: 'protocol.voorwerp', text: 'Ok.' }], 'R', '2026-11-25T00:00:00Z');
    const before = unzipSync(filled);
    const after = unzipSync(reviewed);
    const touched = new Set(['word/document.xml', 'word/comments.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']);
    for (const name of Object.keys(before)) {
      if (!touched.has(name)) expect(after[name]).toEqual(before[name]);
    }
    expect(Object.keys(after).filter((name) => !(name in before))).toEqual(['word/comments.xml']);
    expect(decode(after['word/_rels/document.xml.rels'])).toContain('relationships/comments');
    expect(decode(after['[Content_Types].xml'])).toContain('wordprocessingml.comments+xml');
  });

  it('keeps existing comments byte-for-byte and numbers new ones after the highest id', async () => {
    const filled = await fillForm(await generateTemplate('addendum'), sampleValues('addendum'));
    const first = await annotate(filled, [], [{ fieldId: 'addendum.wijzigingen', text: 'Eerste ronde.' }], 'A', '2026-11-01T00:00:00Z');
    const firstComments = decode(unzipSync(first)['word/comments.xml']);
    const second = await annotate(first, [], [{ fieldId: 'project.titel', text: 'Tweede ronde.' }], 'B', '2026-11-20T00:00:00Z');
    const secondComments = decode(unzipSync(second)['word/comments.xml']);
    expect(secondComments.startsWith(firstComments.slice(0, firstComments.lastIndexOf('</w:comments>')))).toBe(true);
    const back = await readForm(second, 'a.docx');
    expect(back.comments.map((c) => [c.id, c.author, c.fieldId])).toEqual([
      [0, 'A', 'addendum.wijzigingen'],
      [1, 'B', 'project.titel']
    ]);
  });

  it('anchors comments on the label cell or paragraph of a form read by label', async () => {
    for (const layout of ['table', 'paragraphs'] as const) {
      const docx = await generateTypedOverDocument('verklaringTOM', withFields(sampleValues('verklaringTOM'), { 'tom.logging': '' }), layout);
      const form = await readForm(docx, 'getypt.docx');
      const findings = checkForm(form, DRAFT).filter((f) => f.fieldId);
      const reviewed = await annotate(docx, findings, [{ fieldId: 'tom.versleuteling', text: 'Welke sleutellengte?' }], 'R', '2026-11-25T00:00:00Z');
      const back = await readForm(reviewed, 'getypt.reviewed.docx');
      expect(back.comments.map((c) => c.fieldId)).toEqual(['tom.logging', 'tom.versleuteling']);
    }
  });

  it('anchors comments on a LibreOffice re-saved form (controls known only by title, or by label)', async () => {
    const { readFileSync } = await import('fs');
    const { join } = await import('path');
    const bytes = new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', 'forms', 'libreoffice-resaved-aanvraag.docx')));
    const form = await readForm(bytes, 'lo.docx');
    expect(form.fields['contact.naam'].anchor.kind).toBe('contentControlTitle');
    const findings = checkForm(form, DRAFT).filter((f) => f.fieldId);
    const reviewed = await annotate(bytes, findings, [{ fieldId: 'contact.naam', text: 'Klopt deze naam?' }, { fieldId: 'project.doeleinden', text: 'Te vaag.' }], 'R', '2026-11-25T00:00:00Z');
    const back = await readForm(reviewed, 'lo.reviewed.docx');
    expect(back.comments.map((c) => c.fieldId)).toEqual([...findings.map((f) => f.fieldId), 'contact.naam', 'project.doeleinden']);
  });

  it('reads values on the line under "Label:" (PDF conversion) without taking the next label as a value', async () => {
    const docx = await generateTypedOverDocument('verklaringTOM', withFields(sampleValues('verklaringTOM'), { 'tom.logging': '' }), 'labelAbove');
    const form = await readForm(docx, 'pdf.docx');
    expect(form.fields['tom.versleuteling']).toMatchObject({ value: 'Versleutelde opslag (AES-256) en versleuteld transport.', readVia: 'paragraphLabel' });
    expect(form.fields['tom.logging']).toMatchObject({ value: '', isPlaceholder: true });
    expect(checkForm(form, DRAFT).filter((f) => f.severity === 'blocking').map((f) => f.fieldId)).toEqual(['tom.logging']);
  });

  it('joins lines for single-line controls and keeps them for multi-line ones', async () => {
    const docx = await fillForm(await generateTemplate('aanvraagformulier'), {
      fields: { 'project.titel': 'Deel een\nDeel twee', 'project.doeleinden': 'Doel een\nDoel twee' },
      rows: { variabelen: [{ 'variabelen.naam': 'x', 'variabelen.motivering': 'Reden een\nReden twee' }] }
    });
    const form = await readForm(docx, 'regels.docx');
    expect(form.fields['project.titel'].value).toBe('Deel een Deel twee');
    expect(form.fields['project.doeleinden'].value).toBe('Doel een\nDoel twee');
    expect(form.rows.variabelen[0]['variabelen.motivering'].value).toBe('Reden een\nReden twee');
  });

  it('refuses, in strict mode, values for fields the form does not have', async () => {
    const template = await generateTemplate('verklaringTOM');
    await expect(fillForm(template, { fields: { 'tom.logging': 'x', 'tom.loging': 'typo' } }, { strict: true, fileName: 'tom.docx' })).rejects.toThrow('fillForm(tom.docx): no content control for tom.loging');
    await expect(fillForm(template, { rows: { variabelen: [{ 'variabelen.naam': 'a' }] } })).rejects.toThrow('no table for variabelen');
  });

  it('fills 200 variable rows and reads them back in order', async () => {
    const values = sampleValues('aanvraagformulier', { variables: 200 });
    const form = await readForm(await fillForm(await generateTemplate('aanvraagformulier'), values), 'lang.docx');
    expect(form.rows.variabelen).toHaveLength(200);
    expect(form.rows.variabelen[199]['variabelen.naam'].value).toBe('variabele_200');
    expect(form.rows.variabelen[199]['variabelen.naam'].anchor).toEqual({ kind: 'contentControl', tag: 'variabelen.naam', occurrence: 199 });
  });
});
