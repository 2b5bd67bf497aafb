/**
 * The register's upload: each dropped file is checked (a .docx by the forms engine) and stored with its
 * kind, phase and check summary. Interim until wp/docs' `checkAndRegisterDocument` (the single upload
 * path of register, intake and Word) is merged; then this calls it per file.
 */
import type { CheckSummary, DocumentKind, DocumentPhase } from '../domain/types';
import type { StoredDocument } from '../data/ports';
import { AppFailure } from './failures';
import type { CheckedDocument, DocumentChecks } from './registerChecks';
import type { RegisterDocumentsPort } from './registerPorts';

/** A file to upload: its name and a way to read its bytes (a browser `File`, or bytes in tests). */
export interface UploadFile {
  readonly name: string;
  readonly bytes: () => Promise<Uint8Array>;
}

/** Progress of one file: checking, uploading, done, or failed with a coded error. */
export type UploadStep =
  | { readonly status: 'checking' }
  | { readonly status: 'uploading'; readonly summary?: CheckSummary }
  | { readonly status: 'done'; readonly stored: StoredDocument; readonly checked?: CheckedDocument }
  | { readonly status: 'failed'; readonly error: unknown };

/** File types the library accepts from the register (Word forms and PDF scans). */
export const UPLOAD_TYPES: readonly string[] = ['.docx', '.pdf'];

const hasUploadType = (fileName: string): boolean => UPLOAD_TYPES.some((type) => fileName.toLowerCase().endsWith(type));
const isDocx = (fileName: string): boolean => /\.docx$/i.test(fileName);

/** Checks and stores the files in order; a failed file does not stop the others. */
export async function uploadDocuments(
  deps: { readonly documents: RegisterDocumentsPort; readonly checks: DocumentChecks },
  request: { readonly reference: string; readonly files: readonly UploadFile[]; readonly kind: DocumentKind | 'auto'; readonly phase: DocumentPhase; readonly hasMandate: boolean },
  onStep: (index: number, step: UploadStep) => void
): Promise<void> {
  const { reference, files, kind, phase, hasMandate } = request;
  // The dossier's folder is created with its first document.
  let folderReady: Promise<void> | undefined;
  for (const [index, file] of files.entries()) {
    onStep(index, { status: 'checking' });
    try {
      if (!hasUploadType(file.name)) throw new AppFailure('app.error.uploadType', { fileName: file.name });
      const bytes = await file.bytes();
      const checked = isDocx(file.name) ? await deps.checks.checkBytes(bytes, file.name, phase, hasMandate) : undefined;
      const documentKind = kind === 'auto' ? (checked?.form.formType as DocumentKind | undefined) : kind;
      if (!documentKind) throw new AppFailure('app.error.uploadKindUnknown', { fileName: file.name });
      onStep(index, { status: 'uploading', summary: checked?.summary });
      folderReady ??= deps.documents.ensureFolder(reference);
      await folderReady;
      const stored = await deps.documents.upload(reference, file.name, bytes, { kind: documentKind, phase, check: checked?.summary });
      if (checked) deps.checks.remember(stored, checked);
      onStep(index, { status: 'done', stored, checked });
    } catch (error) {
      onStep(index, { status: 'failed', error });
    }
  }
}
