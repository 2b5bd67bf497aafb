/**
 * Turns the flat-OPC package Word returns from `Body.getOoxml()` into .docx bytes, so forms not made
 * from the template are read by the same docx reader (label matching) as everywhere else. The custom
 * document properties, which `getOoxml()` leaves out, are added as `docProps/custom.xml`.
 */
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';
import { zipSync } from 'fflate';

const PKG_NS = 'http://schemas.microsoft.com/office/2006/xmlPackage';
const CT_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const CUSTOM_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
const CUSTOM_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
/** The fixed format id of user-defined properties (ECMA-376 Part 1 §22.3). */
const USER_DEFINED_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function firstElementChild(element: XmlElement): XmlElement | undefined {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1) return node as XmlElement;
  }
  return undefined;
}

function customPropertiesXml(properties: Readonly<Record<string, string>>): string {
  const items = Object.entries(properties).map(
    ([name, value], index) =>
      `<property fmtid="${USER_DEFINED_FMTID}" pid="${index + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${CUSTOM_NS}" xmlns:vt="${VT_NS}">${items.join('')}</Properties>`;
}

/** Thrown when Word's OOXML is not a flat-OPC package. */
export class FlatOpcError extends Error {
  public constructor(detail: string) {
    super(`De inhoud van het document kon niet gelezen worden (${detail}). / The document content could not be read (${detail}).`);
    this.name = 'FlatOpcError';
  }
}

/** Converts a flat-OPC string (`pkg:package`) to .docx bytes, adding the custom properties. */
export function flatOpcToDocx(flatOpc: string, customProperties: Readonly<Record<string, string>> = {}): Uint8Array {
  if (/<!DOCTYPE|<!ENTITY/i.test(flatOpc)) throw new FlatOpcError('DOCTYPE');
  let parseError: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning' && parseError === undefined) parseError = String(message).split('\n')[0];
    }
  });
  let document: ReturnType<DOMParser['parseFromString']>;
  try {
    document = parser.parseFromString(flatOpc, 'text/xml');
  } catch (error) {
    throw new FlatOpcError(String(error instanceof Error ? error.message : error).split('\n')[0]);
  }
  if (parseError !== undefined || !document.documentElement) throw new FlatOpcError(parseError ?? 'no root element');
  const parts = document.getElementsByTagNameNS(PKG_NS, 'part');
  if (parts.length === 0) throw new FlatOpcError('no pkg:part');
  const encoder = new TextEncoder();
  const serializer = new XMLSerializer();
  const files: Record<string, Uint8Array> = {};
  const overrides: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts.item(i)!;
    const name = (part.getAttributeNS(PKG_NS, 'name') ?? '').replace(/^\//, '');
    const contentType = part.getAttributeNS(PKG_NS, 'contentType') ?? '';
    if (!name || name.includes('..')) throw new FlatOpcError(`part name "${name}"`);
    const xmlData = part.getElementsByTagNameNS(PKG_NS, 'xmlData').item(0);
    const binaryData = part.getElementsByTagNameNS(PKG_NS, 'binaryData').item(0);
    const root = xmlData ? firstElementChild(xmlData) : undefined;
    if (root) {
      files[name] = encoder.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${serializer.serializeToString(root)}`);
    } else if (binaryData) {
      files[name] = base64ToBytes(binaryData.textContent ?? '');
    } else {
      continue;
    }
    if (!name.endsWith('.rels')) overrides.push(`<Override PartName="/${escapeXml(name)}" ContentType="${escapeXml(contentType)}"/>`);
  }
  if (Object.keys(customProperties).length > 0 && !files['docProps/custom.xml']) {
    files['docProps/custom.xml'] = encoder.encode(customPropertiesXml(customProperties));
    overrides.push(`<Override PartName="/docProps/custom.xml" ContentType="${CUSTOM_CONTENT_TYPE}"/>`);
  }
  files['[Content_Types].xml'] = encoder.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${CT_NS}">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `${overrides.join('')}</Types>`
  );
  return zipSync(files);
}
