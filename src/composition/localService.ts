/**
 * The command service on the local tenant: the same handlers as on Azure Functions, run in-process
 * under `/api/` of the local tenant, with the service's app-only identity minted by the local tenant
 * and callers' tokens checked against the local tenant's signing keys exactly as against Entra ID's.
 */
import { HttpRequest, InvocationContext } from '@azure/functions';
import type { HttpResponseInit } from '@azure/functions';
import { createRemoteJWKSet } from 'jose';
import type { ServiceDeps } from '../app/service';
import { JwtAccessTokenVerifier } from '../data/auth/jwtAccessTokenVerifier';
import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse } from '@pnp/queryable';
import { LOCAL_SITE_PATH } from './local';
import { createLocalGraphClient } from './localGraphClient';
import {
  LOCAL_API_AUDIENCE,
  LOCAL_API_PREFIX,
  LOCAL_HOOK_HEADER,
  LOCAL_ISSUER,
  LOCAL_KEYS_PATH,
  LOCAL_SERVICE_APP_ID,
  LOCAL_SERVICE_LOGIN,
  LOCAL_TENANT_ID,
  SERVICE_SCOPE
} from './localTenantIdentity';
import { GRAPH_AUDIENCE, localTokenSource, sharePointAudience } from './localTokens';
import { BearerToken } from './bearerToken';
import { composeService, type ServiceComposition } from './service';
import { lazyMakePublicationVersion, lazyVerifySignatures, nodeSignatureVerifier } from './signatureVerifier';

/** The service's handlers as the mount calls them (`createServiceHandlers` of src/functions). */
export type LocalServiceHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;
export interface LocalServiceHandlers {
  readonly command: LocalServiceHandler;
  readonly document: LocalServiceHandler;
  readonly publication: LocalServiceHandler;
}

/** A request as the local tenant's router holds it. */
export interface LocalApiRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: ReadonlyMap<string, string>;
  readonly body: Uint8Array;
}

/** The mount's answer. */
export interface LocalApiResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
}

/** The caller verifier of the local tenant: its JWKS (the hook header opens `/_local/*`), its issuer, the API audience. */
export function localServiceVerifier(origin: string): JwtAccessTokenVerifier {
  const base = new URL(origin).origin;
  return new JwtAccessTokenVerifier({
    tenantId: LOCAL_TENANT_ID,
    audiences: [LOCAL_API_AUDIENCE, LOCAL_SERVICE_APP_ID],
    issuers: [LOCAL_ISSUER],
    keys: createRemoteJWKSet(new URL(`${base}${LOCAL_KEYS_PATH}`), { headers: { [LOCAL_HOOK_HEADER]: '1' } }),
    scope: SERVICE_SCOPE
  });
}

/** What the local host adds to the service it composes. */
export interface LocalServiceOptions extends Pick<ServiceComposition, 'countersignatureVerifier' | 'vsaSignatories' | 'makePublicationVersion'> {
  /** Trust anchors besides config/trust: the local tenant's demo root (src/local/pki/localDemoPki.ts). */
  readonly extraTrustAnchors?: readonly Uint8Array[];
}

/** The handlers' dependencies on the local tenant at `origin`, as the service's app principal. */
export function composeLocalService(origin: string, options: LocalServiceOptions = {}): ServiceDeps {
  const base = new URL(origin).origin;
  const tokens = localTokenSource(base, { app: 'service' });
  // PnPjs as every Node host configures it, with the service's bearer token (no cookie, so no request digest).
  const sp = spfi(`${base}${LOCAL_SITE_PATH}`).using(
    DefaultHeaders(),
    DefaultInit(),
    BrowserFetchWithRetry({ retries: 4, interval: 100 }),
    DefaultParse(),
    BearerToken(() => tokens.token(sharePointAudience(base)))
  );
  const graph = createLocalGraphClient(base, { token: () => tokens.token(GRAPH_AUDIENCE) });
  return composeService({
    sp,
    graph,
    siteUrl: `${base}${LOCAL_SITE_PATH}`,
    verifier: localServiceVerifier(base),
    messaging: { registerUrl: `${base}/workbench/register` },
    trustedWriters: [LOCAL_SERVICE_LOGIN],
    // The shipped anchors (config/trust) and the local tenant's demo root (given by the host), which signs the seed's documents.
    signatureVerifier: nodeSignatureVerifier(lazyVerifySignatures, { extraAnchors: options.extraTrustAnchors ?? [] }),
    ...(options.countersignatureVerifier ? { countersignatureVerifier: options.countersignatureVerifier } : {}),
    ...(options.vsaSignatories ? { vsaSignatories: options.vsaSignatories } : {}),
    makePublicationVersion: options.makePublicationVersion ?? lazyMakePublicationVersion
  });
}

