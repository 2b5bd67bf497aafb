/**
 * Persistence in one SQLite file, WAL mode, idempotent migrations, reset.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate, migrations, schemaVersion } from '../../src/local/store/migrations';
import { openDatabase } from '../../src/local/store/db';
import { TenantStore } from '../../src/local/store/tenant-store';
import { api, call, dpoTeamMember, provision, startTenant } from './support';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'local-tenant-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('apply once and are idempotent', () => {
    const db = new DatabaseSync(':memory:');
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(migrate(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(migrations[migrations.length - 1].version);
    db.close();
  });

  it('roll back a failing migration and report which one failed', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db);
    const broken = [...migrations, { version: migrations.length + 1, description: 'broken', sql: 'CREATE TABLE meta (x INT);' }];
    expect(() => migrate(db, broken)).toThrow(new RegExp(`Migration ${migrations.length + 1} \\(broken\\) failed`));
    expect(schemaVersion(db)).toBe(migrations.length);
    db.close();
  });

  it('opens a file database in WAL mode and re-opens it without re-running migrations', () => {
    const file = join(dir, 'wal.db');
    const first = openDatabase(file);
    expect((first.prepare('PRAGMA journal_mode').get() as { journal_mode: string }).journal_mode).toBe('wal');
    first.close();
    const second = openDatabase(file);
    expect(schemaVersion(second)).toBe(migrations.length);
    second.close();
  });
});

describe('persistence', () => {
  it('keeps lists, items and files across a restart on the same file', async () => {
    const file = join(dir, 'tenant.db');
    const first = await startTenant({ dataFile: file });
    await provision(first);
    const created = await call(first, dpoTeamMember, api("web/lists/getbytitle('Dossiers')/items"), { method: 'POST', body: JSON.stringify({ Title: 'blijft bestaan' }) });
    await call(first, dpoTeamMember, api("web/folders/addusingpath(decodedurl='/sites/microdata/Dossierdocumenten/VSA-1')"), { method: 'POST' });
    await call(first, dpoTeamMember, api("web/getfolderbyserverrelativepath(decodedurl='/sites/microdata/Dossierdocumenten/VSA-1')/files/addusingpath(decodedurl='a.txt',overwrite=true)"), { method: 'POST', body: new Uint8Array([104, 105]) });
    const siteId = first.store.siteIds.siteId;
    await first.close();

    const second = await startTenant({ dataFile: file });
    try {
      expect(second.store.siteIds.siteId).toBe(siteId);
      const item = await call(second, dpoTeamMember, api(`web/lists/getbytitle('Dossiers')/items(${created.json().Id})`));
      expect(item.json().Title).toBe('blijft bestaan');
      const content = await call(second, dpoTeamMember, api("web/getfilebyserverrelativepath(decodedurl='/sites/microdata/Dossierdocumenten/VSA-1/a.txt')/$value"));
      expect(content.text).toBe('hi');
      expect(second.store.principals.groups()).toHaveLength(4);
    } finally {
      await second.close();
    }
  });

  it('reset drops content but keeps the tenant set-up', () => {
    const store = TenantStore.open(':memory:', 'http://localhost/sites/microdata');
    store.lists.createList({ title: 'Tijdelijk', baseTemplate: 100 }, '/sites/microdata');
    store.outbox.add({ kind: 'mail', sender: 'a@vsa.local', recipients: ['b@vsa.local'], subject: 's', payload: {} });
    store.reset();
    expect(store.isEmpty()).toBe(true);
    expect(store.outbox.all()).toEqual([]);
    expect(store.principals.groups().map((g) => g.title)).toEqual(['VSA DPO-team', 'VSA Statistici', 'VSA DPO', 'VSA Hoofdstatisticus']);
    expect(store.principals.userByLogin('gast@vsa.local')).toBeDefined();
    store.close();
  });

  it('updates mailbox messages and keeps attachments', () => {
    const store = TenantStore.open(':memory:', 'http://localhost/sites/microdata');
    const stored = store.mailbox.add('data-aanvragen@vsa.local', { subject: 'Aanvraag' }, [{ name: 'a.docx', contentType: 'application/octet-stream', content: new Uint8Array([1, 2, 3]) }]);
    expect(store.mailbox.update('DATA-AANVRAGEN@vsa.local', stored.id, { categories: ['VSA-2026-0001'] })?.message).toEqual({ subject: 'Aanvraag', categories: ['VSA-2026-0001'] });
    expect(store.mailbox.messages('data-aanvragen@vsa.local')[0].message.categories).toEqual(['VSA-2026-0001']);
    expect(store.mailbox.update('data-aanvragen@vsa.local', 'unknown', { isRead: true })).toBeUndefined();
    expect(store.mailbox.attachments('data-aanvragen@vsa.local', stored.id)[0].content).toEqual(new Uint8Array([1, 2, 3]));
    store.close();
  });

  it('resets through POST /_local/reset', async () => {
    const tenant = await startTenant();
    try {
      await provision(tenant);
      expect((await call(tenant, undefined, '/_local/reset', { method: 'POST' })).status).toBe(204);
      expect((await call(tenant, undefined, '/_local/health')).json()).toEqual({ status: 'ok', schemaVersion: migrations.length, lists: 0 });
    } finally {
      await tenant.close();
    }
  });
});
