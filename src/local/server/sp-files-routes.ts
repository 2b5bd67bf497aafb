/**
 * SharePoint REST folders and files of document libraries, through the ResourcePath APIs
 * (`decodedurl='…'`, which allow % and # in names):
 * https://learn.microsoft.com/en-us/sharepoint/dev/solution-guidance/supporting-and-in-file-and-folder-with-the-resourcepath-api
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-folders-and-files-with-rest
 */
import { Permission } from '../store/permissions';
import { normalisePath, splitPath, type FileVersion } from '../store/files';
import { HttpError, bodyJson, badRequest, type LtResponse } from './http';
import { booleanArg, numberArg, stringArg, type Segment } from './sp-path';
import { expectedVersion, parentListOf, requireNoKey, unsupported, type SpRequestContext } from './sp-context';
import { nestedExpand } from '../odata/select';
import { fileEntity, fileVersionEntity, folderEntity, itemEntity, itemEtag } from './sp-entities';
import type { ListInfo, StoredItem } from '../store/lists';

function methodNotAllowed(method: string): HttpError {
  return new HttpError(405, `The HTTP method '${method}' cannot be used on this resource.`, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'methodNotAllowed');
}

/** Resolves a path given relative to a folder, or absolute (server-relative). */
function resolveChildPath(folderPath: string, given: string): string {
  return given.startsWith('/') ? normalisePath(given) : normalisePath(`${folderPath}/${given}`);
}

function listItemResponse(ctx: SpRequestContext, list: ListInfo, item: StoredItem): LtResponse {
  const entity = itemEntity(ctx.urls, ctx.store, list, ctx.store.lists.fields(list.id), item, ctx.respond.expand, parentListOf(ctx, list));
  return ctx.respond.entity(entity, `SP.ListData.${list.urlName}Items`, 200, { etag: itemEtag(item) });
}

/** The file's ListItemAllFields when expanded, with what is expanded below it (`ListItemAllFields/ParentList`). */
function expandedListItem(ctx: SpRequestContext, list: ListInfo, item: StoredItem) {
  if (!ctx.respond.expands('ListItemAllFields')) return undefined;
  const below = nestedExpand(ctx.respond.expandPaths, 'ListItemAllFields');
  return itemEntity(ctx.urls, ctx.store, list, ctx.store.lists.fields(list.id), item, below.names, parentListOf(ctx, list, ['ListItemAllFields']));
}

function fileResponseEntity(ctx: SpRequestContext, list: ListInfo, item: StoredItem) {
  return fileEntity(ctx.urls, ctx.store, list, item, expandedListItem(ctx, list, item));
}

/** `web/folders` and `web/folders/addusingpath(decodedurl='/sites/…/Lib/Folder')`. */
export function handleWebFolders(ctx: SpRequestContext, segments: Segment[]): LtResponse {
  const [op] = segments;
  if (!op) throw unsupported(ctx, 'listing all folders of the web; use getfolderbyserverrelativepath');
  if ((op.name === 'addusingpath' || op.name === 'add') && ctx.method === 'POST') {
    return createFolder(ctx, normalisePath(stringArg(op, op.name === 'add' ? 'url' : 'decodedurl')));
  }
  throw unsupported(ctx);
}

function createFolder(ctx: SpRequestContext, path: string): LtResponse {
  const list = ctx.store.files.libraryFor(path);
  ctx.access.requireList(list, Permission.addListItems);
  const { item } = ctx.store.files.ensureFolder(path, ctx.user.id);
  return ctx.respond.entity(folderEntity(ctx.urls, ctx.store, path, item), 'SP.Folder');
}

