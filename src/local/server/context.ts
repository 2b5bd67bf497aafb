/**
 * What every route handler receives: the store, the fault injector, the signed-in user and helpers
 * to check permissions. One context per request.
 */
import type { Principal } from '../store/principals';
import type { TenantStore } from '../store/tenant-store';
import { Permission } from '../store/permissions';
import type { ListInfo } from '../store/lists';
import { appendOnlyListTitles } from '../personas';
import { forbidden, type LtRequest } from './http';
import type { SiteUrls } from './sp-entities';
import { sitePath } from '../store/tenant-store';

/** The method after `X-HTTP-Method` tunnelling (MERGE, DELETE, PUT, PATCH over POST). */
export function effectiveMethod(request: LtRequest): string {
  const tunnelled = request.headers.get('x-http-method');
  if (request.method.toUpperCase() === 'POST' && tunnelled) return tunnelled.trim().toUpperCase();
  return request.method.toUpperCase();
}

/** Site URLs as seen by the client (from the Host header, so localhost and 127.0.0.1 both work). */
export function siteUrls(request: LtRequest): SiteUrls {
  const origin = `${request.url.protocol}//${request.url.host}`;
  return { origin, webUrl: `${origin}${sitePath}`, apiUrl: `${origin}${sitePath}/_api/` };
}

/** Permission checks for one user. */
export class Access {
  constructor(private readonly store: TenantStore, readonly user: Principal) {}

  /** The user's mask on the web. */
  webMask(): number {
    return this.store.permissions.effectiveMask(this.user, 'web');
  }

  /**
   * The user's mask on a list. Append-only lists (the event log) never grant edit or delete to
   * anyone but site owners, whatever role assignments say.
   */
  listMask(list: ListInfo): number {
    let mask = this.store.permissions.effectiveMask(this.user, { listId: list.id, hasUniqueRoleAssignments: list.hasUniqueRoleAssignments });
    if (!this.user.isSiteAdmin && appendOnlyListTitles.some((t) => t.toLowerCase() === list.title.toLowerCase())) {
      mask = (mask & ~(Permission.editListItems | Permission.deleteListItems)) >>> 0;
    }
    return mask;
  }

  /** 403 unless the user holds `permission` on the web. */
  requireWeb(permission: number): void {
    if ((this.webMask() & permission) !== permission) throw forbidden();
  }

  /** True when the user can read anything of the site (web or some list). */
  canReadSite(): boolean {
    if ((this.webMask() & Permission.viewListItems) !== 0) return true;
    return this.store.lists.lists().some((l) => (this.listMask(l) & Permission.viewListItems) !== 0);
  }

  /** 403 unless the user holds `permission` on the list. */
  requireList(list: ListInfo, permission: number): void {
    if ((this.listMask(list) & permission) !== permission) throw forbidden();
  }

  /** Whether the user holds `permission` on the list. */
  hasList(list: ListInfo, permission: number): boolean {
    return (this.listMask(list) & permission) === permission;
  }
}
