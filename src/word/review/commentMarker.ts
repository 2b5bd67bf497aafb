/**
 * What the requester reads in a comment, and how older comments of the add-in are still recognised.
 * Since issue 14 the comment text is only the reviewer's text: the link to the finding is kept in the
 * document's hidden review part (`reviewMetadata.ts`), never in the visible text. Documents reviewed
 * before carry a trailing marker `[VSA <key>]` (a finding) or `[VSA]` (a free comment); it is still
 * recognised and stripped wherever a comment is read.
 */
import type { FieldAnchor, Finding } from '../../forms';

const MARKER = /\s*\[VSA(?: ([^\]\s]+))?\]\s*$/;

/** Which occurrence of a field an anchor points at (row index for repeated fields). */
export function anchorOccurrence(anchor: FieldAnchor): number {
  switch (anchor.kind) {
    case 'contentControl':
      return anchor.occurrence;
    case 'tableCell':
      return anchor.rowIndex;
    case 'paragraph':
      return anchor.paragraphIndex;
    default:
      return 0;
  }
}

/** Stable identity of a check finding in one document: check, field and occurrence. */
export function findingKey(finding: Pick<Finding, 'checkId' | 'fieldId' | 'anchor'>): string {
  return `${finding.checkId}:${finding.fieldId ?? '-'}#${anchorOccurrence(finding.anchor)}`;
}

/**
 * The visible comment text for a finding: the reviewer's text only. No marker, no e-mail address: the
 * author is the one Word shows (the signed-in reviewer's display name).
 */
export function findingCommentText(text: string): string {
  return text.trim();
}

/** The visible comment text for a free comment (the reviewer's text only). */
export function freeCommentText(text: string): string {
  return text.trim();
}

/** What an old comment's marker says: not the add-in's, a free comment, or a finding with its key. */
export type CommentOrigin = { readonly kind: 'other' } | { readonly kind: 'free' } | { readonly kind: 'finding'; readonly key: string };

/** Reads the (legacy) marker of a comment text. */
export function commentOrigin(text: string): CommentOrigin {
  const match = MARKER.exec(text);
  if (!match) return { kind: 'other' };
  return match[1] ? { kind: 'finding', key: match[1] } : { kind: 'free' };
}

/** The comment text without a legacy marker (for display and matching). */
export function withoutMarker(text: string): string {
  return text.replace(MARKER, '');
}

/** The text as compared: marker stripped, whitespace runs as one space, trimmed. */
export function normalizedCommentText(text: string): string {
  return withoutMarker(text).replace(/\s+/g, ' ').trim();
}
