/**
 * Outbound effects kept instead of sent: mails (Graph sendMail) and Teams activity notifications.
 */
import type { Database } from './db';
import { toSharePointDate, type Clock } from './ids';

/** One stored outbound message. */
export interface OutboxEntry {
  readonly id: number;
  readonly kind: 'mail' | 'activity';
  /** E-mail address of the sending user or mailbox. */
  readonly sender: string;
  readonly recipients: readonly string[];
  readonly subject: string;
  /** The request body as Graph received it. */
  readonly payload: unknown;
  readonly created: string;
}

interface OutboxRow { id: number; kind: 'mail' | 'activity'; sender: string; recipients: string; subject: string; payload: string; created: string }

/** Appends to and reads the outbox. */
export class OutboxStore {
  constructor(private readonly db: Database, private readonly clock: Clock) {}

  /** Stores one outbound message; returns it. */
  add(entry: Omit<OutboxEntry, 'id' | 'created'>): OutboxEntry {
    const created = toSharePointDate(this.clock());
    const result = this.db
      .prepare('INSERT INTO outbox (kind, sender, recipients, subject, payload, created) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entry.kind, entry.sender, JSON.stringify(entry.recipients), entry.subject, JSON.stringify(entry.payload ?? null), created);
    return { ...entry, id: Number(result.lastInsertRowid), created };
  }

  /** Every stored message, newest first. */
  all(): OutboxEntry[] {
    const rows = this.db.prepare('SELECT * FROM outbox ORDER BY id DESC').all() as unknown as OutboxRow[];
    return rows.map((r) => ({
      id: Number(r.id), kind: r.kind, sender: r.sender, recipients: JSON.parse(r.recipients) as string[], subject: r.subject,
      payload: JSON.parse(r.payload) as unknown, created: r.created
    }));
  }

  /** Empties the outbox (test hook). */
  clear(): void {
    this.db.prepare('DELETE FROM outbox').run();
  }
}
