import { isEmailAddress } from '../domain/rules/text';
import { unfilledPlaceholders } from './templates';
import type { MailDraft, MailDraftErrorCode, MailDraftIssue, MailDraftValidation, MailDraftWarningCode } from './types';

/** Characters no mail client accepts in an attachment name (and path separators). */
const badFileCharacters = /[\\/:*?"<>|]/;
const hasControlCharacter = (name: string): boolean => [...name].some((ch) => ch.charCodeAt(0) < 0x20);
const isBadFileName = (name: string): boolean => name.trim() === '' || badFileCharacters.test(name) || hasControlCharacter(name);

/**
 * Whether a draft may be sent. Every problem is reported at once so the preview can show them all.
 * A subject without the dossier reference is only a warning: it still goes out, but the reply will not
 * be recognised automatically by the intake.
 */
export function validateDraft(draft: MailDraft): MailDraftValidation {
  const errors: MailDraftIssue<MailDraftErrorCode>[] = [];
  const warnings: MailDraftIssue<MailDraftWarningCode>[] = [];
  if (draft.to.length === 0) errors.push({ code: 'mail.error.noRecipient' });
  for (const address of [...draft.to, ...draft.cc]) {
    if (!isEmailAddress(address)) errors.push({ code: 'mail.error.invalidRecipient', params: { address } });
  }
  if (draft.subject.trim() === '') errors.push({ code: 'mail.error.emptySubject' });
  if (draft.body.trim() === '') errors.push({ code: 'mail.error.emptyBody' });
  for (const name of new Set([...unfilledPlaceholders(draft.subject), ...unfilledPlaceholders(draft.body)])) {
    errors.push({ code: 'mail.error.unfilledPlaceholder', params: { name } });
  }
  const seen = new Set<string>();
  for (const attachment of draft.attachments) {
    const name = attachment.fileName;
    if (isBadFileName(name)) errors.push({ code: 'mail.error.invalidAttachmentName', params: { name } });
    const key = name.toLowerCase();
    if (seen.has(key)) errors.push({ code: 'mail.error.duplicateAttachment', params: { name } });
    seen.add(key);
  }
  if (!draft.subject.includes(draft.dossierReference)) {
    warnings.push({ code: 'mail.warning.referenceMissingFromSubject', params: { reference: draft.dossierReference } });
  }
  if (draft.kind === 'countersignedProtocol') {
    // The mail promises both versions "in bijlage": it never leaves without one of each.
    const roles = new Set(draft.attachments.map((attachment) => (attachment.source === 'dossier' ? attachment.role : undefined)));
    if (!roles.has('countersignedOriginal')) errors.push({ code: 'mail.error.countersignedOriginalMissing' });
    if (!roles.has('publicationVersion')) errors.push({ code: 'mail.error.publicationVersionMissing' });
  }
  const expectsAttachments = draft.kind === 'requestForms' || draft.kind === 'countersignedProtocol';
  if (expectsAttachments && draft.attachments.length === 0) warnings.push({ code: 'mail.warning.noAttachments' });
  return { ok: errors.length === 0, errors, warnings };
}
