/**
 * Composition root of the Node hosts (the `provision` and `register:export` CLIs, scheduled jobs):
 * PnPjs for a site URL and an identity, configured as SPFx configures it (default headers, retry on
 * throttling with Retry-After, default parsing), and the data layer on it.
 */
import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse, InjectHeaders } from '@pnp/queryable';
import { Client } from '@microsoft/microsoft-graph-client';
import { GraphSite } from '../data/graph/graphSite';
import { ensureServiceWriteGrant, type GrantOutcome } from '../data/graph/sitePermissions';
import { createSharePointDataLayer } from './dataLayer';
import type { DataLayer, DataLayerOptions } from './dataLayer';
import type { TokenCredential } from '@azure/identity';
import { BearerToken } from './bearerToken';
import { LocalBearer } from './localBearer';
import { createLocalGraphClient } from './localGraphClient';
import { GRAPH_SCOPE, sharePointScope, tokenSource } from './nodeCredentials';

/**
 * Who a Node host acts as: a persona of the local tenant (tokens minted for it at `/_local/token`), an access token
 * for SharePoint Online (app-only or delegated, obtained outside the product), or an `@azure/identity`
 * credential (`--auth`, `./nodeCredentials`) that gives both the SharePoint and the Graph token.
 */
export type NodeIdentity = { readonly persona: string } | { readonly token: string } | { readonly credential: TokenCredential };

/** Retries on 429/503/504 (PnPjs counts the first call). */
const NODE_RETRIES = 4;

/** PnPjs on `siteUrl` (absolute, with or without trailing slash) as `identity`. */
export function createNodeSp(siteUrl: string, identity: NodeIdentity): SPFI {
  const sp = spfi(siteUrl.replace(/\/$/, '')).using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry({ retries: NODE_RETRIES }), DefaultParse());
  if ('persona' in identity) return sp.using(LocalBearer(identity.persona));
  if ('credential' in identity) return sp.using(BearerToken(tokenSource(identity.credential, sharePointScope(siteUrl))));
  return sp.using(InjectHeaders({ Authorization: `Bearer ${identity.token}` }));
}

/** Options of a Node host's data layer. */
export interface NodeDataLayerOptions extends Pick<DataLayerOptions, 'trustedWriters' | 'messaging'> {
  /**
   * Also a Graph client on the same identity (`createNodeGraphClient`): the data layer then has a
   * notifier (mail, Teams), and with `messaging` the hand-over reaction in the recipients' languages.
   * Default: no Graph client, so no mail or notifications (provisioning, the register export).
   */
  readonly graph?: boolean;
}

/** The data layer of a Node host on `siteUrl` as `identity`. */
export function createNodeDataLayer(siteUrl: string, identity: NodeIdentity, options: NodeDataLayerOptions = {}): DataLayer {
  return createSharePointDataLayer(createNodeSp(siteUrl, identity), {
    webServerRelativeUrl: new URL(siteUrl).pathname.replace(/\/$/, ''),
    trustedWriters: options.trustedWriters,
    ...(options.graph ? { graph: createNodeGraphClient(siteUrl, identity) } : {}),
    ...(options.messaging ? { messaging: options.messaging } : {})
  });
}

/**
 * A Graph client for a Node host (provisioning's `--grant-service`, the scheduled jobs' mail and Teams
 * notifications): the local tenant's Graph for a persona, Microsoft Graph with the credential's token
 * for `https://graph.microsoft.com/.default`, or with an access token obtained outside the product (an admin's token with
 * `Sites.FullControl.All` to grant `Sites.Selected`).
 */
export function createNodeGraphClient(siteUrl: string, identity: NodeIdentity): Client {
  if ('persona' in identity) return createLocalGraphClient(siteUrl, { userEmail: identity.persona });
  if ('credential' in identity) return Client.initWithMiddleware({ authProvider: { getAccessToken: tokenSource(identity.credential, GRAPH_SCOPE) } });
  return Client.initWithMiddleware({ authProvider: { getAccessToken: async () => identity.token } });
}

/** Gives the command service's app `appId` write on the site (`Sites.Selected`), idempotently. */
export function grantServiceWrite(siteUrl: string, identity: NodeIdentity, appId: string): Promise<GrantOutcome> {
  return ensureServiceWriteGrant(new GraphSite(createNodeGraphClient(siteUrl, identity), siteUrl), appId);
}
