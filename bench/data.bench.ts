/**
 * Data layer benchmark against the in-process local tenant: HTTP requests and milliseconds to load the
 * first register page and a dossier's detail, and transitions per second. Runnable alone:
 * `npx tsx bench/data.bench.ts`. Measures only; never asserts.
 */
import { createLocalComposition } from '../src/composition/local';
import type { BenchResult } from './types';

type Starter = (options: { port: number; dataFile: string }) => Promise<{ baseUrl: string; close(): Promise<void> | void }>;

function loadStarter(): Starter {
  for (const path of ['../src/local/server/server', '../src/local/start']) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(path) as { startLocalTenant?: Starter };
      if (module.startLocalTenant) return module.startLocalTenant;
    } catch (error) {
      if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  throw new Error('startLocalTenant not found');
}

/** Counts HTTP requests made through the global fetch (PnPjs and the Graph client both use it). */
function countingFetch(): { count(): number; reset(): void; restore(): void } {
  const original = globalThis.fetch;
  let calls = 0;
  globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
    calls++;
    return original(...args);
  }) as typeof fetch;
  return { count: () => calls, reset: () => (calls = 0), restore: () => (globalThis.fetch = original) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const DOSSIERS = 200;

export async function run(): Promise<BenchResult[]> {
  const tenant = await loadStarter()({ port: 0, dataFile: ':memory:' });
  const counter = countingFetch();
  try {
    const owner = createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: 'beheer@vsa.local', messaging: false });
    await owner.data.provisioner.ensureAll();
    const { data } = createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: 'an.peeters@vsa.local', messaging: false });
    const actor = await data.directory.currentActor();

    const started = performance.now();
    counter.reset();
    for (let i = 1; i <= DOSSIERS; i++) {
      const reference = `VSA-2026-${String(i).padStart(4, '0')}`;
      const outcome = await data.commands.execute(reference, {
        type: 'registerRequest',
        commandId: `bench-${i}`,
        reference,
        requester: { institution: `Instelling ${i % 20}`, institutionType: 'onderzoeksinstelling', isIndividual: false, contact: { name: 'Onderzoeker', email: `o${i}@bench.example` } },
        subject: `Benchmarkdossier ${i}`
      }, actor);
      if (!outcome.ok) throw new Error(`bench: registration ${reference} refused`);
    }
    const registerSeconds = (performance.now() - started) / 1000;
    const requestsPerRegistration = counter.count() / DOSSIERS;

    const commentsStarted = performance.now();
    counter.reset();
    const COMMENTS = 100;
    for (let i = 0; i < COMMENTS; i++) {
      const outcome = await data.commands.execute('VSA-2026-0001', { type: 'addComment', commandId: `bench-c-${i}`, text: `Nota ${i}` }, actor);
      if (!outcome.ok) throw new Error('bench: comment refused');
    }
    const commentSeconds = (performance.now() - commentsStarted) / 1000;
    const requestsPerTransition = counter.count() / COMMENTS;

    const screenTimes: number[] = [];
    let screenRequests = 0;
    for (let i = 0; i < 10; i++) {
      counter.reset();
      const t0 = performance.now();
      await data.readModel.loadRegisterScreen({ pageSize: 100 });
      screenTimes.push(performance.now() - t0);
      screenRequests = counter.count();
    }
    const detailTimes: number[] = [];
    let detailRequests = 0;
    for (let i = 0; i < 10; i++) {
      counter.reset();
      const t0 = performance.now();
      await data.readModel.loadDossierDetail('VSA-2026-0001');
      detailTimes.push(performance.now() - t0);
      detailRequests = counter.count();
    }
    const note = `in-process local tenant, ${DOSSIERS} dossiers`;
    return [
      { area: 'data', name: 'register first page (100 rows): HTTP requests', value: screenRequests, unit: 'requests', note: 'user + page + list size in one $batch' },
      { area: 'data', name: 'register first page (100 rows): median latency', value: median(screenTimes), unit: 'ms', note },
      { area: 'data', name: 'dossier detail (101 events): HTTP requests', value: detailRequests, unit: 'requests', note: 'projection + events + files in one $batch' },
      { area: 'data', name: 'dossier detail (101 events): median latency', value: median(detailTimes), unit: 'ms', note },
      { area: 'data', name: 'registrations (new dossier) per second', value: DOSSIERS / registerSeconds, unit: '/s', note: `${requestsPerRegistration.toFixed(1)} requests each` },
      { area: 'data', name: 'transitions (comment on a growing dossier) per second', value: COMMENTS / commentSeconds, unit: '/s', note: `${requestsPerTransition.toFixed(1)} requests each` }
    ];
  } finally {
    counter.restore();
    await tenant.close();
  }
}

if (require.main === module) {
  run().then(
    (results) => {
      for (const r of results) process.stdout.write(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${r.note ? ` (${r.note})` : ''}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    }
  );
}
