/**
 * The few .docx edits the workbench's form source needs besides the forms engine: reading a custom
 * property and removing comments. Only word/comments.xml and word/document.xml change; every other
 * part is copied byte for byte. Browser-safe (fflate + xmldom).
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Document as XmlDocument, Element as XmlElement } from '@xmldom/xmldom';
import { unzipSync, zipSync } from 'fflate';
import { W_NS, parseXmlPart, serializeXml } from '../../forms/docx/xml';

const COMMENTS_PART = 'word/comments.xml';
const DOCUMENT_PART = 'word/document.xml';
/** Name used in error messages when the caller does not give the file's own. */
const DEFAULT_FILE_NAME = 'document.docx';
const serialize = serializeXml;

function elements(document: XmlDocument, localName: string): XmlElement[] {
  const list = document.getElementsByTagNameNS(W_NS, localName);
  return Array.from({ length: list.length }, (_, i) => list.item(i)!);
}

function idOf(element: XmlElement): string {
  return element.getAttributeNS(W_NS, 'id') ?? element.getAttribute('w:id') ?? '';
}

/** The text of a comment, paragraphs joined by newlines (as the docx reader sees it). */
function commentText(comment: XmlElement): string {
  const paragraphs = Array.from({ length: comment.getElementsByTagNameNS(W_NS, 'p').length }, (_, i) => comment.getElementsByTagNameNS(W_NS, 'p').item(i)!);
  const textOf = (node: XmlElement): string =>
    Array.from({ length: node.getElementsByTagNameNS(W_NS, 't').length }, (_, i) => node.getElementsByTagNameNS(W_NS, 't').item(i)!.textContent ?? '').join('');
  return (paragraphs.length > 0 ? paragraphs.map(textOf) : [textOf(comment)]).join('\n').trim();
}

/** A custom document property (`docProps/custom.xml`), or undefined. */
export function readCustomProperty(docx: Uint8Array, name: string, fileName: string = DEFAULT_FILE_NAME): string | undefined {
  const entries = unzipSync(docx, { filter: (file) => file.name === 'docProps/custom.xml' });
  const bytes = entries['docProps/custom.xml'];
  if (!bytes) return undefined;
  // The forms engine's XML guards (DOCTYPE refused, part size, malformed XML) apply here too.
  const properties = parseXmlPart(bytes, 'docProps/custom.xml', fileName).getElementsByTagName('property');
  for (let i = 0; i < properties.length; i++) {
    const property = properties.item(i)!;
    if (property.getAttribute('name') === name) return (property.textContent ?? '').trim();
  }
  return undefined;
}

/**
 * Removes the comments whose text passes `shouldRemove`: the comment, its range markers and its
 * reference run. Returns the new bytes and how many comments went.
 */
export function removeComments(
  docx: Uint8Array,
  shouldRemove: (text: string) => boolean,
  fileName: string = DEFAULT_FILE_NAME
): { docx: Uint8Array; removed: number } {
  const entries = unzipSync(docx);
  const commentsBytes = entries[COMMENTS_PART];
  const documentBytes = entries[DOCUMENT_PART];
  if (!commentsBytes || !documentBytes) return { docx, removed: 0 };
  const comments = parseXmlPart(commentsBytes, COMMENTS_PART, fileName);
  const doomed = new Set<string>();
  for (const comment of elements(comments, 'comment')) {
    if (shouldRemove(commentText(comment))) {
      doomed.add(idOf(comment));
      comment.parentNode?.removeChild(comment);
    }
  }
  if (doomed.size === 0) return { docx, removed: 0 };
  const document = parseXmlPart(documentBytes, DOCUMENT_PART, fileName);
  for (const marker of [...elements(document, 'commentRangeStart'), ...elements(document, 'commentRangeEnd')]) {
    if (doomed.has(idOf(marker))) marker.parentNode?.removeChild(marker);
  }
  for (const reference of elements(document, 'commentReference')) {
    if (!doomed.has(idOf(reference))) continue;
    const run = reference.parentNode as XmlElement | null;
    const runHoldsOnlyTheReference =
      run && run.localName === 'r' && Array.from({ length: run.childNodes.length }, (_, i) => run.childNodes.item(i)!).every((child) => child.nodeType !== 1 || child === reference || (child as XmlElement).localName === 'rPr');
    if (run && runHoldsOnlyTheReference) run.parentNode?.removeChild(run);
    else reference.parentNode?.removeChild(reference);
  }
  return { docx: zipSync({ ...entries, [COMMENTS_PART]: serialize(comments), [DOCUMENT_PART]: serialize(document) }), removed: doomed.size };
}

const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
const USER_DEFINED_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

/**
 * Sets a text custom property (e.g. `VsaDossierReference` when a form is stored in a dossier's folder).
 * Creates docProps/custom.xml with its relationship and content type when the file has none.
 */
export function setCustomProperty(docx: Uint8Array, name: string, value: string): Uint8Array {
  const entries = unzipSync(docx);
  const encoder = new TextEncoder();
  let custom: XmlDocument;
  if (entries[CUSTOM_PART]) {
    custom = parseXmlPart(entries[CUSTOM_PART], CUSTOM_PART, DEFAULT_FILE_NAME);
  } else {
    custom = new DOMParser().parseFromString(`<Properties xmlns="${CUSTOM_NS}" xmlns:vt="${VT_NS}"/>`, 'text/xml');
    const decoder = new TextDecoder();
    const rels = decoder.decode(entries['_rels/.rels']);
    entries['_rels/.rels'] = encoder.encode(
      rels.replace('</Relationships>', `<Relationship Id="rIdVsaCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>`)
    );
    const types = decoder.decode(entries['[Content_Types].xml']);
    entries['[Content_Types].xml'] = encoder.encode(
      types.replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
    );
  }
  const root = custom.documentElement!;
  const properties = root.getElementsByTagName('property');
  let pid = 1;
  let target: XmlElement | undefined;
  for (let i = 0; i < properties.length; i++) {
    const property = properties.item(i)!;
    pid = Math.max(pid, Number(property.getAttribute('pid')) || 1);
    if (property.getAttribute('name') === name) target = property;
  }
  if (target) {
    while (target.firstChild) target.removeChild(target.firstChild);
  } else {
    target = custom.createElementNS(CUSTOM_NS, 'property');
    target.setAttribute('fmtid', USER_DEFINED_FMTID);
    target.setAttribute('pid', String(pid + 1));
    target.setAttribute('name', name);
    root.appendChild(target);
  }
  const text = custom.createElementNS(VT_NS, 'vt:lpwstr');
  text.appendChild(custom.createTextNode(value));
  target.appendChild(text);
  return zipSync({ ...entries, [CUSTOM_PART]: serialize(custom) });
}
