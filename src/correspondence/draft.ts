import { isRequesterEligible } from '../domain/rules/eligibility';
import type { Dossier, Lang, StateId } from '../domain/types';
import { returnedFindings } from './findings';
import { bulletList } from './format';
import { documentsToSign, formsOfProcedure, mailParams } from './params';
import type { MailContext } from './params';
import { renderTemplate, templateOf } from './templates';
import type { AttachmentSource, FolderFile, MailDraft, MailKind } from './types';

/** Which mails fit a dossier's state (the preview offers these first). */
const mailsByState: Partial<Readonly<Record<StateId, readonly MailKind[]>>> = {
  formsRequested: ['requestForms'],
  returnedForChanges: ['returnWithComments'],
  awaitingSignatures: ['decision', 'requestSignatures'],
  rejected: ['decision'],
  signed: ['countersignedProtocol'],
  published: ['countersignedProtocol'],
  delivered: ['deliveryNotice']
};

/**
 * The mails that fit the dossier's current state, in the order they are usually sent. Pass
 * `protocolEndDue` when the protocol's end-date reminder is due (see `extensionReminders`).
 */
export function suggestedMailKinds(dossier: Dossier, options: { readonly protocolEndDue?: boolean } = {}): MailKind[] {
  // An individual's request: only the mail that explains why it is not admissible (step 1).
  if (!isRequesterEligible(dossier.requester)) return dossier.state === 'intake' || dossier.state === 'preliminary' || dossier.state === 'notAdmissible' ? ['notAdmissible'] : [];
  const kinds = [...(mailsByState[dossier.state] ?? [])];
  return options.protocolEndDue ? [...kinds, 'protocolEndReminder'] : kinds;
}

/** The template variant a dossier calls for. */
export function variantOf(kind: MailKind, dossier: Dossier): string {
  switch (kind) {
    case 'decision':
      if (dossier.decision?.outcome === 'rejected' || dossier.state === 'rejected') return 'rejected';
      return dossier.decision?.outcome === 'approvedWithConditions' ? 'approvedWithConditions' : 'approved';
    case 'requestForms':
    case 'requestSignatures':
    case 'countersignedProtocol':
      return dossier.procedure === 'simplified' ? 'simplified' : 'standard';
    case 'notAdmissible':
      return 'individual';
    default:
      return 'default';
  }
}

const current = (dossier: Dossier): Dossier['documents'] => dossier.documents.filter((doc) => !doc.superseded);

/** `addendum-VSA-2026-0042.docx`: the dossier's reference tells the signed copy apart when it comes back. */
export const addendumFileName = (dossier: Dossier): string => `addendum-${dossier.reference}.docx`;

/** `protocol-VSA-2026-0042.docx`: the protocol to sign, with its conditions table. */
export const protocolFileName = (dossier: Dossier): string => `protocol-${dossier.reference}.docx`;

const fromDossier = (doc: Dossier['documents'][number]): AttachmentSource => ({ source: 'dossier', fileName: doc.fileName, documentId: doc.id });

/**
 * The attachments a mail carries by default: blank templates for step 1, the reviewed drafts for step 3,
 * the protocol (standard; the reviewed draft with the conditions table) or the addendum (simplified; filled from
 * the dossier) to sign for step 4, and both countersigned versions for step 5.
 */
export function defaultAttachments(kind: MailKind, dossier: Dossier, folder: readonly FolderFile[] = []): AttachmentSource[] {
  switch (kind) {
    case 'requestForms':
      return formsOfProcedure(dossier.procedure).map((formType) => ({ source: 'template', formType, fileName: `${formType}.docx` }));
    case 'returnWithComments': {
      // Each draft .docx goes back with the return's findings of its kind as comments; other files as they are.
      const findings = returnedFindings(dossier);
      return current(dossier)
        .filter((doc) => doc.phase === 'draft')
        .map((doc): AttachmentSource =>
          /\.docx$/i.test(doc.fileName)
            ? { source: 'annotated', fileName: doc.fileName, documentId: doc.id, version: doc.version, findingIds: findings.filter((finding) => finding.documentKind === doc.kind).map((finding) => finding.id) }
            : fromDossier(doc)
        );
    }
    case 'requestSignatures': {
      if (dossier.procedure !== 'simplified') {
        // The reviewed protocol with the decision's conditions table, for the requester to sign.
        const approved = dossier.decision?.outcome === 'approved' || dossier.decision?.outcome === 'approvedWithConditions';
        const protocol = current(dossier).filter((doc) => doc.kind === 'protocol' && doc.phase === 'draft').pop();
        return approved && protocol ? [{ source: 'filled', formType: 'protocol', fileName: protocolFileName(dossier), baseFileName: protocol.fileName, baseVersion: protocol.version }] : [];
      }
      const addendum = current(dossier).find((doc) => doc.kind === 'addendum');
      // Without an addendum in the dossier the product fills one from the approved request (not the blank template).
      return [addendum ? fromDossier(addendum) : { source: 'filled', formType: 'addendum', fileName: addendumFileName(dossier) }];
    }
    case 'countersignedProtocol':
      return bothVersions(dossier, folder);
    default:
      return [];
  }
}

