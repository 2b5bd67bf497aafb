/**
 * The scheduled job's drafts to requesters in the register (issue 16): listed per dossier (and, for
 * the DPO team, which dossiers have one), previewed and sent through the correspondence service like
 * every mail to a requester, then marked handled in the ledger; or dismissed with a reason.
 * Who may: whoever sends the mail kind (`mailSenders`: the DPO team and the dossier's assigned statistician).
 */
import { meetsRole } from '../domain/permissions';
import { maySendMail } from '../domain/rules/correspondence';
import type { MailDraft } from '../correspondence/types';
import type { Actor, Dossier, IsoDateTime } from '../domain/types';
import type { RequesterDraftStore, WaitingDraft } from '../data/reminderPorts';
import type { SendOutcome } from '../data/mail/correspondenceService';
import { AppError } from './appError';

export type { WaitingDraft } from '../data/reminderPorts';

/** The part of `CorrespondenceService` that sends and records a previewed mail. */
export interface DraftCorrespondence {
  send(draft: MailDraft, actor: Actor, commandId: string): Promise<SendOutcome>;
  recordSent(draft: MailDraft, actor: Actor, commandId: string, sentAt?: IsoDateTime): Promise<string>;
}

/** The mail draft of the composer, prefilled with the job's draft (every field still editable). */
export function mailDraftOf(waiting: WaitingDraft): MailDraft {
  return {
    kind: waiting.kind,
    variant: 'default',
    lang: waiting.draft.lang,
    dossierReference: waiting.reference,
    to: [waiting.draft.to],
    cc: [],
    subject: waiting.draft.subject,
    body: waiting.draft.body,
    attachments: []
  };
}

/** May `actor` preview, send or dismiss the requester drafts of this dossier? */
export function mayHandleDrafts(actor: Actor | undefined, dossier: Dossier | undefined): boolean {
  return maySendMail('requesterReminder', actor, dossier) && maySendMail('destructionRequest', actor, dossier);
}

/** The register's use of the requester drafts. */
export class RequesterDraftService {
  private readonly clock: () => IsoDateTime;

  public constructor(private readonly store: RequesterDraftStore, clock?: () => IsoDateTime) {
    this.clock = clock ?? ((): IsoDateTime => new Date().toISOString());
  }

  private allow(actor: Actor | undefined, dossier: Dossier, kind: WaitingDraft['kind']): asserts actor is Actor {
    if (!maySendMail(kind, actor, dossier)) throw new AppError('app.error.draftNotAllowed', { reference: dossier.reference });
  }

  /** The composer's prefilled mail of a draft (`mailDraftOf`, here so the register imports it with this chunk). */
  public mailDraftOf(waiting: WaitingDraft): MailDraft {
    return mailDraftOf(waiting);
  }

  /** The dossier's waiting drafts; refused to anyone who may not handle them. */
  public async waitingFor(dossier: Dossier, actor: Actor | undefined): Promise<readonly WaitingDraft[]> {
    if (!mayHandleDrafts(actor, dossier)) throw new AppError('app.error.draftNotAllowed', { reference: dossier.reference });
    return this.store.waiting(dossier.reference);
  }

  /**
   * How many drafts wait per dossier, for the register's filter: the DPO team's view (they handle every
   * dossier's drafts); anyone else gets an empty map (a statistician sees their own in the dossier panel).
   */
  public async waitingCounts(actor: Actor | undefined): Promise<ReadonlyMap<string, number>> {
    const counts = new Map<string, number>();
    if (!actor || !meetsRole('dpoTeam', actor, undefined)) return counts;
    for (const waiting of await this.store.waiting()) counts.set(waiting.reference, (counts.get(waiting.reference) ?? 0) + 1);
    return counts;
  }

  private checkDraft(waiting: WaitingDraft, mail: MailDraft): void {
    // The composer edits words and addresses, never which dossier or what kind of mail it is.
    if (mail.dossierReference !== waiting.reference || mail.kind !== waiting.kind) {
      throw new RangeError(`The mail (${mail.kind} of ${mail.dossierReference}) is not the draft's (${waiting.kind} of ${waiting.reference}).`);
    }
  }

  private async markSent(waiting: WaitingDraft, actor: Actor, eventId?: string): Promise<void> {
    await this.store.markHandled(waiting, { status: 'sent', by: actor.id, at: this.clock(), ...(eventId ? { eventId } : {}) });
  }

  /**
   * Sends the previewed mail through the correspondence service (recorded in the dossier as today) and,
   * once it is sent and recorded (or was sent before with this command id), marks the draft `sent`.
   * When only the record failed (`sentNotRecorded`) the draft stays waiting until `recordSent` succeeds.
   */
  public async send(waiting: WaitingDraft, mail: MailDraft, dossier: Dossier, actor: Actor | undefined, commandId: string, correspondence: DraftCorrespondence): Promise<SendOutcome> {
    this.allow(actor, dossier, waiting.kind);
    this.checkDraft(waiting, mail);
    const outcome = await correspondence.send(mail, actor, commandId);
    if (outcome.status === 'sent') await this.markSent(waiting, actor, outcome.eventId);
    else if (outcome.status === 'alreadySent') await this.markSent(waiting, actor);
    return outcome;
  }

  /** Records a mail that went out but was not recorded, then marks the draft `sent`. Returns the event id. */
  public async recordSent(waiting: WaitingDraft, mail: MailDraft, dossier: Dossier, actor: Actor | undefined, commandId: string, sentAt: IsoDateTime, correspondence: DraftCorrespondence): Promise<string> {
    this.allow(actor, dossier, waiting.kind);
    this.checkDraft(waiting, mail);
    const eventId = await correspondence.recordSent(mail, actor, commandId, sentAt);
    await this.markSent(waiting, actor, eventId);
    return eventId;
  }

  /** Dismisses a draft with a reason (required); refused when someone else handled or changed it first. */
  public async dismiss(waiting: WaitingDraft, reason: string, dossier: Dossier, actor: Actor | undefined): Promise<void> {
    this.allow(actor, dossier, waiting.kind);
    const text = reason.trim();
    if (text.length === 0) throw new AppError('app.error.draftReasonRequired');
    const written = await this.store.markHandled(waiting, { status: 'dismissed', by: actor.id, at: this.clock(), reason: text });
    if (!written) throw new AppError('app.error.draftChanged', { reference: waiting.reference });
  }
}

/** Builds the drafts service on first use (its own chunk). */
export type RequesterDraftsLoader = () => Promise<RequesterDraftService>;
