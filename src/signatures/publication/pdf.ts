/**
 * The publication version of a signed PDF: a fresh file whose pages look the same, without the
 * signature data. Each page of the original becomes a form XObject (its content streams and
 * resources, copied) drawn on a new page of the same boxes and rotation; every visible annotation's
 * normal appearance (the visible signature blocks, the form fields' values, stamps) is drawn on top as
 * page content, where the viewer would draw it. Nothing else is copied: no catalog entries (AcroForm,
 * signature fields, outlines, names, XMP metadata, DSS, permissions), no annotations, no document
 * information, and only the objects the pages' drawing reaches, so the CMS objects, certificates and
 * earlier revisions of the original cannot come along. A last pass removes per-object metadata
 * (`/Metadata`, `/PieceInfo`, …), drops objects no longer reachable, and refuses the result if any
 * signature dictionary or annotation array is still in it.
 */
import {
  decodePDFRawStream,
  EncryptedPDFError,
  PDFArray,
  PDFContentStream,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFRawStream,
  PDFRef,
  PDFStream
} from 'pdf-lib';
import type { PDFObject, PDFPage } from 'pdf-lib';
import { PublicationVersionError } from './errors';

/** Keys that carry metadata or private application data on any dictionary; dropped from the copy. */
const DROPPED_KEYS = ['Metadata', 'PieceInfo', 'LastModified', 'StructParent', 'StructParents', 'AF', 'OPI'] as const;

/** Annotation flags (PDF 32000-1, 12.5.3). */
const FLAG_HIDDEN = 1 << 1;
const FLAG_NO_VIEW = 1 << 5;

type Matrix = readonly [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const name = (value: string): PDFName => PDFName.of(value);

/** Bytes that start (within the first KiB, as readers allow) with `%PDF-`. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, Math.min(bytes.length, 1024));
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** True when the file's trailer names an `/Encrypt` dictionary (pdf-lib also refuses those). */
function mentionsEncrypt(bytes: Uint8Array): boolean {
  // A cheap pre-check on the tail, where the (last) trailer is; pdf-lib's own check covers the rest.
  const tail = bytes.subarray(Math.max(0, bytes.length - 4096));
  let text = '';
  for (const byte of tail) text += String.fromCharCode(byte);
  return /\/Encrypt\s+\d+\s+\d+\s+R/.test(text);
}

/** True when `%%EOF` is within the last KiB, as readers require: a file without it was cut off. */
function endsWithEof(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024));
  for (let i = tail.length - 5; i >= 0; i--) {
    if (tail[i] === 0x25 && tail[i + 1] === 0x25 && tail[i + 2] === 0x45 && tail[i + 3] === 0x4f && tail[i + 4] === 0x46) return true;
  }
  return false;
}

async function loadSource(bytes: Uint8Array, fileName: string): Promise<PDFDocument> {
  if (mentionsEncrypt(bytes)) throw new PublicationVersionError('app.error.publicationEncrypted', { fileName });
  if (!endsWithEof(bytes)) {
    throw new PublicationVersionError('app.error.publicationUnreadable', { fileName, detail: 'het bestand is afgebroken: %%EOF ontbreekt' }, 'the file is truncated: %%EOF is missing');
  }
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    if (error instanceof EncryptedPDFError) throw new PublicationVersionError('app.error.publicationEncrypted', { fileName });
    // The library's own words (English) go to the English text and the log only; a Dutch user reads Dutch.
    const detail = String((error as Error).message ?? error).split('\n')[0];
    throw new PublicationVersionError('app.error.publicationUnreadable', { fileName, detail: 'de PDF-structuur kan niet gelezen worden' }, detail);
  }
  if (source.isEncrypted) throw new PublicationVersionError('app.error.publicationEncrypted', { fileName });
  return source;
}

function numbersOf(array: PDFArray | undefined): number[] | undefined {
  if (!array) return undefined;
  const values = array.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : Number.NaN));
  return values.every((value) => Number.isFinite(value)) ? values : undefined;
}