/** `getfolderbyserverrelativepath(decodedurl='…')[/files|/folders|/listitemallfields|…]`. */
export function handleFolderResource(ctx: SpRequestContext, rawPath: string, segments: Segment[]): LtResponse {
  const { store, respond, method } = ctx;
  const path = normalisePath(rawPath);
  const list = store.lists.byPath(path);
  if (!list) throw new HttpError(404, 'File Not Found.', '-2147024894, System.IO.FileNotFoundException', 'itemNotFound');
  const [next, op] = segments;
  const isRoot = list.rootFolder.toLowerCase() === path.toLowerCase();
  const item = isRoot ? undefined : store.files.itemAt(path);
  if (!isRoot && (!item || item.fsType !== 1)) throw new HttpError(404, 'File Not Found.', '-2147024894, System.IO.FileNotFoundException', 'itemNotFound');
  if (!next) {
    if (method !== 'GET') throw methodNotAllowed(method);
    ctx.access.requireList(list, Permission.viewListItems);
    return respond.entity(folderEntity(ctx.urls, store, isRoot ? list.rootFolder : path, item), 'SP.Folder');
  }
  // `files('<name>')`, `files/getbyurl('<name>')`, `folders('<name>')` and `folders/getbyurl('<name>')`
  // address one child of the folder, as in SharePoint: resolve it instead of answering the collection.
  if ((next.name === 'files' || next.name === 'folders') && (next.hasParens || op?.name === 'getbyurl')) {
    const selector = next.hasParens ? next : (op as Segment);
    const after = segments.slice(next.hasParens ? 1 : 2);
    const childPath = resolveChildPath(path, stringArg(selector, 'url'));
    ctx.access.requireList(list, Permission.viewListItems);
    return next.name === 'files' ? handleFileResource(ctx, childPath, after) : handleFolderResource(ctx, childPath, after);
  }
  switch (next.name) {
    case 'files': {
      if (!op) {
        if (method !== 'GET') throw methodNotAllowed(method);
        ctx.access.requireList(list, Permission.viewListItems);
        return respond.collection(store.files.filesIn(path).map((f) => fileResponseEntity(ctx, list, f)), 'SP.File');
      }
      if ((op.name === 'addusingpath' || op.name === 'add') && method === 'POST') {
        const name = stringArg(op, op.name === 'add' ? 'url' : 'decodedurl');
        const overwrite = booleanArg(op, 'overwrite', false);
        if (name.includes('/')) throw badRequest('A file name must not contain "/"; upload into the folder itself.');
        const existing = store.files.itemAt(`${path}/${name}`);
        ctx.access.requireList(list, existing ? Permission.editListItems : Permission.addListItems);
        const { item: file } = store.files.upload(path, name, ctx.request.body, overwrite, ctx.user.id);
        return respond.entity(fileResponseEntity(ctx, list, file), 'SP.File');
      }
      throw unsupported(ctx);
    }
    case 'folders': {
      if (!op) {
        if (method !== 'GET') throw methodNotAllowed(method);
        ctx.access.requireList(list, Permission.viewListItems);
        return respond.collection(store.files.foldersIn(path).map((f) => folderEntity(ctx.urls, store, `${f.parentPath}/${f.leafName ?? ''}`, f)), 'SP.Folder');
      }
      if ((op.name === 'addusingpath' || op.name === 'add') && method === 'POST') {
        return createFolder(ctx, resolveChildPath(path, stringArg(op, op.name === 'add' ? 'url' : 'decodedurl')));
      }
      throw unsupported(ctx);
    }
    case 'listitemallfields':
      requireNoKey(next);
      if (!item) throw new HttpError(404, 'The root folder of a library has no list item.', '-2147024809, System.ArgumentException', 'itemNotFound');
      return fileOrFolderItem(ctx, list, item);
    default:
      throw unsupported(ctx, `the folder resource '${next.name}'`);
  }
}

function fileOrFolderItem(ctx: SpRequestContext, list: ListInfo, item: StoredItem): LtResponse {
  const { method, store } = ctx;
  if (method === 'GET') {
    ctx.access.requireList(list, Permission.viewListItems);
    return listItemResponse(ctx, list, item);
  }
  if (method === 'MERGE' || method === 'PATCH') {
    ctx.access.requireList(list, Permission.editListItems);
    const updated = store.lists.updateItem(list, item.id, bodyJson(ctx.request), { actorId: ctx.user.id, mayOverrideSystemColumns: ctx.user.isSiteAdmin }, expectedVersion(ctx.request));
    return ctx.respond.noContent({ etag: itemEtag(updated) });
  }
  throw methodNotAllowed(method);
}

