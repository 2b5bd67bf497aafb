/**
 * Reads one entry of a zip archive (a .docx) with node:zlib, without a zip library. Sizes are capped
 * so a crafted archive cannot exhaust memory (zip bombs: declared sizes can lie, so the inflate itself
 * is bounded by `maxOutputLength`).
 */
import { inflateRawSync } from 'node:zlib';

/** Raised for archives that are not readable zips or exceed the limits. */
export class ZipError extends Error {}

const maxEntries = 5000;

/** The bytes of the entry `name`, or undefined when the archive has no such entry. */
export function readZipEntry(archive: Uint8Array, name: string, maxBytes = 20 * 1024 * 1024): Uint8Array | undefined {
  const view = new DataView(archive.buffer, archive.byteOffset, archive.byteLength);
  let eocd = -1;
  for (let i = archive.byteLength - 22; i >= Math.max(0, archive.byteLength - 22 - 65535); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('The file is not a zip archive (no end of central directory).');
  const entries = view.getUint16(eocd + 10, true);
  if (entries > maxEntries) throw new ZipError(`The archive has more than ${maxEntries} entries.`);
  let offset = view.getUint32(eocd + 16, true);
  for (let n = 0; n < entries; n += 1) {
    if (offset + 46 > archive.byteLength || view.getUint32(offset, true) !== 0x02014b50) throw new ZipError('The zip central directory is damaged.');
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const entryName = new TextDecoder().decode(archive.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
    if (entryName !== name) continue;
    if (localOffset + 30 > archive.byteLength || view.getUint32(localOffset, true) !== 0x04034b50) throw new ZipError('A zip local header is damaged.');
    const dataStart = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const data = archive.subarray(dataStart, dataStart + compressedSize);
    if (method === 0) {
      if (data.byteLength > maxBytes) throw new ZipError(`The entry ${name} is larger than ${maxBytes} bytes.`);
      return data;
    }
    if (method !== 8) throw new ZipError(`The entry ${name} uses an unsupported compression method (${method}).`);
    try {
      return new Uint8Array(inflateRawSync(data, { maxOutputLength: maxBytes }));
    } catch (error) {
      throw new ZipError(`The entry ${name} cannot be inflated within ${maxBytes} bytes: ${(error as Error).message}`);
    }
  }
  return undefined;
}
