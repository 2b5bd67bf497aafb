import type { ReminderMailer } from '../reminderPorts';
import { toDataError } from '../errors';
import type { Notifier } from '../ports';
import { REMINDER_KEY_PROPERTY, type GraphApi } from './notifier';

/** An OData string literal: single quotes doubled. */
const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * `ReminderMailer` on Graph: the mail goes out from the shared mailbox through the notifier (`sendMail`,
 * saved to Sent Items) with the reminder's key as a single-value extended property, and `sentWithKey`
 * looks that property up in the mailbox's Sent Items — how a run that crashed between sending and
 * recording learns that the mail already went out.
 */
export class GraphReminderMailer implements ReminderMailer {
  public constructor(private readonly notifier: Pick<Notifier, 'sendMail'>, private readonly graph: GraphApi, private readonly mailbox: string) {}

  public send(mail: { readonly to: readonly string[]; readonly subject: string; readonly body: string; readonly key: string }): Promise<void> {
    return this.notifier.sendMail({ to: mail.to, subject: mail.subject, body: mail.body, fromMailbox: this.mailbox, reminderKey: mail.key });
  }

  public async sentWithKey(key: string): Promise<boolean> {
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq ${literal(REMINDER_KEY_PROPERTY)} and ep/value eq ${literal(key)})`;
    try {
      // Encoded here: the client puts `$filter` into the URL as given, and a key may hold `#` or `+`.
      const page = (await this.graph
        .api(`/users/${encodeURIComponent(this.mailbox)}/mailFolders/sentitems/messages?$filter=${encodeURIComponent(filter)}&$select=id&$top=1`)
        .get()) as { value?: unknown[] };
      return (page.value?.length ?? 0) > 0;
    } catch (error) {
      throw toDataError(error, 'look up a reminder in Sent Items');
    }
  }
}
