/**
 * SharePoint REST users, site groups, role definitions and role assignments.
 * Reference: https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/users-groups-and-roles-rest-api-reference
 * and https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/set-custom-permissions-on-a-list-by-using-the-rest-interface
 */
import { Permission } from '../store/permissions';
import { PrincipalError, type Principal } from '../store/principals';
import type { TenantStore } from '../store/tenant-store';
import { HttpError, badRequest, bodyJson, type LtResponse } from './http';
import { methodNotAllowed, requireSiteReader, unsupported, type SpRequestContext } from './sp-context';
import { numberArg, stringArg, type Segment } from './sp-path';
import { groupEntity, roleAssignmentEntity, roleDefinitionEntity, userEntity } from './sp-entities';

function wrapPrincipalError(error: unknown): never {
  if (error instanceof PrincipalError) {
    const status = error.kind === 'notFound' ? 404 : error.kind === 'conflict' ? 409 : 400;
    throw new HttpError(status, error.message, '-2146232832, Microsoft.SharePoint.SPException', status === 404 ? 'itemNotFound' : status === 409 ? 'nameAlreadyExists' : 'invalidRequest');
  }
  throw error;
}

/** A site user by id, or a 404. */
export function requireUser(store: TenantStore, id: number): Principal {
  const user = store.principals.byId(id);
  if (!user || user.kind !== 'user') throw new HttpError(404, 'User cannot be found.', '-2146232832, Microsoft.SharePoint.SPException', 'itemNotFound');
  return user;
}

/**
 * A segment with a key predicate (`sitegroups(7)`) addresses one entity as `…/getbyid(7)` does;
 * put it in front so the handler resolves it instead of answering the whole collection.
 */
function keyFirst(collection: Segment, segments: Segment[]): Segment[] {
  return collection.hasParens ? [{ ...collection, name: 'getbyid' }, ...segments] : segments;
}

/** `web/sitegroups[...]`. */
export function siteGroups(ctx: SpRequestContext, collection: Segment, segments: Segment[]): LtResponse {
  const { store, respond, method } = ctx;
  const [next, ...rest] = keyFirst(collection, segments);
  if (!next) {
    if (method === 'GET') {
      requireSiteReader(ctx);
      return respond.collection(store.principals.groups().map((g) => groupEntity(ctx.urls, g)), 'SP.Group');
    }
    if (method !== 'POST') throw methodNotAllowed(method);
    ctx.access.requireWeb(Permission.managePermissions);
    const body = bodyJson(ctx.request);
    if (typeof body.Title !== 'string') throw badRequest('A group needs a Title.');
    try {
      const group = store.principals.createGroup(body.Title, typeof body.Description === 'string' ? body.Description : '');
      return respond.entity(groupEntity(ctx.urls, group), 'SP.Group', 201);
    } catch (error) {
      return wrapPrincipalError(error);
    }
  }
  let group: Principal | undefined;
  if (next.name === 'getbyname') group = store.principals.groupByTitle(stringArg(next, 'name'));
  else if (next.name === 'getbyid') group = store.principals.byId(numberArg(next, 'id'));
  else throw unsupported(ctx, `the group resource '${next.name}'`);
  if (!group || group.kind !== 'group') throw new HttpError(404, 'Group cannot be found.', '-2146232832, Microsoft.SharePoint.SPException', 'itemNotFound');
  requireSiteReader(ctx);
  const [sub, ...subRest] = rest;
  if (!sub) {
    if (method !== 'GET') throw methodNotAllowed(method);
    return respond.entity(groupEntity(ctx.urls, group), 'SP.Group');
  }
  if (sub.name !== 'users' || sub.hasParens) throw unsupported(ctx, `the group resource '${sub.name}'`);
  const [op] = subRest;
  if (!op) {
    if (method === 'GET') return respond.collection(store.principals.members(group.id).map((u) => userEntity(ctx.urls, u)), 'SP.User');
    if (method !== 'POST') throw methodNotAllowed(method);
    ctx.access.requireWeb(Permission.managePermissions);
    const body = bodyJson(ctx.request);
    if (typeof body.LoginName !== 'string') throw badRequest('Adding a group member needs a LoginName.');
    const member = store.principals.userByLogin(body.LoginName);
    if (!member) throw new HttpError(404, `The specified user ${body.LoginName} could not be found.`, '-2146232832, Microsoft.SharePoint.SPException', 'itemNotFound');
    store.principals.addMember(group.id, member.id);
    return respond.entity(userEntity(ctx.urls, member), 'SP.User', 201);
  }
  if ((op.name === 'removebyid' || op.name === 'removebyloginname') && method === 'POST') {
    ctx.access.requireWeb(Permission.managePermissions);
    const member = op.name === 'removebyid' ? store.principals.byId(numberArg(op, 'id')) : store.principals.userByLogin(stringArg(op, 'loginname'));
    if (!member || !store.principals.removeMember(group.id, member.id)) throw new HttpError(404, 'User cannot be found.', '-2146232832, Microsoft.SharePoint.SPException', 'itemNotFound');
    return respond.ok();
  }
  throw unsupported(ctx);
}

