/**
 * The local tenant's HTTP server (node:http only) and `startLocalTenant`, which tests and other areas
 * use to run it in-process on a free port.
 */
import { createLocalApiMount } from '../../composition/localService';
import type { SignatureVerifier } from '../../app/signatureVerification';
import { createServiceHandlers } from '../../functions/handlers';
import { localDemoRootDer } from '../pki/localDemoPki';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TenantStore, sitePath } from '../store/tenant-store';
import type { Clock } from '../store/ids';
import { FaultInjector, parseChaos } from './faults';
import { statusText, type LtRequest, type LtResponse } from './http';
import { LocalTokens, type JSONWebKeySet, type MintOptions, type TokenSubject } from './tokens';
import type { GraphRouteModule } from './graph-route-modules';
import { PageTable, type LocalPage } from './pages';
import { Router, type Logger } from './router';
import type { SeedStatus } from './seed-status';

/** Options of `startLocalTenant`. */
export interface LocalTenantOptions {
  /** Port; 0 picks a free one (tests). Default 4321. */
  readonly port?: number;
  /** SQLite file, or ':memory:'. Default `.local-tenant/tenant.db`. */
  readonly dataFile?: string;
  /** Chaos spec as in LOCAL_TENANT_FAULTS, e.g. `throttle:0.1`. */
  readonly faults?: string;
  /** Random source for chaos (tests make it deterministic). */
  readonly random?: () => number;
  /** Delay of `X-Local-Fault: slow`, default 2000 ms. */
  readonly slowMs?: number;
  /** Request log sink (method, path template, status, ms); silent when omitted. */
  readonly log?: Logger;
  /** Clock for Created/Modified (tests). */
  readonly clock?: Clock;
  /** Largest accepted request body, default 100 MB. */
  readonly maxBodyBytes?: number;
  /** Pages beyond the tenant's own (workbench pages, the mailbox page); `src/local/product.ts` lists the product's. */
  readonly pages?: readonly LocalPage[];
  /** Graph route modules tried before the tenant's own Graph routes, in this order. */
  readonly graphRoutes?: readonly GraphRouteModule[];
  /** The first start's seed progress; while it runs, pages say that demo data is being prepared. */
  readonly seedStatus?: SeedStatus;
  /**
   * The command service under `/api/` as on Azure Functions. Default: the product's own service (the
   * handlers of src/functions on the service's app-only identity, `createLocalApiMount`), because the
   * groups only read the lists and every change goes through it. `false`: not mounted, every `/api/`
   * path is a 404 that says so (tests of the emulator alone).
   */
  readonly api?: ((request: LtRequest) => Promise<LtResponse>) | false;
  /**
   * How the default command service reads the signatures of countersigned originals (tests whose
   * signed forms carry typed names only). Absent: the service's own verifier, if any.
   */
  readonly countersignatureVerifier?: SignatureVerifier;
}

/** The tenant's token authority, in-process (tests mint expired or foreign tokens; the service verifies). */
export interface LocalTenantTokens {
  /** A signed token (persona or `app: 'service'`, lifetime, claim overrides). */
  mint(options: MintOptions): Promise<string>;
  /** The public signing keys (also at `GET /_local/discovery/v2.0/keys`). */
  jwks(): JSONWebKeySet;
  /** Validates a token for an audience; a 401 `HttpError` when it is not valid. */
  verify(token: string, audience: string): Promise<TokenSubject>;
}

/** A running local tenant. */
export interface LocalTenant {
  /** `http://localhost:<port>` */
  readonly baseUrl: string;
  /** `http://localhost:<port>/sites/microdata` */
  readonly siteUrl: string;
  /** `http://localhost:<port>/graph` (Graph client `baseUrl`; add `defaultVersion: 'v1.0'`). */
  readonly graphBaseUrl: string;
  readonly port: number;
  /** Direct store access (tests: bulk inserts, assertions). */
  readonly store: TenantStore;
  readonly faults: FaultInjector;
  /** Keys and tokens of this start. */
  readonly tokens: LocalTenantTokens;
  /** Handles one request without HTTP (tests of the router). */
  readonly dispatch: (request: LtRequest) => Promise<LtResponse>;
  /** Stops listening, closes open connections and the database. */
  close(): Promise<void>;
}

function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function toLtRequest(req: IncomingMessage, body: Uint8Array): LtRequest {
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  return { method: (req.method ?? 'GET').toUpperCase(), url, headers, body };
}

