/**
 * Graph resource shapes: user, group, site, list, listItem (+ fieldValueSet), message, attachment.
 * References: https://learn.microsoft.com/en-us/graph/api/resources/user
 * https://learn.microsoft.com/en-us/graph/api/resources/site , .../resources/list , .../resources/listitem
 * https://learn.microsoft.com/en-us/graph/api/resources/message , .../resources/fileattachment
 */
import { FieldType, documentLibraryTemplate, type FieldInfo, type ListInfo, type StoredItem } from '../store/lists';
import type { Principal } from '../store/principals';
import type { TenantStore } from '../store/tenant-store';
import type { MailAttachment, MailMessage } from '../store/mailbox';
import { preferredLanguageOfPersona } from '../personas';

const builtIns = new Set(['ID', 'Title', 'Created', 'Modified', 'Author', 'Editor', 'FileLeafRef']);

/** The Graph site id: `<hostname>,<site collection id>,<web id>`. */
export function graphSiteId(store: TenantStore, hostname: string): string {
  const { siteId, webId } = store.siteIds;
  return `${hostname},${siteId},${webId}`;
}

/** microsoft.graph.user */
export function graphUser(user: Principal): Record<string, unknown> {
  const [givenName, ...rest] = user.title.split(' ');
  return {
    businessPhones: [], displayName: user.title, givenName, jobTitle: null, mail: user.email, mobilePhone: null, officeLocation: null,
    preferredLanguage: preferredLanguageOfPersona(user.email), surname: rest.join(' ') || null, userPrincipalName: user.email, id: user.aadId
  };
}

/** microsoft.graph.group (the SharePoint groups stand in for the directory groups of the product). */
export function graphGroup(group: Principal): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.group', id: group.aadId, displayName: group.title, description: group.description,
    mail: null, mailEnabled: false, securityEnabled: true, groupTypes: []
  };
}

/** microsoft.graph.site */
export function graphSite(store: TenantStore, origin: string, hostname: string, webPath: string): Record<string, unknown> {
  return {
    createdDateTime: '2026-01-05T09:00:00Z', description: 'Microdata Dossiers (lokale tenant)', id: graphSiteId(store, hostname),
    lastModifiedDateTime: '2026-01-05T09:00:00Z', name: webPath.slice(webPath.lastIndexOf('/') + 1), webUrl: `${origin}${webPath}`,
    displayName: 'Microdata Dossiers', siteCollection: { hostname }
  };
}

/** microsoft.graph.list */
export function graphList(origin: string, list: ListInfo): Record<string, unknown> {
  return {
    '@odata.etag': `"${list.id},1"`, createdDateTime: list.created, description: list.description, eTag: `"${list.id},1"`, id: list.id,
    lastModifiedDateTime: list.modified, name: list.urlName, webUrl: `${origin}${list.rootFolder}`, displayName: list.title,
    list: { contentTypesEnabled: list.contentTypesEnabled, hidden: false, template: list.baseTemplate === documentLibraryTemplate ? 'documentLibrary' : 'genericList' }
  };
}

/** The Graph eTag of an item: `"<item guid>,<version>"`. */
export function graphItemEtag(item: StoredItem): string {
  return `"${item.guid},${item.version}"`;
}

/** The Graph name of a column in a fieldValueSet (`<Name>LookupId` for person and lookup columns). */
export function graphFieldName(field: FieldInfo): string {
  return field.typeKind === FieldType.User || field.typeKind === FieldType.Lookup ? `${field.internalName}LookupId` : field.internalName;
}

/** microsoft.graph.fieldValueSet of an item, optionally limited to `select` (Graph names). */
export function graphFields(fields: readonly FieldInfo[], item: StoredItem, select?: ReadonlySet<string>): Record<string, unknown> {
  const all: Record<string, unknown> = { '@odata.etag': graphItemEtag(item), id: String(item.id), Title: item.data.Title ?? null };
  for (const field of fields) {
    if (builtIns.has(field.internalName)) continue;
    const restName = field.typeKind === FieldType.User || field.typeKind === FieldType.Lookup ? `${field.internalName}Id` : field.internalName;
    const value = item.data[restName];
    if (value === undefined || value === null) continue; // Graph leaves empty columns out
    all[graphFieldName(field)] = field.typeKind === FieldType.User || field.typeKind === FieldType.Lookup ? String(value) : value;
  }
  Object.assign(all, {
    ContentType: item.fsType === 1 ? 'Folder' : 'Item', Modified: item.modified, Created: item.created, AuthorLookupId: String(item.authorId),
    EditorLookupId: String(item.editorId), _UIVersionString: `${item.version}.0`, Attachments: false
  });
  if (item.leafName !== null) all.FileLeafRef = item.leafName;
  if (!select) return all;
  const lower = new Set([...select].map((s) => s.toLowerCase()));
  return Object.fromEntries(Object.entries(all).filter(([k]) => k === '@odata.etag' || lower.has(k.toLowerCase())));
}

const APP_PRINCIPAL_PREFIX = 'i:0i.t|ms.sp.ext|';

/**
 * A writer as Graph's identitySet: a user with address and id; an app-only principal (the command
 * service) as the application that wrote, with SharePoint's address-less "SharePoint App" user beside
 * it, as Graph reports an app-only write (readers check the writer on replay).
 */
function identity(store: TenantStore, id: number): Record<string, unknown> {
  const user = store.principals.byId(id);
  if (!user) return { user: { displayName: 'Onbekend' } };
  if (user.loginName.toLowerCase().startsWith(APP_PRINCIPAL_PREFIX)) {
    const appId = user.loginName.slice(APP_PRINCIPAL_PREFIX.length).split('@')[0];
    return { application: { id: appId, displayName: user.title }, user: { displayName: user.title } };
  }
  return { user: { email: user.email, id: user.aadId, displayName: user.title } };
}

/** microsoft.graph.listItem; `fields` is included when expanded. */
export function graphListItem(store: TenantStore, origin: string, siteId: string, list: ListInfo, item: StoredItem, fields?: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {
    '@odata.etag': graphItemEtag(item), createdDateTime: item.created, eTag: graphItemEtag(item), id: String(item.id),
    lastModifiedDateTime: item.modified, webUrl: `${origin}${list.rootFolder}/DispForm.aspx?ID=${item.id}`,
    createdBy: identity(store, item.authorId), lastModifiedBy: identity(store, item.editorId),
    parentReference: { id: list.id, siteId }, contentType: { id: item.fsType === 1 ? '0x0120' : '0x01', name: item.fsType === 1 ? 'Folder' : 'Item' }
  };
  if (fields) result.fields = fields;
  return result;
}

/** microsoft.graph.message as stored, with its id. */
export function graphMessage(message: MailMessage, hasAttachments: boolean): Record<string, unknown> {
  return { ...message.message, id: message.id, receivedDateTime: message.receivedDateTime, hasAttachments };
}

/** microsoft.graph.fileAttachment */
export function graphAttachment(attachment: MailAttachment, withContent: boolean): Record<string, unknown> {
  const result: Record<string, unknown> = {
    '@odata.type': '#microsoft.graph.fileAttachment', id: attachment.id, name: attachment.name, contentType: attachment.contentType,
    size: attachment.content.byteLength, isInline: false
  };
  if (withContent) result.contentBytes = Buffer.from(attachment.content).toString('base64');
  return result;
}
