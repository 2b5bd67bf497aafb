/**
 * The Word pane's comments as reviewer findings of the dossier, and back (issue 14). Pure rules over
 * plain data: which comments are the reviewer's (the review part or an old marker), the finding each
 * stands for (a stable id, so a re-run never duplicates it), which dossier findings go back into the
 * next version as comments (only `requester` ones), and how Word's resolved state and the dossier's
 * statuses meet.
 */
import type { DossierFinding, FindingAudience, FindingSeverity, NewReviewerFinding } from '../../domain/findings';
import { awaitsHandling, fieldKeyOf } from '../../domain/findings';
import type { DocumentKind } from '../../domain/types';
import { getFieldDef } from '../../forms/catalog';
import type { FieldAnchor } from '../../forms/types';
import type { CommentField, DocumentComment } from '../source/formSource';
import { commentOrigin, normalizedCommentText } from './commentMarker';
import type { CommentEntry, ReviewMetadata } from './reviewMetadata';
import { entryKey, stableHash, textHash } from './reviewMetadata';

/** True for a column of a repeating table (`variabelen.naam`): its occurrence is the row. */
export function isColumnField(fieldId: string): boolean {
  const dot = fieldId.indexOf('.');
  return dot > 0 && getFieldDef(fieldId.slice(0, dot))?.kind === 'rows';
}

/** The field of a control (tag, occurrence among controls with that tag), as the domain names it. */
export function commentField(fieldId: string | undefined, occurrence: number): CommentField | undefined {
  if (!fieldId) return undefined;
  return isColumnField(fieldId) ? { fieldId, rowIndex: occurrence } : { fieldId };
}

/** `fieldKeyOf` for a comment's field; `-` for none. */
export function commentFieldKey(field: CommentField | undefined): string {
  return (field && fieldKeyOf(field)) ?? '-';
}

/** Where a dossier finding goes in the document: its field's control (the row's), else the document's start. */
export function anchorOfFinding(finding: Pick<DossierFinding, 'fieldId' | 'rowIndex' | 'textAnchor'>): FieldAnchor {
  if (finding.fieldId) return { kind: 'contentControl', tag: finding.fieldId, occurrence: finding.rowIndex ?? 0 };
  if (finding.textAnchor) return { kind: 'paragraph', paragraphIndex: 0, label: finding.textAnchor };
  return { kind: 'document' };
}

/**
 * The stable id of a reviewer finding made in Word: `word:` and a 64-bit hash of the dossier, the form
 * type, the field (and row) and the normalised text. The same comment gives the same id on every run,
 * on every machine; the domain ignores an id it already has.
 */
export function reviewerFindingId(reference: string, kind: DocumentKind, fieldKey: string, text: string): string {
  return `word:${stableHash([reference, kind, fieldKey, normalizedCommentText(text)].join('\u001f'))}`;
}

/** A comment the add-in placed (or read back), with what it stands for. */
export interface OwnComment {
  readonly comment: DocumentComment;
  /** The visible text, old marker stripped. */
  readonly text: string;
  readonly fieldKey: string;
  readonly audience: FindingAudience;
  readonly severity: FindingSeverity;
  /** Set when the comment came from the dossier (read back); else derived when recorded. */
  readonly findingId?: string;
  readonly checkKey?: string;
  /** The entry in the review part (absent for an old comment recognised by its marker). */
  readonly entry?: CommentEntry;
}

/**
 * Does a comment lie at the field a key names? Exactly; or, where the host cannot tell more, loosely: a
 * comment Word cannot place in a field (a form read by its labels, a remark on a whole table) lies
 * anywhere, a comment on a column whose row the host does not give (the .docx reader) on any row.
 */
export function atField(field: CommentField | undefined, fieldKey: string): boolean {
  if (!field) return true;
  if (commentFieldKey(field) === fieldKey) return true;
  return field.rowIndex === undefined && fieldOfKey(fieldKey)?.fieldId === field.fieldId;
}

/** The entry a comment matches: same text, same field (an exact field first, then a loose one, `atField`). */
export function entryFor(comment: DocumentComment, metadata: ReviewMetadata): CommentEntry | undefined {
  const hash = textHash(comment.text);
  const key = entryKey({ fieldKey: commentFieldKey(comment.field), textHash: hash });
  return (
    metadata.entries.find((entry) => entryKey(entry) === key) ??
    metadata.entries.find((entry) => entry.textHash === hash && atField(comment.field, entry.fieldKey))
  );
}

/** The field a field key names (`<fieldId>` or `<fieldId>#<row>`); undefined for `-`. */
export function fieldOfKey(fieldKey: string): CommentField | undefined {
  if (fieldKey === '-' || fieldKey === '') return undefined;
  const match = /^(.*)#(\d+)$/.exec(fieldKey);
  return match ? { fieldId: match[1], rowIndex: Number(match[2]) } : { fieldId: fieldKey };
}

/**
 * The reviewer's comments among the document's: those in the review part, and older ones carrying a
 * `[VSA …]` marker. Other comments (the requester's, colleagues' by hand) are left alone.
 */
