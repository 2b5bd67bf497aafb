import type { Client } from '@microsoft/microsoft-graph-client';
import { createLocalGraphClient } from '../localGraphClient';

/**
 * @deprecated Use `createLocalGraphClient(origin, { token })` of `src/data/graph/localGraphClient.ts`;
 * this alias only keeps `src/local/workbench/approvals/entry.tsx` compiling until it switches.
 */
export function createBearerGraphClient(origin: string, token: () => Promise<string> = async () => ''): Client {
  return createLocalGraphClient(origin, { token });
}
