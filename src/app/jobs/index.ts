/** The scheduled job (issue 16): reminders, escalations, digests and the destruction follow-up. */
export { runScheduledJob, DEFAULT_LEASE_SECONDS, type JobRunReport, type JobFailure, type KindCounts } from './runScheduledJob';
export type * from './ports';
