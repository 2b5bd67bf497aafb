import { automaticFindingId } from '../../domain/findings';
import type { DocumentKind } from '../../domain/types';
import { automaticFindingOf } from '../automaticFindings';
import type { FieldAnchor, Finding, FormDocument, ReviewComment, Severity } from '../types';
import { COMMENTS_PART, FINDING_ID_MARKER } from './comments';
import { openWordPackage } from './package';
import { extractForm } from './reader';
import { rowCells, scanDocument, tableRows } from './scan';
import type { DocumentScan } from './scan';
import { decodeUtf8, descendantsW, encodeUtf8, escapeXml, firstW, isW, parseXmlPart, serializeXml, W_NS } from './xml';
import type { XmlDocument, XmlElement } from './xml';
import { zipEntries } from './zip';

const COMMENTS_REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';

const SEVERITY_NL: Record<Severity, string> = { blocking: 'Blokkerend', warning: 'Waarschuwing', info: 'Info' };

/** Options of `annotate`. */
export interface AnnotateOptions {
  /** File name used in error messages. */
  readonly fileName?: string;
  /**
   * The document kind of the form: each finding's comment then carries its automatic finding id
   * (`automaticFindingId`) hidden, so a later run (`readAnnotations`, `vsa-forms check --previous`)
   * knows it for an automatic finding and not a reviewer's remark.
   */
  readonly documentKind?: DocumentKind;
}

/** One comment to write: where, what, and optionally who (default the call's author) and which finding. */
export interface PendingComment {
  readonly anchor: FieldAnchor;
  readonly text: string;
  readonly author?: string;
  /** Kept in a hidden run (`w:vanish`) of the comment, never in its visible text. */
  readonly findingId?: string;
}


function resolveAnchor(scan: DocumentScan, anchor: FieldAnchor): XmlElement | undefined {
  switch (anchor.kind) {
    case 'contentControl':
      return scan.controls.find((c) => c.tag === anchor.tag && c.occurrence === anchor.occurrence)?.element;
    case 'contentControlTitle':
      return scan.titledControls.find((c) => c.title === anchor.title && c.occurrence === anchor.occurrence)?.element;
    case 'tableCell': {
      const tbl = scan.tables[anchor.tableIndex];
      const tr = tbl ? tableRows(tbl)[anchor.rowIndex] : undefined;
      return tr ? rowCells(tr)[anchor.cellIndex] : undefined;
    }
    case 'paragraph':
      return scan.paragraphs[anchor.paragraphIndex];
    case 'document':
      return scan.paragraphs[0];
  }
}

function w(document: XmlDocument, localName: string, id?: number): XmlElement {
  const element = document.createElementNS(W_NS, `w:${localName}`);
  if (id !== undefined) element.setAttributeNS(W_NS, 'w:id', String(id));
  return element;
}

function referenceRun(document: XmlDocument, id: number): XmlElement {
  const run = w(document, 'r');
  const rPr = w(document, 'rPr');
  const style = w(document, 'rStyle');
  style.setAttributeNS(W_NS, 'w:val', 'CommentReference');
  rPr.appendChild(style);
  run.appendChild(rPr);
  run.appendChild(w(document, 'commentReference', id));
  return run;
}

/** True for a run-level control (its content holds runs, not paragraphs or table parts). */
function isInlineControl(sdt: XmlElement): boolean {
  const content = firstW(sdt, 'sdtContent');
  return !!content && descendantsW(content, 'p').length === 0 && descendantsW(content, 'tc').length === 0;
}

/** Wraps the target in a comment range: around an inline control, or over the target's paragraphs. */
function markRange(document: XmlDocument, target: XmlElement, id: number): void {
  if (isW(target, 'sdt') && isInlineControl(target)) {
    const parent = target.parentNode!;
    parent.insertBefore(w(document, 'commentRangeStart', id), target);
    const after = target.nextSibling;
    parent.insertBefore(w(document, 'commentRangeEnd', id), after);
    parent.insertBefore(referenceRun(document, id), after);
    return;
  }
  const paragraphs = isW(target, 'p') ? [target] : descendantsW(target, 'p');
  if (paragraphs.length === 0) return;
  const first = paragraphs[0];
  const last = paragraphs[paragraphs.length - 1];
  const pPr = firstW(first, 'pPr');
  first.insertBefore(w(document, 'commentRangeStart', id), pPr ? pPr.nextSibling : first.firstChild);
  last.appendChild(w(document, 'commentRangeEnd', id));
  last.appendChild(referenceRun(document, id));
}

