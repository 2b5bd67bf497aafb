/**
 * The register's upload of dropped files: each file goes through the one registration path
 * (`checkAndRegisterDocument`: file type, check in the dossier's context, kind, store), with per-file
 * progress for the panel.
 */
import type { CheckSummary, DocumentKind, DocumentPhase, IsoDate } from '../domain/types';
import type { StoredDocument } from '../data/ports';
import { checkAndRegisterDocument, ensuringFolderOnce, type DossierForRegistration } from './checkAndRegisterDocument';
import type { CheckedDocument, CodebookLoader, FormsEngineLoader } from './formsEngine';
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

/** Checks and stores the files in order; a failed file does not stop the others. */
export async function uploadDocuments(
  deps: {
    readonly documents: Pick<RegisterDocumentsPort, 'ensureFolder' | 'upload'>;
    readonly loadFormsEngine: FormsEngineLoader;
    readonly today: () => IsoDate;
    readonly codebooks?: CodebookLoader;
  },
  request: { readonly dossier: DossierForRegistration; readonly files: readonly UploadFile[]; readonly kind: DocumentKind | 'auto'; readonly phase: DocumentPhase },
  onStep: (index: number, step: UploadStep) => void
): Promise<void> {
  // The dossier's folder is created with its first document, not once per file.
  const registration = { ...deps, documents: ensuringFolderOnce(deps.documents) };
  for (const [index, file] of request.files.entries()) {
    onStep(index, { status: 'checking' });
    try {
      let checked: CheckedDocument | undefined;
      const registered = await checkAndRegisterDocument(
        registration,
        request.dossier,
        { fileName: file.name, bytes: await file.bytes(), kind: request.kind, phase: request.phase },
        {
          onChecked: (result) => {
            checked = result;
            onStep(index, { status: 'uploading', summary: result?.summary });
          }
        }
      );
      onStep(index, { status: 'done', stored: registered.document, checked });
    } catch (error) {
      onStep(index, { status: 'failed', error });
    }
  }
}
