/**
 * Opens the local tenant's SQLite database through Node 22's built-in `node:sqlite`
 * (better-sqlite3 needs a native build, which this environment cannot do).
 */
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations';

/** A value SQLite can bind or return. */
export type SqlValue = null | number | bigint | string | Uint8Array;

/** The database handle the store modules share. */
export type Database = DatabaseSync;

/**
 * Opens (creating when needed) the database file, switches a file database to WAL mode and applies
 * every pending migration. `':memory:'` gives a private in-memory database (tests).
 */
export function openDatabase(dataFile: string): Database {
  if (dataFile !== ':memory:') {
    mkdirSync(dirname(dataFile), { recursive: true });
  }
  const db = new DatabaseSync(dataFile);
  if (dataFile !== ':memory:') {
    // WAL lets a reader (e.g. the seed CLI inspecting the file) work while the server writes.
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
  }
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * Runs `work` inside one transaction; rolls back when it throws. Nested calls join the outer
 * transaction (node:sqlite has no savepoint helper, and the store never needs partial rollback).
 */
export function inTransaction<T>(db: Database, work: () => T): T {
  if (db.isTransaction) {
    return work();
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
