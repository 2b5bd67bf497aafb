/**
 * Composition root of the local tenant (`npm start`, its workbench pages, the seed, tests, benchmarks):
 * PnPjs and the Graph client pointing at the local tenant, exactly as SPFx configures them for
 * SharePoint Online and Graph, and the product's pieces on them.
 */
import { createRegisterService, type RegisterService } from '../app/registerService';
import { spfi, DefaultHeaders, DefaultInit, RequestDigest } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import type { RequesterDraftsLoader } from '../app/requesterDrafts';
import { composeRequesterDrafts } from './requesterDrafts';
import { BrowserFetchWithRetry, DefaultParse, InjectHeaders } from '@pnp/queryable';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Reaction } from '../data/commandService';
import type { ApprovalsGateway } from '../data/graph/approvals/approvalsGateway';
import { GraphDossierStore } from '../data/graph/graphDossierStore';
import { GraphSite } from '../data/graph/graphSite';
import type { MessagingConfig } from '../data/reactions';
import type { IsoDateTime } from '../domain/types';
import type { DossierReviewPort } from '../app/wordReview/dossierReviewPort';
import type { RegisterMailLoader } from '../app/registerMail';
import { approvalsReaction, composeApprovalsGateway } from './approvals';
import { createSharePointDataLayer } from './dataLayer';
import type { DataLayer } from './dataLayer';
import { LOCAL_SERVICE_LOGIN } from './localTenantIdentity';
import { LocalBearer } from './localBearer';
import { createLocalGraphClient } from './localGraphClient';
import { localServiceHttp } from './localServiceHttp';
import type { ServiceHttp } from '../data/service/serviceHttp';
import { composeRegisterMail } from './registerMail';
import { composeWordDossierPort } from './wordDossier';

export { createLocalGraphClient, LocalBearer };
export { GRAPH_AUDIENCE, localTokenSource, sharePointAudience } from './localTokens';
export type { LocalTokenIdentity, LocalTokenSource } from './localTokens';
export type { LocalGraphClientOptions } from './localGraphClient';

/** The product's site on the local tenant. */
export const LOCAL_SITE_PATH = '/sites/microdata';

/** JSON flavours SharePoint answers; the local tenant honours all three. */
export type ODataFlavour = 'nometadata' | 'minimalmetadata' | 'verbose';

/** Options of the local composition root. */
export interface LocalCompositionOptions {
  /** e.g. `http://localhost:4321`. */
  readonly baseUrl: string;
  /** Persona to act as (signed tokens minted for it at `/_local/token`); omit in the browser, where the cookie says who. */
  readonly userEmail?: string;
  /** Act as the command service's app-only identity instead of a persona (the service's own composition). */
  readonly app?: 'service';
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
  /**
   * How changes are made: `'service'` asks the command service mounted under `/api/` (as the persona,
   * with a minted token; the service runs the reactions), `'direct'` runs the trusted `CommandService`
   * here on the lists (only the service's own identity may: the groups read). Default `'service'`.
   * The service's own composition (`app: 'service'`) is always direct.
   */
  readonly commandsVia?: CommandsVia;
  /** Writers whose events replay trusts; default the local command service's app principal. */
  readonly trustedWriters?: readonly string[];
}

/** Where a local composition's changes go (see `LocalCompositionOptions.commandsVia`). */
export type CommandsVia = 'service' | 'direct';

/** The command service client of a local composition, or undefined when it writes directly. */
function localServiceOf(options: LocalCompositionOptions): ServiceHttp | undefined {
  if (options.app || (options.commandsVia ?? 'service') !== 'service') return undefined;
  return localServiceHttp(options.baseUrl, { persona: options.userEmail });
}

/** The local composition: PnPjs and Graph clients on the local tenant, and the data layer on them. */
export interface LocalComposition {
  readonly siteUrl: string;
  readonly sp: SPFI;
  readonly graph: Client;
  readonly data: DataLayer;
  /** The command service client when `commandsVia` is `'service'`. */
  readonly service?: ServiceHttp;
}

/** The absolute URL of the product's site on the local tenant at `baseUrl` (origin or any URL ending before the site path). */
function localSiteUrl(baseUrl: string, sitePath: string = LOCAL_SITE_PATH): string {
  return `${baseUrl.replace(/\/$/, '')}${sitePath}`;
}

const acceptOf: Readonly<Record<ODataFlavour, string>> = {
  nometadata: 'application/json;odata=nometadata',
  minimalmetadata: 'application/json;odata=minimalmetadata',
  verbose: 'application/json;odata=verbose'
};

/**
 * PnPjs configured for the local tenant exactly as SPFx configures it for SharePoint Online (default
 * headers, retry on throttling with Retry-After, default parsing), plus the identity: a bearer token
 * for a persona or the service, or in the browser the sign-in cookie with SharePoint's form digest
 * (`RequestDigest()`, as SPFx adds it), which the local tenant requires on cookie-authenticated writes.
 */
export function createLocalSp(options: LocalCompositionOptions): SPFI {
  const siteUrl = localSiteUrl(options.baseUrl, options.sitePath);
  const behaviors = [
    DefaultHeaders(),
    DefaultInit(),
    BrowserFetchWithRetry({ retries: options.retries ?? 4, interval: options.retryInterval ?? 100 }),
    DefaultParse()
  ];
  let sp = spfi(siteUrl).using(...behaviors);
  if (options.odata && options.odata !== 'minimalmetadata') sp = sp.using(InjectHeaders({ Accept: acceptOf[options.odata] }));
  if (options.app) sp = sp.using(LocalBearer({ app: options.app }));
  else if (options.userEmail) sp = sp.using(LocalBearer(options.userEmail));
  else sp = sp.using(RequestDigest());
  return sp;
}