/** `[x1, y1, x2, y2]` with x1 ≤ x2 and y1 ≤ y2, or undefined when it is not four numbers. */
function normalisedRect(values: number[] | undefined): [number, number, number, number] | undefined {
  if (!values || values.length !== 4) return undefined;
  const [a, b, c, d] = values;
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/**
 * The matrix that maps an appearance stream onto its annotation's rectangle (PDF 32000-1, 12.5.5):
 * the BBox transformed by the stream's Matrix, fitted to Rect. Undefined when either is empty.
 */
export function appearanceMatrix(bbox: readonly number[], matrix: Matrix, rect: readonly number[]): Matrix | undefined {
  const corners = [apply(matrix, bbox[0], bbox[1]), apply(matrix, bbox[2], bbox[1]), apply(matrix, bbox[0], bbox[3]), apply(matrix, bbox[2], bbox[3])];
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const width = maxX - minX;
  const height = maxY - minY;
  const rectWidth = rect[2] - rect[0];
  const rectHeight = rect[3] - rect[1];
  if (width <= 0 || height <= 0 || rectWidth <= 0 || rectHeight <= 0) return undefined;
  const sx = rectWidth / width;
  const sy = rectHeight / height;
  return [sx, 0, 0, sy, rect[0] - minX * sx, rect[1] - minY * sy];
}

/** The decoded bytes of a page's content streams, joined by newlines (as pdf-lib's page embedder does). */
function pageContent(page: PDFPage, pageNumber: number): Uint8Array {
  const raw = page.node.get(name('Contents'));
  if (raw instanceof PDFRef && page.node.context.lookup(raw) === undefined) throw new Error(`page ${pageNumber}: its content object ${raw.tag} is missing`);
  const contents = page.node.Contents();
  const streams: PDFStream[] = [];
  if (contents instanceof PDFStream) streams.push(contents);
  else if (contents instanceof PDFArray) {
    for (let i = 0; i < contents.size(); i++) {
      const stream = contents.lookup(i);
      if (!(stream instanceof PDFStream)) throw new Error(`page ${pageNumber}: content stream ${i + 1} is missing`);
      streams.push(stream);
    }
  }
  const parts: Uint8Array[] = [];
  for (const stream of streams) {
    if (stream instanceof PDFRawStream) parts.push(decodePDFRawStream(stream).decode());
    else if (stream instanceof PDFContentStream) parts.push(stream.getUnencodedContents());
    else parts.push(stream.getContents());
    parts.push(new Uint8Array([0x0a]));
  }
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The normal appearance an annotation shows now (`/AP /N`, or its `/AS` state), if any. */
function normalAppearance(annotation: PDFDict): { ref: PDFRef; stream: PDFStream } | undefined {
  const ap = annotation.lookup(name('AP'));
  if (!(ap instanceof PDFDict)) return undefined;
  let entry: PDFObject | undefined = ap.get(name('N'));
  const resolved = entry instanceof PDFRef ? annotation.context.lookup(entry) : entry;
  if (resolved instanceof PDFDict && !(resolved instanceof PDFStream)) {
    const state = annotation.lookup(name('AS'));
    if (!(state instanceof PDFName)) return undefined;
    entry = resolved.get(state);
  }
  if (!(entry instanceof PDFRef)) return undefined;
  const stream = annotation.context.lookup(entry);
  return stream instanceof PDFStream ? { ref: entry, stream } : undefined;
}

/** An annotation to draw: its appearance stream and where. */
interface VisibleAppearance {
  readonly ref: PDFRef;
  readonly matrix: Matrix;
}

/** The appearances a viewer shows on the page (not hidden, not NoView, not a popup), in order. */
function visibleAppearances(page: PDFPage): VisibleAppearance[] {
  const annots = page.node.Annots();
  if (!annots) return [];
  const out: VisibleAppearance[] = [];
  for (let i = 0; i < annots.size(); i++) {
    const annotation = annots.lookup(i);
    if (!(annotation instanceof PDFDict)) continue;
    const subtype = annotation.lookup(name('Subtype'));
    if (subtype instanceof PDFName && subtype.asString() === '/Popup') continue;
    const flags = annotation.lookup(name('F'));
    const flagValue = flags instanceof PDFNumber ? flags.asNumber() : 0;
    if ((flagValue & FLAG_HIDDEN) !== 0 || (flagValue & FLAG_NO_VIEW) !== 0) continue;
    const appearance = normalAppearance(annotation);
    if (!appearance) continue;
    const rect = normalisedRect(numbersOf(annotation.lookup(name('Rect')) as PDFArray | undefined));
    const bbox = normalisedRect(numbersOf(appearance.stream.dict.lookup(name('BBox')) as PDFArray | undefined));
    const ownMatrix = numbersOf(appearance.stream.dict.lookup(name('Matrix')) as PDFArray | undefined);
    if (!rect || !bbox) continue;
    const matrix = appearanceMatrix(bbox, ownMatrix && ownMatrix.length === 6 ? (ownMatrix as unknown as Matrix) : IDENTITY, rect);
    if (matrix) out.push({ ref: appearance.ref, matrix });
  }
  return out;
}

const formatNumber = (value: number): string => {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Object.is(rounded, -0) ? '0' : String(rounded);
};

/** Fills in a missing NeedAppearances: fields whose value the viewer would draw get an appearance. */
function drawFieldValuesWithoutAppearance(source: PDFDocument): void {
  const acroForm = source.catalog.lookup(name('AcroForm'));
  if (!(acroForm instanceof PDFDict)) return;
  const needAppearances = acroForm.lookup(name('NeedAppearances'));
  if (needAppearances === undefined || needAppearances.toString() !== 'true') return;
  source.getForm().updateFieldAppearances();
}

/** Walks a copied object graph: drops the metadata keys and reports what a publication must not hold. */
function scrub(object: PDFObject | undefined, seen: Set<PDFObject>, found: string[]): void {
  if (object === undefined || seen.has(object)) return;
  seen.add(object);
  const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
  if (dict) {
    for (const key of DROPPED_KEYS) dict.delete(name(key));
    const type = dict.get(name('Type'));
    const fieldType = dict.get(name('FT'));
    if (type instanceof PDFName && (type.asString() === '/Sig' || type.asString() === '/DocTimeStamp' || type.asString() === '/Annot')) found.push(type.asString());
    if (fieldType instanceof PDFName && fieldType.asString() === '/Sig') found.push('/FT /Sig');
    for (const key of ['ByteRange', 'Annots', 'AcroForm', 'Cert', 'DSS', 'Perms', 'EmbeddedFiles']) if (dict.has(name(key))) found.push(`/${key}`);
    for (const [, value] of dict.entries()) scrub(value, seen, found);
  } else if (object instanceof PDFArray) {
    for (const value of object.asArray()) scrub(value, seen, found);
  }
}

/** Follows references from the roots and deletes every indirect object not reached. */
function dropUnreachable(document: PDFDocument): void {
  const context = document.context;
  const reached = new Set<string>();
  const visit = (object: PDFObject | undefined): void => {
    if (object === undefined) return;
    if (object instanceof PDFRef) {
      if (reached.has(object.tag)) return;
      reached.add(object.tag);
      visit(context.lookup(object));
    } else if (object instanceof PDFStream) visit(object.dict);
    else if (object instanceof PDFDict) for (const [, value] of object.entries()) visit(value);
    else if (object instanceof PDFArray) for (const value of object.asArray()) visit(value);
  };
  visit(context.trailerInfo.Root);
  visit(context.trailerInfo.Info);
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref.tag)) context.delete(ref);
}

