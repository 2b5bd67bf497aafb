/**
 * How the add-in recognises its own comments. Word sets a comment's author to the signed-in user and
 * the add-in cannot choose it (WordApi 1.4: `authorName` is read-only), so the comment text itself
 * carries a short trailing marker: `[VSA <key>]` for a finding, `[VSA]` for a free comment.
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

/** Stable identity of a finding in one document: check, field and occurrence. */
export function findingKey(finding: Pick<Finding, 'checkId' | 'fieldId' | 'anchor'>): string {
  return `${finding.checkId}:${finding.fieldId ?? '-'}#${anchorOccurrence(finding.anchor)}`;
}

/** The comment text for a finding: the reviewer's text plus the finding's marker. */
export function findingCommentText(text: string, key: string): string {
  return `${text.trim()} [VSA ${key}]`;
}

/** The comment text for a free comment. */
export function freeCommentText(text: string): string {
  return `${text.trim()} [VSA]`;
}

/** What a comment's marker says: not the add-in's, a free comment, or a finding with its key. */
export type CommentOrigin = { readonly kind: 'other' } | { readonly kind: 'free' } | { readonly kind: 'finding'; readonly key: string };

/** Reads the marker of a comment text. */
export function commentOrigin(text: string): CommentOrigin {
  const match = MARKER.exec(text);
  if (!match) return { kind: 'other' };
  return match[1] ? { kind: 'finding', key: match[1] } : { kind: 'free' };
}

/** The comment text without the add-in's marker (for display). */
export function withoutMarker(text: string): string {
  return text.replace(MARKER, '');
}
