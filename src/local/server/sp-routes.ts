/**
 * SharePoint REST under `/sites/microdata/_api/`: the entry point, contextinfo and the `web/…`
 * dispatcher. Users, groups and roles are in sp-principal-routes.ts; lists, fields, views and items in
 * sp-list-routes.ts; folders and files in sp-files-routes.ts.
 * Reference: https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/get-to-know-the-sharepoint-rest-service
 * and https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/complete-basic-operations-using-sharepoint-rest-endpoints
 */
import { ODataEntity } from '../odata/format';
import type { TenantStore } from '../store/tenant-store';
import { authenticate, formDigest, formDigestTimeoutSeconds } from './auth';
import { Access, effectiveMethod, siteUrls } from './context';
import { notFound, type LtRequest, type LtResponse } from './http';
import { methodNotAllowed, requireSiteReader, type SpRequestContext } from './sp-context';
import { numberArg, parseSegments, stringArg, type Segment } from './sp-path';
import { SpResponder } from './sp-respond';
import { userEntity, webEntity } from './sp-entities';
import { handleFileResource, handleFolderResource, handleWebFolders } from './sp-files-routes';
import { lists } from './sp-list-routes';
import { ensureUser, requireUser, roleAssignments, roleDefinitions, siteGroups, siteUsers } from './sp-principal-routes';

/** Handles one request under `_api/`; `apiPath` is the decoded path after `_api/`. */
export async function handleSharePoint(store: TenantStore, request: LtRequest, apiPath: string): Promise<LtResponse> {
  const user = authenticate(request, store);
  const urls = siteUrls(request);
  const ctx: SpRequestContext = { store, request, user, access: new Access(store, user), method: effectiveMethod(request), urls, respond: new SpResponder(request, urls) };
  const segments = parseSegments(apiPath);
  const [head, ...rest] = segments;
  if (!head) throw notFound();
  if (head.name === 'contextinfo' && rest.length === 0) return contextInfo(ctx);
  if (head.name === 'web' && !head.hasParens) return web(ctx, rest);
  if (head.name === 'site' && rest.length === 0) {
    requireSiteReader(ctx);
    const { siteId } = store.siteIds;
    return ctx.respond.entity(new ODataEntity('SP.Site', `${urls.apiUrl}Site`, 'Site', { Id: siteId, ServerRelativeUrl: new URL(urls.webUrl).pathname, Url: urls.webUrl }), 'SP.Site');
  }
  throw notFound(`The resource '${head.name}' is not supported by the local tenant.`);
}

/** POST /_api/contextinfo: the form digest cookie-authenticated writes must send (bearer callers need none). */
function contextInfo(ctx: SpRequestContext): LtResponse {
  if (ctx.method !== 'POST') throw methodNotAllowed(ctx.method);
  return ctx.respond.complex('SP.ContextWebInformation', 'GetContextWebInformation', {
    FormDigestTimeoutSeconds: formDigestTimeoutSeconds,
    FormDigestValue: formDigest(ctx.store, ctx.user),
    LibraryVersion: '16.0.26000.12000',
    SiteFullUrl: ctx.urls.webUrl,
    SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
    WebFullUrl: ctx.urls.webUrl
  });
}

async function web(ctx: SpRequestContext, segments: Segment[]): Promise<LtResponse> {
  const { store, respond, method } = ctx;
  const [next, ...rest] = segments;
  if (!next) {
    if (method !== 'GET') throw methodNotAllowed(method);
    requireSiteReader(ctx);
    return respond.entity(webEntity(ctx.urls, store), 'SP.Web');
  }
  switch (next.name) {
    case 'currentuser':
      if (rest.length) throw notFound();
      return respond.entity(userEntity(ctx.urls, ctx.user, respond.expand.has('Groups') || [...respond.expand].some((e) => e.toLowerCase() === 'groups') ? store.principals.groupsOf(ctx.user.id) : undefined), 'SP.Data.UserInfoItem');
    case 'sitegroups':
      return siteGroups(ctx, rest);
    case 'siteusers':
      return siteUsers(ctx, rest);
    case 'getuserbyid':
      requireSiteReader(ctx);
      return respond.entity(userEntity(ctx.urls, requireUser(store, numberArg(next, 'id'))), 'SP.Data.UserInfoItem');
    case 'ensureuser':
      return ensureUser(ctx, next);
    case 'roledefinitions':
      return roleDefinitions(ctx, rest);
    case 'roleassignments':
      return roleAssignments(ctx, 'web', 'Web', rest);
    case 'lists':
      return lists(ctx, next, rest);
    case 'folders':
      return handleWebFolders(ctx, rest);
    case 'getfolderbyserverrelativepath':
    case 'getfolderbyserverrelativeurl':
      return handleFolderResource(ctx, stringArg(next, 'decodedurl'), rest);
    case 'getfilebyserverrelativepath':
    case 'getfilebyserverrelativeurl':
      return handleFileResource(ctx, stringArg(next, 'decodedurl'), rest);
    default:
      throw notFound(`The resource 'web/${next.name}' is not supported by the local tenant.`);
  }
}
