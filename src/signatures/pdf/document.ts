/**
 * A PDF file as its revisions: the cross-reference sections reached from the last `startxref` through
 * the `/Prev` chain (classic tables, cross-reference streams, hybrid files with `/XRefStm`), each ending
 * at its `%%EOF`. Objects are read one at a time from the bytes (also from object streams), per
 * revision, and cached; nothing else of the document is parsed.
 */
import { decodeStream, indexOf, isWhitespace, lastIndexOf, PdfDict, PdfLexer, PdfRef, PdfStream, PdfSyntaxError } from './syntax';
import type { PdfValue } from './syntax';

/** Why a file cannot be read as a PDF. */
export class PdfFileError extends Error {
  constructor(
    readonly code: 'notPdfOrDocx' | 'truncated' | 'encrypted' | 'malformed',
    message: string
  ) {
    super(message);
  }
}

/** A cross-reference entry: free (0), at an offset (1), or inside an object stream (2). */
export interface XrefEntry {
  readonly type: 0 | 1 | 2;
  /** Type 1: byte offset; type 2: the object stream's number. */
  readonly field2: number;
  /** Type 1: generation; type 2: index in the object stream. */
  readonly field3: number;
}

interface XrefSection {
  readonly offset: number;
  readonly entries: Map<number, XrefEntry>;
  readonly trailer: PdfDict;
  readonly prev?: number;
  /** Where the section ends (after the trailer, or after the cross-reference stream object). */
  readonly end: number;
  /** Object numbers of the cross-reference streams of this section (not content). */
  readonly xrefStreams: readonly number[];
}

/** One revision: the original save (1) or an incremental update. */
export interface Revision {
  /** 1-based. */
  readonly number: number;
  /** The byte offset after its `%%EOF` (and end-of-line). */
  readonly end: number;
  /** The offset of its `%%EOF` marker's end without the end-of-line. */
  readonly eofEnd: number;
  /** The objects this revision wrote (new or replaced), free entries included. */
  readonly written: ReadonlyMap<number, XrefEntry>;
  /** Every object as of this revision. */
  readonly table: ReadonlyMap<number, XrefEntry>;
  readonly trailer: PdfDict;
  readonly xrefStreams: readonly number[];
}

const MAX_SECTIONS = 1000;

export class PdfFile {
  readonly revisions: readonly Revision[];
  private readonly cache = new Map<string, PdfValue | undefined>();
  private readonly objectStreams = new Map<string, { readonly data: Uint8Array; readonly offsets: Map<number, number> }>();

  private constructor(
    readonly bytes: Uint8Array,
    revisions: Revision[]
  ) {
    this.revisions = revisions;
  }

  /** Reads the file's structure; throws a `PdfFileError` when it cannot. */
  static open(bytes: Uint8Array): PdfFile {
    const header = indexOf(bytes, '%PDF-', 0, Math.min(bytes.length, 1024));
    if (header < 0) throw new PdfFileError('notPdfOrDocx', 'no %PDF- header');
    const startxrefAt = lastIndexOf(bytes, 'startxref', bytes.length, Math.max(0, bytes.length - 4096));
    if (startxrefAt < 0) throw new PdfFileError('truncated', 'no startxref at the end');
    if (indexOf(bytes, '%%EOF', startxrefAt) < 0) throw new PdfFileError('truncated', 'no %%EOF after the last startxref');
    const lexer = new PdfLexer(bytes, startxrefAt + 'startxref'.length);
    let start: number;
    try {
      start = lexer.readInteger();
    } catch {
      throw new PdfFileError('malformed', 'startxref without offset');
    }
    if (start <= 0 || start >= bytes.length) throw new PdfFileError('truncated', `startxref ${start} outside the file`);
    const file = new PdfFile(bytes, []);
    const sections: XrefSection[] = [];
    const visited = new Set<number>();
    let offset: number | undefined = start;
    while (offset !== undefined) {
      if (visited.has(offset) || sections.length > MAX_SECTIONS) throw new PdfFileError('malformed', 'cross-reference chain loops');
      if (offset <= 0 || offset >= bytes.length) throw new PdfFileError('truncated', `cross-reference section ${offset} outside the file`);
      visited.add(offset);
      const section = file.readSection(offset);
      sections.push(section);
      offset = section.prev;
    }
    if (sections[0].trailer.get('Encrypt') !== undefined) throw new PdfFileError('encrypted', 'the file is encrypted');
    sections.sort((a, b) => a.offset - b.offset);
    const revisions: Revision[] = [];
    const table = new Map<number, XrefEntry>();
    for (const section of sections) {
      const startxref = indexOf(bytes, 'startxref', section.end);
      const eof = startxref < 0 ? -1 : indexOf(bytes, '%%EOF', startxref);
      if (eof < 0) throw new PdfFileError('truncated', 'a revision has no %%EOF');
      let end = eof + 5;
      const eofEnd = end;
      if (bytes[end] === 0x0d) end += 1;
      if (bytes[end] === 0x0a) end += 1;
      for (const [num, entry] of section.entries) table.set(num, entry);
      const previous = revisions[revisions.length - 1];
      if (previous && previous.end === end) {
        // Two sections closed by the same %%EOF (a linearized file's first-page section): one revision.
        const written = new Map(previous.written);
        for (const [num, entry] of section.entries) written.set(num, entry);
        revisions[revisions.length - 1] = { ...previous, written, table: new Map(table), xrefStreams: [...previous.xrefStreams, ...section.xrefStreams] };
        continue;
      }
      revisions.push({ number: revisions.length + 1, end, eofEnd, written: section.entries, table: new Map(table), trailer: section.trailer, xrefStreams: section.xrefStreams });
    }
    return new PdfFile(bytes, revisions);
  }