/** `getfilebyserverrelativepath(decodedurl='…')[/$value|/versions|/listitemallfields|/recycle]`. */
export function handleFileResource(ctx: SpRequestContext, rawPath: string, segments: Segment[]): LtResponse {
  const { store, respond, method } = ctx;
  const path = normalisePath(rawPath);
  const { list, item } = store.files.requireFile(path);
  ctx.access.requireList(list, Permission.viewListItems);
  const [next, op, op2] = segments;
  if (!next) {
    if (method === 'GET') return respond.entity(fileResponseEntity(ctx, list, item), 'SP.File');
    if (method === 'DELETE') {
      ctx.access.requireList(list, Permission.deleteListItems);
      store.files.recycle(list.id, item.id);
      return respond.ok();
    }
    throw methodNotAllowed(method);
  }
  switch (next.name) {
    case '$value':
    case 'openbinarystream':
      if (method !== 'GET') {
        // Writing a file's content here is not emulated; a reader is refused for its rights first (403), as in SharePoint.
        ctx.access.requireList(list, Permission.editListItems);
        throw methodNotAllowed(method);
      }
      return binary(store.files.content(list.id, item.id), item.leafName ?? 'file');
    case 'versions': {
      const versions = store.files.versions(list.id, item.id);
      const latest = versions[versions.length - 1]?.version;
      if (next.hasParens) return fileVersion(ctx, list, item, versions, latest, next, op);
      if (!op) {
        if (method !== 'GET') throw methodNotAllowed(method);
        // SharePoint lists only the earlier versions here; the current one is the file itself.
        return respond.collection(versions.filter((v) => v.version !== latest).map((v) => fileVersionEntity(ctx.urls, list, item, v, false)), 'SP.FileVersion');
      }
      if (op.name === 'getbyid') return fileVersion(ctx, list, item, versions, latest, op, op2);
      throw unsupported(ctx);
    }
    case 'listitemallfields':
      return fileOrFolderItem(ctx, list, store.lists.requireItem(list.id, item.id));
    case 'recycle':
      if (method !== 'POST') throw methodNotAllowed(method);
      ctx.access.requireList(list, Permission.deleteListItems);
      store.files.recycle(list.id, item.id);
      return respond.value('Recycle', item.guid, 'Edm.Guid');
    default:
      throw unsupported(ctx, `the file resource '${next.name}'`);
  }
}

/** `versions(<id>)` or `versions/getbyid(<id>)`, optionally followed by `$value`. Ids are 512 × major. */
function fileVersion(ctx: SpRequestContext, list: ListInfo, item: StoredItem, versions: readonly FileVersion[], latest: number | undefined, selector: Segment, after: Segment | undefined): LtResponse {
  const versionId = numberArg(selector, 'id');
  const version = versions.find((v) => v.version * 512 === versionId);
  if (!version) throw new HttpError(404, 'Version does not exist.', '-2147024809, System.ArgumentException', 'itemNotFound');
  if (!after) {
    if (ctx.method !== 'GET') throw methodNotAllowed(ctx.method);
    return ctx.respond.entity(fileVersionEntity(ctx.urls, list, item, version, version.version === latest), 'SP.FileVersion');
  }
  if (after.name === '$value' || after.name === 'openbinarystream') return binary(ctx.store.files.content(list.id, item.id, version.version), item.leafName ?? 'file');
  throw unsupported(ctx);
}

function binary(content: Uint8Array, name: string): LtResponse {
  const { leaf } = splitPath(`/${name}`);
  return { status: 200, headers: { 'content-type': 'application/octet-stream', 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(leaf)}` }, body: content };
}
