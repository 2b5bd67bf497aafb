import { FormReadError } from '../errors';
import { assertLooksLikeDocx } from './sniff';
import { CT_NS, decodeUtf8, descendantsNamed, parseXmlPartForReading, REL_NS } from './xml';
import type { XmlDocument } from './xml';
import { DEFAULT_ZIP_LIMITS, unzipSafely } from './zip';
import type { ZipEntries, ZipLimits } from './zip';

const OFFICE_DOCUMENT_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument';
const MACRO_MAIN_TYPE = 'application/vnd.ms-word.document.macroEnabled.main+xml';

/** An opened, validated Word package. */
export interface WordPackage {
  readonly fileName: string;
  readonly entries: ZipEntries;
  /** Zip entry name of the main document part, normally `word/document.xml`. */
  readonly mainPartName: string;
  readonly macroEnabled: boolean;
  readonly customProperties: Record<string, string>;
}

function resolveTarget(target: string): string {
  const clean = target.replace(/^\//, '');
  return decodeURIComponent(clean);
}

function findMainPart(entries: ZipEntries, fileName: string): string {
  const rels = entries.get('_rels/.rels');
  if (rels) {
    const doc = parseXmlPartForReading(rels, '_rels/.rels', fileName);
    for (const rel of descendantsNamed(doc, 'Relationship', REL_NS)) {
      if (rel.getAttribute('Type') === OFFICE_DOCUMENT_REL) {
        const target = resolveTarget(rel.getAttribute('Target') ?? '');
        if (entries.has(target)) return target;
      }
    }
  }
  if (entries.has('word/document.xml')) return 'word/document.xml';
  throw new FormReadError('notWordDocument', fileName);
}

function readCustomProperties(entries: ZipEntries, fileName: string): Record<string, string> {
  const bytes = entries.get('docProps/custom.xml');
  if (!bytes) return {};
  const doc = parseXmlPartForReading(bytes, 'docProps/custom.xml', fileName);
  const out: Record<string, string> = {};
  for (const property of descendantsNamed(doc, 'property')) {
    const name = property.getAttribute('name');
    if (name) out[name] = (property.textContent ?? '').trim();
  }
  return out;
}

function isMacroEnabled(entries: ZipEntries, contentTypes: XmlDocument | undefined, mainPartName: string): boolean {
  if (entries.has('word/vbaProject.bin')) return true;
  // (the macro project is kept in the read scope only to be detected; it is never parsed)
  if (!contentTypes) return false;
  for (const override of descendantsNamed(contentTypes, 'Override', CT_NS)) {
    if (override.getAttribute('PartName') === `/${mainPartName}`) return override.getAttribute('ContentType') === MACRO_MAIN_TYPE;
  }
  return false;
}

/**
 * Parts the reader needs: package metadata, custom properties, the main part and comments, plus a
 * macro project's presence. Styles, themes, fonts and media are not inflated when only reading.
 */
function isReadPart(name: string): boolean {
  return name === '[Content_Types].xml' || name.endsWith('.rels') || name === 'docProps/custom.xml' || name === 'word/vbaProject.bin' || (name.startsWith('word/') && /^word\/[^/]*(document|comments)[^/]*\.xml$/.test(name));
}

/** A DTD can only sit in the prolog, so the head of each XML part is enough to refuse it. */
function refuseDoctypes(entries: ZipEntries, fileName: string): void {
  for (const [name, bytes] of entries) {
    if (!/\.(xml|rels)$/i.test(name)) continue;
    const head = decodeUtf8(bytes.subarray(0, 4096));
    if (/<!DOCTYPE|<!ENTITY/i.test(head)) throw new FormReadError('doctype', fileName, { part: name });
  }
}

/**
 * Opens untrusted bytes as a Word package: sniffs the format, unzips with bomb limits, finds the
 * main document part, reads the custom properties and whether it carries macros (.docm).
 */
export function openWordPackage(bytes: Uint8Array, fileName: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS, scope: 'all' | 'forReading' = 'all'): WordPackage {
  assertLooksLikeDocx(bytes, fileName, limits.maxInputBytes);
  const entries = unzipSafely(bytes, fileName, limits, scope === 'forReading' ? isReadPart : undefined);
  refuseDoctypes(entries, fileName);
  const contentTypesBytes = entries.get('[Content_Types].xml');
  if (!contentTypesBytes) throw new FormReadError('notWordDocument', fileName);
  const contentTypes = parseXmlPartForReading(contentTypesBytes, '[Content_Types].xml', fileName);
  const mainPartName = findMainPart(entries, fileName);
  return {
    fileName,
    entries,
    mainPartName,
    macroEnabled: isMacroEnabled(entries, contentTypes, mainPartName),
    customProperties: readCustomProperties(entries, fileName)
  };
}

/** The text of a part, or undefined. */
export function partText(pkg: WordPackage, name: string): string | undefined {
  const bytes = pkg.entries.get(name);
  return bytes ? decodeUtf8(bytes) : undefined;
}
