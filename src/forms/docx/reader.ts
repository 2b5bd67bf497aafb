import { CATALOG, CATALOG_VERSION, isKnownCatalogVersion, fieldIdsOfForm, getFieldDef, isFormType, isPlaceholderText, rowsFieldIdsOfForm } from '../catalog';
import type { FieldAnchor, FieldDef, FormDocument, FormFieldValue, FormRow, FormType, ReadNotice } from '../types';
import { FORM_TYPES } from '../types';
import { readComments } from './comments';
import { PROPERTY_FORM_TYPE, PROPERTY_FORM_VERSION } from './generator';
import { openWordPackage } from './package';
import type { WordPackage } from './package';
import { enclosingCell, isShowingPlaceholder, rowCells, scanDocument, tableRows } from './scan';
import type { DocumentScan } from './scan';
import { cleanValue, labelKey, visibleText } from './text';
import { ancestorW, descendantsW, firstW, parseXmlPart, parseXmlPartForReading } from './xml';
import type { XmlElement } from './xml';
import type { ZipLimits } from './zip';

/** Options of `readForm`. */
export interface ReadOptions {
  readonly limits?: ZipLimits;
}

interface ControlValue {
  readonly value: string;
  readonly isPlaceholder: boolean;
}

function controlValue(sdt: XmlElement): ControlValue {
  const content = firstW(sdt, 'sdtContent');
  const text = content ? cleanValue(visibleText(content)) : '';
  const isPlaceholder = text === '' || isShowingPlaceholder(sdt) || isPlaceholderText(text);
  return { value: isPlaceholder ? '' : text, isPlaceholder };
}

function cellValue(tc: XmlElement): ControlValue {
  const text = cleanValue(visibleText(tc));
  const isPlaceholder = text === '' || isPlaceholderText(text);
  return { value: isPlaceholder ? '' : text, isPlaceholder };
}

/** Longest matching title first: the simplified form's title starts with the standard one's. */
const TITLES_LONGEST_FIRST = [...FORM_TYPES].sort((a, b) => CATALOG.forms[b].titleNl.length - CATALOG.forms[a].titleNl.length);

function detectFormTypeByTitle(scan: DocumentScan): FormType | undefined {
  const head = scan.paragraphs
    .slice(0, 8)
    .map((p) => labelKey(visibleText(p)))
    .join(' ');
  return TITLES_LONGEST_FIRST.find((type) => head.includes(labelKey(CATALOG.forms[type].titleNl)));
}

interface LabelHit {
  readonly value: ControlValue;
  readonly anchor: FieldAnchor;
  readonly element: XmlElement;
  readonly via: 'tableLabel' | 'paragraphLabel';
}

function labelKeysOf(def: FieldDef): string[] {
  return [labelKey(def.labelNl), labelKey(def.labelEn)];
}

/** Label keys of every catalog field and section heading: a line with one of these is never a value. */
const KNOWN_LABEL_KEYS: ReadonlySet<string> = new Set([
  ...Object.values(CATALOG.fields).flatMap((def) => labelKeysOf(def)),
  ...FORM_TYPES.flatMap((type) => CATALOG.forms[type].sections.map((section) => labelKey(section.headingNl)))
]);

/** Strips a trailing "(...)" remark that requesters add to labels, e.g. "(verplicht)". */
function withoutRemark(key: string): string {
  return key.replace(/\s*\([^)]*\)$/, '').trim();
}

