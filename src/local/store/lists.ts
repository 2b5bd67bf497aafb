/**
 * Lists, fields, views and list items. Items keep their custom column values as JSON in `data`;
 * system columns (id, version, created, modified, author, editor) are real columns.
 */
import type { Database, SqlValue } from './db';
import { inTransaction } from './db';
import { StoreError } from './errors';
import { newGuid, toSharePointDate, type Clock } from './ids';
import { FieldType } from './field-types';
import { normaliseDate, normaliseValue, toPrincipalId } from './item-values';

export { FieldType } from './field-types';

/** A list or library. */
export interface ListInfo {
  readonly id: string;
  readonly title: string;
  readonly urlName: string;
  /** Server-relative URL of the root folder, e.g. `/sites/microdata/Lists/Dossiers`. */
  readonly rootFolder: string;
  readonly baseTemplate: number;
  readonly description: string;
  readonly entityType: string;
  readonly contentTypesEnabled: boolean;
  readonly hasUniqueRoleAssignments: boolean;
  /** SP.List.EnableVersioning: a generic list keeps every version of its items (`itemVersions`); libraries keep file versions. */
  readonly enableVersioning: boolean;
  readonly created: string;
  readonly modified: string;
}

/** One version of a list item (SP.ListItemVersion): its values, when and by whom it was written. */
export interface ItemVersion {
  readonly version: number;
  readonly data: Readonly<Record<string, unknown>>;
  readonly modified: string;
  readonly editorId: number;
}

/** A column of a list. */
export interface FieldInfo {
  readonly listId: string;
  readonly id: string;
  readonly internalName: string;
  readonly title: string;
  readonly typeKind: number;
  readonly required: boolean;
  readonly indexed: boolean;
  /** SharePoint's EnforceUniqueValues: no two items share a non-empty value (compared case-insensitively). */
  readonly enforceUniqueValues: boolean;
  readonly readOnly: boolean;
  readonly hidden: boolean;
  readonly choices: readonly string[];
  readonly schemaXml: string;
  readonly description: string;
}

/** A view of a list. */
export interface ViewInfo {
  readonly listId: string;
  readonly id: string;
  readonly title: string;
  readonly viewQuery: string;
  readonly rowLimit: number;
  readonly personal: boolean;
  readonly defaultView: boolean;
  readonly viewFields: readonly string[];
}

/** A list item, folder or file item as stored. */
export interface StoredItem {
  readonly listId: string;
  readonly id: number;
  readonly guid: string;
  readonly version: number;
  /** 0 item or file, 1 folder. */
  readonly fsType: number;
  readonly parentPath: string;
  readonly leafName: string | null;
  readonly data: Readonly<Record<string, unknown>>;
  readonly created: string;
  readonly modified: string;
  readonly authorId: number;
  readonly editorId: number;
}

/** A parameterised SQL fragment; values are always bound, never concatenated. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** What a query over items asks for. */
export interface ItemQuery {
  readonly where?: SqlFragment;
  readonly orderBy?: readonly { readonly sql: string; readonly params: readonly SqlValue[]; readonly descending: boolean }[];
  /** Extra condition to continue after the last row of the previous page. */
  readonly after?: SqlFragment;
  readonly limit: number;
}

/** Options of a write by a user. */
export interface WriteContext {
  readonly actorId: number;
  /** Site owners may set Created/Modified/Author/Editor (needed to seed a realistic history). */
  readonly mayOverrideSystemColumns: boolean;
}

const systemColumnsOverridable = new Set(['Created', 'Modified', 'AuthorId', 'EditorId']);
const readOnlyProperties = new Set(['Id', 'ID', 'GUID', 'FileSystemObjectType', 'ContentTypeId', 'OData__UIVersionString', 'Attachments', 'FileLeafRef', 'FileRef', 'ServerRedirectedEmbedUri', 'ServerRedirectedEmbedUrl', 'ComplianceAssetId']);

