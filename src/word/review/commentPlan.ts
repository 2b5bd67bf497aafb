import type { FieldAnchor, Finding } from '../../forms';
import { commentOrigin, findingCommentText, findingKey } from './commentMarker';

/** A finding ready to become a comment; `text` is what the reviewer left in the editor. */
export interface CommentDraft {
  readonly key: string;
  readonly anchor: FieldAnchor;
  readonly text: string;
}

/** What to insert and what was skipped because the document already has it. */
export interface CommentPlan {
  readonly toInsert: readonly (CommentDraft & { readonly commentText: string })[];
  readonly alreadyCommented: readonly string[];
  readonly emptyText: readonly string[];
}

/** One draft per finding, with the finding's Dutch message as starting text. */
export function draftsFor(findings: readonly Finding[]): CommentDraft[] {
  return findings.map((finding) => ({ key: findingKey(finding), anchor: finding.anchor, text: finding.message.nl }));
}

/**
 * Decides which drafts become comments: skips a draft whose key is already in a comment of the
 * document (a second run adds no duplicates) or whose text the reviewer emptied, and each key once.
 */
export function planComments(drafts: readonly CommentDraft[], existingCommentTexts: readonly string[]): CommentPlan {
  const present = new Set<string>();
  for (const text of existingCommentTexts) {
    const origin = commentOrigin(text);
    if (origin.kind === 'finding') present.add(origin.key);
  }
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
      toInsert.push({ ...draft, commentText: findingCommentText(draft.text, draft.key) });
    }
  }
  return { toInsert, alreadyCommented, emptyText };
}