/** Label index of two-column tables and "Label: value" paragraphs, built only when needed. */
function buildLabelIndex(scan: DocumentScan, rowsTables: Set<XmlElement>): Map<string, LabelHit> {
  const index = new Map<string, LabelHit>();
  const add = (key: string, hit: LabelHit): void => {
    if (!key) return;
    if (!index.has(key)) index.set(key, hit);
    const short = withoutRemark(key);
    if (short && !index.has(short)) index.set(short, hit);
  };
  scan.tables.forEach((tbl, tableIndex) => {
    if (rowsTables.has(tbl)) return;
    tableRows(tbl).forEach((tr, rowIndex) => {
      const cells = rowCells(tr);
      if (cells.length < 2) return;
      const labelParagraph = descendantsW(cells[0], 'p')[0];
      const label = cleanValue(labelParagraph ? visibleText(labelParagraph) : visibleText(cells[0]));
      const valueCells = cells.slice(1);
      const text = cleanValue(valueCells.map((tc) => visibleText(tc)).join('\n'));
      const isPlaceholder = text === '' || isPlaceholderText(text);
      add(labelKey(label), {
        value: { value: isPlaceholder ? '' : text, isPlaceholder },
        anchor: { kind: 'tableCell', tableIndex, rowIndex, cellIndex: 0, label },
        element: cells[0],
        via: 'tableLabel'
      });
    });
  });
  const bodyParagraphs = scan.paragraphs.map((p, paragraphIndex) => ({ p, paragraphIndex })).filter(({ p }) => !ancestorW(p, 'tbl'));
  bodyParagraphs.forEach(({ p, paragraphIndex }, position) => {
    const text = cleanValue(visibleText(p));
    const colon = text.indexOf(':');
    if (colon <= 0 || colon > 120) return;
    const label = text.slice(0, colon).trim();
    let rest = text.slice(colon + 1).trim();
    // PDF conversions often put the value on the line under "Label:".
    if (rest === '' && position + 1 < bodyParagraphs.length) {
      const nextText = cleanValue(visibleText(bodyParagraphs[position + 1].p));
      const nextColon = nextText.indexOf(':');
      const nextIsLabel = nextColon > 0 && KNOWN_LABEL_KEYS.has(labelKey(nextText.slice(0, nextColon)));
      if (nextText && !nextIsLabel && !KNOWN_LABEL_KEYS.has(labelKey(nextText))) rest = nextText;
    }
    const isPlaceholder = rest === '' || isPlaceholderText(rest);
    add(labelKey(label), {
      value: { value: isPlaceholder ? '' : rest, isPlaceholder },
      anchor: { kind: 'paragraph', paragraphIndex, label },
      element: p,
      via: 'paragraphLabel'
    });
  });
  return index;
}

interface RowsResult {
  readonly rows: FormRow[];
  readonly table: XmlElement;
  readonly viaLabel: boolean;
}

/** Reads one repeating table: content controls where present, cell text elsewhere (rows typed in by hand). */
function readRowsTable(def: FieldDef, tbl: XmlElement, tableIndex: number, controlsByElement: Map<XmlElement, { tag: string; occurrence: number }>, anchorOwners: Map<XmlElement, string>): RowsResult {
  const columns = def.columns ?? [];
  const rows = tableRows(tbl);
  const columnKeys = columns.map((column) => labelKeysOf(column));
  const headerIndex = rows.findIndex((tr) => rowCells(tr).some((tc) => columnKeys.some((keys) => keys.includes(labelKey(visibleText(tc))))));
  const out: FormRow[] = [];
  let viaLabel = false;
  rows.forEach((tr, rowIndex) => {
    if (rowIndex <= headerIndex) return;
    const cells = rowCells(tr);
    const row: Record<string, FormFieldValue> = {};
    let filled = false;
    columns.forEach((column, columnIndex) => {
      const tc = cells[columnIndex];
      if (!tc) return;
      const sdt = descendantsW(tc, 'sdt').find((element) => controlsByElement.get(element)?.tag === column.id);
      let value: ControlValue;
      let anchor: FieldAnchor;
      let readVia: FormFieldValue['readVia'];
      if (sdt) {
        const control = controlsByElement.get(sdt)!;
        value = controlValue(sdt);
        anchor = { kind: 'contentControl', tag: control.tag, occurrence: control.occurrence };
        readVia = 'contentControl';
        anchorOwners.set(sdt, column.id);
      } else {
        value = cellValue(tc);
        anchor = { kind: 'tableCell', tableIndex, rowIndex, cellIndex: columnIndex, label: column.labelNl };
        readVia = 'tableLabel';
        anchorOwners.set(tc, column.id);
        if (!value.isPlaceholder) viaLabel = true;
      }
      if (!value.isPlaceholder) filled = true;
      row[column.id] = { fieldId: column.id, value: value.value, isPlaceholder: value.isPlaceholder, readVia, anchor };
    });
    if (filled) out.push(row);
  });
  return { rows: out, table: tbl, viaLabel };
}

