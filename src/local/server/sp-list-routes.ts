/**
 * SharePoint REST lists, fields, views and list items.
 * Reference: https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest
 */
import { documentLibraryTemplate, type FieldInfo, type ListInfo, type StoredItem } from '../store/lists';
import { Permission } from '../store/permissions';
import { StoreError } from '../store/errors';
import { HttpError, badRequest, bodyJson, type LtResponse } from './http';
import { decodeSkipToken, encodeSkipToken, queryItemPage } from './item-query';
import { expectedVersion, methodNotAllowed, requireNoKey, requireSiteReader, unsupported, type SpRequestContext } from './sp-context';
import { parseFieldSchemaXml } from './field-schema-xml';
import { booleanArg, numberArg, stringArg, type Segment } from './sp-path';
import { fieldEntity, itemEntity, itemEtag, itemVersionEntity, listEntity, listUri, viewEntity, viewFieldsEntity } from './sp-entities';
import { parentListOf } from './sp-context';
import { handleFolderResource } from './sp-files-routes';
import { roleAssignments } from './sp-principal-routes';
import type { ODataEntity } from '../odata/format';

/** SP.List properties the local tenant stores (besides the read-only ones it reports). */
const storedListProperties = new Set(['Title', 'Description', 'BaseTemplate', 'ContentTypesEnabled', 'EnableVersioning']);
/** Properties SharePoint's SP.List has that the local tenant does not emulate: refused with 501, not ignored. */
const emulatedNotListProperties = new Set([
  'AllowContentTypes', 'AllowDeletion', 'DefaultContentApprovalWorkflowId', 'DefaultDisplayFormUrl', 'DefaultEditFormUrl', 'DefaultNewFormUrl',
  'Direction', 'DisableGridEditing', 'DocumentTemplateUrl', 'DraftVersionVisibility', 'EnableAttachments', 'EnableFolderCreation',
  'EnableMinorVersions', 'EnableModeration', 'EnableRequestSignOff', 'ExcludeFromOfflineClient', 'ForceCheckout', 'Hidden',
  'ImageUrl', 'IrmEnabled', 'IrmExpire', 'IrmReject', 'IsApplicationList', 'ListExperienceOptions', 'MajorVersionLimit',
  'MajorWithMinorVersionsLimit', 'NoCrawl', 'OnQuickLaunch', 'ParserDisabled', 'ReadSecurity', 'TemplateFeatureId', 'ValidationFormula',
  'ValidationMessage', 'WriteSecurity'
]);
/** Properties SharePoint reports but never lets a caller set. */
const readOnlyListProperties = new Set(['Id', 'Created', 'ItemCount', 'LastItemModifiedDate', 'EntityTypeName', 'ListItemEntityTypeFullName', 'ParentWebUrl', 'BaseType', 'HasUniqueRoleAssignments']);

/**
 * Checks a list body (create or MERGE) property by property, as SharePoint does: an unknown property is
 * SharePoint's 400, one SharePoint knows but the local tenant does not emulate a 501 (never silently
 * ignored), a read-only one a 400.
 */
