/**
 * The publication version of a signed Word document, in Word terms: the package minus everything a
 * printed copy does not show and that names or identifies a signer.
 *
 * - The digital signatures: every `_xmlsignatures/*` part (the XML signatures with their certificates,
 *   signature values and signature-line images), the package relationship to their origin and their
 *   content types.
 * - Signature lines: the VML `o:signatureline` element (signature provider, suggested signer's e-mail,
 *   instructions, the line's id that ties it to a signature). The line's picture stays: it is what a
 *   printed copy shows (the suggested signer's printed name and title), as do the typed names and
 *   capacities in the text.
 * - Custom XML data parts (`customXml/*`, e.g. SharePoint's document properties with people) and the
 *   content controls' bindings to them (the controls keep their text).
 * - Document properties naming people: `dc:creator` and `cp:lastModifiedBy` (core.xml) are emptied,
 *   `Manager` (app.xml) is emptied, and of the custom properties only the form's own `Vsa*` properties
 *   (form type and catalog version) stay.
 *
 * The result is a plain .docx that a PDF converter (LibreOffice locally, Graph in Microsoft 365) turns
 * into the publication PDF.
 */
import type { Document as XmlDocument, Element as XmlElement } from '@xmldom/xmldom';
import { isFormReadError } from '../../forms/errors';
import { assertLooksLikeDocx } from '../../forms/docx/sniff';
import { CT_NS, descendantsNamed, parseXmlPart, REL_NS, serializeXml } from '../../forms/docx/xml';
import { DEFAULT_ZIP_LIMITS, unzipSafely, zipEntries } from '../../forms/docx/zip';
import type { ZipEntries } from '../../forms/docx/zip';
import { PublicationVersionError } from './errors';

const SIGNATURE_ORIGIN_REL = 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin';
const SIGNATURE_CONTENT_TYPES = [
  'application/vnd.openxmlformats-package.digital-signature-origin',
  'application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml',
  'application/vnd.openxmlformats-package.digital-signature-certificate'
];
const O_NS = 'urn:schemas-microsoft-com:office:office';
const DC_NS = 'http://purl.org/dc/elements/1.1/';
const CP_NS = 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties';
const EXTENDED_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties';
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** Custom properties the form engine writes (`VsaFormType`, `VsaFormVersion`): kept; all others go. */
const KEPT_CUSTOM_PROPERTY = /^Vsa/;

/** Parts that go entirely. */
function isDroppedPart(partName: string): boolean {
  return (
    /^_xmlsignatures\//i.test(partName) ||
    /^customXml\//i.test(partName) ||
    // Reviewers' comments (with their authors) and the people part (names, sign-in addresses) are no part of a printed copy.
    /^word\/comments[A-Za-z]*\.xml$/i.test(partName) ||
    /^word\/people\.xml$/i.test(partName)
  );
}

/** `word/_rels/document.xml.rels` + `media/x.png` → `word/media/x.png` (also `../`, `/`-absolute). */
export function resolveRelationshipTarget(relsPart: string, target: string): string {
  if (target.startsWith('/')) return decodeURIComponent(target.slice(1));
  const sourceDir = relsPart.replace(/_rels\/[^/]*\.rels$/, '');
  const segments = `${sourceDir}${target}`.split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return decodeURIComponent(out.join('/'));
}

class PackageEditor {
  private readonly parsed = new Map<string, XmlDocument>();

  public constructor(
    private readonly entries: ZipEntries,
    private readonly fileName: string
  ) {}

  public xml(partName: string): XmlDocument | undefined {
    const cached = this.parsed.get(partName);
    if (cached) return cached;
    const bytes = this.entries.get(partName);
    if (!bytes) return undefined;
    const document = parseXmlPart(bytes, partName, this.fileName);
    this.parsed.set(partName, document);
    return document;
  }

  /** The package as it is now, in the original order. */
  public result(): ZipEntries {
    return this.entries;
  }

  public partNames(): string[] {
    return [...this.entries.keys()];
  }

  public drop(partName: string): void {
    this.entries.delete(partName);
    this.parsed.delete(partName);
  }

  /** Writes back every part parsed (changed or not: serialising an unchanged DOM is harmless). */
  public commit(): void {
    for (const [partName, document] of this.parsed) if (this.entries.has(partName)) this.entries.set(partName, serializeXml(document));
  }
}

function removeAll(elements: readonly XmlElement[]): void {
  for (const element of elements) element.parentNode?.removeChild(element);
}

/** Relationships (in every .rels part) that point to a part that is gone or to a signature origin. */
function pruneRelationships(editor: PackageEditor, gone: (partName: string) => boolean): void {
  for (const relsPart of editor.partNames().filter((part) => part.endsWith('.rels'))) {
    const document = editor.xml(relsPart)!;
    removeAll(
      descendantsNamed(document, 'Relationship', REL_NS).filter((rel) => {
        if (rel.getAttribute('Type') === SIGNATURE_ORIGIN_REL) return true;
        if (rel.getAttribute('TargetMode') === 'External') return false;
        return gone(resolveRelationshipTarget(relsPart, rel.getAttribute('Target') ?? ''));
      })
    );
  }
}

