/**
 * How a client reaches the command service: SPFx's `AadHttpClient`, the Word add-in's and the Teams
 * tab's token providers with `fetch`, or the local tenant's minted tokens. Each host's composition
 * root supplies one; the remote adapters only see this.
 */

/** One request to the service; `path` is relative to the service's base URL (see `serviceRoutes`). */
export interface ServiceRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

/** The service's answer. */
export interface ServiceResponse {
  readonly status: number;
  header(name: string): string | undefined;
  text(): Promise<string>;
}

/** Sends a request with the caller's access token for the service's API. */
export interface ServiceHttp {
  send(request: ServiceRequest): Promise<ServiceResponse>;
}
