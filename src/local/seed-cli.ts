/**
 * `npm run seed -- [--reset] [--base-url http://localhost:4321] [--now 2026-11-25T12:00:00Z] [--seed 20260101]`
 * Fills the running local tenant with the demo dossiers (see src/local/seed).
 */
import { seed } from './seed';

function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--help')) {
    process.stdout.write('Gebruik / usage: npm run seed -- [--reset] [--base-url <url>] [--now <iso>] [--seed <n>]\n');
    return 0;
  }
  const baseUrl = option(args, '--base-url') ?? process.env.LOCAL_TENANT_URL ?? `http://localhost:${process.env.PORT ?? '4321'}`;
  const now = option(args, '--now');
  const seedValue = option(args, '--seed');
  if (now !== undefined && Number.isNaN(Date.parse(now))) {
    process.stderr.write(`--now: "${now}" is geen geldige datum / is not a valid date\n`);
    return 2;
  }
  const report = await seed({
    baseUrl,
    reset: args.includes('--reset'),
    now: now ? new Date(now) : undefined,
    seed: seedValue ? Number(seedValue) : undefined
  });
  process.stdout.write(`Seeded ${report.dossiers} dossiers (${report.commands} commands) in ${report.milliseconds} ms at ${baseUrl}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Seed mislukt / failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
);
