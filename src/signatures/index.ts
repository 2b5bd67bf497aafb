/**
 * Verification of a signed file, whatever it is: a PDF (`%PDF-` in its first kilobyte) goes to the PDF
 * verifier, a zip (`PK\x03\x04`, a Word document) to the Office verifier; anything else is reported as
 * neither, without reading further.
 */
import type { DocumentSignatureReport } from '../domain/signatures';
import { verifyDocxSignatures } from './docx';
import type { VerifyOptions } from './options';
import { readAnchors, verifyPdfSignatures } from './pdf';

export type { VerifyOptions } from './options';
export { verifyPdfSignatures } from './pdf';
export { verifyDocxSignatures } from './docx';

/** What the first bytes say the file is. */
export function sniffFormat(bytes: Uint8Array): 'pdf' | 'docx' | 'unknown' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-') ? 'pdf' : 'unknown';
}

/** The report of every signature of the file. */
export async function verifySignatures(bytes: Uint8Array, fileName: string, options: VerifyOptions): Promise<DocumentSignatureReport> {
  const format = sniffFormat(bytes);
  if (format === 'pdf') return verifyPdfSignatures(bytes, fileName, options);
  if (format === 'docx') return verifyDocxSignatures(bytes, fileName, options);
  const anchors = await readAnchors(options.trustAnchors);
  return {
    fileName,
    format: 'unknown',
    readable: false,
    error: { code: 'notPdfOrDocx' },
    revisions: 0,
    signatures: [],
    verifiedAt: options.at ?? options.now,
    trustAnchors: anchors.fingerprints
  };
}
