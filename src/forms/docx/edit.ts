/**
 * Small edits of a filled form, as a reviewer makes them in Word: replace one control's text (a variable
 * name by a codebook suggestion) and add a row to a repeating table (a variable from the codebook).
 * Used where the form is a .docx file instead of an open Word document (the add-in's local workbench).
 */
import { getFieldDef } from '../catalog';
import { maxControlId, setControlText } from './fill';
import { openWordPackage } from './package';
import { enclosingCell, isShowingPlaceholder, scanDocument } from './scan';
import type { TaggedControl } from './scan';
import { descendantsW, firstW, parseXmlPart, serializeXml, W_NS } from './xml';
import type { XmlDocument, XmlElement } from './xml';
import { zipEntries } from './zip';

interface OpenedForm {
  readonly document: XmlDocument;
  readonly controls: TaggedControl[];
  save(): Uint8Array;
}

function open(docx: Uint8Array, fileName: string): OpenedForm {
  const pkg = openWordPackage(docx, fileName);
  const document = parseXmlPart(pkg.entries.get(pkg.mainPartName)!, pkg.mainPartName, fileName);
  return {
    document,
    controls: scanDocument(document).controls,
    save: () => {
      const entries = new Map(pkg.entries);
      entries.set(pkg.mainPartName, serializeXml(document));
      return zipEntries(entries);
    }
  };
}

const textOf = (sdt: XmlElement): string => descendantsW(sdt, 't').map((t) => t.textContent ?? '').join('').trim();

/** The control is empty for the reader: showing its placeholder or without text. */
const isEmpty = (sdt: XmlElement): boolean => isShowingPlaceholder(sdt) || textOf(sdt) === '';

/** Puts the control back to its placeholder (a cloned row's controls start empty). */
function showPlaceholder(document: XmlDocument, sdt: XmlElement, placeholder: string): void {
  setControlText(document, sdt, placeholder);
  const pr = firstW(sdt, 'sdtPr');
  if (pr && !firstW(pr, 'showingPlcHdr')) pr.appendChild(document.createElementNS(W_NS, 'w:showingPlcHdr'));
}

/**
 * The form with the text of control `tag` number `occurrence` (0-based, document order) replaced;
 * undefined when there is no such control.
 */
export function replaceControlText(docx: Uint8Array, tag: string, occurrence: number, text: string, fileName = 'form.docx'): Uint8Array | undefined {
  const form = open(docx, fileName);
  const control = form.controls.find((item) => item.tag === tag && item.occurrence === occurrence);
  if (!control) return undefined;
  setControlText(form.document, control.element, text);
  return form.save();
}

/**
 * The form with a row added to the repeating table `rowsFieldId`: the first row whose controls are all
 * empty is filled, else the last row is copied (new control ids, every control back to its placeholder)
 * and filled. Columns without a value keep their placeholder. undefined when the form has no such table.
 */
export function addTableRow(docx: Uint8Array, rowsFieldId: string, values: Readonly<Record<string, string>>, fileName = 'form.docx'): Uint8Array | undefined {
  const columns = getFieldDef(rowsFieldId)?.columns ?? [];
  if (columns.length === 0) return undefined;
  const form = open(docx, fileName);
  const byColumn = columns.map((column) => form.controls.filter((control) => control.tag === column.id));
  if (byColumn[0].length === 0) return undefined;
  const fill = (sdts: readonly (XmlElement | undefined)[]): Uint8Array => {
    columns.forEach((column, at) => {
      const text = values[column.id] ?? '';
      const sdt = sdts[at];
      if (sdt && text !== '') setControlText(form.document, sdt, text);
    });
    return form.save();
  };
  for (let occurrence = 0; occurrence < byColumn[0].length; occurrence++) {
    const row = byColumn.map((list) => list[occurrence]?.element);
    if (row.every((sdt) => sdt !== undefined && isEmpty(sdt))) return fill(row);
  }
  const lastRow = enclosingCell(byColumn[0][byColumn[0].length - 1].element)?.tr;
  if (!lastRow) return undefined;
  const copy = lastRow.cloneNode(true) as XmlElement;
  let id = maxControlId(form.document);
  const copied = new Map<string, XmlElement>();
  for (const sdt of descendantsW(copy, 'sdt')) {
    const pr = firstW(sdt, 'sdtPr');
    firstW(pr!, 'id')?.setAttributeNS(W_NS, 'w:val', String(++id));
    const tag = pr ? firstW(pr, 'tag')?.getAttributeNS(W_NS, 'val') : undefined;
    const column = columns.find((item) => item.id === tag);
    if (!column) continue;
    showPlaceholder(form.document, sdt, column.placeholderNl);
    copied.set(column.id, sdt);
  }
  lastRow.parentNode!.insertBefore(copy, lastRow.nextSibling);
  return fill(columns.map((column) => copied.get(column.id)));
}
