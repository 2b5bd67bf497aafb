/**
 * Composition root of the Word add-in in Office: MSAL tokens → the Graph client and PnPjs on the
 * dossier site → the dossier review port (`wordDossier.ts`). Built once when the pane starts.
 */
import { Client } from '@microsoft/microsoft-graph-client';
import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse } from '@pnp/queryable';
import { BearerToken } from './bearerToken';
import type { TokenProvider } from '../data/auth/tokenProvider';
import type { DossierReviewPort } from '../app/wordReview/dossierReviewPort';
import type { WordAddinConfig } from './officeConfig';
import { LOCAL_API_AUDIENCE, SERVICE_SCOPE } from './localTenantIdentity';
import { fetchServiceHttp } from './serviceHttpFetch';

/** The scope the add-in asks for the command service when the settings name none. */
export const DEFAULT_SERVICE_SCOPE = `${LOCAL_API_AUDIENCE}/${SERVICE_SCOPE}`;
import { composeWordDossierPort } from './wordDossier';
import { SharePointCodebookStore } from '../data/sharepoint/codebookStore';
import type { CodebookStore } from '../data/ports';

/** PnPjs on the dossier site with a delegated SharePoint token (the add-in runs outside SharePoint). */
function officeSp(config: WordAddinConfig, tokens: TokenProvider): SPFI {
  const sharePointScope = `${new URL(config.siteUrl).origin}/AllSites.Write`;
  return spfi(config.siteUrl).using(DefaultHeaders(), DefaultInit(), BrowserFetchWithRetry(), DefaultParse(), BearerToken(() => tokens.getToken([sharePointScope])));
}

/** The dossier port for the add-in in Word, on Graph and PnPjs with MSAL tokens. */
export function createOfficeDossierPort(config: WordAddinConfig, tokens: TokenProvider): DossierReviewPort {
  const graph = Client.initWithMiddleware({ authProvider: { getAccessToken: () => tokens.getToken(config.graphScopes) } });
  const service = config.serviceUrl ? fetchServiceHttp(config.serviceUrl, tokens, config.serviceScope ?? DEFAULT_SERVICE_SCOPE) : undefined;
  return composeWordDossierPort({ graph, sp: officeSp(config, tokens), siteUrl: config.siteUrl, service });
}

/** The survey codebooks of the dossier site (list `Codebooks`), read with the user's delegated token. */
export function createOfficeCodebookStore(config: WordAddinConfig, tokens: TokenProvider): CodebookStore {
  return new SharePointCodebookStore(officeSp(config, tokens));
}