const isPdf = (fileName: string): boolean => /\.pdf$/i.test(fileName);

/**
 * The two versions of step 5: every current countersigned original, and the publication version — the
 * registered one once published, else the newest PDF of kind `publicationVersion` in the folder (made
 * with "Publicatieversie maken", registered only by `publish`, which needs this mail first).
 */
export function bothVersions(dossier: Dossier, folder: readonly FolderFile[] = []): AttachmentSource[] {
  const originals = current(dossier).filter((doc) => doc.phase === 'countersigned');
  const registered = current(dossier).filter((doc) => doc.kind === 'publicationVersion' && doc.phase === 'publication').pop();
  const stored = folder.filter((file) => file.kind === 'publicationVersion' && file.phase === 'publication' && isPdf(file.fileName)).pop();
  const publication = registered ? { fileName: registered.fileName, documentId: registered.id } : stored ? { fileName: stored.fileName, documentId: stored.id } : undefined;
  return [
    ...originals.map((doc): AttachmentSource => ({ source: 'dossier', fileName: doc.fileName, documentId: doc.id, role: 'countersignedOriginal' })),
    ...(publication ? [{ source: 'dossier', ...publication, role: 'publicationVersion' } as AttachmentSource] : [])
  ];
}

/** What the signature request calls each document to sign. */
export const signLabels: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  nl: {
    aanvraagformulier: 'het aanvraagformulier',
    verklaringTOM: 'de verklaring i.v.m. de technische en organisatorische maatregelen',
    protocol: 'het protocol',
    vereenvoudigdAanvraagformulier: 'het vereenvoudigd aanvraagformulier',
    addendum: 'het addendum bij het bestaande protocol'
  },
  en: {
    aanvraagformulier: 'the application form',
    verklaringTOM: 'the declaration on technical and organisational measures',
    protocol: 'the protocol',
    vereenvoudigdAanvraagformulier: 'the simplified application form',
    addendum: 'the addendum to the existing protocol'
  }
};

const labelOf = (type: string, lang: Lang): string => signLabels[lang][type] ?? type;

/** Options of `buildMailDraft`. */
export interface DraftOptions {
  /** Default Dutch. */
  readonly lang?: Lang;
  readonly context: MailContext;
  /** Overrides the variant the dossier calls for (e.g. to preview both decisions). */
  readonly variant?: string;
  /** The chain's effective end date (an extension addendum moves it); default the dossier's own. */
  readonly protocolEndDate?: string;
  /** The files of the dossier's folder (the publication version is stored before `publish` registers it). */
  readonly folder?: readonly FolderFile[];
}

/**
 * The mail of a kind for a dossier, rendered from the template of its language and ready for preview.
 * Addressed to the requester's contact; everything can be edited before sending.
 */
export function buildMailDraft(kind: MailKind, dossier: Dossier, options: DraftOptions): MailDraft {
  const lang = options.lang ?? 'nl';
  const variant = options.variant ?? variantOf(kind, dossier);
  const template = templateOf(kind, variant, lang);
  const attachments = defaultAttachments(kind, dossier, options.folder);
  const base = mailParams(dossier, lang, options.context, options.protocolEndDate);
  const documentList =
    kind === 'requestSignatures'
      ? bulletList(documentsToSign(dossier.procedure).map((type) => labelOf(type, lang)))
      : kind === 'returnWithComments'
        ? bulletList(attachments.map((attachment) => attachment.fileName))
        : '';
  const params = { ...base, documentList };
  return {
    kind,
    variant,
    lang,
    dossierReference: dossier.reference,
    to: dossier.requester.contact.email ? [dossier.requester.contact.email] : [],
    cc: [],
    subject: renderTemplate(template.subject, params),
    body: renderTemplate(template.body, params),
    attachments
  };
}

/** Fields of a draft the user may change in the preview. */
export type DraftEdit = Partial<Pick<MailDraft, 'to' | 'cc' | 'subject' | 'body' | 'attachments'>>;

/** The draft with the user's edits; addresses are trimmed and empty ones dropped. */
export function editDraft(draft: MailDraft, edit: DraftEdit): MailDraft {
  const clean = (addresses: readonly string[]): string[] => addresses.map((address) => address.trim()).filter((address) => address !== '');
  return {
    ...draft,
    ...edit,
    to: clean(edit.to ?? draft.to),
    cc: clean(edit.cc ?? draft.cc)
  };
}
