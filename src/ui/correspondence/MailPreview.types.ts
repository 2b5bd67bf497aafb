import type { MailDraft } from '../../correspondence/types';
import type { Lang } from '../../domain/types';

/** Every visible and aria text of the mail preview (Dutch and English sets in `mailPreviewStrings`). */
export interface MailPreviewStrings {
  readonly heading: string;
  readonly to: string;
  readonly cc: string;
  /** Help text under the address fields. */
  readonly addressesHint: string;
  readonly subject: string;
  readonly body: string;
  readonly attachments: string;
  readonly noAttachments: string;
  /** `{name}` is the file name. */
  readonly removeAttachment: string;
  readonly fromTemplate: string;
  readonly fromDossier: string;
  /** A form the product fills from the dossier (the addendum of step 4). */
  readonly filledFromDossier: string;
  /** A draft from the dossier with the return's findings as Word comments (step 3). */
  readonly annotatedFromDossier: string;
  readonly errorsHeading: string;
  readonly warningsHeading: string;
  readonly send: string;
  readonly sending: string;
  readonly cancel: string;
}

/** Props of `MailPreview`: a controlled editor of one draft (give it a new `key` for another draft). */
export interface MailPreviewProps {
  readonly draft: MailDraft;
  /** Called with the edited draft on every change (the parent keeps the state). */
  readonly onChange: (draft: MailDraft) => void;
  /** Called with the draft when the user sends; only enabled when the draft validates. */
  readonly onSend: (draft: MailDraft) => void;
  readonly onCancel: () => void;
  /** True while the parent sends: fields and buttons are disabled. */
  readonly sending?: boolean;
  readonly lang: Lang;
  readonly strings: MailPreviewStrings;
}