export function ownComments(comments: readonly DocumentComment[], metadata: ReviewMetadata): OwnComment[] {
  const own: OwnComment[] = [];
  for (const comment of comments) {
    const text = normalizedCommentText(comment.text);
    const fieldKey = commentFieldKey(comment.field);
    const entry = entryFor(comment, metadata);
    if (entry) {
      // The entry knows the field the comment was meant for, also where Word could not place it in one.
      own.push({
        comment,
        text,
        fieldKey: entry.fieldKey,
        audience: entry.audience,
        severity: entry.severity,
        entry,
        ...(entry.findingId ? { findingId: entry.findingId } : {}),
        ...(entry.checkKey ? { checkKey: entry.checkKey } : {})
      });
      continue;
    }
    const origin = commentOrigin(comment.text);
    if (origin.kind === 'other') continue;
    own.push({ comment, text, fieldKey, audience: 'requester', severity: 'warning', ...(origin.kind === 'finding' ? { checkKey: origin.key } : {}) });
  }
  return own;
}

/** The finding id of an own comment: the dossier's (read back) or derived from field and text. */
export function findingIdOf(own: OwnComment, reference: string, kind: DocumentKind): string {
  return own.findingId ?? reviewerFindingId(reference, kind, own.fieldKey, own.text);
}

/**
 * The findings "Koppelen aan dossier" records: one per own comment with a text, the id stable, none the
 * dossier already has (a re-run records nothing new).
 */
export function findingsToRecord(
  own: readonly OwnComment[],
  reference: string,
  kind: DocumentKind,
  known: readonly Pick<DossierFinding, 'id'>[]
): NewReviewerFinding[] {
  const seen = new Set(known.map((finding) => finding.id));
  const result: NewReviewerFinding[] = [];
  for (const comment of own) {
    if (comment.text === '') continue;
    const id = findingIdOf(comment, reference, kind);
    if (seen.has(id)) continue;
    seen.add(id);
    const field = comment.comment.field ?? fieldOfKey(comment.fieldKey);
    result.push({
      id,
      documentKind: kind,
      ...(field ? { fieldId: field.fieldId } : {}),
      ...(field?.rowIndex !== undefined ? { rowIndex: field.rowIndex } : {}),
      text: comment.text,
      audience: comment.audience,
      severity: comment.severity
    });
  }
  return result;
}

/** A status change the reviewer made in Word: she resolved the comment of a finding still pending. */
export interface ResolveInDossier {
  readonly findingId: string;
  readonly text: string;
}

const closed = (finding: Pick<DossierFinding, 'status'>): boolean => finding.status === 'resolved' || finding.status === 'waived';

/** The own comments resolved in Word whose finding is still open or addressed in the dossier. */
export function resolvedInWord(own: readonly OwnComment[], findings: readonly DossierFinding[], reference: string, kind: DocumentKind): ResolveInDossier[] {
  const byId = new Map(findings.map((finding) => [finding.id, finding]));
  const result: ResolveInDossier[] = [];
  for (const comment of own) {
    if (!comment.comment.resolved) continue;
    const finding = byId.get(findingIdOf(comment, reference, kind));
    if (finding && !closed(finding) && !result.some((entry) => entry.findingId === finding.id)) result.push({ findingId: finding.id, text: comment.text });
  }
  return result;
}

/** One dossier finding to put back into the document as a comment. */
export interface ReadBackComment {
  readonly finding: DossierFinding;
  readonly anchor: FieldAnchor;
  readonly text: string;
  readonly entry: CommentEntry;
}

/** What opening a linked document brings back from the dossier. */
export interface ReadBackPlan {
  /** Open or addressed `requester` findings without a comment at their field: to insert. */
  readonly toInsert: readonly ReadBackComment[];
  /** Comments whose finding the dossier closed (resolved, waived) that Word still shows open. */
  readonly toResolve: readonly string[];
  /** Entries for comments already there that stand for a dossier finding (so recording reuses its id). */
  readonly entries: readonly CommentEntry[];
  /** Open or addressed `internal` findings: shown in the pane, never written into the document. */
  readonly internal: readonly DossierFinding[];
}

const entryOf = (finding: DossierFinding, fieldKey: string): CommentEntry => ({
  findingId: finding.id,
  fieldKey,
  textHash: textHash(finding.text),
  audience: finding.audience,
  severity: finding.severity
});

/**
 * Which of the dossier's reviewer findings on this form type go back into the document. A comment is
 * "already there" when it has the finding's text at the finding's field (or, for a comment Word cannot
 * place in a field, the same text anywhere). Internal findings never enter the document.
 */
export function readBackPlan(findings: readonly DossierFinding[], kind: DocumentKind, comments: readonly DocumentComment[]): ReadBackPlan {
  const toInsert: ReadBackComment[] = [];
  const toResolve: string[] = [];
  const entries: CommentEntry[] = [];
  const internal: DossierFinding[] = [];
  for (const finding of findings) {
    if (finding.origin !== 'reviewer' || finding.documentKind !== kind) continue;
    const pending = awaitsHandling(finding);
    if (finding.audience === 'internal') {
      if (pending) internal.push(finding);
      continue;
    }
    const fieldKey = (finding.fieldId && fieldKeyOf(finding)) || '-';
    const text = normalizedCommentText(finding.text);
    const present = comments.find((comment) => normalizedCommentText(comment.text) === text && atField(comment.field, fieldKey));
    if (present) {
      entries.push(entryOf(finding, fieldKey));
      if (closed(finding) && !present.resolved) toResolve.push(present.id);
    } else if (pending) {
      toInsert.push({ finding, anchor: anchorOfFinding(finding), text, entry: entryOf(finding, fieldKey) });
    }
  }
  return { toInsert, toResolve, entries, internal };
}
