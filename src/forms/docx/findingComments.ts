/**
 * The headless annotator of the review loop: writes a dossier's findings (`DossierFinding`) as Word
 * comments at their field, table row or quoted text, and reads them back from an annotated copy.
 * What the requester reads is written for the requester: the comment's text is the remark alone (an
 * automatic finding's message in the requested language), the author a display name, and the finding's
 * id sits in a hidden run (`w:vanish`) that Word does not show.
 */
import { requesterVisible } from '../../domain/findings';
import type { DossierFinding } from '../../domain/findings';
import type { Lang } from '../../domain/types';
import { getFieldDef } from '../catalog';
import { findingText } from '../findingText';
import type { FieldAnchor } from '../types';
import { anchorForComment, commentDate, openForAnnotating, writeComments } from './annotator';
import type { OpenedDocument, PendingComment } from './annotator';
import { commentContent, COMMENTS_PART } from './comments';
import { openWordPackage } from './package';
import { visibleText } from './text';
import { descendantsNamed, isW, parseXmlPartForReading, W_NS } from './xml';
import type { XmlElement, XmlNode } from './xml';
import { extractForm } from './reader';
import { scanDocument } from './scan';

/** Who signs the comments of automatic findings, and of remarks whose author has no display name. */
export const DEFAULT_COMMENT_AUTHOR = 'Statistiek Vlaanderen (VSA)';

/** Options of `annotateFindings`. */
export interface FindingAnnotationOptions {
  /** Language of automatic findings' messages; default Dutch. */
  readonly lang?: Lang;
  /** The comments' date. */
  readonly date: string | Date;
  /** File name used in error messages. */
  readonly fileName?: string;
  /** Author of automatic findings (and the fallback for a remark without a display name). */
  readonly organisation?: string;
  /**
   * `omit` (default): findings with audience `internal` are left out, so a copy for the requester can
   * never carry one; `include` only for copies that stay inside the VSA.
   */
  readonly internal?: 'omit' | 'include';
}

/** A display name fit to show the requester: never an e-mail address, never blank. */
export function commentAuthorName(name: string | undefined, fallback: string = DEFAULT_COMMENT_AUTHOR): string {
  const trimmed = (name ?? '').trim();
  return trimmed === '' || trimmed.includes('@') ? fallback : trimmed;
}

/** The first paragraph whose visible text holds the quote (whitespace runs compared as one space). */
function paragraphOf(opened: OpenedDocument, quote: string): FieldAnchor | undefined {
  const wanted = quote.replace(/\s+/g, ' ').trim();
  if (wanted === '') return undefined;
  const index = opened.scan.paragraphs.findIndex((paragraph) => visibleText(paragraph).replace(/\s+/g, ' ').includes(wanted));
  return index < 0 ? undefined : { kind: 'paragraph', paragraphIndex: index, label: wanted };
}

/**
 * Writes the findings as comments into a copy of the .docx: at the field's control or label (the row's
 * occurrence for a table cell), else at the paragraph quoting the text anchor, else at the start of the
 * document. Each comment is signed by its author's display name (automatic findings: the
 * organisation) and carries the finding id hidden. Internal findings are left out unless asked for.
 */
export async function annotateFindings(bytes: Uint8Array, findings: readonly DossierFinding[], options: FindingAnnotationOptions): Promise<Uint8Array> {
  const lang = options.lang ?? 'nl';
  const organisation = options.organisation ?? DEFAULT_COMMENT_AUTHOR;
  const written = options.internal === 'include' ? findings : requesterVisible(findings);
  const opened = openForAnnotating(bytes, options.fileName ?? 'form.docx');
  let form: ReturnType<typeof extractForm> | undefined;
  const readForm = (): ReturnType<typeof extractForm> => (form = form ?? extractForm(opened.pkg, opened.document));
  const pending: PendingComment[] = written.map((finding) => {
    const fieldAnchor = finding.fieldId ? anchorForComment(opened.scan, { fieldId: finding.fieldId, text: '', occurrence: finding.rowIndex }, readForm) : undefined;
    const anchor =
      fieldAnchor && fieldAnchor.kind !== 'document' ? fieldAnchor : ((finding.textAnchor ? paragraphOf(opened, finding.textAnchor) : undefined) ?? { kind: 'document' as const });
    return {
      anchor,
      text: findingText(finding, lang),
      author: finding.origin === 'check' ? organisation : commentAuthorName(finding.author.displayName, organisation),
      findingId: finding.id
    };
  });
  return writeComments(opened, pending, organisation, commentDate(options.date));
}

/** Where a comment of an annotated copy came from. */
export type AnnotationOrigin =
  /** Written by `annotateFindings`: the finding id is known. */
  | 'finding'
  /** An automatic finding of an older annotated copy (`Blokkerend: …`, or the Word pane's `[VSA check:field#n]`). */
  | 'legacyCheck'
  /** Anything else: a reviewer's remark (the Word pane's `[VSA]`, or a comment a person typed). */
  | 'remark';