/** `web/siteusers[...]`. */
export function siteUsers(ctx: SpRequestContext, collection: Segment, segments: Segment[]): LtResponse {
  const { store, respond, method } = ctx;
  if (method !== 'GET') throw methodNotAllowed(method);
  requireSiteReader(ctx);
  // `siteusers('<login name>')` (PnPjs' getByLoginName) addresses a user by login name, `siteusers(7)` by id.
  const byLogin = collection.hasParens && typeof collection.positional[0] === 'string';
  const [next, ...rest] = byLogin ? [{ ...collection, name: 'getbyloginname' }, ...segments] : keyFirst(collection, segments);
  if (!next) return respond.collection(store.principals.users().map((u) => userEntity(ctx.urls, u)), 'SP.User');
  let user: Principal | undefined;
  if (next.name === 'getbyemail' || next.name === 'getbyloginname') user = store.principals.userByLogin(stringArg(next, next.name === 'getbyemail' ? 'email' : 'loginname'));
  else if (next.name === 'getbyid') user = store.principals.byId(numberArg(next, 'id'));
  else throw unsupported(ctx, `the user resource '${next.name}'`);
  if (!user || user.kind !== 'user') throw new HttpError(404, 'User cannot be found.', '-2146232832, Microsoft.SharePoint.SPException', 'itemNotFound');
  const [sub, ...more] = rest;
  if (!sub) return respond.entity(userEntity(ctx.urls, user), 'SP.User');
  // `siteusers/getbyemail('x')/groups`: the user's site groups (the command service reads a caller's roles so).
  if (sub.name === 'groups' && !sub.hasParens && more.length === 0) {
    return respond.collection(store.principals.groupsOf(user.id).map((g) => groupEntity(ctx.urls, g)), 'SP.Group');
  }
  throw unsupported(ctx, `the user resource '${sub.name}'`);
}

/** POST web/ensureuser ({logonName}) or ensureuser('x'): only users of the directory exist. */
export function ensureUser(ctx: SpRequestContext, segment: Segment): LtResponse {
  if (ctx.method !== 'POST') throw methodNotAllowed(ctx.method);
  ctx.access.requireWeb(Permission.addListItems);
  const logonName = segment.positional.length ? String(segment.positional[0]) : bodyJson(ctx.request).logonName;
  if (typeof logonName !== 'string' || logonName.trim() === '') throw badRequest('ensureuser needs a logonName.');
  const user = ctx.store.principals.userByLogin(logonName);
  if (!user) throw new HttpError(404, `The specified user ${logonName} could not be found.`, '-2146232832, Microsoft.SharePoint.SPException', 'itemNotFound');
  return ctx.respond.entity(userEntity(ctx.urls, user), 'SP.Data.UserInfoItem');
}

