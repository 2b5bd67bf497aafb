/**
 * Schema migrations, applied in order and recorded in SQLite's `user_version`, so running them on an
 * up-to-date database does nothing. Append new migrations; never edit one that has shipped.
 */
import type { DatabaseSync } from 'node:sqlite';

/** One schema step. */
export interface Migration {
  /** 1-based, strictly increasing. */
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/** Every migration the store knows, oldest first. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'principals, permissions, lists, fields, views, items, file versions, outbox, mailbox',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      -- Users and SharePoint groups share one id space, as site users and site groups do in SharePoint.
      CREATE TABLE principals (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('user', 'group')),
        login_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        title TEXT NOT NULL,
        email TEXT COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        aad_id TEXT NOT NULL UNIQUE,
        is_site_admin INTEGER NOT NULL DEFAULT 0,
        created TEXT NOT NULL
      );
      CREATE UNIQUE INDEX principals_group_title ON principals (title COLLATE NOCASE) WHERE kind = 'group';
      CREATE INDEX principals_email ON principals (email);

      CREATE TABLE group_members (
        group_id INTEGER NOT NULL REFERENCES principals (id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES principals (id) ON DELETE CASCADE,
        PRIMARY KEY (group_id, user_id)
      );

      CREATE TABLE role_definitions (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        description TEXT NOT NULL DEFAULT '',
        base_low INTEGER NOT NULL,
        base_high INTEGER NOT NULL,
        role_type INTEGER NOT NULL,
        sort_order INTEGER NOT NULL
      );

      CREATE TABLE lists (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL UNIQUE COLLATE NOCASE,
        url_name TEXT NOT NULL,
        root_folder TEXT NOT NULL UNIQUE COLLATE NOCASE,
        base_template INTEGER NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        entity_type TEXT NOT NULL,
        content_types_enabled INTEGER NOT NULL DEFAULT 0,
        has_unique_role_assignments INTEGER NOT NULL DEFAULT 0,
        next_item_id INTEGER NOT NULL DEFAULT 1,
        created TEXT NOT NULL,
        modified TEXT NOT NULL
      );

      -- Role assignments per scope: 'web' or a list id.
      CREATE TABLE role_assignments (
        scope TEXT NOT NULL,
        principal_id INTEGER NOT NULL REFERENCES principals (id) ON DELETE CASCADE,
        role_def_id INTEGER NOT NULL REFERENCES role_definitions (id) ON DELETE CASCADE,
        PRIMARY KEY (scope, principal_id, role_def_id)
      );

      CREATE TABLE fields (
        list_id TEXT NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        internal_name TEXT NOT NULL,
        title TEXT NOT NULL,
        type_kind INTEGER NOT NULL,
        required INTEGER NOT NULL DEFAULT 0,
        indexed INTEGER NOT NULL DEFAULT 0,
        read_only INTEGER NOT NULL DEFAULT 0,
        hidden INTEGER NOT NULL DEFAULT 0,
        choices TEXT,
        schema_xml TEXT,
        description TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL,
        PRIMARY KEY (list_id, internal_name)
      );

      CREATE TABLE views (
        list_id TEXT NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        title TEXT NOT NULL,
        view_query TEXT NOT NULL DEFAULT '',
        row_limit INTEGER NOT NULL DEFAULT 30,
        personal INTEGER NOT NULL DEFAULT 0,
        default_view INTEGER NOT NULL DEFAULT 0,
        view_fields TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (list_id, id),
        UNIQUE (list_id, title)
      );

      -- List items, folders (fs_type 1) and files (fs_type 0 in a library, leaf_name set) in one table:
      -- in SharePoint a file or folder IS a list item of its library.
      CREATE TABLE items (
        list_id TEXT NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
        id INTEGER NOT NULL,
        guid TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL DEFAULT 1,
        fs_type INTEGER NOT NULL DEFAULT 0,
        parent_path TEXT NOT NULL,
        leaf_name TEXT,
        data TEXT NOT NULL DEFAULT '{}',
        created TEXT NOT NULL,
        modified TEXT NOT NULL,
        author_id INTEGER NOT NULL,
        editor_id INTEGER NOT NULL,
        PRIMARY KEY (list_id, id)
      );
      CREATE UNIQUE INDEX items_path ON items (parent_path COLLATE NOCASE, leaf_name COLLATE NOCASE)
        WHERE leaf_name IS NOT NULL;

      CREATE TABLE file_versions (
        list_id TEXT NOT NULL,
        item_id INTEGER NOT NULL,
        version INTEGER NOT NULL,
        content BLOB NOT NULL,
        length INTEGER NOT NULL,
        created TEXT NOT NULL,
        author_id INTEGER NOT NULL,
        PRIMARY KEY (list_id, item_id, version),
        FOREIGN KEY (list_id, item_id) REFERENCES items (list_id, id) ON DELETE CASCADE
      );

      -- Outbound effects (mails, Teams activity notifications) are stored instead of sent.
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('mail', 'activity')),
        sender TEXT NOT NULL,
        recipients TEXT NOT NULL,
        subject TEXT NOT NULL,
        payload TEXT NOT NULL,
        created TEXT NOT NULL
      );

      -- Incoming mail of (shared) mailboxes, for the Graph messages endpoints.
      CREATE TABLE mailbox_messages (
        id TEXT PRIMARY KEY,
        mailbox TEXT NOT NULL COLLATE NOCASE,
        received TEXT NOT NULL,
        payload TEXT NOT NULL
      );
      CREATE INDEX mailbox_messages_mailbox ON mailbox_messages (mailbox, received);
      CREATE TABLE mailbox_attachments (
        id TEXT PRIMARY KEY,
        message_id TEXT NOT NULL REFERENCES mailbox_messages (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        content BLOB NOT NULL
      );
    `
  },
  {
    version: 2,
    description: 'site-level app grants (Graph sites/{id}/permissions, Sites.Selected); EnforceUniqueValues of fields',
    sql: `
      -- What an admin grants an app with Sites.Selected: a role on the whole site, whatever lists say.
      CREATE TABLE site_app_grants (
        id TEXT PRIMARY KEY,
        app_id TEXT NOT NULL COLLATE NOCASE,
        display_name TEXT NOT NULL,
        roles TEXT NOT NULL,
        UNIQUE (app_id)
      );
      -- SharePoint's EnforceUniqueValues (from the field's SchemaXml, its REST properties or a MERGE).
      ALTER TABLE fields ADD COLUMN enforce_unique INTEGER NOT NULL DEFAULT 0;
    `
  },
  {
    version: 3,
    description: 'versioning of generic lists: EnableVersioning and the item versions (`items(id)/versions`)',
    sql: `
      -- SP.List.EnableVersioning of a generic list (libraries always keep file versions).
      ALTER TABLE lists ADD COLUMN enable_versioning INTEGER NOT NULL DEFAULT 0;
      -- One row per version of an item of a list with versioning on: its values as written then.
      CREATE TABLE item_versions (
        list_id TEXT NOT NULL,
        item_id INTEGER NOT NULL,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        modified TEXT NOT NULL,
        editor_id INTEGER NOT NULL,
        PRIMARY KEY (list_id, item_id, version),
        FOREIGN KEY (list_id, item_id) REFERENCES items (list_id, id) ON DELETE CASCADE
      );
    `
  }
];

/**
 * Applies the migrations newer than the database's `user_version`, each in its own transaction.
 * Returns the versions applied (empty when the schema is current).
 */
export function migrate(db: DatabaseSync, all: readonly Migration[] = migrations): number[] {
  const current = Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
  const applied: number[] = [];
  for (const migration of all) {
    if (migration.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migration.sql);
      // PRAGMA takes no bound parameters; the version is a trusted integer from this file.
      db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new Error(`Migration ${migration.version} (${migration.description}) failed: ${(error as Error).message}`);
    }
    applied.push(migration.version);
  }
  return applied;
}

/** The schema version of an open database. */
export function schemaVersion(db: DatabaseSync): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}
