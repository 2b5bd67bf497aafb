import { mailReceivedCommand } from '../../correspondence/audit';
import { attachmentHandling, linkedCategory, linkedReferenceOf, referenceInSubject, registerRequestFromMessage } from '../../correspondence/inbound';
import type { InboundAttachment, InboundMessage, IntakeDetails } from '../../correspondence/inbound';
import { decide } from '../../domain/decide';
import { isDossierReference } from '../../domain/numbering';
import type { Actor, CheckSummary, DocumentKind, DomainError, IsoDateTime, StateId } from '../../domain/types';
import { readForm } from '../../forms/docx/reader';
import { checkForm } from '../../forms/checks';
import type { CommandService } from '../commandService';
import { DataError, isDataError } from '../errors';
import type { DocumentLibrary, StoredDocument } from '../ports';
import type { SharedMailbox } from './ports';

/** Category that claims a message while its import runs: `Intake VSA-2026-0007`. */
export const intakeClaimPrefix = 'Intake ';

/** A message of the mailbox that still needs the team (unlinked, or an import that was interrupted). */
export interface PendingMessage {
  readonly message: InboundMessage;
  /** The dossier reference the subject mentions, if it exists (attach to it with one click). */
  readonly suggestedReference?: string;
  /** Set when an earlier import claimed the message but did not finish: resume with this reference. */
  readonly interruptedReference?: string;
}

/** What happened to one attachment. */
export type AttachmentResult =
  | { readonly name: string; readonly status: 'stored'; readonly document: StoredDocument; readonly kind: DocumentKind; readonly check?: CheckSummary }
  | { readonly name: string; readonly status: 'skipped'; readonly reason: 'unsupportedType' | 'unclassified' | 'tooLarge' | 'unreadable'; readonly detail?: string };

/** What an import did. */
export type ImportOutcome =
  | { readonly status: 'refused'; readonly errors: readonly DomainError[] }
  /** The message was linked before; nothing was done again. */
  | { readonly status: 'alreadyLinked'; readonly reference: string }
  | { readonly status: 'imported'; readonly reference: string; readonly created: boolean; readonly attachments: readonly AttachmentResult[] };

/** Dependencies of the intake. */
export interface IntakeDeps {
  readonly mailbox: SharedMailbox;
  readonly commands: CommandService;
  readonly documents: DocumentLibrary;
  /** The next free dossier reference of a year (`DossierLookups.nextReference`). */
  readonly nextReference: (year: number) => Promise<string>;
  readonly clock?: () => IsoDateTime;
}

/** Options of an import. */
export interface ImportOptions {
  /** Kinds chosen by the team per attachment id (for PDFs whose name says nothing). */
  readonly attachmentKinds?: Readonly<Record<string, DocumentKind>>;
}

const signedStates: readonly StateId[] = ['awaitingSignatures', 'awaitingCountersignature'];

function claimedReferenceOf(categories: readonly string[]): string | undefined {
  const claim = categories.find((category) => category.startsWith(intakeClaimPrefix));
  const reference = claim?.slice(intakeClaimPrefix.length).trim();
  return reference && isDossierReference(reference) ? reference : undefined;
}

/**
 * Step 1 from the shared mailbox. A message is linked to a dossier by the Outlook category
 * `Dossier <reference>`; while an import runs it carries `Intake <reference>`, so a crash half-way is
 * resumed with the same reference and the same command ids (the command service skips what was done):
 * a message is never imported twice. Attachments go to the dossier's folder and are checked on arrival.
 */
export class MailIntakeService {
  private readonly clock: () => IsoDateTime;

  public constructor(private readonly deps: IntakeDeps) {
    this.clock = deps.clock ?? ((): IsoDateTime => new Date().toISOString());
  }

  /** Messages not yet linked to a dossier, newest first, with a suggested dossier when the subject names one. */
  public async pendingMessages(limit?: number): Promise<PendingMessage[]> {
    const messages = await this.deps.mailbox.listMessages(limit);
    const pending: PendingMessage[] = [];
    for (const message of messages) {
      if (linkedReferenceOf(message.categories)) continue;
      const interruptedReference = claimedReferenceOf(message.categories);
      const suggested = referenceInSubject(message.subject);
      const suggestedReference = suggested && (await this.deps.commands.load(suggested)).dossier ? suggested : undefined;
      pending.push({ message, ...(suggestedReference ? { suggestedReference } : {}), ...(interruptedReference ? { interruptedReference } : {}) });
    }
    return pending;
  }

