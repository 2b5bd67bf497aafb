/**
 * Mail side of the data layer: the shared mailbox, sending correspondence, the publication version
 * (PDF through Graph), and the one-click extension request. The intake of the mailbox is an
 * application service (`src/app/mailIntake.ts`).
 *
 *   const mailbox = new GraphSharedMailbox(graph, 'data-aanvragen.vsa@vlaanderen.be');
 *   const mail = new CorrespondenceService({ commands, documents, sender: new GraphMailSender(graph, mailbox.address) });
 */
export * from './ports';
export { GraphSharedMailbox } from './graphSharedMailbox';
export { GraphMailSender, maxInlineAttachmentBytes } from './graphMailSender';
export { GraphPdfConverter } from './graphPdfConverter';
export type { GraphDriveLocation } from './graphPdfConverter';
export { CorrespondenceService } from './correspondenceService';
export type { SendOutcome, CorrespondenceDeps } from './correspondenceService';
export { PublicationService, publicationFileName } from './publicationService';
export type { PublicationDeps } from './publicationService';
export { startExtensionRequest } from './extensionService';
export type { ExtensionStarted, ExtensionDeps } from './extensionService';
export { contentTypeOf, docxContentType, pdfContentType } from './contentTypes';
export { bytesToBase64, base64ToBytes } from './base64';