interface ListRow { id: string; title: string; url_name: string; root_folder: string; base_template: number; description: string; entity_type: string; content_types_enabled: number; has_unique_role_assignments: number; enable_versioning: number; created: string; modified: string }
interface FieldRow { list_id: string; id: string; internal_name: string; title: string; type_kind: number; required: number; indexed: number; enforce_unique: number; read_only: number; hidden: number; choices: string | null; schema_xml: string | null; description: string }
interface ViewRow { list_id: string; id: string; title: string; view_query: string; row_limit: number; personal: number; default_view: number; view_fields: string }
interface ItemRow { list_id: string; id: number; guid: string; version: number; fs_type: number; parent_path: string; leaf_name: string | null; data: string; created: string; modified: string; author_id: number; editor_id: number }

function toList(row: ListRow): ListInfo {
  return {
    id: row.id, title: row.title, urlName: row.url_name, rootFolder: row.root_folder, baseTemplate: Number(row.base_template),
    description: row.description, entityType: row.entity_type, contentTypesEnabled: row.content_types_enabled === 1,
    hasUniqueRoleAssignments: row.has_unique_role_assignments === 1, enableVersioning: Number(row.enable_versioning) === 1 || Number(row.base_template) === documentLibraryTemplate,
    created: row.created, modified: row.modified
  };
}

function toField(row: FieldRow): FieldInfo {
  return {
    listId: row.list_id, id: row.id, internalName: row.internal_name, title: row.title, typeKind: Number(row.type_kind),
    required: row.required === 1, indexed: row.indexed === 1, enforceUniqueValues: Number(row.enforce_unique) === 1, readOnly: row.read_only === 1, hidden: row.hidden === 1,
    choices: row.choices ? (JSON.parse(row.choices) as string[]) : [], schemaXml: row.schema_xml ?? '', description: row.description
  };
}

function toView(row: ViewRow): ViewInfo {
  return {
    listId: row.list_id, id: row.id, title: row.title, viewQuery: row.view_query, rowLimit: Number(row.row_limit),
    personal: row.personal === 1, defaultView: row.default_view === 1, viewFields: JSON.parse(row.view_fields) as string[]
  };
}

/** Converts a stored row into a StoredItem. */
export function toItem(row: ItemRow): StoredItem {
  return {
    listId: row.list_id, id: Number(row.id), guid: row.guid, version: Number(row.version), fsType: Number(row.fs_type),
    parentPath: row.parent_path, leafName: row.leaf_name, data: JSON.parse(row.data) as Record<string, unknown>,
    created: row.created, modified: row.modified, authorId: Number(row.author_id), editorId: Number(row.editor_id)
  };
}

/**
 * SharePoint's fixed ids of the built-in columns (the same in every list of every tenant; callers such as
 * PnPjs' tests address `Title` as `fields('fa564e0f-…')`).
 */
export const builtInFieldIds: Readonly<Record<string, string>> = {
  ID: '1d22ea11-1e32-424e-89ab-9fedbadb6ce1',
  Title: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247',
  Created: '8c06beca-0777-48f7-91c7-6da68bc07b69',
  Modified: '28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f',
  Author: '1df5e554-ec7e-46a6-901d-d85a3881cb18',
  Editor: 'd31655d1-1d5b-4511-95a1-7a09e9b75bf2',
  FileLeafRef: '8553196d-ec8d-4564-9861-3dbe931050c8'
};

/** Document library template id. */
export const documentLibraryTemplate = 101;
/** Generic list template id. */
export const genericListTemplate = 100;

/** The REST property name of a field: user and lookup columns are written and read as `<Name>Id`. */
export function restPropertyName(field: FieldInfo): string {
  return field.typeKind === FieldType.User || field.typeKind === FieldType.Lookup ? `${field.internalName}Id` : field.internalName;
}

/** SharePoint's SPDuplicateValuesFoundException. */
function duplicateValues(): StoreError {
  return new StoreError('conflict', 'The list item could not be added or updated because duplicate values were found in one or more fields in the list.', '-2130575169, Microsoft.SharePoint.SPDuplicateValuesFoundException');
}

