/**
 * The whole store: one database, the stores over it, and the tenant set-up (site ids, demo users,
 * the four VSA groups, web-level role assignments) that every fresh or reset database gets.
 */
import { openDatabase, type Database, inTransaction } from './db';
import { newGuid, type Clock } from './ids';
import { PrincipalStore } from './principals';
import { PermissionStore } from './permissions';
import { ListStore } from './lists';
import { FileStore } from './files';
import { OutboxStore } from './outbox';
import { MailboxStore } from './mailbox';
import { demoGroups, demoPersonas } from '../personas';
import { LOCAL_SERVICE_APP_ID, LOCAL_SERVICE_DISPLAY_NAME, LOCAL_SERVICE_LOGIN } from '../../composition/localTenantIdentity';
import type { Principal } from './principals';

/** Server-relative path of the one site. */
export const sitePath = '/sites/microdata';

/** Id of the Contribute role definition. */
const contributeRoleId = 1073741827;

/** Everything the HTTP layer needs from storage. */
export class TenantStore {
  readonly principals: PrincipalStore;
  readonly permissions: PermissionStore;
  readonly lists: ListStore;
  readonly files: FileStore;
  readonly outbox: OutboxStore;
  readonly mailbox: MailboxStore;

  private constructor(readonly db: Database, readonly clock: Clock, readonly webUrl: string) {
    this.principals = new PrincipalStore(db, clock);
    this.permissions = new PermissionStore(db, this.principals);
    this.lists = new ListStore(db, clock, webUrl);
    this.files = new FileStore(db, clock, this.lists);
    this.outbox = new OutboxStore(db, clock);
    this.mailbox = new MailboxStore(db, clock);
  }

  /** Opens the database file (or ':memory:') and makes sure the tenant set-up exists. */
  static open(dataFile: string, webUrl: string, clock: Clock = () => new Date()): TenantStore {
    const store = new TenantStore(openDatabase(dataFile), clock, webUrl);
    store.ensureTenant();
    return store;
  }

  /** Site collection id and web id (GUIDs), fixed at first start. */
  get siteIds(): { siteId: string; webId: string } {
    return { siteId: this.meta('siteId') ?? '', webId: this.meta('webId') ?? '' };
  }

  /** A form digest-like secret fixed per database. */
  get digestKey(): string {
    return this.meta('digestKey') ?? '';
  }

  private meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  /** True when no list exists yet (the seed runs then). */
  isEmpty(): boolean {
    return this.lists.lists().length === 0;
  }

  /** Creates site ids, role definitions, personas, groups and web role assignments when missing. */
  ensureTenant(): void {
    inTransaction(this.db, () => {
      for (const key of ['siteId', 'webId', 'digestKey']) {
        this.db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(key, newGuid());
      }
      this.permissions.ensureBuiltIns();
      for (const persona of demoPersonas) this.principals.ensureUser(persona.email, persona.displayName, persona.isSiteAdmin === true);
      for (const group of demoGroups) {
        const existing = this.principals.groupByTitle(group.title) ?? this.principals.createGroup(group.title, group.description);
        for (const persona of demoPersonas.filter((p) => p.roles.includes(group.roleId))) {
          const user = this.principals.userByLogin(persona.email);
          if (user) this.principals.addMember(existing.id, user.id);
        }
        // Site members: lists that keep inheritance give the groups Contribute; provisioning narrows it.
        this.permissions.addAssignment('web', existing.id, contributeRoleId);
      }
      // The command service's app principal and the grant an admin gives it with Graph
      // (`POST sites/{site-id}/permissions`, Sites.Selected, role write); see docs/deployment.
      this.principals.ensureAppPrincipal(LOCAL_SERVICE_LOGIN, LOCAL_SERVICE_DISPLAY_NAME);
      if (!this.permissions.appGrant(LOCAL_SERVICE_APP_ID)) this.permissions.grantApp(LOCAL_SERVICE_APP_ID, 'Microdata Dossiers command service', ['write']);
    });
  }

  /** The command service's app-only principal (what `Author` shows for its writes). */
  servicePrincipal(): Principal {
    const principal = this.principals.byLoginName(LOCAL_SERVICE_LOGIN);
    if (!principal) throw new Error('The local tenant has no service principal; ensureTenant creates it.');
    return principal;
  }

  /** Drops all content (lists, items, files, outbox, mail) and restores the tenant set-up. */
  reset(): void {
    inTransaction(this.db, () => {
      for (const table of ['file_versions', 'items', 'views', 'fields', 'role_assignments', 'lists', 'group_members', 'outbox', 'mailbox_attachments', 'mailbox_messages', 'site_app_grants']) {
        this.db.prepare(`DELETE FROM ${table}`).run();
      }
      this.db.prepare("DELETE FROM principals WHERE kind = 'group'").run();
      this.db.prepare('DELETE FROM role_definitions WHERE id NOT IN (1073741829, 1073741830, 1073741827, 1073741826)').run();
    });
    this.ensureTenant();
  }

  /** Closes the database. */
  close(): void {
    if (this.db.isOpen) this.db.close();
  }
}
