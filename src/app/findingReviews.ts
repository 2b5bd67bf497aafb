/**
 * What the command service reads of a newly registered draft version for the review loop: its automatic
 * findings (the forms engine's blocking and warning results as `AutomaticFinding`s) and the fields that
 * changed since the dossier's previous draft of the same kind. The rules of how these move the findings
 * are the domain's (`reconcileFindings`); this only maps the engine's output onto them. A client's
 * `reviews` never enter: the service builds them from the files it stored.
 */
import type { DocumentKind, DocumentPhase, Dossier, DossierDocument } from '../domain/types';
import type { DocumentVersionReview } from '../domain/findings';
import type { DocumentLibrary, StoredDocument } from '../data/ports';
import { isDocxName } from '../domain/documentRules';
import type { Finding, FormDocument } from '../forms/types';
import { automaticFindingsOf } from '../forms/automaticFindings';
import { changedFieldKeys } from '../forms/diff';
import { isFormReadError } from '../forms/errors';
import type { FormsEngine } from './formsEngine';

/** A registered version as the review needs it. */
export interface RegisteredVersion {
  readonly kind: DocumentKind;
  readonly id: string;
  readonly version: string;
}

/**
 * The review of one registered version: `checked` is what the engine read and found (absent: a PDF,
 * a scan or a .docx the reader refused → `readable: false`, nothing moves); `previous` the form of
 * the dossier's previous draft of the kind (absent: no changed fields, as for a first version).
 */
export function documentVersionReview(
  registered: RegisteredVersion,
  checked: { readonly form: FormDocument; readonly findings: readonly Finding[] } | undefined,
  previous?: FormDocument
): DocumentVersionReview {
  const base = { documentKind: registered.kind, documentId: registered.id, version: registered.version };
  if (!checked) return { ...base, readable: false, automaticFindings: [] };
  return {
    ...base,
    readable: true,
    automaticFindings: automaticFindingsOf(checked.findings, checked.form),
    ...(previous ? { changedFields: changedFieldKeys(previous, checked.form) } : {})
  };
}

/** The dossier's current (not superseded) draft of a kind: the version a new one is compared with. */
export function previousDraftOf(dossier: Pick<Dossier, 'documents'>, kind: DocumentKind): DossierDocument | undefined {
  const current = dossier.documents.filter((document) => document.kind === kind && document.phase === ('draft' satisfies DocumentPhase) && !document.superseded);
  return current[current.length - 1];
}

const lower = (value: string): string => value.toLowerCase();

/**
 * The form of the dossier's previous draft of a kind, read from the library at its registered
 * version. undefined when there is none, its file left the folder, it is no .docx, or the reader
 * cannot read it (then nothing counts as changed and the reviewer findings stay open). Other failures
 * (the library, the network) are thrown: a registration is not recorded on a half-read comparison.
 */
export async function previousDraftForm(
  deps: { readonly documents: Pick<DocumentLibrary, 'download'>; readonly engine: Pick<FormsEngine, 'readForm'> },
  dossier: Pick<Dossier, 'reference' | 'documents'>,
  stored: readonly StoredDocument[],
  kind: DocumentKind
): Promise<FormDocument | undefined> {
  const previous = previousDraftOf(dossier, kind);
  if (!previous || !isDocxName(previous.fileName)) return undefined;
  const file = stored.find((candidate) => candidate.id === previous.id) ?? stored.find((candidate) => lower(candidate.fileName) === lower(previous.fileName));
  if (!file) return undefined;
  const bytes = await deps.documents.download(dossier.reference, file.fileName, file.version === previous.version ? undefined : previous.version);
  try {
    return await deps.engine.readForm(bytes, file.fileName);
  } catch (error) {
    if (isFormReadError(error)) return undefined;
    throw error;
  }
}