/** Null, undefined, '' and [] are "no value" for unique columns. */
function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** SharePoint enforces unique values only on indexed columns. */
function requireIndexedWhenUnique(internalName: string, unique: boolean, indexed: boolean): void {
  if (unique && !indexed) {
    throw new StoreError('invalid', `The column '${internalName}' must be indexed before it can enforce unique values (Indexed="TRUE" with EnforceUniqueValues="TRUE").`, '-2130575140, Microsoft.SharePoint.SPException');
  }
}

/** Characters SharePoint does not allow in list URLs are dropped from the title. */
function urlNameFor(title: string): string {
  return title.replace(/[^A-Za-z0-9_-]/g, '') || 'List';
}

/** Reads and writes lists, fields, views and items. */
export class ListStore {
  constructor(private readonly db: Database, private readonly clock: Clock, private readonly webUrl: string) {}

  private now(): string {
    return toSharePointDate(this.clock());
  }

  /** Every list, by title. */
  lists(): ListInfo[] {
    return (this.db.prepare('SELECT * FROM lists ORDER BY title').all() as unknown as ListRow[]).map(toList);
  }

  /** A list by title (case-insensitive) or undefined. */
  byTitle(title: string): ListInfo | undefined {
    const row = this.db.prepare('SELECT * FROM lists WHERE title = ? COLLATE NOCASE').get(title) as ListRow | undefined;
    return row ? toList(row) : undefined;
  }

  /** A list by id (GUID, case-insensitive) or undefined. */
  byId(id: string): ListInfo | undefined {
    const row = this.db.prepare('SELECT * FROM lists WHERE id = ?').get(id.toLowerCase()) as ListRow | undefined;
    return row ? toList(row) : undefined;
  }

  /** The library whose root folder contains a server-relative path. */
  byPath(serverRelativePath: string): ListInfo | undefined {
    const lower = serverRelativePath.toLowerCase();
    return this.lists().find((l) => lower === l.rootFolder.toLowerCase() || lower.startsWith(`${l.rootFolder.toLowerCase()}/`));
  }

  /** A list by title, or a StoreError with SharePoint's message. */
  requireByTitle(title: string): ListInfo {
    const list = this.byTitle(title);
    if (!list) throw new StoreError('notFound', `List '${title}' does not exist at site with URL '${this.webUrl}'.`);
    return list;
  }

  /** A list by id, or a StoreError. */
  requireById(id: string): ListInfo {
    const list = this.byId(id);
    if (!list) throw new StoreError('notFound', `List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.`, '-2130575322, Microsoft.SharePoint.SPException');
    return list;
  }

