import { getFieldDef, getFormDef } from '../catalog';
import type { FormType, FormValues } from '../types';
import { buildPackage, LABEL_WIDTH, VALUE_WIDTH } from './generator';
import { BOLD, cell, DOCUMENT_CLOSE, DOCUMENT_OPEN, paragraph, row, run, table, textParagraph } from './wml';

/** How a document without content controls lays out its fields. */
export type TypedOverLayout = 'table' | 'paragraphs' | 'labelAbove';

/**
 * Writes a form as a requester who typed it over (or converted it from PDF) would: no content
 * controls, no custom properties; fields as two-column table rows, "Label: value" paragraphs, or
 * "Label:" with the value on the next line (as PDF conversions often do),
 * repeating rows as plain tables. Used by the fixture corpus and the seed to exercise label reading.
 */
export async function generateTypedOverDocument(formType: FormType, values: FormValues, layout: TypedOverLayout): Promise<Uint8Array> {
  const form = getFormDef(formType);
  const fields = values.fields ?? {};
  const parts: string[] = [DOCUMENT_OPEN, textParagraph(form.titleNl, 'Title')];
  for (const section of form.sections) {
    parts.push(textParagraph(section.headingNl, 'Heading1'));
    const tableRows: string[] = [];
    const flush = (): void => {
      if (tableRows.length > 0) parts.push(table(tableRows.splice(0), [LABEL_WIDTH, VALUE_WIDTH]), textParagraph(''));
    };
    for (const fieldId of section.fieldIds) {
      const def = getFieldDef(fieldId)!;
      if (def.kind === 'rows') {
        flush();
        const columns = def.columns ?? [];
        const width = Math.floor((LABEL_WIDTH + VALUE_WIDTH) / columns.length);
        const header = row(columns.map((column) => cell(paragraph(run(column.labelNl, BOLD)), width)), true);
        const body = (values.rows?.[fieldId] ?? []).map((rowValues) => row(columns.map((column) => cell(textParagraph(rowValues[column.id] ?? ''), width))));
        parts.push(paragraph(run(def.labelNl, BOLD)), table([header, ...body], columns.map(() => width)), textParagraph(''));
        continue;
      }
      const value = fields[fieldId] ?? '';
      if (layout === 'table') {
        tableRows.push(row([cell(paragraph(run(def.labelNl, BOLD)), LABEL_WIDTH), cell(value.split('\n').map((line) => textParagraph(line)).join(''), VALUE_WIDTH)]));
      } else if (layout === 'paragraphs') {
        parts.push(paragraph(run(`${def.labelNl}: `, BOLD) + (value ? run(value) : '')));
      } else {
        parts.push(paragraph(run(`${def.labelNl}:`, BOLD)), textParagraph(value.replace(/\n/g, ' ')));
      }
    }
    flush();
  }
  parts.push(DOCUMENT_CLOSE);
  return buildPackage(parts.join(''), form.titleNl, undefined);
}
