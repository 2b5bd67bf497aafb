import type { InboundMessage, ReferenceMention } from '../../correspondence/inbound';
import type { MessageBodyStrings } from './MessageBody';
import type { Lang } from '../../domain/types';

/** One message waiting for the team (the shape `MailIntakeService.pendingMessages` returns). */
export interface IntakeItem {
  readonly message: InboundMessage;
  readonly suggestedReference?: string;
  readonly suggestedFrom?: ReferenceMention;
  readonly interruptedReference?: string;
}

/** Every visible and aria text of the intake list. */
export interface IntakeListStrings extends MessageBodyStrings {
  readonly caption: string;
  readonly empty: string;
  readonly received: string;
  readonly from: string;
  readonly subject: string;
  /** Column of the message text (preview, whole text on demand). */
  readonly body: string;
  readonly attachments: string;
  readonly actions: string;
  readonly yes: string;
  readonly no: string;
  readonly create: string;
  /** `{reference}` is filled in. */
  readonly attachTo: string;
  readonly attachOther: string;
  /** `{reference}` is filled in. */
  readonly resume: string;
  /** Where the suggestion was found; `{mention}` is the reference or protocol number as written. */
  readonly foundInSubject: string;
  readonly foundInBody: string;
}

/** Props of `IntakeList`. The parent runs the imports and opens pickers/dialogs. */
export interface IntakeListProps {
  readonly items: readonly IntakeItem[];
  /** Create a dossier from the message (the parent asks for the institution first). */
  readonly onCreate: (messageId: string) => void;
  /** Attach the message to a dossier; without a reference the parent lets the user pick one. */
  readonly onAttach: (messageId: string, reference?: string) => void;
  /** The message being imported: its buttons are disabled. */
  readonly busyMessageId?: string;
  readonly lang: Lang;
  readonly strings: IntakeListStrings;
}
