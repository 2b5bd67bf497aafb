import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse, InjectHeaders } from '@pnp/queryable';
import type { Queryable } from '@pnp/queryable';
import type { TimelinePipe } from '@pnp/core';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createLocalGraphClient } from './graph/localGraphClient';
import type { IsoDateTime } from '../domain/types';
import { CommandService } from './commandService';
import type { Reaction } from './commandService';
import { GraphNotifier } from './graph/notifier';
import type { GraphApi } from './graph/notifier';
import { DossierLookups } from './lookups';
import { messagingReaction } from './reactions';
import type { MessagingConfig } from './reactions';
import type { Notifier } from './ports';
import { SharePointDirectory } from './sharepoint/directory';
import { SharePointDocumentLibrary } from './sharepoint/documentLibrary';
import { SharePointDossierStore } from './sharepoint/dossierStore';
import { SharePointEventStore } from './sharepoint/eventStore';
import { Provisioner } from './sharepoint/provisioning';
import { SharePointReadModel } from './sharepoint/readModel';

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
}

/**
 * The data layer on a configured PnPjs root. In SPFx:
 * `createSharePointDataLayer(spfi().using(SPFx(this.context)), { graph: await context.msGraphClientFactory.getClient('3') })`.
 */
export function createSharePointDataLayer(sp: SPFI, options: DataLayerOptions = {}): DataLayer {
  const dossiers = new SharePointDossierStore(sp);
  const events = new SharePointEventStore(sp);
  const documents = new SharePointDocumentLibrary(sp, options.webServerRelativeUrl);
  const directory = new SharePointDirectory(sp);
  const notifier = options.graph ? new GraphNotifier(options.graph) : undefined;
  const reactions = [...(options.reactions ?? [])];
  if (notifier && options.messaging) reactions.push(messagingReaction(notifier, directory, options.messaging));
  return {
    sp,
    dossiers,
    events,
    documents,
    directory,
    readModel: new SharePointReadModel(sp, dossiers, directory, documents),
    lookups: new DossierLookups(dossiers),
    commands: new CommandService({ dossiers, events, clock: options.clock, reactions }),
    provisioner: new Provisioner(sp),
    notifier
  };
}

/** JSON flavours SharePoint answers; the local tenant honours all three. */
export type ODataFlavour = 'nometadata' | 'minimalmetadata' | 'verbose';

/** Options of the local composition root. */
export interface LocalCompositionOptions {
  /** e.g. `http://localhost:4321`. */
  readonly baseUrl: string;
  /** Persona to act as (`Authorization: Bearer local:<email>`); omit in the browser, where the cookie says who. */
  readonly userEmail?: string;
  /** Site path; default `/sites/microdata`. */
  readonly sitePath?: string;
  /** Accept header flavour; default minimal metadata (what PnPjs and SharePoint Online use by default). */
  readonly odata?: ODataFlavour;
  /** Retries on 429/503/504 (PnPjs counts the first call); default 4. */
  readonly retries?: number;
  /** PnPjs' base retry interval in ms when no Retry-After is sent; default 100. */
  readonly retryInterval?: number;
  readonly clock?: () => IsoDateTime;
  readonly reactions?: readonly Reaction[];
  /** Mail and Teams notifications into the local outbox; default on (register page of the workbench), `false` turns them off. */
  readonly messaging?: MessagingConfig | false;
}

/** The local composition: PnPjs and Graph clients on the local tenant, and the data layer on them. */
export interface LocalComposition {
  readonly siteUrl: string;
  readonly sp: SPFI;
  readonly graph: Client;
  readonly data: DataLayer;
}

export { createLocalGraphClient };

/** A PnPjs behaviour that sets the local tenant's bearer identity. */
export function LocalBearer(userEmail: string): TimelinePipe<Queryable> {
  return (instance) => {
    instance.on.auth(async (url, init) => {
      (init.headers as Record<string, string>).Authorization = `Bearer local:${userEmail}`;
      return [url, init];
    });
    return instance;
  };
}

const acceptOf: Readonly<Record<ODataFlavour, string>> = {
  nometadata: 'application/json;odata=nometadata',
  minimalmetadata: 'application/json;odata=minimalmetadata',
  verbose: 'application/json;odata=verbose'
};

/**
 * PnPjs configured for the local tenant exactly as SPFx configures it for SharePoint Online (default
 * headers, retry on throttling with Retry-After, default parsing), plus the bearer identity.
 */
export function createLocalSp(options: LocalCompositionOptions): SPFI {
  const siteUrl = `${options.baseUrl.replace(/\/$/, '')}${options.sitePath ?? '/sites/microdata'}`;
  const behaviors = [
    DefaultHeaders(),
    DefaultInit(),
    BrowserFetchWithRetry({ retries: options.retries ?? 4, interval: options.retryInterval ?? 100 }),
    DefaultParse()
  ];
  let sp = spfi(siteUrl).using(...behaviors);
  if (options.odata && options.odata !== 'minimalmetadata') sp = sp.using(InjectHeaders({ Accept: acceptOf[options.odata] }));
  if (options.userEmail) sp = sp.using(LocalBearer(options.userEmail));
  return sp;
}

/** The composition root for the local tenant (CLI, seed, tests, local workbench). */
export function createLocalComposition(options: LocalCompositionOptions): LocalComposition {
  const sp = createLocalSp(options);
  // Bearer identity from Node; in the browser no header, the lt_persona cookie says who.
  const graph = createLocalGraphClient(options.baseUrl, { userEmail: options.userEmail });
  const siteUrl = `${options.baseUrl.replace(/\/$/, '')}${options.sitePath ?? '/sites/microdata'}`;
  return {
    siteUrl,
    sp,
    graph,
    data: createSharePointDataLayer(sp, {
      webServerRelativeUrl: options.sitePath ?? '/sites/microdata',
      graph,
      clock: options.clock,
      reactions: options.reactions,
      messaging:
        options.messaging === false
          ? undefined
          : (options.messaging ?? { registerUrl: `${new URL(options.baseUrl).origin}/workbench/register` })
    })
  };
}
