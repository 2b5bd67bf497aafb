import type { Client } from '@microsoft/microsoft-graph-client';

/**
 * The one capability the approvals adapters need from a Graph client: `api(path)`. SPFx's
 * `MSGraphClientV3` and `Client` of `@microsoft/microsoft-graph-client` v3 both provide it, so the
 * adapters never see the web part context (production) or the local tenant URL (locally).
 */
export type GraphClientLike = Pick<Client, 'api'>;

/** Waits `ms` milliseconds; injectable so tests of the batch retry do not sleep. */
export type Sleep = (ms: number) => Promise<void>;

/** The real timer. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Graph path of a SharePoint site from its absolute URL:
 * `https://contoso.sharepoint.com/sites/microdata` → `/sites/contoso.sharepoint.com:/sites/microdata`.
 * Graph resolves it to the site id (`GET /sites/{hostname}:{server-relative-path}`).
 */
export function graphSitePath(siteUrl: string): string {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    throw new Error(`Not an absolute site URL: "${siteUrl}"`);
  }
  const serverRelative = url.pathname.replace(/\/+$/, '');
  return `/sites/${url.hostname}:${serverRelative || '/'}`;
}

/** A list segment for a Graph URL: Graph accepts the list's display name in place of its id. */
export function listPath(siteId: string, listTitle: string): string {
  return `/sites/${siteId}/lists/${encodeURIComponent(listTitle)}`;
}

/** An OData string literal for Graph `$filter` (quotes doubled). */
export function graphString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
