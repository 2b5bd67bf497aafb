/**
 * Real PnPjs and Graph clients pointed at a local tenant, for Node code (tests, CLI, benchmarks) of
 * every area. Browsers need none of this: the sign-in cookie authenticates same-origin requests.
 *
 * Why a custom Graph chain: the Graph client's AuthenticationHandler only adds the bearer token for
 * https URLs (GraphRequestUtil.isValidEndpoint checks "https://"), so against http://localhost the
 * default chain would send no identity. The chain below is the default one (auth → RetryHandler →
 * HTTPMessageHandler) with an auth step that always sets the header.
 */
import { spfi, DefaultInit, DefaultHeaders, type SPFI } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse, type Queryable } from '@pnp/queryable';
import type { TimelinePipe } from '@pnp/core';
import { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions, type Context, type Middleware } from '@microsoft/microsoft-graph-client';

/** PnPjs behavior adding `Authorization: Bearer local:<email>` to every request. */
export function LocalBearer(email: string): TimelinePipe<Queryable> {
  return (instance: Queryable) => {
    instance.on.pre(async (url, init, result) => {
      init.headers = { ...(init.headers as Record<string, string>), Authorization: `Bearer local:${email}` };
      return [url, init, result];
    });
    return instance;
  };
}

/** An SPFI for the site as `email`, with PnPjs' browser defaults and retry (429/503/504). */
export function localSp(siteUrl: string, email: string, retry: { retries?: number; interval?: number } = {}): SPFI {
  return spfi(siteUrl).using(DefaultInit(), DefaultHeaders(), DefaultParse(), BrowserFetchWithRetry({ retries: retry.retries ?? 3, interval: retry.interval ?? 100 }), LocalBearer(email));
}

/** Graph middleware setting `Authorization: Bearer local:<email>` (also for http URLs). */
export class LocalBearerMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly email: string) {}

  /** Adds the header, then passes on. */
  async execute(context: Context): Promise<void> {
    const options = (context.options ?? {}) as RequestInit;
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer local:${this.email}`);
    context.options = { ...options, headers: Object.fromEntries(headers.entries()) };
    if (typeof context.request !== 'string') context.request.headers.set('Authorization', `Bearer local:${this.email}`);
    await this.next?.execute(context);
  }

  /** Links the next middleware. */
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** A Graph client for the local tenant as `email`; `graphBaseUrl` is `http://localhost:<port>/graph`. */
export function localGraph(graphBaseUrl: string, email: string, retry: RetryHandlerOptions = new RetryHandlerOptions()): Client {
  const auth = new LocalBearerMiddleware(email);
  const retryHandler = new RetryHandler(retry);
  const http = new HTTPMessageHandler();
  auth.setNext(retryHandler);
  retryHandler.setNext(http);
  return Client.initWithMiddleware({ baseUrl: graphBaseUrl, defaultVersion: 'v1.0', middleware: auth });
}

/**
 * The Graph client treats only `https://` links as absolute, so an `@odata.nextLink` of the local
 * tenant (http) must be made relative before `client.api(link)`. Https links pass unchanged.
 */
export function followableGraphLink(link: string): string {
  const match = /^http:\/\/[^/]+\/graph\/(?:v1\.0|beta)(\/.*)$/i.exec(link);
  return match ? match[1] : link;
}
