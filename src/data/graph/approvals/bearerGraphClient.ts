import { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Sets `Authorization` on every request. The SDK's own AuthenticationHandler only adds the token for
 * `https://` Graph or custom hosts (GraphRequestUtil `isValidEndpoint`), so against the local tenant on
 * `http://localhost` it would send none and get 401.
 */
class BearerMiddleware implements Middleware {
  private next?: Middleware;

  public constructor(private readonly token: () => Promise<string>) {}

  public async execute(context: Context): Promise<void> {
    const token = await this.token();
    if (token) {
      const options = (context.options ?? (context.options = {})) as RequestInit;
      if (options.headers instanceof Headers) options.headers.set('Authorization', `Bearer ${token}`);
      else options.headers = { ...((options.headers as Record<string, string> | undefined) ?? {}), Authorization: `Bearer ${token}` };
    }
    if (!this.next) throw new Error('BearerMiddleware is not followed by a handler.');
    await this.next.execute(context);
  }

  public setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * A Graph client for a non-Microsoft base URL (the local tenant, `<origin>/graph/v1.0`): bearer token on
 * every request, then the SDK's RetryHandler (429/503/504 with Retry-After) and its fetch handler, as in
 * the SDK's default chain. Without a token (the browser workbench) the sign-in cookie identifies the user.
 */
export function createBearerGraphClient(origin: string, token: () => Promise<string> = async () => ''): Client {
  const url = new URL(origin);
  const bearer = new BearerMiddleware(token);
  const retry = new RetryHandler(new RetryHandlerOptions());
  bearer.setNext(retry);
  retry.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({ baseUrl: `${url.origin}/graph/`, defaultVersion: 'v1.0', middleware: bearer, customHosts: new Set([url.hostname]) });
}
