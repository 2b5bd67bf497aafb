/**
 * Tokens of the local tenant for tests and tools that call SharePoint REST or Graph with raw fetch:
 * the local tenant validates signed tokens there, and `Bearer local:<email>` only names a persona to
 * its token endpoint (which `localTokenSource` calls, once per audience).
 */
import { GRAPH_AUDIENCE, localTokenSource, type LocalTokenSource } from '../../src/composition/localTokens';
import { LOCAL_HOOK_HEADER } from '../../src/composition/localTenantIdentity';

const sources = new Map<string, LocalTokenSource>();

/** The audience a path on the tenant needs: Graph's for `/graph/…`, the tenant's origin otherwise (SharePoint). */
export function audienceFor(baseUrl: string, path: string): string {
  const url = new URL(path, baseUrl);
  return url.pathname.startsWith('/graph/') ? GRAPH_AUDIENCE : url.origin;
}

/** A token (without `Bearer `) for a persona on the tenant at `baseUrl`; audience default: SharePoint (the origin). */
export function tokenFor(baseUrl: string, email: string, audience: string = new URL(baseUrl).origin): Promise<string> {
  const origin = new URL(baseUrl).origin;
  const key = `${origin} ${email.toLowerCase()}`;
  let source = sources.get(key);
  if (!source) {
    source = localTokenSource(origin, { persona: email });
    sources.set(key, source);
  }
  return source.token(audience);
}

/** `Bearer <token>` for a persona (the value of an Authorization header). */
export async function bearerFor(baseUrl: string, email: string, audience?: string): Promise<string> {
  return `Bearer ${await tokenFor(baseUrl, email, audience)}`;
}

/** The Authorization header for a persona calling `path` (SharePoint or Graph) on the tenant. */
export async function authorizationFor(baseUrl: string, email: string, path: string): Promise<{ Authorization: string }> {
  return { Authorization: await bearerFor(baseUrl, email, audienceFor(baseUrl, path)) };
}

/** The header every `/_local/*` hook and `/outbox` need. */
export const hookHeaders: Readonly<Record<string, string>> = { [LOCAL_HOOK_HEADER]: '1' };