/** One comment read back from an annotated copy. */
export interface Annotation {
  /** The comment's id in the document. */
  readonly commentId: number;
  readonly origin: AnnotationOrigin;
  /** The finding id of the hidden marker (`finding`). */
  readonly findingId?: string;
  /** The Word pane's older key (`required:project.titel#0`), for `legacyCheck` comments that had one. */
  readonly legacyKey?: string;
  /** The visible text, without any marker. */
  readonly text: string;
  readonly author: string;
  readonly date: string;
  /** The field the comment's range starts on, and the row (occurrence) for a table column. */
  readonly fieldId?: string;
  readonly rowIndex?: number;
}

const LEGACY_MARKER = /\s*\[VSA(?: ([^\]\s]+))?\]\s*$/;
const LEGACY_SEVERITY = /^(Blokkerend|Waarschuwing|Info|Blocking|Warning): /;

function attribute(element: XmlElement, name: string): string {
  return element.getAttributeNS(W_NS, name) ?? element.getAttribute(`w:${name}`) ?? '';
}

/** Comment id → the control (tag, occurrence) its range starts on or in. */
function controlsOfComments(opened: Pick<OpenedDocument, 'scan'>): Map<number, { tag: string; occurrence: number }> {
  const byElement = new Map(opened.scan.controls.map((control) => [control.element, control]));
  const out = new Map<number, { tag: string; occurrence: number }>();
  for (const start of opened.scan.commentStarts) {
    let sibling: XmlNode | null = start.nextSibling;
    while (sibling && (sibling.nodeType !== 1 || isW(sibling, 'commentRangeStart') || isW(sibling, 'bookmarkStart'))) sibling = sibling.nextSibling;
    let control = sibling ? byElement.get(sibling as XmlElement) : undefined;
    for (let node = start.parentNode; !control && node; node = node.parentNode) control = byElement.get(node as XmlElement);
    if (control) out.set(Number(attribute(start, 'id')), { tag: control.tag, occurrence: control.occurrence });
  }
  return out;
}

/**
 * Reads the comments of an annotated copy back: the finding id of each comment this annotator wrote,
 * and, for copies written before comments carried a hidden id, whether a comment was an automatic
 * finding (the older `Blokkerend: …` texts of the CLI and the Word pane's `[VSA check:field#n]`
 * marker) or a remark. The field (and table row) comes from where the comment's range starts.
 */
export async function readAnnotations(bytes: Uint8Array, fileName: string): Promise<readonly Annotation[]> {
  const pkg = openWordPackage(bytes, fileName);
  const commentsBytes = pkg.entries.get(COMMENTS_PART);
  if (!commentsBytes) return [];
  const main = parseXmlPartForReading(pkg.entries.get(pkg.mainPartName)!, pkg.mainPartName, fileName);
  const form = extractForm(pkg, main);
  const fieldOf = new Map(form.comments.map((comment) => [comment.id, comment.fieldId]));
  const controls = controlsOfComments({ scan: scanDocument(main) });
  const comments = parseXmlPartForReading(commentsBytes, COMMENTS_PART, fileName);
  return descendantsNamed(comments, 'comment', W_NS).map((element): Annotation => {
    const commentId = Number(attribute(element, 'id'));
    const author = attribute(element, 'author');
    const content = commentContent(element);
    let text = content.text;
    let origin: AnnotationOrigin = content.findingId ? 'finding' : 'remark';
    let legacyKey: string | undefined;
    const legacy = content.findingId ? null : LEGACY_MARKER.exec(text);
    if (legacy) {
      text = text.slice(0, legacy.index).trim();
      if (legacy[1]) {
        origin = 'legacyCheck';
        legacyKey = legacy[1];
      }
    } else if (!content.findingId && LEGACY_SEVERITY.test(text)) {
      // The CLI (author `VSA vsa-forms`) and the register's annotated download (the reviewer's name)
      // wrote automatic findings as "<severity>: <message>" before comments carried an id.
      origin = 'legacyCheck';
    }
    const fieldId = fieldOf.get(commentId);
    const control = controls.get(commentId);
    const column = fieldId !== undefined && control?.tag === fieldId && fieldId.includes('.') && isColumn(fieldId);
    return {
      commentId,
      origin,
      ...(content.findingId ? { findingId: content.findingId } : {}),
      ...(legacyKey ? { legacyKey } : {}),
      text,
      author,
      date: attribute(element, 'date'),
      ...(fieldId ? { fieldId } : {}),
      ...(column ? { rowIndex: control!.occurrence } : {})
    };
  });
}

/** True when the field id is a column of a repeating table in the catalog. */
function isColumn(fieldId: string): boolean {
  const table = getFieldDef(fieldId.slice(0, fieldId.indexOf('.')));
  return !!table?.columns?.some((column) => column.id === fieldId);
}

/** The finding ids of an annotated copy (comments written by `annotateFindings`), in document order. */
export async function readFindingIds(bytes: Uint8Array, fileName: string): Promise<readonly string[]> {
  return (await readAnnotations(bytes, fileName)).flatMap((annotation) => (annotation.findingId ? [annotation.findingId] : []));
}
