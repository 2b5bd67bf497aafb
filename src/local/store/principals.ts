/**
 * Site users and SharePoint groups (one id space) and group membership.
 */
import type { Database } from './db';
import { stableGuid, toSharePointDate, type Clock } from './ids';

/** A site user or site group as stored. */
export interface Principal {
  readonly id: number;
  readonly kind: 'user' | 'group';
  readonly loginName: string;
  readonly title: string;
  readonly email: string;
  readonly description: string;
  /** Directory object id (Graph `id`). */
  readonly aadId: string;
  readonly isSiteAdmin: boolean;
}

interface PrincipalRow {
  id: number;
  kind: 'user' | 'group';
  login_name: string;
  title: string;
  email: string | null;
  description: string;
  aad_id: string;
  is_site_admin: number;
}

const claimsPrefix = 'i:0#.f|membership|';

/** The claims login name SharePoint Online gives a member account. */
export function claimsLoginName(email: string): string {
  return `${claimsPrefix}${email.toLowerCase()}`;
}

/** The prefix of SharePoint's login names of app-only principals. */
export const appPrincipalPrefix = 'i:0i.t|ms.sp.ext|';

/** The app id of an app-only principal's login name, or undefined for a person. */
export function appIdOfLogin(loginName: string): string | undefined {
  if (!loginName.toLowerCase().startsWith(appPrincipalPrefix)) return undefined;
  const rest = loginName.slice(appPrincipalPrefix.length);
  const at = rest.indexOf('@');
  return (at >= 0 ? rest.slice(0, at) : rest).toLowerCase();
}

/** Accepts a claims login name or a bare e-mail address; returns the e-mail address. */
export function emailFromLogonName(logonName: string): string {
  const trimmed = logonName.trim();
  const bar = trimmed.lastIndexOf('|');
  return (bar >= 0 ? trimmed.slice(bar + 1) : trimmed).toLowerCase();
}

function toPrincipal(row: PrincipalRow): Principal {
  return {
    id: Number(row.id),
    kind: row.kind,
    loginName: row.login_name,
    title: row.title,
    email: row.email ?? '',
    description: row.description,
    aadId: row.aad_id,
    isSiteAdmin: row.is_site_admin === 1
  };
}

/** Thrown when a principal operation breaks a rule (duplicate name, unknown user). */
export class PrincipalError extends Error {
  constructor(message: string, readonly kind: 'conflict' | 'notFound' | 'invalid') {
    super(message);
  }
}

/** Reads and writes principals and memberships. */
export class PrincipalStore {
  constructor(private readonly db: Database, private readonly clock: Clock) {}

  /** A user or group by id. */
  byId(id: number): Principal | undefined {
    const row = this.db.prepare('SELECT * FROM principals WHERE id = ?').get(id) as PrincipalRow | undefined;
    return row ? toPrincipal(row) : undefined;
  }

  /** A user by e-mail address or claims login name. */
  userByLogin(logonName: string): Principal | undefined {
    const email = emailFromLogonName(logonName);
    const row = this.db.prepare("SELECT * FROM principals WHERE kind = 'user' AND email = ?").get(email) as PrincipalRow | undefined;
    return row ? toPrincipal(row) : undefined;
  }

  /** A user by directory object id or user principal name (Graph `/users/{id|upn}`). */
  userByAadIdOrUpn(idOrUpn: string): Principal | undefined {
    const row = this.db
      .prepare("SELECT * FROM principals WHERE kind = 'user' AND (aad_id = ? OR email = ?)")
      .get(idOrUpn.toLowerCase(), idOrUpn.toLowerCase()) as PrincipalRow | undefined;
    return row ? toPrincipal(row) : undefined;
  }

  /** A user by its exact login name (app principals have no e-mail address). */
  byLoginName(loginName: string): Principal | undefined {
    const row = this.db.prepare("SELECT * FROM principals WHERE kind = 'user' AND login_name = ?").get(loginName) as PrincipalRow | undefined;
    return row ? toPrincipal(row) : undefined;
  }

