/**
 * Signs a PDF as a real signing tool does, for the demo tenant and the tests: an incremental update
 * appended after the existing bytes (earlier bytes are never rewritten, so a second signature keeps the
 * first one valid) with a signature field and widget (a visible appearance "Digitaal ondertekend door
 * <name> / <date>" on a page, or invisible), a signature dictionary (`/Filter /Adobe.PPKLite`,
 * `/SubFilter /adbe.pkcs7.detached` or `/ETSI.CAdES.detached`, `/ByteRange`, `/Contents` filled with a
 * detached CMS signature, `/M`, an optional free `/Name`), the page's `/Annots` and the AcroForm
 * (`/Fields`, `/SigFlags 3`). The update uses a cross-reference stream when the file's last section is
 * one (pdf-lib's default `save()`), a classic table otherwise.
 *
 * Also helpers that tests use to attack a signature: an update that changes a page's content or a form
 * value after signing (a "shadow attack"), and a document time-stamp.
 *
 * pdf-lib reads the existing file to find the catalog, pages and fields; the update itself is written
 * here, byte by byte.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString, PDFObject } from 'pdf-lib';
import type { IssuedCertificate } from './demoPki';
import { PdfFile } from '../../signatures/pdf/document';
import { signDetached } from './cms';
import { timeStampToken } from './tsa';
import type { TimeStampAuthority } from './tsa';

/** A visible signature: the page (0-based) and rectangle `[x1, y1, x2, y2]` in points. */
export interface SignatureAppearance {
  readonly page: number;
  readonly rect: readonly [number, number, number, number];
  /** Lines to draw; default "Digitaal ondertekend door <common name>" and the date. */
  readonly lines?: readonly string[];
}

/** How to sign. */
export interface SignPdfOptions {
  readonly signer: IssuedCertificate;
  /** Certificates to carry besides the signer's (usually the intermediate). */
  readonly chain?: readonly IssuedCertificate[];
  /** Default `adbe.pkcs7.detached`. */
  readonly subFilter?: 'adbe.pkcs7.detached' | 'ETSI.CAdES.detached';
  /** Default `Signature<n>`. */
  readonly fieldName?: string;
  /** The signing time (`/M`, and the signingTime attribute for `adbe.pkcs7.detached`); default now. */
  readonly signingTime?: Date;
  /** The free `/Name` entry (any text: tests forge it). */
  readonly name?: string;
  readonly reason?: string;
  readonly location?: string;
  /** Visible signature; invisible (zero rectangle on the first page) without. */
  readonly appearance?: SignatureAppearance;
  /** Bytes reserved for the CMS in `/Contents` (default 16384). */
  readonly contentsSize?: number;
  /** A time-stamp authority: adds an RFC 3161 signature time-stamp token as unsigned attribute. */
  readonly timeStampAuthority?: TimeStampAuthority;
  /** Replaces the CMS (tests: a signature over another document, bytes that are not DER). */
  readonly cms?: (signedBytes: Uint8Array) => Promise<Uint8Array>;
}

/** One object of an incremental update: its number, generation and body (`<<…>>`, or with `stream`). */
export interface UpdateObject {
  readonly num: number;
  readonly gen?: number;
  /** The text between `N G obj` and `endobj`, as Latin-1 (one char per byte). */
  readonly body: string;
}

function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let text = '';
  for (let index = start; index < end; index += 8192) {
    text += String.fromCharCode(...bytes.subarray(index, Math.min(end, index + 8192)));
  }
  return text;
}

const bytesOf = (text: string): Uint8Array => {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    bytes[index] = code < 256 ? code : 0x3f;
  }
  return bytes;
};

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};

/** A PDF literal string, escaped, Latin-1 (characters outside it become "?"). */
export function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (char) => `\\${char}`).replace(/[\r\n]/g, ' ')})`;
}

/** `D:YYYYMMDDHHmmSS+00'00'` */
export function pdfDate(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`;
}

/** The offset the file's last `startxref` points to. */
function lastStartXref(bytes: Uint8Array): number {
  const tail = latin1(bytes, Math.max(0, bytes.length - 2048));
  const matches = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const last = matches[matches.length - 1];
  if (!last) throw new Error('no startxref');
  return Number(last[1]);
}

