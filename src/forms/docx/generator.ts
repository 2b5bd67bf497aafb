import { CATALOG, CATALOG_VERSION, getFieldDef, getFormDef } from '../catalog';
import type { FieldDef, FormType } from '../types';
import { APP_XML, CONTENT_TYPES_XML, coreXml, customPropertiesXml, DOCUMENT_RELS_XML, ROOT_RELS_XML, SETTINGS_XML, STYLES_XML } from './packageParts';
import { BOLD, blockControl, cell, DOCUMENT_CLOSE, DOCUMENT_OPEN, inlineControl, paragraph, row, run, sdtPr, table, textParagraph } from './wml';
import { encodeUtf8 } from './xml';
import { zipEntries } from './zip';

/** Options of the template generator. */
export interface TemplateOptions {
  /** Catalog version written to `VsaFormVersion` (tests use it to make "newer" forms). */
  readonly catalogVersion?: string;
  /** Empty rows in each repeating table (default 3). */
  readonly emptyRows?: number;
}

/** Width of the label and value columns (twips; A4 text width is 9072). */
export const LABEL_WIDTH = 3400;
export const VALUE_WIDTH = 5672;

/** Custom document property names of the contract. */
export const PROPERTY_FORM_TYPE = 'VsaFormType';
export const PROPERTY_FORM_VERSION = 'VsaFormVersion';

/** Kinds that get a block-level rich-text control (several paragraphs allowed). */
export function isBlockKind(def: FieldDef): boolean {
  return def.kind === 'multiline' || def.kind === 'yesNoWithText';
}

class IdCounter {
  private next = 1000;
  public take(): number {
    return this.next++;
  }
}

function labelCell(def: FieldDef): string {
  const help = def.helpNl ? paragraph(run(def.helpNl), 'FormHelp') : '';
  return cell(paragraph(run(def.labelNl, BOLD)) + help, LABEL_WIDTH, 'F2F2F2');
}

function valueCell(def: FieldDef, ids: IdCounter): string {
  const control = isBlockKind(def)
    ? blockControl(ids.take(), def.id, def.labelNl, def.placeholderNl)
    : paragraph(inlineControl(ids.take(), def.id, def.labelNl, def.placeholderNl));
  return cell(control, VALUE_WIDTH);
}

function fieldTable(defs: FieldDef[], ids: IdCounter, signatureBlock: boolean): string {
  const rows = defs.map((def) => row([labelCell(def), valueCell(def, ids)]));
  if (signatureBlock) {
    // Room for a handwritten or electronic signature; not a field: the signature itself is not read.
    rows.push(row([cell(paragraph(run('Handtekening', BOLD)), LABEL_WIDTH, 'F2F2F2'), cell(textParagraph('') + textParagraph('') + textParagraph(''), VALUE_WIDTH)]));
  }
  return table(rows, [LABEL_WIDTH, VALUE_WIDTH]);
}

function rowsTable(def: FieldDef, ids: IdCounter, emptyRows: number): string {
  const columns = def.columns ?? [];
  const width = Math.floor((LABEL_WIDTH + VALUE_WIDTH) / Math.max(columns.length, 1));
  const header = row(columns.map((column) => cell(paragraph(run(column.labelNl, BOLD)), width, 'D9E2F3')), true);
  const body: string[] = [];
  for (let i = 0; i < emptyRows; i++) {
    body.push(row(columns.map((column) => cell(paragraph(inlineControl(ids.take(), column.id, column.labelNl, column.placeholderNl, column.kind === 'multiline')), width))));
  }
  return table([header, ...body], columns.map(() => width));
}

