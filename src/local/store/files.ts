/**
 * Folders and files of document libraries. A folder or file is an item of its library (items table,
 * with parent_path and leaf_name); file contents live in file_versions, one row per major version.
 */
import type { Database } from './db';
import { inTransaction } from './db';
import { StoreError } from './errors';
import { toSharePointDate, type Clock } from './ids';
import { documentLibraryTemplate, toItem, type ListInfo, type ListStore, type StoredItem } from './lists';

/** One stored version of a file's content. */
export interface FileVersion {
  readonly version: number;
  readonly length: number;
  readonly created: string;
  readonly authorId: number;
}

/** Characters SharePoint Online refuses in file and folder names. */
const forbiddenNameCharacters = /["*:<>?/\\|]/;

/** NUL and the other control characters (U+0000–U+001F, U+007F), which no SharePoint or OneDrive name may hold. */
const isControlCharacter = (character: string): boolean => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f;

/**
 * Checks a file or folder name the way SharePoint Online does (% and # are allowed with the
 * ResourcePath APIs; the characters " * : < > ? / \ | are not).
 */
export function validateLeafName(name: string): void {
  if (name.length === 0 || name.length > 255) throw new StoreError('invalid', 'A file or folder name must have 1 to 255 characters.');
  const controls = [...name].filter(isControlCharacter);
  if (controls.length > 0) {
    // The name is not echoed: a NUL or line break in an error message only hides what is wrong.
    const codes = [...new Set(controls.map((ch) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`))];
    throw new StoreError('invalid', `The file or folder name contains characters that are not permitted: control characters (${codes.join(', ')}).`, '-2130575245, Microsoft.SharePoint.SPException');
  }
  if (forbiddenNameCharacters.test(name) || name !== name.trim() || name.endsWith('.') || name.startsWith('~$')) {
    throw new StoreError('invalid', `The file or folder name '${name}' contains characters that are not permitted.`, '-2130575245, Microsoft.SharePoint.SPException');
  }
}

/** Splits `/a/b/c.docx` into `/a/b` and `c.docx`. */
export function splitPath(serverRelativePath: string): { parent: string; leaf: string } {
  const trimmed = serverRelativePath.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return { parent: trimmed.slice(0, slash), leaf: trimmed.slice(slash + 1) };
}

/** Normalises a server-relative path: one leading slash, no trailing slash, no empty segments. */
export function normalisePath(path: string): string {
  const segments = path.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '.' || s === '..')) throw new StoreError('invalid', `The path '${path}' is not valid.`);
  return `/${segments.join('/')}`;
}

/** Reads and writes folders, files and file versions. */
export class FileStore {
  constructor(private readonly db: Database, private readonly clock: Clock, private readonly lists: ListStore) {}

  /** The library holding a path, or a clear error when the path is outside every library. */
  libraryFor(path: string): ListInfo {
    const list = this.lists.byPath(path);
    if (!list || list.baseTemplate !== documentLibraryTemplate) {
      throw new StoreError('notFound', `File Not Found.`, '-2147024894, System.IO.FileNotFoundException');
    }
    return list;
  }

  /** The item at a server-relative path (file or folder), if any. */
  itemAt(path: string): StoredItem | undefined {
    const { parent, leaf } = splitPath(normalisePath(path));
    const row = this.db
      .prepare('SELECT * FROM items WHERE parent_path = ? COLLATE NOCASE AND leaf_name = ? COLLATE NOCASE')
      .get(parent, leaf) as Parameters<typeof toItem>[0] | undefined;
    return row ? toItem(row) : undefined;
  }

  /** True when the path is a library root or an existing folder. */
  isFolder(path: string): boolean {
    const normalised = normalisePath(path);
    const list = this.lists.byPath(normalised);
    if (list && list.rootFolder.toLowerCase() === normalised.toLowerCase()) return true;
    return this.itemAt(normalised)?.fsType === 1;
  }

  /** The file item at a path, or SharePoint's "File Not Found." error. */
  requireFile(path: string): { list: ListInfo; item: StoredItem } {
    const list = this.libraryFor(normalisePath(path));
    const item = this.itemAt(path);
    if (!item || item.fsType !== 0) throw new StoreError('notFound', 'File Not Found.', '-2147024894, System.IO.FileNotFoundException');
    return { list, item };
  }

  /** Creates a folder (and missing parents) inside a library; returns the deepest folder item. */
  ensureFolder(path: string, actorId: number): { list: ListInfo; item: StoredItem | undefined } {
    const normalised = normalisePath(path);
    const list = this.libraryFor(normalised);
    if (normalised.toLowerCase() === list.rootFolder.toLowerCase()) return { list, item: undefined };
    const relative = normalised.slice(list.rootFolder.length + 1).split('/');
    return inTransaction(this.db, () => {
      let parent = list.rootFolder;
      let item: StoredItem | undefined;
      for (const segment of relative) {
        validateLeafName(segment);
        const at = `${parent}/${segment}`;
        const existing = this.itemAt(at);
        if (existing && existing.fsType !== 1) throw new StoreError('conflict', `A file with the name '${at}' already exists.`);
        item = existing ?? this.lists.addItem(list, {}, { actorId, mayOverrideSystemColumns: false }, { fsType: 1, parentPath: parent, leafName: segment });
        parent = at;
      }
      return { list, item };
    });
  }

  /** Files directly inside a folder, by name. */
  filesIn(folderPath: string): StoredItem[] {
    return this.childrenOf(folderPath, 0);
  }

  /** Folders directly inside a folder, by name. */
  foldersIn(folderPath: string): StoredItem[] {
    return this.childrenOf(folderPath, 1);
  }

  private childrenOf(folderPath: string, fsType: number): StoredItem[] {
    const normalised = normalisePath(folderPath);
    if (!this.isFolder(normalised)) throw new StoreError('notFound', 'File Not Found.', '-2147024894, System.IO.FileNotFoundException');
    const rows = this.db
      .prepare('SELECT * FROM items WHERE parent_path = ? COLLATE NOCASE AND fs_type = ? AND leaf_name IS NOT NULL ORDER BY leaf_name')
      .all(normalised, fsType) as unknown as Parameters<typeof toItem>[0][];
    return rows.map(toItem);
  }

  /**
   * Stores a file in a folder. An existing file is replaced by a new major version when `overwrite`
   * is set, refused otherwise.
   */
  upload(folderPath: string, name: string, content: Uint8Array, overwrite: boolean, actorId: number): { list: ListInfo; item: StoredItem } {
    validateLeafName(name);
    const folder = normalisePath(folderPath);
    const list = this.libraryFor(folder);
    if (!this.isFolder(folder)) throw new StoreError('notFound', `The folder '${folder}' does not exist.`, '-2147024894, System.IO.FileNotFoundException');
    return inTransaction(this.db, () => {
      const existing = this.itemAt(`${folder}/${name}`);
      const now = toSharePointDate(this.clock());
      if (existing) {
        if (existing.fsType !== 0) throw new StoreError('conflict', `A folder with the name '${folder}/${name}' already exists.`);
        if (!overwrite) throw new StoreError('conflict', `A file with the name '${folder}/${name}' already exists. It was last modified by someone on ${existing.modified}.`, '-2130575257, Microsoft.SharePoint.SPException');
        const next = this.latestVersion(list.id, existing.id) + 1;
        this.insertVersion(list.id, existing.id, next, content, now, actorId);
        this.lists.touchItem(list.id, existing.id, actorId);
        return { list, item: this.lists.requireItem(list.id, existing.id) };
      }
      const item = this.lists.addItem(list, {}, { actorId, mayOverrideSystemColumns: false }, { fsType: 0, parentPath: folder, leafName: name });
      this.insertVersion(list.id, item.id, 1, content, now, actorId);
      return { list, item };
    });
  }

  private insertVersion(listId: string, itemId: number, version: number, content: Uint8Array, created: string, actorId: number): void {
    this.db
      .prepare('INSERT INTO file_versions (list_id, item_id, version, content, length, created, author_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(listId, itemId, version, content, content.byteLength, created, actorId);
  }

  /** The highest stored content version of a file (0 when it has none). */
  latestVersion(listId: string, itemId: number): number {
    return Number((this.db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM file_versions WHERE list_id = ? AND item_id = ?').get(listId, itemId) as { v: number }).v);
  }

  /** Every stored version of a file, oldest first. */
  versions(listId: string, itemId: number): FileVersion[] {
    const rows = this.db
      .prepare('SELECT version, length, created, author_id FROM file_versions WHERE list_id = ? AND item_id = ? ORDER BY version')
      .all(listId, itemId) as { version: number; length: number; created: string; author_id: number }[];
    return rows.map((r) => ({ version: Number(r.version), length: Number(r.length), created: r.created, authorId: Number(r.author_id) }));
  }

  /** The bytes of one version (the latest when omitted). */
  content(listId: string, itemId: number, version?: number): Uint8Array {
    const wanted = version ?? this.latestVersion(listId, itemId);
    const row = this.db.prepare('SELECT content FROM file_versions WHERE list_id = ? AND item_id = ? AND version = ?').get(listId, itemId, wanted) as { content: Uint8Array } | undefined;
    if (!row) throw new StoreError('notFound', 'Version does not exist.', '-2147024809, System.ArgumentException');
    return row.content;
  }

  /** Removes a file (our recycle bin is not restorable; SharePoint's is, for 93 days). */
  recycle(listId: string, itemId: number): void {
    this.lists.deleteItem(listId, itemId);
  }
}
