/**
 * The local tenant's token authority, in the part of Entra ID's role that the product sees: an RS256
 * key pair per tenant start (published as a JWKS), tokens minted for a persona (delegated) or for the
 * command service's app registration (app-only), and their validation on SharePoint REST, Graph and the
 * command service (signature, issuer, audience, expiry). Claims follow Entra ID's v2.0 access tokens:
 * https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference
 */
import { randomUUID } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, createLocalJWKSet, type JSONWebKeySet, type JWTPayload, type KeyLike } from 'jose';
import {
  LOCAL_API_AUDIENCE,
  LOCAL_ISSUER,
  LOCAL_SERVICE_APP_ID,
  LOCAL_TENANT_ID,
  SERVICE_SCOPE
} from '../../composition/localTenantIdentity';
import { GRAPH_AUDIENCE } from '../../composition/localTokens';
import type { Principal, PrincipalStore } from '../store/principals';
import { HttpError } from './http';

/** Lifetime of a minted token, as Entra ID's default (60–90 minutes; the local tenant takes one hour). */
export const TOKEN_LIFETIME_SECONDS = 3600;

/** Delegated scopes per audience kind (what the product's app registrations consent to). */
const graphScopes = 'User.Read User.ReadBasic.All GroupMember.Read.All Sites.ReadWrite.All Mail.ReadWrite Mail.Send TeamsActivity.Send';
const sharePointScopes = 'AllSites.Manage';

/** What `mint` makes. */
export interface MintOptions {
  /** `aud`: LOCAL_API_AUDIENCE, Graph's, or a SharePoint origin (`http://localhost:<port>`). */
  readonly audience: string;
  /** A persona's e-mail address (delegated token). */
  readonly persona?: string;
  /** The command service's app-only identity. */
  readonly app?: 'service';
  /** Lifetime; default one hour. Negative values give an expired token (tests). */
  readonly expiresInSeconds?: number;
  /** Extra claims, or overrides of the standard ones (negative tests: `nbf` in the future, another `iss`). */
  readonly claims?: Readonly<Record<string, unknown>>;
}

/** Who a valid token stands for. */
export type TokenSubject =
  | { readonly kind: 'user'; readonly email: string; readonly payload: JWTPayload }
  | { readonly kind: 'app'; readonly appId: string; readonly payload: JWTPayload };

/** The 401 every family answers for a token it does not accept; the message says why, never the token. */
export function invalidToken(reason: string): HttpError {
  return new HttpError(401, `Invalid access token: ${reason}`, '-2147024891, System.UnauthorizedAccessException', 'InvalidAuthenticationToken', {
    'www-authenticate': `Bearer realm="${LOCAL_TENANT_ID}", authorization_uri="${LOCAL_ISSUER.replace(/\/v2\.0$/, '')}/oauth2/authorize", error="invalid_token"`
  });
}

/** The tenant's signing key and the tokens made with it. */
export class LocalTokens {
  private constructor(
    private readonly privateKey: KeyLike,
    private readonly keySet: JSONWebKeySet,
    private readonly kid: string,
    private readonly principals: PrincipalStore,
    private readonly now: () => Date
  ) {}

