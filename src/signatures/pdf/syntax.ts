/**
 * PDF object syntax (ISO 32000-1 §7.3): a small reader of single objects straight from the file's
 * bytes, so that a verifier parses only the objects it needs (cross-reference sections, the catalog,
 * the form, the signature dictionaries and what later revisions wrote) instead of the whole document.
 * Strings keep their byte offsets: a signature's `/Contents` must be exactly the gap in its `/ByteRange`.
 */
import { unzlibSync } from 'fflate';

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number
  ) {}
  get key(): string {
    return `${this.num} ${this.gen}`;
  }
}

/** A string (literal or hex), its bytes and where its token lies in the source (`start` at `(`/`<`, `end` after `)`/`>`). */
export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    readonly hex: boolean,
    readonly start: number,
    readonly end: number
  ) {}
  /** As text: UTF-16BE with a byte order mark, else PDFDocEncoding read as Latin-1. */
  text(): string {
    const bytes = this.bytes;
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
      let text = '';
      for (let index = 2; index + 1 < bytes.length; index += 2) text += String.fromCharCode((bytes[index] << 8) | bytes[index + 1]);
      return text;
    }
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder().decode(bytes.subarray(3));
    return latin1(bytes);
  }
}

export class PdfDict {
  constructor(readonly entries: Map<string, PdfValue>) {}
  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
  /** The value's name, when it is a direct name. */
  name(key: string): string | undefined {
    const value = this.entries.get(key);
    return value instanceof PdfName ? value.name : undefined;
  }
}

/** A stream: its dictionary and the raw (still encoded) data, a view into the source. */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly raw: Uint8Array
  ) {}
}

// eslint-disable-next-line @rushstack/no-new-null -- PDF has a null object.
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfValue[] | PdfDict | PdfStream;

/** A syntax error at an offset. */
export class PdfSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(`${message} at ${offset}`);
  }
}

export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let text = '';
  for (let index = start; index < end; index += 8192) {
    text += String.fromCharCode(...bytes.subarray(index, Math.min(end, index + 8192)));
  }
  return text;
}

const WHITESPACE = new Uint8Array(256);
for (const code of [0, 9, 10, 12, 13, 32]) WHITESPACE[code] = 1;
const DELIMITER = new Uint8Array(256);
for (const char of '()<>[]{}/%') DELIMITER[char.charCodeAt(0)] = 1;

export const isWhitespace = (code: number): boolean => WHITESPACE[code] === 1;
const isRegular = (code: number): boolean => WHITESPACE[code] === 0 && DELIMITER[code] === 0;

/** The length of a stream whose `/Length` is an indirect object: the caller resolves it. */
export type LengthResolver = (ref: PdfRef) => number | undefined;

