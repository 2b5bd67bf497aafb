import type { InboundAttachment, InboundMessage } from '../../correspondence/inbound';

/**
 * Ports of the mail side of the data layer: the shared mailbox (intake), sending from it, and the
 * PDF conversion of a stored document. The Graph adapters in this folder implement them.
 */

/** The `data-aanvragen` shared mailbox, read through Graph. */
export interface SharedMailbox {
  /** The mailbox address (configurable). */
  readonly address: string;
  /** The newest messages, up to `limit` (default 200). */
  listMessages(limit?: number): Promise<InboundMessage[]>;
  getMessage(messageId: string): Promise<InboundMessage>;
  listAttachments(messageId: string): Promise<InboundAttachment[]>;
  downloadAttachment(messageId: string, attachmentId: string): Promise<Uint8Array>;
  /** Replaces the message's Outlook categories. */
  setCategories(messageId: string, categories: readonly string[]): Promise<void>;
}

/** A file attached to an outgoing mail. */
export interface OutgoingAttachment {
  readonly name: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** An outgoing mail (plain-text body); never logged. */
export interface OutgoingMail {
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  readonly body: string;
  readonly attachments: readonly OutgoingAttachment[];
}

/** Sends mail from the shared mailbox (Graph `sendMail`, "Send As" the mailbox). */
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}

/** Converts a document of a dossier's folder to PDF. */
export interface PdfConverter {
  /** The PDF rendering of `Dossierdocumenten/<reference>/<fileName>`. */
  toPdf(reference: string, fileName: string): Promise<Uint8Array>;
}

/**
 * The publication version of a signed file (`makePublicationVersion` of `src/signatures/publication`):
 * a PDF becomes a PDF without signature data; a .docx becomes the same .docx without its digital
 * signature parts and the signature blocks' hidden data (a converter renders it as PDF afterwards).
 */
export type MakePublicationVersion = (bytes: Uint8Array, fileName: string) => Promise<{ readonly bytes: Uint8Array; readonly fileName: string }>;
