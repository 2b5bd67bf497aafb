/**
 * The scheduled job's timer handler (issue 16, Azure Functions v4): runs `runScheduledJob` for the
 * moment it fires, with the ports built once per instance on first use (a missing setting fails the
 * invocation with a message naming it, without stopping the command service's HTTP functions). The
 * job's lines go to the invocation's log; reminders that failed make the invocation fail (visible in
 * monitoring) and are retried by the next run.
 */
import type { InvocationContext, Timer } from '@azure/functions';
import { runScheduledJob, type JobPorts, type JobRunReport } from '../app/jobs';

/** The handler as `app.timer` calls it. */
export type ScheduledJobHandler = (timer: Timer, context: InvocationContext) => Promise<JobRunReport>;

/** What the handler needs: the ports for an invocation's log, and the clock (tests fix it). */
export interface ScheduledJobHandlerDeps {
  readonly ports: (logger: JobPorts['logger']) => JobPorts;
  readonly clock?: () => string;
}

/** The timer handler over `deps`. */
export function createScheduledJobHandler(deps: ScheduledJobHandlerDeps): ScheduledJobHandler {
  const clock = deps.clock ?? ((): string => new Date().toISOString());
  return async (timer, context) => {
    const logger: JobPorts['logger'] = { info: (line) => context.log(line), warn: (line) => context.warn(line), error: (line) => context.error(line) };
    if (timer.isPastDue) logger.warn('the timer is past due: this run catches up');
    const report = await runScheduledJob({ now: clock(), ports: deps.ports(logger) });
    if (report.failures.length > 0 || report.dossierFailures.length > 0) {
      throw new Error(`scheduled job: ${report.failures.length} reminder(s) failed and ${report.dossierFailures.length} dossier(s) not processed; retried on the next run.`);
    }
    return report;
  };
}
