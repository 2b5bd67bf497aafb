/**
 * The OPC package of a .docx as the signature verifier reads it: the parts as stored (inflated
 * bytes, never re-serialized), their content types and relationships. Untrusted input: the zip is
 * read with the forms' zip-bomb guard, XML with DOCTYPE or entity declarations is refused.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Document, Element } from '@xmldom/xmldom';
import { isFormReadError } from '../../forms/errors';
import { assertLooksLikeDocx } from '../../forms/docx/sniff';
import { DEFAULT_ZIP_LIMITS, unzipSafely } from '../../forms/docx/zip';
import type { ZipLimits } from '../../forms/docx/zip';
import type { SignatureFileErrorCode } from '../../domain/signatures';

export const NS = {
  relationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types'
} as const;

export const RELATIONSHIP_TYPE = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  signatureOrigin: 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin',
  signature: 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature'
} as const;

export const CONTENT_TYPE = {
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
  signatureOrigin: 'application/vnd.openxmlformats-package.digital-signature-origin',
  signature: 'application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml'
} as const;

/**
 * Limits for a signed .docx (decision: docs/decisions/signatures.md): the forms' zip limits, and at
 * most this many bytes for one signature part (a Word signature with a signature-line image is
 * some 100 kB).
 */
export const DOCX_SIGNATURE_LIMITS: ZipLimits & { readonly maxSignaturePartBytes: number } = {
  ...DEFAULT_ZIP_LIMITS,
  maxSignaturePartBytes: 4 * 1024 * 1024
};

/** Why a package could not be read. */
export class PackageReadError extends Error {
  public constructor(
    public readonly code: SignatureFileErrorCode,
    public readonly params: Readonly<Record<string, string | number>> = {}
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'PackageReadError';
  }
}

/** An XML part that is not acceptable (DOCTYPE, entity declarations, not well-formed). */
export class XmlPartError extends Error {
  public constructor(
    public readonly part: string,
    public readonly reason: 'doctype' | 'xmlInvalid',
    detail = ''
  ) {
    super(`${part}: ${reason}${detail ? ` (${detail})` : ''}`);
    this.name = 'XmlPartError';
  }
}

/** Text of an XML part: UTF-8 (BOM dropped) or UTF-16 with BOM. */
export function xmlText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
}

/** Parses untrusted XML; refuses a DOCTYPE or entity declaration (no entity expansion, no XXE). */
export function parseXml(text: string, part: string): Document {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new XmlPartError(part, 'doctype');
  let problem: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning' && problem === undefined) problem = String(message).split('\n')[0];
    }
  });
  let document: Document;
  try {
    document = parser.parseFromString(text, 'text/xml');
  } catch (error) {
    throw new XmlPartError(part, 'xmlInvalid', String(error instanceof Error ? error.message : error).split('\n')[0]);
  }
  if (problem !== undefined || !document.documentElement) throw new XmlPartError(part, 'xmlInvalid', problem ?? 'no root element');
  return document;
}

/** The element children of a node, optionally only those with a namespace and local name. */
export function childElements(parent: Element | Document, namespace?: string, localName?: string): Element[] {
  const out: Element[] = [];
  for (let child = parent.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as Element;
    if (namespace !== undefined && element.namespaceURI !== namespace) continue;
    if (localName !== undefined && element.localName !== localName) continue;
    out.push(element);
  }
  return out;
}

/** One relationship of a relationships part. */
export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
  /** The target as a part name (no leading slash), for internal relationships. */
  readonly targetPart?: string;
}

/** A package: its parts by name (as in the zip, no leading slash). */
export interface OpcPackage {
  /** Part names in archive order (directories left out). */
  readonly names: readonly string[];
  part(name: string): Uint8Array | undefined;
  /** The part's name as stored, found case-insensitively (OPC part names are). */
  resolve(name: string): string | undefined;
  /** The content type [Content_Types].xml gives the part (Override, else Default by extension). */
  contentType(name: string): string | undefined;
  /** The relationships of a source part ('' for the package), or of a relationships part by its name. */
  relationshipsOf(source: string): readonly Relationship[];
}

/** The relationships part name of a source part: `word/document.xml` → `word/_rels/document.xml.rels`, '' → `_rels/.rels`. */
export function relationshipsPartName(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** The source part of a relationships part: `word/_rels/document.xml.rels` → `word/document.xml`. */
export function sourceOfRelationshipsPart(relsName: string): string | undefined {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsName);
  return match ? `${match[1]}${match[2]}` : undefined;
}

