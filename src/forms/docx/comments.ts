import type { FormComment } from '../types';
import type { WordPackage } from './package';
import type { DocumentScan } from './scan';
import { cleanValue, visibleText } from './text';
import { descendantsNamed, isW, parseXmlPartForReading, W_NS } from './xml';
import type { XmlElement, XmlNode } from './xml';

/** Zip entry name of the comments part of a package whose main part is `word/document.xml`. */
export const COMMENTS_PART = 'word/comments.xml';

function commentAttribute(element: XmlElement, name: string): string {
  return element.getAttributeNS(W_NS, name) ?? element.getAttribute(`w:${name}`) ?? '';
}

/**
 * The text of the hidden run that carries a finding's id in a comment: Word does not show a run with
 * `w:vanish`, so the requester reads only the remark; `readAnnotations` reads the id back.
 */
export const FINDING_ID_MARKER = 'vsa-finding:';

function isHiddenRun(run: XmlElement): boolean {
  for (let child = run.firstChild; child; child = child.nextSibling) {
    if (isW(child, 'rPr')) {
      for (let prop = child.firstChild; prop; prop = prop.nextSibling) {
        if (isW(prop, 'vanish')) return (commentAttribute(prop as XmlElement, 'val') || 'true') !== 'false' && commentAttribute(prop as XmlElement, 'val') !== '0';
      }
    }
  }
  return false;
}

/** The comment's visible text (hidden runs skipped) and the finding id of its hidden marker. */
export function commentContent(comment: XmlElement): { text: string; findingId?: string } {
  const paragraphs: string[] = [];
  let findingId: string | undefined;
  for (const paragraph of descendantsNamed(comment, 'p', W_NS)) {
    let line = '';
    for (const run of descendantsNamed(paragraph, 'r', W_NS)) {
      const text = visibleText(run);
      if (isHiddenRun(run)) {
        if (text.startsWith(FINDING_ID_MARKER) && findingId === undefined) findingId = text.slice(FINDING_ID_MARKER.length).trim();
        continue;
      }
      line += text;
    }
    paragraphs.push(line);
  }
  return { text: paragraphs.join('\n').trim(), ...(findingId ? { findingId } : {}) };
}

/** Reads word/comments.xml and links each comment to the field its range starts on. */
export function readComments(pkg: WordPackage, scan: DocumentScan, anchorOwners: Map<XmlElement, string>): FormComment[] {
  const bytes = pkg.entries.get(COMMENTS_PART);
  if (!bytes) return [];
  const document = parseXmlPartForReading(bytes, COMMENTS_PART, pkg.fileName);
  const fieldByCommentId = new Map<number, string>();
  for (const start of scan.commentStarts) {
    const id = Number(commentAttribute(start, 'id'));
    const owner = ownerOf(start, anchorOwners);
    if (owner && !fieldByCommentId.has(id)) fieldByCommentId.set(id, owner);
  }
  const out: FormComment[] = [];
  for (const element of descendantsNamed(document, 'comment', W_NS)) {
    const id = Number(commentAttribute(element, 'id'));
    out.push({
      id,
      author: commentAttribute(element, 'author'),
      date: commentAttribute(element, 'date'),
      text: cleanValue(commentContent(element).text),
      fieldId: fieldByCommentId.get(id)
    });
  }
  return out;
}

/** For comments: walks up from a comment range start to the element that carries a field. */
export function ownerOf(start: XmlElement, anchorOwners: Map<XmlElement, string>): string | undefined {
  // A range that opens right before an inline control belongs to that control.
  let sibling: XmlNode | null = start.nextSibling;
  while (sibling && (sibling.nodeType !== 1 || isW(sibling, 'commentRangeStart') || isW(sibling, 'bookmarkStart'))) sibling = sibling.nextSibling;
  const next = sibling ? anchorOwners.get(sibling as XmlElement) : undefined;
  if (next) return next;
  for (let node = start.parentNode; node; node = node.parentNode) {
    const owner = anchorOwners.get(node as XmlElement);
    if (owner) return owner;
  }
  return undefined;
}

