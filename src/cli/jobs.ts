/**
 * `npm run jobs -- --once [--now <iso>] [--site <url>] [--user | --token | --auth …]`: the scheduled
 * job once (reminders, escalations, digests, requester drafts, destruction follow-up), for the given
 * moment. Without sign-in arguments it runs against the local tenant as its service principal (as
 * `npm start` does); SharePoint Online: `--auth certificate` with the service's app registration (or
 * another identity with write on the site, mail as the shared mailbox and Teams activity notifications).
 * Exit codes: 0 ok, 1 some reminders failed or dossiers could not be processed, 2 bad usage.
 */
import { runScheduledJob, type JobRunReport } from '../app/jobs';
import { consoleJobLogger, composeJobPorts } from '../composition/jobs';
import { jobClockSetup } from '../composition/jobClocks';
import { createNodeGraphClient, createNodeSp, type NodeIdentity } from '../composition/node';
import { composeLocalJobPorts } from '../composition/localJobs';
import { nodeIdentityOf, type CredentialFactory } from '../composition/nodeCredentials';
import { JOBS_USAGE, jobsExitCode, parseJobsArgs, type JobsOptions } from './jobsArgs';

/** Runs the job once as the options say; returns the report. `credentials` makes the `--auth` credential (tests pass a fake). */
export async function runJobsOnce(options: JobsOptions, credentials?: CredentialFactory): Promise<JobRunReport> {
  const logger = consoleJobLogger();
  const now = options.now ?? new Date().toISOString();
  if (options.signIn.kind === 'none') {
    // The local tenant: as its service principal, like npm start.
    return runScheduledJob({ now, ports: composeLocalJobPorts(options.site, { logger, mailbox: options.mailbox }) });
  }
  if (!options.trustedWriters?.length) throw new Error('De taak vertrouwt niemand: geef de opdrachtendienst (--service-client-id) / no trusted writers: pass the command service (--service-client-id)');
  const identity = nodeIdentityOf(options.signIn, credentials) as NodeIdentity;
  const sp = createNodeSp(options.site, identity);
  const graph = createNodeGraphClient(options.site, options.graphToken ? { token: options.graphToken } : identity);
  const ports = composeJobPorts(sp, graph, jobClockSetup(sp), {
    registerUrl: options.registerUrl,
    mailbox: options.mailbox,
    logger,
    trustedWriters: options.trustedWriters,
    webServerRelativeUrl: new URL(options.site).pathname.replace(/\/$/, '')
  });
  return runScheduledJob({ now, ports });
}

async function main(args: readonly string[]): Promise<number> {
  const parsed = parseJobsArgs(args, process.env);
  if (!parsed.ok) {
    if (parsed.help) {
      process.stdout.write(`${JOBS_USAGE}\n`);
      return 0;
    }
    process.stderr.write(`${parsed.error}\n\n${JOBS_USAGE}\n`);
    return 2;
  }
  const report = await runJobsOnce(parsed.options);
  const lines = Object.entries(report.counts)
    .filter(([, counts]) => counts.sent + counts.failed + counts.alreadySent + counts.elsewhere + counts.gaveUp > 0)
    .map(([kind, counts]) => `  ${kind}: ${counts.sent} verstuurd/sent, ${counts.alreadySent} eerder/before, ${counts.elsewhere} elders/elsewhere, ${counts.failed} mislukt/failed, ${counts.gaveUp} opgegeven/given up`);
  process.stdout.write(`Geplande taak / scheduled job ${report.now}: ${report.due} te versturen / due\n${lines.join('\n')}${lines.length ? '\n' : ''}`);
  return jobsExitCode(report);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`De geplande taak mislukte / the scheduled job failed: ${(error as Error).message}\n`);
      process.exit(1);
    }
  );
}