const routes: readonly (readonly [RegExp, keyof LocalServiceHandlers])[] = [
  [/^\/dossiers\/([^/]+)\/commands$/, 'command'],
  [/^\/dossiers\/([^/]+)\/documents$/, 'document'],
  [/^\/dossiers\/([^/]+)\/publication$/, 'publication']
];

const jsonAnswer = (status: number, code: string, message: string): LocalApiResponse => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  body: JSON.stringify({ error: { code, message } })
});

/** The handler's answer as bytes and headers (JSON bodies serialized as the Functions runtime does). */
async function toLocalResponse(init: HttpResponseInit): Promise<LocalApiResponse> {
  const headers: Record<string, string> = {};
  new Headers(init.headers as HeadersInit | undefined).forEach((value, name) => {
    headers[name] = value;
  });
  if (init.jsonBody !== undefined) {
    headers['content-type'] = 'application/json; charset=utf-8';
    return { status: init.status ?? 200, headers, body: JSON.stringify(init.jsonBody) };
  }
  const body = init.body;
  if (body === undefined || body === null) return { status: init.status ?? 200, headers };
  if (typeof body === 'string' || body instanceof Uint8Array) return { status: init.status ?? 200, headers, body };
  return { status: init.status ?? 200, headers, body: new Uint8Array(await new Response(body as BodyInit).arrayBuffer()) };
}

/** Options of the mount. */
export interface LocalApiMountOptions {
  /** The handlers' dependencies; default `composeLocalService(origin)`, built on the first request. */
  readonly deps?: () => ServiceDeps;
  /** Where the handlers' log lines go; default: errors to the console, the rest dropped. */
  readonly log?: (level: string, line: string) => void;
  /** Options of the default `composeLocalService`. */
  readonly service?: LocalServiceOptions;
}

/**
 * The command service under `/api` of the local tenant at `origin`: `POST /api/dossiers/{reference}/
 * (commands|documents|publication)` go to the handlers (built with `createHandlers`, i.e.
 * `createServiceHandlers` of src/functions — given by the caller because src/functions is an outer
 * ring); any other `/api` path is a 404, another method a 405.
 */
export function createLocalApiMount(
  origin: string,
  createHandlers: (deps: ServiceDeps) => LocalServiceHandlers,
  options: LocalApiMountOptions = {}
): (request: LocalApiRequest) => Promise<LocalApiResponse> {
  let handlers: LocalServiceHandlers | undefined;
  let invocations = 0;
  const log = options.log ?? ((level: string, line: string): void => {
    if (level === 'error') console.error(`[api] ${line}`);
  });
  return async (request) => {
    const path = request.url.pathname.startsWith(`${LOCAL_API_PREFIX}/`) ? request.url.pathname.slice(LOCAL_API_PREFIX.length) : undefined;
    const route = path === undefined ? undefined : routes.find(([pattern]) => pattern.test(path));
    if (!route || path === undefined) return jsonAnswer(404, 'data.error.notFound', `No command service endpoint at ${request.url.pathname}.`);
    if (request.method.toUpperCase() !== 'POST') return { ...jsonAnswer(405, 'data.error.invalidInput', 'The command service takes POST only.'), headers: { Allow: 'POST', 'Content-Type': 'application/json; charset=utf-8' } };
    let reference: string;
    try {
      reference = decodeURIComponent((route[0].exec(path) as RegExpExecArray)[1]);
    } catch {
      return jsonAnswer(400, 'data.error.invalidInput', 'The dossier reference in the path is not valid percent-encoding.');
    }
    handlers ??= createHandlers(options.deps ? options.deps() : composeLocalService(origin, options.service));
    const httpRequest = new HttpRequest({
      method: 'POST',
      url: request.url.toString(),
      headers: Object.fromEntries(request.headers),
      query: Object.fromEntries(request.url.searchParams),
      params: { reference },
      body: { bytes: request.body }
    });
    const context = new InvocationContext({
      functionName: route[1],
      invocationId: `local-${++invocations}`,
      logHandler: (level, ...args) => log(level, args.map(String).join(' '))
    });
    return toLocalResponse(await handlers[route[1]](httpRequest, context));
  };
}
