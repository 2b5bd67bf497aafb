import { getFieldDef } from '../catalog';
import type { FormValues } from '../types';
import { openWordPackage } from './package';
import { enclosingCell, scanDocument } from './scan';
import type { TaggedControl } from './scan';
import { CT_NS, descendantsW, elementChildren, firstW, isW, parseXmlPart, REL_NS, serializeXml, W_NS, XML_NS } from './xml';
import type { XmlDocument, XmlElement } from './xml';
import { zipEntries } from './zip';

/** Options of `fillForm`. */
export interface FillOptions {
  /** File name used in error messages. */
  readonly fileName?: string;
  /**
   * Throw when a value names a field the document has no control for (default false, so one set
   * of dossier values can fill every form type; tests use strict to catch typos in field ids).
   */
  readonly strict?: boolean;
}

function w(document: XmlDocument, localName: string): XmlElement {
  return document.createElementNS(W_NS, `w:${localName}`);
}

function textRun(document: XmlDocument, text: string, rPr: XmlElement | undefined): XmlElement {
  const r = w(document, 'r');
  if (rPr) r.appendChild(rPr);
  text.split('\n').forEach((line, index) => {
    if (index > 0) r.appendChild(w(document, 'br'));
    const t = w(document, 't');
    t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
    t.appendChild(document.createTextNode(line));
    r.appendChild(t);
  });
  return r;
}

/** The run properties of the first run, minus the placeholder character style. */
function keptRunProperties(container: XmlElement): XmlElement | undefined {
  const firstRun = descendantsW(container, 'r')[0];
  const rPr = firstRun ? firstW(firstRun, 'rPr') : undefined;
  if (!rPr) return undefined;
  const clone = rPr.cloneNode(true) as XmlElement;
  for (const style of elementChildren(clone)) {
    if (isW(style, 'rStyle')) clone.removeChild(style);
  }
  return elementChildren(clone).length > 0 ? clone : undefined;
}

/** Replaces what a content control shows with `text` and clears its placeholder flag. */
export function setControlText(document: XmlDocument, sdt: XmlElement, text: string): void {
  const pr = firstW(sdt, 'sdtPr');
  const flag = pr ? firstW(pr, 'showingPlcHdr') : undefined;
  if (pr && flag) pr.removeChild(flag);
  const content = firstW(sdt, 'sdtContent');
  if (!content) return;
  const rPr = keptRunProperties(content);
  const firstParagraph = firstW(content, 'p');
  while (content.firstChild) content.removeChild(content.firstChild);
  if (firstParagraph) {
    const pPr = firstW(firstParagraph, 'pPr');
    for (const line of text.split('\n')) {
      const p = w(document, 'p');
      if (pPr) p.appendChild(pPr.cloneNode(true));
      p.appendChild(textRun(document, line, rPr?.cloneNode(true) as XmlElement | undefined));
      content.appendChild(p);
    }
  } else {
    // A single-line plain-text control may not hold breaks: Word reports such a file as damaged.
    const plainText = pr ? firstW(pr, 'text') : undefined;
    const multiLine = plainText ? ['1', 'true', 'on'].includes(plainText.getAttributeNS(W_NS, 'multiLine') ?? '') : true;
    content.appendChild(textRun(document, multiLine ? text : text.replace(/\s*\n\s*/g, ' '), rPr));
  }
}

/** The highest content-control id of a document (new controls get ids above it). */
export function maxControlId(document: XmlDocument): number {
  let max = 0;
  for (const id of descendantsW(document, 'id')) {
    if (!isW(id.parentNode, 'sdtPr')) continue;
    const value = Number(id.getAttributeNS(W_NS, 'val'));
    if (Number.isFinite(value) && value > max) max = value;
  }
  return max;
}

function fillRows(document: XmlDocument, controls: TaggedControl[], rowsFieldId: string, values: ReadonlyArray<Readonly<Record<string, string>>>, nextId: () => number): void {
  const def = getFieldDef(rowsFieldId);
  if (!def || def.kind !== 'rows') throw new Error(`fillForm: ${rowsFieldId} is not a repeating table`);
  const columnIds = new Set((def.columns ?? []).map((column) => column.id));
  const rowControls = controls.filter((control) => columnIds.has(control.tag));
  if (rowControls.length === 0) throw new Error(`fillForm: the document has no table for ${rowsFieldId}`);
  const templateRows: XmlElement[] = [];
  for (const control of rowControls) {
    const tr = enclosingCell(control.element)?.tr;
    if (tr && !templateRows.includes(tr)) templateRows.push(tr);
  }
  const template = templateRows[0].cloneNode(true) as XmlElement;
  const parent = templateRows[0].parentNode!;
  const after = templateRows[templateRows.length - 1].nextSibling;
  for (const tr of templateRows) parent.removeChild(tr);
  for (const rowValues of values) {
    const tr = template.cloneNode(true) as XmlElement;
    for (const sdt of descendantsW(tr, 'sdt')) {
      const pr = firstW(sdt, 'sdtPr');
      const idElement = pr ? firstW(pr, 'id') : undefined;
      if (idElement) idElement.setAttributeNS(W_NS, 'w:val', String(nextId()));
      const tag = pr ? firstW(pr, 'tag')?.getAttributeNS(W_NS, 'val') : undefined;
      const text = tag ? rowValues[tag] : undefined;
      if (text !== undefined && text !== '') setControlText(document, sdt, text);
    }
    parent.insertBefore(tr, after);
  }
}

