/**
 * Graph route modules other areas add to the local tenant (e.g. the intake's mailbox routes). The
 * caller of `startLocalTenant` lists them; they are tried in that order before the tenant's own Graph
 * routes. A module answers with a response or `undefined` to pass. Errors they throw get Graph's
 * error shape.
 */
import type { TenantStore } from '../store/tenant-store';
import type { LtRequest, LtResponse } from './http';

/** A Graph route module; `graphPath` is the decoded path after `/graph/<version>/`. */
export type GraphRouteModule = (store: TenantStore, request: LtRequest, graphPath: string) => LtResponse | undefined | Promise<LtResponse | undefined>;

/** The first answer of `modules`, in order, or undefined when none handles the request. */
export async function firstGraphRouteAnswer(
  modules: readonly GraphRouteModule[],
  store: TenantStore,
  request: LtRequest,
  graphPath: string
): Promise<LtResponse | undefined> {
  for (const module of modules) {
    const response = await module(store, request, graphPath);
    if (response) return response;
  }
  return undefined;
}
