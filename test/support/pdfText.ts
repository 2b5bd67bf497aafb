/**
 * A small, pure reader of the text a PDF shows, for tests: walks each page's content streams (and the
 * form XObjects they draw) and decodes every text-showing operator (`Tj`, `TJ`, `'`, `"`) with its
 * font (a `/ToUnicode` CMap when there is one, else one byte per character, Latin-1 as WinAnsi is
 * for ASCII and most accented letters). Positions are ignored: the result is the sequence of shown
 * strings, which is what "the text of the page is unchanged" compares. Also reads the normal
 * appearances of a page's visible annotations the same way.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';
import type { PDFObject, PDFPage } from 'pdf-lib';

type Token = { kind: 'op'; value: string } | { kind: 'string'; bytes: number[] } | { kind: 'name'; value: string } | { kind: 'other' } | { kind: 'open' } | { kind: 'close' };

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** Tokens of a content stream (inline images skipped). */
export function tokenize(content: Uint8Array): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = content.length;
  while (i < n) {
    const c = content[i];
    if (WHITESPACE.has(c)) {
      i++;
    } else if (c === 0x25) {
      while (i < n && content[i] !== 0x0a && content[i] !== 0x0d) i++;
    } else if (c === 0x28) {
      const bytes: number[] = [];
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const b = content[i];
        if (b === 0x5c) {
          const next = content[i + 1];
          const escapes: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
          if (next in escapes) {
            bytes.push(escapes[next]);
            i += 2;
          } else if (next >= 0x30 && next <= 0x37) {
            let octal = '';
            i++;
            while (octal.length < 3 && content[i] >= 0x30 && content[i] <= 0x37) octal += String.fromCharCode(content[i++]);
            bytes.push(parseInt(octal, 8) & 0xff);
          } else if (next === 0x0d || next === 0x0a) {
            i += next === 0x0d && content[i + 2] === 0x0a ? 3 : 2;
          } else {
            i++;
          }
          continue;
        }
        if (b === 0x28) depth++;
        if (b === 0x29) depth--;
        if (depth > 0) bytes.push(b);
        i++;
      }
      tokens.push({ kind: 'string', bytes });
    } else if (c === 0x3c && content[i + 1] === 0x3c) {
      tokens.push({ kind: 'other' });
      i += 2;
    } else if (c === 0x3e && content[i + 1] === 0x3e) {
      tokens.push({ kind: 'other' });
      i += 2;
    } else if (c === 0x3c) {
      let hex = '';
      i++;
      while (i < n && content[i] !== 0x3e) {
        if (!WHITESPACE.has(content[i])) hex += String.fromCharCode(content[i]);
        i++;
      }
      i++;
      if (hex.length % 2) hex += '0';
      const bytes: number[] = [];
      for (let k = 0; k < hex.length; k += 2) bytes.push(parseInt(hex.slice(k, k + 2), 16));
      tokens.push({ kind: 'string', bytes });
    } else if (c === 0x5b) {
      tokens.push({ kind: 'open' });
      i++;
    } else if (c === 0x5d) {
      tokens.push({ kind: 'close' });
      i++;
    } else if (c === 0x2f) {
      let value = '';
      i++;
      while (i < n && !WHITESPACE.has(content[i]) && !DELIMITERS.has(content[i])) value += String.fromCharCode(content[i++]);
      tokens.push({ kind: 'name', value });
    } else {
      let word = '';
      while (i < n && !WHITESPACE.has(content[i]) && !DELIMITERS.has(content[i])) word += String.fromCharCode(content[i++]);
      if (word === '') {
        i++;
        continue;
      }
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) tokens.push({ kind: 'other' });
      else if (word === 'true' || word === 'false' || word === 'null') tokens.push({ kind: 'other' });
      else if (word === 'ID') {
        // Inline image data up to "EI" after whitespace.
        i++;
        while (i < n && !(WHITESPACE.has(content[i - 1]) && content[i] === 0x45 && content[i + 1] === 0x49 && (i + 2 >= n || WHITESPACE.has(content[i + 2])))) i++;
        i += 2;
      } else tokens.push({ kind: 'op', value: word });
    }
  }
  return tokens;
}

function streamBytes(stream: PDFStream): Uint8Array {
  return stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
}

interface FontDecoder {
  decode(bytes: readonly number[]): string;
}

function hexBytes(hex: string): number[] {
  const out: number[] = [];
  for (let k = 0; k < hex.length; k += 2) out.push(parseInt(hex.slice(k, k + 2), 16));
  return out;
}

function utf16(hex: string): string {
  const bytes = hexBytes(hex);
  let text = '';
  for (let k = 0; k + 1 < bytes.length; k += 2) text += String.fromCharCode((bytes[k] << 8) | bytes[k + 1]);
  return text;
}