/** The composition root for the local tenant (CLI, seed, tests, local workbench). */
export function createLocalComposition(options: LocalCompositionOptions): LocalComposition {
  const sp = createLocalSp(options);
  // Bearer tokens from Node; in the browser no header, the lt_persona cookie says who.
  const graph = createLocalGraphClient(options.baseUrl, { userEmail: options.app ? undefined : options.userEmail, app: options.app });
  const siteUrl = localSiteUrl(options.baseUrl, options.sitePath);
  const service = localServiceOf(options);
  return {
    siteUrl,
    sp,
    graph,
    service,
    data: createSharePointDataLayer(sp, {
      webServerRelativeUrl: options.sitePath ?? LOCAL_SITE_PATH,
      graph,
      service,
      trustedWriters: options.trustedWriters ?? [LOCAL_SERVICE_LOGIN],
      clock: options.clock,
      reactions: options.reactions,
      // The service's own identity is the one writer of `Bevindingen` (the seed writes as it, too).
      projectFindings: options.app === 'service',
      messaging:
        options.messaging === false
          ? undefined
          : (options.messaging ?? { registerUrl: `${new URL(options.baseUrl).origin}/workbench/register` })
    })
  };
}

/** Where a browser page of the local workbench runs: its origin, and the persona when the page knows it. */
export interface LocalPageOptions {
  /** `window.location.origin`. */
  readonly origin: string;
  /** The signed-in persona; the `lt_persona` cookie says who when absent. */
  readonly persona?: string;
  readonly sitePath?: string;
  /** Through the command service or directly; default `'direct'` (see `LocalCompositionOptions`). */
  readonly commandsVia?: CommandsVia;
}

/** The approvals tab on the local tenant, with the DPO-team reaction into the local outbox. */
export function createLocalApprovals(page: LocalPageOptions & { readonly dpoTeamMailbox?: string }): { gateway: ApprovalsGateway; data: DataLayer } {
  // The data layer only reads the user's groups here; the gateway's reaction does the messaging.
  const { data, graph, siteUrl, service } = createLocalComposition({
    baseUrl: page.origin,
    userEmail: page.persona,
    sitePath: page.sitePath,
    messaging: false,
    commandsVia: page.commandsVia
  });
  const gateway = composeApprovalsGateway({
    graph,
    siteUrl,
    service,
    // With the service the reactions run there.
    reactions: service ? [] : [approvalsReaction(graph, data.directory, { registerUrl: `${page.origin}/workbench/register`, dpoTeamMailbox: page.dpoTeamMailbox })]
  });
  return { gateway, data };
}

/** The Graph dossier store on the local tenant, as the persona (the Word workbench picks a sample dossier with it). */
export function createLocalGraphDossierStore(page: LocalPageOptions & { readonly persona: string }): GraphDossierStore {
  return new GraphDossierStore(new GraphSite(createLocalGraphClient(page.origin, page.persona), localSiteUrl(page.origin, page.sitePath)));
}

/** "Koppelen aan dossier" of the Word workbench on the local tenant, as the persona. */
export function createLocalWordDossierPort(page: LocalPageOptions & { readonly persona: string }): DossierReviewPort {
  return composeWordDossierPort(
    createLocalComposition({ baseUrl: page.origin, userEmail: page.persona, sitePath: page.sitePath, messaging: false, commandsVia: page.commandsVia })
  );
}

/**
 * The Word workbench's document: one version (or the current one) of a dossier's document in the local
 * library, read as the persona (the sign-in cookie in the browser), as "Openen in Word" names it.
 */
export function downloadLocalDossierDocument(page: LocalPageOptions, document: { readonly reference: string; readonly fileName: string; readonly version?: string }): Promise<Uint8Array> {
  const { data } = createLocalComposition({ baseUrl: page.origin, userEmail: page.persona, sitePath: page.sitePath, messaging: false });
  return data.documents.download(document.reference, document.fileName, document.version);
}

/** The shared mailbox of the local tenant (the register web part's property pane field; see docs/guide.md). */
export const LOCAL_SHARED_MAILBOX = 'data-aanvragen@vsa.local';

/** The register of the local workbench: the data layer with messaging into the outbox, and its mail features. */
export function createLocalRegister(page: LocalPageOptions): { data: DataLayer; service: RegisterService; mail: RegisterMailLoader; drafts: RequesterDraftsLoader } {
  const composition = createLocalComposition({ baseUrl: page.origin, userEmail: page.persona, sitePath: page.sitePath, commandsVia: page.commandsVia });
  return {
    data: composition.data,
    service: createRegisterService(composition.data, { codebooks: composition.data.codebooks, restrictedNotes: composition.data.restrictedNotes, institutions: composition.data.institutions, procedureSettings: composition.data.procedureSettings }),
    mail: () =>
      Promise.resolve(composeRegisterMail(composition.data, composition.graph, { mailboxAddress: LOCAL_SHARED_MAILBOX, siteUrl: composition.siteUrl })),
    // Issue 16: the scheduled job's requester drafts, read from the local tenant's `Herinneringen`.
    drafts: () => Promise.resolve(composeRequesterDrafts(composition.data.sp))
  };
}
