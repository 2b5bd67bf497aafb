/**
 * Microsoft Graph under `/graph/v1.0/` and `/graph/beta/`: me, memberOf, users, sites, lists, list
 * items (with `expand=fields(select=…)`, `$filter`, `$orderby`, `$top`, `@odata.nextLink`), fields
 * PATCH with If-Match, sendMail, sendActivityNotification and mailbox messages.
 * References: https://learn.microsoft.com/en-us/graph/api/listitem-list , .../listitem-get , .../listitem-create ,
 * .../listitem-update , .../user-sendmail , .../userteamwork-sendactivitynotification , .../user-list-messages
 */
import { FieldType, type FieldInfo, type ListInfo } from '../store/lists';
import { Permission } from '../store/permissions';
import type { Principal } from '../store/principals';
import type { TenantStore } from '../store/tenant-store';
import { sharedMailbox } from '../personas';
import { authenticate } from './auth';
import { Access, effectiveMethod } from './context';
import { HttpError, badRequest, bodyJson, emptyResponse, forbidden, jsonResponse, notFound, type LtRequest, type LtResponse } from './http';
import { decodeSkipToken, encodeSkipToken, queryItemPage } from './item-query';
import { graphAttachment, graphFieldName, graphFields, graphGroup, graphItemEtag, graphList, graphListItem, graphMessage, graphSite, graphSiteId, graphUser } from './graph-entities';
import { sitePath } from '../store/tenant-store';
import type { DownloadLinks } from './downloads';
import { handleDrives, listDrive, type DriveContext } from './graph-drive-routes';
import { siteAppPermissions } from './graph-site-permissions';

/** Everything a Graph handler needs. */
interface GraphContext {
  readonly store: TenantStore;
  readonly request: LtRequest;
  readonly user: Principal;
  readonly access: Access;
  readonly method: string;
  readonly origin: string;
  readonly hostname: string;
  /** `http://host/graph/v1.0` */
  readonly root: string;
  readonly downloads: DownloadLinks;
}

function driveContext(ctx: GraphContext): DriveContext {
  return { store: ctx.store, access: ctx.access, method: ctx.method, origin: ctx.origin, root: ctx.root, downloads: ctx.downloads, query: ctx.request.url.searchParams };
}

