/**
 * `ServiceHttp` of the local tenant: the command service mounted under `/api/`, called with a token the
 * local tenant mints for the persona, as Entra ID would for the signed-in user. Identity: the
 * `lt_persona` cookie in a browser page, `Authorization: Bearer local:<email>` from Node (tests, tools).
 */
import { DataError } from '../data/errors';
import type { ServiceHttp, ServiceRequest, ServiceResponse } from '../data/service/serviceHttp';
import { LOCAL_API_AUDIENCE, LOCAL_API_PREFIX, LOCAL_HOOK_HEADER, LOCAL_TOKEN_PATH } from './localTenantIdentity';
import { fetchInit, serviceResponseOf, serviceUrl, type FetchLike } from './serviceHttpFetch';

/** Options of the local service client. */
export interface LocalServiceHttpOptions {
  /** The persona to act as from Node; omit in the browser (the cookie says who). */
  readonly persona?: string;
  readonly fetch?: FetchLike;
  /** Current time in ms; default `Date.now`. */
  readonly now?: () => number;
}

/** A token is renewed this long before it expires (a request must not arrive with a token that just ran out). */
const RENEW_BEFORE_MS = 60_000;

interface CachedToken {
  readonly value: string;
  readonly renewAt: number;
}

/** Mints tokens for the command service's audience at the local tenant, cached until shortly before expiry. */
export function localServiceTokens(origin: string, options: LocalServiceHttpOptions = {}): { token(): Promise<string> } {
  const fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
  const now = options.now ?? Date.now;
  let cached: CachedToken | undefined;
  let pending: Promise<CachedToken> | undefined;

  const mint = async (): Promise<CachedToken> => {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', [LOCAL_HOOK_HEADER]: '1' };
    if (options.persona) headers.Authorization = `Bearer local:${options.persona}`;
    let response: Response;
    try {
      response = await fetchImpl(`${origin.replace(/\/+$/, '')}${LOCAL_TOKEN_PATH}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ audience: LOCAL_API_AUDIENCE }),
        credentials: 'same-origin'
      });
    } catch (error) {
      throw new DataError('data.error.unavailable', `The local tenant's token endpoint cannot be reached (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (response.status !== 200) {
      const code = response.status === 401 || response.status === 403 ? 'data.error.unauthenticated' : 'data.error.unavailable';
      throw new DataError(code, `The local tenant refused a token for the command service (${response.status}).`, response.status);
    }
    const body = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new DataError('data.error.unavailable', 'The local tenant answered the token request without access_token and expires_in.');
    }
    return { value: body.access_token, renewAt: now() + body.expires_in * 1000 - RENEW_BEFORE_MS };
  };

  return {
    async token(): Promise<string> {
      if (cached && now() < cached.renewAt) return cached.value;
      // One request for concurrent callers.
      pending ??= mint().finally(() => {
        pending = undefined;
      });
      cached = await pending;
      return cached.value;
    }
  };
}

/** The command service on the local tenant at `origin` (`<origin>/api/<path>`), with minted bearer tokens. */
export function localServiceHttp(origin: string, options: LocalServiceHttpOptions = {}): ServiceHttp {
  const fetchImpl = options.fetch ?? ((url, init) => fetch(url, init));
  const tokens = localServiceTokens(origin, options);
  const baseUrl = `${origin.replace(/\/+$/, '')}${LOCAL_API_PREFIX}`;
  return {
    async send(request: ServiceRequest): Promise<ServiceResponse> {
      const token = await tokens.token();
      return serviceResponseOf(await fetchImpl(serviceUrl(baseUrl, request), fetchInit(request, `Bearer ${token}`)));
    }
  };
}
