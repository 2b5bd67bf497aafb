import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Graph middleware that sets `Authorization: Bearer <token>` on every request, whatever the host.
 * The SDK's AuthenticationHandler only adds tokens for https hosts, and the local tenant is plain
 * http, so `createLocalGraphClient` puts this in its place (the rest of the chain is the SDK's own).
 * Without a token (the browser workbench) it sends none and the sign-in cookie says who.
 */
export class LocalIdentityHandler implements Middleware {
  private next?: Middleware;

  /** `token` gives the value after `Bearer ` (a signed token of the local tenant), or undefined for none. */
  public constructor(private readonly token: () => Promise<string | undefined>) {}

  /** Adds the header, then passes the request on. */
  public async execute(context: Context): Promise<void> {
    const token = await this.token();
    if (token) {
      const value = `Bearer ${token}`;
      if (typeof Request !== 'undefined' && context.request instanceof Request) {
        context.request.headers.set('Authorization', value);
      } else {
        context.options = context.options ?? {};
        const headers = context.options.headers;
        if (typeof Headers !== 'undefined' && headers instanceof Headers) headers.set('Authorization', value);
        else context.options.headers = { ...(headers as Record<string, string> | undefined), Authorization: value };
      }
    }
    if (!this.next) throw new Error('LocalIdentityHandler must not be the last middleware');
    await this.next.execute(context);
  }

  /** Links the next middleware. */
  public setNext(next: Middleware): void {
    this.next = next;
  }
}
