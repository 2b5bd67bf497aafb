/**
 * Graph route modules other areas add to the local tenant (e.g. the intake's mailbox and conversion
 * routes). Modules are tried in registration order before the tenant's own Graph routes; a module
 * answers with a response or `undefined` to pass. Errors they throw get Graph's error shape.
 */
import type { TenantStore } from '../store/tenant-store';
import type { LtRequest, LtResponse } from './http';

/** A Graph route module; `graphPath` is the decoded path after `/graph/<version>/`. */
export type GraphRouteModule = (store: TenantStore, request: LtRequest, graphPath: string) => LtResponse | undefined | Promise<LtResponse | undefined>;

/** One list per process on globalThis (see pages.ts: the module may be loaded twice under tsx). */
const modulesKey = Symbol.for('microdata-dossiers.local-tenant.graph-routes');
const modules: GraphRouteModule[] = ((globalThis as Record<symbol, unknown>)[modulesKey] as GraphRouteModule[] | undefined) ?? [];
(globalThis as Record<symbol, unknown>)[modulesKey] = modules;

/** Adds a module (idempotent: registering the same function twice keeps one). */
export function registerGraphRoute(module: GraphRouteModule): void {
  if (!modules.includes(module)) modules.push(module);
}

/** Removes a module (tests). */
export function unregisterGraphRoute(module: GraphRouteModule): void {
  const index = modules.indexOf(module);
  if (index >= 0) modules.splice(index, 1);
}

/** The first answer of the registered modules, or undefined when none handles the request. */
export async function tryGraphRoutes(store: TenantStore, request: LtRequest, graphPath: string): Promise<LtResponse | undefined> {
  for (const module of [...modules]) {
    const response = await module(store, request, graphPath);
    if (response) return response;
  }
  return undefined;
}
