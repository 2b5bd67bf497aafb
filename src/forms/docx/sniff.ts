import { formatBytes, FormReadError } from '../errors';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((value, index) => bytes[index] === value);
}

/** Stream names in an OLE directory are UTF-16LE; a byte search is enough to tell the kinds apart. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) pattern[i * 2] = text.charCodeAt(i);
  const first = pattern[0];
  outer: for (let i = 0; i <= bytes.length - pattern.length; i++) {
    if (bytes[i] !== first) continue;
    for (let j = 1; j < pattern.length; j++) {
      if (bytes[i + j] !== pattern[j]) continue outer;
    }
    return true;
  }
  return false;
}

/**
 * Refuses input that cannot be a .docx before anything is inflated: empty, too large, an OLE
 * compound file (legacy .doc, or an encrypted/password-protected docx, which Office stores as OLE
 * with EncryptionInfo + EncryptedPackage streams), or anything that is not a zip.
 */
export function assertLooksLikeDocx(bytes: Uint8Array, fileName: string, maxInputBytes: number): void {
  if (bytes.length === 0) throw new FormReadError('empty', fileName);
  if (bytes.length > maxInputBytes) {
    throw new FormReadError('tooLarge', fileName, { size: formatBytes(bytes.length), max: formatBytes(maxInputBytes) });
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    if (containsUtf16(bytes, 'EncryptedPackage') || containsUtf16(bytes, 'EncryptionInfo')) {
      throw new FormReadError('encrypted', fileName);
    }
    if (containsUtf16(bytes, 'WordDocument')) throw new FormReadError('legacyDoc', fileName);
    throw new FormReadError('oleUnknown', fileName);
  }
  if (startsWith(bytes, EMPTY_ZIP_MAGIC)) throw new FormReadError('notWordDocument', fileName);
  if (!startsWith(bytes, ZIP_MAGIC)) throw new FormReadError('notZip', fileName);
}
