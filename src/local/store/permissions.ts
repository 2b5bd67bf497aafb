/**
 * Role definitions and role assignments, and the effective permissions of a user on the web or a list.
 * Masks use SharePoint's BasePermissions bits (low 32 bits suffice for what the product checks).
 * Reference: https://learn.microsoft.com/en-us/previous-versions/office/sharepoint-csom/ee536458(v=office.15)
 */
import type { Database } from './db';
import { newGuid } from './ids';
import { appIdOfLogin, type Principal, type PrincipalStore } from './principals';

/** BasePermissions bits (low word) the local tenant checks. */
export const Permission = {
  viewListItems: 0x1,
  addListItems: 0x2,
  editListItems: 0x4,
  deleteListItems: 0x8,
  manageLists: 0x800,
  managePermissions: 0x2000000,
  manageWeb: 0x40000000
} as const;

/** A permission level. */
export interface RoleDefinition {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly low: number;
  readonly high: number;
  readonly roleTypeKind: number;
  readonly order: number;
}

/** SharePoint Online's built-in permission levels the product uses, with their real ids and masks. */
export const builtInRoleDefinitions: readonly RoleDefinition[] = [
  { id: 1073741829, name: 'Full Control', description: 'Heeft volledig beheer.', low: 4294967295, high: 2147483647, roleTypeKind: 5, order: 1 },
  { id: 1073741830, name: 'Edit', description: 'Kan lijsten toevoegen, bewerken en verwijderen.', low: 1011030767, high: 432, roleTypeKind: 6, order: 48 },
  { id: 1073741827, name: 'Contribute', description: 'Kan lijstitems en documenten weergeven, toevoegen, bijwerken en verwijderen.', low: 1011028719, high: 432, roleTypeKind: 3, order: 64 },
  { id: 1073741826, name: 'Read', description: 'Kan pagina\'s en lijstitems weergeven en documenten downloaden.', low: 138612833, high: 176, roleTypeKind: 2, order: 128 }
];

/** The roles Graph's `sites/{id}/permissions` grants an app with `Sites.Selected`. */
export type AppGrantRole = 'read' | 'write' | 'manage' | 'fullcontrol';

/** One site-level app grant (a Graph `permission` with `grantedToIdentitiesV2[].application`). */
export interface AppGrant {
  readonly id: string;
  readonly appId: string;
  readonly displayName: string;
  readonly roles: readonly AppGrantRole[];
}

/** The permission level each grant role amounts to (Graph documents read/write/manage/fullcontrol). */
const levelLow = (name: string): number => (builtInRoleDefinitions.find((level) => level.name === name) as RoleDefinition).low;
const appRoleMask: Readonly<Record<AppGrantRole, number>> = {
  read: levelLow('Read'),
  write: levelLow('Contribute'),
  manage: levelLow('Edit'),
  fullcontrol: levelLow('Full Control')
};

/** Scope of role assignments: the web, or one list. */
export type Scope = 'web' | { readonly listId: string; readonly hasUniqueRoleAssignments: boolean };

interface RoleDefRow { id: number; name: string; description: string; base_low: number; base_high: number; role_type: number; sort_order: number }

interface AppGrantRow { id: string; app_id: string; display_name: string; roles: string }

function toAppGrant(row: AppGrantRow): AppGrant {
  return { id: row.id, appId: row.app_id, displayName: row.display_name, roles: JSON.parse(row.roles) as AppGrantRole[] };
}

function toRoleDefinition(row: RoleDefRow): RoleDefinition {
  return { id: Number(row.id), name: row.name, description: row.description, low: Number(row.base_low), high: Number(row.base_high), roleTypeKind: Number(row.role_type), order: Number(row.sort_order) };
}

/** Reads and writes role definitions and assignments; computes effective masks. */
export class PermissionStore {
  constructor(private readonly db: Database, private readonly principals: PrincipalStore) {}

