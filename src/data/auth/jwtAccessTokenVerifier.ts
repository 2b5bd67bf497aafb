/**
 * `AccessTokenVerifier` on `jose`: the command service's only way to know who calls. It accepts a
 * delegated Entra ID access token for the service's API and nothing else; every refusal is a
 * `data.error.unauthenticated` (401) whose message names the reason, never the token or its claims' values.
 */
import { createRemoteJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { DataError } from '../errors';
import type { AccessTokenVerifier, AuthenticatedCaller } from './caller';

/** What a verifier checks a token against. */
export interface JwtVerifierOptions {
  /** The tenant (`tid`) every token must belong to. */
  readonly tenantId: string;
  /** Accepted audiences: the API's Application ID URI and its client id (v1 and v2 tokens differ). */
  readonly audiences: readonly string[];
  /** The signing keys: `entraSigningKeys(tenantId)` in Azure, any key getter in tests and locally. */
  readonly keys: JWTVerifyGetKey;
  /** Accepted issuers; default `entraIssuers(tenantId)`. */
  readonly issuers?: readonly string[];
  /** The delegated scope the token must carry (`scp`). */
  readonly scope: string;
  /** Clock skew allowed on `exp`/`nbf`, in seconds; default 60. */
  readonly clockToleranceSeconds?: number;
  /** The current time (tests); default the system clock. */
  readonly now?: () => Date;
}

/** Entra ID's issuers of a tenant: the v2.0 endpoint's and the v1 (`sts.windows.net`) form. */
export function entraIssuers(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

/** Entra ID's signing keys of a tenant (JWKS, fetched and cached by jose, refreshed on an unknown `kid`). */
export function entraSigningKeys(tenantId: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(`https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`));
}

const refuse = (reason: string): DataError => new DataError('data.error.unauthenticated', `The access token was refused: ${reason}.`, 401);

/** Why jose refused a token, as a reason without any value from the token. */
function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" failed (${error.reason})`;
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'the signature does not verify';
  if (error instanceof joseErrors.JWKSNoMatchingKey) return 'no signing key of the tenant matches';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'the signing algorithm is not RS256';
  if (error instanceof joseErrors.JOSEError) return `it is not a valid signed token (${error.code})`;
  return 'the signing keys could not be read';
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim().length > 0 ? value.trim() : undefined);

/** The scopes of a `scp` claim (space-separated). */
function scopesOf(payload: JWTPayload): string[] {
  return typeof payload.scp === 'string' ? payload.scp.split(' ').filter((scope) => scope.length > 0) : [];
}

/** Validates bearer tokens with jose (RS256, issuer, audience, exp/nbf, tenant, delegated scope). */
export class JwtAccessTokenVerifier implements AccessTokenVerifier {
  private readonly issuers: string[];

  public constructor(private readonly options: JwtVerifierOptions) {
    this.issuers = [...(options.issuers ?? entraIssuers(options.tenantId))];
  }

  public async verify(authorizationHeader: string | undefined): Promise<AuthenticatedCaller> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader ?? '');
    if (!match) throw refuse(authorizationHeader ? 'the Authorization header is not "Bearer <token>"' : 'no Authorization header');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1], this.options.keys, {
        algorithms: ['RS256'],
        issuer: this.issuers,
        audience: [...this.options.audiences],
        clockTolerance: this.options.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'iss', 'aud', 'tid'],
        ...(this.options.now ? { currentDate: this.options.now() } : {})
      }));
    } catch (error) {
      throw refuse(reasonOf(error));
    }
    if (payload.tid !== this.options.tenantId) throw refuse('the token is of another tenant');
    // An app-only token carries roles, not scp: these endpoints act for a person, never for an app.
    if (payload.idtyp === 'app' || payload.scp === undefined) throw refuse('an app-only token cannot call a delegated endpoint');
    if (!scopesOf(payload).includes(this.options.scope)) throw refuse(`the scope ${this.options.scope} is missing`);
    const objectId = text(payload.oid);
    const email = text(payload.preferred_username) ?? text(payload.upn) ?? text(payload.email);
    if (!objectId || !email) throw refuse('the token names no user (oid and preferred_username or upn)');
    return { objectId, tenantId: this.options.tenantId, email: email.toLowerCase(), displayName: text(payload.name) ?? email };
  }
}
