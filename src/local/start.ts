/**
 * `npm start`: runs the local tenant on http://localhost:4321 (PORT overrides) with its data in
 * .local-tenant/tenant.db (LOCAL_TENANT_DATA overrides; LOCAL_TENANT_SEED=off skips seeding) and the
 * product's pages and Graph routes (`product.ts`), seeds an empty database through `seedIfEmpty` while
 * the pages show the seed's progress, prints the URL and the demo personas, runs the scheduled job every
 * VSA_JOBS_INTERVAL_SECONDS (default 300, 0 = off; see `jobsInterval.ts`), and stops cleanly on Ctrl-C.
 */
// Types only: modules that open node:sqlite are imported after its warning is silenced (see main).
import type { SeedStatus } from './server/seed-status';

/** Hides only node:sqlite's ExperimentalWarning; every other warning is still printed. */
function suppressSqliteExperimentalWarning(): void {
  const original = process.emitWarning.bind(process);
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const message = typeof warning === 'string' ? warning : warning.message;
    const first = rest[0];
    const type = typeof first === 'string' ? first : (first as { type?: string } | undefined)?.type ?? (warning instanceof Error ? warning.name : undefined);
    if (type === 'ExperimentalWarning' && /SQLite/i.test(message)) return;
    (original as (...args: unknown[]) => void)(warning, ...rest);
  }) as typeof process.emitWarning;
}

/** Seeds the empty tenant; `status` (begun by the caller) tells the pages how far it is and is ended whatever happens. */
async function seedEmptyTenant(baseUrl: string, status: SeedStatus): Promise<void> {
  console.log('Lege database: demo-gegevens worden aangemaakt… (Empty database: seeding demo data…)');
  try {
    const { seedIfEmpty } = await import('./seed');
    await seedIfEmpty({ baseUrl, onProgress: status.report });
  } finally {
    status.end();
  }
  console.log('Demo-gegevens aangemaakt. (Seed complete.)');
}

async function main(): Promise<void> {
  suppressSqliteExperimentalWarning();
  const { startLocalTenant } = await import('./server/server');
  const { demoPersonas } = await import('./personas');
  const { productExtensions } = await import('./product');
  const { SeedStatus } = await import('./server/seed-status');
  const port = process.env.PORT ? Number(process.env.PORT) : 4321;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT '${process.env.PORT ?? ''}' is not a valid port number.`);
  const dataFile = process.env.LOCAL_TENANT_DATA ?? '.local-tenant/tenant.db';
  const { jobsIntervalSeconds, startLocalJobs } = await import('./jobsInterval');
  const jobSeconds = jobsIntervalSeconds(process.env.VSA_JOBS_INTERVAL_SECONDS);
  const seedStatus = new SeedStatus();
  const tenant = await startLocalTenant({
    ...productExtensions(),
    seedStatus,
    port,
    dataFile,
    faults: process.env.LOCAL_TENANT_FAULTS,
    log: (line) => console.log(`${new Date().toISOString()} ${line}`)
  });
  const willSeed = process.env.LOCAL_TENANT_SEED !== 'off' && tenant.store.isEmpty();
  // Before the URL is printed: the first page anyone opens already says that data is on its way.
  if (willSeed) seedStatus.begin();
  let stopping = false;
  let stopJobs = (): void => undefined;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    stopJobs();
    console.log('\nLokale tenant stopt… (stopping)');
    tenant.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Stoppen mislukt (stop failed):', (error as Error).message);
        process.exit(1);
      }
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  console.log(`Lokale tenant draait op ${tenant.baseUrl} (local tenant running)`);
  console.log(`  Site:       ${tenant.siteUrl}`);
  console.log(`  Graph:      ${tenant.graphBaseUrl}/v1.0`);
  console.log(`  Aanmelden:  ${tenant.baseUrl}/   Outbox: ${tenant.baseUrl}/outbox`);
  console.log(`  Data:       ${dataFile}`);
  console.log(`Demo-persona's (API: token via POST ${tenant.baseUrl}/_local/token, "Authorization: Bearer local:<e-mail>", "X-Local-Tenant: 1"):`);
  for (const persona of demoPersonas) {
    const roles = persona.isSiteAdmin ? 'sitebeheerder' : persona.roles.length ? persona.roles.join(', ') : 'geen groep';
    console.log(`  ${persona.displayName.padEnd(16)} ${persona.email.padEnd(28)} ${roles}`);
  }
  try {
    if (process.env.LOCAL_TENANT_SEED === 'off') console.log('Seed uitgeschakeld (LOCAL_TENANT_SEED=off). (Seeding disabled.)');
    else if (willSeed) await seedEmptyTenant(tenant.baseUrl, seedStatus);
  } catch (error) {
    console.error(`Seed mislukt (seed failed): ${(error as Error).message}. De server blijft draaien. (The server keeps running.)`);
  }
  // After the seed: the job then sees the demo dossiers (and the Herinneringen list) as they are.
  if (!stopping) stopJobs = startLocalJobs(tenant.baseUrl, jobSeconds);
  console.log('Ctrl-C stopt de server. (Ctrl-C stops the server.)');
}

main().catch((error: unknown) => {
  console.error(`De lokale tenant kon niet starten (could not start): ${(error as Error).message}`);
  process.exit(1);
});
