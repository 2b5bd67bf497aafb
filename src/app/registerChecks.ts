/**
 * The form checks of stored documents, cached per document version so the panel, the dialogs and the
 * annotated download read and check a file once. Checks run in the dossier's context (phase of the
 * stored document, mandate from its documents) by the domain's `checkContextFor`.
 */
import { checkContextFor, checkPhaseForDocumentPhase, hasMandateDocument } from '../domain/documentRules';
import type { ScopeInForceFacts } from '../domain/scope';
import type { DocumentKind, DocumentRegistration, IsoDate, IsoDateTime, Project, StateId } from '../domain/types';
import type { StoredDocument } from '../data/ports';
import type { Finding } from '../forms/types';
import { projectFromForm, registrationOf } from './formFacts';
import { checkDocx, loadFormsEngine, type CheckedDocument, type CodebookLoader, type FormsEngine } from './formsEngine';
import type { RegisterDocumentsPort } from './registerPorts';

export type { CheckedDocument };

/** The forms engine with the annotator (the register's annotated copy). */
export type RegisterFormsEngine = FormsEngine & Pick<typeof import('../forms'), 'annotate'> & Partial<Pick<typeof import('../forms'), 'CHECK_MESSAGES'>>;

/** Loads the forms engine (a lazy chunk in the browser). */
export type RegisterFormsEngineLoader = () => Promise<RegisterFormsEngine>;

/** The dossier as far as a check needs it. */
export interface DossierForCheck {
  readonly reference: string;
  readonly state?: StateId;
  readonly documents: readonly { readonly kind?: DocumentKind }[];
  /** A simplified dossier: the scope in force of its protocol, which its forms are checked against. */
  readonly scopeInForce?: ScopeInForceFacts;
}

/** Checks with a per-version cache. */
export interface DocumentChecks {
  /** Reads and checks a stored .docx (once per id, version and mandate context). */
  checkStored(dossier: DossierForCheck, document: StoredDocument): Promise<CheckedDocument>;
  /** Remembers the check of a document just stored, made in the context of `dossier`. */
  remember(dossier: DossierForCheck, document: StoredDocument, checked: CheckedDocument): void;
  /** What a command registers for a document (signatory from the checked form). */
  registrationOf(document: StoredDocument, checked?: CheckedDocument): DocumentRegistration | undefined;
  /** The project as a checked application form states it (undefined when not checked yet). */
  projectOf(document: StoredDocument): Project | undefined;
  /** A copy of the .docx with one Word comment per finding (ids hidden when the kind is a form's). */
  annotate(bytes: Uint8Array, findings: readonly Finding[], author: string, now: IsoDateTime, documentKind?: DocumentKind): Promise<Uint8Array>;
}

const versionKey = (document: Pick<StoredDocument, 'id' | 'version'>): string => `${document.id}@${document.version}`;
/**
 * A check depends on the document's version, on the dossier's mandate context (a delegate's signature
 * needs a mandate in the dossier), on the scope in force (a simplified form is measured against it) and
 * on the codebooks: a mandate that arrives later, an addendum countersigned since, or an import in the
 * "Codeboeken" view makes a new check.
 */
const checkKeyOf = (document: Pick<StoredDocument, 'id' | 'version'>, dossier: DossierForCheck, codebooks?: CodebookLoader): string =>
  `${versionKey(document)}@${hasMandateDocument(dossier.documents) ? 'mandate' : 'no-mandate'}@${dossier.scopeInForce ? JSON.stringify(dossier.scopeInForce) : 'no-scope'}@${codebooks?.generation ?? 0}`;

/** Document checks over the library port; `today` dates the checks; with `codebooks` the variables are checked against them. */
export function createDocumentChecks(
  documents: Pick<RegisterDocumentsPort, 'download'>,
  today: () => IsoDate,
  engine: RegisterFormsEngineLoader = loadFormsEngine,
  codebooks?: CodebookLoader
): DocumentChecks {
  const cache = new Map<string, Promise<CheckedDocument>>();
  const done = new Map<string, CheckedDocument>();
  return {
    checkStored(dossier, document) {
      const key = checkKeyOf(document, dossier, codebooks);
      const cached = cache.get(key);
      if (cached) return cached;
      const pending = (async (): Promise<CheckedDocument> => {
        const bytes = await documents.download(dossier.reference, document.fileName);
        const context = checkContextFor(dossier, today(), checkPhaseForDocumentPhase(document.phase ?? 'draft'));
        const checked = await checkDocx(await engine(), bytes, document.fileName, context, codebooks);
        done.set(versionKey(document), checked);
        return checked;
      })();
      cache.set(key, pending);
      // A failed read is not kept: asking again retries (the caller shows the failure).
      pending.catch(() => cache.delete(key));
      return pending;
    },
    remember(dossier, document, checked) {
      cache.set(checkKeyOf(document, dossier, codebooks), Promise.resolve(checked));
      done.set(versionKey(document), checked);
    },
    registrationOf: (document, checked) => registrationOf(document, checked),
    projectOf: (document) => projectFromForm(done.get(versionKey(document))?.form),
    async annotate(bytes, findings, author, now, documentKind) {
      return (await engine()).annotate(bytes, findings, [], author, now, documentKind ? { documentKind } : {});
    }
  };
}