/** True when the section at the offset is a cross-reference stream (`N G obj`), not a table (`xref`). */
function isXrefStream(bytes: Uint8Array, offset: number): boolean {
  const head = latin1(bytes, offset, Math.min(bytes.length, offset + 32));
  return !/^\s*xref/.test(head);
}

interface TrailerInfo {
  readonly root: PDFRef;
  readonly info?: PDFObject;
  readonly id?: PDFObject;
}

/**
 * Appends an incremental update with the objects (new or replacing earlier ones) and returns the new
 * file. `size` is the trailer's `/Size` before the update (largest object number + 1).
 */
export function appendIncrementalUpdate(original: Uint8Array, objects: readonly UpdateObject[], trailer: TrailerInfo, size: number): Uint8Array {
  const prev = lastStartXref(original);
  const stream = isXrefStream(original, prev);
  const needsNewline = original[original.length - 1] !== 0x0a && original[original.length - 1] !== 0x0d;
  let text = needsNewline ? '\n' : '';
  const offsets = new Map<number, { offset: number; gen: number }>();
  for (const object of objects) {
    offsets.set(object.num, { offset: original.length + text.length, gen: object.gen ?? 0 });
    text += `${object.num} ${object.gen ?? 0} obj\n${object.body}\nendobj\n`;
  }
  const trailerEntries = `/Root ${trailer.root.toString()}${trailer.info ? ` /Info ${trailer.info.toString()}` : ''}${trailer.id ? ` /ID ${trailer.id.toString()}` : ''} /Prev ${prev}`;
  const xrefOffset = original.length + text.length;
  if (stream) {
    const xrefNum = Math.max(size, ...objects.map((object) => object.num + 1));
    offsets.set(xrefNum, { offset: xrefOffset, gen: 0 });
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    const index: number[] = [];
    let data = '';
    for (const num of numbers) {
      const last = index.length > 0 ? index[index.length - 2] + index[index.length - 1] : -1;
      if (num === last) index[index.length - 1] += 1;
      else index.push(num, 1);
      const { offset, gen } = offsets.get(num)!;
      data += String.fromCharCode(1, (offset >>> 24) & 0xff, (offset >>> 16) & 0xff, (offset >>> 8) & 0xff, offset & 0xff, (gen >>> 8) & 0xff, gen & 0xff);
    }
    text += `${xrefNum} 0 obj\n<< /Type /XRef /Size ${xrefNum + 1} /Index [${index.join(' ')}] /W [1 4 2] ${trailerEntries} /Length ${data.length} >>\nstream\n${data}\nendstream\nendobj\n`;
  } else {
    const numbers = [...offsets.keys()].sort((a, b) => a - b);
    text += 'xref\n';
    let position = 0;
    while (position < numbers.length) {
      let end = position + 1;
      while (end < numbers.length && numbers[end] === numbers[end - 1] + 1) end += 1;
      text += `${numbers[position]} ${end - position}\n`;
      for (let index = position; index < end; index += 1) {
        const { offset, gen } = offsets.get(numbers[index])!;
        text += `${String(offset).padStart(10, '0')} ${String(gen).padStart(5, '0')} n\r\n`;
      }
      position = end;
    }
    const newSize = Math.max(size, ...numbers.map((num) => num + 1));
    text += `trailer\n<< /Size ${newSize} ${trailerEntries} >>\n`;
  }
  text += `startxref\n${xrefOffset}\n%%EOF\n`;
  return concat(original, bytesOf(text));
}

/** What pdf-lib tells about the file, for an update. */
interface Loaded {
  readonly doc: PDFDocument;
  readonly trailer: TrailerInfo;
  nextNumber: number;
  readonly size: number;
}

