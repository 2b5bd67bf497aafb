/**
 * A document's stored check result follows the dossier's context: when a mandate is registered or the
 * dossier's check phase changes (draft → signed, at the positive decision), the service checks the
 * dossier's current forms again and rewrites the check columns of those whose result changed, so no
 * stale "Blokkerend" (e.g. "volmacht ontbreekt") stays beside a set the product already accepted.
 * Only the columns change: the files, evidence included, are read, never written.
 */
import { checkContextFor, checkPhaseForDocumentPhase, checkPhaseForState, isDocxName } from '../domain/documentRules';
import type { DossierEvent } from '../domain/events';
import type { CheckSummary, CommandType, Dossier, IsoDate } from '../domain/types';
import { workflowTable } from '../domain/workflowTable';
import type { ScopeFacts } from '../forms/types';
import type { DocumentCheckColumns, DocumentLibrary, StoredDocument } from '../data/ports';
import { isFormReadError } from '../forms/errors';
import { checkDocx, type CodebookLoader, type FormsEngineLoader } from './formsEngine';

/** Ports of a recheck. */
export interface RecheckDeps {
  readonly documents: Pick<DocumentLibrary, 'list' | 'download'>;
  readonly columns: DocumentCheckColumns;
  readonly loadFormsEngine: FormsEngineLoader;
  readonly today: () => IsoDate;
  readonly codebooks?: CodebookLoader;
}

/**
 * Did this transition change what the checks of the dossier's forms depend on? A mandate registered
 * (the `mandate` check of a form signed by delegation), or a state entered whose check phase differs
 * from the state it left (`commandType`, when known, rules out commands that keep the state).
 */
export function checkContextChanged(events: readonly DossierEvent[], after: Pick<Dossier, 'stateHistory'>, commandType?: CommandType): boolean {
  const mandate = events.some((event) => (event.type === 'SignedDocumentsRegistered' || event.type === 'DraftDocumentsRegistered') && event.documents.some((document) => document.kind === 'mandate'));
  if (mandate) return true;
  // A command that stays in its state changes no phase, even when it shares the last state's timestamp.
  if (commandType && workflowTable[commandType].to.every((to) => to === 'same')) return false;
  const history = after.stateHistory;
  if (history.length < 2 || events.length === 0) return false;
  const [left, entered] = history.slice(-2);
  const enteredNow = events.some((event) => event.at === entered.enteredAt);
  return enteredNow && checkPhaseForState(left.state) !== checkPhaseForState(entered.state);
}

const sameCheck = (stored: StoredDocument, check: CheckSummary | undefined): boolean =>
  check === undefined
    ? (stored.checkStatus ?? 'notChecked') === 'notChecked'
    : statusOf(check) === stored.checkStatus && stored.checkBlocking === check.blocking && stored.checkWarnings === check.warnings;

function statusOf(check: CheckSummary): StoredDocument['checkStatus'] {
  return check.blocking > 0 ? 'blocking' : check.warnings > 0 ? 'warnings' : 'passed';
}

/**
 * The stored forms whose check the dossier's context speaks for: the .docx files of the folder, except
 * those the dossier registered only as superseded versions (an older file keeps the result of its time)
 * and publication versions (never checked).
 */
export function filesToRecheck(dossier: Pick<Dossier, 'documents'>, stored: readonly StoredDocument[]): StoredDocument[] {
  return stored.filter((file) => {
    if (!isDocxName(file.fileName) || file.phase === 'publication') return false;
    const registered = dossier.documents.filter((document) => document.id === file.id || document.fileName.toLowerCase() === file.fileName.toLowerCase());
    return registered.length === 0 || registered.some((document) => !document.superseded);
  });
}

/** What a recheck rewrote: the file names whose check columns changed. */
export interface RecheckReport {
  readonly updated: readonly string[];
}

/**
 * Checks the dossier's current forms again in its present context (mandate from its documents and
 * folder, each form in its own document phase, a simplified form against `scopeInForce` as at its
 * registration) and rewrites the check columns that changed. A form
 * the reader cannot read keeps its columns; every other failure is thrown.
 */
export async function recheckCurrentDocuments(deps: RecheckDeps, dossier: Dossier, scopeInForce?: ScopeFacts): Promise<RecheckReport> {
  const stored = await deps.documents.list(dossier.reference);
  const context = { documents: [...dossier.documents, ...stored], ...(scopeInForce ? { scopeInForce } : {}) };
  const engine = await deps.loadFormsEngine();
  const updated: string[] = [];
  for (const file of filesToRecheck(dossier, stored)) {
    const bytes = await deps.documents.download(dossier.reference, file.fileName);
    let summary: CheckSummary;
    try {
      summary = (await checkDocx(engine, bytes, file.fileName, checkContextFor(context, deps.today(), checkPhaseForDocumentPhase(file.phase ?? 'draft')), deps.codebooks)).summary;
    } catch (error) {
      if (isFormReadError(error)) continue;
      throw error;
    }
    if (sameCheck(file, summary)) continue;
    await deps.columns.updateCheck(dossier.reference, file.fileName, summary);
    updated.push(file.fileName);
  }
  return { updated };
}
