/**
 * `ServiceHttp` of the local tenant: the command service mounted under `/api/`, called with a token the
 * local tenant mints for the command service's audience (`localTokenSource`, cached until 60 s before
 * it expires), as Entra ID would for the signed-in user. Identity: the `lt_persona` cookie in a browser
 * page, `Authorization: Bearer local:<email>` to the token endpoint from Node (tests, tools).
 */
import { DataError } from '../data/errors';
import type { ServiceHttp, ServiceRequest, ServiceResponse } from '../data/service/serviceHttp';
import { LOCAL_API_AUDIENCE, LOCAL_API_PREFIX } from './localTenantIdentity';
import { localTokenSource, type LocalTokenSource } from './localTokens';
import { fetchInit, serviceResponseOf, serviceUrl, tokenOrUnauthenticated, type FetchLike } from './serviceHttpFetch';

/** Options of the local service client. */
export interface LocalServiceHttpOptions {
  /** The persona to act as from Node; omit in the browser (the cookie says who). */
  readonly persona?: string;
  /** Where tokens come from; default the local tenant's token endpoint at `origin`. */
  readonly tokens?: LocalTokenSource;
  readonly fetch?: FetchLike;
}

/** The command service on the local tenant at `origin` (`<origin>/api/<path>`), with minted bearer tokens. */
export function localServiceHttp(origin: string, options: LocalServiceHttpOptions = {}): ServiceHttp {
  const fetchImpl: FetchLike = options.fetch ?? ((url, init) => fetch(url, init));
  const tokens = options.tokens ?? localTokenSource(origin, { persona: options.persona }, fetchImpl as typeof fetch);
  const baseUrl = `${new URL(origin).origin}${LOCAL_API_PREFIX}`;
  return {
    async send(request: ServiceRequest): Promise<ServiceResponse> {
      const token = await tokenOrUnauthenticated(() => tokens.token(LOCAL_API_AUDIENCE), `${request.method} ${request.path}`);
      let response: Response;
      try {
        response = await fetchImpl(serviceUrl(baseUrl, request), fetchInit(request, `Bearer ${token}`));
      } catch (error) {
        throw new DataError('data.error.unavailable', `The local command service cannot be reached (${error instanceof Error ? error.message : String(error)}).`);
      }
      return serviceResponseOf(response);
    }
  };
}