async function load(bytes: Uint8Array): Promise<Loaded> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  const info = doc.context.trailerInfo;
  const root = info.Root;
  if (!(root instanceof PDFRef)) throw new Error('no catalog reference');
  // The trailer's /Size counts cross-reference stream objects too, which pdf-lib does not register.
  const trailerSize = PdfFile.open(bytes).last.trailer.get('Size');
  const size = Math.max(doc.context.largestObjectNumber + 1, typeof trailerSize === 'number' ? trailerSize : 0);
  return { doc, trailer: { root, info: info.Info, id: info.ID }, nextNumber: size, size };
}

const refText = (num: number): string => `${num} 0 R`;

/** The page's `/Annots` with one more widget: the objects to rewrite. */
function addToArray(doc: PDFDocument, ownerRef: PDFRef, owner: PDFDict, key: string, item: string, objects: UpdateObject[]): void {
  const value = owner.get(PDFName.of(key));
  if (value instanceof PDFRef) {
    const array = doc.context.lookup(value);
    const items = array instanceof PDFArray ? array.asArray().map((element) => element.toString()) : [];
    objects.push({ num: value.objectNumber, gen: value.generationNumber, body: `[${[...items, item].join(' ')}]` });
    return;
  }
  const items = value instanceof PDFArray ? value.asArray().map((element) => element.toString()) : [];
  const copy = owner.clone(doc.context);
  copy.set(PDFName.of(key), doc.context.obj([]));
  const text = copy.toString().replace(new RegExp(`/${key} \\[\\s*\\]`), `/${key} [${[...items, item].join(' ')}]`);
  objects.push({ num: ownerRef.objectNumber, gen: ownerRef.generationNumber, body: text });
}

function fieldNames(doc: PDFDocument): string[] {
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  const names: string[] = [];
  for (const field of fields?.asArray() ?? []) {
    const dict = doc.context.lookup(field);
    const name = dict instanceof PDFDict ? dict.get(PDFName.of('T')) : undefined;
    if (name instanceof PDFString || name instanceof PDFHexString) names.push(name.decodeText());
  }
  return names;
}

/** The AcroForm with one more field and `/SigFlags 3`: the objects to rewrite or add. */
function addField(loaded: Loaded, fieldRef: number, objects: UpdateObject[]): void {
  const { doc } = loaded;
  const catalog = doc.catalog;
  const acroFormValue = catalog.get(PDFName.of('AcroForm'));
  const build = (existing: PDFDict | undefined): string => {
    const items: string[] = [];
    const fields = existing?.get(PDFName.of('Fields'));
    const fieldsArray = fields instanceof PDFRef ? doc.context.lookup(fields) : fields;
    if (fieldsArray instanceof PDFArray) items.push(...fieldsArray.asArray().map((element) => element.toString()));
    items.push(refText(fieldRef));
    const rest = existing ? existing.clone(doc.context) : doc.context.obj({});
    rest.delete(PDFName.of('Fields'));
    rest.delete(PDFName.of('SigFlags'));
    rest.delete(PDFName.of('NeedAppearances'));
    const inner = rest.toString().replace(/^<<\s*/, '').replace(/\s*>>$/, '');
    return `<< ${inner} /Fields [${items.join(' ')}] /SigFlags 3 >>`;
  };
  if (acroFormValue instanceof PDFRef) {
    const existing = doc.context.lookup(acroFormValue);
    objects.push({ num: acroFormValue.objectNumber, gen: acroFormValue.generationNumber, body: build(existing instanceof PDFDict ? existing : undefined) });
    return;
  }
  const acroFormNum = loaded.nextNumber;
  loaded.nextNumber += 1;
  objects.push({ num: acroFormNum, body: build(acroFormValue instanceof PDFDict ? acroFormValue : undefined) });
  const copy = catalog.clone(doc.context);
  copy.set(PDFName.of('AcroForm'), PDFRef.of(acroFormNum));
  objects.push({ num: loaded.trailer.root.objectNumber, gen: loaded.trailer.root.generationNumber, body: copy.toString() });
}