function findRowsTableByHeader(def: FieldDef, scan: DocumentScan, exclude: Set<XmlElement>): XmlElement | undefined {
  const columnKeys = (def.columns ?? []).map((column) => labelKeysOf(column));
  return scan.tables.find((tbl) => {
    if (exclude.has(tbl)) return false;
    const first = tableRows(tbl)[0];
    if (!first) return false;
    const cells = rowCells(first).map((tc) => labelKey(visibleText(tc)));
    return cells.length === columnKeys.length && columnKeys.every((keys, i) => keys.includes(cells[i]));
  });
}

/**
 * Extracts a FormDocument from a parsed main document part. Content controls first; for fields
 * without a control, label matching in two-column tables and "Label: value" paragraphs.
 */
export function extractForm(pkg: WordPackage, document: ReturnType<typeof parseXmlPart>): FormDocument {
  const scan = scanDocument(document);
  const notices: ReadNotice[] = [];
  const controlsByElement = new Map<XmlElement, { tag: string; occurrence: number }>();
  for (const control of scan.controls) controlsByElement.set(control.element, control);
  /** Elements a comment can be anchored on → the field they carry (for reading comments back). */
  const anchorOwners = new Map<XmlElement, string>();

  const typeProperty = pkg.customProperties[PROPERTY_FORM_TYPE];
  const typeControl = scan.controls.find((control) => control.tag === 'formType');
  const typeFromControl = typeControl ? controlValue(typeControl.element).value : undefined;
  let formType: FormType | undefined = isFormType(typeProperty) ? typeProperty : isFormType(typeFromControl) ? typeFromControl : undefined;
  formType = formType ?? detectFormTypeByTitle(scan);
  if (!formType) notices.push({ code: 'unknownFormType', params: { value: typeProperty ?? typeFromControl ?? '' } });

  const catalogVersion = pkg.customProperties[PROPERTY_FORM_VERSION];
  if (catalogVersion === undefined || catalogVersion === '') notices.push({ code: 'missingCatalogVersion', params: { supported: CATALOG_VERSION } });
  else if (!isKnownCatalogVersion(catalogVersion)) notices.push({ code: 'unknownCatalogVersion', params: { version: catalogVersion, supported: CATALOG_VERSION } });
  if (pkg.macroEnabled) notices.push({ code: 'macroEnabled', params: {} });

  // 1. Single fields from content controls.
  const fields: Record<string, FormFieldValue> = {};
  for (const control of scan.controls) {
    const def = getFieldDef(control.tag);
    if (!def || def.kind === 'rows' || isColumnId(control.tag)) continue;
    if (fields[control.tag]) continue;
    const value = controlValue(control.element);
    fields[control.tag] = {
      fieldId: control.tag,
      value: value.value,
      isPlaceholder: value.isPlaceholder,
      readVia: 'contentControl',
      anchor: { kind: 'contentControl', tag: control.tag, occurrence: control.occurrence }
    };
    anchorOwners.set(control.element, control.tag);
  }

  // 2. Repeating tables: the table holding the column controls, else a table whose header matches.
  const rows: Record<string, FormRow[]> = {};
  const rowsTables = new Set<XmlElement>();
  const rowsFieldIds = formType ? rowsFieldIdsOfForm(formType) : Object.values(CATALOG.fields).filter((d) => d.kind === 'rows').map((d) => d.id);
  let readByLabel = 0;
  for (const rowsFieldId of rowsFieldIds) {
    const def = getFieldDef(rowsFieldId)!;
    const columnIds = new Set((def.columns ?? []).map((column) => column.id));
    const control = scan.controls.find((c) => columnIds.has(c.tag));
    const tbl = control ? enclosingCell(control.element)?.tbl : findRowsTableByHeader(def, scan, rowsTables);
    if (!tbl) continue;
    rowsTables.add(tbl);
    const result = readRowsTable(def, tbl, scan.tables.indexOf(tbl), controlsByElement, anchorOwners);
    rows[rowsFieldId] = result.rows;
    if (result.viaLabel) readByLabel++;
  }

  // 3. Controls that lost their tag (LibreOffice re-save) but kept their title = Dutch label.
  const expected = formType ? fieldIdsOfForm(formType) : Object.values(CATALOG.fields).filter((d) => d.kind !== 'rows' && !isColumnId(d.id)).map((d) => d.id);
  if (scan.titledControls.length > 0) {
    for (const fieldId of expected) {
      if (fields[fieldId]) continue;
      const label = getFieldDef(fieldId)!.labelNl;
      const control = scan.titledControls.find((c) => c.title === label);
      if (!control) continue;
      // LibreOffice may split a multi-paragraph control, leaving later paragraphs outside it:
      // the whole value cell is the safer reading.
      const cellOfControl = enclosingCell(control.element)?.tc;
      const value = cellOfControl ? cellValue(cellOfControl) : controlValue(control.element);
      fields[fieldId] = {
        fieldId,
        value: value.value,
        isPlaceholder: value.isPlaceholder,
        readVia: 'contentControl',
        anchor: { kind: 'contentControlTitle', title: control.title, occurrence: control.occurrence }
      };
      anchorOwners.set(control.element, fieldId);
    }
  }

  // 4. Label fallback for the fields the controls did not give.
  const missing = expected.filter((id) => !fields[id]);
  if (missing.length > 0) {
    const index = buildLabelIndex(scan, rowsTables);
    for (const fieldId of missing) {
      const def = getFieldDef(fieldId)!;
      const hit = labelKeysOf(def)
        .map((key) => index.get(key))
        .find((candidate) => candidate !== undefined);
      if (!hit) continue;
      fields[fieldId] = { fieldId, value: hit.value.value, isPlaceholder: hit.value.isPlaceholder, readVia: hit.via, anchor: hit.anchor };
      anchorOwners.set(hit.element, fieldId);
      readByLabel++;
    }
  }
  if (readByLabel > 0) notices.push({ code: 'readByLabel', params: { count: String(readByLabel) } });

  const comments = readComments(pkg, scan, anchorOwners);
  return { fileName: pkg.fileName, formType, catalogVersion: catalogVersion || undefined, fields, rows, notices, comments };
}

const COLUMN_IDS: ReadonlySet<string> = new Set(Object.values(CATALOG.fields).flatMap((def) => (def.columns ?? []).map((column) => column.id)));

/** True for the column fields of repeating tables (`variabelen.naam`, ...). */
export function isColumnId(fieldId: string): boolean {
  return COLUMN_IDS.has(fieldId);
}

/**
 * Reads a .docx (bytes) into a FormDocument: form type, catalog version, fields with value,
 * placeholder flag, how each was read and an anchor; repeating rows; existing comments.
 * Throws FormReadError (naming the file and the reason) for input that is not a readable form.
 */
export async function readForm(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<FormDocument> {
  const pkg = openWordPackage(bytes, fileName, options.limits, 'forReading');
  const document = parseXmlPartForReading(pkg.entries.get(pkg.mainPartName)!, pkg.mainPartName, fileName);
  return extractForm(pkg, document);
}

