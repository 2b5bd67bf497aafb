/**
 * Graph drives of document libraries: `lists/{library}/drive`, `drives/{id}`, drive items by path
 * (`root:/{path}:`) or id, and `…/content` (302 to a short-lived URL), including `?format=pdf`.
 * References: https://learn.microsoft.com/en-us/graph/api/drive-get , .../driveitem-get ,
 * .../driveitem-get-content , .../driveitem-get-content-format
 * `?format=pdf` is the tenant's one PDF conversion: LibreOffice headless (`conversion/libreoffice.ts`),
 * a clear 501 when it is not installed; formats Graph does not convert are answered 406.
 * Every `content` answer, converted or not, is a 302 to one download store (`downloads.ts`).
 */
import { Permission } from '../store/permissions';
import { documentLibraryTemplate, type ListInfo, type StoredItem } from '../store/lists';
import type { TenantStore } from '../store/tenant-store';
import { ConversionError, convertToPdf } from '../conversion/libreoffice';
import type { Access } from './context';
import type { DownloadLinks } from './downloads';
import { HttpError, jsonResponse, notFound, type LtResponse } from './http';

/** What the drive handlers need. */
export interface DriveContext {
  readonly store: TenantStore;
  readonly access: Access;
  readonly method: string;
  readonly origin: string;
  readonly root: string;
  readonly downloads: DownloadLinks;
  readonly query: URLSearchParams;
}

/** The Graph drive id of a library: `b!` + base64url of the list id. */
export function driveIdOf(list: ListInfo): string {
  return `b!${Buffer.from(list.id, 'utf8').toString('base64url')}`;
}

function libraryOfDrive(store: TenantStore, driveId: string): ListInfo {
  let listId = '';
  if (driveId.startsWith('b!')) {
    try {
      listId = Buffer.from(driveId.slice(2), 'base64url').toString('utf8');
    } catch {
      listId = '';
    }
  }
  const list = listId ? store.lists.byId(listId) : undefined;
  if (!list || list.baseTemplate !== documentLibraryTemplate) throw new HttpError(404, 'The drive does not exist.', '-1, System.ArgumentException', 'itemNotFound');
  return list;
}

function graphJson(body: unknown): LtResponse {
  return jsonResponse(200, body, 'application/json;odata.metadata=minimal;charset=utf-8');
}

/** microsoft.graph.drive of a library. */
export function graphDrive(origin: string, list: ListInfo): Record<string, unknown> {
  return {
    id: driveIdOf(list), driveType: 'documentLibrary', name: list.title, description: list.description, webUrl: `${origin}${list.rootFolder}`,
    createdDateTime: list.created, lastModifiedDateTime: list.modified
  };
}

function driveItem(ctx: DriveContext, list: ListInfo, item: StoredItem | undefined): Record<string, unknown> {
  const driveId = driveIdOf(list);
  if (!item) {
    return { id: 'root', name: 'root', root: {}, webUrl: `${ctx.origin}${list.rootFolder}`, folder: { childCount: ctx.store.files.filesIn(list.rootFolder).length + ctx.store.files.foldersIn(list.rootFolder).length }, parentReference: { driveId, driveType: 'documentLibrary' } };
  }
  const path = `${item.parentPath}/${item.leafName ?? ''}`;
  const relativeParent = item.parentPath.slice(list.rootFolder.length);
  const base: Record<string, unknown> = {
    '@odata.etag': `"{${item.guid.toUpperCase()}},${item.version}"`, id: item.guid, name: item.leafName, webUrl: `${ctx.origin}${encodeURI(path)}`,
    createdDateTime: item.created, lastModifiedDateTime: item.modified, eTag: `"{${item.guid.toUpperCase()}},${item.version}"`,
    parentReference: { driveId, driveType: 'documentLibrary', path: `/drives/${driveId}/root:${relativeParent}` }
  };
  if (item.fsType === 1) return { ...base, folder: { childCount: ctx.store.files.filesIn(path).length + ctx.store.files.foldersIn(path).length } };
  const versions = ctx.store.files.versions(list.id, item.id);
  const size = versions[versions.length - 1]?.length ?? 0;
  return { ...base, size, file: { mimeType: mimeTypeOf(item.leafName ?? '') } };
}

function mimeTypeOf(name: string): string {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  const types: Record<string, string> = {
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf', txt: 'text/plain',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', doc: 'application/msword'
  };
  return types[ext] ?? 'application/octet-stream';
}

/** Extensions Graph converts to PDF. */
const convertibleToPdf = /\.(csv|doc|docx|odp|ods|odt|pot|potm|potx|pps|ppsx|ppsxm|ppt|pptm|pptx|rtf|xls|xlsx)$/i;