/** A Helvetica appearance stream drawing the lines in the rectangle's size. */
function appearanceStream(width: number, height: number, lines: readonly string[]): string {
  const fontSize = Math.max(4, Math.min(10, (height - 4) / Math.max(1, lines.length) / 1.25));
  let content = `q 0.95 0.97 1 rg 0 0 ${width} ${height} re f 0.2 0.3 0.6 RG 0.8 w 0.4 0.4 ${width - 0.8} ${height - 0.8} re S Q\nBT /F1 ${fontSize.toFixed(2)} Tf 0 0 0 rg\n`;
  lines.forEach((line, index) => {
    const y = height - 3 - fontSize * 1.25 * (index + 1) + fontSize * 0.25;
    content += `1 0 0 1 4 ${y.toFixed(2)} Tm ${pdfString(line)} Tj\n`;
  });
  content += 'ET';
  const resources = '<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>';
  return `<< /Type /XObject /Subtype /Form /BBox [0 0 ${width} ${height}] /Resources ${resources} /Length ${content.length} >>\nstream\n${content}\nendstream`;
}

const PLACEHOLDER_BYTE_RANGE = '/ByteRange [0 ********** ********** **********]';

/**
 * Fills the byte range and `/Contents` of the signature dictionary just written (the last
 * `/ByteRange` placeholder in the file) and returns the signed file.
 */
