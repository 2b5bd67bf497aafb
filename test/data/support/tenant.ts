import { createLocalComposition } from '../../../src/data/compose';
import type { LocalComposition, ODataFlavour } from '../../../src/data/compose';

/** A local tenant running in-process on a free port, with an in-memory database. */
export interface RunningTenant {
  readonly baseUrl: string;
  close(): Promise<void>;
  /** Whatever else the server exposes (e.g. its store, for bulk inserts). */
  readonly raw: Record<string, unknown>;
}

type Starter = (options: { port: number; dataFile: string }) => Promise<Record<string, unknown>>;

function loadStarter(): Starter {
  const candidates = ['../../../src/local/server/server', '../../../src/local/start'];
  for (const path of candidates) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const module = require(path) as { startLocalTenant?: Starter };
      if (typeof module.startLocalTenant === 'function') return module.startLocalTenant;
    } catch (error) {
      if ((error as { code?: string }).code !== 'MODULE_NOT_FOUND') throw error;
    }
  }
  throw new Error('startLocalTenant not found in src/local/server/server.ts or src/local/start.ts');
}

/** Starts the local tenant in-process (port 0 = a free port). */
export async function startTenant(): Promise<RunningTenant> {
  const started = await loadStarter()({ port: 0, dataFile: ':memory:' });
  const baseUrl = String(started.baseUrl).replace(/\/$/, '');
  return { baseUrl, close: async () => { await (started.close as () => Promise<void> | void)(); }, raw: started };
}

/** A composition acting as one persona. Messaging off unless asked. */
export function as(tenant: RunningTenant, userEmail: string, odata: ODataFlavour = 'minimalmetadata', messaging = false): LocalComposition {
  return createLocalComposition({ baseUrl: tenant.baseUrl, userEmail, odata, messaging: messaging ? undefined : false });
}

/** Calls a `/_local/` test hook. */
export async function localHook(tenant: RunningTenant, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${tenant.baseUrl}/_local/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: 'Bearer local:beheer@vsa.local', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (!response.ok) throw new Error(`/_local/${path} answered ${response.status}`);
  const text = await response.text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export const OWNER = 'beheer@vsa.local';
export const AN = 'an.peeters@vsa.local';
export const JEROEN = 'jeroen.maes@vsa.local';
export const SOFIE = 'sofie.janssens@vsa.local';
export const KAREL = 'karel.desmet@vsa.local';
export const ELS = 'els.vermeulen@vsa.local';
export const GAST = 'gast@vsa.local';
