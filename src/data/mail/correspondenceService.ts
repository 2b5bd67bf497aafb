import { decide, isEventOfCommand } from '../../domain/decide';
import { mailSentCommand, outgoingMessageId } from '../../correspondence/audit';
import type { AttachmentSource, MailDraft, MailDraftErrorCode, MailDraftIssue } from '../../correspondence/types';
import { requesterVisible } from '../../domain/findings';
import { annotateFindings } from '../../forms/docx/findingComments';
import { validateDraft } from '../../correspondence/validate';
import { addendumValues } from '../../correspondence/addendum';
import { protocolToSign } from '../../correspondence/protocolToSign';
import type { Actor, DomainError, Dossier, IsoDateTime } from '../../domain/types';
import type { FormType } from '../../forms/types';
import { generateTemplate } from '../../forms/docx/generator';
import { fillForm } from '../../forms/docx/fill';
import type { DossierCommands } from '../commandService';
import type { DocumentLibrary } from '../ports';
import { contentTypeOf, docxContentType } from './contentTypes';
import type { MailSender, OutgoingAttachment } from './ports';

/** What `send` did. */
export type SendOutcome =
  | { readonly status: 'refused'; readonly errors: readonly MailDraftIssue<MailDraftErrorCode>[] }
  /** The dossier would refuse to record this mail (e.g. the mail with both versions without them): nothing was sent. */
  | { readonly status: 'domainRefused'; readonly errors: readonly DomainError[] }
  /** The same `commandId` was recorded before: nothing was sent again. */
  | { readonly status: 'alreadySent' }
  | { readonly status: 'sent'; readonly eventId: string }
  /** The mail went out but the audit record failed; call `recordSent` with the same command id and `sentAt`. */
  | { readonly status: 'sentNotRecorded'; readonly error: Error; readonly sentAt: IsoDateTime };

/** Dependencies of the correspondence service. */
export interface CorrespondenceDeps {
  readonly commands: DossierCommands;
  readonly documents: DocumentLibrary;
  readonly sender: MailSender;
  /** Blank form templates; default the catalog generator. */
  readonly template?: (formType: FormType) => Promise<Uint8Array>;
  readonly clock?: () => IsoDateTime;
}

/**
 * Sends a previewed draft from the shared mailbox and records it in the dossier's audit trail
 * (`recordCorrespondence`, see `correspondence/audit.ts`). The mail goes out first and is recorded
 * second, with the caller's `commandId`, so a retry never sends twice: a command id already in the
 * dossier's events, or its message id in the dossier's correspondence, means "sent before".
 */
export class CorrespondenceService {
  private readonly clock: () => IsoDateTime;

  public constructor(private readonly deps: CorrespondenceDeps) {
    this.clock = deps.clock ?? ((): IsoDateTime => new Date().toISOString());
  }

  /**
   * The bytes of every attachment of a draft (templates generated, forms filled from the dossier as it is
   * stored now, dossier files downloaded). `dossier` saves a load when the caller has it already.
   */
  public async resolveAttachments(draft: MailDraft, dossier?: Dossier): Promise<OutgoingAttachment[]> {
    const template = this.deps.template ?? ((formType: FormType) => generateTemplate(formType));
    return Promise.all(
      draft.attachments.map(async (attachment): Promise<OutgoingAttachment> => {
        switch (attachment.source) {
          case 'template':
            return { name: attachment.fileName, contentType: docxContentType, content: await template(attachment.formType) };
          case 'filled':
            if (attachment.formType === 'protocol') {
              const base = await this.deps.documents.download(draft.dossierReference, attachment.baseFileName, attachment.baseVersion);
              const known = dossier ?? (await this.dossierOf(draft));
              return { name: attachment.fileName, contentType: docxContentType, content: await protocolToSign(base, attachment.baseFileName, known, () => template('protocol')) };
            }
            return { name: attachment.fileName, contentType: docxContentType, content: await fillForm(await template(attachment.formType), await this.addendumOf(draft, dossier)) };
          case 'annotated':
            return { name: attachment.fileName, contentType: docxContentType, content: await this.annotated(draft, attachment, dossier) };
          default:
            return { name: attachment.fileName, contentType: contentTypeOf(attachment.fileName), content: await this.deps.documents.download(draft.dossierReference, attachment.fileName) };
        }
      })
    );
  }