function pruneContentTypes(editor: PackageEditor, gone: (partName: string) => boolean): void {
  const document = editor.xml('[Content_Types].xml');
  if (!document) return;
  removeAll(descendantsNamed(document, 'Override', CT_NS).filter((override) => gone((override.getAttribute('PartName') ?? '').replace(/^\//, ''))));
  removeAll(descendantsNamed(document, 'Default', CT_NS).filter((entry) => SIGNATURE_CONTENT_TYPES.includes(entry.getAttribute('ContentType') ?? '')));
}

/** The WordprocessingML parts that can hold signature lines and data bindings. */
function wordParts(editor: PackageEditor): string[] {
  return editor.partNames().filter((part) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(part));
}

/** Drops the signature lines' data and the content controls' bindings to custom XML. */
function stripWordParts(editor: PackageEditor): void {
  for (const part of wordParts(editor)) {
    const document = editor.xml(part)!;
    removeAll(descendantsNamed(document, 'signatureline', O_NS));
    removeAll(descendantsNamed(document, 'dataBinding', W_NS));
    // The anchors of the dropped comments, and the authors of tracked changes (the change itself stays).
    for (const name of ['commentRangeStart', 'commentRangeEnd', 'commentReference']) removeAll(descendantsNamed(document, name, W_NS));
    const elements = Array.from(document.getElementsByTagName('*')) as unknown as XmlElement[];
    for (const element of elements) {
      for (const attribute of ['author', 'initials']) if (element.hasAttributeNS(W_NS, attribute)) element.setAttributeNS(W_NS, `w:${attribute}`, '');
    }
  }
}

function clearText(elements: readonly XmlElement[]): void {
  for (const element of elements) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }
}

/** Empties the document properties that name people; keeps only the form's own custom properties. */
function stripProperties(editor: PackageEditor): string[] {
  const dropped: string[] = [];
  const core = editor.xml('docProps/core.xml');
  if (core) clearText([...descendantsNamed(core, 'creator', DC_NS), ...descendantsNamed(core, 'lastModifiedBy', CP_NS)]);
  const app = editor.xml('docProps/app.xml');
  if (app) clearText(descendantsNamed(app, 'Manager', EXTENDED_NS));
  const custom = editor.xml('docProps/custom.xml');
  if (custom) {
    const properties = descendantsNamed(custom, 'property');
    removeAll(properties.filter((property) => !KEPT_CUSTOM_PROPERTY.test(property.getAttribute('name') ?? '')));
    if (descendantsNamed(custom, 'property').length === 0) dropped.push('docProps/custom.xml');
  }
  return dropped;
}

/** Media parts no relationship points to any more (a signature line's own images, for instance). */
function unreferencedMedia(editor: PackageEditor): string[] {
  const referenced = new Set<string>();
  for (const relsPart of editor.partNames().filter((part) => part.endsWith('.rels'))) {
    for (const rel of descendantsNamed(editor.xml(relsPart)!, 'Relationship', REL_NS)) {
      if (rel.getAttribute('TargetMode') !== 'External') referenced.add(resolveRelationshipTarget(relsPart, rel.getAttribute('Target') ?? ''));
    }
  }
  return editor.partNames().filter((part) => /^word\/media\//.test(part) && !referenced.has(part));
}

function unreadable(error: unknown, fileName: string): PublicationVersionError {
  if (isFormReadError(error)) {
    if (error.code === 'encrypted') return new PublicationVersionError('app.error.publicationEncrypted', { fileName });
    const strip = (text: string): string => text.replace(`${fileName}: `, '');
    return new PublicationVersionError('app.error.publicationUnreadable', { fileName, detail: strip(error.message) }, strip(error.messageEn));
  }
  // The XML library's own words (English) go to the English text only; a Dutch user reads Dutch.
  return new PublicationVersionError('app.error.publicationUnreadable', { fileName, detail: 'de inhoud van het Word-document kan niet gelezen worden' }, String((error as Error).message ?? error).split('\n')[0]);
}

/** The publication version of a .docx (see the module comment). */
export function publicationDocx(bytes: Uint8Array, fileName: string): Uint8Array {
  let entries: ZipEntries;
  try {
    assertLooksLikeDocx(bytes, fileName, DEFAULT_ZIP_LIMITS.maxInputBytes);
    entries = unzipSafely(bytes, fileName);
  } catch (error) {
    throw unreadable(error, fileName);
  }
  if (!entries.has('[Content_Types].xml') || !entries.has('word/document.xml')) {
    throw new PublicationVersionError('app.error.publicationUnreadable', { fileName, detail: 'geen Word-document' }, 'not a Word document');
  }
  const editor = new PackageEditor(new Map(entries), fileName);
  try {
    const droppedProperties = stripProperties(editor);
    stripWordParts(editor);
    const gone = new Set<string>([...editor.partNames().filter(isDroppedPart), ...droppedProperties]);
    const isGone = (part: string): boolean => gone.has(part) || isDroppedPart(part);
    pruneRelationships(editor, isGone);
    for (const part of unreferencedMedia(editor)) gone.add(part);
    pruneContentTypes(editor, isGone);
    for (const part of gone) editor.drop(part);
    editor.commit();
  } catch (error) {
    throw unreadable(error, fileName);
  }
  return zipEntries(editor.result());
}
