/**
 * The caller of the command service as its validated access token says: nothing else identifies a
 * caller (no header, no body field, no cookie).
 */

/** A signed-in person (delegated token). */
export interface AuthenticatedCaller {
  /** Entra object id (`oid`). */
  readonly objectId: string;
  /** Tenant id (`tid`). */
  readonly tenantId: string;
  /** Sign-in name (`preferred_username` or `upn`), lower case. */
  readonly email: string;
  readonly displayName: string;
}

/** Validates a bearer token (signature with the tenant's keys, issuer, audience, expiry, scope). */
export interface AccessTokenVerifier {
  /** The caller, or a `DataError('data.error.unauthenticated', …, 401)`. */
  verify(authorizationHeader: string | undefined): Promise<AuthenticatedCaller>;
}