/** The document as PDF through LibreOffice, with its failures as Graph errors. */
async function pdfOf(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  try {
    return await convertToPdf(bytes, name);
  } catch (error) {
    if (!(error instanceof ConversionError)) throw error;
    const notInstalled = error.reason === 'notInstalled';
    throw new HttpError(notInstalled ? 501 : 500, error.message, '-1, System.NotSupportedException', notInstalled ? 'notSupported' : 'generalException');
  }
}

async function content(ctx: DriveContext, list: ListInfo, item: StoredItem): Promise<LtResponse> {
  if (item.fsType !== 0) throw new HttpError(400, 'A folder has no content.', '-1, System.ArgumentException', 'invalidRequest');
  const name = item.leafName ?? 'file';
  const bytes = ctx.store.files.content(list.id, item.id);
  const format = ctx.query.get('format');
  let location: string;
  if (format === null) {
    location = ctx.downloads.create(bytes, mimeTypeOf(name), name);
  } else {
    if (format.toLowerCase() !== 'pdf') throw new HttpError(400, `Conversion to '${format}' is not supported by the local tenant (only pdf).`, '-1, System.ArgumentException', 'invalidRequest');
    if (!convertibleToPdf.test(name)) throw new HttpError(406, `'${name}' cannot be converted to PDF.`, '-1, System.NotSupportedException', 'notSupported');
    const pdfName = name.replace(/\.[^.]+$/, '.pdf');
    location = ctx.downloads.create(await pdfOf(bytes, name), 'application/pdf', pdfName);
  }
  return { status: 302, headers: { location: `${ctx.origin}${location}`, 'cache-control': 'no-store' }, body: '' };
}

/** `GET sites/{site}/lists/{library}/drive` */
export function listDrive(ctx: DriveContext, list: ListInfo): LtResponse {
  if (list.baseTemplate !== documentLibraryTemplate) throw new HttpError(404, 'The list has no drive (it is not a document library).', '-1, System.ArgumentException', 'itemNotFound');
  return graphJson({ '@odata.context': `${ctx.root}/$metadata#drives/$entity`, ...graphDrive(ctx.origin, list) });
}

/** `drives/{drive-id}[/root[:/path[:]]|/items/{id}][/content]` (segments after `drives`). */
export async function handleDrives(ctx: DriveContext, segments: string[]): Promise<LtResponse> {
  const [driveId, next, ...rest] = segments;
  if (!driveId) throw notFound('Listing drives is not supported by the local tenant.');
  const list = libraryOfDrive(ctx.store, driveId);
  ctx.access.requireList(list, Permission.viewListItems);
  if (ctx.method !== 'GET') {
    // Drive writes are not emulated; a reader is refused for its rights first (403), as Graph does.
    ctx.access.requireList(list, Permission.editListItems);
    throw new HttpError(405, 'Only GET is supported on drives by the local tenant.', '-1, System.ArgumentException', 'BadRequest');
  }
  if (!next) return graphJson({ '@odata.context': `${ctx.root}/$metadata#drives/$entity`, ...graphDrive(ctx.origin, list) });
  let item: StoredItem | undefined;
  let after: string[];
  if (next === 'root' || next === 'root:') {
    if (next === 'root' && rest.length === 0) return graphJson(driveItem(ctx, list, undefined));
    const pathParts: string[] = [];
    let i = 0;
    for (; i < rest.length; i += 1) {
      if (rest[i].endsWith(':')) {
        pathParts.push(rest[i].slice(0, -1));
        i += 1;
        break;
      }
      pathParts.push(rest[i]);
    }
    after = rest.slice(i);
    if (pathParts.length === 0) return graphJson(driveItem(ctx, list, undefined));
    item = ctx.store.files.itemAt(`${list.rootFolder}/${pathParts.join('/')}`);
  } else if (next === 'items') {
    const [itemId, ...more] = rest;
    after = more;
    if (itemId === 'root') {
      if (after.length === 0) return graphJson(driveItem(ctx, list, undefined));
      throw notFound();
    }
    item = ctx.store.lists.queryItems(list.id, { where: { sql: 'i.guid = ?', params: [String(itemId ?? '').toLowerCase()] }, limit: 1 })[0];
  } else {
    throw notFound();
  }
  if (!item) throw new HttpError(404, 'The resource could not be found.', '-1, System.IO.FileNotFoundException', 'itemNotFound');
  if (after.length === 0) return graphJson(driveItem(ctx, list, item));
  if (after.length === 1 && after[0] === 'content') return content(ctx, list, item);
  throw notFound();
}

/** `GET /_local/download/<token>`: the bytes behind a short-lived URL (no Authorization needed). */
export function serveDownload(downloads: DownloadLinks, token: string): LtResponse {
  const link = downloads.get(token);
  if (!link) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'The download link is unknown or has expired.' };
  return { status: 200, headers: { 'content-type': link.contentType, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(link.fileName)}` }, body: link.content };
}