  /**
   * A draft annotated with the attachment's findings as the dossier holds them now, in the mail's
   * language. Only requester findings (`annotateFindings` leaves internal ones out as well).
   */
  private async annotated(draft: MailDraft, attachment: Extract<AttachmentSource, { source: 'annotated' }>, known: Dossier | undefined): Promise<Uint8Array> {
    const dossier = known ?? (await this.deps.commands.load(draft.dossierReference)).dossier;
    if (!dossier) throw new Error(`The dossier ${draft.dossierReference} of the mail was not found.`);
    const wanted = new Set(attachment.findingIds);
    const findings = requesterVisible(dossier.findings.filter((finding) => wanted.has(finding.id)));
    // The registered version: what the requester sent, without the comments a reviewer saved into the file since.
    const bytes = await this.deps.documents.download(draft.dossierReference, attachment.fileName, attachment.version);
    return annotateFindings(bytes, findings, { lang: draft.lang, date: this.clock(), fileName: attachment.fileName });
  }

  /** The addendum's values: the dossier and the dossier of its parent protocol (for the protocol's date). */
  private async dossierOf(draft: MailDraft): Promise<Dossier> {
    const dossier = (await this.deps.commands.load(draft.dossierReference)).dossier;
    if (!dossier) throw new Error(`The dossier ${draft.dossierReference} of the mail was not found.`);
    return dossier;
  }

  private async addendumOf(draft: MailDraft, known: Dossier | undefined): Promise<ReturnType<typeof addendumValues>> {
    const dossier = known ?? (await this.dossierOf(draft));
    const parent = dossier.parentDossierReference ? (await this.deps.commands.load(dossier.parentDossierReference)).dossier : undefined;
    return addendumValues(dossier, parent);
  }

  public async send(draft: MailDraft, actor: Actor, commandId: string): Promise<SendOutcome> {
    const validation = validateDraft(draft);
    if (!validation.ok) return { status: 'refused', errors: validation.errors };
    const loaded = await this.deps.commands.load(draft.dossierReference);
    const messageId = outgoingMessageId(commandId);
    const sentBefore = loaded.events.some((item) => isEventOfCommand(item.event.id, commandId)) || loaded.dossier?.correspondence.some((c) => c.messageId === messageId);
    if (sentBefore) return { status: 'alreadySent' };
    // A mail the dossier would not record is not sent: asked of the domain before anything leaves.
    const probe = decide(loaded.dossier, mailSentCommand(draft, commandId, this.clock()), actor, this.clock());
    if (!probe.ok) return { status: 'domainRefused', errors: probe.errors };
    const attachments = await this.resolveAttachments(draft, loaded.dossier);
    await this.deps.sender.send({ to: draft.to, cc: draft.cc, subject: draft.subject, body: draft.body, attachments });
    const sentAt = this.clock();
    try {
      return { status: 'sent', eventId: await this.recordSent(draft, actor, commandId, sentAt) };
    } catch (error) {
      return { status: 'sentNotRecorded', error: error instanceof Error ? error : new Error(String(error)), sentAt };
    }
  }

  /** Records a sent mail (idempotent on `commandId`); `sentAt` defaults to now. Returns the event id. */
  public async recordSent(draft: MailDraft, actor: Actor, commandId: string, sentAt: IsoDateTime = this.clock()): Promise<string> {
    const outcome = await this.deps.commands.execute(draft.dossierReference, mailSentCommand(draft, commandId, sentAt), actor, this.deps.clock?.());
    if (!outcome.ok) throw new Error(`The mail was sent but could not be recorded: ${outcome.errors.map((e) => e.code).join(', ')}`);
    return outcome.events[0].id;
  }
}
