/**
 * The one path by which a document enters a dossier: the register upload, the mail intake and any
 * other host store a file through here, so each file is checked against the same rules (file type,
 * check phase, mandate context, kind) and stored with the same columns.
 */
import { checkContextFor, checkPhaseForDocumentPhase, checkPhaseForState, documentFileTypeOf } from '../domain/documentRules';
import type { ScopeInForceFacts } from '../domain/scope';
import type { CheckSummary, DocumentKind, DocumentPhase, IsoDate, StateId } from '../domain/types';
import type { DocumentLibrary, StoredDocument } from '../data/ports';
import type { Finding, FormDocument } from '../forms/types';
import { AppError } from './appError';
import { checkDocx, type CheckedDocument, type FormsEngineLoader } from './formsEngine';

/** The dossier as far as registering a document needs it. */
export interface DossierForRegistration {
  readonly reference: string;
  /** undefined: the dossier is not loaded; forms are then checked as drafts. */
  readonly state?: StateId;
  /** The documents the dossier already holds (for the mandate); stored or registered. */
  readonly documents: readonly { readonly kind?: DocumentKind }[];
  /** A simplified dossier: the scope in force of its protocol (the `scopeChange` check), when known. */
  readonly scopeInForce?: ScopeInForceFacts;
}

/** A file to check and store. */
export interface DocumentToRegister {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** `auto`: the kind the form says it is (a PDF then cannot be stored). */
  readonly kind: DocumentKind | 'auto';
  /** The phase to store it under; default: the check phase of the dossier's state. */
  readonly phase?: DocumentPhase;
  /** The file's MIME type when its name has no extension (mail attachments). */
  readonly contentType?: string;
}

/** Ports and clock of the registration. */
export interface DocumentRegistrationDeps {
  readonly documents: Pick<DocumentLibrary, 'ensureFolder' | 'upload'>;
  readonly loadFormsEngine: FormsEngineLoader;
  /** Today as ISO date; checks never read the clock. */
  readonly today: () => IsoDate;
}

/** What was stored. */
export interface RegisteredDocument {
  readonly document: StoredDocument;
  readonly kind: DocumentKind;
  readonly phase: DocumentPhase;
  /** Present for a .docx: the form as read. */
  readonly form?: FormDocument;
  readonly findings: readonly Finding[];
  /** Present for a .docx: the counts stored with the document. */
  readonly summary?: CheckSummary;
}

/** Options of one registration. */
export interface RegistrationOptions {
  /** Called once the file is checked, before it is stored (the register shows the counts while uploading). */
  readonly onChecked?: (checked: CheckedDocument | undefined) => void;
}

/**
 * Checks a file and stores it in the dossier's folder: refuses a type the dossier does not accept
 * (`app.error.unsupportedFileType`), reads and checks a .docx in the phase and mandate context of the
 * dossier, takes the kind asked for or the form's own (`app.error.documentKindUnknown` when neither
 * says), creates the folder if needed and uploads with kind, phase and check summary. An unreadable
 * .docx fails with the forms engine's `FormReadError`; port failures with their `DataError`.
 */
export async function checkAndRegisterDocument(
  deps: DocumentRegistrationDeps,
  dossier: DossierForRegistration,
  file: DocumentToRegister,
  options: RegistrationOptions = {}
): Promise<RegisteredDocument> {
  const fileType = documentFileTypeOf(file.fileName, file.contentType);
  if (!fileType) throw new AppError('app.error.unsupportedFileType', { fileName: file.fileName });
  const phase: DocumentPhase = file.phase ?? checkPhaseForState(dossier.state);
  let checked: CheckedDocument | undefined;
  if (fileType.type === 'docx') {
    const context = checkContextFor(dossier, deps.today(), checkPhaseForDocumentPhase(phase));
    checked = await checkDocx(await deps.loadFormsEngine(), file.bytes, file.fileName, context);
  }
  const kind = file.kind === 'auto' ? checked?.form.formType : file.kind;
  if (!kind) throw new AppError('app.error.documentKindUnknown', { fileName: file.fileName });
  options.onChecked?.(checked);
  await deps.documents.ensureFolder(dossier.reference);
  const document = await deps.documents.upload(dossier.reference, file.fileName, file.bytes, {
    kind,
    phase,
    ...(checked ? { check: checked.summary } : {})
  });
  return { document, kind, phase, findings: checked?.findings ?? [], ...(checked ? { form: checked.form, summary: checked.summary } : {}) };
}

/**
 * A library whose `ensureFolder` runs once per dossier (and again after a failure), for a batch of
 * uploads into the same folder: the folder is created with its first document, not once per file.
 */
export function ensuringFolderOnce(library: Pick<DocumentLibrary, 'ensureFolder' | 'upload'>): Pick<DocumentLibrary, 'ensureFolder' | 'upload'> {
  const ready = new Map<string, Promise<void>>();
  const ensureFolder = (reference: string): Promise<void> => {
    let pending = ready.get(reference);
    if (!pending) {
      pending = library.ensureFolder(reference).catch((error: unknown) => {
        // A failed creation is retried by the next file instead of failing every later one.
        ready.delete(reference);
        throw error;
      });
      ready.set(reference, pending);
    }
    return pending;
  };
  return { ensureFolder, upload: (reference, fileName, content, metadata) => library.upload(reference, fileName, content, metadata) };
}