  get last(): Revision {
    return this.revisions[this.revisions.length - 1];
  }

  /** True when bytes other than white space follow the last revision (an update without its own %%EOF, or junk). */
  get hasTrailingData(): boolean {
    for (let index = this.last.end; index < this.bytes.length; index += 1) {
      if (!isWhitespace(this.bytes[index])) return true;
    }
    return false;
  }

  /** The revision whose signed bytes end at `end` (a signature's `ByteRange` end). */
  revisionEndingAt(end: number): Revision | undefined {
    return this.revisions.find((revision) => {
      if (end < revision.eofEnd || end > this.bytes.length) return false;
      // The %%EOF, then only end-of-line or white space up to the end of the signed bytes.
      for (let index = revision.eofEnd; index < end; index += 1) {
        if (!isWhitespace(this.bytes[index])) return false;
      }
      return true;
    });
  }

  private readSection(offset: number): XrefSection {
    const lexer = new PdfLexer(this.bytes, offset);
    try {
      if (lexer.acceptKeyword('xref')) return this.readTable(lexer, offset);
      return this.readXrefStream(offset);
    } catch (error) {
      if (error instanceof PdfFileError) throw error;
      // Some tools write a `startxref` or `/Prev` a few bytes off (end-of-line counting): a table close by.
      const near = this.nearbyTable(offset);
      if (near !== undefined) return this.readTable(new PdfLexer(this.bytes, near + 4), near);
      throw new PdfFileError('malformed', `cross-reference section at ${offset}: ${(error as Error).message}`);
    }
  }

  /** The offset of an `xref` keyword at a line start within 64 bytes of the offset, nearest first. */
  private nearbyTable(offset: number): number | undefined {
    const candidates: number[] = [];
    let at = indexOf(this.bytes, 'xref', Math.max(0, offset - 64), Math.min(this.bytes.length, offset + 68));
    while (at >= 0) {
      const before = this.bytes[at - 1];
      if (at !== offset && (at === 0 || before === 0x0a || before === 0x0d)) candidates.push(at);
      at = indexOf(this.bytes, 'xref', at + 1, Math.min(this.bytes.length, offset + 68));
    }
    candidates.sort((a, b) => Math.abs(a - offset) - Math.abs(b - offset));
    return candidates[0];
  }

