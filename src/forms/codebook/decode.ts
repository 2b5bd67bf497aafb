import { formatBytes } from '../errors';
import { CodebookImportError } from './errors';

/** Codebook files larger than this are refused before anything is decoded or parsed. */
export const MAX_CODEBOOK_BYTES = 50 * 1024 * 1024;

/** The encodings a codebook file may come in: UTF-8 (with or without BOM), UTF-16 only with its BOM. */
export type CodebookEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  readonly text: string;
  readonly encoding: CodebookEncoding;
}

/** 1-based line of a byte offset (counts LF bytes before it). */
function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code points above
 * U+10FFFF count as broken, as TextDecoder's fatal mode sees them); -1 when the bytes are valid.
 * Only run after the decoder refused, to name the line.
 */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0): number {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Refuses an empty or oversized codebook file by its size alone, so a host can refuse a 1 GB upload
 * before reading it into memory (the register's import does).
 */
export function assertCodebookSize(size: number, fileName: string): void {
  if (size === 0) throw new CodebookImportError('empty', fileName);
  if (size > MAX_CODEBOOK_BYTES) {
    throw new CodebookImportError('tooLarge', fileName, { size: formatBytes(size), max: formatBytes(MAX_CODEBOOK_BYTES) });
  }
}

/**
 * Decodes an untrusted codebook file: refuses empty and oversized files before decoding, accepts
 * UTF-8 (BOM dropped) and UTF-16 with a BOM, and refuses everything else by name — UTF-32, UTF-16
 * without a BOM (NUL bytes), bytes that are not UTF-8 (Latin-1/Windows-1252 exports) with their line —
 * rather than guessing and importing garbled names.
 */
export function decodeCodebookBytes(bytes: Uint8Array, fileName: string): DecodedText {
  assertCodebookSize(bytes.length, fileName);
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    throw new CodebookImportError('encoding', fileName, { encoding: 'UTF-32' });
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding: CodebookEncoding = b0 === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes), encoding };
    } catch {
      throw new CodebookImportError('encoding', fileName, { encoding: `${encoding.toUpperCase()} (ongeldig / invalid)` });
    }
  }
  const hasBom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  // UTF-16 without a BOM shows as NUL bytes between ASCII letters; no text codebook holds NUL.
  const probe = Math.min(bytes.length, 4096);
  for (let i = 0; i < probe; i++) {
    if (bytes[i] === 0) throw new CodebookImportError('utf16WithoutBom', fileName, { line: String(lineOfOffset(bytes, i)) });
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const offset = firstInvalidUtf8(bytes, hasBom ? 3 : 0);
    const line = offset < 0 ? '?' : String(lineOfOffset(bytes, offset));
    const byte = offset < 0 ? '?' : `0x${bytes[offset].toString(16).toUpperCase().padStart(2, '0')}`;
    throw new CodebookImportError('notUtf8', fileName, { line, byte });
  }
}
