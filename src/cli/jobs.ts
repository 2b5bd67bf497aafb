/**
 * `npm run jobs -- --once [--now <iso>] --site <url> (--user <e-mail> | --token <bearer>)`: the
 * scheduled job once (reminders, escalations, digests, requester drafts, destruction follow-up), for
 * the given moment. The local tenant: `--user beheer@vsa.local` (the site owner writes the ledger list
 * and sends from the shared mailbox); SharePoint Online: a token with write on the site and a Graph
 * token allowed to send as the shared mailbox and to send Teams activity notifications.
 * Exit codes: 0 ok, 1 some reminders failed or dossiers could not be processed, 2 bad usage.
 */
import { runScheduledJob, type JobRunReport } from '../app/jobs';
import { consoleJobLogger, composeJobPorts } from '../composition/jobs';
import { jobClockSetup } from '../composition/jobClocks';
import { createNodeGraphClient, createNodeSp } from '../composition/node';
import { JOBS_USAGE, jobsExitCode, parseJobsArgs, type JobsOptions } from './jobsArgs';

/** Runs the job once as the options say; returns the report. */
export async function runJobsOnce(options: JobsOptions): Promise<JobRunReport> {
  const identity = options.identity;
  const sp = createNodeSp(options.site, identity.kind === 'persona' ? { persona: identity.email } : { token: identity.sharePointToken });
  const graph = createNodeGraphClient(options.site, identity.kind === 'persona' ? { persona: identity.email } : { token: identity.graphToken });
  const ports = composeJobPorts(sp, graph, jobClockSetup(sp), {
    registerUrl: options.registerUrl,
    mailbox: options.mailbox,
    logger: consoleJobLogger(),
    webServerRelativeUrl: new URL(options.site).pathname.replace(/\/$/, '')
  });
  return runScheduledJob({ now: options.now ?? new Date().toISOString(), ports });
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
    .filter(([, counts]) => counts.sent + counts.failed + counts.alreadySent + counts.elsewhere > 0)
    .map(([kind, counts]) => `  ${kind}: ${counts.sent} verstuurd/sent, ${counts.alreadySent} eerder/before, ${counts.elsewhere} elders/elsewhere, ${counts.failed} mislukt/failed`);
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
