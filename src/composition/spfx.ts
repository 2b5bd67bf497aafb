/**
 * Composition root of the SharePoint Framework hosts (the register and approvals web parts, in
 * SharePoint and Teams): PnPjs configured with `spfi().using(SPFx(context))` and SPFx's
 * `MSGraphClientV3`. Each web part has its own entry (`spfxRegister.ts`, `spfxApprovals.ts`) so its
 * bundle carries only its own wiring (budget 150 KB gzip); the web parts call it in `onInit` and render.
 */
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { spfi, SPFx } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import type { GraphClientLike } from '../data/graph/graphClient';

/** The site a web part works on: the configured absolute URL, or the page's own site when empty. */
export function siteUrlOf(context: WebPartContext, configured: string | undefined): string {
  return configured?.trim() || context.pageContext.web.absoluteUrl;
}

/** PnPjs on `siteUrl` with the page's SharePoint authentication (SPFx behaviour). */
export function spfxSp(context: WebPartContext, siteUrl: string): SPFI {
  return spfi(siteUrl).using(SPFx(context));
}

/** SPFx's Graph client (`MSGraphClientV3`), a build of the same Graph client: only its types come from another copy. */
export async function spfxGraph(context: WebPartContext): Promise<GraphClientLike> {
  return (await context.msGraphClientFactory.getClient('3')) as unknown as GraphClientLike;
}
