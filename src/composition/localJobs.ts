/**
 * The scheduled job on the local tenant (`npm start`, integration tests): the job's ports with the
 * command service's app-only identity minted by the local tenant, as on Azure Functions with the
 * certificate credential.
 */
import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import { BrowserFetchWithRetry, DefaultParse } from '@pnp/queryable';
import type { JobLogger, JobPorts } from '../app/jobs/ports';
import { BearerToken } from './bearerToken';
import { LOCAL_SITE_PATH } from './local';
import { createLocalGraphClient } from './localGraphClient';
import { LOCAL_SERVICE_LOGIN } from './localTenantIdentity';
import { GRAPH_AUDIENCE, localTokenSource, sharePointAudience } from './localTokens';
import { composeJobPorts, type JobClockSetup } from './jobs';
import { jobClockSetup } from './jobClocks';

/** Options of the local job. */
export interface LocalJobOptions {
  readonly logger: JobLogger;
  /** The shared mailbox of the local tenant (`data-aanvragen@vsa.local`). */
  readonly mailbox: string;
  /** Default: the product's clocks (`jobClockSetup`). */
  readonly clocks?: JobClockSetup;
  readonly leaseSeconds?: number;
}

/** The job's ports on the local tenant at `origin`, as the service's app principal. */
export function composeLocalJobPorts(origin: string, options: LocalJobOptions): JobPorts {
  const base = new URL(origin).origin;
  const tokens = localTokenSource(base, { app: 'service' });
  const sp = spfi(`${base}${LOCAL_SITE_PATH}`).using(
    DefaultHeaders(),
    DefaultInit(),
    BrowserFetchWithRetry({ retries: 4, interval: 100 }),
    DefaultParse(),
    BearerToken(() => tokens.token(sharePointAudience(base)))
  );
  const graph = createLocalGraphClient(base, { token: () => tokens.token(GRAPH_AUDIENCE) });
  return composeJobPorts(sp, graph, options.clocks ?? jobClockSetup(sp), {
    registerUrl: `${base}/workbench/register`,
    mailbox: options.mailbox,
    logger: options.logger,
    webServerRelativeUrl: LOCAL_SITE_PATH,
    trustedWriters: [LOCAL_SERVICE_LOGIN],
    leaseSeconds: options.leaseSeconds
  });
}
