/**
 * Builds SharePoint REST entities (SP.Web, SP.List, SP.Field, SP.View, list items, SP.User, SP.Group,
 * SP.RoleDefinition, SP.Folder, SP.File, SP.FileVersion) with the property names SharePoint Online uses.
 * References: https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-folders-and-files-with-rest
 * https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/users-groups-and-roles-rest-api-reference
 */
import { createHash } from 'node:crypto';
import { ODataEntity } from '../odata/format';
import type { FileVersion } from '../store/files';
import { FieldType, documentLibraryTemplate, restPropertyName, type FieldInfo, type ItemVersion, type ListInfo, type StoredItem, type ViewInfo } from '../store/lists';
import type { RoleDefinition } from '../store/permissions';
import type { Principal } from '../store/principals';
import type { TenantStore } from '../store/tenant-store';

/** Absolute URLs of the site for one request. */
export interface SiteUrls {
  /** `http://localhost:4321` */
  readonly origin: string;
  /** `http://localhost:4321/sites/microdata` */
  readonly webUrl: string;
  /** `http://localhost:4321/sites/microdata/_api/` */
  readonly apiUrl: string;
}

const builtInItemFields = new Set(['ID', 'Title', 'Created', 'Modified', 'Author', 'Editor', 'FileLeafRef']);

const fieldTypeNames: Record<number, [string, string]> = {
  [FieldType.Integer]: ['SP.FieldNumber', 'Integer'],
  [FieldType.Text]: ['SP.FieldText', 'Text'],
  [FieldType.Note]: ['SP.FieldMultiLineText', 'Note'],
  [FieldType.DateTime]: ['SP.FieldDateTime', 'DateTime'],
  [FieldType.Counter]: ['SP.Field', 'Counter'],
  [FieldType.Choice]: ['SP.FieldChoice', 'Choice'],
  [FieldType.Lookup]: ['SP.FieldLookup', 'Lookup'],
  [FieldType.Boolean]: ['SP.Field', 'Boolean'],
  [FieldType.Number]: ['SP.FieldNumber', 'Number'],
  [FieldType.Currency]: ['SP.FieldCurrency', 'Currency'],
  [FieldType.MultiChoice]: ['SP.FieldMultiChoice', 'MultiChoice'],
  [FieldType.File]: ['SP.Field', 'File'],
  [FieldType.User]: ['SP.FieldUser', 'User']
};

