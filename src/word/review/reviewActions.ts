/**
 * The pane's use cases as plain async functions over the ports: load and check, insert comments
 * without duplicates, free comments, removal, and the review record on the dossier. React only calls
 * these; nothing here knows whether the form lives in Word or in a .docx file.
 */
import type { CheckContext, Codebook, Finding, FormDocument } from '../../forms/types';
import type { RequestedData } from '../../domain/types';
import type { DossierReviewPort, DossierSummary } from '../../app/wordReview/dossierReviewPort';
import type { FormSource, InsertReport, SourceForm } from '../source/formSource';
import type { FieldAnchor } from '../../forms/types';
import type { VariableHit, VariableSearcher } from './variableSearch';
import { commentOrigin, freeCommentText } from './commentMarker';
import type { CommentDraft, CommentPlan } from './commentPlan';
import { planComments } from './commentPlan';
import { checkContextFor } from '../../domain/documentRules';
import { countBySeverity } from '../../forms/severity';

/** The form checker (`checkForm` of src/forms), passed in by the composition root. */
export type FormChecker = (form: FormDocument, context: CheckContext) => Finding[];

/** What a form states is requested (`requestedDataOfForm` of src/forms), passed in like the checker. */
export type RequestedReader = (form: FormDocument) => RequestedData | undefined;

/** Loads the codebooks of some waves (the `CodebookStore` port, usually cached: `cachedCodebooks`). */
export type CodebookLoader = (waves: readonly string[]) => Promise<Codebook[]>;

/** What besides the form and the dossier the review reads: the requested data and the codebooks. */
export interface ReviewExtras {
  readonly requestedOf?: RequestedReader;
  readonly codebooks?: CodebookLoader;
}

/** Result of opening the pane on a document. */
export interface LoadedReview {
  readonly source: SourceForm;
  readonly findings: readonly Finding[];
  readonly context: CheckContext;
  /** What the form states is requested (what the product registers), when a reader was given and the form states it. */
  readonly requested: RequestedData | undefined;
  /** The codebooks of the waves the form requests that exist (empty without a store). */
  readonly codebooks: readonly Codebook[];
  /** Why the codebooks could not be loaded (the checks then run without them). */
  readonly codebookError?: unknown;
  /** The linked dossier, when the document carries a reference and the dossier was found. */
  readonly dossier: DossierSummary | undefined;
  /** Why the dossier could not be shown (message of the error), if it could not. */
  /** Why the dossier could not be loaded (the caught error; the pane renders it in its language). */
  readonly dossierError: unknown;
}

/**
 * Reads the form, looks up its dossier (for the phase and the mandate) and the codebooks of the waves it
 * requests, and runs the checks with them (`context.codebooks`).
 */
export async function loadReview(
  source: FormSource,
  check: FormChecker,
  today: string,
  dossiers: DossierReviewPort | undefined,
  extras: ReviewExtras = {}
): Promise<LoadedReview> {
  const read = await source.read();
  let dossier: DossierSummary | undefined;
  let dossierError: unknown;
  if (read.dossierReference && dossiers) {
    try {
      dossier = await dossiers.findDossier(read.dossierReference);
    } catch (error) {
      // The review must work offline from the dossier; the pane shows why the link failed.
      dossierError = error;
    }
  }
  const requested = extras.requestedOf?.(read.form);
  let codebooks: Codebook[] = [];
  let codebookError: unknown;
  if (extras.codebooks && requested && requested.surveys.length > 0) {
    try {
      codebooks = await extras.codebooks(requested.surveys);
    } catch (error) {
      // Like the dossier: the checks still run (as without codebooks) and the pane says why.
      codebookError = error;
    }
  }
  const base: CheckContext = checkContextFor(dossier && { state: dossier.state, documents: dossier.documents ?? [] }, today);
  const context: CheckContext = codebooks.length > 0 ? { ...base, codebooks } : base;
  return {
    source: read,
    findings: check(read.form, context),
    context,
    dossier,
    dossierError,
    requested,
    codebooks,
    ...(codebookError === undefined ? {} : { codebookError })
  };
}

/** Outcome of "Opmerkingen invoegen". */
export interface InsertOutcome {
  readonly plan: CommentPlan;
  readonly report: InsertReport;
}

/** Inserts one comment per draft, skipping drafts already commented in the document (re-read first). */
export async function insertFindingComments(source: FormSource, drafts: readonly CommentDraft[]): Promise<InsertOutcome> {
  const existing = await source.commentTexts();
  const plan = planComments(drafts, existing);
  const report =
    plan.toInsert.length === 0
      ? { inserted: 0, notFound: 0 }
      : await source.insertComments(plan.toInsert.map((draft) => ({ anchor: draft.anchor, text: draft.commentText })));
  return { plan, report };
}

/** Adds a free comment on the selection; refuses an empty text. */
export async function addFreeComment(source: FormSource, text: string): Promise<void> {
  if (text.trim().length === 0) throw new Error('Een opmerking mag niet leeg zijn. / A comment cannot be empty.');
  await source.insertCommentOnSelection(freeCommentText(text));
}

/** Removes every comment the add-in placed (findings and free comments); leaves other comments alone. */
export async function removeOwnComments(source: FormSource): Promise<number> {
  return source.removeComments((text) => commentOrigin(text).kind !== 'other');
}

/** Records the review (counts, file, time; the data layer adds the reviewer) on the dossier. */
export async function sendReviewToDossier(
  port: DossierReviewPort,
  reference: string,
  loaded: Pick<LoadedReview, 'source' | 'findings'>,
  commentsInserted: number,
  reviewedAt: string
): Promise<void> {
  await port.recordReview({
    reference,
    fileName: loaded.source.form.fileName,
    formType: loaded.source.form.formType,
    counts: countBySeverity(loaded.findings),
    commentsInserted,
    reviewedAt
  });
}

/** The codebook variables a reviewer may insert: searched within the waves the form requests. */
export function searchVariables(loaded: Pick<LoadedReview, 'codebooks' | 'requested'>, search: VariableSearcher, query: string, limit = 8): VariableHit[] {
  return search(loaded.codebooks, query, loaded.requested?.surveys ?? [], limit);
}

/** Replaces the field's text (e.g. a variable name by a codebook suggestion); false when the field is gone. */
export async function replaceFieldText(source: FormSource, anchor: FieldAnchor, text: string): Promise<boolean> {
  if (text.trim().length === 0) throw new Error('Een lege waarde kan geen veld vervangen. / An empty value cannot replace a field.');
  return source.replaceFieldText(anchor, text.trim());
}

/** Adds a variable row with the name and an empty justification; false when the form has no variables table. */
export async function insertVariableRow(source: FormSource, name: string): Promise<boolean> {
  if (name.trim().length === 0) throw new Error('Een variabele heeft een naam nodig. / A variable needs a name.');
  return source.addRow('variabelen', { 'variabelen.naam': name.trim() });
}
