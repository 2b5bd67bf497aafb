/**
 * Reminders of the scheduled job (issue 16): what is due at a moment, for whom, through which
 * channel, with an idempotency key. Pure types; the policy table is `policy.ts`, the rule `due.ts`.
 */
import type { DossierClock, PhaseId } from '../clocks/types';
import type { Catalog } from '../i18n/catalog';
import type { IsoDate, Lang, PersonRef, RoleId, StateId } from '../types';

/** The kinds of reminder the job sends. */
export type ReminderKind =
  | 'phaseOverdue'
  | 'escalation'
  | 'requesterReminder'
  | 'protocolEnd'
  | 'destructionRequest'
  | 'destructionEscalation'
  | 'weeklyDigest';

/**
 * Who receives a reminder: the owner of the dossier's current phase (`phaseOwners`), a role's members,
 * the assigned statistician (the DPO team when none is assigned), the digest's person, or the requester
 * (always as a draft a person previews and sends).
 */
export type ReminderRecipientRule = 'phaseOwner' | 'assignee' | 'dpoTeam' | 'dpoTeamAndAssignee' | 'person' | 'requester';

/** Teams activity notification and mail to staff; or a draft mail to the requester (staff are told it waits). */
export type ReminderChannel = 'teamsAndMail' | 'requesterDraft';

/** Words for staff: a title (after `Dossier <reference>: `) and a body; `{name}` placeholders. */
export interface ReminderStaffText {
  readonly title: string;
  readonly body: string;
}

/** Words of the requester's draft mail. */
export interface ReminderRequesterText {
  readonly subject: string;
  readonly body: string;
}

/** One row of the reminder policy. */
export interface ReminderRule {
  readonly kind: ReminderKind;
  readonly recipients: ReminderRecipientRule;
  readonly channel: ReminderChannel;
  /** Staff's words (for `requesterDraft`: that a draft waits for preview). */
  readonly staffText: Catalog<ReminderStaffText>;
  /** The requester draft's words (`requesterDraft` only). */
  readonly requesterText?: Catalog<ReminderRequesterText>;
}

/** Who owns a VSA phase (requester phases: the requester, reminded by draft). */
export type PhaseOwner = 'dpoTeam' | 'assignee' | 'dpo' | 'chiefStatistician' | 'requester';

/** Why the destruction follow-up started. */
export type DestructionReason = 'retentionEnd' | 'protocolEnd' | 'revocation';

/** The destruction follow-up of a delivered (or revoked) dossier. */
export interface DestructionFacts {
  /** The day the requester is first asked to confirm destruction. */
  readonly from: IsoDate;
  readonly reason: DestructionReason;
  /** A confirmation is registered (the dossier closes). */
  readonly confirmed: boolean;
}

/** What the reminder rule reads of one dossier (the app builds it from the dossier and its clock). */
export interface ReminderFacts {
  readonly reference: string;
  readonly state: StateId;
  readonly assignee?: PersonRef;
  /** The requester's contact, for drafts; absent when the dossier has none. */
  readonly requester?: { readonly name: string; readonly email: string };
  /** The requester's language for drafts (default Dutch). */
  readonly requesterLang?: Lang;
  readonly clock: DossierClock;
  /** The protocol's effective end date, for the protocol-end reminder (standard protocols, published or delivered). */
  readonly protocolEnd?: IsoDate;
  readonly destruction?: DestructionFacts;
}

/** A person who can receive a reminder; `lang` when their language is known. */
export interface ReminderPerson extends PersonRef {
  readonly lang?: Lang;
}

/** The members of the roles reminders go to. */
export type RoleMembers = Readonly<Partial<Record<RoleId, readonly ReminderPerson[]>>>;

/** One overdue item of a person's weekly digest. */
export interface DigestItem {
  readonly reference: string;
  readonly phase: PhaseId;
  readonly dueOn: IsoDate;
  readonly overdueDays: number;
}

/** A reminder due now. */
export interface DueReminder {
  /** Idempotency key: `<reference>|<kind>|<due date>`, the digest's `<person>|weeklyDigest|<ISO week>`. */
  readonly key: string;
  readonly kind: ReminderKind;
  readonly channel: ReminderChannel;
  /** Absent for the digest. */
  readonly reference?: string;
  /** The day the reminder became due (part of the key). */
  readonly dueOn: IsoDate;
  /** Staff who get the Teams activity and the mail (for `requesterDraft`: told that a draft waits). */
  readonly staff: readonly ReminderPerson[];
  /** The requester draft's recipient (`requesterDraft` only). */
  readonly requester?: { readonly name: string; readonly email: string; readonly lang: Lang };
  /** The phase the reminder is about (phase reminders). */
  readonly phase?: PhaseId;
  /** Values of the texts' placeholders (never a requester's personal data in staff texts). */
  readonly params: Readonly<Record<string, string>>;
  /** The digest's items. */
  readonly items?: readonly DigestItem[];
}

/** A dossier whose reminders could not be computed (no recipient): said once in the job's log. */
export interface ReminderProblem {
  readonly reference?: string;
  readonly kind: ReminderKind;
  readonly code: 'reminder.error.noRecipient';
}

/** What `dueReminders` returns. */
export interface DueReminders {
  readonly reminders: readonly DueReminder[];
  readonly problems: readonly ReminderProblem[];
}
