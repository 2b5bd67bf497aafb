/**
 * The local tenant's token endpoint (Entra ID's `/oauth2/v2.0/token` in the part the product needs)
 * and the guard of its test hooks. Both exist only in the local tenant.
 */
import { LOCAL_API_AUDIENCE, LOCAL_HOOK_HEADER, LOCAL_TOKEN_PATH } from '../../composition/localTenantIdentity';
import { GRAPH_AUDIENCE } from '../../composition/localTokens';
import { claimedEmail } from './auth';
import { HttpError, badRequest, bodyJson, jsonResponse, type LtRequest, type LtResponse } from './http';
import { TOKEN_LIFETIME_SECONDS, type LocalTokens } from './tokens';

/** Host names that are this machine (URL's `hostname`, IPv6 in brackets). */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for a loopback `Host` (any port). */
export function isLoopbackHost(request: LtRequest): boolean {
  return loopbackHosts.has(request.url.hostname.toLowerCase());
}

function hookRefused(message: string): HttpError {
  return new HttpError(403, message, '-2147024891, System.UnauthorizedAccessException', 'accessDenied');
}

/**
 * `/_local/*` and `/outbox` answer only requests a cross-site page cannot make: a loopback `Host`
 * (a DNS-rebound name is refused) and the non-simple `X-Local-Tenant` header (a form, image or simple
 * fetch cannot send it without a CORS preflight, which the tenant never grants). `GET /outbox` is also
 * opened by a plain link from the sign-in page; a browser's own navigation says so with
 * `Sec-Fetch-Site: same-origin` or `none` (typed, bookmarked), a header no page can set.
 */
export function hookGuard(request: LtRequest): void {
  if (!isLoopbackHost(request)) {
    throw hookRefused(`De testhaken van de lokale tenant antwoorden alleen op localhost. (The local tenant's hooks answer only a loopback Host: localhost, 127.0.0.1 or [::1].)`);
  }
  if ((request.headers.get(LOCAL_HOOK_HEADER.toLowerCase()) ?? '').trim() !== '') return;
  const fetchSite = request.headers.get('sec-fetch-site')?.trim().toLowerCase();
  if (request.url.pathname === '/outbox' && request.method.toUpperCase() === 'GET' && (fetchSite === 'same-origin' || fetchSite === 'none')) return;
  throw hookRefused(`Deze testhaak vraagt de kop "${LOCAL_HOOK_HEADER}". (This local hook needs the header "${LOCAL_HOOK_HEADER}: 1"; cross-site requests cannot send it.)`);
}

/** The audiences the tenant mints for: the service's API, Graph, and SharePoint at this tenant's origin. */
function acceptedAudience(request: LtRequest, audience: string): boolean {
  if (audience === LOCAL_API_AUDIENCE || audience === GRAPH_AUDIENCE) return true;
  let url: URL;
  try {
    url = new URL(audience);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && loopbackHosts.has(url.hostname) && url.port === request.url.port && url.origin === audience;
}

/**
 * `POST /_local/token` with `{ audience, app? }`: a delegated token for the persona named by
 * `Authorization: Bearer local:<email>` (the one place that value counts) or the sign-in cookie, or
 * with `app: 'service'` an app-only token of the command service. The answer has OAuth's shape.
 */
export async function tokenEndpoint(request: LtRequest, tokens: LocalTokens): Promise<LtResponse> {
  if (request.method.toUpperCase() !== 'POST') {
    throw new HttpError(405, `Use POST ${LOCAL_TOKEN_PATH}.`, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'methodNotAllowed');
  }
  const body = bodyJson(request);
  const audience = body.audience;
  if (typeof audience !== 'string' || audience === '') throw badRequest(`Send {"audience": "<${LOCAL_API_AUDIENCE} | ${GRAPH_AUDIENCE} | http://localhost:<port>>", "app"?: "service"}.`);
  if (!acceptedAudience(request, audience)) {
    throw badRequest(`AADSTS500011: The resource '${audience}' is not known to the local tenant (use ${LOCAL_API_AUDIENCE}, ${GRAPH_AUDIENCE} or this tenant's origin).`);
  }
  if (body.app !== undefined && body.app !== 'service') throw badRequest(`AADSTS700016: The application '${String(body.app)}' is not registered in the local tenant; the only app is "service".`);
  let token: string;
  if (body.app === 'service') {
    token = await tokens.mint({ audience, app: 'service' });
  } else {
    const email = claimedEmail(request);
    if (!email) {
      throw new HttpError(401, 'Name the persona with "Authorization: Bearer local:<email>" or sign in at / (cookie).', '-2147024891, System.UnauthorizedAccessException', 'InvalidAuthenticationToken');
    }
    token = await tokens.mint({ audience, persona: email });
  }
  return jsonResponse(200, { token_type: 'Bearer', access_token: token, expires_in: TOKEN_LIFETIME_SECONDS, ext_expires_in: TOKEN_LIFETIME_SECONDS }, 'application/json;charset=utf-8', { 'cache-control': 'no-store' });
}