/** A ToUnicode CMap: bfchar and bfrange entries, code length from the codespace range. */
function toUnicodeDecoder(cmap: string): FontDecoder {
  const map = new Map<number, string>();
  const codespace = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(cmap);
  const width = codespace ? codespace[1].length / 2 : 2;
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const entry of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(entry[1], 16), utf16(entry[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const entry of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const low = parseInt(entry[1], 16);
      const high = parseInt(entry[2], 16);
      if (entry[3].startsWith('[')) {
        const items = [...entry[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((item) => utf16(item[1]));
        items.forEach((item, index) => map.set(low + index, item));
      } else {
        const start = entry[3].slice(1, -1);
        const base = utf16(start);
        for (let code = low; code <= high; code++) {
          map.set(code, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (code - low)));
        }
      }
    }
  }
  return {
    decode: (bytes) => {
      let text = '';
      for (let k = 0; k + width <= bytes.length; k += width) {
        let code = 0;
        for (let j = 0; j < width; j++) code = (code << 8) | bytes[k + j];
        text += map.get(code) ?? '\ufffd';
      }
      return text;
    }
  };
}

const latin1Decoder: FontDecoder = { decode: (bytes) => String.fromCharCode(...bytes) };

function fontDecoder(resources: PDFDict | undefined, fontName: string): FontDecoder {
  const fonts = resources?.lookup(PDFName.of('Font'));
  const font = fonts instanceof PDFDict ? fonts.lookup(PDFName.of(fontName)) : undefined;
  if (!(font instanceof PDFDict)) return latin1Decoder;
  const toUnicode = font.lookup(PDFName.of('ToUnicode'));
  if (toUnicode instanceof PDFStream) return toUnicodeDecoder(Buffer.from(streamBytes(toUnicode)).toString('latin1'));
  return latin1Decoder;
}

/** The strings a content stream shows, in order, following form XObjects. */
export function contentText(content: Uint8Array, resources: PDFDict | undefined, depth = 0): string[] {
  const shown: string[] = [];
  let decoder = latin1Decoder;
  const operands: Token[] = [];
  let arrayDepth = 0;
  let arrayStrings: number[][] = [];
  for (const token of tokenize(content)) {
    if (token.kind === 'open') {
      arrayDepth++;
      arrayStrings = [];
      continue;
    }
    if (token.kind === 'close') {
      arrayDepth--;
      operands.push({ kind: 'other' });
      continue;
    }
    if (arrayDepth > 0) {
      if (token.kind === 'string') arrayStrings.push(token.bytes);
      continue;
    }
    if (token.kind !== 'op') {
      operands.push(token);
      continue;
    }
    const last = operands[operands.length - 1];
    switch (token.value) {
      case 'Tf': {
        const fontToken = operands[operands.length - 2];
        if (fontToken?.kind === 'name') decoder = fontDecoder(resources, fontToken.value);
        break;
      }
      case 'Tj':
      case "'":
      case '"':
        if (last?.kind === 'string') shown.push(decoder.decode(last.bytes));
        break;
      case 'TJ':
        shown.push(arrayStrings.map((bytes) => decoder.decode(bytes)).join(''));
        break;
      case 'Do': {
        if (last?.kind !== 'name' || depth > 10) break;
        const xObjects = resources?.lookup(PDFName.of('XObject'));
        const xObject = xObjects instanceof PDFDict ? xObjects.lookup(PDFName.of(last.value)) : undefined;
        if (xObject instanceof PDFStream && String(xObject.dict.get(PDFName.of('Subtype'))) === '/Form') {
          const own = xObject.dict.lookup(PDFName.of('Resources'));
          shown.push(...contentText(streamBytes(xObject), own instanceof PDFDict ? own : resources, depth + 1));
        }
        break;
      }
      default:
        break;
    }
    operands.length = 0;
  }
  return shown;
}

function pageContentBytes(page: PDFPage): Uint8Array {
  const contents = page.node.Contents();
  const streams: PDFStream[] = contents instanceof PDFStream ? [contents] : [];
  if (contents instanceof PDFArray) {
    for (let k = 0; k < contents.size(); k++) {
      const item = contents.lookup(k);
      if (item instanceof PDFStream) streams.push(item);
    }
  }
  return Buffer.concat(streams.flatMap((stream) => [Buffer.from(streamBytes(stream)), Buffer.from('\n')]));
}

/** Per page: the strings its content shows, and those of its visible annotations' appearances. */
export async function pdfTexts(bytes: Uint8Array): Promise<{ readonly pages: string[][]; readonly annotations: string[][] }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages: string[][] = [];
  const annotations: string[][] = [];
  for (const page of doc.getPages()) {
    pages.push(contentText(pageContentBytes(page), page.node.Resources()));
    const shown: string[] = [];
    const annots = page.node.Annots();
    for (let k = 0; k < (annots?.size() ?? 0); k++) {
      const annot = annots!.lookup(k);
      if (!(annot instanceof PDFDict)) continue;
      const flags = annot.lookup(PDFName.of('F'));
      if (flags instanceof PDFNumber && (flags.asNumber() & (2 | 32)) !== 0) continue;
      const ap = annot.lookup(PDFName.of('AP'));
      let normal: PDFObject | undefined = ap instanceof PDFDict ? ap.lookup(PDFName.of('N')) : undefined;
      if (normal instanceof PDFDict && !(normal instanceof PDFStream)) {
        const state = annot.lookup(PDFName.of('AS'));
        normal = state instanceof PDFName ? normal.lookup(state) : undefined;
      }
      if (normal instanceof PDFRef) normal = doc.context.lookup(normal);
      if (!(normal instanceof PDFStream)) continue;
      const own = normal.dict.lookup(PDFName.of('Resources'));
      shown.push(...contentText(streamBytes(normal), own instanceof PDFDict ? own : undefined));
    }
    annotations.push(shown);
  }
  return { pages, annotations };
}

/** Every stream of the file decoded (where pdf-lib can), for searching what a file holds. */
export async function decodedStreams(bytes: Uint8Array): Promise<Uint8Array[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const out: Uint8Array[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFStream)) continue;
    try {
      out.push(streamBytes(object));
    } catch {
      out.push(object.getContents());
    }
  }
  return out;
}
