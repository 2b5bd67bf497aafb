/**
 * Identity of a request: `Authorization: Bearer local:<email>` (API clients) or the `lt_persona`
 * cookie set by the sign-in page (browsers). No identity, or an unknown one, is a 401.
 */
import type { Principal } from '../store/principals';
import type { TenantStore } from '../store/tenant-store';
import { HttpError, type LtRequest } from './http';

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

/** The e-mail address a request claims to be, if any. */
export function claimedEmail(request: LtRequest): string | undefined {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+local:(\S+)$/i.exec(authorization.trim());
    return match ? match[1].toLowerCase() : undefined;
  }
  return readCookie(request.headers.get('cookie'), personaCookie)?.toLowerCase();
}

/** The signed-in user, or a 401 in the shape of the API family. */
export function authenticate(request: LtRequest, store: TenantStore): Principal {
  if (request.batchIdentity) return request.batchIdentity;
  const email = claimedEmail(request);
  const user = email ? store.principals.userByLogin(email) : undefined;
  if (!user || user.kind !== 'user') {
    throw new HttpError(
      401,
      email ? 'The user in the access token is not known to the local tenant.' : 'Access denied. Send "Authorization: Bearer local:<email>" or sign in at /.',
      '-2147024891, System.UnauthorizedAccessException',
      'InvalidAuthenticationToken',
      { 'www-authenticate': 'Bearer realm="local-tenant", client_id="00000003-0000-0ff1-ce00-000000000000"' }
    );
  }
  return user;
}
