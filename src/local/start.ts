/**
 * `npm start`: runs the local tenant on http://localhost:4321 (PORT overrides) with its data in
 * .local-tenant/tenant.db (LOCAL_TENANT_DATA overrides; LOCAL_TENANT_SEED=off skips seeding), seeds an empty database through the data
 * layer's `seedIfEmpty` when that module exists, prints the URL and the demo personas, and stops
 * cleanly on Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

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

async function seedWhenEmpty(baseUrl: string, isEmpty: boolean): Promise<void> {
  if (!isEmpty) return;
  const seedPath = join(__dirname, 'seed', 'index.ts');
  if (!existsSync(seedPath) && !existsSync(join(__dirname, 'seed', 'index.js'))) {
    console.log('Seed overgeslagen: src/local/seed/index.ts bestaat nog niet. (Seed skipped: the seed module does not exist yet.)');
    return;
  }
  const seed = (await import('./seed/index')) as { seedIfEmpty?: (options: { baseUrl: string }) => Promise<unknown> };
  if (typeof seed.seedIfEmpty !== 'function') {
    console.log('Seed overgeslagen: src/local/seed/index.ts exporteert geen seedIfEmpty. (Seed skipped: no seedIfEmpty export.)');
    return;
  }
  console.log('Lege database: demo-gegevens worden aangemaakt… (Empty database: seeding demo data…)');
  await seed.seedIfEmpty({ baseUrl });
  console.log('Demo-gegevens aangemaakt. (Seed complete.)');
}

async function main(): Promise<void> {
  suppressSqliteExperimentalWarning();
  const { startLocalTenant } = await import('./server/server');
  const { demoPersonas } = await import('./personas');
  const { loadLocalExtensions } = await import('./extensions');
  await loadLocalExtensions((line) => console.log(line));
  const port = process.env.PORT ? Number(process.env.PORT) : 4321;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT '${process.env.PORT ?? ''}' is not a valid port number.`);
  const dataFile = process.env.LOCAL_TENANT_DATA ?? '.local-tenant/tenant.db';
  const tenant = await startLocalTenant({
    port,
    dataFile,
    faults: process.env.LOCAL_TENANT_FAULTS,
    log: (line) => console.log(`${new Date().toISOString()} ${line}`)
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
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
  console.log('Demo-persona\'s (API: Authorization: Bearer local:<e-mail>):');
  for (const persona of demoPersonas) {
    const roles = persona.isSiteAdmin ? 'sitebeheerder' : persona.roles.length ? persona.roles.join(', ') : 'geen groep';
    console.log(`  ${persona.displayName.padEnd(16)} ${persona.email.padEnd(28)} ${roles}`);
  }
  try {
    if (process.env.LOCAL_TENANT_SEED === 'off') console.log('Seed uitgeschakeld (LOCAL_TENANT_SEED=off). (Seeding disabled.)');
    else await seedWhenEmpty(tenant.baseUrl, tenant.store.isEmpty());
  } catch (error) {
    console.error(`Seed mislukt (seed failed): ${(error as Error).message}. De server blijft draaien. (The server keeps running.)`);
  }
  console.log('Ctrl-C stopt de server. (Ctrl-C stops the server.)');
}

main().catch((error: unknown) => {
  console.error(`De lokale tenant kon niet starten (could not start): ${(error as Error).message}`);
  process.exit(1);
});
