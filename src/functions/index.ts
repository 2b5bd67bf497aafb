/**
 * The command service's entry on Azure Functions (v4 programming model): one HTTP function per route
 * of the contract (`serviceRoutes`), on handlers built once per instance. A missing setting stops the
 * instance at start with one error naming every missing setting (see docs/deployment-service.md).
 */
import { app } from '@azure/functions';
import { createAzureJobComposition, createAzureServiceDeps, functionRoutes } from '../composition/functions';
import { createServiceHandlers } from './handlers';
import { createScheduledJobHandler } from './jobs';

const handlers = createServiceHandlers(createAzureServiceDeps(process.env));

// authLevel 'anonymous': a function key would be a shared secret sitting in every browser, so it
// would prove nothing. Each handler instead verifies the caller's Entra ID access token (signature,
// issuer, audience, expiry, tenant, scope) before anything else: the only identity the service accepts.
app.http('command', { route: functionRoutes.command, methods: ['POST'], authLevel: 'anonymous', handler: handlers.command });
app.http('document', { route: functionRoutes.document, methods: ['POST'], authLevel: 'anonymous', handler: handlers.document });
app.http('publication', { route: functionRoutes.publication, methods: ['POST'], authLevel: 'anonymous', handler: handlers.publication });

// The scheduled job (issue 16): reminders, escalations, digests, requester drafts, destruction follow-up.
// `VSA_JOBS_SCHEDULE` is an NCRONTAB expression (with seconds); without it, every 15 minutes.
const jobs = createAzureJobComposition(process.env);
const jobHandler = createScheduledJobHandler({ ports: (logger) => jobs.ports(logger) });
const jobsSchedule = process.env.VSA_JOBS_SCHEDULE?.trim() ? '%VSA_JOBS_SCHEDULE%' : '0 */15 * * * *';
app.timer('scheduledJobs', { schedule: jobsSchedule, runOnStartup: false, handler: async (timer, context) => {
  await jobHandler(timer, context);
} });
