/**
 * The add-in's hidden bookkeeping in the document: a custom XML part (Word keeps it in the .docx, never
 * shows it) that lists the comments the add-in placed, each with the finding it stands for. A comment
 * is matched to its entry by its field and its text (normalised and hashed), because Word's comment
 * ids do not survive every save and host. Nothing personal beyond what the comments already hold: the
 * text is stored as a hash only.
 */
import type { FindingAudience, FindingSeverity } from '../../domain/findings';
import { normalizedCommentText } from './commentMarker';

/** Namespace of the review part (one part per document). */
export const REVIEW_PART_NAMESPACE = 'urn:vsa:microdata:word-review:1';

/** One comment the add-in placed (or read back from the dossier). */
export interface CommentEntry {
  /**
   * The dossier finding this comment stands for, when it came from the dossier (read back); absent for
   * the reviewer's own new comments, whose id is derived when recorded (`reviewerFindingId`).
   */
  readonly findingId?: string;
  /** `fieldKeyOf` of the comment's field (`<fieldId>` or `<fieldId>#<row>`), `-` for none. */
  readonly fieldKey: string;
  /** `textHash` of the comment's normalised text. */
  readonly textHash: string;
  readonly audience: FindingAudience;
  readonly severity: FindingSeverity;
  /** For a check finding's comment: its `findingKey` (so a second run does not comment it again). */
  readonly checkKey?: string;
}

/** Everything the part holds. */
export interface ReviewMetadata {
  readonly entries: readonly CommentEntry[];
}

export const EMPTY_METADATA: ReviewMetadata = { entries: [] };

/** FNV-1a (32 bits) with a seed, as 8 hex digits. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** A 64-bit hash (two FNV-1a runs with different seeds) as 16 hex digits: stable across runs and hosts. */
export function stableHash(text: string): string {
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x050c5d1f);
}

/** The hash of a comment text as matched (marker stripped, whitespace normalised). */
export function textHash(text: string): string {
  return stableHash(normalizedCommentText(text));
}

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const unescapeXml = (value: string): string =>
  value.replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');

/** The part's XML. */
export function serializeMetadata(metadata: ReviewMetadata): string {
  const entries = metadata.entries.map((entry) => {
    const attributes: [string, string | undefined][] = [
      ['field', entry.fieldKey],
      ['text', entry.textHash],
      ['audience', entry.audience],
      ['severity', entry.severity],
      ['check', entry.checkKey],
      ['finding', entry.findingId]
    ];
    return `<comment ${attributes.filter(([, value]) => value !== undefined).map(([name, value]) => `${name}="${escapeXml(value!)}"`).join(' ')}/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><review xmlns="${REVIEW_PART_NAMESPACE}">${entries.join('')}</review>`;
}

const audiences: readonly FindingAudience[] = ['requester', 'internal'];
const severities: readonly FindingSeverity[] = ['blocking', 'warning', 'info'];

/** Reads the part's XML; entries it cannot read are skipped (an unreadable part reads as empty). */
export function parseMetadata(xml: string | undefined): ReviewMetadata {
  if (!xml) return EMPTY_METADATA;
  const entries: CommentEntry[] = [];
  for (const match of xml.matchAll(/<comment\s([^>]*?)\/?>/g)) {
    const attributes = new Map<string, string>();
    for (const attribute of match[1].matchAll(/([a-zA-Z]+)="([^"]*)"/g)) attributes.set(attribute[1], unescapeXml(attribute[2]));
    const findingId = attributes.get('finding');
    const fieldKey = attributes.get('field');
    const hash = attributes.get('text');
    if (!fieldKey || !hash) continue;
    const audience = attributes.get('audience') as FindingAudience;
    const severity = attributes.get('severity') as FindingSeverity;
    const checkKey = attributes.get('check');
    entries.push({
      ...(findingId ? { findingId } : {}),
      fieldKey,
      textHash: hash,
      audience: audiences.includes(audience) ? audience : 'requester',
      severity: severities.includes(severity) ? severity : 'warning',
      ...(checkKey ? { checkKey } : {})
    });
  }
  return { entries };
}

/** The identity of an entry: the comment's field and text. */
export function entryKey(entry: Pick<CommentEntry, 'fieldKey' | 'textHash'>): string {
  return `${entry.fieldKey}|${entry.textHash}`;
}

/** Adds or replaces entries (by field and text); a replaced entry keeps its check key when the new one has none. */
export function withEntries(metadata: ReviewMetadata, added: readonly CommentEntry[]): ReviewMetadata {
  const previous = new Map(metadata.entries.map((entry) => [entryKey(entry), entry]));
  const merged = added.map((entry) => {
    const checkKey = entry.checkKey ?? previous.get(entryKey(entry))?.checkKey;
    return checkKey ? { ...entry, checkKey } : entry;
  });
  const keys = new Set(merged.map(entryKey));
  return { entries: [...metadata.entries.filter((entry) => !keys.has(entryKey(entry))), ...merged] };
}

/** Removes the entries with these keys (`entryKey`). */
export function withoutEntries(metadata: ReviewMetadata, keys: ReadonlySet<string>): ReviewMetadata {
  return { entries: metadata.entries.filter((entry) => !keys.has(entryKey(entry))) };
}