function requireListProperties(ctx: SpRequestContext, body: Record<string, unknown>, existing: ListInfo | undefined): void {
  for (const name of Object.keys(body)) {
    if (name === '__metadata' || name === 'Title' || name === 'Description') continue;
    if (existing && name === 'BaseTemplate' && Number(body.BaseTemplate) === existing.baseTemplate) continue;
    if (existing && name === 'ContentTypesEnabled' && body.ContentTypesEnabled === existing.contentTypesEnabled) continue;
    // Versioning of a generic list can be turned on and off (a library always keeps its file versions).
    if (name === 'EnableVersioning') {
      if (typeof body.EnableVersioning !== 'boolean') throw badRequest(`The property 'EnableVersioning' must be a Boolean.`, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
      if (existing?.baseTemplate === documentLibraryTemplate && body.EnableVersioning !== true) throw unsupported(ctx, 'turning versioning of a library off');
      continue;
    }
    if (existing && storedListProperties.has(name)) throw unsupported(ctx, `changing '${name}' of a list`);
    // PnPjs always sends AllowContentTypes on creation; the local tenant's lists always allow them (as SPO reports).
    if (!existing && (storedListProperties.has(name) || name === 'AllowContentTypes')) continue;
    if (emulatedNotListProperties.has(name)) throw unsupported(ctx, `the list property '${name}'`);
    if (readOnlyListProperties.has(name)) throw badRequest(`The property '${name}' of type 'SP.List' is read-only.`, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
    throw badRequest(`The property '${name}' does not exist on type 'SP.List'. Make sure to only use property names that are defined by the type.`, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
  }
}

function resolveList(ctx: SpRequestContext, lists: Segment, selector: Segment | undefined): { list: ListInfo; consumed: number } | undefined {
  if (lists.hasParens) return { list: ctx.store.lists.requireById(stringArg(lists, 'id')), consumed: 0 };
  if (!selector) return undefined;
  if (selector.name === 'getbytitle') return { list: ctx.store.lists.requireByTitle(stringArg(selector, 'title')), consumed: 1 };
  if (selector.name === 'getbyid') return { list: ctx.store.lists.requireById(stringArg(selector, 'id')), consumed: 1 };
  return undefined;
}

/** `web/lists[...]` and everything below a list. */
export async function lists(ctx: SpRequestContext, listsSegment: Segment, segments: Segment[]): Promise<LtResponse> {
  const { store, respond, method } = ctx;
  const resolved = resolveList(ctx, listsSegment, segments[0]);
  if (!resolved) {
    if (segments.length) throw unsupported(ctx);
    if (method === 'GET') {
      requireSiteReader(ctx);
      const visible = store.lists.lists().filter((l) => ctx.access.hasList(l, Permission.viewListItems));
      return respond.collection(visible.map((l) => listEntity(ctx.urls, store, l, respond.expand)), 'SP.ApiData.Lists');
    }
    if (method !== 'POST') throw methodNotAllowed(method);
    ctx.access.requireWeb(Permission.manageLists);
    const body = bodyJson(ctx.request);
    if (typeof body.Title !== 'string') throw badRequest('A list needs a Title.');
    requireListProperties(ctx, body, undefined);
    const list = store.lists.createList(
      { title: body.Title, baseTemplate: Number(body.BaseTemplate ?? 100), description: typeof body.Description === 'string' ? body.Description : '', contentTypesEnabled: body.ContentTypesEnabled === true, enableVersioning: body.EnableVersioning === true },
      new URL(ctx.urls.webUrl).pathname
    );
    return respond.entity(listEntity(ctx.urls, store, list, respond.expand), 'SP.ApiData.Lists', 201);
  }
  const { list } = resolved;
  const rest = segments.slice(resolved.consumed);
  const [next, ...after] = rest;
  if (!next) {
    if (method === 'GET') {
      ctx.access.requireList(list, Permission.viewListItems);
      return respond.entity(listEntity(ctx.urls, store, list, respond.expand), 'SP.ApiData.Lists');
    }
    ctx.access.requireWeb(Permission.manageLists);
    if (method === 'MERGE' || method === 'PATCH') {
      const body = bodyJson(ctx.request);
      requireListProperties(ctx, body, list);
      store.lists.updateList(list.id, {
        title: typeof body.Title === 'string' ? body.Title : undefined,
        description: typeof body.Description === 'string' ? body.Description : undefined,
        enableVersioning: typeof body.EnableVersioning === 'boolean' && list.baseTemplate !== documentLibraryTemplate ? body.EnableVersioning : undefined
      });
      return respond.noContent();
    }
    if (method === 'DELETE') {
      store.lists.deleteList(list.id);
      return respond.ok();
    }
    throw methodNotAllowed(method);
  }
  switch (next.name) {
    case 'items':
      return items(ctx, list, next, after);
    case 'fields':
      return fields(ctx, list, next, after);
    case 'views':
      return views(ctx, list, next, after);
    case 'defaultview': {
      // The list's default view, addressed as `views('<id>')` would be.
      requireNoKey(next);
      const view = store.lists.views(list.id).find((v) => v.defaultView);
      if (!view) throw new HttpError(404, 'The specified view is invalid.', '-2147024809, System.ArgumentException', 'itemNotFound');
      return views(ctx, list, { name: 'views', hasParens: true, positional: [view.id], named: new Map() }, after);
    }
    case 'getview':
      return views(ctx, list, { name: 'views', hasParens: true, positional: [stringArg(next, 'viewid')], named: new Map() }, after);
    case 'rootfolder':
      requireNoKey(next);
      return handleFolderResource(ctx, list.rootFolder, after);
    case 'roleassignments':
      requireNoKey(next);
      return roleAssignments(ctx, list.id, listUri(list), after);
    case 'breakroleinheritance': {
      if (method !== 'POST') throw methodNotAllowed(method);
      ctx.access.requireWeb(Permission.managePermissions);
      store.permissions.clearScope(list.id);
      if (booleanArg(next, 'copyroleassignments', true)) store.permissions.copyWebAssignmentsTo(list.id);
      // SharePoint keeps the caller in: it gets Full Control on the new scope.
      else store.permissions.addAssignment(list.id, ctx.user.id, 1073741829);
      store.lists.setUniqueRoleAssignments(list.id, true);
      return respond.ok();
    }
    case 'resetroleinheritance':
      if (method !== 'POST') throw methodNotAllowed(method);
      ctx.access.requireWeb(Permission.managePermissions);
      store.permissions.clearScope(list.id);
      store.lists.setUniqueRoleAssignments(list.id, false);
      return respond.ok();
    case 'addvalidateupdateitemusingpath':
      // Not emulated; SharePoint checks the right to add items before it runs the operation, so a
      // reader is refused as there (403) and only a writer meets the emulator's 501.
      if (method !== 'POST') throw methodNotAllowed(method);
      ctx.access.requireList(list, Permission.addListItems);
      throw unsupported(ctx, `the list resource '${next.name}'`);
    default:
      throw unsupported(ctx, `the list resource '${next.name}'`);
  }
}

function writeContext(ctx: SpRequestContext): { actorId: number; mayOverrideSystemColumns: boolean } {
  return { actorId: ctx.user.id, mayOverrideSystemColumns: ctx.user.isSiteAdmin };
}

async function items(ctx: SpRequestContext, list: ListInfo, itemsSegment: Segment, segments: Segment[]): Promise<LtResponse> {
  const { store, respond, method, request } = ctx;
  let id: number | undefined;
  let rest = segments;
  if (itemsSegment.hasParens) id = numberArg(itemsSegment, 'id');
  else if (segments[0]?.name === 'getbyid') {
    id = numberArg(segments[0], 'id');
    rest = segments.slice(1);
  }
  const fieldsOfList = store.lists.fields(list.id);
  const entityOf = (item: StoredItem): ODataEntity => itemEntity(ctx.urls, store, list, fieldsOfList, item, respond.expand, parentListOf(ctx, list));
  if (id === undefined) {
    if (rest.length) throw unsupported(ctx);
    if (method === 'GET') {
      ctx.access.requireList(list, Permission.viewListItems);
      const params = request.url.searchParams;
      const token = params.get('$skiptoken');
      const page = queryItemPage(store, list, {
        dialect: 'sp', filter: params.get('$filter'), orderBy: params.get('$orderby'), top: params.get('$top'),
        position: token ? decodeSkipToken(token, 'sp') : undefined
      });
      let nextLink: string | undefined;
      if (page.next) {
        const nextUrl = new URL(request.url.toString());
        nextUrl.searchParams.set('$skiptoken', encodeSkipToken(page.next));
        nextLink = nextUrl.toString();
      }
      return respond.collection(page.items.map(entityOf), `SP.ListData.${list.urlName}ListItems`, nextLink, ['$filter', '$top', '$orderby', '$skiptoken']);
    }
    if (method !== 'POST') throw methodNotAllowed(method);
    ctx.access.requireList(list, Permission.addListItems);
    if (list.baseTemplate === documentLibraryTemplate) {
      throw badRequest('To add an item to a document library, use SPFileCollection.Add()', '-2147024809, System.ArgumentException');
    }
    const item = store.lists.addItem(list, bodyJson(request), writeContext(ctx));
    return respond.entity(entityOf(item), `SP.ListData.${list.urlName}ListItems`, 201, { etag: itemEtag(item) });
  }
  const [op] = rest;
  if (op) {
    if (op.name === 'versions' && method === 'GET' && list.baseTemplate !== documentLibraryTemplate) {
      // The item's versions, newest first (SP.ListItemVersion). A library's item versions are its file versions.
      if (op.hasParens || rest.length > 1) throw unsupported(ctx, 'one item version by id');
      ctx.access.requireList(list, Permission.viewListItems);
      const current = store.lists.requireItem(list.id, id);
      const versions = store.lists.itemVersions(list.id, id);
      return respond.collection(versions.map((version) => itemVersionEntity(ctx.urls, store, list, fieldsOfList, current, version)), 'SP.ListItemVersion');
    }
    if (op.name === 'recycle' && method === 'POST') {
      ctx.access.requireList(list, Permission.deleteListItems);
      const item = store.lists.requireItem(list.id, id);
      store.lists.deleteItem(list.id, id);
      return respond.value('Recycle', item.guid, 'Edm.Guid');
    }
    // An item operation the emulator lacks (validateUpdateListItem …): a write needs edit rights first,
    // as in SharePoint, so a reader gets 403 and only a writer meets the 501.
    if (method !== 'GET') ctx.access.requireList(list, Permission.editListItems);
    throw unsupported(ctx);
  }
  switch (method) {
    case 'GET': {
      ctx.access.requireList(list, Permission.viewListItems);
      const item = store.lists.requireItem(list.id, id);
      return respond.entity(entityOf(item), `SP.ListData.${list.urlName}ListItems`, 200, { etag: itemEtag(item) });
    }
    case 'MERGE':
    case 'PATCH':
    case 'PUT': {
      ctx.access.requireList(list, Permission.editListItems);
      const updated = store.lists.updateItem(list, id, bodyJson(request), writeContext(ctx), expectedVersion(request));
      return respond.noContent({ etag: itemEtag(updated) });
    }
    case 'DELETE':
      ctx.access.requireList(list, Permission.deleteListItems);
      store.lists.deleteItem(list.id, id, expectedVersion(request));
      return respond.ok();
    default:
      throw methodNotAllowed(method);
  }
}

function choicesOf(raw: unknown): string[] | undefined {
  if (Array.isArray(raw)) return raw.map(String);
  if (raw && typeof raw === 'object' && Array.isArray((raw as { results?: unknown }).results)) return (raw as { results: unknown[] }).results.map(String);
  return undefined;
}

function fields(ctx: SpRequestContext, list: ListInfo, fieldsSegment: Segment, segments: Segment[]): LtResponse {
  const { store, respond, method, request } = ctx;
  // `fields('<guid>')` and `fields(guid'<guid>')` address one field, as `fields/getbyid('<guid>')` does.
  const keyed = fieldsSegment.hasParens;
  const [next, ...after] = keyed ? [fieldsSegment, ...segments] : segments;
  if (!next) {
    if (method === 'GET') {
      ctx.access.requireList(list, Permission.viewListItems);
      let all = store.lists.fields(list.id);
      const filter = request.url.searchParams.get('$filter');
      if (filter) all = filterFieldsByQuery(all, filter);
      return respond.collection(all.map((f) => fieldEntity(ctx.urls, list, f)), 'SP.Field', undefined, ['$filter']);
    }
    if (method !== 'POST') throw methodNotAllowed(method);
    ctx.access.requireWeb(Permission.manageLists);
    const body = bodyJson(request);
    if (typeof body.Title !== 'string' || body.FieldTypeKind === undefined) throw badRequest('A field needs Title and FieldTypeKind.');
    const ignoredOnCreate = Object.keys(body).filter((name) => !['__metadata', 'Title', 'FieldTypeKind', 'InternalName', 'StaticName', 'Required', 'Indexed', 'EnforceUniqueValues', 'Choices', 'Description'].includes(name));
    if (ignoredOnCreate.length) throw unsupported(ctx, `the field properties ${ignoredOnCreate.map((name) => `'${name}'`).join(', ')}`);
    // SharePoint Online derives the internal name from Title and ignores InternalName here; the local
    // tenant honours InternalName/StaticName when given (documented in docs/decisions.md).
    const internalName = typeof body.InternalName === 'string' ? body.InternalName : typeof body.StaticName === 'string' ? body.StaticName : undefined;
    const field = store.lists.addField(list.id, { title: body.Title, internalName, typeKind: Number(body.FieldTypeKind), required: body.Required === true, indexed: body.Indexed === true, enforceUniqueValues: body.EnforceUniqueValues === true, choices: choicesOf(body.Choices), description: typeof body.Description === 'string' ? body.Description : '' });
    return respond.entity(fieldEntity(ctx.urls, list, field), 'SP.Field', 201);
  }
  if (next.name === 'createfieldasxml' && !keyed) {
    if (method !== 'POST') throw methodNotAllowed(method);
    ctx.access.requireWeb(Permission.manageLists);
    const parameters = bodyJson(request).parameters as { SchemaXml?: unknown } | undefined;
    if (!parameters || typeof parameters.SchemaXml !== 'string') throw badRequest('createfieldasxml needs {parameters:{SchemaXml}}.');
    const input = parseFieldSchemaXml(parameters.SchemaXml);
    const field = store.lists.addField(list.id, { ...input, schemaXml: parameters.SchemaXml });
    return respond.entity(fieldEntity(ctx.urls, list, field), 'SP.Field', 201);
  }
  let field: FieldInfo | undefined;
  if (next.name === 'getbyinternalnameortitle' || next.name === 'getbytitle') field = store.lists.fieldByNameOrTitle(list.id, stringArg(next, 'name'));
  else if (next.name === 'getbyid' || keyed) {
    const id = stringArg(next, 'id').replace(/^\{|\}$/g, '');
    field = store.lists.fieldById(list.id, id);
    if (!field) throw new HttpError(404, `Invalid field name. {${id}}  ${list.rootFolder} `, '-2147024809, System.ArgumentException', 'itemNotFound');
  } else throw unsupported(ctx, `the field resource '${next.name}'`);
  if (!field) throw new StoreError('invalid', `Column '${String(next.positional[0] ?? '')}' does not exist. It may have been deleted by another user.`, '-2146232832, Microsoft.SharePoint.SPException');
  if (after.length) throw unsupported(ctx, `the field operation '${after[0].name}'`);
  if (method === 'GET') {
    ctx.access.requireList(list, Permission.viewListItems);
    return respond.entity(fieldEntity(ctx.urls, list, field), 'SP.Field');
  }
  if (method === 'MERGE' || method === 'PATCH') {
    ctx.access.requireWeb(Permission.manageLists);
    const body = bodyJson(request);
    const ignored = Object.keys(body).filter((name) => !['__metadata', 'Indexed', 'Required', 'EnforceUniqueValues', 'Title', 'Description', 'Choices', 'FieldTypeKind'].includes(name));
    if (ignored.length) throw unsupported(ctx, `the field properties ${ignored.map((name) => `'${name}'`).join(', ')}`);
    if (body.FieldTypeKind !== undefined && Number(body.FieldTypeKind) !== field.typeKind) throw unsupported(ctx, 'changing the type of a field');
    store.lists.updateField(list.id, field.id, {
      indexed: typeof body.Indexed === 'boolean' ? body.Indexed : undefined, required: typeof body.Required === 'boolean' ? body.Required : undefined,
      enforceUniqueValues: typeof body.EnforceUniqueValues === 'boolean' ? body.EnforceUniqueValues : undefined,
      title: typeof body.Title === 'string' ? body.Title : undefined, description: typeof body.Description === 'string' ? body.Description : undefined, choices: choicesOf(body.Choices)
    });
    return respond.noContent();
  }
  throw methodNotAllowed(method);
}

/** The simple `$filter` forms used on fields: `InternalName eq 'X'`, `Hidden eq false`, combined with and/or. */
function filterFieldsByQuery(all: FieldInfo[], filter: string): FieldInfo[] {
  const clauses = filter.split(/\s+(and|or)\s+/i);
  const test = (field: FieldInfo, clause: string): boolean => {
    const match = /^\s*\(?\s*(InternalName|Title|StaticName|Hidden|ReadOnlyField|Indexed|FieldTypeKind|TypeAsString)\s+(eq|ne)\s+(?:'((?:[^']|'')*)'|(true|false|\d+))\s*\)?\s*$/i.exec(clause);
    if (!match) throw badRequest(`The fields $filter '${clause}' is not supported by the local tenant.`);
    const property = match[1].toLowerCase();
    const expected = match[3] !== undefined ? match[3].replace(/''/g, "'") : match[4];
    const actual: string = property === 'internalname' || property === 'staticname' ? field.internalName : property === 'title' ? field.title : property === 'hidden' ? String(field.hidden) : property === 'readonlyfield' ? String(field.readOnly) : property === 'indexed' ? String(field.indexed) : property === 'fieldtypekind' ? String(field.typeKind) : fieldEntityTypeName(field);
    const equal = actual.toLowerCase() === String(expected).toLowerCase();
    return match[2].toLowerCase() === 'eq' ? equal : !equal;
  };
  return all.filter((field) => {
    let result = test(field, clauses[0]);
    for (let i = 1; i < clauses.length; i += 2) {
      const value = test(field, clauses[i + 1]);
      result = clauses[i].toLowerCase() === 'and' ? result && value : result || value;
    }
    return result;
  });
}

function fieldEntityTypeName(field: FieldInfo): string {
  const names: Record<number, string> = { 2: 'Text', 3: 'Note', 4: 'DateTime', 5: 'Counter', 6: 'Choice', 7: 'Lookup', 8: 'Boolean', 9: 'Number', 15: 'MultiChoice', 18: 'File', 20: 'User' };
  return names[field.typeKind] ?? 'Text';
}

function views(ctx: SpRequestContext, list: ListInfo, viewsSegment: Segment, segments: Segment[]): LtResponse {
  const { store, respond, method, request } = ctx;
  let selector: string | undefined;
  let rest = segments;
  if (viewsSegment.hasParens) selector = stringArg(viewsSegment, 'id');
  else if (segments[0] && (segments[0].name === 'getbytitle' || segments[0].name === 'getbyid')) {
    selector = stringArg(segments[0], segments[0].name === 'getbytitle' ? 'title' : 'id');
    rest = segments.slice(1);
  }
  if (selector === undefined) {
    if (rest.length) throw unsupported(ctx);
    if (method === 'GET') {
      ctx.access.requireList(list, Permission.viewListItems);
      return respond.collection(store.lists.views(list.id).map((v) => viewEntity(ctx.urls, list, v)), 'SP.View');
    }
    if (method !== 'POST') throw methodNotAllowed(method);
    ctx.access.requireWeb(Permission.manageLists);
    const body = bodyJson(request);
    if (typeof body.Title !== 'string') throw badRequest('A view needs a Title.');
    const ignoredOnCreate = Object.keys(body).filter((name) => !['__metadata', 'Title', 'PersonalView', 'ViewQuery', 'RowLimit'].includes(name));
    if (ignoredOnCreate.length) throw unsupported(ctx, `the view properties ${ignoredOnCreate.map((name) => `'${name}'`).join(', ')}`);
    const view = store.lists.addView(list.id, { title: body.Title, viewQuery: typeof body.ViewQuery === 'string' ? body.ViewQuery : '', rowLimit: body.RowLimit === undefined ? 30 : Number(body.RowLimit), personal: body.PersonalView === true });
    return respond.entity(viewEntity(ctx.urls, list, view), 'SP.View', 201);
  }
  const view = store.lists.view(list.id, selector);
  if (!view) throw new HttpError(404, 'The specified view is invalid.', '-2147024809, System.ArgumentException', 'itemNotFound');
  const [next, op] = rest;
  if (!next) {
    if (method !== 'GET') throw methodNotAllowed(method);
    ctx.access.requireList(list, Permission.viewListItems);
    return respond.entity(viewEntity(ctx.urls, list, view), 'SP.View');
  }
  if (next.name !== 'viewfields' || next.hasParens) throw unsupported(ctx);
  if (op?.name === 'schemaxml' && rest.length === 2 && method === 'GET') {
    ctx.access.requireList(list, Permission.viewListItems);
    return respond.value('SchemaXml', viewFieldsEntity(ctx.urls, list, view).props.SchemaXml, 'Edm.String');
  }
  if (rest.length > 2) throw unsupported(ctx);
  if (!op) {
    if (method !== 'GET') throw methodNotAllowed(method);
    ctx.access.requireList(list, Permission.viewListItems);
    return respond.entity(viewFieldsEntity(ctx.urls, list, view), 'SP.ViewFieldCollection');
  }
  if (op.name === 'addviewfield' && method === 'POST') {
    ctx.access.requireWeb(Permission.manageLists);
    store.lists.addViewField(list.id, view.id, stringArg(op, 'strfield'));
    return respond.ok();
  }
  throw unsupported(ctx);
}