  /** Creates a list (100) or document library (101) with its built-in columns. */
  createList(input: { title: string; baseTemplate: number; description?: string; contentTypesEnabled?: boolean; enableVersioning?: boolean }, sitePath: string): ListInfo {
    const title = input.title.trim();
    if (title.length === 0 || title.length > 255) throw new StoreError('invalid', 'A list title must have 1 to 255 characters.');
    if (/[\\/:*?"<>|#%]/.test(title)) throw new StoreError('invalid', `The list title '${title}' contains characters that are not allowed.`);
    if (input.baseTemplate !== genericListTemplate && input.baseTemplate !== documentLibraryTemplate) {
      throw new StoreError('invalid', `BaseTemplate ${String(input.baseTemplate)} is not supported by the local tenant (use 100 or 101).`);
    }
    if (this.byTitle(title)) {
      throw new StoreError('conflict', 'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.');
    }
    const isLibrary = input.baseTemplate === documentLibraryTemplate;
    const urlName = urlNameFor(title);
    const rootFolder = isLibrary ? `${sitePath}/${urlName}` : `${sitePath}/Lists/${urlName}`;
    if (this.db.prepare('SELECT 1 FROM lists WHERE root_folder = ? COLLATE NOCASE').get(rootFolder)) {
      throw new StoreError('conflict', `A list with the URL '${rootFolder}' already exists.`);
    }
    const id = newGuid();
    const entityType = isLibrary ? `SP.Data.${urlName}Item` : `SP.Data.${urlName}ListItem`;
    const now = this.now();
    inTransaction(this.db, () => {
      this.db
        .prepare('INSERT INTO lists (id, title, url_name, root_folder, base_template, description, entity_type, content_types_enabled, enable_versioning, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, title, urlName, rootFolder, input.baseTemplate, input.description ?? '', entityType, input.contentTypesEnabled ? 1 : 0, input.enableVersioning ? 1 : 0, now, now);
      const builtIns: [string, string, number, boolean, boolean][] = [
        ['ID', 'ID', FieldType.Counter, true, true],
        ['Title', isLibrary ? 'Titel' : 'Titel', FieldType.Text, false, false],
        ['Created', 'Gemaakt', FieldType.DateTime, false, true],
        ['Modified', 'Gewijzigd', FieldType.DateTime, false, true],
        ['Author', 'Gemaakt door', FieldType.User, false, true],
        ['Editor', 'Gewijzigd door', FieldType.User, false, true]
      ];
      if (isLibrary) builtIns.push(['FileLeafRef', 'Naam', FieldType.File, false, true]);
      builtIns.forEach(([internalName, fieldTitle, kind, indexed, readOnly], order) => {
        this.db
          .prepare('INSERT INTO fields (list_id, id, internal_name, title, type_kind, required, indexed, read_only, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(id, builtInFieldIds[internalName] ?? newGuid(), internalName, fieldTitle, kind, internalName === 'Title' && !isLibrary ? 1 : 0, indexed ? 1 : 0, readOnly ? 1 : 0, order);
      });
      this.db
        .prepare("INSERT INTO views (list_id, id, title, view_query, row_limit, default_view, view_fields) VALUES (?, ?, ?, '', 30, 1, ?)")
        .run(id, newGuid(), isLibrary ? 'Alle documenten' : 'Alle items', JSON.stringify(isLibrary ? ['DocIcon', 'LinkFilename', 'Modified', 'Editor'] : ['LinkTitle']));
    });
    return this.byId(id) as ListInfo;
  }

  /** Updates simple list properties (Title, Description). */
  updateList(listId: string, changes: { title?: string; description?: string; enableVersioning?: boolean }): ListInfo {
    const list = this.requireById(listId);
    const title = changes.title?.trim() ?? list.title;
    if (title.length === 0) throw new StoreError('invalid', 'A list title must not be empty.');
    const versioning = changes.enableVersioning ?? list.enableVersioning;
    this.db.prepare('UPDATE lists SET title = ?, description = ?, enable_versioning = ?, modified = ? WHERE id = ?').run(title, changes.description ?? list.description, versioning ? 1 : 0, this.now(), listId);
    return this.requireById(listId);
  }

  /** Deletes a list with its fields, views and items. */
  deleteList(listId: string): void {
    this.requireById(listId);
    this.db.prepare('DELETE FROM lists WHERE id = ?').run(listId);
    this.db.prepare('DELETE FROM role_assignments WHERE scope = ?').run(listId);
  }

  /** Marks a list as having its own role assignments. */
  setUniqueRoleAssignments(listId: string, unique: boolean): void {
    this.db.prepare('UPDATE lists SET has_unique_role_assignments = ? WHERE id = ?').run(unique ? 1 : 0, listId);
  }

  /** Number of items (including folders) in a list. */
  itemCount(listId: string): number {
    return Number((this.db.prepare('SELECT COUNT(*) AS n FROM items WHERE list_id = ?').get(listId) as { n: number }).n);
  }

  /** Every field of a list, in creation order. */
  fields(listId: string): FieldInfo[] {
    return (this.db.prepare('SELECT * FROM fields WHERE list_id = ? ORDER BY sort_order').all(listId) as unknown as FieldRow[]).map(toField);
  }

  /** A field by internal name, or by title when no internal name matches (getbyinternalnameortitle). */
  fieldByNameOrTitle(listId: string, nameOrTitle: string): FieldInfo | undefined {
    const all = this.fields(listId);
    return all.find((f) => f.internalName === nameOrTitle) ?? all.find((f) => f.title.toLowerCase() === nameOrTitle.toLowerCase()) ?? all.find((f) => f.internalName.toLowerCase() === nameOrTitle.toLowerCase());
  }

  /** A field by id. */
  fieldById(listId: string, id: string): FieldInfo | undefined {
    return this.fields(listId).find((f) => f.id === id.toLowerCase());
  }

  /** Adds a column. Internal names must be plain identifiers so they are safe in JSON paths and OData. */
  addField(listId: string, input: { title: string; internalName?: string; typeKind: number; required?: boolean; indexed?: boolean; enforceUniqueValues?: boolean; choices?: readonly string[]; schemaXml?: string; description?: string }): FieldInfo {
    this.requireById(listId);
    const title = input.title.trim();
    if (!title) throw new StoreError('invalid', 'A field needs a Title.');
    const internalName = (input.internalName ?? title).replace(/\s+/g, '_x0020_');
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(internalName)) {
      throw new StoreError('invalid', `The internal name '${internalName}' is not valid: use letters, digits and underscores (at most 32, starting with a letter).`);
    }
    const known = Object.values(FieldType) as number[];
    if (!known.includes(input.typeKind)) throw new StoreError('invalid', `FieldTypeKind ${String(input.typeKind)} is not supported by the local tenant.`);
    requireIndexedWhenUnique(internalName, input.enforceUniqueValues === true, input.indexed === true);
    if (this.fields(listId).some((f) => f.internalName.toLowerCase() === internalName.toLowerCase())) {
      throw new StoreError('conflict', `A duplicate field name "${internalName}" was found.`, '-2130575340, Microsoft.SharePoint.SPException');
    }
    const order = Number((this.db.prepare('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM fields WHERE list_id = ?').get(listId) as { n: number }).n);
    const id = newGuid();
    this.db
      .prepare('INSERT INTO fields (list_id, id, internal_name, title, type_kind, required, indexed, enforce_unique, choices, schema_xml, description, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(listId, id, internalName, title, input.typeKind, input.required ? 1 : 0, input.indexed ? 1 : 0, input.enforceUniqueValues ? 1 : 0, input.choices ? JSON.stringify(input.choices) : null, input.schemaXml ?? null, input.description ?? '', order);
    return this.fieldById(listId, id) as FieldInfo;
  }

  /** Changes field properties (Indexed, Required, Title, Description, Choices). */
  updateField(listId: string, fieldId: string, changes: { indexed?: boolean; required?: boolean; enforceUniqueValues?: boolean; title?: string; description?: string; choices?: readonly string[] }): FieldInfo {
    const field = this.fieldById(listId, fieldId);
    if (!field) throw new StoreError('notFound', 'Field does not exist.');
    if (field.internalName === 'ID' && changes.indexed === false) throw new StoreError('invalid', 'The ID column is always indexed.');
    const enforceUnique = changes.enforceUniqueValues ?? field.enforceUniqueValues;
    requireIndexedWhenUnique(field.internalName, enforceUnique, changes.indexed ?? field.indexed);
    if (enforceUnique && !field.enforceUniqueValues) this.requireNoDuplicates(listId, field);
    this.db
      .prepare('UPDATE fields SET indexed = ?, required = ?, enforce_unique = ?, title = ?, description = ?, choices = ? WHERE list_id = ? AND id = ?')
      .run(
        (changes.indexed ?? field.indexed) ? 1 : 0,
        (changes.required ?? field.required) ? 1 : 0,
        enforceUnique ? 1 : 0,
        changes.title ?? field.title,
        changes.description ?? field.description,
        changes.choices ? JSON.stringify(changes.choices) : field.choices.length ? JSON.stringify(field.choices) : null,
        listId,
        fieldId
      );
    return this.fieldById(listId, fieldId) as FieldInfo;
  }

  /** Every view of a list. */
  views(listId: string): ViewInfo[] {
    return (this.db.prepare('SELECT * FROM views WHERE list_id = ? ORDER BY default_view DESC, title').all(listId) as unknown as ViewRow[]).map(toView);
  }

  /** A view by title (case-insensitive) or id. */
  view(listId: string, titleOrId: string): ViewInfo | undefined {
    return this.views(listId).find((v) => v.id === titleOrId.toLowerCase() || v.title.toLowerCase() === titleOrId.toLowerCase());
  }

  /** Creates a view. */
  addView(listId: string, input: { title: string; viewQuery?: string; rowLimit?: number; personal?: boolean; viewFields?: readonly string[] }): ViewInfo {
    this.requireById(listId);
    const title = input.title.trim();
    if (!title) throw new StoreError('invalid', 'A view needs a Title.');
    if (this.view(listId, title)) throw new StoreError('conflict', `A view named '${title}' already exists.`);
    const id = newGuid();
    this.db
      .prepare('INSERT INTO views (list_id, id, title, view_query, row_limit, personal, view_fields) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(listId, id, title, input.viewQuery ?? '', input.rowLimit ?? 30, input.personal ? 1 : 0, JSON.stringify(input.viewFields ?? []));
    return this.view(listId, id) as ViewInfo;
  }

  /** Adds a column to a view (idempotent, like SharePoint's addviewfield). */
  addViewField(listId: string, viewId: string, fieldName: string): void {
    const view = this.view(listId, viewId);
    if (!view) throw new StoreError('notFound', 'View does not exist.');
    if (!this.fieldByNameOrTitle(listId, fieldName) && !['LinkTitle', 'DocIcon', 'LinkFilename'].includes(fieldName)) {
      throw new StoreError('invalid', `Column '${fieldName}' does not exist. It may have been deleted by another user.`, '-2146232832, Microsoft.SharePoint.SPException');
    }
    if (view.viewFields.includes(fieldName)) return;
    this.db.prepare('UPDATE views SET view_fields = ? WHERE list_id = ? AND id = ?').run(JSON.stringify([...view.viewFields, fieldName]), listId, view.id);
  }

  /** One item or undefined. */
  item(listId: string, id: number): StoredItem | undefined {
    const row = this.db.prepare('SELECT * FROM items WHERE list_id = ? AND id = ?').get(listId, id) as ItemRow | undefined;
    return row ? toItem(row) : undefined;
  }

  /** One item, or SharePoint's "item does not exist" error. */
  requireItem(listId: string, id: number): StoredItem {
    const item = this.item(listId, id);
    if (!item) throw new StoreError('notFound', 'Item does not exist. It may have been deleted by another user.', '-2130575338, System.ArgumentException');
    return item;
  }

  /** Items matching a query (the caller built `where`/`orderBy` from bound fragments). */
  queryItems(listId: string, query: ItemQuery): StoredItem[] {
    const conditions = ['i.list_id = ?'];
    const params: SqlValue[] = [listId];
    if (query.where) {
      conditions.push(`(${query.where.sql})`);
      params.push(...query.where.params);
    }
    if (query.after) {
      conditions.push(`(${query.after.sql})`);
      params.push(...query.after.params);
    }
    const order = [...(query.orderBy ?? []).map((o) => `${o.sql} ${o.descending ? 'DESC' : 'ASC'}`), 'i.id ASC'].join(', ');
    for (const o of query.orderBy ?? []) params.push(...o.params);
    params.push(query.limit);
    const rows = this.db.prepare(`SELECT i.* FROM items i WHERE ${conditions.join(' AND ')} ORDER BY ${order} LIMIT ?`).all(...params) as unknown as ItemRow[];
    return rows.map(toItem);
  }

  /**
   * Validates and normalises the REST properties of an item write against the list's columns.
   * Unknown properties are refused the way SharePoint refuses them.
   */
  normaliseValues(list: ListInfo, values: Readonly<Record<string, unknown>>, context: WriteContext, fields: readonly FieldInfo[] = this.fields(list.id)): { data: Record<string, unknown>; system: Partial<Record<'Created' | 'Modified' | 'AuthorId' | 'EditorId', unknown>> } {
    const byProperty = new Map(fields.map((f) => [restPropertyName(f), f]));
    const data: Record<string, unknown> = {};
    const system: Partial<Record<'Created' | 'Modified' | 'AuthorId' | 'EditorId', unknown>> = {};
    for (const [key, raw] of Object.entries(values)) {
      if (key === '__metadata' || key.startsWith('odata.') || key.startsWith('@odata')) continue;
      if (systemColumnsOverridable.has(key)) {
        if (!context.mayOverrideSystemColumns) throw new StoreError('invalid', `The property '${key}' is read-only for this user.`);
        system[key as 'Created'] = raw;
        continue;
      }
      if (readOnlyProperties.has(key)) throw new StoreError('invalid', `The property '${key}' is read-only and cannot be set.`);
      const field = byProperty.get(key);
      if (!field || field.readOnly) {
        throw new StoreError('invalid', `The property '${key}' does not exist on type '${list.entityType}'. Make sure to only use property names that are defined by the type.`);
      }
      data[key] = normaliseValue(field, raw);
    }
    return { data, system };
  }

  /** Adds an item (or, with `fsType`/`leafName`, a folder or file item of a library). */
  addItem(list: ListInfo, values: Readonly<Record<string, unknown>>, context: WriteContext, placement?: { fsType: number; parentPath: string; leafName: string }, fields?: readonly FieldInfo[]): StoredItem {
    const { data, system } = this.normaliseValues(list, values, context, fields);
    const now = this.now();
    const created = system.Created !== undefined ? normaliseDate('Created', system.Created) : now;
    const modified = system.Modified !== undefined ? normaliseDate('Modified', system.Modified) : created;
    const authorId = system.AuthorId !== undefined ? toPrincipalId('AuthorId', system.AuthorId) : context.actorId;
    const editorId = system.EditorId !== undefined ? toPrincipalId('EditorId', system.EditorId) : authorId;
    return inTransaction(this.db, () => {
      this.requireUniqueValues(list.id, fields ?? this.fields(list.id), data, undefined);
      const next = Number((this.db.prepare('UPDATE lists SET next_item_id = next_item_id + 1 WHERE id = ? RETURNING next_item_id - 1 AS id').get(list.id) as { id: number }).id);
      this.db
        .prepare('INSERT INTO items (list_id, id, guid, version, fs_type, parent_path, leaf_name, data, created, modified, author_id, editor_id) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(list.id, next, newGuid(), placement?.fsType ?? 0, placement?.parentPath ?? list.rootFolder, placement?.leafName ?? null, JSON.stringify(data), created, modified, authorId, editorId);
      const item = this.item(list.id, next) as StoredItem;
      this.recordVersion(list, item);
      return item;
    });
  }

  /**
   * Merges values into an item. `ifMatch` is the version the caller last saw (undefined or '*' to
   * skip the check); a mismatch raises preconditionFailed (HTTP 412).
   */
  updateItem(list: ListInfo, id: number, values: Readonly<Record<string, unknown>>, context: WriteContext, expectedVersion?: number): StoredItem {
    return inTransaction(this.db, () => {
      const current = this.requireItem(list.id, id);
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new StoreError('preconditionFailed', 'The request ETag value does not match the object\'s ETag value.', '-1, Microsoft.SharePoint.Client.ClientServiceException');
      }
      const { data, system } = this.normaliseValues(list, values, context);
      this.requireUniqueValues(list.id, this.fields(list.id), data, id);
      const merged = { ...current.data, ...data };
      const modified = system.Modified !== undefined ? normaliseDate('Modified', system.Modified) : this.now();
      const editorId = system.EditorId !== undefined ? toPrincipalId('EditorId', system.EditorId) : context.actorId;
      this.db
        .prepare('UPDATE items SET data = ?, version = version + 1, modified = ?, editor_id = ? WHERE list_id = ? AND id = ?')
        .run(JSON.stringify(merged), modified, editorId, list.id, id);
      const item = this.item(list.id, id) as StoredItem;
      this.recordVersion(list, item);
      return item;
    });
  }

  /** Keeps the item as written now as a version, in a generic list with versioning on. */
  private recordVersion(list: ListInfo, item: StoredItem): void {
    if (!list.enableVersioning || list.baseTemplate === documentLibraryTemplate) return;
    this.db
      .prepare('INSERT OR REPLACE INTO item_versions (list_id, item_id, version, data, modified, editor_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(list.id, item.id, item.version, JSON.stringify(item.data), item.modified, item.editorId);
  }

  /**
   * The versions of an item of a generic list, newest first (SharePoint's order). Empty when versioning
   * was off while it was written; an item written before versioning was turned on starts at its next write.
   */
  itemVersions(listId: string, id: number): ItemVersion[] {
    this.requireItem(listId, id);
    const rows = this.db
      .prepare('SELECT version, data, modified, editor_id FROM item_versions WHERE list_id = ? AND item_id = ? ORDER BY version DESC')
      .all(listId, id) as unknown as { version: number; data: string; modified: string; editor_id: number }[];
    return rows.map((row) => ({ version: Number(row.version), data: JSON.parse(row.data) as Record<string, unknown>, modified: row.modified, editorId: Number(row.editor_id) }));
  }

  /**
   * SharePoint refuses an add or update that gives a column with EnforceUniqueValues a value another
   * item of the list has (text compared case-insensitively); empty values never collide.
   */
  private requireUniqueValues(listId: string, fields: readonly FieldInfo[], data: Readonly<Record<string, unknown>>, exceptId: number | undefined): void {
    for (const field of fields) {
      if (!field.enforceUniqueValues) continue;
      const property = restPropertyName(field);
      const value = data[property];
      if (isEmptyValue(value)) continue;
      const path = `$."${property}"`;
      const row = typeof value === 'string'
        ? this.db.prepare('SELECT id FROM items WHERE list_id = ? AND id IS NOT ? AND lower(json_extract(data, ?)) = lower(?) LIMIT 1').get(listId, exceptId ?? null, path, value)
        : this.db.prepare('SELECT id FROM items WHERE list_id = ? AND id IS NOT ? AND json_extract(data, ?) = ? LIMIT 1').get(listId, exceptId ?? null, path, typeof value === 'boolean' ? (value ? 1 : 0) : (value as SqlValue));
      if (row) throw duplicateValues();
    }
  }

  /** Turning EnforceUniqueValues on fails while the list already holds duplicates, as in SharePoint. */
  private requireNoDuplicates(listId: string, field: FieldInfo): void {
    const path = `$."${restPropertyName(field)}"`;
    const row = this.db
      .prepare("SELECT lower(json_extract(data, ?)) AS v FROM items WHERE list_id = ? AND json_extract(data, ?) IS NOT NULL AND json_extract(data, ?) != '' GROUP BY v HAVING COUNT(*) > 1 LIMIT 1")
      .get(path, listId, path, path);
    if (row) throw duplicateValues();
  }

  /** Marks an item as changed (a new file version): bumps version, modified and editor. */
  touchItem(listId: string, id: number, actorId: number): void {
    this.db.prepare('UPDATE items SET version = version + 1, modified = ?, editor_id = ? WHERE list_id = ? AND id = ?').run(this.now(), actorId, listId, id);
  }

  /** Deletes an item, optionally checking the version first. */
  deleteItem(listId: string, id: number, expectedVersion?: number): void {
    inTransaction(this.db, () => {
      const current = this.requireItem(listId, id);
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new StoreError('preconditionFailed', 'The request ETag value does not match the object\'s ETag value.');
      }
      this.db.prepare('DELETE FROM items WHERE list_id = ? AND id = ?').run(listId, id);
    });
  }

  /**
   * Inserts many plain items in one transaction, bypassing REST (tests and benchmarks: the 5,000-item
   * threshold needs lists of 20,000 rows fast). Values are normalised like REST writes.
   */
  bulkInsert(listId: string, rows: readonly Readonly<Record<string, unknown>>[], actorId: number): number {
    const list = this.requireById(listId);
    const context: WriteContext = { actorId, mayOverrideSystemColumns: true };
    const fields = this.fields(listId);
    return inTransaction(this.db, () => {
      for (const row of rows) this.addItem(list, row, context, undefined, fields);
      return rows.length;
    });
  }
}