  /** Creates a dossier (`registerRequest` prefilled from the message) and stores the attachments. */
  public async createDossier(messageId: string, details: IntakeDetails, actor: Actor, options: ImportOptions = {}): Promise<ImportOutcome> {
    const message = await this.deps.mailbox.getMessage(messageId);
    const linked = linkedReferenceOf(message.categories);
    if (linked) return { status: 'alreadyLinked', reference: linked };
    const now = this.clock();
    const reference = claimedReferenceOf(message.categories) ?? (await this.deps.nextReference(Number(now.slice(0, 4))));
    const command = registerRequestFromMessage(message, reference, `mail:${message.id}:register`, details);
    // Refusals (e.g. no institution) come before the claim, so a refused message stays untouched.
    const preview = decide(undefined, command, actor, now);
    const existing = (await this.deps.commands.load(reference)).dossier;
    if (!preview.ok && !existing) return { status: 'refused', errors: preview.errors };
    await this.claim(message, reference);
    const outcome = await this.deps.commands.execute(reference, command, actor, now);
    if (!outcome.ok) return { status: 'refused', errors: outcome.errors };
    return this.finish(message, reference, actor, options, !outcome.alreadyApplied);
  }

  /** Links the message to an existing dossier (e.g. the one its subject names) and stores the attachments. */
  public async attachToDossier(messageId: string, reference: string, actor: Actor, options: ImportOptions = {}): Promise<ImportOutcome> {
    const message = await this.deps.mailbox.getMessage(messageId);
    const linked = linkedReferenceOf(message.categories);
    if (linked) return { status: 'alreadyLinked', reference: linked };
    const claimed = claimedReferenceOf(message.categories);
    if (claimed && claimed !== reference) {
      throw new DataError('data.error.conflict', `This message is being imported into ${claimed}; finish that import first.`, 409);
    }
    if (!(await this.deps.commands.load(reference)).dossier) throw new DataError('data.error.notFound', `Dossier ${reference} does not exist.`, 404);
    await this.claim(message, reference);
    return this.finish(message, reference, actor, options, false);
  }

  private async claim(message: InboundMessage, reference: string): Promise<void> {
    const claim = `${intakeClaimPrefix}${reference}`;
    if (message.categories.includes(claim)) return;
    await this.deps.mailbox.setCategories(message.id, [...message.categories.filter((c) => !c.startsWith(intakeClaimPrefix)), claim]);
  }

  private async finish(message: InboundMessage, reference: string, actor: Actor, options: ImportOptions, created: boolean): Promise<ImportOutcome> {
    const dossier = (await this.deps.commands.load(reference)).dossier;
    const phase: 'draft' | 'signed' = dossier && signedStates.includes(dossier.state) ? 'signed' : 'draft';
    await this.deps.documents.ensureFolder(reference);
    const attachments: AttachmentResult[] = [];
    if (message.hasAttachments) {
      for (const attachment of await this.deps.mailbox.listAttachments(message.id)) {
        attachments.push(await this.storeAttachment(message, attachment, reference, phase, options.attachmentKinds?.[attachment.id]));
      }
    }
    const stored = attachments.filter((a) => a.status === 'stored').map((a) => a.name);
    const record = mailReceivedCommand(message, stored, `mail:${message.id}:${reference}`);
    const recorded = await this.deps.commands.execute(reference, record, actor, this.clock());
    // Recorded before under another command id (e.g. by hand): the record exists, so only the link is missing.
    const onRecord = !recorded.ok && recorded.errors.every((error) => error.code === 'dossier.error.correspondenceAlreadyRecorded');
    if (!recorded.ok && !onRecord) return { status: 'refused', errors: recorded.errors };
    const categories = message.categories.filter((c) => !c.startsWith(intakeClaimPrefix));
    await this.deps.mailbox.setCategories(message.id, [...categories, linkedCategory(reference)]);
    return { status: 'imported', reference, created, attachments };
  }

  private async storeAttachment(message: InboundMessage, attachment: InboundAttachment, reference: string, phase: 'draft' | 'signed', kindOverride?: DocumentKind): Promise<AttachmentResult> {
    const handling = attachmentHandling(attachment, kindOverride);
    if (handling.action === 'skip') return { name: attachment.name, status: 'skipped', reason: handling.reason };
    const bytes = await this.deps.mailbox.downloadAttachment(message.id, attachment.id);
    let kind: DocumentKind;
    let check: CheckSummary | undefined;
    if (handling.action === 'readForm') {
      try {
        const form = await readForm(bytes, attachment.name);
        if (!form.formType) return { name: attachment.name, status: 'skipped', reason: 'unclassified', detail: 'The document is not a VSA form.' };
        kind = form.formType;
        const findings = checkForm(form, { phase, today: this.clock().slice(0, 10) });
        check = {
          blocking: findings.filter((f) => f.severity === 'blocking').length,
          warnings: findings.filter((f) => f.severity === 'warning').length,
          info: findings.filter((f) => f.severity === 'info').length
        };
      } catch (error) {
        if (isDataError(error)) throw error;
        return { name: attachment.name, status: 'skipped', reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
      }
    } else {
      kind = handling.kind;
    }
    const document = await this.deps.documents.upload(reference, attachment.name, bytes, { kind, phase, ...(check ? { check } : {}) });
    return { name: attachment.name, status: 'stored', document, kind, ...(check ? { check } : {}) };
  }
}