  private readTable(lexer: PdfLexer, offset: number): XrefSection {
    const entries = new Map<number, XrefEntry>();
    const bytes = this.bytes;
    for (;;) {
      const word = lexer.peekKeyword();
      if (word === 'trailer') break;
      const first = lexer.readInteger();
      const count = lexer.readInteger();
      for (let index = 0; index < count; index += 1) {
        lexer.skipWhitespace();
        // Fixed 20-byte lines: 10-digit offset, 5-digit generation, n|f.
        const pos = lexer.pos;
        let field2 = 0;
        let cursor = pos;
        while (cursor < bytes.length && bytes[cursor] >= 0x30 && bytes[cursor] <= 0x39) field2 = field2 * 10 + bytes[cursor++] - 0x30;
        while (cursor < bytes.length && (bytes[cursor] === 0x20 || bytes[cursor] === 0x09)) cursor += 1;
        let field3 = 0;
        while (cursor < bytes.length && bytes[cursor] >= 0x30 && bytes[cursor] <= 0x39) field3 = field3 * 10 + bytes[cursor++] - 0x30;
        while (cursor < bytes.length && (bytes[cursor] === 0x20 || bytes[cursor] === 0x09)) cursor += 1;
        const kind = bytes[cursor];
        if (cursor === pos || (kind !== 0x6e && kind !== 0x66)) throw new PdfSyntaxError('bad cross-reference entry', pos);
        lexer.pos = cursor + 1;
        if (!entries.has(first + index)) entries.set(first + index, kind === 0x6e ? { type: 1, field2, field3 } : { type: 0, field2, field3 });
      }
    }
    lexer.acceptKeyword('trailer');
    const trailer = lexer.readValue();
    if (!(trailer instanceof PdfDict)) throw new PdfSyntaxError('trailer is not a dictionary', lexer.pos);
    const xrefStreams: number[] = [];
    const hybrid = trailer.get('XRefStm');
    if (typeof hybrid === 'number' && hybrid > 0 && hybrid < bytes.length) {
      // A hybrid file: objects the table does not give (or marks free) come from the stream.
      const stream = this.readXrefStream(hybrid);
      for (const [num, entry] of stream.entries) {
        const existing = entries.get(num);
        if (!existing || existing.type === 0) entries.set(num, entry);
      }
      xrefStreams.push(...stream.xrefStreams);
    }
    const prev = trailer.get('Prev');
    return { offset, entries, trailer, prev: typeof prev === 'number' ? prev : undefined, end: lexer.pos, xrefStreams };
  }

  private readXrefStream(offset: number): XrefSection {
    const lexer = new PdfLexer(this.bytes, offset, (ref) => this.lengthOf(ref));
    const num = lexer.readInteger();
    lexer.readInteger();
    if (!lexer.acceptKeyword('obj')) throw new PdfSyntaxError('neither xref nor a cross-reference stream', offset);
    const stream = lexer.readValue();
    if (!(stream instanceof PdfStream) || stream.dict.name('Type') !== 'XRef') throw new PdfSyntaxError('not a cross-reference stream', offset);
    const widths = stream.dict.get('W');
    if (!Array.isArray(widths) || widths.length < 3 || !widths.every((width) => typeof width === 'number' && width >= 0 && width <= 8)) {
      throw new PdfSyntaxError('bad /W', offset);
    }
    const [w1, w2, w3] = widths as number[];
    const size = stream.dict.get('Size');
    const indexValue = stream.dict.get('Index');
    const index = Array.isArray(indexValue) ? (indexValue as number[]) : [0, typeof size === 'number' ? size : 0];
    const data = decodeStream(stream);
    const entries = new Map<number, XrefEntry>();
    const read = (pos: number, width: number): number => {
      let value = 0;
      for (let byte = 0; byte < width; byte += 1) value = value * 256 + data[pos + byte];
      return value;
    };
    let pos = 0;
    const rowWidth = w1 + w2 + w3;
    for (let pair = 0; pair + 1 < index.length; pair += 2) {
      for (let item = 0; item < index[pair + 1]; item += 1) {
        if (pos + rowWidth > data.length) throw new PdfSyntaxError('cross-reference stream too short', offset);
        const type = w1 === 0 ? 1 : read(pos, w1);
        const field2 = read(pos + w1, w2);
        const field3 = read(pos + w1 + w2, w3);
        pos += rowWidth;
        if (type === 0 || type === 1 || type === 2) {
          if (!entries.has(index[pair] + item)) entries.set(index[pair] + item, { type, field2, field3 });
        }
      }
    }
    const prev = stream.dict.get('Prev');
    return { offset, entries, trailer: stream.dict, prev: typeof prev === 'number' ? prev : undefined, end: lexer.pos, xrefStreams: [num] };
  }

  /** A stream's indirect `/Length`, from the latest table known. */
  private lengthOf(ref: PdfRef): number | undefined {
    const table = this.revisions.length > 0 ? this.last.table : undefined;
    if (!table) {
      return undefined;
    }
    const value = this.object(ref.num, this.last);
    return typeof value === 'number' ? value : undefined;
  }

