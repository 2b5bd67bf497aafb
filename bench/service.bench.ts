/**
 * The command service's cost against the in-process local tenant: a transition (a comment on a growing
 * dossier) written directly on the lists by the trusted `CommandService` — what every browser did before
 * issue 12 — side by side with the same transition asked of the service under `/api/` (token check,
 * roles, load, If-Match write, event append). Requests are counted per kind through the global fetch
 * (client → service, service → SharePoint/Graph, token endpoint). Runnable alone:
 * `npx tsx bench/service.bench.ts`. Measures only; never asserts.
 */
import { createLocalComposition } from '../src/composition/local';
import { startLocalTenant } from '../src/local/server/server';
import type { BenchResult } from './types';

type Kind = 'api' | 'sharepoint' | 'graph' | 'token';

/** Counts fetch calls per kind of URL (PnPjs, the Graph client and the service client all use fetch). */
function countingFetch(): { counts: Record<Kind, number>; reset(): void; restore(): void } {
  const original = globalThis.fetch;
  const counts: Record<Kind, number> = { api: 0, sharepoint: 0, graph: 0, token: 0 };
  globalThis.fetch = ((input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    const path = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).pathname;
    const kind: Kind = path.startsWith('/api/') ? 'api' : path.startsWith('/graph/') ? 'graph' : path.startsWith('/_local/') ? 'token' : 'sharepoint';
    counts[kind]++;
    return original(input, init);
  }) as typeof fetch;
  return {
    counts,
    reset: () => (Object.keys(counts) as Kind[]).forEach((kind) => (counts[kind] = 0)),
    restore: () => (globalThis.fetch = original)
  };
}

const TRANSITIONS = 100;
const AN = 'an.peeters@vsa.local';

export async function run(): Promise<BenchResult[]> {
  const tenant = await startLocalTenant({ port: 0, dataFile: ':memory:' });
  const counter = countingFetch();
  try {
    await createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: 'beheer@vsa.local', messaging: false }).data.provisioner.ensureAll();
    const viaService = createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: AN, messaging: false });
    const direct = createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service', messaging: false });
    const actor = await viaService.data.directory.currentActor();
    for (const reference of ['VSA-2026-0001', 'VSA-2026-0002']) {
      const outcome = await viaService.data.commands.execute(reference, {
        type: 'registerRequest',
        commandId: `bench-register-${reference}`,
        reference,
        requester: { institution: 'Instelling', institutionType: 'onderzoeksinstelling', isIndividual: false, contact: { name: 'Onderzoeker', email: 'o@bench.example' } },
        subject: 'Benchmarkdossier'
      });
      if (!outcome.ok) throw new Error(`bench: registration of ${reference} refused`);
    }
    // Warm both paths (token cache, JWKS, PnPjs) so the loops measure steady state.
    await direct.data.commands.execute('VSA-2026-0001', { type: 'addComment', commandId: 'warm-direct', text: 'warm' }, actor);
    await viaService.data.commands.execute('VSA-2026-0002', { type: 'addComment', commandId: 'warm-service', text: 'warm' });

    counter.reset();
    let started = performance.now();
    for (let i = 0; i < TRANSITIONS; i++) {
      const outcome = await direct.data.commands.execute('VSA-2026-0001', { type: 'addComment', commandId: `direct-${i}`, text: `Nota ${i}` }, actor);
      if (!outcome.ok) throw new Error('bench: direct comment refused');
    }
    const directSeconds = (performance.now() - started) / 1000;
    const directRequests = (counter.counts.sharepoint + counter.counts.graph) / TRANSITIONS;

    counter.reset();
    started = performance.now();
    for (let i = 0; i < TRANSITIONS; i++) {
      const outcome = await viaService.data.commands.execute('VSA-2026-0002', { type: 'addComment', commandId: `service-${i}`, text: `Nota ${i}` });
      if (!outcome.ok) throw new Error('bench: comment through the service refused');
    }
    const serviceSeconds = (performance.now() - started) / 1000;
    const clientRequests = counter.counts.api / TRANSITIONS;
    const serverRequests = (counter.counts.sharepoint + counter.counts.graph) / TRANSITIONS;
    const tokenRequests = counter.counts.token;
    const note = `in-process local tenant, ${TRANSITIONS} comments on a growing dossier`;
    return [
      { area: 'service', name: 'direct on the lists (before issue 12): requests per transition', value: directRequests, unit: 'requests', note: 'load $batch, MERGE If-Match, event add' },
      { area: 'service', name: 'direct on the lists (before issue 12): transitions per second', value: TRANSITIONS / directSeconds, unit: '/s', note },
      { area: 'service', name: 'through the service: client requests per transition', value: clientRequests, unit: 'requests', note: 'one POST /api/…/commands' },
      { area: 'service', name: 'through the service: service requests per transition', value: serverRequests, unit: 'requests', note: 'load $batch, MERGE If-Match, event add; roles read once per person and minute' },
      { area: 'service', name: 'through the service: token endpoint calls in the loop', value: tokenRequests, unit: 'requests', note: 'cached tokens' },
      { area: 'service', name: 'through the service: transitions per second', value: TRANSITIONS / serviceSeconds, unit: '/s', note }
    ];
  } finally {
    counter.restore();
    await tenant.close();
  }
}

if (require.main === module) {
  run().then(
    (results) => {
      for (const r of results) process.stdout.write(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${r.note ? ` (${r.note})` : ''}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    }
  );
}
