/**
 * Graph routes the mailbox intake needs beyond the tenant's own: `GET …/mailFolders/inbox/messages`
 * (paged) and `PATCH /users/{mailbox}/messages/{id}` with `categories` (and `isRead`), which is how the
 * intake marks a message as linked to a dossier.
 * References: https://learn.microsoft.com/en-us/graph/api/user-list-messages ,
 * https://learn.microsoft.com/en-us/graph/api/message-update
 */
import { sharedMailbox } from '../personas';
import { authenticate } from '../server/auth';
import { Access, effectiveMethod } from '../server/context';
import { HttpError, bodyJson, forbidden, jsonResponse, type LtRequest, type LtResponse } from '../server/http';
import type { TenantStore } from '../store/tenant-store';
import { graphMessage } from '../server/graph-entities';

const messagePath = /^(?:users\/([^/]+)|me)\/messages\/([^/]+)$/i;
const inboxPath = /^(?:users\/([^/]+)|me)\/mailFolders\/inbox\/messages$/i;

/** Properties of a message this route may change (the rest of a Graph message is read-only here). */
const writable = new Set(['categories', 'isRead']);

/** The mailbox a request addresses, after checking the user may open it. */
function openMailbox(store: TenantStore, request: LtRequest, encodedMailbox: string | undefined): string {
  const user = authenticate(request, store);
  const mailbox = (encodedMailbox ? decodeURIComponent(encodedMailbox) : user.email).toLowerCase();
  if (mailbox === sharedMailbox) {
    if (!new Access(store, user).canReadSite()) throw forbidden();
  } else if (mailbox !== user.email.toLowerCase()) {
    throw forbidden();
  }
  return mailbox;
}

/**
 * `GET …/mailFolders/inbox/messages`: the received messages, newest first, with `$top`, `$skip`,
 * `$select` and `@odata.nextLink`. The local mailbox holds only received mail, so the inbox is all of it;
 * in Graph `/messages` also lists Sent Items, which is why the intake reads the inbox.
 */
function inboxMessages(store: TenantStore, request: LtRequest, encodedMailbox: string | undefined): LtResponse {
  const mailbox = openMailbox(store, request, encodedMailbox);
  const params = request.url.searchParams;
  const top = Number(params.get('$top') ?? 10);
  const skip = Number(params.get('$skip') ?? 0);
  if (!Number.isInteger(top) || top < 1 || top > 1000) throw invalid('$top must be an integer from 1 to 1000.');
  if (!Number.isInteger(skip) || skip < 0) throw invalid('$skip must be a non-negative integer.');
  const select = params.get('$select');
  const wanted = select ? new Set(select.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean)) : undefined;
  const all = store.mailbox.messages(mailbox);
  const value = all.slice(skip, skip + top).map((stored) => {
    const full = graphMessage(stored, store.mailbox.attachments(mailbox, stored.id).length > 0);
    return wanted ? Object.fromEntries(Object.entries(full).filter(([key]) => key === 'id' || wanted.has(key.toLowerCase()))) : full;
  });
  const body: Record<string, unknown> = { value };
  if (skip + top < all.length) {
    const next = new URL(request.url.toString());
    next.searchParams.set('$skip', String(skip + top));
    body['@odata.nextLink'] = next.toString();
  }
  return jsonResponse(200, body, 'application/json;odata.metadata=minimal;charset=utf-8');
}

function invalid(message: string): HttpError {
  return new HttpError(400, message, '-1, System.ArgumentException', 'ErrorInvalidRequest');
}

/**
 * Handles `PATCH …/messages/{id}`; returns `undefined` for any other request so the tenant's own Graph
 * routes answer it. Members of the VSA groups may change messages of the shared mailbox (Full Access).
 */
export function handleMailboxRoute(store: TenantStore, request: LtRequest, graphPath: string): LtResponse | undefined {
  const inbox = inboxPath.exec(graphPath);
  if (inbox && effectiveMethod(request) === 'GET') return inboxMessages(store, request, inbox[1]);
  const match = messagePath.exec(graphPath);
  if (!match || effectiveMethod(request) !== 'PATCH') return undefined;
  const mailbox = openMailbox(store, request, match[1]);
  const messageId = decodeURIComponent(match[2]);
  const row = store.db.prepare('SELECT payload, received FROM mailbox_messages WHERE mailbox = ? AND id = ?').get(mailbox, messageId) as
    | { payload: string; received: string }
    | undefined;
  if (!row) throw new HttpError(404, 'The specified object was not found in the store.', '-1, System.ArgumentException', 'ErrorItemNotFound');
  const patch = bodyJson(request);
  for (const key of Object.keys(patch)) {
    if (!writable.has(key)) throw invalid(`The property '${key}' cannot be changed in the local tenant (only categories and isRead).`);
  }
  if (patch.categories !== undefined && (!Array.isArray(patch.categories) || patch.categories.some((c) => typeof c !== 'string' || c.length > 255))) {
    throw invalid('categories must be an array of strings of at most 255 characters.');
  }
  if (patch.isRead !== undefined && typeof patch.isRead !== 'boolean') throw invalid('isRead must be true or false.');
  const message = { ...(JSON.parse(row.payload) as Record<string, unknown>), ...patch };
  // MailboxStore has no update method yet; the payload column is the message as Graph returns it.
  store.db.prepare('UPDATE mailbox_messages SET payload = ? WHERE mailbox = ? AND id = ?').run(JSON.stringify(message), mailbox, messageId);
  const hasAttachments = store.mailbox.attachments(mailbox, messageId).length > 0;
  return jsonResponse(200, { ...message, id: messageId, receivedDateTime: row.received, hasAttachments }, 'application/json;odata.metadata=minimal;charset=utf-8');
}
