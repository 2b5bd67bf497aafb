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
import { methodNotAllowed, requireNoKey, requireSiteReader, unsupported, type SpRequestContext } from './sp-context';
import { numberArg, parseSegments, resolveAliases, stringArg, type Segment } from './sp-path';
import { SpResponder } from './sp-respond';
import { groupEntity, userEntity, webEntity } from './sp-entities';
import { documentLibraryTemplate } from '../store/lists';
import { handleFileResource, handleFolderResource, handleWebFolders } from './sp-files-routes';
import { lists } from './sp-list-routes';
import { ensureUser, requireUser, roleAssignments, roleDefinitions, siteGroups, siteUsers } from './sp-principal-routes';

/** Handles one request under `_api/`; `apiPath` is the decoded path after `_api/`. */
export async function handleSharePoint(store: TenantStore, request: LtRequest, apiPath: string): Promise<LtResponse> {
  const user = authenticate(request, store);
  const urls = siteUrls(request);
  const ctx: SpRequestContext = { store, request, user, access: new Access(store, user), method: effectiveMethod(request), urls, respond: new SpResponder(request, urls) };
  const segments = resolveAliases(parseSegments(apiPath), request.url.searchParams);
  const [head, ...rest] = segments;
  if (!head) throw unsupported(ctx, 'the service document');
  if (head.name === 'contextinfo' && rest.length === 0) return contextInfo(ctx);
  if (head.name === 'web' && !head.hasParens) return web(ctx, rest);
  if (head.name === 'site' && rest.length === 0) {
    requireSiteReader(ctx);
    const { siteId } = store.siteIds;
    return ctx.respond.entity(new ODataEntity('SP.Site', `${urls.apiUrl}Site`, 'Site', { Id: siteId, ServerRelativeUrl: new URL(urls.webUrl).pathname, Url: urls.webUrl }), 'SP.Site');
  }
  throw unsupported(ctx, `the resource '${head.name}'`);
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
      requireNoKey(next);
      return currentUser(ctx, rest);
    case 'sitegroups':
      return siteGroups(ctx, next, rest);
    case 'siteusers':
      return siteUsers(ctx, next, rest);
    case 'defaultdocumentlibrary':
      return defaultDocumentLibrary(ctx, next, rest);
    case 'getuserbyid':
      requireSiteReader(ctx);
      return respond.entity(userEntity(ctx.urls, requireUser(store, numberArg(next, 'id'))), 'SP.Data.UserInfoItem');
    case 'ensureuser':
      return ensureUser(ctx, next);
    case 'roledefinitions':
      return roleDefinitions(ctx, next, rest);
    case 'roleassignments':
      requireNoKey(next);
      return roleAssignments(ctx, 'web', 'Web', rest);
    case 'lists':
      return lists(ctx, next, rest);
    case 'rootfolder': {
      // The web's root folder itself is not emulated (its item count, welcome page and properties would
      // be guesses); a folder below it, `rootFolder/folders('SiteAssets')`, is a library's root folder.
      requireNoKey(next);
      const [folders, ...below] = rest;
      if (folders?.name === 'folders' && folders.hasParens) return handleFolderResource(ctx, webRelative(ctx, stringArg(folders, 'url')), below);
      if (folders?.name === 'folders' && below[0]?.name === 'getbyurl') return handleFolderResource(ctx, webRelative(ctx, stringArg(below[0], 'url')), below.slice(1));
      throw unsupported(ctx, 'the root folder of the web; its folders by URL are served');
    }
    case 'folders':
      // `web/folders('<site-relative url>')` and `web/folders/getbyurl('…')` address one folder.
      if (next.hasParens) return handleFolderResource(ctx, webRelative(ctx, stringArg(next, 'url')), rest);
      if (rest[0]?.name === 'getbyurl') return handleFolderResource(ctx, webRelative(ctx, stringArg(rest[0], 'url')), rest.slice(1));
      return handleWebFolders(ctx, rest);
    case 'getfolderbyserverrelativepath':
    case 'getfolderbyserverrelativeurl':
      return handleFolderResource(ctx, stringArg(next, 'decodedurl'), rest);
    case 'getfilebyserverrelativepath':
    case 'getfilebyserverrelativeurl':
      return handleFileResource(ctx, stringArg(next, 'decodedurl'), rest);
    default:
      throw unsupported(ctx, `the resource 'web/${next.name}'`);
  }
}

/** A folder URL given relative to the web (or server-relative) as a server-relative path. */
function webRelative(ctx: SpRequestContext, url: string): string {
  return url.startsWith('/') ? url : `${new URL(ctx.urls.webUrl).pathname}/${url}`;
}

/**
 * `web/currentuser[/groups]`: read only. SharePoint changes a site user through
 * `siteusers/getbyid(n)` with site-admin rights; the local tenant's users come from its directory,
 * so a MERGE here is refused instead of being answered like a GET.
 */
function currentUser(ctx: SpRequestContext, rest: Segment[]): LtResponse {
  const { store, respond, method } = ctx;
  if (method !== 'GET') throw methodNotAllowed(method);
  const [sub, ...after] = rest;
  if (!sub) return respond.entity(userEntity(ctx.urls, ctx.user, respond.expands('Groups') ? store.principals.groupsOf(ctx.user.id) : undefined), 'SP.Data.UserInfoItem');
  if (sub.name === 'groups' && !sub.hasParens && after.length === 0) {
    return respond.collection(store.principals.groupsOf(ctx.user.id).map((g) => groupEntity(ctx.urls, g)), 'SP.Group');
  }
  throw unsupported(ctx);
}

/**
 * `web/defaultdocumentlibrary`: a team site's "Documenten" (`Shared Documents`). The local tenant's
 * site has no library of its own; when one was created with that URL or that title ("Documenten", or
 * "Documents" on an English site) it is the default one, otherwise a 404 says there is none.
 */
function defaultDocumentLibrary(ctx: SpRequestContext, segment: Segment, rest: Segment[]): Promise<LtResponse> {
  requireNoKey(segment);
  const root = `${new URL(ctx.urls.webUrl).pathname}/Shared Documents`.toLowerCase();
  const libraries = ctx.store.lists.lists().filter((l) => l.baseTemplate === documentLibraryTemplate);
  const library = libraries.find((l) => l.rootFolder.toLowerCase() === root) ?? libraries.find((l) => ['documenten', 'documents'].includes(l.title.toLowerCase()));
  if (!library) throw notFound('This site has no default document library (Documenten, Shared Documents) in the local tenant.');
  return lists(ctx, { name: 'lists', hasParens: true, positional: [library.id], named: new Map() }, rest);
}