function writeResponse(res: ServerResponse, response: LtResponse): void {
  const body = response.body === undefined ? undefined : typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : Buffer.from(response.body);
  res.statusCode = response.status;
  res.statusMessage = statusText[response.status] ?? 'Unknown';
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if (body && response.status !== 204 && response.status !== 304) {
    res.setHeader('content-length', body.byteLength);
    res.end(body);
  } else {
    res.end();
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** The `/api/` mount: the given one, none (`false`), or by default the product's command service at `origin`. */
function apiMount(api: LocalTenantOptions['api'], origin: string, countersignatureVerifier?: SignatureVerifier): ((request: LtRequest) => Promise<LtResponse>) | undefined {
  if (api === false) return undefined;
  return api ?? createLocalApiMount(origin, createServiceHandlers, { service: { extraTrustAnchors: [localDemoRootDer()], ...(countersignatureVerifier ? { countersignatureVerifier } : {}) } });
}

/** Opens the store and starts the HTTP server on 127.0.0.1 (and ::1 when available). */
export async function startLocalTenant(options: LocalTenantOptions = {}): Promise<LocalTenant> {
  const dataFile = options.dataFile ?? '.local-tenant/tenant.db';
  const faults = new FaultInjector(parseChaos(options.faults), options.random, options.slowMs);
  const maxBody = options.maxBodyBytes ?? 100 * 1024 * 1024;
  // Built before listening, so a wrongly wired page list fails the start instead of a request.
  const pages = new PageTable(options.pages ?? []);
  // Listen first so the store knows its public URL; requests arriving before the store is open
  // (none in practice) get a 503.
  let router: Router | undefined;
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    readBody(req, maxBody)
      .then(async (body) => {
        if (body === undefined) {
          writeResponse(res, { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }, body: 'Request body too large.' });
          return;
        }
        if (!router) {
          writeResponse(res, { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '1' }, body: 'Starting.' });
          return;
        }
        writeResponse(res, await router.dispatch(toLtRequest(req, body)));
      })
      .catch((error: unknown) => {
        // Never silent: the router answers every known failure itself, so what lands here is a defect
        // of the emulator (or a client that hung up), shown in the terminal that runs it.
        console.error('Lokale tenant: interne fout / internal error:', error instanceof Error ? error.stack ?? error.message : String(error));
        if (!res.headersSent) writeResponse(res, { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Internal error.' });
        else res.destroy();
      });
  };
  // Idle keep-alive connections stay open longer than any client keeps them (undici: 4 s), so a client
  // never reuses a socket the server is closing. In-process tests block the event loop with bulk
  // inserts for seconds; with Node's 5 s default the client's next request then met ECONNRESET.
  const serve = (): Server => Object.assign(createServer(handler), { keepAliveTimeout: 65_000 });
  const servers: Server[] = [serve()];
  const port = await listen(servers[0], options.port ?? 4321, '127.0.0.1');
  // 'localhost' may resolve to ::1 first; serve it too when the machine has IPv6 loopback.
  const v6 = serve();
  try {
    await listen(v6, port, '::1');
    servers.push(v6);
  } catch {
    // Not every machine has IPv6 on loopback; 127.0.0.1 above serves then, so this is not a failure.
    v6.close();
  }
  const closeServers = (): Promise<void> =>
    Promise.all(servers.map((s) => new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    }))).then(() => undefined);
  let store: TenantStore;
  try {
    store = TenantStore.open(dataFile, `http://localhost:${port}${sitePath}`, options.clock);
  } catch (error) {
    await closeServers();
    throw error;
  }
  let tokens: LocalTokens;
  try {
    tokens = await LocalTokens.create(store.principals, options.clock);
  } catch (error) {
    await closeServers();
    store.close();
    throw error;
  }
  router = new Router(store, faults, options.log, { pages, graphRoutes: options.graphRoutes ?? [], seedStatus: options.seedStatus, api: apiMount(options.api, `http://localhost:${port}`, options.countersignatureVerifier) }, tokens);
  const baseUrl = `http://localhost:${port}`;
  let closed = false;
  return {
    baseUrl,
    siteUrl: `${baseUrl}${sitePath}`,
    graphBaseUrl: `${baseUrl}/graph`,
    port,
    store,
    faults,
    tokens: {
      mint: (mintOptions) => tokens.mint(mintOptions),
      jwks: () => tokens.jwks(),
      verify: (token, audience) => tokens.verify(token, audience)
    },
    dispatch: router.dispatch,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await closeServers();
      store.close();
    }
  };
}