function graphJson(status: number, body: unknown, headers: Record<string, string> = {}): LtResponse {
  return jsonResponse(status, body, 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8', headers);
}

function selectProps(source: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (!select) return source;
  const wanted = new Set(select.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
  return Object.fromEntries(Object.entries(source).filter(([k]) => k.startsWith('@odata') || wanted.has(k.toLowerCase())));
}

function methodNotAllowed(): HttpError {
  return new HttpError(405, 'The HTTP method is not allowed on this resource.', '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'BadRequest');
}

function requireReader(ctx: GraphContext): void {
  if (!ctx.access.canReadSite()) throw forbidden();
}

/** Handles one Graph request; `path` is the decoded path after `/graph/<version>/`. */
export async function handleGraph(store: TenantStore, request: LtRequest, version: string, path: string, downloads: DownloadLinks): Promise<LtResponse> {
  const user = authenticate(request, store);
  const origin = `${request.url.protocol}//${request.url.host}`;
  const ctx: GraphContext = {
    store, request, user, access: new Access(store, user), method: effectiveMethod(request), origin, hostname: request.url.hostname,
    root: `${origin}/graph/${version}`,
    downloads
  };
  const segments = path.split('/').filter((s) => s.length > 0);
  const [head, ...rest] = segments;
  switch (head?.toLowerCase()) {
    case 'me':
      return userResource(ctx, user, rest, true);
    case 'users': {
      const [idOrUpn, ...after] = rest;
      if (!idOrUpn) throw notFound('Listing users is not supported by the local tenant.');
      const target = store.principals.userByAadIdOrUpn(idOrUpn);
      if (target) return userResource(ctx, target, after, target.id === user.id);
      if (idOrUpn.toLowerCase() === sharedMailbox) return sharedMailboxResource(ctx, after);
      throw new HttpError(404, `Resource '${idOrUpn}' does not exist or one of its queried reference-property objects are not present.`, '-1, System.ArgumentException', 'Request_ResourceNotFound');
    }
    case 'sites':
      return sites(ctx, rest);
    case 'drives':
      return handleDrives(driveContext(ctx), rest);
    default:
      throw new HttpError(400, `Resource not found for the segment '${head ?? ''}'.`, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'BadRequest');
  }
}

async function userResource(ctx: GraphContext, target: Principal, segments: string[], isSelf: boolean): Promise<LtResponse> {
  const { store, method, request } = ctx;
  const [next, ...rest] = segments;
  if (!next) {
    if (method !== 'GET') throw methodNotAllowed();
    if (!isSelf) requireReader(ctx);
    return graphJson(200, { '@odata.context': `${ctx.root}/$metadata#users/$entity`, ...selectProps(graphUser(target), request.url.searchParams.get('$select')) });
  }
  switch (next.toLowerCase()) {
    case 'memberof':
    case 'transitivememberof':
      if (method !== 'GET') throw methodNotAllowed();
      if (!isSelf) requireReader(ctx);
      return graphJson(200, { '@odata.context': `${ctx.root}/$metadata#directoryObjects`, value: store.principals.groupsOf(target.id).map(graphGroup) });
    case 'sendmail':
      if (method !== 'POST') throw methodNotAllowed();
      if (!isSelf) throw forbidden();
      return sendMail(ctx, target.email);
    case 'teamwork':
      if (rest[0]?.toLowerCase() !== 'sendactivitynotification' || method !== 'POST') throw notFound();
      return sendActivityNotification(ctx, target);
    case 'messages':
      if (!isSelf) throw forbidden();
      return messages(ctx, target.email, rest);
    default:
      throw notFound();
  }
}

function sharedMailboxResource(ctx: GraphContext, segments: string[]): Promise<LtResponse> | LtResponse {
  // Members of the VSA groups hold Send As / Full Access on the shared mailbox.
  requireReader(ctx);
  const [next, ...rest] = segments;
  if (next?.toLowerCase() === 'sendmail' && ctx.method === 'POST') return sendMail(ctx, sharedMailbox);
  if (next?.toLowerCase() === 'messages') return messages(ctx, sharedMailbox, rest);
  throw notFound();
}

function recipientsOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((r) => (r as { emailAddress?: { address?: unknown } })?.emailAddress?.address).filter((a): a is string => typeof a === 'string' && a.includes('@'));
}

function sendMail(ctx: GraphContext, sender: string): LtResponse {
  const body = bodyJson(ctx.request);
  const message = body.message as Record<string, unknown> | undefined;
  if (!message || typeof message !== 'object') throw new HttpError(400, 'The request body must contain a "message".', '-1, System.ArgumentException', 'ErrorInvalidRequest');
  const recipients = [...recipientsOf(message.toRecipients), ...recipientsOf(message.ccRecipients), ...recipientsOf(message.bccRecipients)];
  if (recipients.length === 0) throw new HttpError(400, 'At least one recipient is not valid., Recipient is missing.', '-1, System.ArgumentException', 'ErrorInvalidRecipients');
  ctx.store.outbox.add({ kind: 'mail', sender, recipients, subject: typeof message.subject === 'string' ? message.subject : '', payload: body });
  return emptyResponse(202);
}

function sendActivityNotification(ctx: GraphContext, recipient: Principal): LtResponse {
  const body = bodyJson(ctx.request);
  const topic = body.topic as { source?: unknown; value?: unknown; webUrl?: unknown } | undefined;
  if (!topic || typeof topic.value !== 'string' || typeof body.activityType !== 'string') {
    throw new HttpError(400, 'The request body must contain "topic" (source, value) and "activityType".', '-1, System.ArgumentException', 'BadRequest');
  }
  if (recipient.id === ctx.user.id) throw new HttpError(400, 'A user cannot send an activity notification to themselves with delegated permissions.', '-1, System.ArgumentException', 'BadRequest');
  const preview = (body.previewText as { content?: unknown } | undefined)?.content;
  ctx.store.outbox.add({ kind: 'activity', sender: ctx.user.email, recipients: [recipient.email], subject: typeof preview === 'string' ? preview : body.activityType, payload: body });
  return emptyResponse(204);
}

function messages(ctx: GraphContext, mailbox: string, segments: string[]): LtResponse {
  const { store, method, request } = ctx;
  if (method !== 'GET') throw methodNotAllowed();
  const [messageId, sub, attachmentId, value] = segments;
  if (!messageId) {
    const top = Number(request.url.searchParams.get('$top') ?? 10);
    if (!Number.isInteger(top) || top < 1 || top > 1000) throw badRequest('$top must be an integer from 1 to 1000.');
    const all = store.mailbox.messages(mailbox);
    return graphJson(200, {
      '@odata.context': `${ctx.root}/$metadata#users('${mailbox}')/messages`,
      value: all.slice(0, top).map((m) => selectProps(graphMessage(m, store.mailbox.attachments(mailbox, m.id).length > 0), request.url.searchParams.get('$select')))
    });
  }
  const message = store.mailbox.messages(mailbox).find((m) => m.id === messageId);
  if (!message) throw new HttpError(404, 'The specified object was not found in the store.', '-1, System.ArgumentException', 'ErrorItemNotFound');
  const attachments = store.mailbox.attachments(mailbox, messageId);
  if (!sub) return graphJson(200, graphMessage(message, attachments.length > 0));
  if (sub.toLowerCase() !== 'attachments') throw notFound();
  if (!attachmentId) return graphJson(200, { '@odata.context': `${ctx.root}/$metadata#users('${mailbox}')/messages('${messageId}')/attachments`, value: attachments.map((a) => graphAttachment(a, true)) });
  const attachment = attachments.find((a) => a.id === attachmentId);
  if (!attachment) throw new HttpError(404, 'The attachment was not found.', '-1, System.ArgumentException', 'ErrorItemNotFound');
  if (value === '$value') return { status: 200, headers: { 'content-type': attachment.contentType }, body: attachment.content };
  return graphJson(200, graphAttachment(attachment, true));
}

/** Resolves `sites/{id}` and `sites/{hostname}:/{path}[:]`; returns the remaining segments. */
function resolveSite(ctx: GraphContext, segments: string[]): string[] {
  const [first, ...rest] = segments;
  if (!first) throw notFound();
  const siteId = graphSiteId(ctx.store, ctx.hostname);
  if (first.endsWith(':')) {
    if (first.slice(0, -1).toLowerCase() !== ctx.hostname.toLowerCase()) throw notFound('Requested site could not be found');
    const pathParts: string[] = [];
    let i = 0;
    for (; i < rest.length; i += 1) {
      const part = rest[i];
      if (part.endsWith(':')) {
        pathParts.push(part.slice(0, -1));
        i += 1;
        break;
      }
      pathParts.push(part);
    }
    if (`/${pathParts.join('/')}`.toLowerCase() !== sitePath) throw new HttpError(404, 'Requested site could not be found', '-1, System.ArgumentException', 'itemNotFound');
    return rest.slice(i);
  }
  const { siteId: collectionId, webId } = ctx.store.siteIds;
  if (first !== siteId && first !== `${ctx.hostname},${collectionId}` && first !== collectionId && first !== webId && first.toLowerCase() !== 'root') {
    throw new HttpError(404, 'Requested site could not be found', '-1, System.ArgumentException', 'itemNotFound');
  }
  return rest;
}

function sites(ctx: GraphContext, segments: string[]): LtResponse {
  const { store, method } = ctx;
  const rest = resolveSite(ctx, segments);
  requireReader(ctx);
  const siteId = graphSiteId(store, ctx.hostname);
  const [next, listKey, sub, itemId, sub2] = rest;
  if (!next) {
    if (method !== 'GET') throw methodNotAllowed();
    return graphJson(200, { '@odata.context': `${ctx.root}/$metadata#sites/$entity`, ...graphSite(store, ctx.origin, ctx.hostname, sitePath) });
  }
  if (next.toLowerCase() === 'permissions' && !sub) return siteAppPermissions(store, ctx.user, method, ctx.root, siteId, listKey, ctx.request);
  if (next.toLowerCase() !== 'lists') throw notFound();
  if (!listKey) {
    if (method !== 'GET') throw methodNotAllowed();
    const visible = store.lists.lists().filter((l) => ctx.access.hasList(l, Permission.viewListItems));
    return graphJson(200, { '@odata.context': `${ctx.root}/$metadata#sites('${siteId}')/lists`, value: visible.map((l) => graphList(ctx.origin, l)) });
  }
  const list = store.lists.byId(listKey) ?? store.lists.byTitle(listKey);
  if (!list) throw new HttpError(404, 'The specified list was not found', '-1, System.ArgumentException', 'itemNotFound');
  ctx.access.requireList(list, Permission.viewListItems);
  if (!sub) {
    if (method !== 'GET') throw methodNotAllowed();
    return graphJson(200, { '@odata.context': `${ctx.root}/$metadata#sites('${siteId}')/lists/$entity`, ...graphList(ctx.origin, list) });
  }
  if (sub.toLowerCase() === 'drive' && !itemId) return listDrive(driveContext(ctx), list);
  if (sub.toLowerCase() !== 'items') throw notFound();
  if (!itemId) return method === 'GET' ? listItems(ctx, list, siteId) : method === 'POST' ? createItem(ctx, list, siteId) : (() => { throw methodNotAllowed(); })();
  const id = Number(itemId);
  if (!Number.isInteger(id) || id < 1) throw new HttpError(400, `'${itemId}' is not a valid item id.`, '-1, System.ArgumentException', 'invalidRequest');
  return item(ctx, list, siteId, id, sub2);
}

/** Parses `expand=fields(select=A,B)` / `$expand=fields`. */
function fieldsExpansion(params: URLSearchParams): { expanded: boolean; select?: Set<string> } {
  const raw = params.get('expand') ?? params.get('$expand');
  if (!raw) return { expanded: false };
  const match = /^\s*fields(?:\s*\(\s*(?:\$?select\s*=\s*([^)]*))?\s*\))?\s*$/i.exec(raw);
  if (!match) throw new HttpError(400, `The expand '${raw}' is not supported (use fields or fields(select=…)).`, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'invalidRequest');
  return { expanded: true, select: match[1] ? new Set(match[1].split(',').map((s) => s.trim()).filter(Boolean)) : undefined };
}

function listItems(ctx: GraphContext, list: ListInfo, siteId: string): LtResponse {
  const { store, request } = ctx;
  const params = request.url.searchParams;
  const token = params.get('$skiptoken');
  const prefer = request.headers.get('prefer') ?? '';
  const page = queryItemPage(store, list, {
    dialect: 'graph', filter: params.get('$filter'), orderBy: params.get('$orderby'), top: params.get('$top'),
    position: token ? decodeSkipToken(token, 'graph') : undefined, honorNonIndexed: /HonorNonIndexedQueriesWarningMayFailRandomly/i.test(prefer)
  });
  const expansion = fieldsExpansion(params);
  const fields = store.lists.fields(list.id);
  const value = page.items.map((i) => graphListItem(store, ctx.origin, siteId, list, i, expansion.expanded ? graphFields(fields, i, expansion.select) : undefined));
  const body: Record<string, unknown> = { '@odata.context': `${ctx.root}/$metadata#sites('${siteId}')/lists('${list.id}')/items`, value };
  if (page.next) {
    const nextUrl = new URL(request.url.toString());
    nextUrl.searchParams.set('$skiptoken', Buffer.from(encodeSkipToken(page.next), 'utf8').toString('base64').replace(/=+$/, ''));
    body['@odata.nextLink'] = nextUrl.toString();
  }
  return graphJson(200, body);
}

/** Converts a Graph fieldValueSet to SharePoint REST property names, refusing unknown fields. */
function toRestValues(fields: readonly FieldInfo[], input: Record<string, unknown>): Record<string, unknown> {
  const byGraphName = new Map(fields.map((f) => [graphFieldName(f).toLowerCase(), f]));
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (key.startsWith('@odata')) continue;
    const field = byGraphName.get(key.toLowerCase());
    if (!field) {
      if (['created', 'modified'].includes(key.toLowerCase())) {
        result[key[0].toUpperCase() + key.slice(1).toLowerCase()] = value;
        continue;
      }
      throw new HttpError(400, `Field '${key}' is not recognized`, '-1, System.ArgumentException', 'invalidRequest');
    }
    const isLookup = field.typeKind === FieldType.User || field.typeKind === FieldType.Lookup;
    result[isLookup ? `${field.internalName}Id` : field.internalName] = isLookup && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  }
  return result;
}