/** The publication version of a PDF (see the module comment). */
export async function publicationPdf(bytes: Uint8Array, fileName: string): Promise<Uint8Array> {
  const source = await loadSource(bytes, fileName);
  const sourcePages = source.getPages();
  if (sourcePages.length === 0) throw new PublicationVersionError('app.error.publicationNoPages', { fileName });
  const target = await PDFDocument.create({ updateMetadata: false });
  try {
    drawFieldValuesWithoutAppearance(source);
    const copier = PDFObjectCopier.for(source.context, target.context);
    const copyBox = (box: PDFArray | undefined): PDFObject | undefined => (box ? copier.copy(box) : undefined);
    for (const [pageIndex, sourcePage] of sourcePages.entries()) {
      const node = sourcePage.node;
      const rawResources = node.getInheritableAttribute(name('Resources'));
      if (rawResources instanceof PDFRef && source.context.lookup(rawResources) === undefined) throw new Error(`page ${pageIndex + 1}: its resources are missing`);
      const mediaBox = node.MediaBox();
      const resources = node.Resources();
      const group = node.lookup(name('Group'));
      const pageForm = target.context.flateStream(pageContent(sourcePage, pageIndex + 1), {
        Type: 'XObject',
        Subtype: 'Form',
        FormType: 1,
        BBox: copier.copy(mediaBox),
        Resources: resources ? copier.copy(resources) : target.context.obj({}),
        ...(group instanceof PDFDict ? { Group: copier.copy(group) } : {})
      });
      const xObjects: Record<string, PDFRef> = { Page: target.context.register(pageForm) };
      const operators = ['q /Page Do Q'];
      visibleAppearances(sourcePage).forEach((appearance, index) => {
        const ref = copier.copy(appearance.ref) as PDFRef;
        const stream = target.context.lookup(ref);
        if (stream instanceof PDFStream) {
          stream.dict.set(name('Type'), name('XObject'));
          stream.dict.set(name('Subtype'), name('Form'));
        }
        xObjects[`Ap${index}`] = ref;
        operators.push(`q ${appearance.matrix.map(formatNumber).join(' ')} cm /Ap${index} Do Q`);
      });
      const page = target.addPage();
      page.node.set(name('MediaBox'), copier.copy(mediaBox));
      for (const [key, box] of [['CropBox', node.CropBox()], ['BleedBox', node.BleedBox()], ['TrimBox', node.TrimBox()], ['ArtBox', node.ArtBox()]] as const) {
        const copied = copyBox(box);
        if (copied) page.node.set(name(key), copied);
      }
      const rotate = node.Rotate();
      if (rotate) page.node.set(name('Rotate'), PDFNumber.of(rotate.asNumber()));
      const userUnit = node.lookup(name('UserUnit'));
      if (userUnit instanceof PDFNumber) page.node.set(name('UserUnit'), PDFNumber.of(userUnit.asNumber()));
      if (group instanceof PDFDict) page.node.set(name('Group'), copier.copy(group));
      page.node.set(name('Resources'), target.context.obj({ XObject: xObjects }));
      page.node.set(name('Contents'), target.context.register(target.context.flateStream(`${operators.join('\n')}\n`)));
    }
  } catch (error) {
    if (error instanceof PublicationVersionError) throw error;
    // The library's own words (English) go to the English text and the log only; a Dutch user reads Dutch.
    const detail = String((error as Error).message ?? error).split('\n')[0];
    throw new PublicationVersionError('app.error.publicationUnreadable', { fileName, detail: 'de PDF-structuur kan niet gelezen worden' }, detail);
  }
  const found: string[] = [];
  const seen = new Set<PDFObject>();
  for (const [, object] of target.context.enumerateIndirectObjects()) scrub(object, seen, found);
  if (found.length > 0) throw new PublicationVersionError('app.error.publicationSignatureDataLeft', { fileName, detail: [...new Set(found)].join(', ') });
  dropUnreachable(target);
  return target.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
}
