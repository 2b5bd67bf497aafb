import { DataError, toDataError } from '../errors';
import type { GraphApi } from '../graph/notifier';
import { bytesToBase64 } from './base64';
import type { MailSender, OutgoingMail } from './ports';

/**
 * Graph refuses a `sendMail` request above 4 MB; base64 adds a third. Larger attachments need an upload
 * session on a draft message, which this sender does not do: it says so instead of failing obscurely.
 */
export const maxInlineAttachmentBytes = 3 * 1024 * 1024;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `MailSender` on Graph: `POST /users/{shared mailbox}/sendMail` with file attachments, saved to Sent Items. */
export class GraphMailSender implements MailSender {
  public constructor(private readonly graph: GraphApi, private readonly mailbox: string) {}

  public async send(mail: OutgoingMail): Promise<void> {
    if (mail.to.length === 0) throw new DataError('data.error.invalidInput', 'send mail: no recipients.');
    for (const address of [...mail.to, ...mail.cc]) {
      if (!EMAIL.test(address)) throw new DataError('data.error.invalidInput', `send mail: "${address}" is not an e-mail address.`);
    }
    const total = mail.attachments.reduce((sum, attachment) => sum + attachment.content.byteLength, 0);
    if (total > maxInlineAttachmentBytes) {
      throw new DataError('data.error.invalidInput', `send mail: the attachments total ${Math.ceil(total / 1024)} KB; at most ${maxInlineAttachmentBytes / 1024} KB can be sent in one mail.`);
    }
    const recipients = (addresses: readonly string[]): unknown[] => addresses.map((address) => ({ emailAddress: { address } }));
    try {
      await this.graph.api(`/users/${encodeURIComponent(this.mailbox)}/sendMail`).post({
        message: {
          subject: mail.subject,
          body: { contentType: 'Text', content: mail.body },
          toRecipients: recipients(mail.to),
          ccRecipients: recipients(mail.cc),
          attachments: mail.attachments.map((attachment) => ({
            '@odata.type': '#microsoft.graph.fileAttachment',
            name: attachment.name,
            contentType: attachment.contentType,
            contentBytes: bytesToBase64(attachment.content)
          }))
        },
        saveToSentItems: true
      });
    } catch (error) {
      throw toDataError(error, 'send mail from the shared mailbox');
    }
  }
}
