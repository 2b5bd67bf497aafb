/**
 * Routes a request to the SharePoint REST, Graph, test-hook or page handlers, applies fault
 * injection and turns errors into each API family's error shape.
 */
import { randomUUID } from 'node:crypto';
import type { TenantStore } from '../store/tenant-store';
import { sitePath } from '../store/tenant-store';
import { graphErrorBody } from '../odata/errors';
import { LOCAL_API_PREFIX, LOCAL_KEYS_PATH, LOCAL_TOKEN_PATH } from '../../composition/localTenantIdentity';
import { GRAPH_AUDIENCE } from '../../composition/localTokens';
import { authenticate, identify, isValidFormDigest, securityValidationFailed } from './auth';
import { effectiveMethod } from './context';
import { hookGuard, tokenEndpoint } from './token-routes';
import type { LocalTokens } from './tokens';
import type { FaultInjector } from './faults';
import { graphErrorResponse } from './graph-error';
import { handleGraph } from './graph-routes';
import { handleGraphBatch } from './graph-batch';
import { firstGraphRouteAnswer, type GraphRouteModule } from './graph-route-modules';
import { HttpError, badRequest, escapeHtml, toHttpError, type LtRequest, type LtResponse } from './http';
import { handleLocal } from './local-routes';
import { DownloadLinks } from './downloads';
import { serveDownload } from './graph-drive-routes';
import { cookiePersona, htmlPage, outboxPage, preparingPage, signIn, signInPage, signOut, type PageTable } from './pages';
import type { SeedStatus } from './seed-status';
import { handleSharePointBatch } from './sp-batch';
import { sharePointError } from './sp-respond';
import { handleSharePoint } from './sp-routes';

/** Writes one log line (method, path template, status, ms — never personal data). */
export type Logger = (line: string) => void;

const spPrefix = new RegExp(`^${sitePath.replace(/\//g, '\\/')}\\/_api(?:\\/(.*))?$`, 'i');
const graphPrefix = /^\/graph\/(v1\.0|beta)(?:\/(.*))?$/i;

/** The path with literals, ids and user names replaced, so logs carry no personal data. */
export function pathTemplate(pathname: string): string {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    path = pathname;
  }
  return path
    .replace(/'(?:[^']|'')*'/g, "'…'")
    .replace(/\/(users|messages|attachments|download)\/[^/]+/gi, '/$1/{id}')
    .replace(/\/root:\/.*?(:\/|:$|$)/i, '/root:/{path}$1')
    .replace(/\/items\/\d+/gi, '/items/{id}')
    .replace(/\(\d+\)/g, '(n)')
    .replace(/[^\s/]+@[^\s/]+/g, '{user}');
}

/** What the caller of `startLocalTenant` adds to the tenant's own routes. */
export interface RouterExtensions {
  readonly pages: PageTable;
  /** Tried in order before the tenant's own Graph routes. */
  readonly graphRoutes: readonly GraphRouteModule[];
  /** While it says the seed runs, the sign-in page and the titled pages show the preparing notice. */
  readonly seedStatus?: SeedStatus;
  /** The command service's handler for every path under `/api/` (Azure Functions' route prefix). */
  readonly api?: (request: LtRequest) => Promise<LtResponse>;
}

/** Dispatches requests for one server. */
export class Router {
  private readonly downloads = new DownloadLinks();

  constructor(
    private readonly store: TenantStore,
    private readonly faults: FaultInjector,
    private readonly log: Logger | undefined,
    private readonly extensions: RouterExtensions,
    private readonly tokens: LocalTokens
  ) {}

  /** Handles one request (also used for the inner requests of both `$batch` kinds). */
  readonly dispatch = async (request: LtRequest): Promise<LtResponse> => {
    const started = Date.now();
    const response = await this.route(request);
    const withId: LtResponse = { ...response, headers: { ...response.headers, 'request-id': response.headers['request-id'] ?? randomUUID() } };
    if (this.log && !request.batchIdentity) {
      this.log(`${request.method} ${pathTemplate(request.url.pathname)} ${response.status} ${Date.now() - started}ms`);
    }
    return withId;
  };