  /** The object with this number as of the revision (default the last); undefined when absent or unreadable. */
  object(num: number, revision: Revision = this.last): PdfValue | undefined {
    const entry = revision.table.get(num);
    if (!entry || entry.type === 0) return undefined;
    const key = `${num}:${entry.type}:${entry.field2}:${entry.field3}`;
    if (this.cache.has(key)) return this.cache.get(key);
    this.cache.set(key, undefined);
    let value: PdfValue | undefined;
    try {
      value = entry.type === 1 ? this.readIndirect(num, entry.field2).value : this.readCompressed(num, entry, revision);
    } catch {
      value = undefined;
    }
    this.cache.set(key, value);
    return value;
  }

  /** The byte offset of an uncompressed object as of the revision; undefined when in an object stream. */
  offsetOf(num: number, revision: Revision = this.last): number | undefined {
    const entry = revision.table.get(num);
    return entry?.type === 1 ? entry.field2 : undefined;
  }

  /** Follows references. */
  resolve(value: PdfValue | undefined, revision: Revision = this.last): PdfValue | undefined {
    let current = value;
    for (let depth = 0; current instanceof PdfRef && depth < 32; depth += 1) current = this.object(current.num, revision);
    return current instanceof PdfRef ? undefined : current;
  }

  dict(value: PdfValue | undefined, revision: Revision = this.last): PdfDict | undefined {
    const resolved = this.resolve(value, revision);
    return resolved instanceof PdfDict ? resolved : resolved instanceof PdfStream ? resolved.dict : undefined;
  }

  array(value: PdfValue | undefined, revision: Revision = this.last): PdfValue[] {
    const resolved = this.resolve(value, revision);
    return Array.isArray(resolved) ? resolved : [];
  }

  /** The catalog as of the revision. */
  catalog(revision: Revision = this.last): PdfDict | undefined {
    return this.dict(revision.trailer.get('Root'), revision);
  }

  private readIndirect(num: number, offset: number): { value: PdfValue; end: number } {
    if (offset <= 0 || offset >= this.bytes.length) throw new PdfSyntaxError('offset outside the file', offset);
    const lexer = new PdfLexer(this.bytes, offset, (ref) => (ref.num === num ? undefined : this.lengthOf(ref)));
    const found = lexer.readInteger();
    lexer.readInteger();
    if (found !== num || !lexer.acceptKeyword('obj')) throw new PdfSyntaxError(`object ${num} expected`, offset);
    const value = lexer.readValue();
    return { value, end: lexer.pos };
  }

  private readCompressed(num: number, entry: XrefEntry, revision: Revision): PdfValue | undefined {
    const streamNum = entry.field2;
    const streamEntry = revision.table.get(streamNum);
    if (!streamEntry || streamEntry.type !== 1) return undefined;
    const key = `${streamNum}:${streamEntry.field2}`;
    let objectStream = this.objectStreams.get(key);
    if (!objectStream) {
      const stream = this.readIndirect(streamNum, streamEntry.field2).value;
      if (!(stream instanceof PdfStream) || stream.dict.name('Type') !== 'ObjStm') return undefined;
      const data = decodeStream(stream);
      const count = stream.dict.get('N');
      const first = stream.dict.get('First');
      if (typeof count !== 'number' || typeof first !== 'number') return undefined;
      const header = new PdfLexer(data, 0);
      const offsets = new Map<number, number>();
      for (let index = 0; index < count; index += 1) {
        const objectNumber = header.readInteger();
        offsets.set(objectNumber, first + header.readInteger());
      }
      objectStream = { data, offsets };
      this.objectStreams.set(key, objectStream);
    }
    const offset = objectStream.offsets.get(num);
    if (offset === undefined) return undefined;
    return new PdfLexer(objectStream.data, offset).readValue();
  }
}

/** The object numbers of a value's direct references. */
export function refsIn(value: PdfValue | undefined, out: Set<number> = new Set()): Set<number> {
  if (value instanceof PdfRef) out.add(value.num);
  else if (Array.isArray(value)) value.forEach((item) => refsIn(item, out));
  else if (value instanceof PdfDict) value.entries.forEach((item) => refsIn(item, out));
  else if (value instanceof PdfStream) refsIn(value.dict, out);
  return out;
}