/** Resolves a relationship target against its source part to a part name (no leading slash). */
export function resolveTarget(source: string, target: string): string {
  let path: string;
  try {
    path = decodeURIComponent(target.split('#')[0]);
  } catch {
    path = target.split('#')[0];
  }
  const segments = path.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of path.replace(/^\//, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/** Parses relationships XML (already refused if it has a DOCTYPE). */
export function parseRelationships(document: Document, source: string): Relationship[] {
  return childElements(document.documentElement!, NS.relationships, 'Relationship').map((element) => {
    const external = (element.getAttribute('TargetMode') ?? '') === 'External';
    const target = element.getAttribute('Target') ?? '';
    return {
      id: element.getAttribute('Id') ?? '',
      type: element.getAttribute('Type') ?? '',
      target,
      external,
      ...(external ? {} : { targetPart: resolveTarget(source, target) })
    };
  });
}

const fileErrorOf = (error: unknown): PackageReadError => {
  if (isFormReadError(error)) {
    switch (error.code) {
      case 'empty':
        return new PackageReadError('truncated', { detail: 'empty' });
      case 'tooLarge':
      case 'zipBomb':
      case 'tooManyEntries':
      case 'partTooLarge':
        return new PackageReadError('tooLarge', { ...(error.params ?? {}) });
      case 'encrypted':
        return new PackageReadError('encrypted');
      case 'notZip': {
        const detail = String(error.params?.detail ?? '');
        return /truncated|unexpected EOF|invalid zip data|end of/i.test(detail)
          ? new PackageReadError('truncated', { detail })
          : new PackageReadError('notPdfOrDocx', detail ? { detail } : {});
      }
      default:
        return new PackageReadError('notPdfOrDocx', { detail: error.code });
    }
  }
  return new PackageReadError('malformed', { detail: String(error instanceof Error ? error.message : error).split('\n')[0] });
};

/** Reads a package; throws a PackageReadError naming why it cannot be read as a .docx. */
export function readPackage(bytes: Uint8Array, fileName: string, limits: ZipLimits = DOCX_SIGNATURE_LIMITS): OpcPackage {
  let entries: Map<string, Uint8Array>;
  try {
    assertLooksLikeDocx(bytes, fileName, limits.maxInputBytes);
    entries = unzipSafely(bytes, fileName, limits);
  } catch (error) {
    throw fileErrorOf(error);
  }
  const names = [...entries.keys()].filter((name) => !name.endsWith('/'));
  const byLowerName = new Map(names.map((name) => [name.toLowerCase(), name]));
  const resolve = (name: string): string | undefined => byLowerName.get(name.replace(/^\//, '').toLowerCase());
  const part = (name: string): Uint8Array | undefined => {
    const stored = resolve(name);
    return stored === undefined ? undefined : entries.get(stored);
  };

  const typesBytes = part('[Content_Types].xml');
  if (!typesBytes) throw new PackageReadError('notPdfOrDocx', { detail: '[Content_Types].xml' });
  let types: Document;
  try {
    types = parseXml(xmlText(typesBytes), '[Content_Types].xml');
  } catch (error) {
    throw new PackageReadError('malformed', { detail: (error as Error).message });
  }
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const element of childElements(types.documentElement!, NS.contentTypes)) {
    const contentType = element.getAttribute('ContentType') ?? '';
    if (element.localName === 'Default') defaults.set((element.getAttribute('Extension') ?? '').toLowerCase(), contentType);
    if (element.localName === 'Override') overrides.set((element.getAttribute('PartName') ?? '').replace(/^\//, '').toLowerCase(), contentType);
  }
  const contentType = (name: string): string | undefined => {
    const lower = name.replace(/^\//, '').toLowerCase();
    const override = overrides.get(lower);
    if (override !== undefined) return override;
    const dot = lower.lastIndexOf('.');
    return dot >= 0 && dot > lower.lastIndexOf('/') ? defaults.get(lower.slice(dot + 1)) : undefined;
  };

  const relationshipCache = new Map<string, Relationship[]>();
  const relationshipsOf = (source: string): readonly Relationship[] => {
    const relsName = source.endsWith('.rels') ? source : relationshipsPartName(source);
    const cached = relationshipCache.get(relsName);
    if (cached) return cached;
    const relsBytes = part(relsName);
    let relationships: Relationship[] = [];
    if (relsBytes) {
      relationships = parseRelationships(parseXml(xmlText(relsBytes), relsName), sourceOfRelationshipsPart(relsName) ?? '');
    }
    relationshipCache.set(relsName, relationships);
    return relationships;
  };

  let main: Relationship | undefined;
  try {
    main = relationshipsOf('').find((relationship) => relationship.type === RELATIONSHIP_TYPE.officeDocument);
  } catch (error) {
    throw new PackageReadError('malformed', { detail: (error as Error).message });
  }
  if (!main?.targetPart || !part(main.targetPart)) throw new PackageReadError('notPdfOrDocx', { detail: 'no main document part' });
  return { names, part, resolve, contentType, relationshipsOf };
}
