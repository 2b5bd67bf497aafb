/**
 * Composition root of the add-in in Office: office-js gateway → form source; MSAL tokens → Graph
 * client → the data layer's Graph stores and command service → dossier review port. Built once.
 */
import { Client } from '@microsoft/microsoft-graph-client';
import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse } from '@pnp/queryable';
import type { Queryable } from '@pnp/queryable';
import { CommandService } from '../../data/commandService';
import { GraphDossierStore } from '../../data/graph/approvals/graphDossierStore';
import { GraphSite } from '../../data/graph/approvals/graphSite';
import { SharePointDirectory } from '../../data/sharepoint/directory';
import type { TokenProvider } from '../auth/tokenProvider';
import { createCommandDossierReviewPort } from '../dossier/commandDossierReviewPort';
import type { DossierReviewPort } from '../dossier/dossierReviewPort';
import type { WordAddinConfig } from './config';

/** A PnPjs behaviour that sends a bearer token from the provider. */
function BearerToken(tokens: TokenProvider, scopes: readonly string[]): (instance: Queryable<unknown>) => Queryable<unknown> {
  return (instance) => {
    instance.on.auth(async (url, init) => {
      (init.headers as Record<string, string>).Authorization = `Bearer ${await tokens.getToken(scopes)}`;
      return [url, init];
    });
    return instance;
  };
}

/** A fresh command id (idempotency key). */
export function newCommandId(): string {
  const cryptoApi = globalThis.crypto as Crypto | undefined;
  if (cryptoApi && typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID();
  return `word-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * The dossier port for the add-in: dossier reads and the review event through Graph (the data layer's
 * Graph stores + command service); the reviewer's VSA roles from the site's groups through PnPjs, as
 * the web parts read them.
 */
export function createOfficeDossierPort(config: WordAddinConfig, tokens: TokenProvider): DossierReviewPort {
  const graph = Client.initWithMiddleware({ authProvider: { getAccessToken: () => tokens.getToken(config.graphScopes) } });
  const store = new GraphDossierStore(new GraphSite(graph, config.siteUrl));
  const commands = new CommandService({ dossiers: store, events: store });
  const sharePointScope = `${new URL(config.siteUrl).origin}/AllSites.Write`;
  const sp = spfi(config.siteUrl).using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry(), DefaultParse(), BearerToken(tokens, [sharePointScope]) as never);
  const directory = new SharePointDirectory(sp);
  return createCommandDossierReviewPort({ commands, currentActor: () => directory.currentActor(), newCommandId });
}