/**
 * Fills a template programmatically, as a requester would in Word: each control gets its text and
 * loses its placeholder flag; repeating tables get one row per value row. Fields missing from
 * `values` (or given as '') keep their placeholder, so tests and the seed can plant "empty" defects.
 */
export async function fillForm(docx: Uint8Array, values: FormValues, options: FillOptions = {}): Promise<Uint8Array> {
  const fileName = options.fileName ?? 'form.docx';
  const pkg = openWordPackage(docx, fileName);
  const document = parseXmlPart(pkg.entries.get(pkg.mainPartName)!, pkg.mainPartName, fileName);
  const scan = scanDocument(document);
  const fieldValues = values.fields ?? {};
  if (options.strict) {
    const present = new Set(scan.controls.map((control) => control.tag));
    const unknown = Object.keys(fieldValues).filter((id) => !present.has(id));
    if (unknown.length > 0) throw new Error(`fillForm(${fileName}): no content control for ${unknown.join(', ')}`);
  }
  for (const control of scan.controls) {
    const text = fieldValues[control.tag];
    if (text !== undefined && text !== '') setControlText(document, control.element, text);
  }
  let id = maxControlId(document);
  for (const [rowsFieldId, rowValues] of Object.entries(values.rows ?? {})) {
    fillRows(document, scan.controls, rowsFieldId, rowValues, () => ++id);
  }
  const entries = new Map(pkg.entries);
  entries.set(pkg.mainPartName, serializeXml(document));
  return zipEntries(entries);
}

/** Options of `stripContentControls`. */
export interface StripOptions {
  /** Also drop docProps/custom.xml (VsaFormType / VsaFormVersion), as a copy into a new document would. */
  readonly dropProperties?: boolean;
}

/**
 * Removes every content control but keeps its content, as when a requester types the form over
 * into a new document or converts it from PDF. The reader must then fall back to label matching.
 */
export async function stripContentControls(docx: Uint8Array, options: StripOptions = {}): Promise<Uint8Array> {
  const pkg = openWordPackage(docx, 'form.docx');
  const document = parseXmlPart(pkg.entries.get(pkg.mainPartName)!, pkg.mainPartName, pkg.fileName);
  // Innermost first, so nested controls unwrap cleanly.
  for (const sdt of descendantsW(document, 'sdt').reverse()) {
    const content = firstW(sdt, 'sdtContent');
    const parent = sdt.parentNode!;
    if (content) {
      for (const child of elementChildren(content)) {
        for (const rStyle of descendantsW(child, 'rStyle')) {
          if (rStyle.getAttributeNS(W_NS, 'val') === 'PlaceholderText') rStyle.parentNode!.removeChild(rStyle);
        }
        parent.insertBefore(child, sdt);
      }
    }
    parent.removeChild(sdt);
  }
  const entries = new Map(pkg.entries);
  entries.set(pkg.mainPartName, serializeXml(document));
  if (options.dropProperties) {
    entries.delete('docProps/custom.xml');
    dropPropertiesReferences(entries, pkg.fileName);
  }
  return zipEntries(entries);
}

function dropPropertiesReferences(entries: Map<string, Uint8Array>, fileName: string): void {
  const contentTypes = parseXmlPart(entries.get('[Content_Types].xml')!, '[Content_Types].xml', fileName);
  const overrides = contentTypes.getElementsByTagNameNS(CT_NS, 'Override');
  for (let i = overrides.length - 1; i >= 0; i--) {
    const override = overrides.item(i)!;
    if (override.getAttribute('PartName') === '/docProps/custom.xml') override.parentNode!.removeChild(override);
  }
  entries.set('[Content_Types].xml', serializeXml(contentTypes));
  const rels = parseXmlPart(entries.get('_rels/.rels')!, '_rels/.rels', fileName);
  const relationships = rels.getElementsByTagNameNS(REL_NS, 'Relationship');
  for (let i = relationships.length - 1; i >= 0; i--) {
    const rel = relationships.item(i)!;
    if (rel.getAttribute('Target')?.endsWith('docProps/custom.xml')) rel.parentNode!.removeChild(rel);
  }
  entries.set('_rels/.rels', serializeXml(rels));
}

