import type { Lang } from '../../domain/types';

/**
 * Texts of the requester drafts (issue 16): the dossier panel's section and the register's filter.
 * Kept apart from the section so the register's first load carries only these words.
 */
/** Texts of the section (Dutch and English in `requesterDraftsStrings`). */
export interface RequesterDraftsStrings {
  readonly heading: string;
  readonly requesterReminder: string;
  readonly destructionRequest: string;
  /** `{dueOn}`, `{to}`. */
  readonly details: string;
  readonly preview: string;
  readonly dismiss: string;
  readonly reason: string;
  readonly confirmDismiss: string;
  readonly cancel: string;
  /** The register's filter (first load): `{count}` dossiers with a waiting draft. */
  readonly waitingDossiers: string;
  readonly showOnlyWaiting: string;
  readonly showAll: string;
}

export const requesterDraftsStrings: Readonly<Record<Lang, RequesterDraftsStrings>> = {
  nl: {
    heading: 'Concepten aan de aanvrager',
    requesterReminder: 'Herinnering aan de aanvrager',
    destructionRequest: 'Vraag tot vernietiging',
    details: 'Klaar sinds {dueOn}, aan {to}',
    preview: 'Bekijken en versturen',
    dismiss: 'Negeren',
    reason: 'Reden',
    confirmDismiss: 'Concept negeren',
    cancel: 'Annuleren',
    waitingDossiers: '{count} dossier(s) met een concept aan de aanvrager dat wacht op nalezing',
    showOnlyWaiting: 'Alleen deze dossiers tonen',
    showAll: 'Alle dossiers tonen'
  },
  en: {
    heading: 'Drafts to the requester',
    requesterReminder: 'Reminder to the requester',
    destructionRequest: 'Request to destroy the data',
    details: 'Ready since {dueOn}, to {to}',
    preview: 'Preview and send',
    dismiss: 'Dismiss',
    reason: 'Reason',
    confirmDismiss: 'Dismiss draft',
    cancel: 'Cancel',
    waitingDossiers: '{count} dossier(s) with a draft to the requester waiting for preview',
    showOnlyWaiting: 'Show only these dossiers',
    showAll: 'Show all dossiers'
  }
};

