/**
 * The scheduled job in `npm start`: every `VSA_JOBS_INTERVAL_SECONDS` (default 300; 0 switches it off)
 * the job runs against the local tenant as the service's app principal, never two runs at once.
 */
import { runScheduledJob } from '../app/jobs';
import { consoleJobLogger } from '../composition/jobs';
import { composeLocalJobPorts } from '../composition/localJobs';
import { sharedMailbox } from './personas';

export const DEFAULT_JOBS_INTERVAL_SECONDS = 300;

/** The interval from the setting: a whole number of seconds >= 0 (0 = off); anything else is refused. */
export function jobsIntervalSeconds(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return DEFAULT_JOBS_INTERVAL_SECONDS;
  const seconds = Number(setting);
  if (!Number.isInteger(seconds) || seconds < 0) throw new Error(`VSA_JOBS_INTERVAL_SECONDS '${setting}' is not a whole number of seconds (0 switches the job off).`);
  return seconds;
}

/** Starts the interval; returns a function that stops it. */
export function startLocalJobs(baseUrl: string, seconds: number, log: (line: string) => void = console.log): () => void {
  if (seconds === 0) return () => undefined;
  const logger = consoleJobLogger('jobs');
  let running = false;
  // A failure that repeats (e.g. the site not provisioned yet) is said once, not every interval.
  let lastFailure: string | undefined;
  const tick = async (): Promise<void> => {
    if (running) return;
    running = true;
    try {
      await runScheduledJob({ now: new Date().toISOString(), ports: composeLocalJobPorts(baseUrl, { logger, mailbox: sharedMailbox }) });
      lastFailure = undefined;
    } catch (error) {
      const message = (error as Error).message;
      if (message !== lastFailure) logger.error(`the run failed (said once until it changes): ${message}`);
      lastFailure = message;
    } finally {
      running = false;
    }
  };
  log(`Geplande taak elke ${seconds} s (VSA_JOBS_INTERVAL_SECONDS). (Scheduled job every ${seconds} s.)`);
  void tick();
  const timer = setInterval(() => void tick(), seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
