import type { FormType } from '../forms/types';
import type { Lang, OutgoingMailKind } from '../domain/types';
import { outgoingMailKinds } from '../domain/rules/correspondence';

/**
 * The e-mails of the procedure the DPO team sends from the shared mailbox (steps 1, 3, 4, 5, 6).
 * The domain owns the ids (they appear in `CorrespondenceRecorded` events); templates and UI strings use them.
 */
export type MailKind = OutgoingMailKind;

/** Every mail kind, in procedure order. */
export const mailKinds: readonly MailKind[] = outgoingMailKinds;

/**
 * Where an attachment's bytes come from; the send service resolves them.
 * `template`: a blank form generated from the catalog. `dossier`: a file in the dossier's folder.
 * `filled`: the form filled by the product from the dossier when the mail is sent (today the addendum
 * of step 4, simplified procedure: `addendumValues`), so it states what was approved. `annotated`: a
 * dossier file with the return's findings as Word comments (step 3).
 */
export type AttachmentSource =
  | { readonly source: 'template'; readonly formType: FormType; readonly fileName: string }
  /**
   * The protocol of step 4, standard procedure: the requester's reviewed protocol (`baseFileName`, a dossier
   * file) with its conditions table filled from the decision when the mail is sent (`protocolToSign`).
   */
  | { readonly source: 'filled'; readonly formType: 'protocol'; readonly fileName: string; readonly baseFileName: string; readonly baseVersion?: string }
  | { readonly source: 'filled'; readonly formType: 'addendum'; readonly fileName: string }
  /**
   * `role`: what the file is for the mail with both versions (step 5): the countersigned original or the
   * publication version. That mail is not sent without one of each (`validateDraft`).
   */
  | { readonly source: 'dossier'; readonly fileName: string; readonly documentId?: string; readonly role?: BothVersionsRole }
  /**
   * A draft .docx of the dossier, annotated when the mail is sent with exactly these findings (the
   * return's open requester findings of that document): comments at their fields, ids hidden. `version`:
   * the registered version (the requester's upload), never a later save of the same file (the reviewer's
   * Word pane writes its own comments into it).
   */
  | { readonly source: 'annotated'; readonly fileName: string; readonly documentId?: string; readonly version?: string; readonly findingIds: readonly string[] };

/** The two versions the requester receives after the countersignature (step 5). */
export type BothVersionsRole = 'countersignedOriginal' | 'publicationVersion';

/** A file of the dossier's folder as the draft sees it: the publication version is stored before it is registered. */
export interface FolderFile {
  readonly id: string;
  readonly fileName: string;
  readonly kind?: string;
  readonly phase?: string;
}

/** A mail prepared for preview: every field can still be edited before sending. */
export interface MailDraft {
  readonly kind: MailKind;
  /** Template variant, e.g. `standard`, `simplified`, `approved`, `rejected`. */
  readonly variant: string;
  readonly lang: Lang;
  readonly dossierReference: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  /** Plain text. */
  readonly body: string;
  readonly attachments: readonly AttachmentSource[];
}

/** Problems that stop a draft from being sent (codes double as translation keys). */
export type MailDraftErrorCode =
  | 'mail.error.noRecipient'
  | 'mail.error.invalidRecipient'
  | 'mail.error.emptySubject'
  | 'mail.error.emptyBody'
  | 'mail.error.unfilledPlaceholder'
  | 'mail.error.invalidAttachmentName'
  | 'mail.error.duplicateAttachment'
  | 'mail.error.countersignedOriginalMissing'
  | 'mail.error.publicationVersionMissing';

/** Something the sender should look at, but that does not stop sending. */
export type MailDraftWarningCode = 'mail.warning.referenceMissingFromSubject' | 'mail.warning.noAttachments';

/** One finding about a draft. */
export interface MailDraftIssue<C extends string> {
  readonly code: C;
  readonly params?: Readonly<Record<string, string>>;
}

/** Result of validating a draft. */
export interface MailDraftValidation {
  readonly ok: boolean;
  readonly errors: readonly MailDraftIssue<MailDraftErrorCode>[];
  readonly warnings: readonly MailDraftIssue<MailDraftWarningCode>[];
}
