import type { Client } from '@microsoft/microsoft-graph-client';
import { DataError, toDataError } from '../errors';
import type { ActivityNotification, MailMessage, Notifier } from '../ports';

/** The part of the Graph client (or SPFx `MSGraphClientV3`) the adapters use. */
export type GraphApi = Pick<Client, 'api'>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The MAPI named property that carries a reminder's idempotency key on its mail (PS_PUBLIC_STRINGS,
 * name `X-VSA-Reminder-Key`): Graph can filter Sent Items on it.
 */
export const REMINDER_KEY_PROPERTY = 'String {00020329-0000-0000-C000-000000000046} Name X-VSA-Reminder-Key';

function assertEmail(value: string, what: string): void {
  if (!EMAIL.test(value)) throw new DataError('data.error.invalidInput', `${what}: "${value}" is not an e-mail address.`);
}

/** `Notifier` on Microsoft Graph: `sendMail` and Teams `sendActivityNotification`. */
export class GraphNotifier implements Notifier {
  public constructor(private readonly graph: GraphApi) {}

  public async sendMail(message: MailMessage): Promise<void> {
    if (message.to.length === 0) throw new DataError('data.error.invalidInput', 'send mail: no recipients.');
    message.to.forEach((to) => assertEmail(to, 'send mail'));
    const path = message.fromMailbox ? `/users/${encodeURIComponent(message.fromMailbox)}/sendMail` : '/me/sendMail';
    try {
      await this.graph.api(path).post({
        message: {
          subject: message.subject,
          body: { contentType: 'Text', content: message.body },
          toRecipients: message.to.map((address) => ({ emailAddress: { address } })),
          ...(message.reminderKey ? { singleValueExtendedProperties: [{ id: REMINDER_KEY_PROPERTY, value: message.reminderKey }] } : {})
        },
        saveToSentItems: true
      });
    } catch (error) {
      throw toDataError(error, 'send mail');
    }
  }

  public async notify(notification: ActivityNotification): Promise<void> {
    assertEmail(notification.recipient, 'notify');
    try {
      await this.graph.api(`/users/${encodeURIComponent(notification.recipient)}/teamwork/sendActivityNotification`).post({
        topic: { source: 'entityUrl', value: notification.topic.value, webUrl: notification.topic.webUrl },
        activityType: notification.activityType,
        previewText: { content: notification.previewText.slice(0, 150) },
        templateParameters: Object.entries(notification.templateParameters ?? {}).map(([name, value]) => ({ name, value }))
      });
    } catch (error) {
      throw toDataError(error, 'send a Teams notification');
    }
  }
}