function createItem(ctx: GraphContext, list: ListInfo, siteId: string): LtResponse {
  const { store } = ctx;
  ctx.access.requireList(list, Permission.addListItems);
  const body = bodyJson(ctx.request);
  const fieldsInput = body.fields;
  if (!fieldsInput || typeof fieldsInput !== 'object' || Array.isArray(fieldsInput)) throw new HttpError(400, 'The request body must contain "fields".', '-1, System.ArgumentException', 'invalidRequest');
  const fields = store.lists.fields(list.id);
  const created = store.lists.addItem(list, toRestValues(fields, fieldsInput as Record<string, unknown>), { actorId: ctx.user.id, mayOverrideSystemColumns: ctx.user.isSiteAdmin });
  return graphJson(201, { '@odata.context': `${ctx.root}/$metadata#sites('${siteId}')/lists('${list.id}')/items/$entity`, ...graphListItem(store, ctx.origin, siteId, list, created, graphFields(fields, created)) }, { etag: graphItemEtag(created) });
}

/** If-Match for Graph: `"{guid},N"` (or `*`); a different item guid or version is a 412. */
function graphExpectedVersion(request: LtRequest, itemGuid: string): number | undefined {
  const raw = request.headers.get('if-match')?.trim();
  if (!raw || raw === '*') return undefined;
  const cleaned = raw.replace(/^W\//, '').replace(/["{}]/g, '');
  const comma = cleaned.lastIndexOf(',');
  const version = Number(comma >= 0 ? cleaned.slice(comma + 1) : cleaned);
  if ((comma >= 0 && cleaned.slice(0, comma).toLowerCase() !== itemGuid.toLowerCase()) || !Number.isInteger(version)) return -1;
  return version;
}

function item(ctx: GraphContext, list: ListInfo, siteId: string, id: number, sub: string | undefined): LtResponse {
  const { store, method, request } = ctx;
  const current = store.lists.requireItem(list.id, id);
  const fields = store.lists.fields(list.id);
  if (!sub) {
    if (method === 'GET') {
      const expansion = fieldsExpansion(request.url.searchParams);
      return graphJson(200, { '@odata.context': `${ctx.root}/$metadata#sites('${siteId}')/lists('${list.id}')/items/$entity`, ...graphListItem(store, ctx.origin, siteId, list, current, expansion.expanded ? graphFields(fields, current, expansion.select) : undefined) }, { etag: graphItemEtag(current) });
    }
    if (method === 'DELETE') {
      ctx.access.requireList(list, Permission.deleteListItems);
      store.lists.deleteItem(list.id, id, graphExpectedVersion(request, current.guid));
      return emptyResponse(204);
    }
    throw methodNotAllowed();
  }
  if (sub.toLowerCase() !== 'fields') throw notFound();
  if (method === 'GET') return graphJson(200, { '@odata.context': `${ctx.root}/$metadata#sites('${siteId}')/lists('${list.id}')/items(${id})/fields/$entity`, ...graphFields(fields, current) });
  if (method !== 'PATCH') throw methodNotAllowed();
  ctx.access.requireList(list, Permission.editListItems);
  const updated = store.lists.updateItem(list, id, toRestValues(fields, bodyJson(request)), { actorId: ctx.user.id, mayOverrideSystemColumns: ctx.user.isSiteAdmin }, graphExpectedVersion(request, current.guid));
  return graphJson(200, { '@odata.context': `${ctx.root}/$metadata#sites('${siteId}')/lists('${list.id}')/items(${id})/fields/$entity`, ...graphFields(fields, updated) }, { etag: graphItemEtag(updated) });
}
