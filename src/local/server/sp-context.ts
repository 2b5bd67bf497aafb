/**
 * The per-request context of SharePoint REST handlers and the If-Match parsing they share.
 */
import type { Principal } from '../store/principals';
import type { TenantStore } from '../store/tenant-store';
import type { Access } from './context';
import { HttpError, forbidden, type LtRequest } from './http';
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