  /**
   * Adds an app-only principal (SharePoint's `i:0i.t|ms.sp.ext|<appid>@<tenant>`), idempotent. It has
   * no e-mail address, so `userByLogin` and Graph's `/users` never find it.
   */
  ensureAppPrincipal(loginName: string, title: string): Principal {
    const existing = this.byLoginName(loginName);
    if (existing) return existing;
    const result = this.db
      .prepare("INSERT INTO principals (kind, login_name, title, email, aad_id, is_site_admin, created) VALUES ('user', ?, ?, NULL, ?, 0, ?)")
      .run(loginName, title, stableGuid(`app:${loginName.toLowerCase()}`), toSharePointDate(this.clock()));
    return this.byId(Number(result.lastInsertRowid)) as Principal;
  }

  /** A group by title (case-insensitive, as SharePoint matches group names). */
  groupByTitle(title: string): Principal | undefined {
    const row = this.db.prepare("SELECT * FROM principals WHERE kind = 'group' AND title = ? COLLATE NOCASE").get(title) as PrincipalRow | undefined;
    return row ? toPrincipal(row) : undefined;
  }

  /** All site users, by id. */
  users(): Principal[] {
    return (this.db.prepare("SELECT * FROM principals WHERE kind = 'user' ORDER BY id").all() as unknown as PrincipalRow[]).map(toPrincipal);
  }

  /** All site groups, by id. */
  groups(): Principal[] {
    return (this.db.prepare("SELECT * FROM principals WHERE kind = 'group' ORDER BY id").all() as unknown as PrincipalRow[]).map(toPrincipal);
  }

  /** Members of a group, by id. */
  members(groupId: number): Principal[] {
    return (this.db
      .prepare('SELECT p.* FROM principals p JOIN group_members m ON m.user_id = p.id WHERE m.group_id = ? ORDER BY p.id')
      .all(groupId) as unknown as PrincipalRow[]).map(toPrincipal);
  }

  /** Groups a user belongs to, by id. */
  groupsOf(userId: number): Principal[] {
    return (this.db
      .prepare('SELECT p.* FROM principals p JOIN group_members m ON m.group_id = p.id WHERE m.user_id = ? ORDER BY p.id')
      .all(userId) as unknown as PrincipalRow[]).map(toPrincipal);
  }

  /** Adds a user to the site (idempotent: returns the existing user for a known e-mail address). */
  ensureUser(email: string, displayName: string, isSiteAdmin = false): Principal {
    const normalized = email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+$/.test(normalized)) {
      throw new PrincipalError(`The specified user ${email} could not be found.`, 'notFound');
    }
    const existing = this.userByLogin(normalized);
    if (existing) return existing;
    const result = this.db
      .prepare(
        "INSERT INTO principals (kind, login_name, title, email, aad_id, is_site_admin, created) VALUES ('user', ?, ?, ?, ?, ?, ?)"
      )
      .run(claimsLoginName(normalized), displayName, normalized, stableGuid(`user:${normalized}`), isSiteAdmin ? 1 : 0, toSharePointDate(this.clock()));
    return this.byId(Number(result.lastInsertRowid)) as Principal;
  }

  /** Creates a site group; a second group with the same name is refused, as SharePoint does. */
  createGroup(title: string, description: string): Principal {
    const name = title.trim();
    if (name.length === 0 || name.length > 255) {
      throw new PrincipalError('A group name must have 1 to 255 characters.', 'invalid');
    }
    if (this.groupByTitle(name) || this.db.prepare('SELECT 1 FROM principals WHERE login_name = ?').get(name)) {
      throw new PrincipalError(`The specified name is already in use.`, 'conflict');
    }
    const result = this.db
      .prepare("INSERT INTO principals (kind, login_name, title, description, aad_id, created) VALUES ('group', ?, ?, ?, ?, ?)")
      .run(name, name, description, stableGuid(`group:${name}`), toSharePointDate(this.clock()));
    return this.byId(Number(result.lastInsertRowid)) as Principal;
  }

  /** Adds a user to a group (idempotent). */
  addMember(groupId: number, userId: number): void {
    this.db.prepare('INSERT OR IGNORE INTO group_members (group_id, user_id) VALUES (?, ?)').run(groupId, userId);
  }

  /** Removes a user from a group; false when they were not a member. */
  removeMember(groupId: number, userId: number): boolean {
    return Number(this.db.prepare('DELETE FROM group_members WHERE group_id = ? AND user_id = ?').run(groupId, userId).changes) > 0;
  }
}
