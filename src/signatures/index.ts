/**
 * Verification of a signed file, whatever it is: a PDF (`%PDF-`) goes to the PDF verifier; a Word
 * document (a zip, `PK`) to the Office verifier (not yet part of this build: the report says so);
 * anything else is reported as neither.
 */
import type { DocumentSignatureReport } from '../domain/signatures';
import type { VerifyOptions } from './options';
import { readAnchors, verifyPdfSignatures } from './pdf';

export type { VerifyOptions } from './options';
export { verifyPdfSignatures } from './pdf';

/** What the first bytes say the file is. */
export function sniffFormat(bytes: Uint8Array): 'pdf' | 'docx' | 'unknown' {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  return 'unknown';
}

/** The report of every signature of the file. */
export async function verifySignatures(bytes: Uint8Array, fileName: string, options: VerifyOptions): Promise<DocumentSignatureReport> {
  const format = sniffFormat(bytes);
  if (format === 'pdf') return verifyPdfSignatures(bytes, fileName, options);
  const anchors = await readAnchors(options.trustAnchors);
  return {
    fileName,
    format,
    readable: false,
    error: format === 'docx' ? { code: 'notPdfOrDocx', params: { reason: 'docxNotSupported' } } : { code: 'notPdfOrDocx' },
    revisions: 0,
    signatures: [],
    verifiedAt: options.at ?? options.now,
    trustAnchors: anchors.fingerprints
  };
}
