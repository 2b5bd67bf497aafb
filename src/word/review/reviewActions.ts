/**
 * The pane's use cases as plain async functions over the ports: load and check, insert comments
 * without duplicates, free comments, removal, and the review record on the dossier. React only calls
 * these; nothing here knows whether the form lives in Word or in a .docx file.
 */
import type { CheckContext, Finding, FormDocument } from '../../forms/types';
import type { DossierReviewPort, DossierSummary } from '../../app/wordReview/dossierReviewPort';
import type { FormSource, InsertReport, SourceForm } from '../source/formSource';
import { commentOrigin, freeCommentText } from './commentMarker';
import type { CommentDraft, CommentPlan } from './commentPlan';
import { planComments } from './commentPlan';
import { checkContextFor } from '../../domain/documentRules';
import { countBySeverity } from '../../forms/severity';

/** The form checker (`checkForm` of src/forms), passed in by the composition root. */
export type FormChecker = (form: FormDocument, context: CheckContext) => Finding[];

/** Result of opening the pane on a document. */
export interface LoadedReview {
  readonly source: SourceForm;
  readonly findings: readonly Finding[];
  readonly context: CheckContext;
  /** The linked dossier, when the document carries a reference and the dossier was found. */
  readonly dossier: DossierSummary | undefined;
  /** Why the dossier could not be shown (message of the error), if it could not. */
  /** Why the dossier could not be loaded (the caught error; the pane renders it in its language). */
  readonly dossierError: unknown;
}

/** Reads the form, looks up its dossier (for the phase and the mandate) and runs the checks. */
export async function loadReview(
  source: FormSource,
  check: FormChecker,
  today: string,
  dossiers: DossierReviewPort | undefined
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
  const context: CheckContext = checkContextFor(dossier && { state: dossier.state, documents: dossier.documents ?? [] }, today);
  return { source: read, findings: check(read.form, context), context, dossier, dossierError };
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
