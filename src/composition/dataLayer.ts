/**
 * The data layer of every host that reads SharePoint through PnPjs (the web parts, the CLI, the seed,
 * the local workbench): the SharePoint adapters, the command service on them and the messaging
 * reaction, assembled on a PnPjs root that the host's composition root configured.
 */
import type { SPFI } from '@pnp/sp';
import type { IsoDateTime } from '../domain/types';
import { CommandService } from '../data/commandService';
import type { Reaction } from '../data/commandService';
import { GraphNotifier } from '../data/graph/notifier';
import type { GraphApi } from '../data/graph/notifier';
import { DossierLookups } from '../data/lookups';
import { messagingReaction } from '../data/reactions';
import type { MessagingConfig } from '../data/reactions';
import type { Notifier } from '../data/ports';
import { SharePointDirectory } from '../data/sharepoint/directory';
import { SharePointDocumentLibrary } from '../data/sharepoint/documentLibrary';
import { SharePointDossierStore } from '../data/sharepoint/dossierStore';
import { SharePointEventStore } from '../data/sharepoint/eventStore';
import { Provisioner } from '../data/sharepoint/provisioning';
import { SharePointReadModel } from '../data/sharepoint/readModel';

/** Everything the web parts, the task pane, the CLI and the seed use; built once per composition root. */
export interface DataLayer {
  readonly sp: SPFI;
  readonly dossiers: SharePointDossierStore;
  readonly events: SharePointEventStore;
  readonly documents: SharePointDocumentLibrary;
  readonly directory: SharePointDirectory;
  readonly readModel: SharePointReadModel;
  readonly lookups: DossierLookups;
  readonly commands: CommandService;
  readonly provisioner: Provisioner;
  /** Present when a Graph client was given. */
  readonly notifier?: Notifier;
}

/** Options of a data layer. */
export interface DataLayerOptions {
  /** e.g. `/sites/microdata`; read from the web on first use when absent. */
  readonly webServerRelativeUrl?: string;
  /** Graph client (SPFx: `MSGraphClientV3`); enables mail and notifications. */
  readonly graph?: GraphApi;
  readonly clock?: () => IsoDateTime;
  readonly reactions?: readonly Reaction[];
  /** With a Graph client: mail the requester and notify staff after transitions. */
  readonly messaging?: MessagingConfig;
  /**
   * Logins of the writers replay trusts (the command service's app principal); when given, forged
   * events and hand-edited pending events are refused or ignored (`ReplayTrust` in commandService.ts).
   */
  readonly trustedWriters?: readonly string[];
}

/**
 * The data layer on a configured PnPjs root (`spfx.ts`, `node.ts`, `local.ts` configure it).
 */
export function createSharePointDataLayer(sp: SPFI, options: DataLayerOptions = {}): DataLayer {
  const dossiers = new SharePointDossierStore(sp);
  const events = new SharePointEventStore(sp);
  const documents = new SharePointDocumentLibrary(sp, options.webServerRelativeUrl);
  const directory = new SharePointDirectory(sp);
  const notifier = options.graph ? new GraphNotifier(options.graph) : undefined;
  const reactions = [...(options.reactions ?? [])];
  if (notifier && options.messaging) reactions.push(messagingReaction(notifier, directory, options.messaging));
  const lookups = new DossierLookups(dossiers);
  return {
    sp,
    dossiers,
    events,
    documents,
    directory,
    readModel: new SharePointReadModel(sp, dossiers, directory, documents, { trustedWriters: options.trustedWriters }),
    lookups,
    commands: new CommandService({
      dossiers,
      events,
      clock: options.clock,
      reactions,
      trustedWriters: options.trustedWriters,
      decideFacts: (dossier, command) => lookups.decideFacts(dossier, command)
    }),
    provisioner: new Provisioner(sp),
    notifier
  };
}