/** Reads objects from `bytes`, starting at `pos`. */
export class PdfLexer {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    pos = 0,
    private readonly resolveLength?: LengthResolver
  ) {
    this.pos = pos;
  }

  skipWhitespace(): void {
    const bytes = this.bytes;
    while (this.pos < bytes.length) {
      const code = bytes[this.pos];
      if (WHITESPACE[code]) this.pos += 1;
      else if (code === 0x25) {
        while (this.pos < bytes.length && bytes[this.pos] !== 0x0a && bytes[this.pos] !== 0x0d) this.pos += 1;
      } else break;
    }
  }

  /** The next regular token (keyword or number) without consuming it. */
  peekKeyword(): string {
    this.skipWhitespace();
    let end = this.pos;
    while (end < this.bytes.length && isRegular(this.bytes[end])) end += 1;
    return latin1(this.bytes, this.pos, end);
  }

  readKeyword(): string {
    const word = this.peekKeyword();
    this.pos += word.length;
    return word;
  }

  /** True (and consumed) when the next token is the keyword. */
  acceptKeyword(keyword: string): boolean {
    if (this.peekKeyword() !== keyword) return false;
    this.pos += keyword.length;
    return true;
  }

  readInteger(): number {
    const word = this.readKeyword();
    if (!/^[+-]?\d+$/.test(word)) throw new PdfSyntaxError(`integer expected, "${word.slice(0, 20)}" found`, this.pos);
    return Number(word);
  }

  /** One object (a dictionary followed by `stream` becomes a stream). */
  readValue(depth = 0): PdfValue {
    if (depth > 64) throw new PdfSyntaxError('nested too deep', this.pos);
    this.skipWhitespace();
    const bytes = this.bytes;
    if (this.pos >= bytes.length) throw new PdfSyntaxError('unexpected end', this.pos);
    const code = bytes[this.pos];
    if (code === 0x2f) return this.readName();
    if (code === 0x28) return this.readLiteralString();
    if (code === 0x3c) {
      if (bytes[this.pos + 1] === 0x3c) return this.readDictOrStream(depth);
      return this.readHexString();
    }
    if (code === 0x5b) {
      this.pos += 1;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipWhitespace();
        if (this.pos >= bytes.length) throw new PdfSyntaxError('unterminated array', this.pos);
        if (bytes[this.pos] === 0x5d) {
          this.pos += 1;
          return items;
        }
        items.push(this.readValue(depth + 1));
      }
    }
    const word = this.peekKeyword();
    if (word === '') throw new PdfSyntaxError(`unexpected "${String.fromCharCode(code)}"`, this.pos);
    this.pos += word.length;
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      // `n g R`: look ahead for a reference.
      if (/^\d+$/.test(word)) {
        const save = this.pos;
        const second = this.peekKeyword();
        if (/^\d+$/.test(second)) {
          this.pos += second.length;
          if (this.acceptKeyword('R')) return new PdfRef(Number(word), Number(second));
        }
        this.pos = save;
      }
      return Number(word);
    }
    throw new PdfSyntaxError(`unexpected keyword "${word.slice(0, 20)}"`, this.pos - word.length);
  }

  private readName(): PdfName {
    const bytes = this.bytes;
    this.pos += 1;
    let name = '';
    while (this.pos < bytes.length && isRegular(bytes[this.pos])) {
      const code = bytes[this.pos];
      if (code === 0x23 && this.pos + 2 < bytes.length) {
        const hex = latin1(bytes, this.pos + 1, this.pos + 3);
        if (/^[0-9a-fA-F]{2}$/.test(hex)) {
          name += String.fromCharCode(parseInt(hex, 16));
          this.pos += 3;
          continue;
        }
      }
      name += String.fromCharCode(code);
      this.pos += 1;
    }
    return new PdfName(name);
  }

  private readLiteralString(): PdfString {
    const bytes = this.bytes;
    const start = this.pos;
    this.pos += 1;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < bytes.length) {
      const code = bytes[this.pos];
      this.pos += 1;
      if (code === 0x5c) {
        const next = bytes[this.pos];
        this.pos += 1;
        const escapes: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (next in escapes) out.push(escapes[next]);
        else if (next >= 0x30 && next <= 0x37) {
          let value = next - 0x30;
          for (let count = 0; count < 2 && bytes[this.pos] >= 0x30 && bytes[this.pos] <= 0x37; count += 1) {
            value = value * 8 + (bytes[this.pos] - 0x30);
            this.pos += 1;
          }
          out.push(value & 0xff);
        } else if (next === 0x0d) {
          if (bytes[this.pos] === 0x0a) this.pos += 1;
        } else if (next !== 0x0a) out.push(next);
        continue;
      }
      if (code === 0x28) depth += 1;
      if (code === 0x29) {
        depth -= 1;
        if (depth === 0) return new PdfString(Uint8Array.from(out), false, start, this.pos);
      }
      out.push(code);
    }
    throw new PdfSyntaxError('unterminated string', start);
  }

  private readHexString(): PdfString {
    const bytes = this.bytes;
    const start = this.pos;
    let end = this.pos + 1;
    while (end < bytes.length && bytes[end] !== 0x3e) end += 1;
    if (end >= bytes.length) throw new PdfSyntaxError('unterminated hex string', start);
    const out = new Uint8Array(Math.ceil((end - start - 1) / 2));
    let count = 0;
    let high = -1;
    for (let index = start + 1; index < end; index += 1) {
      const code = bytes[index];
      if (WHITESPACE[code]) continue;
      const digit = code >= 0x30 && code <= 0x39 ? code - 0x30 : code >= 0x41 && code <= 0x46 ? code - 55 : code >= 0x61 && code <= 0x66 ? code - 87 : -1;
      if (digit < 0) throw new PdfSyntaxError('not a hex digit', index);
      if (high < 0) high = digit;
      else {
        out[count] = (high << 4) | digit;
        count += 1;
        high = -1;
      }
    }
    if (high >= 0) {
      out[count] = high << 4;
      count += 1;
    }
    this.pos = end + 1;
    return new PdfString(out.subarray(0, count), true, start, end + 1);
  }

  private readDictOrStream(depth: number): PdfDict | PdfStream {
    const bytes = this.bytes;
    this.pos += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipWhitespace();
      if (this.pos >= bytes.length) throw new PdfSyntaxError('unterminated dictionary', this.pos);
      if (bytes[this.pos] === 0x3e && bytes[this.pos + 1] === 0x3e) {
        this.pos += 2;
        break;
      }
      const key = this.readValue(depth + 1);
      if (!(key instanceof PdfName)) throw new PdfSyntaxError('name expected as dictionary key', this.pos);
      entries.set(key.name, this.readValue(depth + 1));
    }
    const dict = new PdfDict(entries);
    const save = this.pos;
    if (!this.acceptKeyword('stream')) {
      this.pos = save;
      return dict;
    }
    // The data starts after `stream` and one EOL (CRLF or LF).
    if (bytes[this.pos] === 0x0d) this.pos += 1;
    if (bytes[this.pos] === 0x0a) this.pos += 1;
    const dataStart = this.pos;
    const lengthValue = dict.get('Length');
    let length = typeof lengthValue === 'number' ? lengthValue : lengthValue instanceof PdfRef ? this.resolveLength?.(lengthValue) : undefined;
    if (length === undefined || length < 0 || dataStart + length > bytes.length || !this.endstreamAt(dataStart + length)) {
      length = this.findEndstream(dataStart) - dataStart;
    }
    this.pos = dataStart + length;
    this.acceptKeyword('endstream');
    return new PdfStream(dict, bytes.subarray(dataStart, dataStart + length));
  }

  private endstreamAt(offset: number): boolean {
    let pos = offset;
    while (pos < this.bytes.length && WHITESPACE[this.bytes[pos]]) pos += 1;
    return latin1(this.bytes, pos, Math.min(this.bytes.length, pos + 9)) === 'endstream';
  }

  private findEndstream(from: number): number {
    const index = indexOf(this.bytes, 'endstream', from);
    if (index < 0) throw new PdfSyntaxError('stream without endstream', from);
    let end = index;
    if (this.bytes[end - 1] === 0x0a) end -= 1;
    if (this.bytes[end - 1] === 0x0d) end -= 1;
    return Math.max(from, end);
  }
}