/** `web/roledefinitions[...]`. */
export function roleDefinitions(ctx: SpRequestContext, collection: Segment, segments: Segment[]): LtResponse {
  const { store, respond, method } = ctx;
  const [next, ...rest] = keyFirst(collection, segments);
  if (!next) {
    if (method === 'GET') {
      requireSiteReader(ctx);
      return respond.collection(store.permissions.roleDefinitions().map((d) => roleDefinitionEntity(ctx.urls, d)), 'SP.RoleDefinition');
    }
    if (method !== 'POST') throw methodNotAllowed(method);
    ctx.access.requireWeb(Permission.managePermissions);
    const body = bodyJson(ctx.request);
    const base = body.BasePermissions as { Low?: unknown; High?: unknown } | undefined;
    if (typeof body.Name !== 'string' || !base || base.Low === undefined) throw badRequest('A role definition needs Name and BasePermissions {High, Low}.');
    if (store.permissions.roleDefinitions().some((d) => d.name.toLowerCase() === String(body.Name).toLowerCase())) {
      throw new HttpError(409, 'A permission level with this name already exists.', '-2130575342, Microsoft.SharePoint.SPException', 'nameAlreadyExists');
    }
    const def = store.permissions.createRoleDefinition(body.Name, typeof body.Description === 'string' ? body.Description : '', Number(base.Low), Number(base.High ?? 0), Number(body.Order ?? 200));
    return respond.entity(roleDefinitionEntity(ctx.urls, def), 'SP.RoleDefinition', 201);
  }
  requireSiteReader(ctx);
  let def;
  if (next.name === 'getbyname') def = store.permissions.roleDefinitions().find((d) => d.name.toLowerCase() === stringArg(next, 'name').toLowerCase());
  else if (next.name === 'getbyid') def = store.permissions.roleDefinition(numberArg(next, 'id'));
  else if (next.name === 'getbytype') def = store.permissions.roleDefinitions().find((d) => d.roleTypeKind === numberArg(next, 'roletype'));
  else throw unsupported(ctx, `the role definition resource '${next.name}'`);
  if (rest.length || method !== 'GET') throw unsupported(ctx);
  if (!def) throw new HttpError(404, 'Permission level cannot be found.', '-2146232832, Microsoft.SharePoint.SPException', 'itemNotFound');
  return respond.entity(roleDefinitionEntity(ctx.urls, def), 'SP.RoleDefinition');
}

/** `…/roleassignments[...]` of the web (`scopeKey` 'web') or a list (its id). */
export function roleAssignments(ctx: SpRequestContext, scopeKey: string, scopeUri: string, segments: Segment[]): LtResponse {
  const { store, respond, method } = ctx;
  const [next] = segments;
  if (!next) {
    if (method !== 'GET') throw methodNotAllowed(method);
    ctx.access.requireWeb(Permission.managePermissions);
    const entities = store.permissions.assignments(scopeKey).flatMap(({ principalId, roleDefIds }) => {
      const member = store.principals.byId(principalId);
      const defs = roleDefIds.map((id) => store.permissions.roleDefinition(id)).filter((d): d is NonNullable<typeof d> => d !== undefined);
      return member ? [roleAssignmentEntity(ctx.urls, scopeUri, member, defs)] : [];
    });
    return respond.collection(entities, 'SP.RoleAssignment');
  }
  if ((next.name === 'addroleassignment' || next.name === 'removeroleassignment') && method === 'POST') {
    ctx.access.requireWeb(Permission.managePermissions);
    const principalId = numberArg(next, 'principalid');
    const roleDefId = numberArg(next, 'roledefid', 1);
    if (!store.principals.byId(principalId)) throw new HttpError(400, `Can not find the principal with id: ${principalId}.`, '-2146232832, Microsoft.SharePoint.SPException', 'invalidRequest');
    if (!store.permissions.roleDefinition(roleDefId)) throw new HttpError(400, `Can not find the role definition with id: ${roleDefId}.`, '-2146232832, Microsoft.SharePoint.SPException', 'invalidRequest');
    if (next.name === 'addroleassignment') store.permissions.addAssignment(scopeKey, principalId, roleDefId);
    else store.permissions.removeAssignment(scopeKey, principalId, roleDefId);
    return respond.ok();
  }
  throw unsupported(ctx);
}
