import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Document as XmlDocument, Element as XmlElement, Node as XmlNode } from '@xmldom/xmldom';
import { formatBytes, FormReadError } from '../errors';
import { parseXmlLite } from './liteXml';

export type { XmlDocument, XmlElement, XmlNode };

/** WordprocessingML main namespace. */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** DOM nodes are big: refuse parts larger than this before parsing. */
export const MAX_XML_PART_BYTES = 30 * 1024 * 1024;

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** UTF-8 bytes to string (drops a BOM). */
export function decodeUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** String to UTF-8 bytes. */
export function encodeUtf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Parses one XML part of an untrusted package. Refuses DOCTYPE/ENTITY declarations (never resolved:
 * WordprocessingML has no use for them), oversized parts and malformed XML, naming the part.
 */
export function parseXmlPart(bytes: Uint8Array, partName: string, fileName: string): XmlDocument {
  if (bytes.length > MAX_XML_PART_BYTES) {
    throw new FormReadError('partTooLarge', fileName, { part: partName, size: formatBytes(bytes.length), max: formatBytes(MAX_XML_PART_BYTES) });
  }
  const text = decodeUtf8(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new FormReadError('doctype', fileName, { part: partName });
  let firstError: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning' && firstError === undefined) firstError = String(message).split('\n')[0];
    }
  });
  let document: XmlDocument;
  try {
    document = parser.parseFromString(text, 'text/xml');
  } catch (error) {
    throw new FormReadError('xmlInvalid', fileName, { part: partName, detail: String((error as Error).message).split('\n')[0] });
  }
  if (firstError !== undefined || !document.documentElement) {
    throw new FormReadError('xmlInvalid', fileName, { part: partName, detail: firstError ?? 'no root element' });
  }
  return document;
}

/**
 * Parses the main document part for reading only, with the fast read-only parser; same refusals
 * (size, DOCTYPE, malformed XML) as `parseXmlPart`.
 */
export function parseXmlPartForReading(bytes: Uint8Array, partName: string, fileName: string): XmlDocument {
  if (bytes.length > MAX_XML_PART_BYTES) {
    throw new FormReadError('partTooLarge', fileName, { part: partName, size: formatBytes(bytes.length), max: formatBytes(MAX_XML_PART_BYTES) });
  }
  const text = decodeUtf8(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new FormReadError('doctype', fileName, { part: partName });
  return parseXmlLite(text, partName, fileName);
}

/** Serialises a DOM back to UTF-8 bytes. */
export function serializeXml(document: XmlDocument): Uint8Array {
  let text = new XMLSerializer().serializeToString(document);
  if (!text.startsWith('<?xml')) text = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`;
  return encodeUtf8(text);
}

/** True for an element in the w: namespace with this local name. */
// eslint-disable-next-line @rushstack/no-new-null -- DOM siblings are null at the end, not undefined
export function isW(node: XmlNode | null | undefined, localName: string): node is XmlElement {
  return !!node && node.nodeType === 1 && (node as XmlElement).localName === localName && (node as XmlElement).namespaceURI === W_NS;
}

/** Element children (no text nodes). */
export function elementChildren(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) out.push(child as XmlElement);
  }
  return out;
}

/** First w:localName child. */
export function firstW(element: XmlElement, localName: string): XmlElement | undefined {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (isW(child, localName)) return child;
  }
  return undefined;
}

/** All w:localName descendants in document order. */
export function descendantsW(root: XmlElement | XmlDocument, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  collectNamed(root as XmlNode, localName, W_NS, out);
  return out;
}

function collectNamed(node: XmlNode, localName: string, namespaceURI: string | undefined, out: XmlElement[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as XmlElement;
    if (element.localName === localName && (namespaceURI === undefined || element.namespaceURI === namespaceURI)) out.push(element);
    collectNamed(element, localName, namespaceURI, out);
  }
}

/** The w:val attribute (namespaced or not, as some writers omit the prefix). */
export function wVal(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  const value = element.getAttributeNS(W_NS, 'val');
  if (value !== null && value !== '') return value;
  const plain = element.getAttribute('w:val');
  return plain === null ? undefined : plain;
}

/** Descendants with a local name (and namespace, when given), in document order; works on both parsers. */
export function descendantsNamed(root: XmlElement | XmlDocument, localName: string, namespaceURI?: string): XmlElement[] {
  const out: XmlElement[] = [];
  collectNamed(root as XmlNode, localName, namespaceURI, out);
  return out;
}

/** Nearest ancestor w:localName. */
export function ancestorW(node: XmlNode, localName: string): XmlElement | undefined {
  for (let current = node.parentNode; current; current = current.parentNode) {
    if (isW(current, localName)) return current;
  }
  return undefined;
}

/** Escapes text for XML content and attributes. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
