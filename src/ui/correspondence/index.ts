/**
 * Presentational correspondence components the register web part mounts: the mail preview (review,
 * edit, send) and the intake list of the shared mailbox. Texts come in as `strings`; default Dutch and
 * English sets are exported for convenience.
 */
export { MailPreview } from './MailPreview';
export type { MailPreviewProps, MailPreviewStrings } from './MailPreview.types';
export { IntakeList } from './IntakeList';
export type { IntakeListProps, IntakeListStrings, IntakeItem } from './IntakeList.types';
export { mailPreviewStrings, intakeListStrings } from './MailPreview.strings';
export { IntakeImportDialog } from './IntakeImportDialog';
export type { IntakeImportDialogProps, IntakeChoice } from './IntakeImportDialog';
