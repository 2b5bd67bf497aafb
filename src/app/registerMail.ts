/**
 * The mail features the register uses, as types only: the register imports nothing of the mail code
 * until the mailbox tab or a mail dialog needs it (see `src/composition/registerMail.ts`, loaded lazily).
 */
import type { Actor, Dossier, IsoDateTime } from '../domain/types';
import type { MailKind } from '../correspondence/types';
import type { CorrespondenceService, ExtensionStarted, PublicationService } from '../data/mail';
import type { MailIntakeService } from './mailIntake';

/** The composed mail services of one register. */
export interface RegisterMail {
  /** The shared mailbox address (shown in mails and used as sender). */
  readonly mailboxAddress: string;
  readonly intake: MailIntakeService;
  readonly correspondence: CorrespondenceService;
  readonly publication: PublicationService;
  /** The mails the dossier calls for now (`suggestedMailKinds`; lives here so the templates load with the mail chunk). */
  readonly mailKindsFor: (dossier: Dossier) => MailKind[];
  /** `startExtensionRequest` on this data layer. */
  readonly startExtension: (protocolReference: string, actor: Actor, clickId: string, now: IsoDateTime) => Promise<ExtensionStarted>;
}

/** Builds the mail services on first use (the web part gets its Graph client asynchronously). */
export type RegisterMailLoader = () => Promise<RegisterMail>;