/** The first offset of the ASCII text at or after `from`, -1 when absent. */
export function indexOf(bytes: Uint8Array, text: string, from = 0, to = bytes.length): number {
  const first = text.charCodeAt(0);
  const last = Math.min(to, bytes.length) - text.length;
  outer: for (let index = Math.max(0, from); index <= last; index += 1) {
    if (bytes[index] !== first) continue;
    for (let offset = 1; offset < text.length; offset += 1) {
      if (bytes[index + offset] !== text.charCodeAt(offset)) continue outer;
    }
    return index;
  }
  return -1;
}

/** The last offset of the ASCII text before `before`, -1 when absent. */
export function lastIndexOf(bytes: Uint8Array, text: string, before = bytes.length, from = 0): number {
  const first = text.charCodeAt(0);
  outer: for (let index = Math.min(before, bytes.length) - text.length; index >= from; index -= 1) {
    if (bytes[index] !== first) continue;
    for (let offset = 1; offset < text.length; offset += 1) {
      if (bytes[index + offset] !== text.charCodeAt(offset)) continue outer;
    }
    return index;
  }
  return -1;
}

/** The decoded data of a stream: FlateDecode (with PNG or TIFF predictors) or no filter; anything else is refused. */
export function decodeStream(stream: PdfStream): Uint8Array {
  const filterValue = stream.dict.get('Filter');
  const filters = filterValue instanceof PdfName ? [filterValue.name] : Array.isArray(filterValue) ? filterValue.map((item) => (item instanceof PdfName ? item.name : '?')) : [];
  const parmsValue = stream.dict.get('DecodeParms');
  const parmsList = Array.isArray(parmsValue) ? parmsValue : [parmsValue];
  let data = stream.raw;
  filters.forEach((filter, index) => {
    if (filter !== 'FlateDecode' && filter !== 'Fl') throw new PdfSyntaxError(`unsupported filter ${filter}`, 0);
    data = unzlibSync(data);
    const parms = parmsList[index];
    if (parms instanceof PdfDict) data = unpredict(data, parms);
  });
  return data;
}

