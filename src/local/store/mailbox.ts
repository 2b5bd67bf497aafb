/**
 * Incoming mail of (shared) mailboxes, read through Graph `/users/{mailbox}/messages`. Messages keep
 * their Graph `message` JSON as given, attachments their bytes.
 */
import type { Database } from './db';
import { StoreError } from './errors';
import { newGuid, toSharePointDate, type Clock } from './ids';

/** A stored message: Graph message properties plus the id and mailbox. */
export interface MailMessage {
  readonly id: string;
  readonly mailbox: string;
  readonly receivedDateTime: string;
  readonly message: Readonly<Record<string, unknown>>;
}

/** An attachment of a stored message. */
export interface MailAttachment {
  readonly id: string;
  readonly messageId: string;
  readonly name: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** Adds and reads mailbox messages. */
export class MailboxStore {
  constructor(private readonly db: Database, private readonly clock: Clock) {}

  /** Stores a message with its attachments (test hook `POST /_local/mail-messages`). */
  add(mailbox: string, message: Readonly<Record<string, unknown>>, attachments: readonly { name: string; contentType: string; content: Uint8Array }[]): MailMessage {
    if (!/^[^\s@]+@[^\s@]+$/.test(mailbox)) throw new StoreError('invalid', 'A mailbox must be an e-mail address.');
    const id = newGuid();
    const received = typeof message.receivedDateTime === 'string' ? message.receivedDateTime : toSharePointDate(this.clock());
    this.db.prepare('INSERT INTO mailbox_messages (id, mailbox, received, payload) VALUES (?, ?, ?, ?)').run(id, mailbox.toLowerCase(), received, JSON.stringify(message));
    for (const a of attachments) {
      this.db.prepare('INSERT INTO mailbox_attachments (id, message_id, name, content_type, content) VALUES (?, ?, ?, ?, ?)').run(newGuid(), id, a.name, a.contentType, a.content);
    }
    return { id, mailbox: mailbox.toLowerCase(), receivedDateTime: received, message };
  }

  /** Messages of a mailbox, newest first. */
  messages(mailbox: string): MailMessage[] {
    const rows = this.db.prepare('SELECT * FROM mailbox_messages WHERE mailbox = ? ORDER BY received DESC, id').all(mailbox.toLowerCase()) as { id: string; mailbox: string; received: string; payload: string }[];
    return rows.map((r) => ({ id: r.id, mailbox: r.mailbox, receivedDateTime: r.received, message: JSON.parse(r.payload) as Record<string, unknown> }));
  }

  /** Attachments of a message of a mailbox (empty when the message is unknown). */
  attachments(mailbox: string, messageId: string): MailAttachment[] {
    const rows = this.db
      .prepare('SELECT a.* FROM mailbox_attachments a JOIN mailbox_messages m ON m.id = a.message_id WHERE m.mailbox = ? AND m.id = ? ORDER BY a.name')
      .all(mailbox.toLowerCase(), messageId) as { id: string; message_id: string; name: string; content_type: string; content: Uint8Array }[];
    return rows.map((r) => ({ id: r.id, messageId: r.message_id, name: r.name, contentType: r.content_type, content: r.content }));
  }

  /**
   * Merges changed Graph message properties (e.g. `categories`, `isRead`) into a stored message;
   * returns the updated message, or undefined when the mailbox has no such message.
   */
  update(mailbox: string, messageId: string, changes: Readonly<Record<string, unknown>>): MailMessage | undefined {
    const current = this.messages(mailbox).find((m) => m.id === messageId);
    if (!current) return undefined;
    const message = { ...current.message, ...changes };
    this.db.prepare('UPDATE mailbox_messages SET payload = ? WHERE id = ? AND mailbox = ?').run(JSON.stringify(message), messageId, mailbox.toLowerCase());
    return { ...current, message };
  }

  /** True when the mailbox has a message with this id. */
  hasMessage(mailbox: string, messageId: string): boolean {
    return this.db.prepare('SELECT 1 FROM mailbox_messages WHERE mailbox = ? AND id = ?').get(mailbox.toLowerCase(), messageId) !== undefined;
  }
}