async function fillSignature(bytes: Uint8Array, contentsSize: number, makeCms: (signed: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  const text = latin1(bytes, Math.max(0, bytes.length - contentsSize * 2 - 65536));
  const base = Math.max(0, bytes.length - contentsSize * 2 - 65536);
  const placeholderAt = base + text.lastIndexOf(PLACEHOLDER_BYTE_RANGE);
  const contentsAt = base + text.indexOf('/Contents <', placeholderAt - base) + '/Contents '.length;
  const contentsEnd = contentsAt + contentsSize * 2 + 2;
  const range = [0, contentsAt, contentsEnd, bytes.length - contentsEnd];
  const rangeText = `/ByteRange [${range.join(' ')}]`.padEnd(PLACEHOLDER_BYTE_RANGE.length, ' ');
  const out = bytes.slice();
  out.set(bytesOf(rangeText), placeholderAt);
  const signed = concat(out.subarray(0, contentsAt), out.subarray(contentsEnd));
  const cms = await makeCms(signed);
  if (cms.length > contentsSize) throw new Error(`CMS of ${cms.length} bytes does not fit in ${contentsSize}`);
  const hex = Array.from(cms, (byte) => byte.toString(16).padStart(2, '0')).join('');
  out.set(bytesOf(hex), contentsAt + 1);
  return out;
}

const subjectCommonName = (signer: IssuedCertificate): string => {
  const cn = signer.certificate.subject.typesAndValues.find((attribute) => attribute.type === '2.5.4.3');
  return String(cn?.value.valueBlock.value ?? '').replace(/\s*\(signature\)\s*$/i, '');
};

/** Signs the PDF in an incremental update. */
export async function signPdf(pdf: Uint8Array, options: SignPdfOptions): Promise<Uint8Array> {
  const loaded = await load(pdf);
  const { doc } = loaded;
  const signingTime = options.signingTime ?? new Date();
  const subFilter = options.subFilter ?? 'adbe.pkcs7.detached';
  const contentsSize = options.contentsSize ?? 16384;
  const existingNames = fieldNames(doc);
  let fieldName = options.fieldName ?? `Signature${existingNames.length + 1}`;
  for (let n = existingNames.length + 2; existingNames.includes(fieldName) && !options.fieldName; n += 1) fieldName = `Signature${n}`;

  const objects: UpdateObject[] = [];
  const sigNum = loaded.nextNumber++;
  const widgetNum = loaded.nextNumber++;
  const pageIndex = options.appearance?.page ?? 0;
  const page = doc.getPage(pageIndex);
  const rect = options.appearance?.rect ?? [0, 0, 0, 0];
  let apEntry = '';
  if (options.appearance) {
    const apNum = loaded.nextNumber++;
    const width = rect[2] - rect[0];
    const height = rect[3] - rect[1];
    const date = signingTime.toISOString().slice(0, 19).replace('T', ' ');
    const lines = options.appearance.lines ?? [`Digitaal ondertekend door ${subjectCommonName(options.signer)}`, `Datum: ${date} UTC`];
    objects.push({ num: apNum, body: appearanceStream(width, height, lines) });
    apEntry = ` /AP << /N ${refText(apNum)} >>`;
  }
  const sigDict =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /${subFilter} ${PLACEHOLDER_BYTE_RANGE} /Contents <${'0'.repeat(contentsSize * 2)}>` +
    ` /M ${pdfString(pdfDate(signingTime))}` +
    (options.name !== undefined ? ` /Name ${pdfString(options.name)}` : '') +
    (options.reason ? ` /Reason ${pdfString(options.reason)}` : '') +
    (options.location ? ` /Location ${pdfString(options.location)}` : '') +
    ' >>';
  objects.push({ num: sigNum, body: sigDict });
  objects.push({
    num: widgetNum,
    body: `<< /Type /Annot /Subtype /Widget /FT /Sig /T ${pdfString(fieldName)} /V ${refText(sigNum)} /F 132 /Rect [${rect.join(' ')}] /P ${page.ref.toString()}${apEntry} >>`
  });
  addToArray(doc, page.ref, page.node, 'Annots', refText(widgetNum), objects);
  addField(loaded, widgetNum, objects);

  const unsigned = appendIncrementalUpdate(pdf, objects, loaded.trailer, loaded.size);
  const makeCms =
    options.cms ??
    (async (signed: Uint8Array): Promise<Uint8Array> =>
      signDetached(signed, {
        signer: options.signer,
        chain: options.chain,
        signingTime,
        pades: subFilter === 'ETSI.CAdES.detached',
        ...(options.timeStampAuthority ? { timeStampAuthority: options.timeStampAuthority, timeStampTime: signingTime } : {})
      }));
  return fillSignature(unsigned, contentsSize, makeCms);
}

/** Adds an RFC 3161 document time-stamp (`/SubFilter /ETSI.RFC3161`, `/Type /DocTimeStamp`), invisible. */
export async function timestampPdf(pdf: Uint8Array, authority: TimeStampAuthority, options: { readonly time?: Date; readonly fieldName?: string } = {}): Promise<Uint8Array> {
  const loaded = await load(pdf);
  const { doc } = loaded;
  const contentsSize = 16384;
  const objects: UpdateObject[] = [];
  const sigNum = loaded.nextNumber++;
  const widgetNum = loaded.nextNumber++;
  const page = doc.getPage(0);
  const fieldName = options.fieldName ?? `DocTimeStamp${fieldNames(doc).length + 1}`;
  objects.push({
    num: sigNum,
    body: `<< /Type /DocTimeStamp /Filter /Adobe.PPKLite /SubFilter /ETSI.RFC3161 ${PLACEHOLDER_BYTE_RANGE} /Contents <${'0'.repeat(contentsSize * 2)}> >>`
  });
  objects.push({ num: widgetNum, body: `<< /Type /Annot /Subtype /Widget /FT /Sig /T ${pdfString(fieldName)} /V ${refText(sigNum)} /F 132 /Rect [0 0 0 0] /P ${page.ref.toString()} >>` });
  addToArray(doc, page.ref, page.node, 'Annots', refText(widgetNum), objects);
  addField(loaded, widgetNum, objects);
  const unsigned = appendIncrementalUpdate(pdf, objects, loaded.trailer, loaded.size);
  return fillSignature(unsigned, contentsSize, async (signed) => {
    const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', signed));
    return timeStampToken(authority, digest, options.time ?? new Date());
  });
}

/**
 * A shadow attack: an incremental update that appends text to a page's content (a new content stream
 * added to the page's `/Contents`), keeping every earlier byte and so the earlier signatures' byte ranges.
 */
export async function appendPageContent(pdf: Uint8Array, pageIndex: number, text: string): Promise<Uint8Array> {
  const loaded = await load(pdf);
  const { doc } = loaded;
  const page = doc.getPage(pageIndex);
  const contentNum = loaded.nextNumber++;
  const content = `BT /Helv 14 Tf 1 0 0 rg 1 0 0 1 72 72 Tm ${pdfString(text)} Tj ET`;
  const fontNum = loaded.nextNumber++;
  const objects: UpdateObject[] = [
    { num: contentNum, body: `<< /Length ${content.length} >>\nstream\n${content}\nendstream` },
    { num: fontNum, body: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>' }
  ];
  const copy = page.node.clone(doc.context);
  const contents = page.node.get(PDFName.of('Contents'));
  const existing = contents instanceof PDFRef && doc.context.lookup(contents) instanceof PDFArray ? (doc.context.lookup(contents) as PDFArray).asArray() : contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
  copy.set(PDFName.of('Contents'), doc.context.obj([...existing, PDFRef.of(contentNum)]));
  const resources = page.node.Resources()?.clone(doc.context) ?? doc.context.obj({});
  const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict)?.clone(doc.context) ?? doc.context.obj({});
  fonts.set(PDFName.of('Helv'), PDFRef.of(fontNum));
  resources.set(PDFName.of('Font'), fonts);
  copy.set(PDFName.of('Resources'), resources);
  objects.push({ num: page.ref.objectNumber, gen: page.ref.generationNumber, body: copy.toString() });
  return appendIncrementalUpdate(pdf, objects, loaded.trailer, loaded.size);
}

/** An incremental update that sets a text field's value (`/V`) after signing. */
export async function changeFormValue(pdf: Uint8Array, fieldName: string, value: string): Promise<Uint8Array> {
  const loaded = await load(pdf);
  const { doc } = loaded;
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  for (const ref of acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray)?.asArray() ?? []) {
    const field = doc.context.lookup(ref);
    const name = field instanceof PDFDict ? field.get(PDFName.of('T')) : undefined;
    if (ref instanceof PDFRef && field instanceof PDFDict && (name instanceof PDFString || name instanceof PDFHexString) && name.decodeText() === fieldName) {
      const copy = field.clone(doc.context);
      copy.set(PDFName.of('V'), PDFString.of(value));
      return appendIncrementalUpdate(pdf, [{ num: ref.objectNumber, gen: ref.generationNumber, body: copy.toString() }], loaded.trailer, loaded.size);
    }
  }
  throw new Error(`no field ${fieldName}`);
}

/** An incremental update with arbitrary objects (tests): `objects(doc, nextNumber)` says what to write. */
export async function appendUpdate(pdf: Uint8Array, objects: (doc: PDFDocument, nextNumber: number) => UpdateObject[]): Promise<Uint8Array> {
  const loaded = await load(pdf);
  return appendIncrementalUpdate(pdf, objects(loaded.doc, loaded.nextNumber), loaded.trailer, loaded.size);
}

/** Validation data to add in a document security store (`/DSS`), as DER. */
export interface ValidationData {
  readonly certificates?: readonly Uint8Array[];
  readonly crls?: readonly Uint8Array[];
  readonly ocsps?: readonly Uint8Array[];
}

/** An incremental update that adds a `/DSS` (certificates, CRLs, OCSP responses) to the catalog, as a PAdES-LT tool does. */
export async function addValidationData(pdf: Uint8Array, data: ValidationData): Promise<Uint8Array> {
  const loaded = await load(pdf);
  const { doc } = loaded;
  const objects: UpdateObject[] = [];
  const streams = (items: readonly Uint8Array[] | undefined): string[] =>
    (items ?? []).map((der) => {
      const num = loaded.nextNumber++;
      objects.push({ num, body: `<< /Length ${der.length} >>\nstream\n${latin1(der)}\nendstream` });
      return refText(num);
    });
  const dssNum = loaded.nextNumber++;
  objects.push({ num: dssNum, body: `<< /Certs [${streams(data.certificates).join(' ')}] /CRLs [${streams(data.crls).join(' ')}] /OCSPs [${streams(data.ocsps).join(' ')}] >>` });
  const catalog = doc.catalog.clone(doc.context);
  catalog.set(PDFName.of('DSS'), PDFRef.of(dssNum));
  objects.push({ num: loaded.trailer.root.objectNumber, gen: loaded.trailer.root.generationNumber, body: catalog.toString() });
  return appendIncrementalUpdate(pdf, objects, loaded.trailer, loaded.size);
}
