import { unzipSync } from 'fflate';
import { CATALOG_VERSION, fieldIdsOfForm, getFieldDef } from '../../../src/forms';
import type { FormType } from '../../../src/forms';
import type { FakeControl, FakeDocumentData } from './fakeWord';

/** A template-made form: the `formType` control plus one control per given field. */
export function templateDocument(
  formType: string,
  fields: ReadonlyArray<{ tag: string; title?: string; text: string; placeholderText?: string }>,
  properties: Record<string, string> = { VsaFormType: formType, VsaFormVersion: '2026.1' }
): FakeDocumentData {
  const controls: FakeControl[] = [
    { id: 1, tag: 'formType', title: 'Formuliertype', text: formType, placeholderText: '' },
    ...fields.map((field, index) => ({
      id: 100 + index,
      tag: field.tag,
      title: field.title ?? field.tag,
      text: field.text,
      placeholderText: field.placeholderText ?? 'Klik of tik om tekst in te voeren.'
    }))
  ];
  return {
    customProperties: properties,
    controls,
    paragraphs: [
      { text: 'Aanvraagformulier microdata', tableNestingLevel: 0 },
      ...controls.map((c) => ({ text: `${c.title}: ${c.text}`, tableNestingLevel: 1 }))
    ],
    tables: [{ values: controls.map((c) => [c.title, c.text]), nestingLevel: 1 }],
    comments: []
  };
}

/** A long form: `count` variable rows (two controls each) after the given fields. */
export function longDocument(count: number): FakeDocumentData {
  const rows = Array.from({ length: count }, (_, i) => [
    { tag: 'variabelen.naam', title: 'Naam variabele', text: `var_${i}` },
    { tag: 'variabelen.motivering', title: 'Motivering', text: i % 10 === 0 ? '' : `nodig voor analyse ${i}` }
  ]).flat();
  return templateDocument('aanvraagformulier', [{ tag: 'project.titel', text: 'Wonen in Vlaanderen' }, ...rows]);
}

/** A document typed over, without content controls: label/value tables and paragraphs. */
export function typedOverDocument(): FakeDocumentData {
  return {
    customProperties: {},
    controls: [],
    paragraphs: [
      { text: 'Aanvraagformulier microdata', tableNestingLevel: 0 },
      { text: 'Titel van het project: Wonen in Vlaanderen', tableNestingLevel: 0 },
      { text: 'Naam instelling', tableNestingLevel: 1 },
      { text: 'Universiteit Gent', tableNestingLevel: 1 }
    ],
    tables: [{ values: [['Naam instelling', 'Universiteit Gent'], ['E-mailadres contactpersoon', 'jan@ugent']], nestingLevel: 1 }],
    comments: []
  };
}

/** A template-made form of `formType` with every catalog field as a control; unlisted fields show their placeholder. */
export function catalogDocument(
  formType: FormType,
  values: Readonly<Record<string, string>>,
  properties: Record<string, string> = { VsaFormType: formType, VsaFormVersion: CATALOG_VERSION }
): FakeDocumentData {
  return templateDocument(
    formType,
    fieldIdsOfForm(formType).map((tag) => {
      const def = getFieldDef(tag)!;
      return { tag, title: def.labelNl, text: values[tag] ?? def.placeholderNl, placeholderText: def.placeholderNl };
    }),
    properties
  );
}

/** What Word's `Body.getOoxml()` returns for a .docx: a flat-OPC package without the docProps parts. */
export function docxToFlatOpc(docx: Uint8Array): string {
  const entries = unzipSync(docx);
  const decoder = new TextDecoder();
  const parts = Object.entries(entries)
    .filter(([name]) => !name.startsWith('docProps/') && name !== '[Content_Types].xml')
    .map(([name, bytes]) => {
      const isXml = name.endsWith('.xml') || name.endsWith('.rels');
      const contentType = name.endsWith('.rels') ? 'application/vnd.openxmlformats-package.relationships+xml' : 'application/xml';
      const body = isXml
        ? `<pkg:xmlData>${decoder.decode(bytes).replace(/^\uFEFF?<\?xml[^>]*\?>\s*/, '')}</pkg:xmlData>`
        : `<pkg:binaryData>${Buffer.from(bytes).toString('base64')}</pkg:binaryData>`;
      return `<pkg:part pkg:name="/${name}" pkg:contentType="${contentType}">${body}</pkg:part>`;
    });
  return `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?><pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${parts.join('')}</pkg:package>`;
}

/**
 * A form of `formType` with every catalog field, plus a variables table: one row per given variable
 * (name, justification; '' shows the placeholder) and `emptyRows` empty rows, each row's two controls
 * sharing a row key as in Word's table.
 */
export function variablesDocument(
  formType: FormType,
  values: Readonly<Record<string, string>>,
  variables: ReadonlyArray<readonly [string, string]>,
  emptyRows = 0
): FakeDocumentData {
  const name = getFieldDef('variabelen.naam')!;
  const justification = getFieldDef('variabelen.motivering')!;
  const base = catalogDocument(formType, values);
  const rows = [...variables, ...Array.from({ length: emptyRows }, (): readonly [string, string] => ['', ''])];
  let id = 500;
  const controls: FakeControl[] = rows.flatMap(([variable, why], index) => [
    { id: id++, tag: name.id, title: name.labelNl, text: variable || name.placeholderNl, placeholderText: name.placeholderNl, row: `variabelen-${index}` },
    { id: id++, tag: justification.id, title: justification.labelNl, text: why || justification.placeholderNl, placeholderText: justification.placeholderNl, row: `variabelen-${index}` }
  ]);
  return { ...base, controls: [...base.controls.filter((control) => control.tag !== 'variabelen'), ...controls] };
}