  /** A fresh key pair: tokens of an earlier start are not valid after a restart (as after a key roll-over). */
  static async create(principals: PrincipalStore, now: () => Date = () => new Date()): Promise<LocalTokens> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
    const kid = randomUUID();
    const jwk = await exportJWK(publicKey);
    return new LocalTokens(privateKey, { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] }, kid, principals, now);
  }

  /** The public keys, as Entra ID's `discovery/v2.0/keys`. */
  jwks(): JSONWebKeySet {
    return { keys: this.keySet.keys.map((key) => ({ ...key })) };
  }

  /** A signed token; a persona must be a site user unless the claims override `preferred_username`. */
  async mint(options: MintOptions): Promise<string> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const lifetime = options.expiresInSeconds ?? TOKEN_LIFETIME_SECONDS;
    const base: Record<string, unknown> = {
      iss: LOCAL_ISSUER,
      aud: options.audience,
      tid: LOCAL_TENANT_ID,
      iat: issuedAt,
      nbf: Math.min(issuedAt, issuedAt + lifetime),
      exp: issuedAt + lifetime,
      ver: '2.0',
      uti: randomUUID()
    };
    if (options.app === 'service') {
      Object.assign(base, { sub: LOCAL_SERVICE_APP_ID, oid: LOCAL_SERVICE_APP_ID, appid: LOCAL_SERVICE_APP_ID, azp: LOCAL_SERVICE_APP_ID, idtyp: 'app', roles: ['Sites.Selected'] });
    } else {
      const email = options.persona?.trim().toLowerCase();
      const user = email ? this.principals.userByLogin(email) : undefined;
      if (user && user.kind === 'user' && user.email) {
        Object.assign(base, {
          sub: user.aadId,
          oid: user.aadId,
          preferred_username: user.email,
          upn: user.email,
          name: user.title,
          idtyp: 'user',
          azp: LOCAL_SERVICE_APP_ID,
          scp: scopesFor(options.audience)
        });
      } else if (!options.claims || typeof options.claims.preferred_username !== 'string') {
        throw new HttpError(400, `AADSTS50034: The user account does not exist in the local tenant's directory.`, '-1, System.ArgumentException', 'invalid_grant');
      } else {
        Object.assign(base, { idtyp: 'user', scp: scopesFor(options.audience) });
      }
    }
    const payload = { ...base, ...(options.claims ?? {}) };
    return new SignJWT(payload as JWTPayload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.kid }).sign(this.privateKey);
  }

  /**
   * Validates a token for an audience (signature with this start's key, issuer, audience, `exp`/`nbf`
   * with five minutes' skew as Entra-protected APIs allow) and says who it stands for; a 401 otherwise.
   */
  async verify(token: string, audience: string): Promise<TokenSubject> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, createLocalJWKSet(this.keySet), {
        issuer: LOCAL_ISSUER,
        audience,
        algorithms: ['RS256'],
        clockTolerance: 300,
        currentDate: this.now(),
        requiredClaims: ['exp', 'nbf', 'iat', 'tid']
      }));
    } catch (error) {
      throw invalidToken(reasonOf(error));
    }
    if (payload.tid !== LOCAL_TENANT_ID) throw invalidToken('the token is from another tenant (tid).');
    if (payload.idtyp === 'app') {
      if (typeof payload.appid !== 'string' || payload.appid !== LOCAL_SERVICE_APP_ID) throw invalidToken('the application in the token is not registered in the local tenant (appid).');
      return { kind: 'app', appId: payload.appid, payload };
    }
    const email = typeof payload.preferred_username === 'string' ? payload.preferred_username.toLowerCase() : typeof payload.upn === 'string' ? payload.upn.toLowerCase() : undefined;
    if (!email) throw invalidToken('the token names no user (preferred_username, upn).');
    return { kind: 'user', email, payload };
  }

  /** The site principal a valid token maps to: the persona, or the service's app principal; 401 when unknown. */
  principalOf(subject: TokenSubject, appPrincipal: () => Principal | undefined): Principal {
    const principal = subject.kind === 'app' ? appPrincipal() : this.principals.userByLogin(subject.email);
    if (!principal || principal.kind !== 'user') throw invalidToken('the user in the access token is not known to the local tenant.');
    return principal;
  }
}

/** Delegated scopes fitting an audience. */
function scopesFor(audience: string): string {
  if (audience === LOCAL_API_AUDIENCE) return SERVICE_SCOPE;
  if (audience === GRAPH_AUDIENCE) return graphScopes;
  return sharePointScopes;
}

/** jose's error codes as a sentence (no token content). */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const claim = (error as { claim?: unknown })?.claim;
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'the token has expired (exp).';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      if (claim === 'nbf') return 'the token is not yet valid (nbf).';
      if (claim === 'aud') return 'the token is for another audience (aud).';
      if (claim === 'iss') return 'the token is from another issuer (iss).';
      return `the claim '${String(claim)}' is not valid.`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return 'the signature does not match a key of the local tenant.';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'the token is not a well-formed JWT.';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'the token is not signed with RS256.';
    default:
      return 'the token could not be validated.';
  }
}
