/**
 * Ports of the scheduled job's ledger and mail (issue 16), in the data layer so that its adapters
 * (SharePoint list `Herinneringen`, Graph mail) implement them; src/app/jobs re-exports them.
 */
import type { ReminderKind } from '../domain/reminders/types';
import type { IsoDate, IsoDateTime, Lang } from '../domain/types';

/** How far the work of one reminder got (recorded after each step). */
export type LedgerStep = 'draft' | `mail:${Lang}` | `teams:${string}`;

/** Where a reminder's event stands. */
export type LedgerStatus = 'claimed' | 'sent' | 'failed';

/** One reminder event of the ledger (list `Herinneringen`). */
export interface LedgerEntry {
  readonly key: string;
  readonly status: LedgerStatus;
  /** When the current holder claimed it; a `claimed` entry older than the lease is stale (its holder crashed). */
  readonly claimedAt: IsoDateTime;
  readonly attempts: number;
  /** Steps done (the draft, the mail per language, each Teams notification written ahead of its send). */
  readonly steps: readonly LedgerStep[];
  /** Opaque concurrency token (the item's ETag). */
  readonly revision: string;
}

/** A draft mail to the requester that a person previews, edits and sends (never sent by the job). */
export interface RequesterDraft {
  readonly reference: string;
  readonly kind: ReminderKind;
  readonly lang: Lang;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
}

/** What a claim records. */
export interface LedgerClaim {
  readonly key: string;
  readonly kind: ReminderKind;
  readonly reference?: string;
  readonly dueOn: IsoDate;
  readonly at: IsoDateTime;
}

/** A change of an entry. */
export interface LedgerChange {
  readonly status?: LedgerStatus;
  readonly claimedAt?: IsoDateTime;
  readonly attempts?: number;
  readonly steps?: readonly LedgerStep[];
  /** A technical error code (never personal data) of the last failure. */
  readonly error?: string;
  /** The requester draft, kept with its reminder for a person to preview and send. */
  readonly draft?: RequesterDraft;
  readonly sentAt?: IsoDateTime;
}

/**
 * The reminder ledger: one item per idempotency key, the key column unique, so a claim is the
 * creation of the item and a duplicate means someone else has the reminder.
 */
export interface ReminderLedger {
  /** Creates the entry (`claimed`, attempt 1); undefined when an entry with this key exists. */
  create(claim: LedgerClaim): Promise<LedgerEntry | undefined>;
  get(key: string): Promise<LedgerEntry | undefined>;
  /** Writes the change if the entry is still at `entry.revision`; undefined when someone else wrote first. */
  update(entry: LedgerEntry, change: LedgerChange): Promise<LedgerEntry | undefined>;
}

/** Staff mail from the shared mailbox, carrying the reminder's key (a single-value extended property). */
export interface ReminderMailer {
  send(mail: { readonly to: readonly string[]; readonly subject: string; readonly body: string; readonly key: string }): Promise<void>;
  /** True when a mail with this key is in the mailbox's Sent Items. */
  sentWithKey(key: string): Promise<boolean>;
}


// --- requester drafts in the register (issue 16: preview and send) ---

/** Where a requester draft stands: waiting for a person, sent through the register, or dismissed with a reason. */
export type DraftStatus = 'waiting' | 'sent' | 'dismissed';

/** The reminder kinds whose requester draft the register shows (the policy's `requesterDraft` channel). */
export type RequesterDraftKind = 'requesterReminder' | 'destructionRequest';

/** A requester draft that waits on its ledger item (list `Herinneringen`). */
export interface WaitingDraft {
  /** The reminder's idempotency key (`<reference>|<kind>|<due date>`). */
  readonly key: string;
  readonly reference: string;
  readonly kind: RequesterDraftKind;
  readonly dueOn: IsoDate;
  readonly draft: RequesterDraft;
  /** Opaque concurrency token (the item's ETag). */
  readonly revision: string;
}

/** How a person handled a draft. `by` is the actor's id (no name, no address). */
export type DraftHandling =
  | { readonly status: 'sent'; readonly by: string; readonly at: IsoDateTime; readonly eventId?: string }
  | { readonly status: 'dismissed'; readonly by: string; readonly at: IsoDateTime; readonly reason: string };

/** The requester drafts of the ledger, as the register reads and closes them. */
export interface RequesterDraftStore {
  /** The waiting drafts of one dossier, or of every dossier without `reference`. */
  waiting(reference?: string): Promise<readonly WaitingDraft[]>;
  /**
   * Marks a draft handled. A dismissal writes only if the item is still at `draft.revision` (false when
   * someone else changed it first); a sent draft is marked whatever happened since (the mail went out).
   */
  markHandled(draft: WaitingDraft, handling: DraftHandling): Promise<boolean>;
}
