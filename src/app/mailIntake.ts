import { mailReceivedCommand } from '../correspondence/audit';
import { attachmentHandling, linkedCategory, linkedReferenceOf, referenceMentions, registerRequestFromMessage } from '../correspondence/inbound';
import type { InboundAttachment, InboundMessage, IntakeDetails, ReferenceMention } from '../correspondence/inbound';
import { decide } from '../domain/decide';
import { isDossierReference } from '../domain/numbering';
import { senderFactsOf, senderVerdict, signedDocumentsFromUnknownSender, type SenderVerdict } from '../domain/rules/sender';
import { institutionOfDossier, type InstitutionDirectory } from './signatureVerification';
import type { Actor, CheckSummary, DocumentKind, DomainError, DomainWarning, Dossier, IsoDateTime, Requester } from '../domain/types';
import type { DossierCommands } from '../data/commandService';
import { DataError, isDataError } from '../data/errors';
import type { DocumentLibrary, StoredDocument } from '../data/ports';
import type { SharedMailbox } from '../data/mail/ports';
import { isAppError } from './appError';
import { checkAndRegisterDocument, ensuringFolderOnce, type DossierForRegistration } from './checkAndRegisterDocument';
import { loadFormsEngine, type CodebookLoader, type FormsEngineLoader } from './formsEngine';

/** Category that claims a message while its import runs: `Intake VSA-2026-0007`. */
export const intakeClaimPrefix = 'Intake ';

/** A message of the mailbox that still needs the team (unlinked, or an import that was interrupted). */
export interface PendingMessage {
  readonly message: InboundMessage;
  /** The dossier the message mentions (subject first, then body), if it exists (attach to it with one click). */
  readonly suggestedReference?: string;
  /** Where the suggestion was found: the reference or protocol number as written, and in subject or body. */
  readonly suggestedFrom?: ReferenceMention;
  /** Set when an earlier import claimed the message but did not finish: resume with this reference. */
  readonly interruptedReference?: string;
}

/** What happened to one attachment. */
export type AttachmentResult =
  | { readonly name: string; readonly status: 'stored'; readonly document: StoredDocument; readonly kind: DocumentKind; readonly check?: CheckSummary }
  | { readonly name: string; readonly status: 'skipped'; readonly reason: 'unsupportedType' | 'unclassified' | 'tooLarge' | 'unreadable'; readonly failure?: unknown };

/** What an import did. */
export type ImportOutcome =
  | { readonly status: 'refused'; readonly errors: readonly DomainError[] }
  /** The message was linked before; nothing was done again. */
  | { readonly status: 'alreadyLinked'; readonly reference: string }
  /** The sender is not known for the dossier: nothing was done; ask the team, then import with `confirmSender`. */
  | { readonly status: 'confirmationRequired'; readonly reference: string; readonly reason: DomainError }
  | {
      readonly status: 'imported';
      readonly reference: string;
      readonly created: boolean;
      readonly attachments: readonly AttachmentResult[];
      /** Notices for the DPO team about the new dossier (its institution is not in the register). */
      readonly notices?: readonly DomainWarning[];
      /**
       * True when documents were stored from a mail whose sender the rule did not know (the team confirmed
       * the link) while the dossier awaits signatures: the dialog flags them (`signedDocumentsFromUnknownSender`).
       */
      readonly unknownSenderOfSignedDocuments?: true;
    };

/** Dependencies of the intake. */
export interface IntakeDeps {
  readonly mailbox: SharedMailbox;
  readonly commands: DossierCommands;
  readonly documents: DocumentLibrary;
  /** The next free dossier reference of a year (`DossierLookups.nextReference`). */
  readonly nextReference: (year: number) => Promise<string>;
  readonly clock?: () => IsoDateTime;
  /** The forms engine; default: the statically imported reader and checks. */
  readonly loadFormsEngine?: FormsEngineLoader;
  /** The survey codebooks the attachments' checks use (absent: checked as without codebooks). */
  readonly codebooks?: CodebookLoader;
  /** The dossier that produced a protocol number (`DossierLookups.parentProtocol`); without it protocol numbers suggest nothing. */
  readonly protocolDossier?: (protocolNumber: string) => Promise<string | undefined>;
  /** Addresses known for the dossier's institution from its other dossiers (`DossierLookups.institutionAddresses`). */
  readonly institutionAddresses?: (dossier: Dossier) => Promise<readonly string[]>;
  /**
   * The institution register's notice for a new dossier's requester (`InstitutionRegister.noticeForRequester`):
   * an institution not in the register is flagged for the DPO team, never refused. Absent: nothing flagged.
   */
  readonly institutionNotice?: (requester: Requester) => Promise<DomainWarning | undefined>;
  /** The institution register: its DPO's address is a known sender (absent: only the dossier's DPO). */
  readonly institutions?: InstitutionDirectory;
}

