import { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { LocalIdentityHandler } from './localIdentityHandler';
import { GRAPH_AUDIENCE, localTokenSource } from './localTokens';

/**
 * Who the local tenant sees. Node code (tests, CLI, seed) names a persona (a token minted for it at
 * `/_local/token`), the service's app-only identity, or gives a token source; browser code gives
 * none, because the sign-in page's `lt_persona` cookie identifies the user on same-origin requests.
 */
export interface LocalGraphClientOptions {
  /** Persona to act as; sends a Graph token minted for it. */
  readonly userEmail?: string;
  /** The command service's app-only identity (`roles: Sites.Selected`). */
  readonly app?: 'service';
  /** Token source (the part after `Bearer `), for callers that hold a token rather than a persona. */
  readonly token?: () => Promise<string>;
  /** The SDK's retry options; default 1 s base delay and 3 retries (Retry-After wins when sent). */
  readonly retry?: RetryHandlerOptions;
}

/**
 * The one way to build a Graph client on the local tenant (`<origin>/graph/v1.0`), in Node and in the
 * browser. The chain is the SDK's default — authentication → `RetryHandler` (429/503/504, honours
 * Retry-After) → `HTTPMessageHandler` — with `LocalIdentityHandler` in place of the SDK's
 * AuthenticationHandler, which only attaches a token to `https://` hosts and so would send none to
 * `http://localhost`. `baseUrl` may be the origin or any URL on it (`…/graph`, a site URL).
 * In SPFx, production code uses `MSGraphClientV3` instead.
 */
export function createLocalGraphClient(baseUrl: string, identity: string | LocalGraphClientOptions = {}): Client {
  const options: LocalGraphClientOptions = typeof identity === 'string' ? { userEmail: identity } : identity;
  const url = absoluteHttpUrl(baseUrl);
  const auth = new LocalIdentityHandler(tokenSource(url.origin, options));
  const retry = new RetryHandler(options.retry ?? new RetryHandlerOptions(1, 3));
  auth.setNext(retry);
  retry.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({ baseUrl: `${url.origin}/graph/`, defaultVersion: 'v1.0', middleware: auth, customHosts: new Set([url.hostname]) });
}

function tokenSource(origin: string, options: LocalGraphClientOptions): () => Promise<string | undefined> {
  if (options.token) return options.token;
  if (!options.userEmail && !options.app) return async () => undefined;
  const source = localTokenSource(origin, { persona: options.userEmail, app: options.app });
  return () => source.token(GRAPH_AUDIENCE);
}

function absoluteHttpUrl(baseUrl: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    url = undefined;
  }
  // `new URL('localhost:4321')` parses with the scheme "localhost:", so check the protocol too.
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`The local tenant's base URL is not an absolute URL: "${baseUrl}"`);
  }
  return url;
}
