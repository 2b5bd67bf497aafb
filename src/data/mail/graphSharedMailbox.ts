import { ResponseType } from '@microsoft/microsoft-graph-client';
import { bodyToText } from '../../correspondence/bodyText';
import type { InboundAttachment, InboundMessage } from '../../correspondence/inbound';
import { DataError, toDataError } from '../errors';
import type { GraphApi } from '../graph/notifier';
import type { SharedMailbox } from './ports';

type Json = Record<string, unknown>;

/**
 * One request per page gives the list everything it shows, the body included (`body` is the whole
 * message; `uniqueBody` would drop the quoted thread, where a reply often carries the reference).
 */
const messageSelect = 'id,subject,from,receivedDateTime,bodyPreview,body,hasAttachments,categories';
const pageSize = 50;

/**
 * A `@odata.nextLink` as a path below the API version. The Graph client treats absolute URLs of hosts it
 * does not know (the local tenant) as relative paths, so the link is always passed on as a path.
 */
export function pathAfterVersion(link: string): string {
  const match = /^https?:\/\/[^/]+(?:\/[^?]*?)?\/(?:v1\.0|beta)(\/.*)$/i.exec(link);
  return match ? match[1] : link;
}

/** The body as plain text (an HTML body converted here, so no markup travels further); nothing when Graph gave none. */
function bodyTextOf(body: unknown): { bodyText?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const { contentType, content } = body as Json;
  return typeof content === 'string' ? { bodyText: bodyToText(typeof contentType === 'string' ? contentType : undefined, content) } : {};
}

function toMessage(raw: Json): InboundMessage {
  const from = ((raw.from as Json | undefined)?.emailAddress ?? {}) as Json;
  if (typeof raw.id !== 'string' || raw.id === '') throw new DataError('data.error.corrupt', 'A mailbox message has no id.');
  return {
    id: raw.id,
    subject: typeof raw.subject === 'string' ? raw.subject : '',
    from: { name: typeof from.name === 'string' ? from.name : '', address: typeof from.address === 'string' ? from.address : '' },
    receivedDateTime: typeof raw.receivedDateTime === 'string' ? raw.receivedDateTime : '',
    bodyPreview: typeof raw.bodyPreview === 'string' ? raw.bodyPreview : '',
    ...bodyTextOf(raw.body),
    hasAttachments: raw.hasAttachments === true,
    categories: Array.isArray(raw.categories) ? raw.categories.filter((c): c is string => typeof c === 'string') : []
  };
}

function toAttachment(raw: Json): InboundAttachment {
  return {
    id: String(raw.id ?? ''),
    name: typeof raw.name === 'string' ? raw.name : '',
    contentType: typeof raw.contentType === 'string' ? raw.contentType : 'application/octet-stream',
    size: typeof raw.size === 'number' ? raw.size : 0
  };
}

/**
 * `SharedMailbox` on Microsoft Graph: `/users/{mailbox}/messages` (the signed-in user needs Full Access
 * on the shared mailbox and the `Mail.Read.Shared` / `Mail.ReadWrite.Shared` delegated permissions).
 */
export class GraphSharedMailbox implements SharedMailbox {
  public constructor(private readonly graph: GraphApi, public readonly address: string) {
    if (!/^[^\s@]+@[^\s@]+$/.test(address)) throw new DataError('data.error.invalidInput', `"${address}" is not a mailbox address.`);
  }

  private get base(): string {
    return `/users/${encodeURIComponent(this.address)}/messages`;
  }

  /** The inbox only: `/messages` would also list Sent Items, i.e. the team's own replies. */
  private get inbox(): string {
    return `/users/${encodeURIComponent(this.address)}/mailFolders/inbox/messages`;
  }

  public async listMessages(limit = 200): Promise<InboundMessage[]> {
    const messages: InboundMessage[] = [];
    try {
      let page = (await this.graph.api(this.inbox).select(messageSelect).orderby('receivedDateTime desc').top(Math.min(pageSize, limit)).get()) as Json;
      for (;;) {
        for (const raw of (page.value as Json[] | undefined) ?? []) {
          const message = toMessage(raw);
          // A mail the mailbox sent itself (e.g. a copy in the inbox) is never a request.
          if (message.from.address.toLowerCase() !== this.address.toLowerCase()) messages.push(message);
        }
        const next = page['@odata.nextLink'];
        if (messages.length >= limit || typeof next !== 'string') break;
        page = (await this.graph.api(pathAfterVersion(next)).get()) as Json;
      }
    } catch (error) {
      throw toDataError(error, `read the mailbox ${this.address}`);
    }
    return messages.slice(0, limit);
  }

  public async getMessage(messageId: string): Promise<InboundMessage> {
    try {
      return toMessage((await this.graph.api(`${this.base}/${encodeURIComponent(messageId)}`).select(messageSelect).get()) as Json);
    } catch (error) {
      throw toDataError(error, 'read a mailbox message');
    }
  }

  public async listAttachments(messageId: string): Promise<InboundAttachment[]> {
    try {
      const page = (await this.graph.api(`${this.base}/${encodeURIComponent(messageId)}/attachments`).select('id,name,contentType,size').get()) as Json;
      return ((page.value as Json[] | undefined) ?? []).filter((raw) => raw['@odata.type'] === undefined || raw['@odata.type'] === '#microsoft.graph.fileAttachment').map(toAttachment);
    } catch (error) {
      throw toDataError(error, 'list the attachments of a mailbox message');
    }
  }

  public async downloadAttachment(messageId: string, attachmentId: string): Promise<Uint8Array> {
    try {
      const path = `${this.base}/${encodeURIComponent(messageId)}/attachments/${encodeURIComponent(attachmentId)}/$value`;
      const buffer = (await this.graph.api(path).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
      return new Uint8Array(buffer);
    } catch (error) {
      throw toDataError(error, 'download a mail attachment');
    }
  }

  public async setCategories(messageId: string, categories: readonly string[]): Promise<void> {
    try {
      await this.graph.api(`${this.base}/${encodeURIComponent(messageId)}`).patch({ categories: [...categories] });
    } catch (error) {
      throw toDataError(error, 'mark a mailbox message');
    }
  }
}
