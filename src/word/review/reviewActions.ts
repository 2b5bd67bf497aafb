/**
 * The pane's use cases as plain async functions over the ports: load and check, insert comments
 * without duplicates, free comments, removal, and the review record on the dossier. React only calls
 * these; nothing here knows whether the form lives in Word or in a .docx file.
 */
import type { CheckContext, Codebook, Finding, FormDocument } from '../../forms/types';
import type { DocumentKind, RequestedData } from '../../domain/types';
import type { DossierFinding, FindingAudience } from '../../domain/findings';
import type { DossierReviewPort, DossierSummary } from '../../app/wordReview/dossierReviewPort';
import type { DocumentComment, FormSource, InsertReport, SourceForm } from '../source/formSource';
import type { FieldAnchor } from '../../forms/types';
import type { VariableHit, VariableSearcher } from './variableSearch';
import { freeCommentText } from './commentMarker';
import type { CommentDraft, CommentPlan } from './commentPlan';
import { planComments } from './commentPlan';
import { checkContextFor } from '../../domain/documentRules';
import type { CommentEntry, ReviewMetadata } from './reviewMetadata';
import { entryKey, parseMetadata, serializeMetadata, textHash, withEntries, withoutEntries } from './reviewMetadata';
import type { OwnComment } from './reviewerFindings';
import { commentField, commentFieldKey, entryFor, findingIdOf, findingsToRecord, ownComments, readBackPlan, resolvedInWord } from './reviewerFindings';

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
  /** Why the dossier could not be loaded (the caught error; the pane renders it in its language). */
  readonly dossierError: unknown;
  /** The dossier's findings as the reviewer saw them at load (their revisions guard her status changes). */
  readonly dossierFindings: readonly DossierFinding[];
  /** What opening the document brought back from the dossier (comments inserted, resolved). */
  readonly readBack?: ReadBackOutcome;
  /** Why the dossier's findings could not be put back into the document. */
  readonly readBackError?: unknown;
}

/** What the read-back did. */
export interface ReadBackOutcome {
  readonly inserted: number;
  /** Comments marked resolved in Word because the dossier closed their finding. */
  readonly resolved: number;
  /** Pending internal findings of this form: shown in the pane, never in the document. */
  readonly internal: readonly DossierFinding[];
}

