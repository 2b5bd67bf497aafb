/**
 * The form checks of stored and uploaded documents, cached per document version so the panel, the
 * dialogs and the annotated download read and check a file once.
 */
import type { Finding } from '../forms/types';
import type { DocumentPhase, DocumentRegistration, IsoDate, IsoDateTime, Project } from '../domain/types';
import type { StoredDocument } from '../data/ports';
// Interim: the web part's helpers until wp/docs moves them into src/app (then imported from there).
import { checkDocx, loadFormsEngine, projectFromForm, registrationOf, type CheckedDocument } from '../webparts/dossierRegister/app/documentChecks';
import type { RegisterDocumentsPort } from './registerPorts';

export type { CheckedDocument };

/** Loads the forms engine (a lazy chunk in the browser). */
export type FormsEngineLoader = typeof loadFormsEngine;

/** Checks with a per-version cache. */
export interface DocumentChecks {
  /** Reads and checks a stored .docx (once per id and version). */
  checkStored(reference: string, document: StoredDocument, hasMandate: boolean): Promise<CheckedDocument>;
  /** Checks bytes about to be stored. */
  checkBytes(bytes: Uint8Array, fileName: string, phase: DocumentPhase, hasMandate: boolean): Promise<CheckedDocument>;
  /** Remembers the check of a document just stored. */
  remember(document: StoredDocument, checked: CheckedDocument): void;
  /** What a command registers for a document (signatory from the checked form). */
  registrationOf(document: StoredDocument, checked?: CheckedDocument): DocumentRegistration | undefined;
  /** The project as a checked application form states it (undefined when not checked yet). */
  projectOf(document: StoredDocument): Project | undefined;
  /** A copy of the .docx with one Word comment per finding. */
  annotate(bytes: Uint8Array, findings: readonly Finding[], author: string, now: IsoDateTime): Promise<Uint8Array>;
}

const keyOf = (document: Pick<StoredDocument, 'id' | 'version'>): string => `${document.id}@${document.version}`;

/** Document checks over the library port; `today` dates the checks. */
export function createDocumentChecks(documents: RegisterDocumentsPort, today: () => IsoDate, formsEngine: FormsEngineLoader = loadFormsEngine): DocumentChecks {
  const cache = new Map<string, Promise<CheckedDocument>>();
  const done = new Map<string, CheckedDocument>();
  const checkBytes = (bytes: Uint8Array, fileName: string, phase: DocumentPhase, hasMandate: boolean): Promise<CheckedDocument> =>
    checkDocx(bytes, fileName, phase, today(), hasMandate);
  return {
    checkStored(reference, document, hasMandate) {
      const key = keyOf(document);
      const cached = cache.get(key);
      if (cached) return cached;
      const pending = (async (): Promise<CheckedDocument> => {
        const bytes = await documents.download(reference, document.fileName);
        const checked = await checkBytes(bytes, document.fileName, document.phase ?? 'draft', hasMandate);
        done.set(key, checked);
        return checked;
      })();
      // A failed read is not cached: asking again retries.
      cache.set(key, pending);
      pending.catch(() => cache.delete(key));
      return pending;
    },
    checkBytes,
    remember(document, checked) {
      cache.set(keyOf(document), Promise.resolve(checked));
      done.set(keyOf(document), checked);
    },
    registrationOf: (document, checked) => registrationOf(document, checked),
    projectOf: (document) => projectFromForm(done.get(keyOf(document))?.form),
    async annotate(bytes, findings, author, now) {
      const { annotate } = await formsEngine();
      return annotate(bytes, findings, [], author, now);
    }
  };
}
