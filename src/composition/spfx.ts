/**
 * Composition root of the SharePoint Framework hosts (the register and approvals web parts, in
 * SharePoint and Teams): PnPjs configured once with `spfi().using(SPFx(context))`, SPFx's
 * `MSGraphClientV3`, the data layer, the register's mail features and the approvals gateway.
 * The web parts call these functions in `onInit` and render; they build no client themselves.
 */
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { spfi, SPFx } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import type { ApprovalsGateway } from '../data/graph/approvals/approvalsGateway';
import type { GraphClientLike } from '../data/graph/graphClient';
import type { Actor } from '../domain/types';
import type { RegisterMailLoader } from '../webparts/dossierRegister/app/registerMail';
import { approvalsReaction, composeApprovalsGateway } from './approvals';
import { createSharePointDataLayer } from './dataLayer';
import type { DataLayer } from './dataLayer';

/** The site a web part works on: the configured absolute URL, or the page's own site when empty. */
export function siteUrlOf(context: WebPartContext, configured: string | undefined): string {
  return configured?.trim() || context.pageContext.web.absoluteUrl;
}

/** PnPjs on `siteUrl` with the page's SharePoint authentication (SPFx behaviour). */
function spfxSp(context: WebPartContext, siteUrl: string): SPFI {
  return spfi(siteUrl).using(SPFx(context));
}

/** SPFx's Graph client (`MSGraphClientV3`), a build of the same Graph client: only its types come from another copy. */
async function spfxGraph(context: WebPartContext): Promise<GraphClientLike> {
  return (await context.msGraphClientFactory.getClient('3')) as unknown as GraphClientLike;
}

/** Settings of the register web part that reach the composition. */
export interface RegisterWebPartSettings {
  /** Absolute URL of the site holding the lists; empty = the current site. */
  readonly siteUrl?: string;
  /** A valid shared mailbox address, or undefined when the mail features are off. */
  readonly sharedMailbox?: string;
}

/** What the register web part renders with. */
export interface RegisterWebPartComposition {
  readonly siteUrl: string;
  readonly data: DataLayer;
  /** The mail features, composed on first use in their own chunk; absent without a shared mailbox. */
  readonly mail?: RegisterMailLoader;
}

/** The register on the web part's site: the data layer, and the mail features when a shared mailbox is set. */
export function composeRegisterWebPart(context: WebPartContext, settings: RegisterWebPartSettings): RegisterWebPartComposition {
  const siteUrl = siteUrlOf(context, settings.siteUrl);
  const data = createSharePointDataLayer(spfxSp(context, siteUrl));
  const mailboxAddress = settings.sharedMailbox;
  const mail: RegisterMailLoader | undefined = mailboxAddress
    ? async () => {
        // The mail code loads in its own chunk on first use (bundle budget of the register).
        const [composition, graph] = await Promise.all([import(/* webpackChunkName: 'register-mail' */ './registerMail'), spfxGraph(context)]);
        return composition.composeRegisterMail(data, graph, { mailboxAddress, siteUrl });
      }
    : undefined;
  return { siteUrl, data, mail };
}

/** Settings of the approvals web part. */
export interface ApprovalsWebPartSettings {
  /** Absolute URL of the site with the dossier lists; empty = the current site. */
  readonly siteUrl?: string;
  /** The DPO team's shared mailbox that also gets an e-mail per decision; empty = Teams only. */
  readonly notifyMailbox?: string;
}

/** What the approvals web part renders with. */
export interface ApprovalsWebPartComposition {
  readonly gateway: ApprovalsGateway;
  readonly actor: Actor;
}

/**
 * The approvals tab: dossiers through Graph (`MSGraphClientV3`), the user's roles from the SharePoint
 * groups through PnPjs (the VSA groups are SharePoint groups, not Entra groups).
 */
export async function composeApprovalsWebPart(context: WebPartContext, settings: ApprovalsWebPartSettings): Promise<ApprovalsWebPartComposition> {
  const siteUrl = siteUrlOf(context, settings.siteUrl);
  const graph = await spfxGraph(context);
  const data = createSharePointDataLayer(spfxSp(context, siteUrl));
  const gateway = composeApprovalsGateway({
    graph,
    siteUrl,
    reactions: [approvalsReaction(graph, data.directory, { registerUrl: siteUrl, dpoTeamMailbox: settings.notifyMailbox || undefined })]
  });
  return { gateway, actor: await data.directory.currentActor() };
}
