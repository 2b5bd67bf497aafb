/**
 * Composition of the register's mail features (issue 8) on a Graph client: the shared-mailbox intake,
 * correspondence, the publication version and the one-click extension. Loaded lazily with the mailbox
 * tab and the mail dialogs, so the register list ships without it (bundle budget).
 */
import type { IsoDateTime } from '../domain/types';
import { suggestedMailKinds } from '../correspondence/draft';
import type { GraphApi } from '../data/graph/notifier';
import {
  CorrespondenceService,
  GraphMailSender,
  GraphPdfConverter,
  GraphSharedMailbox,
  PublicationService,
  startExtensionRequest
} from '../data/mail';
import { MailIntakeService } from '../app/mailIntake';
import type { RegisterMail } from '../app/registerMail';
import type { ClientLookups } from './clientDataLayer';
import type { DataLayer } from './dataLayer';

/** The parts of the data layer the mail features are composed on. */
export type RegisterBackend = Pick<DataLayer, 'commands' | 'documents' | 'dossiers'> & { readonly lookups: ClientLookups } & Partial<Pick<DataLayer, 'remoteDocuments' | 'codebooks' | 'institutions'>>;

/** Where the mail features connect. */
export interface RegisterMailOptions {
  /** The shared mailbox the team reads and sends from (`data-aanvragen@…`). */
  readonly mailboxAddress: string;
  /** Absolute URL of the site that holds the document library (for the PDF conversion). */
  readonly siteUrl: string;
  readonly clock?: () => IsoDateTime;
}

/** Builds the mail services once per composition root. */
export function composeRegisterMail(data: RegisterBackend, graph: GraphApi, options: RegisterMailOptions): RegisterMail {
  const mailbox = new GraphSharedMailbox(graph, options.mailboxAddress);
  const nextReference = (year: number): Promise<string> => data.lookups.nextReference(year);
  const institutions = data.institutions;
  return {
    mailboxAddress: mailbox.address,
    intake: new MailIntakeService({
      mailbox,
      commands: data.commands,
      documents: data.documents,
      nextReference,
      clock: options.clock,
      codebooks: data.codebooks,
      protocolDossier: async (protocolNumber) => (await data.lookups.parentProtocol(protocolNumber))?.dossierReference,
      institutionAddresses: (dossier) => data.lookups.institutionAddresses(dossier),
      ...(institutions ? { institutionNotice: (requester) => institutions.noticeForRequester(requester) } : {})
    }),
    correspondence: new CorrespondenceService({
      commands: data.commands,
      documents: data.documents,
      sender: new GraphMailSender(graph, mailbox.address),
      clock: options.clock
    }),
    // With a command service (the data layer's option) it makes and stores the publication version.
    publication: data.remoteDocuments
      ? new PublicationService({ commands: data.commands, documents: data.documents, remote: data.remoteDocuments, clock: options.clock })
      : new PublicationService({
          commands: data.commands,
          documents: data.documents,
          converter: new GraphPdfConverter(graph, { siteUrl: options.siteUrl }),
          clock: options.clock
        }),
    mailKindsFor: (dossier) => suggestedMailKinds(dossier),
    startExtension: (protocolReference, actor, clickId, now) =>
      startExtensionRequest(
        { commands: data.commands, nextReference, referencesStartingWith: (prefix) => data.dossiers.referencesStartingWith(prefix) },
        protocolReference,
        actor,
        clickId,
        now
      )
  };
}