/** WordprocessingML body of a form template. */
export function templateDocumentXml(formType: FormType, options: TemplateOptions = {}): string {
  const form = getFormDef(formType);
  const ids = new IdCounter();
  const version = options.catalogVersion ?? CATALOG_VERSION;
  const parts: string[] = [DOCUMENT_OPEN, textParagraph(form.titleNl, 'Title')];
  const typeControl = `<w:sdt>${sdtPr(ids.take(), 'formType', 'Formuliertype', { plainText: true, locked: true })}<w:sdtContent>${run(formType)}</w:sdtContent></w:sdt>`;
  parts.push(paragraph(run('Formuliertype: ') + typeControl + run(`   Catalogusversie: ${version}`), 'FormHelp'));
  parts.push(textParagraph(form.introNl));
  parts.push(
    textParagraph(
      'Vul elk grijs veld in. Laat een veld niet leeg: schrijf "niet van toepassing" als het niet van toepassing is. Verwijder de velden niet; het DPO-team van de VSA leest het formulier automatisch.',
      'FormHelp'
    )
  );
  for (const section of form.sections) {
    parts.push(textParagraph(section.headingNl, 'Heading1'));
    if (section.introNl) parts.push(textParagraph(section.introNl));
    let pending: FieldDef[] = [];
    const flush = (): void => {
      if (pending.length > 0) parts.push(fieldTable(pending, ids, section.signatureBlock === true), textParagraph(''));
      pending = [];
    };
    for (const fieldId of section.fieldIds) {
      const def = getFieldDef(fieldId);
      if (!def) throw new Error(`Catalog error: form ${formType} lists unknown field ${fieldId}`);
      if (def.kind !== 'rows') {
        pending.push(def);
        continue;
      }
      flush();
      parts.push(paragraph(run(def.labelNl, BOLD)));
      if (def.helpNl) parts.push(textParagraph(def.helpNl, 'FormHelp'));
      parts.push(rowsTable(def, ids, options.emptyRows ?? 3), textParagraph(''));
    }
    flush();
  }
  parts.push(DOCUMENT_CLOSE);
  return parts.join('');
}

/**
 * Generates the .docx template of a form type: headings, Dutch explanations, two-column tables with
 * one content control per field (tag = field id, title = Dutch label, Dutch placeholder), repeating
 * tables for rows, signature blocks, and the custom properties VsaFormType / VsaFormVersion.
 */
export async function generateTemplate(formType: FormType, options: TemplateOptions = {}): Promise<Uint8Array> {
  const form = CATALOG.forms[formType];
  if (!form) throw new Error(`Unknown form type: ${String(formType)}`);
  const version = options.catalogVersion ?? CATALOG_VERSION;
  return buildPackage(templateDocumentXml(formType, options), form.titleNl, { [PROPERTY_FORM_TYPE]: formType, [PROPERTY_FORM_VERSION]: version });
}

/** Zips a document body with the shared parts; `properties` undefined leaves custom.xml out. */
export function buildPackage(documentXml: string, title: string, properties: Record<string, string> | undefined): Uint8Array {
  const entries = new Map<string, Uint8Array>();
  const contentTypes = properties ? CONTENT_TYPES_XML : CONTENT_TYPES_XML.replace(/<Override PartName="\/docProps\/custom\.xml"[^>]*\/>/, '');
  const rootRels = properties ? ROOT_RELS_XML : ROOT_RELS_XML.replace(/<Relationship Id="rId4"[^>]*\/>/, '');
  entries.set('[Content_Types].xml', encodeUtf8(contentTypes));
  entries.set('_rels/.rels', encodeUtf8(rootRels));
  entries.set('word/document.xml', encodeUtf8(documentXml));
  entries.set('word/_rels/document.xml.rels', encodeUtf8(DOCUMENT_RELS_XML));
  entries.set('word/styles.xml', encodeUtf8(STYLES_XML));
  entries.set('word/settings.xml', encodeUtf8(SETTINGS_XML));
  entries.set('docProps/core.xml', encodeUtf8(coreXml(title)));
  entries.set('docProps/app.xml', encodeUtf8(APP_XML));
  if (properties) entries.set('docProps/custom.xml', encodeUtf8(customPropertiesXml(properties)));
  return zipEntries(entries);
}