function unpredict(data: Uint8Array, parms: PdfDict): Uint8Array {
  const predictor = typeof parms.get('Predictor') === 'number' ? (parms.get('Predictor') as number) : 1;
  if (predictor < 10) return data;
  const colors = typeof parms.get('Colors') === 'number' ? (parms.get('Colors') as number) : 1;
  const bits = typeof parms.get('BitsPerComponent') === 'number' ? (parms.get('BitsPerComponent') as number) : 8;
  const columns = typeof parms.get('Columns') === 'number' ? (parms.get('Columns') as number) : 1;
  const bytesPerPixel = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let row = 0; row < rows; row += 1) {
    const type = data[row * (rowLength + 1)];
    const input = row * (rowLength + 1) + 1;
    const output = row * rowLength;
    for (let column = 0; column < rowLength; column += 1) {
      const raw = data[input + column];
      const left = column >= bytesPerPixel ? out[output + column - bytesPerPixel] : 0;
      const up = row > 0 ? out[output - rowLength + column] : 0;
      const upLeft = row > 0 && column >= bytesPerPixel ? out[output - rowLength + column - bytesPerPixel] : 0;
      let value = raw;
      if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + ((left + up) >> 1);
      else if (type === 4) {
        const estimate = left + up - upLeft;
        const pa = Math.abs(estimate - left);
        const pb = Math.abs(estimate - up);
        const pc = Math.abs(estimate - upLeft);
        value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      }
      out[output + column] = value & 0xff;
    }
  }
  return out;
}

/** True when two values are the same (streams: same dictionary and same raw bytes). */
export function sameValue(a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (a instanceof PdfName) return b instanceof PdfName && a.name === b.name;
  if (a instanceof PdfRef) return b instanceof PdfRef && a.num === b.num && a.gen === b.gen;
  if (a instanceof PdfString) return b instanceof PdfString && sameBytes(a.bytes, b.bytes);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  if (a instanceof PdfStream) return b instanceof PdfStream && sameValue(a.dict, b.dict) && sameBytes(a.raw, b.raw);
  if (!(b instanceof PdfDict) || !(a instanceof PdfDict) || a.entries.size !== b.entries.size) return false;
  for (const [key, value] of a.entries) {
    if (!sameValue(value, b.entries.get(key))) return false;
  }
  return true;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) {
    if (a[index] !== b[index]) return false;
  }
  return true;
}
