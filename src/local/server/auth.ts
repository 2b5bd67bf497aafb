/**
 * Identity of a request, as SharePoint Online and Graph establish it: a signed access token of the
 * local tenant (`Authorization: Bearer <jwt>`, validated by `LocalTokens`) or, for browser pages, the
 * `lt_persona` cookie set by the sign-in page (SharePoint's session cookie). `Bearer local:<email>` only
 * names a persona to the token endpoint (`/_local/token`); anywhere else it is a 401 that says so.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { LOCAL_TOKEN_PATH } from '../../composition/localTenantIdentity';
import type { Principal } from '../store/principals';
import type { TenantStore } from '../store/tenant-store';
import { HttpError, type LtRequest } from './http';
import { invalidToken, type LocalTokens } from './tokens';

/** Name of the persona cookie. */
export const personaCookie = 'lt_persona';

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

const localBearer = /^Bearer\s+local:(\S+)$/i;

/**
 * The e-mail address a request names with `Bearer local:<email>` or the cookie. Only the token
 * endpoint and the pages (which show who is signed in) use it; the APIs want a token.
 */
export function claimedEmail(request: LtRequest): string | undefined {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = localBearer.exec(authorization.trim());
    return match ? match[1].toLowerCase() : undefined;
  }
  return readCookie(request.headers.get('cookie'), personaCookie)?.toLowerCase();
}

/** How a request proved who it is: a token (no form digest needed) or the browser's cookie. */
export type IdentifiedBy = 'bearer' | 'cookie';

/** Who a request is, once the router has identified it. */
export interface Identity {
  readonly principal: Principal;
  readonly by: IdentifiedBy;
}

function unauthorized(message: string): HttpError {
  return new HttpError(401, message, '-2147024891, System.UnauthorizedAccessException', 'InvalidAuthenticationToken', {
    'www-authenticate': 'Bearer realm="local-tenant", client_id="00000003-0000-0ff1-ce00-000000000000"'
  });
}

/**
 * Identifies a SharePoint REST or Graph request: a bearer token valid for `audience`, or the cookie.
 * A 401 for `Bearer local:`, an invalid token, an unknown user or no identity.
 */
export async function identify(request: LtRequest, store: TenantStore, tokens: LocalTokens, audience: string): Promise<Identity> {
  const authorization = request.headers.get('authorization')?.trim();
  if (authorization) {
    if (localBearer.test(authorization)) {
      throw unauthorized(`"Bearer local:<email>" is not an access token. Mint one for the persona: POST ${LOCAL_TOKEN_PATH} with "Authorization: Bearer local:<email>", "X-Local-Tenant: 1" and {"audience": "${audience}"}.`);
    }
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw invalidToken('the Authorization header is not "Bearer <token>".');
    const subject = await tokens.verify(match[1], audience);
    return { principal: tokens.principalOf(subject, () => store.servicePrincipal()), by: 'bearer' };
  }
  const email = readCookie(request.headers.get('cookie'), personaCookie)?.toLowerCase();
  const user = email ? store.principals.userByLogin(email) : undefined;
  if (!user || user.kind !== 'user') {
    throw unauthorized(email
      ? 'The signed-in persona is not known to the local tenant. Sign in again at /.'
      : `Access denied. Send "Authorization: Bearer <token>" (mint one at POST ${LOCAL_TOKEN_PATH}) or sign in at /.`);
  }
  return { principal: user, by: 'cookie' };
}

/** The identified user of a request (set by the router, or the outer request of a `$batch`); 401 otherwise. */
export function authenticate(request: LtRequest, _store?: TenantStore): Principal {
  const principal = request.batchIdentity ?? request.identity?.principal;
  if (!principal) throw unauthorized(`Access denied. Send "Authorization: Bearer <token>" (mint one at POST ${LOCAL_TOKEN_PATH}) or sign in at /.`);
  return principal;
}

/** How long a form digest is valid, as SharePoint's `FormDigestTimeoutSeconds`. */
export const formDigestTimeoutSeconds = 1800;

function digestHash(store: TenantStore, user: Principal, issued: string): string {
  return createHash('sha256').update(`${store.digestKey}:${user.id}:${issued}`).digest('hex').toUpperCase();
}

/** A form digest for a user, as `/_api/contextinfo` gives: `0x<hash>,<issue time>`. */
export function formDigest(store: TenantStore, user: Principal, now: Date = new Date()): string {
  const issued = now.toUTCString();
  return `0x${digestHash(store, user, issued)},${issued}`;
}

/** True when `value` is a form digest this tenant issued to `user` and that has not expired. */
export function isValidFormDigest(store: TenantStore, user: Principal, value: string | undefined, now: Date = new Date()): boolean {
  const match = /^0x([0-9A-F]{64}),(.+)$/i.exec(value?.trim() ?? '');
  if (!match) return false;
  const issuedAt = Date.parse(match[2]);
  if (Number.isNaN(issuedAt) || issuedAt > now.getTime() + 60_000 || now.getTime() - issuedAt > formDigestTimeoutSeconds * 1000) return false;
  const expected = Buffer.from(digestHash(store, user, match[2]));
  const given = Buffer.from(match[1].toUpperCase());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** SharePoint's answer to a cookie-authenticated write without a valid `X-RequestDigest`. */
export function securityValidationFailed(): HttpError {
  return new HttpError(
    403,
    "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.",
    '-2130575251, Microsoft.SharePoint.SPException',
    'accessDenied'
  );
}