  private async route(request: LtRequest): Promise<LtResponse> {
    const path = request.url.pathname;
    const spMatch = spPrefix.exec(path);
    const graphMatch = graphPrefix.exec(path);
    const family: 'sp' | 'graph' | 'other' = spMatch ? 'sp' : graphMatch ? 'graph' : 'other';
    try {
      // Opened by plain links (a download URL, Entra's public key set): no hook header possible or needed.
      if (path.startsWith('/_local/download/') && request.method === 'GET') return serveDownload(this.downloads, path.slice('/_local/download/'.length));
      if (path === LOCAL_KEYS_PATH && request.method === 'GET') return { status: 200, headers: { 'content-type': 'application/json;charset=utf-8', 'cache-control': 'no-store' }, body: JSON.stringify(this.tokens.jwks()) };
      if (path.startsWith('/_local/') || path === '/outbox') hookGuard(request);
      if (path === LOCAL_TOKEN_PATH) return await tokenEndpoint(request, this.tokens);
      if (path.startsWith('/_local/')) return handleLocal(this.store, this.faults, request, path.slice('/_local/'.length));
      if (path === LOCAL_API_PREFIX || path.startsWith(`${LOCAL_API_PREFIX}/`)) return await this.api(request);
      const decision = this.faults.decide(request, effectiveMethod(request), !request.batchIdentity);
      if (decision.kind === 'fail') throw decision.error;
      if (decision.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, decision.ms));
      if (spMatch) {
        const rest = decode(spMatch[1] ?? '');
        const identified = await this.identified(request, `${request.url.protocol}//${request.url.host}`);
        this.requireFormDigest(identified, rest);
        if (rest.toLowerCase() === '$batch') return await handleSharePointBatch(identified, authenticate(identified), this.dispatch);
        return await handleSharePoint(this.store, identified, rest);
      }
      if (graphMatch) {
        const rest = decode(graphMatch[2] ?? '');
        const identified = await this.identified(request, GRAPH_AUDIENCE);
        if (rest.toLowerCase() === '$batch') return await handleGraphBatch(identified, authenticate(identified), `/graph/${graphMatch[1]}`, this.dispatch);
        return (await firstGraphRouteAnswer(this.extensions.graphRoutes, this.store, identified, rest)) ?? (await handleGraph(this.store, identified, graphMatch[1], rest, this.downloads));
      }
      return await this.page(request);
    } catch (error) {
      const httpError = toHttpError(error) ?? this.internalError(error);
      if (family === 'sp') return sharePointError(request, httpError);
      if (family === 'graph') return graphErrorResponse(httpError);
      if (path.startsWith('/_local/') || path === LOCAL_API_PREFIX || path.startsWith(`${LOCAL_API_PREFIX}/`)) return { status: httpError.status, headers: { 'content-type': 'application/json;charset=utf-8', ...httpError.headers }, body: JSON.stringify(graphErrorBody(httpError.graphCode, httpError.message, randomUUID(), new Date().toISOString())) };
      const page = htmlPage('Fout', `<h1>Fout ${httpError.status} <span class="en">(error)</span></h1><p>${escapeHtml(httpError.message)}</p><p><a href="/">Naar de aanmeldpagina</a></p>`);
      return { ...page, status: httpError.status, headers: { ...page.headers, ...httpError.headers } };
    }
  }

  /** The request with its identity; the inner requests of a `$batch` carry the outer request's. */
  private async identified(request: LtRequest, audience: string): Promise<LtRequest> {
    if (request.batchIdentity || request.identity) return request;
    return { ...request, identity: await identify(request, this.store, this.tokens, audience) };
  }

  /**
   * SharePoint refuses a cookie-authenticated write without the form digest of `/_api/contextinfo`
   * (its defence against cross-site requests); token-authenticated writes need none. The parts of a
   * `$batch` ride on the outer request's digest.
   */
  private requireFormDigest(request: LtRequest, apiPath: string): void {
    if (request.batchIdentity || request.identity?.by !== 'cookie') return;
    const method = effectiveMethod(request);
    if (method === 'GET' || method === 'HEAD') return;
    if (request.method.toUpperCase() === 'POST' && apiPath.toLowerCase() === 'contextinfo') return;
    if (!isValidFormDigest(this.store, request.identity.principal, request.headers.get('x-requestdigest'))) throw securityValidationFailed();
  }

  /** `/api/…`: the command service when the caller of `startLocalTenant` mounted it. */
  private async api(request: LtRequest): Promise<LtResponse> {
    if (!this.extensions.api) {
      throw new HttpError(404, 'De opdrachtendienst is niet gekoppeld aan deze lokale tenant. (The command service is not mounted on this local tenant.)', '-1, System.IO.FileNotFoundException', 'itemNotFound');
    }
    return this.extensions.api(request);
  }

  private internalError(error: unknown): HttpError {
    // Internal failures are logged by name and stack only; messages may quote request data.
    if (this.log) this.log(`internal error: ${(error as Error)?.name ?? 'Error'} ${((error as Error)?.stack ?? '').split('\n').slice(1, 4).join(' | ')}`);
    return new HttpError(500, 'An internal error occurred in the local tenant.', '-1, System.InvalidOperationException', 'generalException');
  }

  private async page(request: LtRequest): Promise<LtResponse> {
    const path = request.url.pathname;
    const method = request.method.toUpperCase();
    const { pages, seedStatus } = this.extensions;
    if (method === 'GET' && seedStatus?.preparing && (path === '/' || pages.titled().some((page) => page.path === path))) return preparingPage(seedStatus.progress);
    if (path === '/' && method === 'GET') return signInPage(this.store, cookiePersona(request, this.store), pages);
    if (path === '/signin' && method === 'POST') return signIn(request, this.store);
    if (path === '/signout' && method === 'POST') return signOut();
    if (path === '/outbox' && method === 'GET') return outboxPage(this.store);
    const handler = pages.find(path);
    if (handler) return handler(request, { store: this.store, baseUrl: `${request.url.protocol}//${request.url.host}`, persona: cookiePersona(request, this.store) });
    throw new HttpError(404, 'Deze pagina bestaat niet. (This page does not exist.)', '-1, System.IO.FileNotFoundException', 'itemNotFound');
  }
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw badRequest('The request path is not valid percent-encoding.');
  }
}
