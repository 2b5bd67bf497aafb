/**
 * The identity constants of the local tenant: its Entra tenant id and issuer, the command service's
 * app registration (client id, API audience) and the app-only principal SharePoint shows as the
 * writer of everything the service stores. The local tenant mints and validates tokens with these;
 * the local composition of the service checks them exactly as it checks Entra ID's in Microsoft 365.
 */

/** The local tenant's directory (tenant) id, `tid` in every token it mints. */
export const LOCAL_TENANT_ID = '5d1c3f7e-2b4a-4c61-9e0f-7a8b9c0d1e2f';

/** Issuer of the local tenant's tokens, in Entra ID's v2.0 form. */
export const LOCAL_ISSUER = `https://login.microsoftonline.com/${LOCAL_TENANT_ID}/v2.0`;

/** Client id of the command service's app registration (app-only identity, `Sites.Selected`). */
export const LOCAL_SERVICE_APP_ID = '0c9a6b1e-7d3f-4e25-a8c4-3f1b2d6e9a70';

/** Audience of the command service's API (Application ID URI of its app registration). */
export const LOCAL_API_AUDIENCE = 'api://microdata-dossiers';

/** Delegated scope a caller's token must carry for the command service. */
export const SERVICE_SCOPE = 'Dossiers.ReadWrite';

/** SharePoint's login name of an app-only principal (what `Author/Name` shows for the service's writes). */
export function appPrincipalLogin(appId: string, tenantId: string): string {
  return `i:0i.t|ms.sp.ext|${appId}@${tenantId}`;
}

/** The login name of the local command service's app-only principal. */
export const LOCAL_SERVICE_LOGIN = appPrincipalLogin(LOCAL_SERVICE_APP_ID, LOCAL_TENANT_ID);

/** Display name of the service principal (SharePoint shows "SharePoint App" for app-only writes). */
export const LOCAL_SERVICE_DISPLAY_NAME = 'SharePoint App';

/** Where the local tenant mints tokens (POST, JSON body `{ audience, app? }`, non-simple header required). */
export const LOCAL_TOKEN_PATH = '/_local/token';

/** The local tenant's signing keys (JWKS), like Entra ID's `/discovery/v2.0/keys`. */
export const LOCAL_KEYS_PATH = '/_local/discovery/v2.0/keys';

/** The non-simple header `/_local/*` and `/outbox` require (a cross-site form or image cannot send it). */
export const LOCAL_HOOK_HEADER = 'X-Local-Tenant';

/** Route prefix of the command service on the local tenant, as on Azure Functions (`/api/`). */
export const LOCAL_API_PREFIX = '/api';
