/**
 * Access tokens from the local tenant, the way MSAL or `@azure/identity` get them from Entra ID in
 * Microsoft 365: one token per audience, cached until shortly before it expires. The local tenant
 * validates these signed tokens on SharePoint REST, Graph and the command service; `Bearer
 * local:<email>` only names the persona to the token endpoint (tests, tools, seed), and in the
 * browser the sign-in cookie says who.
 */
import { LOCAL_HOOK_HEADER, LOCAL_TOKEN_PATH } from './localTenantIdentity';

/** Who the token is for: a persona (delegated), the command service (app-only), or the browser's cookie. */
export interface LocalTokenIdentity {
  /** Persona e-mail; sends `Authorization: Bearer local:<email>` to the token endpoint only. */
  readonly persona?: string;
  /** App-only token of the command service's app registration. */
  readonly app?: 'service';
}

/** Gives a bearer token (without `Bearer `) for an audience. */
export interface LocalTokenSource {
  token(audience: string): Promise<string>;
}

/** The Graph audience (what Entra ID puts in `aud` of a Graph token). */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';

/** A cached token is renewed this long before it expires, as MSAL does (clock skew, slow requests). */
const renewBeforeMs = 60_000;

/** The token endpoint's answer (OAuth's token response shape). */
interface TokenResponse {
  readonly access_token?: unknown;
  readonly expires_in?: unknown;
}

/**
 * A token source on the local tenant at `origin` (any URL on it). Concurrent requests for the same
 * audience share one call to the endpoint.
 */
export function localTokenSource(origin: string, identity: LocalTokenIdentity = {}, fetcher: typeof fetch = (...args) => fetch(...args)): LocalTokenSource {
  const endpoint = `${new URL(origin).origin}${LOCAL_TOKEN_PATH}`;
  const cache = new Map<string, { readonly token: string; readonly renewAt: number }>();
  const pending = new Map<string, Promise<string>>();

  const fetchToken = async (audience: string): Promise<string> => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json', [LOCAL_HOOK_HEADER]: '1' };
    if (identity.persona) headers.Authorization = `Bearer local:${identity.persona}`;
    const body = JSON.stringify(identity.app ? { audience, app: identity.app } : { audience });
    // Without a persona (the browser) the sign-in cookie names the user; same-origin sends it.
    const response = await fetcher(endpoint, { method: 'POST', headers, body, credentials: 'same-origin' });
    if (!response.ok) {
      // The endpoint's message says why (unknown persona, no sign-in, missing hook header); it holds no secret.
      const detail = await response.text().catch(() => '');
      throw new Error(`The local tenant refused a token (HTTP ${response.status}) at ${LOCAL_TOKEN_PATH}: ${detail.slice(0, 300)}`);
    }
    const parsed = (await response.json()) as TokenResponse;
    if (typeof parsed.access_token !== 'string' || typeof parsed.expires_in !== 'number') {
      throw new Error(`The local tenant's token endpoint ${LOCAL_TOKEN_PATH} answered without access_token/expires_in.`);
    }
    cache.set(audience, { token: parsed.access_token, renewAt: Date.now() + parsed.expires_in * 1000 - renewBeforeMs });
    return parsed.access_token;
  };

  return {
    token(audience: string): Promise<string> {
      const cached = cache.get(audience);
      if (cached && Date.now() < cached.renewAt) return Promise.resolve(cached.token);
      const inFlight = pending.get(audience);
      if (inFlight) return inFlight;
      const request = fetchToken(audience).finally(() => pending.delete(audience));
      pending.set(audience, request);
      return request;
    }
  };
}

/** The SharePoint audience of a URL on the local tenant: its origin, as Entra ID's `https://<tenant>.sharepoint.com`. */
export function sharePointAudience(url: string): string {
  return new URL(url).origin;
}