/** The form type as the dossier's document kind (undefined when the form type is unknown). */
export function documentKindOf(form: FormDocument): DocumentKind | undefined {
  return form.formType;
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
  let read = await source.read();
  let dossier: DossierSummary | undefined;
  let dossierError: unknown;
  let dossierFindings: readonly DossierFinding[] = [];
  if (read.dossierReference && dossiers) {
    try {
      dossier = await dossiers.findDossier(read.dossierReference);
      if (dossier) dossierFindings = await dossiers.findingsOf(dossier.reference);
    } catch (error) {
      // The review must work offline from the dossier; the pane shows why the link failed.
      dossierError = error;
    }
  }
  let readBack: ReadBackOutcome | undefined;
  let readBackError: unknown;
  const kind = documentKindOf(read.form);
  if (dossier && kind && read.comments && source.capabilities().comments) {
    try {
      const outcome = await readBackFindings(source, dossierFindings, kind, read.comments, parseMetadata(read.reviewMetadata));
      readBack = outcome.outcome;
      read = { ...read, comments: outcome.comments, reviewMetadata: outcome.metadataXml };
    } catch (error) {
      readBackError = error;
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
    dossierFindings,
    ...(readBack ? { readBack } : {}),
    ...(readBackError === undefined ? {} : { readBackError }),
    requested,
    codebooks,
    ...(codebookError === undefined ? {} : { codebookError })
  };
}

/**
 * Puts the dossier's pending `requester` findings of this form back into the document as comments at
 * their field (never twice), marks resolved in Word the comments whose finding the dossier closed, and
 * notes in the review part which comment stands for which finding. Internal findings stay out.
 */
export async function readBackFindings(
  source: FormSource,
  findings: readonly DossierFinding[],
  kind: DocumentKind,
  comments: readonly DocumentComment[],
  metadata: ReviewMetadata
): Promise<{ outcome: ReadBackOutcome; comments: readonly DocumentComment[]; metadataXml: string | undefined }> {
  const plan = readBackPlan(findings, kind, comments);
  let current = comments;
  let inserted = 0;
  let resolved = 0;
  let written = metadata;
  if (plan.toInsert.length > 0) {
    // The part is written with the comments (same round trips), as the plan expects them placed.
    written = withEntries(metadata, [...plan.entries, ...plan.toInsert.map((item) => item.entry)]);
    inserted = (await source.insertComments(plan.toInsert.map((item) => ({ anchor: item.anchor, text: item.text })), serializeMetadata(written))).inserted;
  }
  if (plan.toResolve.length > 0) resolved = await source.resolveComments(plan.toResolve);
  if (inserted > 0 || resolved > 0) current = await source.comments();
  // The entries then follow the comments as Word placed them (a field Word could not find has none).
  const next = withEntries(written, inserted > 0 ? readBackPlan(findings, kind, current).entries : plan.entries);
  if (serializeMetadata(next) !== serializeMetadata(written)) await source.writeReviewMetadata(serializeMetadata(next));
  const xml = next.entries.length > 0 ? serializeMetadata(next) : undefined;
  return { outcome: { inserted, resolved, internal: plan.internal }, comments: current, metadataXml: xml };
}

/** The reviewer's comments in the document now (review part and old markers). */
export async function currentOwnComments(source: FormSource): Promise<{ own: OwnComment[]; metadata: ReviewMetadata; comments: readonly DocumentComment[] }> {
  const state = await source.reviewState();
  const metadata = parseMetadata(state.reviewMetadata);
  return { own: ownComments(state.comments, metadata), metadata, comments: state.comments };
}

/** The check findings the document already has a comment for (their `findingKey`). */
export function commentedKeysOf(own: readonly OwnComment[]): Set<string> {
  return new Set(own.flatMap((comment) => (comment.checkKey ? [comment.checkKey] : [])));
}

/** Outcome of "Opmerkingen invoegen". */
export interface InsertOutcome {
  readonly plan: CommentPlan;
  readonly report: InsertReport;
}

/**
 * Inserts one comment per draft, skipping drafts already commented in the document (re-read first),
 * and notes each in the review part (field, text hash, severity, the check's key): the comment text
 * itself is only the reviewer's text.
 */
export async function insertFindingComments(source: FormSource, drafts: readonly CommentDraft[]): Promise<InsertOutcome> {
  const { own, metadata } = await currentOwnComments(source);
  const plan = planComments(drafts, commentedKeysOf(own));
  if (plan.toInsert.length === 0) return { plan, report: { inserted: 0, notFound: 0 } };
  const entries: CommentEntry[] = plan.toInsert.map((draft) => ({
    fieldKey: commentFieldKey(commentField(draft.fieldId, draft.occurrence ?? 0)),
    textHash: textHash(draft.commentText),
    audience: 'requester',
    severity: draft.severity ?? 'warning',
    checkKey: draft.key
  }));
  const report = await source.insertComments(
    plan.toInsert.map((draft) => ({ anchor: draft.anchor, text: draft.commentText })),
    serializeMetadata(withEntries(metadata, entries))
  );
  return { plan, report };
}

/** Adds a free comment on the selection (no marker in its text) and notes it in the review part. */
export async function addFreeComment(source: FormSource, text: string): Promise<void> {
  if (text.trim().length === 0) throw new Error('Een opmerking mag niet leeg zijn. / A comment cannot be empty.');
  const commentText = freeCommentText(text);
  const created = await source.insertCommentOnSelection(commentText);
  const metadata = parseMetadata(await source.reviewMetadata());
  const entry: CommentEntry = { fieldKey: commentFieldKey(created?.field), textHash: textHash(commentText), audience: 'requester', severity: 'warning' };
  await source.writeReviewMetadata(serializeMetadata(withEntries(metadata, [entry])));
}

/** Removes every comment the add-in placed (findings, free and read-back comments); leaves other comments alone. */
export async function removeOwnComments(source: FormSource): Promise<number> {
  const { own, metadata } = await currentOwnComments(source);
  const ids = new Set(own.map((comment) => comment.comment.id));
  const removed = await source.removeComments((comment) => ids.has(comment.id));
  const keys = new Set(own.flatMap((comment) => (comment.entry ? [entryKey(comment.entry)] : [])));
  if (keys.size > 0) await source.writeReviewMetadata(serializeMetadata(withoutEntries(metadata, keys)));
  return removed;
}

/** Sets who a comment's finding is for (the pane's "intern" choice), in the review part. */
export async function setCommentAudience(source: FormSource, comment: DocumentComment, audience: FindingAudience): Promise<void> {
  const metadata = parseMetadata(await source.reviewMetadata());
  const own = ownComments([comment], metadata)[0];
  const existing = entryFor(comment, metadata);
  const entry: CommentEntry = existing
    ? { ...existing, audience }
    : { fieldKey: commentFieldKey(comment.field), textHash: textHash(comment.text), audience, severity: own?.severity ?? 'warning', ...(own?.checkKey ? { checkKey: own.checkKey } : {}) };
  await source.writeReviewMetadata(serializeMetadata(withEntries(metadata, [entry])));
}

/** What "Koppelen aan dossier" did. */
export interface RecordOutcome {
  /** New reviewer findings recorded (ids the dossier did not have yet). */
  readonly recorded: number;
  /** Findings resolved in the dossier because the reviewer resolved their comment in Word. */
  readonly resolvedInDossier: number;
  /** Comments marked resolved in Word because the dossier closed their finding. */
  readonly resolvedInWord: number;
  /** Internal comments taken out of the document after recording (they live in the dossier). */
  readonly internalRemoved: number;
  /** Status changes the dossier refused (e.g. `dossier.error.findingChanged`): nothing else is lost. */
  readonly refused: readonly unknown[];
  /** The dossier's findings after recording. */
  readonly findings: readonly DossierFinding[];
}

/**
 * Records every comment the reviewer placed as a reviewer finding (stable ids: a re-run adds nothing),
 * then syncs the resolved state both ways: a comment resolved in Word resolves its pending finding
 * (on the revision the reviewer saw at load, so a concurrent change is refused, not overwritten), a
 * finding the dossier closed marks its comment resolved. Internal comments then leave the document.
 */
export async function recordReviewerFindings(
  source: FormSource,
  port: DossierReviewPort,
  reference: string,
  kind: DocumentKind,
  seen: readonly DossierFinding[],
  at: string
): Promise<RecordOutcome> {
  const { own, metadata, comments } = await currentOwnComments(source);
  const before = await port.findingsOf(reference);
  const toRecord = findingsToRecord(own, reference, kind, before);
  if (toRecord.length > 0) await port.recordFindings(reference, toRecord, at);
  let after = toRecord.length > 0 ? await port.findingsOf(reference) : before;

  const seenRevisions = new Map(seen.map((finding) => [finding.id, finding.revision]));
  const afterById = new Map(after.map((finding) => [finding.id, finding]));
  const refused: unknown[] = [];
  let resolvedInDossier = 0;
  for (const change of resolvedInWord(own, after, reference, kind)) {
    const expectedRevision = seenRevisions.get(change.findingId) ?? afterById.get(change.findingId)!.revision;
    try {
      await port.changeFindingStatus(reference, { findingId: change.findingId, status: 'resolved', expectedRevision }, at);
      resolvedInDossier += 1;
    } catch (error) {
      refused.push(error);
    }
  }
  if (resolvedInDossier > 0) after = await port.findingsOf(reference);

  const plan = readBackPlan(after, kind, comments);
  const resolvedWord = plan.toResolve.length > 0 ? await source.resolveComments(plan.toResolve) : 0;

  const recordedIds = new Set(after.map((finding) => finding.id));
  const internal = own.filter((comment) => comment.audience === 'internal' && recordedIds.has(findingIdOf(comment, reference, kind)));
  const internalIds = new Set(internal.map((comment) => comment.comment.id));
  const internalRemoved = internalIds.size > 0 ? await source.removeComments((comment) => internalIds.has(comment.id)) : 0;
  const removedKeys = new Set(internal.flatMap((comment) => (comment.entry ? [entryKey(comment.entry)] : [])));
  const next = withEntries(withoutEntries(metadata, removedKeys), plan.entries);
  if (serializeMetadata(next) !== serializeMetadata(metadata)) await source.writeReviewMetadata(serializeMetadata(next));
  return { recorded: toRecord.length, resolvedInDossier, resolvedInWord: resolvedWord, internalRemoved, refused, findings: after };
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
