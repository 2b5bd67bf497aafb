import { createLocalComposition } from '../../../src/composition/local';
import type { LocalComposition, ODataFlavour } from '../../../src/composition/local';
import { startLocalTenant } from '../../../src/local/server/server';
import type { LocalTenant } from '../../../src/local/server/server';
import { hookHeaders } from '../../support/tokens';
import { fakeSignatureVerifier } from '../../support/fakeSignatureVerifier';

/** A local tenant running in-process on a free port, with an in-memory database. */
export interface RunningTenant {
  readonly baseUrl: string;
  close(): Promise<void>;
  /** The server itself (e.g. its store, for bulk inserts). */
  readonly raw: LocalTenant;
}

/** Starts the local tenant in-process (port 0 = a free port). */
export async function startTenant(): Promise<RunningTenant> {
  // Countersigned originals are read by a fake verifier (the test forms carry no real signatures).
  const started = await startLocalTenant({ port: 0, dataFile: ':memory:', countersignatureVerifier: fakeSignatureVerifier() });
  return { baseUrl: started.baseUrl.replace(/\/$/, ''), close: () => started.close(), raw: started };
}

/** A composition acting as one persona. Messaging off unless asked. */
export function as(tenant: RunningTenant, userEmail: string, odata: ODataFlavour = 'minimalmetadata', messaging = false): LocalComposition {
  return createLocalComposition({ baseUrl: tenant.baseUrl, userEmail, odata, messaging: messaging ? undefined : false });
}

/** Calls a `/_local/` test hook. */
export async function localHook(tenant: RunningTenant, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${tenant.baseUrl}/_local/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...hookHeaders, 'Content-Type': 'application/json' },
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
