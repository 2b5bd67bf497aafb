import { ancestorW, firstW, isW, W_NS, wVal } from './xml';
import type { XmlDocument, XmlElement, XmlNode } from './xml';

/** One tagged content control found in the document. */
export interface TaggedControl {
  readonly element: XmlElement;
  readonly tag: string;
  /** Index among the controls with the same tag, in document order. */
  readonly occurrence: number;
}

/** A content control known only by its title (alias). */
export interface TitledControl {
  readonly element: XmlElement;
  readonly title: string;
  readonly occurrence: number;
}

/** The elements of a document body the reader, filler and annotator need, in document order. */
export interface DocumentScan {
  readonly body: XmlElement;
  readonly controls: TaggedControl[];
  /** Controls without a tag but with a title (alias): LibreOffice 7.x drops tags on re-save. */
  readonly titledControls: TitledControl[];
  readonly tables: XmlElement[];
  readonly paragraphs: XmlElement[];
  readonly commentStarts: XmlElement[];
}

interface ScanState {
  readonly controls: TaggedControl[];
  readonly titledControls: TitledControl[];
  readonly tables: XmlElement[];
  readonly paragraphs: XmlElement[];
  readonly commentStarts: XmlElement[];
  readonly occurrences: Map<string, number>;
  readonly titleOccurrences: Map<string, number>;
}

/** Elements whose subtree holds nothing the scan needs. */
const SCAN_SKIPPED = new Set(['sdtPr', 'rPr', 'pPr', 'tblPr', 'trPr', 'tcPr', 'sectPr', 't', 'tblGrid']);

// A top-level recursive function (not a closure per call): this walk runs over every element.
function scanWalk(node: XmlNode, state: ScanState): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as XmlElement;
    if (element.namespaceURI === W_NS) {
      const local = element.localName ?? '';
      if (SCAN_SKIPPED.has(local)) continue;
      if (local === 'p') state.paragraphs.push(element);
      else if (local === 'tbl') state.tables.push(element);
      else if (local === 'commentRangeStart') {
        state.commentStarts.push(element);
        continue;
      } else if (local === 'sdt') recordControl(element, state);
    }
    scanWalk(element, state);
  }
}

function recordControl(element: XmlElement, state: ScanState): void {
  const tag = controlTag(element);
  if (tag !== undefined) {
    const occurrence = state.occurrences.get(tag) ?? 0;
    state.occurrences.set(tag, occurrence + 1);
    state.controls.push({ element, tag, occurrence });
    return;
  }
  const pr = firstW(element, 'sdtPr');
  const title = pr ? wVal(firstW(pr, 'alias')) : undefined;
  if (title) {
    const occurrence = state.titleOccurrences.get(title) ?? 0;
    state.titleOccurrences.set(title, occurrence + 1);
    state.titledControls.push({ element, title, occurrence });
  }
}

/** One walk over the body collecting controls, tables, paragraphs and comment range starts. */
export function scanDocument(document: XmlDocument): DocumentScan {
  const root = document.documentElement;
  const body = root ? firstW(root, 'body') : undefined;
  if (!body) throw new Error('word/document.xml has no w:body');
  const state: ScanState = {
    controls: [],
    titledControls: [],
    tables: [],
    paragraphs: [],
    commentStarts: [],
    occurrences: new Map(),
    titleOccurrences: new Map()
  };
  scanWalk(body, state);
  return { body, controls: state.controls, titledControls: state.titledControls, tables: state.tables, paragraphs: state.paragraphs, commentStarts: state.commentStarts };
}

/** The w:tag of a content control, if any. */
export function controlTag(sdt: XmlElement): string | undefined {
  const pr = firstW(sdt, 'sdtPr');
  const tag = pr ? wVal(firstW(pr, 'tag')) : undefined;
  return tag === undefined || tag === '' ? undefined : tag;
}

/** True when the control still shows its placeholder. */
export function isShowingPlaceholder(sdt: XmlElement): boolean {
  const pr = firstW(sdt, 'sdtPr');
  if (!pr) return false;
  const flag = firstW(pr, 'showingPlcHdr');
  if (!flag) return false;
  const value = wVal(flag);
  return value === undefined || !['0', 'false', 'off'].includes(value);
}

/** Direct rows of a table (also rows wrapped in row-level content controls). */
export function tableRows(tbl: XmlElement): XmlElement[] {
  return wrappedChildren(tbl, 'tr');
}

/** Direct cells of a row (also cells wrapped in cell-level content controls). */
export function rowCells(tr: XmlElement): XmlElement[] {
  return wrappedChildren(tr, 'tc');
}

function wrappedChildren(parent: XmlElement, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (isW(child, localName)) out.push(child);
    else if (isW(child, 'sdt') || isW(child, 'customXml')) {
      const content = isW(child, 'sdt') ? firstW(child, 'sdtContent') : child;
      if (content) out.push(...wrappedChildren(content, localName));
    }
  }
  return out;
}

/** Nearest enclosing table cell, row and table of a node. */
export function enclosingCell(node: XmlNode): { tc: XmlElement; tr: XmlElement; tbl: XmlElement } | undefined {
  const tc = ancestorW(node, 'tc');
  const tr = tc ? ancestorW(tc, 'tr') : undefined;
  const tbl = tr ? ancestorW(tr, 'tbl') : undefined;
  return tc && tr && tbl ? { tc, tr, tbl } : undefined;
}
