/**
 * Graph `sites/{site-id}/permissions`: the site-level grants an admin gives an app that has
 * `Sites.Selected` (the command service gets `write` this way). Only a site collection administrator
 * reads or changes them here (Graph asks for Sites.FullControl.All).
 * Reference: https://learn.microsoft.com/en-us/graph/api/site-post-permissions
 */
import type { AppGrant, AppGrantRole } from '../store/permissions';
import type { Principal } from '../store/principals';
import type { TenantStore } from '../store/tenant-store';
import { HttpError, badRequest, bodyJson, emptyResponse, forbidden, jsonResponse, type LtResponse } from './http';

const roles: readonly AppGrantRole[] = ['read', 'write', 'manage', 'fullcontrol'];

function permissionEntity(grant: AppGrant): Record<string, unknown> {
  const application = { id: grant.appId, displayName: grant.displayName };
  return { id: grant.id, roles: [...grant.roles], grantedToIdentitiesV2: [{ application }], grantedToIdentities: [{ application }] };
}

/** Handles `permissions[/{id}]` of the site for `user`; `root` is `http://host/graph/v1.0`, `siteId` the Graph site id. */
export function siteAppPermissions(store: TenantStore, user: Principal, method: string, root: string, siteId: string, permissionId: string | undefined, request: Parameters<typeof bodyJson>[0]): LtResponse {
  if (!user.isSiteAdmin) throw forbidden();
  const context = `${root}/$metadata#sites('${siteId}')/permissions`;
  const json = (status: number, body: unknown): LtResponse => jsonResponse(status, body, 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8');
  if (!permissionId) {
    if (method === 'GET') return json(200, { '@odata.context': context, value: store.permissions.appGrants().map(permissionEntity) });
    if (method !== 'POST') throw new HttpError(405, 'The HTTP method is not allowed on this resource.', '-1, System.ArgumentException', 'BadRequest');
    const body = bodyJson(request);
    const wanted = body.roles;
    if (!Array.isArray(wanted) || wanted.length === 0 || wanted.some((r) => !roles.includes(r as AppGrantRole))) throw badRequest(`"roles" must list one or more of ${roles.join(', ')}.`);
    const identities = (Array.isArray(body.grantedToIdentitiesV2) ? body.grantedToIdentitiesV2 : body.grantedToIdentities) as { application?: { id?: unknown; displayName?: unknown } }[] | undefined;
    const application = identities?.[0]?.application;
    if (!application || typeof application.id !== 'string' || !/^[0-9a-f-]{36}$/i.test(application.id)) throw badRequest('"grantedToIdentitiesV2" must name one application with its id (client id).');
    const grant = store.permissions.grantApp(application.id, typeof application.displayName === 'string' ? application.displayName : application.id, wanted as AppGrantRole[]);
    return json(201, { '@odata.context': `${context}/$entity`, ...permissionEntity(grant) });
  }
  const grant = store.permissions.appGrants().find((g) => g.id === permissionId);
  if (!grant) throw new HttpError(404, 'Item not found', '-1, System.ArgumentException', 'itemNotFound');
  if (method === 'GET') return json(200, { '@odata.context': `${context}/$entity`, ...permissionEntity(grant) });
  if (method === 'DELETE') {
    store.permissions.revokeAppGrant(grant.id);
    return emptyResponse(204);
  }
  throw new HttpError(405, 'The HTTP method is not allowed on this resource.', '-1, System.ArgumentException', 'BadRequest');
}