/** Options of an import. */
export interface ImportOptions {
  /** Kinds chosen by the team per attachment id (for PDFs whose name says nothing). */
  readonly attachmentKinds?: Readonly<Record<string, DocumentKind>>;
  /**
   * The team confirmed linking although the sender is not known for the dossier (the dialog showed the
   * reason). Recorded in the event; the domain refuses an unknown sender without it.
   */
  readonly confirmSender?: boolean;
}

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

  /**
   * Messages not yet linked to a dossier, newest first, with a suggested dossier when the subject or the
   * body names one: a dossier reference, or a protocol number (its dossier). The subject's mentions come
   * first, then the body's; the first that names an existing dossier wins.
   */
  public async pendingMessages(limit?: number): Promise<PendingMessage[]> {
    const messages = await this.deps.mailbox.listMessages(limit);
    const resolved = new Map<string, Promise<string | undefined>>();
    const resolve = (mention: ReferenceMention): Promise<string | undefined> => {
      // Many mails of one thread name the same dossier: each reference is looked up once per screen.
      let found = resolved.get(mention.value);
      if (!found) {
        found = this.dossierOf(mention);
        resolved.set(mention.value, found);
      }
      return found;
    };
    const pending: PendingMessage[] = [];
    for (const message of messages) {
      if (linkedReferenceOf(message.categories)) continue;
      const interruptedReference = claimedReferenceOf(message.categories);
      let suggestion: { reference: string; from: ReferenceMention } | undefined;
      for (const mention of referenceMentions(message.subject, message.bodyText ?? message.bodyPreview)) {
        const reference = await resolve(mention);
        if (reference) {
          suggestion = { reference, from: mention };
          break;
        }
      }
      pending.push({
        message,
        ...(suggestion ? { suggestedReference: suggestion.reference, suggestedFrom: suggestion.from } : {}),
        ...(interruptedReference ? { interruptedReference } : {})
      });
    }
    return pending;
  }

  private async dossierOf(mention: ReferenceMention): Promise<string | undefined> {
    const reference = mention.kind === 'dossier' ? mention.value : await this.deps.protocolDossier?.(mention.value);
    return reference && (await this.deps.commands.load(reference)).dossier ? reference : undefined;
  }

  /**
   * The sender rule for a message and a dossier: the dossier's own addresses first, the institution's
   * other dossiers only when those do not know the sender (they cost round trips).
   */
  public async senderCheck(message: InboundMessage, dossier: Dossier): Promise<SenderVerdict> {
    const own = senderVerdict(message.from.address, senderFactsOf(dossier));
    if (own.known) return own;
    const institutionDpo = this.deps.institutions ? (await institutionOfDossier(this.deps.institutions, dossier))?.dpo?.email : undefined;
    const withDpo = institutionDpo ? senderVerdict(message.from.address, senderFactsOf(dossier, [], institutionDpo)) : own;
    if (withDpo.known || !this.deps.institutionAddresses) return withDpo;
    return senderVerdict(message.from.address, senderFactsOf(dossier, await this.deps.institutionAddresses(dossier), institutionDpo));
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
    const imported = await this.finish(message, reference, actor, options, !outcome.alreadyApplied);
    const notice = imported.status === 'imported' && this.deps.institutionNotice ? await this.deps.institutionNotice(command.requester) : undefined;
    return notice && imported.status === 'imported' ? { ...imported, notices: [notice] } : imported;
  }

  /**
   * Links the message to an existing dossier (e.g. the one its subject names) and stores the attachments.
   * Directly only when the sender is known for the dossier (`senderCheck`); otherwise the outcome is
   * `confirmationRequired` with the reason, and the team imports again with `confirmSender`.
   */
  public async attachToDossier(messageId: string, reference: string, actor: Actor, options: ImportOptions = {}): Promise<ImportOutcome> {
    const message = await this.deps.mailbox.getMessage(messageId);
    const linked = linkedReferenceOf(message.categories);
    if (linked) return { status: 'alreadyLinked', reference: linked };
    const claimed = claimedReferenceOf(message.categories);
    if (claimed && claimed !== reference) {
      throw new DataError('data.error.conflict', `This message is being imported into ${claimed}; finish that import first.`, 409);
    }
    const dossier = (await this.deps.commands.load(reference)).dossier;
    if (!dossier) throw new DataError('data.error.notFound', `Dossier ${reference} does not exist.`, 404);
    // Before the claim: a message whose sender needs confirming stays untouched until the team confirms.
    const verdict = await this.senderCheck(message, dossier);
    if (!verdict.known && options.confirmSender !== true) {
      return { status: 'confirmationRequired', reference, reason: { kind: 'guard', code: verdict.code, params: verdict.params } };
    }
    await this.claim(message, reference);
    const outcome = await this.finish(message, reference, actor, options, false, !verdict.known);
    if (outcome.status !== 'imported') return outcome;
    const stored = outcome.attachments.filter((attachment) => attachment.status === 'stored').length;
    if (!signedDocumentsFromUnknownSender(dossier.state, verdict, stored)) return outcome;
    // Shown in the import report with the other notices (the sender is a mail address, not a person's name).
    const notice: DomainWarning = { code: 'app.warning.signedFromUnknownSender', params: { count: stored, sender: message.from.address } };
    return { ...outcome, unknownSenderOfSignedDocuments: true, notices: [...(outcome.notices ?? []), notice] };
  }

  private async claim(message: InboundMessage, reference: string): Promise<void> {
    const claim = `${intakeClaimPrefix}${reference}`;
    if (message.categories.includes(claim)) return;
    await this.deps.mailbox.setCategories(message.id, [...message.categories.filter((c) => !c.startsWith(intakeClaimPrefix)), claim]);
  }

  private async finish(message: InboundMessage, reference: string, actor: Actor, options: ImportOptions, created: boolean, senderConfirmed = false): Promise<ImportOutcome> {
    const dossier = (await this.deps.commands.load(reference)).dossier;
    // The folder is created once per import, here, and reused by every attachment's registration.
    const library = ensuringFolderOnce(this.deps.documents);
    await library.ensureFolder(reference);
    const attachments: AttachmentResult[] = [];
    if (message.hasAttachments) {
      const inMessage = await this.deps.mailbox.listAttachments(message.id);
      const kindOf = (attachment: InboundAttachment): DocumentKind | undefined => options.attachmentKinds?.[attachment.id];
      // A mandate sent with the signed form covers its signatory as much as one stored earlier.
      const mandatesInMessage = inMessage
        .map((attachment) => attachmentHandling(attachment, kindOf(attachment)))
        .flatMap((handling) => (handling.action === 'store' && handling.kind === 'mandate' ? [{ kind: handling.kind }] : []));
      const target: DossierForRegistration = {
        reference,
        state: dossier?.state,
        documents: [...(await this.deps.documents.list(reference)), ...mandatesInMessage]
      };
      for (const attachment of inMessage) {
        attachments.push(await this.storeAttachment(message, attachment, target, library, kindOf(attachment)));
      }
    }
    const stored = attachments.filter((a) => a.status === 'stored').map((a) => a.name);
    const record = mailReceivedCommand(message, stored, `mail:${message.id}:${reference}`, senderConfirmed);
    const recorded = await this.deps.commands.execute(reference, record, actor, this.clock());
    // Recorded before under another command id (e.g. by hand): the record exists, so only the link is missing.
    const onRecord = !recorded.ok && recorded.errors.every((error) => error.code === 'dossier.error.correspondenceAlreadyRecorded');
    if (!recorded.ok && !onRecord) return { status: 'refused', errors: recorded.errors };
    const categories = message.categories.filter((c) => !c.startsWith(intakeClaimPrefix));
    await this.deps.mailbox.setCategories(message.id, [...categories, linkedCategory(reference)]);
    return { status: 'imported', reference, created, attachments };
  }

  /**
   * Stores one attachment through the one registration path: .docx files are read and checked in the
   * dossier's phase and mandate context, PDFs stored under the kind their name (or the team) gives.
   * What cannot be stored is reported as skipped with its reason, never dropped.
   */
  private async storeAttachment(
    message: InboundMessage,
    attachment: InboundAttachment,
    target: DossierForRegistration,
    library: Pick<DocumentLibrary, 'ensureFolder' | 'upload'>,
    kindOverride?: DocumentKind
  ): Promise<AttachmentResult> {
    const handling = attachmentHandling(attachment, kindOverride);
    if (handling.action === 'skip') return { name: attachment.name, status: 'skipped', reason: handling.reason };
    const bytes = await this.deps.mailbox.downloadAttachment(message.id, attachment.id);
    let checkedBeforeStoring = false;
    try {
      const registered = await checkAndRegisterDocument(
        { documents: library, loadFormsEngine: this.deps.loadFormsEngine ?? loadFormsEngine, today: () => this.clock().slice(0, 10), codebooks: this.deps.codebooks },
        target,
        { fileName: attachment.name, bytes, kind: handling.action === 'store' ? handling.kind : 'auto', contentType: attachment.contentType },
        { onChecked: () => { checkedBeforeStoring = true; } }
      );
      const check: CheckSummary | undefined = registered.summary;
      return { name: attachment.name, status: 'stored', document: registered.document, kind: registered.kind, ...(check ? { check } : {}) };
    } catch (error) {
      if (isDataError(error) || checkedBeforeStoring) throw error;
      if (isAppError(error) && error.code === 'app.error.documentKindUnknown') {
        return { name: attachment.name, status: 'skipped', reason: 'unclassified' };
      }
      if (isAppError(error)) return { name: attachment.name, status: 'skipped', reason: 'unsupportedType' };
      // Any other failure while reading the form (FormReadError or a reader defect) concerns this file
      // only; the host renders it in the user's language (`formatFailure`).
      return { name: attachment.name, status: 'skipped', reason: 'unreadable', failure: error };
    }
  }
}
