import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * Graph middleware that sets the local tenant's identity header. The SDK's AuthenticationHandler only
 * adds tokens for https hosts, and the local tenant is plain http, so the local composition puts this
 * in its place (the rest of the chain — retry with Retry-After, HTTP — is the SDK's own).
 */
export class LocalIdentityHandler implements Middleware {
  private next?: Middleware;

  public constructor(private readonly userEmail?: string) {}

  public async execute(context: Context): Promise<void> {
    if (this.userEmail) {
      const value = `Bearer local:${this.userEmail}`;
      if (typeof Request !== 'undefined' && context.request instanceof Request) {
        context.request.headers.set('Authorization', value);
      } else {
        context.options = context.options ?? {};
        const headers = context.options.headers;
        if (headers instanceof Headers) headers.set('Authorization', value);
        else context.options.headers = { ...(headers as Record<string, string> | undefined), Authorization: value };
      }
    }
    if (!this.next) throw new Error('LocalIdentityHandler must not be the last middleware');
    await this.next.execute(context);
  }

  public setNext(next: Middleware): void {
    this.next = next;
  }
}
