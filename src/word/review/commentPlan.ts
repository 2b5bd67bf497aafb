import type { FieldAnchor, Finding } from '../../forms';
import type { FindingSeverity } from '../../domain/findings';
import { anchorOccurrence, findingCommentText, findingKey } from './commentMarker';

/** A finding ready to become a comment; `text` is what the reviewer left in the editor. */
export interface CommentDraft {
  readonly key: string;
  readonly anchor: FieldAnchor;
  readonly text: string;
  /** The finding's field and its occurrence (the row of a table cell). */
  readonly fieldId?: string;
  readonly occurrence?: number;
  readonly severity?: FindingSeverity;
}

/** What to insert and what was skipped because the document already has it. */
export interface CommentPlan {
  readonly toInsert: readonly (CommentDraft & { readonly commentText: string })[];
  readonly alreadyCommented: readonly string[];
  readonly emptyText: readonly string[];
}

/** One draft per finding, with the finding's Dutch message as starting text. */
export function draftsFor(findings: readonly Finding[]): CommentDraft[] {
  return findings.map((finding) => ({
    key: findingKey(finding),
    anchor: finding.anchor,
    text: finding.message.nl,
    ...(finding.fieldId ? { fieldId: finding.fieldId } : {}),
    occurrence: anchorOccurrence(finding.anchor),
    severity: finding.severity
  }));
}

/**
 * Decides which drafts become comments: skips a draft whose key the document already has a comment
 * for (`presentKeys`, from the review part and old markers: a second run adds no duplicates) or whose
 * text the reviewer emptied, and each key once. The comment text carries no marker.
 */
export function planComments(drafts: readonly CommentDraft[], presentKeys: ReadonlySet<string>): CommentPlan {
  const present = new Set(presentKeys);
  const toInsert: (CommentDraft & { commentText: string })[] = [];
  const alreadyCommented: string[] = [];
  const emptyText: string[] = [];
  for (const draft of drafts) {
    if (present.has(draft.key)) {
      alreadyCommented.push(draft.key);
    } else if (draft.text.trim().length === 0) {
      emptyText.push(draft.key);
    } else {
      present.add(draft.key);
      toInsert.push({ ...draft, commentText: findingCommentText(draft.text) });
    }
  }
  return { toInsert, alreadyCommented, emptyText };
}
