/**
 * The publication version of a signed original (step 5 of the procedure: "a publication version in
 * which the signature data can no longer be consulted").
 *
 * - A PDF becomes a fresh PDF whose pages look the same (the visible signature appearances drawn as page
 *   content) without signature fields, CMS, certificates, earlier revisions, form fields, annotations
 *   or metadata naming a person (`./pdf.ts`).
 * - A .docx becomes a clean .docx without the digital signatures and the signature lines' hidden data
 *   (`./docx.ts`); `format: 'docx'` tells the caller to convert it with its PdfConverter (LibreOffice
 *   locally, Graph in Microsoft 365) and, preferably, to pass that PDF through here once more.
 *
 * Pure: pdf-lib, fflate and @xmldom/xmldom only; runs in the browser, the Word add-in and Node.
 */
import { publicationDocx } from './docx';
import { looksLikePdf, publicationPdf } from './pdf';
import { PublicationVersionError } from './errors';

export { PublicationVersionError, isPublicationVersionError } from './errors';
export type { PublicationVersionErrorCode } from './errors';

/** What `makePublicationVersion` returns. */
export interface PublicationVersion {
  readonly bytes: Uint8Array;
  /** `<original name without extension>-publicatie.pdf` (or `.docx` for a Word original). */
  readonly fileName: string;
  /** `docx`: still to be converted to PDF by the caller. */
  readonly format: 'pdf' | 'docx';
}

/** `protocol-ondertekend.pdf` → `protocol-ondertekend-publicatie.pdf` (as `publicationFileName` in the mail service). */
export function publicationVersionFileName(fileName: string, format: 'pdf' | 'docx'): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return `${base.replace(/-publicatie$/, '')}-publicatie.${format}`;
}

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** Which kind of original the bytes are, by content first and by name for Word's encrypted (OLE) files. */
function formatOf(bytes: Uint8Array, fileName: string): 'pdf' | 'docx' | undefined {
  if (looksLikePdf(bytes)) return 'pdf';
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (startsWith(bytes, ZIP_MAGIC) && extension !== 'pdf') return 'docx';
  // A password-protected .docx is an OLE compound file: the docx path reports it as encrypted.
  if (startsWith(bytes, OLE_MAGIC) && extension === 'docx') return 'docx';
  if (extension === 'pdf' && bytes.length > 0) return 'pdf';
  return undefined;
}

/**
 * Makes the publication version of a signed PDF or .docx. Throws a `PublicationVersionError` (code
 * with params, Dutch and English message) for a file that is not a PDF or .docx, is encrypted or
 * cannot be read, and never returns a partial result.
 */
export async function makePublicationVersion(bytes: Uint8Array, fileName: string): Promise<PublicationVersion> {
  const format = formatOf(bytes, fileName);
  if (format === 'pdf') return { bytes: await publicationPdf(bytes, fileName), fileName: publicationVersionFileName(fileName, 'pdf'), format };
  if (format === 'docx') return { bytes: publicationDocx(bytes, fileName), fileName: publicationVersionFileName(fileName, 'docx'), format };
  throw new PublicationVersionError('app.error.publicationUnsupportedFile', { fileName });
}
