/**
 * Shorthands for Node code of other areas (tests, CLI, benchmarks) on the one local-tenant client
 * setup of the local composition root (`createLocalGraphClient`, `createLocalSp` in `src/composition/local.ts`). Browsers need none
 * of this: the sign-in cookie authenticates same-origin requests.
 */
import type { Client, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { createLocalGraphClient } from '../composition/localGraphClient';
import { relativeGraphPath } from '../data/graph/graphListItems';

/** A Graph client for the local tenant as `email`; `graphBaseUrl` is `http://localhost:<port>/graph` (or the origin). */
export function localGraph(graphBaseUrl: string, email: string, retry?: RetryHandlerOptions): Client {
  return createLocalGraphClient(graphBaseUrl, { userEmail: email, retry });
}

/**
 * The Graph client treats only `https://` links as absolute, so an `@odata.nextLink` of the local
 * tenant (http) must be made relative before `client.api(link)`. Https links pass unchanged.
 */
export function followableGraphLink(link: string): string {
  return /^http:\/\/[^/]+\/graph\/(?:v1\.0|beta)\//i.test(link) ? relativeGraphPath(link) : link;
}