  /** Inserts the built-in role definitions when missing. */
  ensureBuiltIns(): void {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO role_definitions (id, name, description, base_low, base_high, role_type, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)'
    );
    for (const def of builtInRoleDefinitions) {
      insert.run(def.id, def.name, def.description, def.low, def.high, def.roleTypeKind, def.order);
    }
  }

  /** Every role definition, by order. */
  roleDefinitions(): RoleDefinition[] {
    return (this.db.prepare('SELECT * FROM role_definitions ORDER BY sort_order, id').all() as unknown as RoleDefRow[]).map(toRoleDefinition);
  }

  /** A role definition by id. */
  roleDefinition(id: number): RoleDefinition | undefined {
    const row = this.db.prepare('SELECT * FROM role_definitions WHERE id = ?').get(id) as RoleDefRow | undefined;
    return row ? toRoleDefinition(row) : undefined;
  }

  /** Creates a custom permission level (e.g. "add only"), as `POST /_api/web/roledefinitions` does. */
  createRoleDefinition(name: string, description: string, low: number, high: number, order: number): RoleDefinition {
    const next = Number((this.db.prepare('SELECT MAX(id) AS m FROM role_definitions').get() as { m: number }).m) + 1;
    this.db
      .prepare('INSERT INTO role_definitions (id, name, description, base_low, base_high, role_type, sort_order) VALUES (?, ?, ?, ?, ?, 0, ?)')
      .run(next, name, description, low >>> 0, high >>> 0, order);
    return this.roleDefinition(next) as RoleDefinition;
  }

  /** The assignments (principal id → role definition ids) of a scope key ('web' or a list id). */
  assignments(scopeKey: string): { principalId: number; roleDefIds: number[] }[] {
    const rows = this.db.prepare('SELECT principal_id, role_def_id FROM role_assignments WHERE scope = ? ORDER BY principal_id, role_def_id').all(scopeKey) as { principal_id: number; role_def_id: number }[];
    const byPrincipal = new Map<number, number[]>();
    for (const row of rows) {
      const list = byPrincipal.get(Number(row.principal_id)) ?? [];
      list.push(Number(row.role_def_id));
      byPrincipal.set(Number(row.principal_id), list);
    }
    return [...byPrincipal].map(([principalId, roleDefIds]) => ({ principalId, roleDefIds }));
  }

  /** Adds a role assignment (idempotent). */
  addAssignment(scopeKey: string, principalId: number, roleDefId: number): void {
    this.db.prepare('INSERT OR IGNORE INTO role_assignments (scope, principal_id, role_def_id) VALUES (?, ?, ?)').run(scopeKey, principalId, roleDefId);
  }

  /** Removes a principal's assignment(s) in a scope. */
  removeAssignment(scopeKey: string, principalId: number, roleDefId?: number): void {
    if (roleDefId === undefined) {
      this.db.prepare('DELETE FROM role_assignments WHERE scope = ? AND principal_id = ?').run(scopeKey, principalId);
    } else {
      this.db.prepare('DELETE FROM role_assignments WHERE scope = ? AND principal_id = ? AND role_def_id = ?').run(scopeKey, principalId, roleDefId);
    }
  }

  /** Copies the web's assignments to a list (breakroleinheritance with copyRoleAssignments=true). */
  copyWebAssignmentsTo(listId: string): void {
    this.db.prepare("INSERT OR IGNORE INTO role_assignments (scope, principal_id, role_def_id) SELECT ?, principal_id, role_def_id FROM role_assignments WHERE scope = 'web'").run(listId);
  }

  /** Drops every assignment of a list scope. */
  clearScope(scopeKey: string): void {
    this.db.prepare('DELETE FROM role_assignments WHERE scope = ?').run(scopeKey);
  }

  /** Grants an app a role on the site (replaces its earlier grant), as Graph `POST sites/{id}/permissions`. */
  grantApp(appId: string, displayName: string, roles: readonly AppGrantRole[]): AppGrant {
    const existing = this.appGrant(appId);
    const id = existing?.id ?? newGuid();
    this.db
      .prepare('INSERT INTO site_app_grants (id, app_id, display_name, roles) VALUES (?, ?, ?, ?) ON CONFLICT (app_id) DO UPDATE SET display_name = excluded.display_name, roles = excluded.roles')
      .run(id, appId.toLowerCase(), displayName, JSON.stringify(roles));
    return this.appGrant(appId) as AppGrant;
  }

  /** Every app grant of the site. */
  appGrants(): AppGrant[] {
    return (this.db.prepare('SELECT * FROM site_app_grants ORDER BY app_id').all() as unknown as AppGrantRow[]).map(toAppGrant);
  }

  /** The grant of one app. */
  appGrant(appId: string): AppGrant | undefined {
    const row = this.db.prepare('SELECT * FROM site_app_grants WHERE app_id = ?').get(appId.toLowerCase()) as AppGrantRow | undefined;
    return row ? toAppGrant(row) : undefined;
  }

  /** Removes a grant by its id; false when there was none. */
  revokeAppGrant(id: string): boolean {
    return Number(this.db.prepare('DELETE FROM site_app_grants WHERE id = ?').run(id).changes) > 0;
  }

  /**
   * The union of the permission masks a user holds in a scope, directly or through group membership.
   * Site collection administrators hold every permission. An app-only principal holds what its site
   * grant says, on every list alike: with `Sites.Selected` SharePoint ignores list-level permissions
   * for app-only access.
   */
  effectiveMask(user: Principal, scope: Scope): number {
    if (user.isSiteAdmin) return 0xffffffff;
    const appId = appIdOfLogin(user.loginName);
    if (appId !== undefined) {
      const grant = this.appGrant(appId);
      return (grant?.roles ?? []).reduce((mask, role) => (mask | appRoleMask[role]) >>> 0, 0);
    }
    const scopeKey = scope === 'web' || !scope.hasUniqueRoleAssignments ? 'web' : scope.listId;
    const principalIds = [user.id, ...this.principals.groupsOf(user.id).map((g) => g.id)];
    const placeholders = principalIds.map(() => '?').join(',');
    const rows = this.db
      .prepare(`SELECT d.base_low AS low FROM role_assignments a JOIN role_definitions d ON d.id = a.role_def_id WHERE a.scope = ? AND a.principal_id IN (${placeholders})`)
      .all(scopeKey, ...principalIds) as { low: number }[];
    return rows.reduce((mask, row) => (mask | Number(row.low)) >>> 0, 0);
  }
}