function hiddenIdRun(findingId: string | undefined): string {
  if (findingId === undefined) return '';
  return `<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">${escapeXml(FINDING_ID_MARKER + findingId)}</w:t></w:r>`;
}

function commentXml(id: number, author: string, date: string, text: string, findingId?: string): string {
  const initials = author
    .split(/\s+/)
    .filter((part) => /^[A-Za-zÀ-ÿ]/.test(part))
    .map((part) => part[0].toUpperCase())
    .join('')
    .slice(0, 4);
  const paragraphs = text
    .split('\n')
    .map(
      (line, index) =>
        `<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>${index === 0 ? '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>${index === 0 ? hiddenIdRun(findingId) : ''}</w:p>`
    )
    .join('');
  return `<w:comment w:id="${id}" w:author="${escapeXml(author)}" w:date="${escapeXml(date)}" w:initials="${escapeXml(initials)}">${paragraphs}</w:comment>`;
}

function maxCommentId(commentsXml: string | undefined, document: XmlDocument): number {
  let max = -1;
  if (commentsXml) {
    for (const match of commentsXml.matchAll(/<w:comment\b[^>]*\bw:id="(-?\d+)"/g)) max = Math.max(max, Number(match[1]));
  }
  for (const name of ['commentRangeStart', 'commentReference']) {
    for (const element of descendantsW(document, name)) max = Math.max(max, Number(element.getAttributeNS(W_NS, 'id') ?? -1));
  }
  return max;
}

/** Inserts `insertion` before the closing tag `closing` of a part, leaving all other bytes as they were. */
function insertBeforeClosing(xml: string, closing: string, insertion: string): string {
  const at = xml.lastIndexOf(closing);
  if (at < 0) throw new Error(`Cannot annotate: ${closing} not found`);
  return xml.slice(0, at) + insertion + xml.slice(at);
}

/** Adds the comments part, its relationship and its content type when the document has none. */
function ensureCommentsPart(entries: Map<string, Uint8Array>): string {
  const existing = entries.get(COMMENTS_PART);
  if (existing) return decodeUtf8(existing);
  const rels = entries.get(DOCUMENT_RELS);
  const relsXml = rels ? decodeUtf8(rels) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const usedIds = new Set([...relsXml.matchAll(/\bId="([^"]+)"/g)].map((match) => match[1]));
  let n = usedIds.size + 1;
  while (usedIds.has(`rId${n}`)) n++;
  entries.set(DOCUMENT_RELS, encodeUtf8(insertBeforeClosing(relsXml, '</Relationships>', `<Relationship Id="rId${n}" Type="${COMMENTS_REL_TYPE}" Target="comments.xml"/>`)));
  const contentTypes = decodeUtf8(entries.get('[Content_Types].xml')!);
  entries.set('[Content_Types].xml', encodeUtf8(insertBeforeClosing(contentTypes, '</Types>', `<Override PartName="/${COMMENTS_PART}" ContentType="${COMMENTS_CONTENT_TYPE}"/>`)));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}"></w:comments>`;
}

/** Dutch comment text of a finding. */
export function findingCommentText(finding: Finding): string {
  return `${SEVERITY_NL[finding.severity]}: ${finding.message.nl}`;
}

/**
 * Writes findings and free reviewer comments as Word comments (author, date) anchored on the
 * field's content control or label cell, into a copy of the .docx. Only word/document.xml,
 * word/comments.xml, word/_rels/document.xml.rels and [Content_Types].xml change; every other entry
 * is copied unchanged, and existing comments keep their bytes. New ids continue after the highest.
 */