/** Encodes a server-relative path for use inside `decodedurl='…'` in an entity URI. */
export function pathLiteral(path: string): string {
  return encodeURIComponent(path.replace(/'/g, "''"));
}

/** SP.Web */
export function webEntity(urls: SiteUrls, store: TenantStore): ODataEntity {
  const { webId } = store.siteIds;
  return new ODataEntity('SP.Web', `${urls.apiUrl}Web`, 'Web', {
    AllowRssFeeds: true, Created: '2026-01-05T09:00:00Z', Description: 'Microdata Dossiers (lokale tenant)', Id: webId, Language: 1043,
    LastItemModifiedDate: '2026-01-05T09:00:00Z', ServerRelativePath: { DecodedUrl: new URL(urls.webUrl).pathname }, ServerRelativeUrl: new URL(urls.webUrl).pathname, Title: 'Microdata Dossiers',
    Url: urls.webUrl, WebTemplate: 'STS'
  });
}

/** SP.User (site user). */
export function userEntity(urls: SiteUrls, user: Principal, groups?: readonly Principal[]): ODataEntity {
  const props: Record<string, unknown> = {
    Id: user.id, IsHiddenInUI: false, LoginName: user.loginName, Title: user.title, PrincipalType: 1, Email: user.email,
    Expiration: '', IsEmailAuthenticationGuestUser: false, IsShareByEmailGuestUser: false, IsSiteAdmin: user.isSiteAdmin,
    UserId: { NameId: user.aadId.replace(/-/g, '').slice(0, 16), NameIdIssuer: 'urn:federation:microsoftonline' }, UserPrincipalName: user.email
  };
  if (groups) props.Groups = groups.map((g) => groupEntity(urls, g));
  return new ODataEntity('SP.User', `${urls.apiUrl}Web/GetUserById(${user.id})`, `Web/GetUserById(${user.id})`, props);
}

/** SP.Group (site group). */
export function groupEntity(urls: SiteUrls, group: Principal): ODataEntity {
  return new ODataEntity('SP.Group', `${urls.apiUrl}Web/SiteGroups/GetById(${group.id})`, `Web/SiteGroups/GetById(${group.id})`, {
    Id: group.id, IsHiddenInUI: false, LoginName: group.loginName, Title: group.title, PrincipalType: 8,
    AllowMembersEditMembership: false, AllowRequestToJoinLeave: false, AutoAcceptRequestToJoinLeave: false,
    Description: group.description, OnlyAllowMembersViewMembership: false, OwnerTitle: 'Sitebeheerder', RequestToJoinLeaveEmailSetting: null
  });
}

/** SP.RoleDefinition */
export function roleDefinitionEntity(urls: SiteUrls, def: RoleDefinition): ODataEntity {
  return new ODataEntity('SP.RoleDefinition', `${urls.apiUrl}Web/RoleDefinitions(${def.id})`, `Web/RoleDefinitions(${def.id})`, {
    // Int64 values are strings in SharePoint's JSON.
    BasePermissions: { High: String(def.high), Low: String(def.low) }, Description: def.description, Hidden: false,
    Id: def.id, Name: def.name, Order: def.order, RoleTypeKind: def.roleTypeKind
  });
}

/** SP.RoleAssignment with expanded Member and RoleDefinitionBindings. */
export function roleAssignmentEntity(urls: SiteUrls, scopeUri: string, member: Principal, defs: readonly RoleDefinition[]): ODataEntity {
  const uri = `${scopeUri}/RoleAssignments/GetByPrincipalId(${member.id})`;
  return new ODataEntity('SP.RoleAssignment', `${urls.apiUrl}${uri}`, uri, {
    PrincipalId: member.id,
    Member: member.kind === 'group' ? groupEntity(urls, member) : userEntity(urls, member),
    RoleDefinitionBindings: defs.map((d) => roleDefinitionEntity(urls, d))
  });
}

/** The `_api` relative URI of a list. */
export function listUri(list: ListInfo): string {
  return `Web/Lists(guid'${list.id}')`;
}

/** SP.List */
export function listEntity(urls: SiteUrls, store: TenantStore, list: ListInfo, expand: ReadonlySet<string> = new Set()): ODataEntity {
  const isLibrary = list.baseTemplate === documentLibraryTemplate;
  return new ODataEntity('SP.List', `${urls.apiUrl}${listUri(list)}`, listUri(list), {
    AllowContentTypes: true, BaseTemplate: list.baseTemplate, BaseType: isLibrary ? 1 : 0, ContentTypesEnabled: list.contentTypesEnabled,
    Created: list.created, Description: list.description, EnableVersioning: list.enableVersioning, EntityTypeName: isLibrary ? list.urlName : `${list.urlName}List`,
    HasUniqueRoleAssignments: list.hasUniqueRoleAssignments, Hidden: false, Id: list.id, ItemCount: store.lists.itemCount(list.id),
    LastItemModifiedDate: list.modified, ListItemEntityTypeFullName: list.entityType, ParentWebUrl: new URL(urls.webUrl).pathname, Title: list.title,
    // Navigation properties: present only when expanded, as in SharePoint.
    ...([...expand].some((e) => e.toLowerCase() === 'rootfolder') ? { RootFolder: folderEntity(urls, store, list.rootFolder, undefined) } : {}),
    ...([...expand].some((e) => e.toLowerCase() === 'parentweb') ? { ParentWeb: webEntity(urls, store) } : {})
  });
}

/** SP.Field (typed: SP.FieldText, SP.FieldChoice, …) */
export function fieldEntity(urls: SiteUrls, list: ListInfo, field: FieldInfo): ODataEntity {
  const [type, typeAsString] = fieldTypeNames[field.typeKind] ?? ['SP.Field', 'Text'];
  const uri = `${listUri(list)}/Fields(guid'${field.id}')`;
  const props: Record<string, unknown> = {
    Description: field.description, EnforceUniqueValues: field.enforceUniqueValues, EntityPropertyName: restPropertyName(field), FieldTypeKind: field.typeKind, Hidden: field.hidden,
    Id: field.id, Indexed: field.indexed, InternalName: field.internalName, ReadOnlyField: field.readOnly, Required: field.required,
    SchemaXml: field.schemaXml || `<Field Type="${typeAsString}" DisplayName="${escapeXmlAttr(field.title)}" Name="${field.internalName}" StaticName="${field.internalName}" ID="{${field.id}}" Indexed="${field.indexed ? 'TRUE' : 'FALSE'}" EnforceUniqueValues="${field.enforceUniqueValues ? 'TRUE' : 'FALSE'}" Required="${field.required ? 'TRUE' : 'FALSE'}" />`,
    StaticName: field.internalName, Title: field.title, TypeAsString: typeAsString
  };
  if (field.typeKind === FieldType.Choice || field.typeKind === FieldType.MultiChoice) props.Choices = [...field.choices];
  return new ODataEntity(type, `${urls.apiUrl}${uri}`, uri, props);
}

function escapeXmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** SP.View */
export function viewEntity(urls: SiteUrls, list: ListInfo, view: ViewInfo): ODataEntity {
  const uri = `${listUri(list)}/Views(guid'${view.id}')`;
  return new ODataEntity('SP.View', `${urls.apiUrl}${uri}`, uri, {
    DefaultView: view.defaultView, Hidden: false, Id: view.id, PersonalView: view.personal, RowLimit: view.rowLimit,
    ServerRelativeUrl: `${list.rootFolder}/${view.title.replace(/[^A-Za-z0-9]/g, '')}.aspx`, Title: view.title, ViewQuery: view.viewQuery
  });
}

/** SP.ViewFieldCollection */
export function viewFieldsEntity(urls: SiteUrls, list: ListInfo, view: ViewInfo): ODataEntity {
  const uri = `${listUri(list)}/Views(guid'${view.id}')/ViewFields`;
  return new ODataEntity('SP.ViewFieldCollection', `${urls.apiUrl}${uri}`, uri, {
    Items: [...view.viewFields], SchemaXml: `<FieldRefs>${view.viewFields.map((f) => `<FieldRef Name="${f}" />`).join('')}</FieldRefs>`
  });
}

/** `"<version>"`: the list item ETag (`odata.etag`, `__metadata.etag` and the ETag header). */
export function itemEtag(item: StoredItem): string {
  return `"${item.version}"`;
}

function userInfoEntity(urls: SiteUrls, store: TenantStore, id: unknown): ODataEntity | null {
  const user = typeof id === 'number' ? store.principals.byId(id) : undefined;
  if (!user) return null;
  return new ODataEntity('SP.Data.UserInfoItem', `${urls.apiUrl}Web/SiteUserInfoList/Items(${user.id})`, `Web/SiteUserInfoList/Items(${user.id})`, {
    Id: user.id, Title: user.title, EMail: user.email || null, Name: user.loginName
  });
}

/**
 * One version of a list item (SP.ListItemVersion): `VersionId` (512 per major version), `VersionLabel`,
 * `IsCurrentVersion`, `Created` (when this version was written), the custom columns' values then, and the
 * editor as a user lookup value (`Editor: { LookupId, LookupValue, Email }`), as SharePoint answers it.
 */
export function itemVersionEntity(urls: SiteUrls, store: TenantStore, list: ListInfo, fields: readonly FieldInfo[], current: StoredItem, version: ItemVersion): ODataEntity {
  const props: Record<string, unknown> = {
    Created: version.modified,
    IsCurrentVersion: version.version === current.version,
    VersionId: version.version * 512,
    VersionLabel: `${version.version}.0`,
    Title: (version.data.Title as string | undefined) ?? null
  };
  for (const field of fields) {
    if (builtInItemFields.has(field.internalName)) continue;
    props[restPropertyName(field)] = version.data[restPropertyName(field)] ?? null;
  }
  const editor = store.principals.byId(version.editorId);
  props.Modified = version.modified;
  props.Editor = editor ? { LookupId: editor.id, LookupValue: editor.title, Email: editor.email || '' } : null;
  const uri = `${listUri(list)}/Items(${current.id})/Versions(${version.version * 512})`;
  return new ODataEntity('SP.ListItemVersion', `${urls.apiUrl}${uri}`, uri, props);
}

/** A list item (SP.Data.<List>ListItem) with system columns, custom columns and expanded users. */
export function itemEntity(urls: SiteUrls, store: TenantStore, list: ListInfo, fields: readonly FieldInfo[], item: StoredItem, expand: ReadonlySet<string>, parentList?: ODataEntity): ODataEntity {
  const isLibrary = list.baseTemplate === documentLibraryTemplate;
  const props: Record<string, unknown> = {
    FileSystemObjectType: item.fsType,
    Id: item.id,
    ContentTypeId: item.fsType === 1 ? '0x0120' : isLibrary ? '0x0101' : '0x01',
    Title: (item.data.Title as string | undefined) ?? null
  };
  const expandLower = new Set([...expand].map((e) => e.toLowerCase()));
  for (const field of fields) {
    if (builtInItemFields.has(field.internalName)) continue;
    const property = restPropertyName(field);
    const value = item.data[property] ?? null;
    props[property] = value;
    if (field.typeKind === FieldType.User || field.typeKind === FieldType.Lookup) {
      props[`${field.internalName}StringId`] = value === null ? null : String(value);
      if (expandLower.has(field.internalName.toLowerCase())) props[field.internalName] = field.typeKind === FieldType.User ? userInfoEntity(urls, store, value) : value === null ? null : { Id: value };
    }
  }
  props.ID = item.id;
  props.Modified = item.modified;
  props.Created = item.created;
  props.AuthorId = item.authorId;
  props.EditorId = item.editorId;
  if (expandLower.has('author')) props.Author = userInfoEntity(urls, store, item.authorId);
  if (expandLower.has('editor')) props.Editor = userInfoEntity(urls, store, item.editorId);
  props.OData__UIVersionString = `${item.version}.0`;
  props.Attachments = false;
  props.GUID = item.guid;
  if (isLibrary && item.leafName !== null) {
    props.FileLeafRef = item.leafName;
    props.FileRef = `${item.parentPath}/${item.leafName}`;
    props.FileDirRef = item.parentPath;
    // A folder item has no file: SharePoint answers File as null for it.
    if (expandLower.has('file')) props.File = item.fsType === 0 ? fileEntity(urls, store, list, item) : null;
  }
  if (parentList) props.ParentList = parentList;
  const uri = `${listUri(list)}/Items(${item.id})`;
  const type = item.fsType === 1 ? 'SP.Data.' + list.urlName + 'Folder' : list.entityType;
  return new ODataEntity(type, `${urls.apiUrl}${uri}`, uri, props, itemEtag(item));
}

/** SP.Folder for a library root or folder item. */
export function folderEntity(urls: SiteUrls, store: TenantStore, path: string, item: StoredItem | undefined): ODataEntity {
  const name = path.slice(path.lastIndexOf('/') + 1);
  let itemCount = 0;
  try {
    itemCount = store.files.filesIn(path).length + store.files.foldersIn(path).length;
  } catch {
    itemCount = 0; // lists (not libraries) have no folder content here
  }
  const uri = `Web/GetFolderByServerRelativePath(decodedurl='${pathLiteral(path)}')`;
  return new ODataEntity('SP.Folder', `${urls.apiUrl}${uri}`, uri, {
    Exists: true, IsWOPIEnabled: false, ItemCount: itemCount, Name: name, ProgID: null, ServerRelativePath: { DecodedUrl: path }, ServerRelativeUrl: path,
    TimeCreated: item?.created ?? '2026-01-05T09:00:00Z', TimeLastModified: item?.modified ?? '2026-01-05T09:00:00Z',
    // A library's root folder has no item; its id is derived from the path so it is stable and unique.
    UniqueId: item?.guid ?? stableGuid(`rootfolder:${path.toLowerCase()}`), WelcomePage: ''
  });
}

/** SP.File; `listItem` adds the expanded ListItemAllFields. */
export function fileEntity(urls: SiteUrls, store: TenantStore, list: ListInfo, item: StoredItem, listItem?: ODataEntity): ODataEntity {
  const path = `${item.parentPath}/${item.leafName ?? ''}`;
  const versions = store.files.versions(list.id, item.id);
  const current = versions[versions.length - 1];
  const major = current?.version ?? 1;
  const uri = `Web/GetFileByServerRelativePath(decodedurl='${pathLiteral(path)}')`;
  const props: Record<string, unknown> = {
    CheckInComment: '', CheckOutType: 2, ContentTag: `{${item.guid.toUpperCase()}},${major},${major}`, CustomizedPageStatus: 0,
    ETag: `"{${item.guid.toUpperCase()}},${major}"`, Exists: true, IrmEnabled: false, Length: String(current?.length ?? 0), Level: 1,
    LinkingUri: null, LinkingUrl: '', MajorVersion: major, MinorVersion: 0, Name: item.leafName, ServerRelativePath: { DecodedUrl: path }, ServerRelativeUrl: path,
    TimeCreated: item.created, TimeLastModified: current?.created ?? item.modified, Title: (item.data.Title as string | undefined) ?? null,
    UIVersion: major * 512, UIVersionLabel: `${major}.0`, UniqueId: item.guid
  };
  if (listItem) props.ListItemAllFields = listItem;
  return new ODataEntity('SP.File', `${urls.apiUrl}${uri}`, uri, props);
}

/** SP.FileVersion (an earlier version of a file). */
export function fileVersionEntity(urls: SiteUrls, list: ListInfo, item: StoredItem, version: FileVersion, isCurrent: boolean): ODataEntity {
  const path = `${item.parentPath}/${item.leafName ?? ''}`;
  const id = version.version * 512;
  const uri = `Web/GetFileByServerRelativePath(decodedurl='${pathLiteral(path)}')/Versions(${id})`;
  const relativeToWeb = path.slice(new URL(urls.webUrl).pathname.length + 1);
  return new ODataEntity('SP.FileVersion', `${urls.apiUrl}${uri}`, uri, {
    CheckInComment: '', Created: version.created, ID: id, IsCurrentVersion: isCurrent, Length: String(version.length), Size: version.length,
    Url: `_vti_history/${id}/${relativeToWeb}`, VersionLabel: `${version.version}.0`
  });
}

/** A GUID-shaped id derived from a text (stable across requests and restarts). */
function stableGuid(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
