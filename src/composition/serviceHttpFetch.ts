/**
 * `ServiceHttp` on `fetch` with a bearer token: the Word add-in's and the Teams tab's MSAL token
 * provider (`fetchServiceHttp`), and the local tenant's minted tokens (`localServiceHttp.ts`).
 */
import type { TokenProvider } from '../data/auth/tokenProvider';
import { DataError, isDataError } from '../data/errors';
import type { ServiceHttp, ServiceRequest, ServiceResponse } from '../data/service/serviceHttp';

/** The `fetch` the adapters use (the global one by default; tests pass a fake). */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** `<baseUrl>/<path>?<query>`; the base URL ends with the route prefix (e.g. `…/api`). */
export function serviceUrl(baseUrl: string, request: Pick<ServiceRequest, 'path' | 'query'>): string {
  const url = `${baseUrl.replace(/\/+$/, '')}/${request.path.replace(/^\/+/, '')}`;
  const query = new URLSearchParams(Object.entries(request.query ?? {})).toString();
  return query ? `${url}?${query}` : url;
}

/** A `ServiceResponse` of a fetch `Response`. */
export function serviceResponseOf(response: Pick<Response, 'status' | 'headers' | 'text'>): ServiceResponse {
  return { status: response.status, header: (name) => response.headers.get(name) ?? undefined, text: () => response.text() };
}

/** The init of a fetch for the request, with the given authorization. */
export function fetchInit(request: ServiceRequest, authorization?: string): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json', ...(request.headers ?? {}) };
  if (authorization) headers.Authorization = authorization;
  return { method: request.method, headers, body: request.body as BodyInit | undefined };
}

/** A token, or `data.error.unauthenticated` when none can be had (signed out, consent missing). */
export async function tokenOrUnauthenticated(get: () => Promise<string>, what: string): Promise<string> {
  try {
    return await get();
  } catch (error) {
    if (isDataError(error)) throw error;
    // The provider's message may name the account; only its kind goes into ours.
    const kind = error instanceof Error ? error.name : 'Error';
    throw new DataError('data.error.unauthenticated', `${what}: no access token for the command service (${kind}).`, 401);
  }
}

/**
 * The command service reached with tokens from `tokens` for `scope` (e.g.
 * `api://microdata-dossiers/Dossiers.ReadWrite`): the Word add-in and the Teams tab.
 */
export function fetchServiceHttp(baseUrl: string, tokens: TokenProvider, scope: string, fetchImpl: FetchLike = (url, init) => fetch(url, init)): ServiceHttp {
  return {
    async send(request: ServiceRequest): Promise<ServiceResponse> {
      const token = await tokenOrUnauthenticated(() => tokens.getToken([scope]), `${request.method} ${request.path}`);
      return serviceResponseOf(await fetchImpl(serviceUrl(baseUrl, request), fetchInit(request, `Bearer ${token}`)));
    }
  };
}
