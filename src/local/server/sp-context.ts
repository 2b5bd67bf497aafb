/**
 * The per-request context of SharePoint REST handlers and the If-Match parsing they share.
 */
import type { Principal } from '../store/principals';
import type { TenantStore } from '../store/tenant-store';
import type { Access } from './context';
import { HttpError, badRequest, forbidden, notImplemented, type LtRequest } from './http';
import type { Segment } from './sp-path';
import type { ListInfo } from '../store/lists';
import type { ODataEntity } from '../odata/format';
import { nestedExpand } from '../odata/select';
import { listEntity } from './sp-entities';
import type { SiteUrls } from './sp-entities';
import type { SpResponder } from './sp-respond';

/** Everything a SharePoint handler needs. */
export interface SpRequestContext {
  readonly store: TenantStore;
  readonly request: LtRequest;
  readonly user: Principal;
  readonly access: Access;
  readonly method: string;
  readonly urls: SiteUrls;
  readonly respond: SpResponder;
}

/** Parses an `If-Match` value into the expected item version (undefined = no check). */
export function expectedVersion(request: LtRequest): number | undefined {
  const raw = request.headers.get('if-match')?.trim();
  if (!raw || raw === '*') return undefined;
  const cleaned = raw.replace(/^W\//, '').replace(/"/g, '');
  const version = Number(cleaned.includes(',') ? cleaned.slice(cleaned.lastIndexOf(',') + 1) : cleaned);
  if (!Number.isInteger(version) || version < 1) {
    throw new HttpError(412, 'The request ETag value does not match the object\'s ETag value.', '-1, Microsoft.SharePoint.Client.ClientServiceException', 'preconditionFailed');
  }
  return version;
}


/** 405 for a method a resource does not support. */
export function methodNotAllowed(method: string): HttpError {
  return new HttpError(405, `The HTTP method '${method}' cannot be used on this resource.`, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'methodNotAllowed');
}

/** 403 unless the user can read something of the site. */
export function requireSiteReader(ctx: SpRequestContext): void {
  if (!ctx.access.canReadSite()) throw forbidden();
}

/** The request as `METHOD _api/<path>` (query left out: it may carry personal data), for refusals. */
export function requestLabel(ctx: SpRequestContext): string {
  const path = ctx.request.url.pathname;
  const at = path.toLowerCase().indexOf('/_api/');
  let shown = at < 0 ? path : path.slice(at + 1);
  try {
    shown = decodeURIComponent(shown);
  } catch {
    // keep the encoded form
  }
  return `${ctx.method} ${shown}`;
}

/**
 * 501 for a SharePoint REST path (or method on it) the local tenant does not emulate. Never a 404 (which
 * says the resource does not exist) and never a 200 with something else than what was asked for.
 */
export function unsupported(ctx: SpRequestContext, detail?: string): HttpError {
  return notImplemented(`The local tenant does not implement '${requestLabel(ctx)}'${detail ? ` (${detail})` : ''}. SharePoint Online may support it; the emulator refuses rather than answer wrongly.`);
}

/** 400 when a segment that takes no key predicate has one (`currentuser(3)`), as SharePoint's OData parser does. */
export function requireNoKey(segment: Segment): void {
  if (segment.hasParens) throw badRequest(`The segment '${segment.name}' does not take a key or arguments.`);
}

/**
 * An item's `ParentList` when `$expand` asks for it (`prefix` for items below another expansion, e.g.
 * `ListItemAllFields/ParentList`), with the list's own expansions (`ParentList/RootFolder`).
 */
export function parentListOf(ctx: SpRequestContext, list: ListInfo, prefix: readonly string[] = []): ODataEntity | undefined {
  let paths = ctx.respond.expandPaths;
  for (const name of prefix) paths = nestedExpand(paths, name).paths;
  if (!paths.some((path) => path[0].toLowerCase() === 'parentlist')) return undefined;
  return listEntity(ctx.urls, ctx.store, list, nestedExpand(paths, 'ParentList').names);
}
