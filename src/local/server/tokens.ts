/**
 * The local tenant's token authority, in the part of Entra ID's role that the product sees: an RS256
 * key pair per tenant start (published as a JWKS), tokens minted for a persona (delegated) or for the
 * command service's app registration (app-only), and their validation on SharePoint REST, Graph and the
 * command service (signature, issuer, audience, expiry). Claims follow Entra ID's v2.0 access tokens:
 * https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference
 */
import { generateKeyPair as generateNodeKeyPair, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
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

/** The claims of a JWT (what `verify` returns in `payload`). */
export interface JWTPayload {
  readonly [claim: string]: unknown;
  readonly iss?: string;
  readonly aud?: string | string[];
  readonly exp?: number;
  readonly nbf?: number;
  readonly iat?: number;
}

/** A JSON Web Key Set (RFC 7517 §5). */
export interface JSONWebKeySet {
  readonly keys: Record<string, unknown>[];
}

const clockSkewSeconds = 300;

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

/** The tenant's signing key and the tokens made with it. */
export class LocalTokens {
  private constructor(
    private readonly privateKey: KeyObject,
    private readonly publicKey: KeyObject,
    private readonly keySet: JSONWebKeySet,
    private readonly kid: string,
    private readonly principals: PrincipalStore,
    private readonly now: () => Date
  ) {}

  /** A fresh key pair: tokens of an earlier start are not valid after a restart (as after a key roll-over). */
  static async create(principals: PrincipalStore, now: () => Date = () => new Date()): Promise<LocalTokens> {
    const { privateKey, publicKey } = await promisify(generateNodeKeyPair)('rsa', { modulusLength: 2048 });
    const kid = randomUUID();
    const { kty, n, e } = publicKey.export({ format: 'jwk' });
    return new LocalTokens(privateKey, publicKey, { keys: [{ kty, n, e, kid, alg: 'RS256', use: 'sig' }] }, kid, principals, now);
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
    const signingInput = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid: this.kid }))}.${base64url(JSON.stringify(payload))}`;
    return `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), this.privateKey))}`;
  }

  /**
   * Validates a token for an audience (signature with this start's key, issuer, audience, `exp`/`nbf`
   * with five minutes' skew as Entra-protected APIs allow) and says who it stands for; a 401 otherwise.
   */
  async verify(token: string, audience: string): Promise<TokenSubject> {
    const payload = this.checked(token, audience);
    if (payload.tid !== LOCAL_TENANT_ID) throw invalidToken('the token is from another tenant (tid).');
    if (payload.idtyp === 'app') {
      if (typeof payload.appid !== 'string' || payload.appid !== LOCAL_SERVICE_APP_ID) throw invalidToken('the application in the token is not registered in the local tenant (appid).');
      return { kind: 'app', appId: payload.appid, payload };
    }
    const email = typeof payload.preferred_username === 'string' ? payload.preferred_username.toLowerCase() : typeof payload.upn === 'string' ? payload.upn.toLowerCase() : undefined;
    if (!email) throw invalidToken('the token names no user (preferred_username, upn).');
    return { kind: 'user', email, payload };
  }

  /** Signature (RS256 with this start's key), issuer, audience, times and required claims; the payload or a 401. */
  private checked(token: string, audience: string): JWTPayload {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]*$/.test(part))) throw invalidToken('the token is not a well-formed JWT.');
    let header: Record<string, unknown>;
    let payload: JWTPayload;
    try {
      header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as Record<string, unknown>;
      payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as JWTPayload;
    } catch {
      throw invalidToken('the token is not a well-formed JWT.');
    }
    if (typeof header !== 'object' || header === null || typeof payload !== 'object' || payload === null) throw invalidToken('the token is not a well-formed JWT.');
    if (header.alg !== 'RS256') throw invalidToken('the token is not signed with RS256.');
    if (header.kid !== this.kid) throw invalidToken('the signature does not match a key of the local tenant.');
    const signature = Buffer.from(parts[2], 'base64url');
    if (!verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), this.publicKey, signature)) throw invalidToken('the signature does not match a key of the local tenant.');
    for (const claim of ['exp', 'nbf', 'iat']) {
      if (typeof payload[claim] !== 'number') throw invalidToken(`the claim '${claim}' is missing.`);
    }
    if (typeof payload.tid !== 'string') throw invalidToken("the claim 'tid' is missing.");
    const now = Math.floor(this.now().getTime() / 1000);
    if ((payload.exp as number) <= now - clockSkewSeconds) throw invalidToken('the token has expired (exp).');
    if ((payload.nbf as number) > now + clockSkewSeconds) throw invalidToken('the token is not yet valid (nbf).');
    if (payload.iss !== LOCAL_ISSUER) throw invalidToken('the token is from another issuer (iss).');
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(audience)) throw invalidToken('the token is for another audience (aud).');
    return payload;
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
