/**
 * Mail side of the data layer: the shared mailbox intake, sending correspondence, the publication
 * version (PDF through Graph), and the one-click extension request.
 *
 *   const mailbox = new GraphSharedMailbox(graph, 'data-aanvragen.vsa@vlaanderen.be');
 *   const intake = new MailIntakeService({ mailbox, commands, documents, nextReference: (y) => lookups.nextReference(y) });
 *   const mail = new CorrespondenceService({ commands, documents, sender: new GraphMailSender(graph, mailbox.address) });
 */
export * from './ports';
export { GraphSharedMailbox } from './graphSharedMailbox';
export { GraphMailSender, maxInlineAttachmentBytes } from './graphMailSender';
export { GraphPdfConverter } from './graphPdfConverter';
export type { GraphDriveLocation } from './graphPdfConverter';
export { MailIntakeService, intakeClaimPrefix } from './intakeService';
export type { PendingMessage, AttachmentResult, ImportOutcome, IntakeDeps, ImportOptions } from './intakeService';
export { CorrespondenceService } from './correspondenceService';
export type { SendOutcome, CorrespondenceDeps } from './correspondenceService';
export { PublicationService, publicationFileName } from './publicationService';
export type { PublicationDeps } from './publicationService';
export { startExtensionRequest } from './extensionService';
export type { ExtensionStarted, ExtensionDeps } from './extensionService';
export { contentTypeOf, docxContentType, pdfContentType } from './contentTypes';
export { bytesToBase64, base64ToBytes } from './base64';