export async function annotate(
  bytes: Uint8Array,
  findings: readonly Finding[],
  comments: readonly ReviewComment[],
  author: string,
  date: string | Date,
  options: AnnotateOptions = {}
): Promise<Uint8Array> {
  const opened = openForAnnotating(bytes, options.fileName ?? 'form.docx');
  const { pkg, document, scan } = opened;
  let form: FormDocument | undefined;
  const isoDate = commentDate(date);
  const pending: PendingComment[] = [
    ...findings.map((finding) => ({
      anchor: finding.anchor,
      text: findingCommentText(finding),
      // The same id the service gives (a table cell's row may come from the anchor: the form is read once for it).
      ...(options.documentKind ? { findingId: automaticFindingId(options.documentKind, automaticFindingOf(finding, (form = form ?? extractForm(pkg, document)))) } : {})
    })),
    ...comments.map((comment) => ({ anchor: anchorForComment(scan, comment, () => (form = form ?? extractForm(pkg, document))), text: comment.text }))
  ];
  return writeComments(opened, pending, author, isoDate);
}

/** An opened package with its parsed main part and scan, as `writeComments` changes them. */
export interface OpenedDocument {
  readonly pkg: ReturnType<typeof openWordPackage>;
  readonly document: XmlDocument;
  readonly scan: DocumentScan;
  /** The bytes it was opened from (returned as they are when nothing is written). */
  readonly bytes: Uint8Array;
}

/** Opens a .docx for annotating (the parsed main part is changed in place by `writeComments`). */
export function openForAnnotating(bytes: Uint8Array, fileName: string): OpenedDocument {
  const pkg = openWordPackage(bytes, fileName);
  const document = parseXmlPart(pkg.entries.get(pkg.mainPartName)!, pkg.mainPartName, pkg.fileName);
  return { pkg, document, scan: scanDocument(document), bytes };
}

/** Comment date as Word writes it (no milliseconds). */
export function commentDate(date: string | Date): string {
  return (typeof date === 'string' ? date : date.toISOString()).replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Writes the comments into the opened document and returns the new package bytes (the original bytes
 * when there is nothing to write).
 */
export function writeComments(opened: OpenedDocument, pending: readonly PendingComment[], author: string, isoDate: string): Uint8Array {
  const { pkg, document, scan } = opened;
  if (pending.length === 0) return opened.bytes;
  const entries = new Map(pkg.entries);
  let commentsXml = ensureCommentsPart(entries);
  let id = maxCommentId(entries.has(COMMENTS_PART) ? commentsXml : undefined, document);
  const added: string[] = [];
  for (const comment of pending) {
    const target = resolveAnchor(scan, comment.anchor) ?? scan.paragraphs[0];
    if (!target) continue;
    id++;
    markRange(document, target, id);
    added.push(commentXml(id, comment.author ?? author, isoDate, comment.text, comment.findingId));
  }
  commentsXml = commentsXml.includes('</w:comments>') ? insertBeforeClosing(commentsXml, '</w:comments>', added.join('')) : commentsXml.replace(/<w:comments([^>]*)\/>/, `<w:comments$1>${added.join('')}</w:comments>`);
  entries.set(COMMENTS_PART, encodeUtf8(commentsXml));
  entries.set(pkg.mainPartName, serializeXml(document));
  return zipEntries(entries);
}

/**
 * A free comment's anchor: the one given, else the field's control (tag + occurrence), else where
 * the reader found the field (title or label), else the document.
 */
export function anchorForComment(scan: DocumentScan, comment: ReviewComment, readForm: () => FormDocument): FieldAnchor {
  if (comment.anchor) return comment.anchor;
  if (!comment.fieldId) return { kind: 'document' };
  const occurrence = comment.occurrence ?? 0;
  if (scan.controls.some((c) => c.tag === comment.fieldId && c.occurrence === occurrence)) return { kind: 'contentControl', tag: comment.fieldId, occurrence };
  const form = readForm();
  const field = form.fields[comment.fieldId];
  if (field) return field.anchor;
  for (const rows of Object.values(form.rows)) {
    const cell = rows[occurrence]?.[comment.fieldId];
    if (cell) return cell.anchor;
  }
  return { kind: 'document' };
}
