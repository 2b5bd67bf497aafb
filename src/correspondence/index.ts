/**
 * Correspondence with the requester (pure, browser-safe): Dutch and English e-mail templates, the
 * preview model (draft → edit → validate), the audit records of sent and received mails, and the pure
 * rules of the mailbox intake. Sending and importing live in `src/data/mail`.
 *
 *   const draft = buildMailDraft('requestForms', dossier, { lang: 'nl', context: { mailbox } });
 *   const edited = editDraft(draft, { body: draft.body + '\nPS ...' });
 *   const { ok, errors } = validateDraft(edited);
 */
export * from './types';
export { formatLongDate, bulletList, joinWords } from './format';
export { mailTemplates, templateIds, templateOf, renderTemplate, unfilledPlaceholders } from './templates';
export type { MailTemplate, MailTemplates, TemplateId, TemplateParams } from './templates';
export { mailParams, formsOfProcedure, documentsToSign } from './params';
export type { MailContext } from './params';
export { buildMailDraft, defaultAttachments, suggestedMailKinds, variantOf, editDraft, addendumFileName, protocolFileName } from './draft';
export type { DraftOptions, DraftEdit } from './draft';
export { addendumValues, formDate, formEnterpriseNumber } from './addendum';
export type { ParentProtocolFacts } from './addendum';
export { conditionRows, conditionsFormValues, conditionLines, noConditionsText } from './conditions';
export { validateDraft } from './validate';
export { mailKindLabels, mailKindLabel, mailMessages, formatMailIssue } from './labels';
export { mailSentCommand, mailReceivedCommand, outgoingMessageId, missingSubjectText } from './audit';
export type { ReceivedMailFacts } from './audit';
export {
  referenceInSubject,
  referenceMentions,
  cleanSubject,
  linkedCategory,
  linkedCategoryPrefix,
  linkedReferenceOf,
  registerRequestFromMessage,
  attachmentHandling,
  maxAttachmentBytes,
  bodyExcerptLength
} from './inbound';
export type { InboundMessage, InboundAttachment, IntakeDetails, AttachmentHandling, ReferenceMention } from './inbound';
export { bodyToText, htmlToText, decodeEntities, previewOf, bodyPreviewLength } from './bodyText';
export { findingsMailText, returnedFindings, fieldLabel } from './findings';
