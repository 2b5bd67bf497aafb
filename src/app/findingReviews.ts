/**
 * What the command service reads of a newly registered draft version for the review loop: its automatic
 * findings (the forms engine's blocking and warning results as `AutomaticFinding`s) and the fields that
 * changed since the dossier's previous draft of the same kind. The rules of how these move the findings
 * are the domain's (`reconcileFindings`); this only maps the engine's output onto them. A client's
 * `reviews` never enter: the service builds them from the files it stored.
 */
import type { DocumentKind, DocumentPhase, Dossier, DossierDocument } from '../domain/types';
import type { AutomaticFinding, DocumentVersionReview } from '../domain/findings';
import type { DocumentLibrary, StoredDocument } from '../data/ports';
import { isDocxName } from '../domain/documentRules';
import type { Finding, FormDocument } from '../forms/types';
import { changedFieldKeys } from '../forms/diff';
import { isFormReadError } from '../forms/errors';
import type { FormsEngine } from './formsEngine';

/** The severities that become records (info results ask nothing of anyone and stay in the check report). */
const RECORDED: ReadonlySet<string> = new Set(['blocking', 'warning']);

/**
 * The row (0-based, in `form.rows[table]`) a finding on a table cell is about: the check's `row`
 * parameter (1-based) when it names one, else the data row whose cell sits at the finding's anchor.
 * undefined for a finding on a single field or the whole document.
 */
export function rowIndexOf(finding: Pick<Finding, 'params' | 'anchor'>, form?: Pick<FormDocument, 'rows'>): number | undefined {
  const row = finding.params.row;
  if (row !== undefined && /^[1-9]\d*$/.test(row)) return Number(row) - 1;
  const anchor = finding.anchor;
  if (anchor?.kind !== 'tableCell' || !form) return undefined;
  for (const rows of Object.values(form.rows)) {
    const index = rows.findIndex((cells) =>
      Object.values(cells).some((cell) => cell.anchor.kind === 'tableCell' && cell.anchor.tableIndex === anchor.tableIndex && cell.anchor.rowIndex === anchor.rowIndex)
    );
    if (index >= 0) return index;
  }
  return undefined;
}

/** One engine finding as the automatic finding a review carries (Dutch text = the record's text). */
export function automaticFindingOf(finding: Finding, form?: Pick<FormDocument, 'rows'>): AutomaticFinding {
  const rowIndex = rowIndexOf(finding, form);
  return {
    checkId: finding.checkId,
    ...(finding.fieldId !== undefined ? { fieldId: finding.fieldId } : {}),
    ...(rowIndex !== undefined ? { rowIndex } : {}),
    severity: finding.severity,
    messageKey: finding.messageKey,
    params: { ...finding.params },
    text: finding.message.nl
  };
}

/** The blocking and warning results of a check, as automatic findings. */
export function automaticFindingsOf(findings: readonly Finding[], form?: Pick<FormDocument, 'rows'>): AutomaticFinding[] {
  return findings.filter((finding) => RECORDED.has(finding.severity)).map((finding) => automaticFindingOf(finding, form));
}

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
