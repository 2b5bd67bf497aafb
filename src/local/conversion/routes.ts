/**
 * Graph's document conversion, emulated: `GET /drives/{drive-id}/root:/{path}:/content?format=pdf` and
 * `GET /drives/{drive-id}/items/{item-id}/content?format=pdf` answer 302 with a short-lived download URL
 * (`/_download/{token}`, valid 5 minutes, no authentication needed, as Graph's pre-authenticated URLs);
 * without `format` they return the bytes. `GET /sites/{site}/lists/{list}/drive` gives a library's drive id.
 * The conversion is LibreOffice headless; without it the answer is a clear 501.
 * Reference: https://learn.microsoft.com/en-us/graph/api/driveitem-get-content-format
 */
import { randomBytes } from 'node:crypto';
import { authenticate } from '../server/auth';
import { Access } from '../server/context';
import { HttpError, jsonResponse, notFound, type LtRequest, type LtResponse } from '../server/http';
import type { PageHandler } from '../server/pages';
import { Permission } from '../store/permissions';
import type { ListInfo } from '../store/lists';
import type { TenantStore } from '../store/tenant-store';
import { ConversionError, convertToPdf } from './libreoffice';

const documentLibraryTemplate = 101;
const downloadTtlMs = 5 * 60 * 1000;
/** Extensions Graph converts to PDF. */
const convertible = /\.(csv|doc|docx|odp|ods|odt|pot|potm|potx|pps|ppsx|ppsxm|ppt|pptm|pptx|rtf|xls|xlsx)$/i;

const downloads = new Map<string, { pdf: Uint8Array; fileName: string; expires: number }>();

/** The path of the download URLs the 302 points at. */
export const downloadPath = '/_download';

/** A library's drive id: `b!` + the list id, so it maps back without a table. */
export function driveIdOf(list: ListInfo): string {
  return `b!${list.id}`;
}

function libraryOfDrive(store: TenantStore, driveId: string): ListInfo {
  const list = driveId.startsWith('b!') ? store.lists.byId(driveId.slice(2)) : undefined;
  if (!list || list.baseTemplate !== documentLibraryTemplate) throw new HttpError(404, 'The drive was not found.', '-1, System.ArgumentException', 'itemNotFound');
  return list;
}

const listDrivePath = /^sites\/(.+)\/lists\/([^/]+)\/drive$/i;
const pathContent = /^drives\/([^/]+)\/root:\/(.+):\/content$/i;
const itemContent = /^drives\/([^/]+)\/items\/([^/]+)\/content$/i;

/**
 * Handles the drive routes; returns `undefined` for any other request so the tenant's own Graph routes
 * answer it. `graphPath` is the decoded path after `/graph/<version>/`.
 */
export async function handleConversionRoute(store: TenantStore, request: LtRequest, graphPath: string): Promise<LtResponse | undefined> {
  if (request.method.toUpperCase() !== 'GET') return undefined;
  const drive = listDrivePath.exec(graphPath);
  if (drive) {
    const access = new Access(store, authenticate(request, store));
    const key = drive[2];
    const list = store.lists.byId(key) ?? store.lists.byTitle(key);
    if (!list || list.baseTemplate !== documentLibraryTemplate) throw new HttpError(404, 'The specified list was not found or is not a document library.', '-1, System.ArgumentException', 'itemNotFound');
    access.requireList(list, Permission.viewListItems);
    return jsonResponse(200, { id: driveIdOf(list), driveType: 'documentLibrary', name: list.title, webUrl: `${request.url.protocol}//${request.url.host}${list.rootFolder}` });
  }
  const byPath = pathContent.exec(graphPath);
  const byItem = byPath ? undefined : itemContent.exec(graphPath);
  if (!byPath && !byItem) return undefined;
  const access = new Access(store, authenticate(request, store));
  const list = libraryOfDrive(store, (byPath ?? byItem)![1]);
  access.requireList(list, Permission.viewListItems);
  const file = byPath ? fileAtPath(store, list, byPath[2]) : fileById(store, list, byItem![2]);
  const content = store.files.content(list.id, file.id);
  const format = request.url.searchParams.get('format');
  if (format === null) return { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: content };
  if (format.toLowerCase() !== 'pdf') throw new HttpError(400, `Conversion to '${format}' is not supported by the local tenant (only pdf).`, '-1, System.ArgumentException', 'invalidRequest');
  if (!convertible.test(file.name)) throw new HttpError(406, `'${file.name}' cannot be converted to PDF.`, '-1, System.ArgumentException', 'notSupported');
  let pdf: Uint8Array;
  try {
    pdf = await convertToPdf(content, file.name);
  } catch (error) {
    if (error instanceof ConversionError) {
      throw new HttpError(error.reason === 'notInstalled' ? 501 : 500, error.message, '-1, System.NotSupportedException', error.reason === 'notInstalled' ? 'notSupported' : 'generalException');
    }
    throw error;
  }
  sweep();
  const token = randomBytes(24).toString('base64url');
  downloads.set(token, { pdf, fileName: file.name.replace(/\.[^.]+$/, '.pdf'), expires: Date.now() + downloadTtlMs });
  return { status: 302, headers: { location: `${request.url.protocol}//${request.url.host}${downloadPath}/${token}`, 'cache-control': 'no-store' } };
}

function fileAtPath(store: TenantStore, list: ListInfo, relative: string): { id: number; name: string } {
  const segments = relative.split('/').filter(Boolean);
  if (segments.some((s) => s === '.' || s === '..')) throw new HttpError(400, 'The path is not valid.', '-1, System.ArgumentException', 'invalidRequest');
  const item = store.files.itemAt(`${list.rootFolder}/${segments.join('/')}`);
  if (!item || item.fsType !== 0) throw new HttpError(404, 'The resource could not be found.', '-2147024894, System.IO.FileNotFoundException', 'itemNotFound');
  return { id: item.id, name: segments[segments.length - 1] };
}

function fileById(store: TenantStore, list: ListInfo, itemId: string): { id: number; name: string } {
  const id = Number(itemId);
  const item = Number.isInteger(id) && id > 0 ? store.lists.item(list.id, id) : undefined;
  if (!item || item.fsType !== 0) throw new HttpError(404, 'The resource could not be found.', '-2147024894, System.IO.FileNotFoundException', 'itemNotFound');
  return { id: item.id, name: item.leafName ?? `item-${item.id}` };
}

function sweep(): void {
  const now = Date.now();
  for (const [token, entry] of downloads) if (entry.expires < now) downloads.delete(token);
}

/** Serves `/_download/{token}` once per token until it expires (a page: no identity needed, like Graph's URL). */
export const downloadPage: PageHandler = (request) => {
  const token = request.url.pathname.slice(downloadPath.length + 1);
  const entry = downloads.get(token);
  if (!entry || entry.expires < Date.now()) {
    downloads.delete(token);
    throw notFound('Deze downloadlink is verlopen of bestaat niet. (This download link has expired or does not exist.)');
  }
  return { status: 200, headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${entry.fileName.replace(/["\\\r\n]/g, '_')}"`, 'cache-control': 'no-store' }, body: entry.pdf };
};
