import type { CommandOf } from '../domain/commands';
import type { DocumentKind, IsoDate, IsoDateTime } from '../domain/types';
import { parseDossierReference, parseProtocolNumber } from '../domain/numbering';
import { documentFileTypeOf } from '../domain/documentRules';

/**
 * Pure rules of the mailbox intake (step 1): recognising a dossier reference in a subject, prefilling
 * `registerRequest` from a message, classifying attachments, and the Outlook category that marks a
 * message as linked (so it is never imported twice and the team sees the link in Outlook too).
 */

/** A message of the shared mailbox as the intake needs it (the body as plain text, no headers). */
export interface InboundMessage {
  readonly id: string;
  readonly subject: string;
  readonly from: { readonly name: string; readonly address: string };
  readonly receivedDateTime: IsoDateTime;
  /** Plain-text start of the body (Graph `bodyPreview`). */
  readonly bodyPreview: string;
  /**
   * The whole body as plain text (`bodyToText`: an HTML body converted, never markup); absent when the
   * source did not read it, and then `bodyPreview` is all there is.
   */
  readonly bodyText?: string;
  readonly hasAttachments: boolean;
  readonly categories: readonly string[];
}

/** An attachment's metadata (bytes are fetched only on import). */
export interface InboundAttachment {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

const referenceInText = /\bVSA-\d{4}-\d{4,}\b/gi;

/** The dossier reference in a subject (`RE: [VSA-2026-0007] ...`), if exactly one distinct one is there. */
export function referenceInSubject(subject: string): string | undefined {
  const found = new Set([...subject.matchAll(referenceInText)].map((match) => match[0].toUpperCase()).filter((ref) => parseDossierReference(ref)));
  return found.size === 1 ? [...found][0] : undefined;
}

/** A reference a message mentions: a dossier reference, or a protocol number (whose dossier the shell looks up). */
export interface ReferenceMention {
  readonly kind: 'dossier' | 'protocol';
  /** As written, upper-cased: `VSA-2026-0012` or `PROT-2025-007`. */
  readonly value: string;
  readonly foundIn: 'subject' | 'body';
}

const mentionInText = /\b(VSA-\d{4}-\d{4,}|PROT-\d{4}-\d{3,})\b/gi;

function mentionsIn(text: string, foundIn: ReferenceMention['foundIn']): ReferenceMention[] {
  return [...text.matchAll(mentionInText)]
    .map((match) => match[1].toUpperCase())
    .filter((value) => parseDossierReference(value) || parseProtocolNumber(value))
    .map((value): ReferenceMention => ({ kind: value.startsWith('VSA-') ? 'dossier' : 'protocol', value, foundIn }));
}

/**
 * Every reference a message mentions, in the order a suggestion tries them: the subject's (in reading
 * order) before the body's, because a reply's subject names the dossier on purpose while a body may quote
 * other dossiers. Each value appears once, at its first place.
 */
export function referenceMentions(subject: string, bodyText: string): ReferenceMention[] {
  const seen = new Set<string>();
  return [...mentionsIn(subject, 'subject'), ...mentionsIn(bodyText, 'body')].filter((mention) => {
    if (seen.has(mention.value)) return false;
    seen.add(mention.value);
    return true;
  });
}

const replyPrefix = /^\s*((re|fw|fwd|tr|antw|antwoord|doorst|wg|aw)\s*(\[\d+\])?\s*:\s*)+/i;

/** The subject without reply/forward prefixes and without a dossier reference in brackets. */
export function cleanSubject(subject: string): string {
  return subject.replace(replyPrefix, '').replace(/\[\s*VSA-\d{4}-\d{4,}\s*\]/gi, '').replace(/\s{2,}/g, ' ').trim();
}

/** Prefix of the Outlook category that links a message to a dossier. */
export const linkedCategoryPrefix = 'Dossier ';

/** The category that marks a message as linked to a dossier: `Dossier VSA-2026-0007`. */
export function linkedCategory(reference: string): string {
  return `${linkedCategoryPrefix}${reference}`;
}

/** The dossier a message is linked to, read from its categories. */
export function linkedReferenceOf(categories: readonly string[]): string | undefined {
  for (const category of categories) {
    if (!category.startsWith(linkedCategoryPrefix)) continue;
    const reference = category.slice(linkedCategoryPrefix.length).trim();
    if (parseDossierReference(reference)) return reference;
  }
  return undefined;
}

/** Extra data the team supplies when creating a dossier from a mail (the mail alone rarely says it). */
export interface IntakeDetails {
  readonly institution?: string;
  readonly isIndividual?: boolean;
  /** Overrides the cleaned subject. */
  readonly subject?: string;
  /** Overrides the sender's display name. */
  readonly contactName?: string;
  /** Overrides the comment taken from the start of the body. */
  readonly comment?: string;
}

/** How much of the body the registration's comment keeps. */
export const bodyExcerptLength = 500;

/**
 * The `registerRequest` a message suggests: sender as contact, cleaned subject, arrival date, and the
 * start of the body as the registration's comment (what the requester wrote, for the audit trail).
 */
export function registerRequestFromMessage(
  message: InboundMessage,
  reference: string,
  commandId: string,
  details: IntakeDetails = {}
): CommandOf<'registerRequest'> {
  const receivedOn: IsoDate | undefined = /^\d{4}-\d{2}-\d{2}/.test(message.receivedDateTime) ? message.receivedDateTime.slice(0, 10) : undefined;
  const institution = details.institution?.trim();
  const excerpt = (message.bodyText ?? message.bodyPreview).replace(/\s+/g, ' ').trim();
  const comment = details.comment ?? (excerpt ? `Uit de e-mail: ${excerpt.length > bodyExcerptLength ? `${excerpt.slice(0, bodyExcerptLength)}…` : excerpt}` : undefined);
  return {
    type: 'registerRequest',
    commandId,
    reference,
    requester: {
      ...(institution ? { institution } : {}),
      isIndividual: details.isIndividual ?? false,
      contact: { name: (details.contactName ?? message.from.name).trim() || message.from.address, email: message.from.address.trim().toLowerCase() }
    },
    subject: (details.subject ?? cleanSubject(message.subject)) || cleanSubject(message.subject),
    ...(receivedOn ? { receivedOn } : {}),
    ...(comment ? { comment } : {})
  };
}

/** How an attachment will be stored. */
export type AttachmentHandling =
  | { readonly action: 'readForm' }
  | { readonly action: 'store'; readonly kind: DocumentKind }
  | { readonly action: 'skip'; readonly reason: 'unsupportedType' | 'unclassified' | 'tooLarge' };

/** Attachment size the intake accepts (Graph's own limit for file attachments read inline is similar). */
export const maxAttachmentBytes = 25 * 1024 * 1024;

const nameHints: readonly (readonly [RegExp, DocumentKind])[] = [
  [/volmacht|mandaat|mandate|delegati/i, 'mandate'],
  [/vereenvoudigd|simplified/i, 'vereenvoudigdAanvraagformulier'],
  [/addendum/i, 'addendum'],
  [/protocol/i, 'protocol'],
  [/verklaring|\btom\b|maatregelen/i, 'verklaringTOM'],
  [/aanvraag|application/i, 'aanvraagformulier']
];

/**
 * What to do with an attachment: .docx files are read as forms (the reader tells the form type);
 * PDFs (signed documents, mandate proofs) are stored under the kind their name suggests. Anything
 * else is skipped and reported, never dropped silently. `kindOverride` is the team's choice in the UI.
 */
export function attachmentHandling(attachment: InboundAttachment, kindOverride?: DocumentKind): AttachmentHandling {
  if (attachment.size > maxAttachmentBytes) return { action: 'skip', reason: 'tooLarge' };
  // The file types a dossier accepts are the domain's one rule (the registration applies it again).
  const fileType = documentFileTypeOf(attachment.name, attachment.contentType)?.type;
  const isDocx = fileType === 'docx';
  const isPdf = fileType === 'pdf';
  if (isDocx) return kindOverride ? { action: 'store', kind: kindOverride } : { action: 'readForm' };
  if (!isPdf) return { action: 'skip', reason: 'unsupportedType' };
  if (kindOverride) return { action: 'store', kind: kindOverride };
  const hint = nameHints.find(([pattern]) => pattern.test(attachment.name));
  return hint ? { action: 'store', kind: hint[1] } : { action: 'skip', reason: 'unclassified' };
}
