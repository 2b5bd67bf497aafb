/**
 * `GET /users/{mailbox}/mailFolders/sentitems/messages?$filter=singleValueExtendedProperties/Any(…)`:
 * the local tenant's Sent Items are the outbox's mails from that mailbox; the one filter supported is the
 * scheduled job's lookup of a single-value extended property by id and value (how Graph finds a mail
 * by its reminder key). Reference: https://learn.microsoft.com/en-us/graph/api/singlevaluelegacyextendedproperty-get
 */
import { sharedMailbox } from '../personas';
import { authenticate } from '../server/auth';
import { Access, effectiveMethod } from '../server/context';
import { HttpError, forbidden, jsonResponse, type LtRequest, type LtResponse } from '../server/http';
import type { TenantStore } from '../store/tenant-store';

const sentItemsPath = /^(?:users\/([^/]+)|me)\/mailFolders\/sentitems\/messages$/i;
const propertyFilter = /^singleValueExtendedProperties\/Any\(\s*(\w+)\s*:\s*\1\/id eq '((?:[^']|'')*)' and \1\/value eq '((?:[^']|'')*)'\s*\)$/i;

const unquote = (value: string): string => value.replace(/''/g, "'");

interface SentPayload {
  readonly message?: { readonly singleValueExtendedProperties?: readonly { readonly id?: unknown; readonly value?: unknown }[] };
}

/** Answers the Sent Items lookup; `undefined` for any other request. */
export function handleSentItemsRoute(store: TenantStore, request: LtRequest, graphPath: string): LtResponse | undefined {
  const match = sentItemsPath.exec(graphPath);
  if (!match || effectiveMethod(request) !== 'GET') return undefined;
  const user = authenticate(request, store);
  const mailbox = (match[1] ? decodeURIComponent(match[1]) : user.email).toLowerCase();
  if (mailbox === sharedMailbox ? !new Access(store, user).canReadSite() : mailbox !== user.email.toLowerCase()) throw forbidden();
  const filter = request.url.searchParams.get('$filter');
  const parsed = filter ? propertyFilter.exec(filter.trim()) : null;
  if (filter && !parsed) throw new HttpError(400, 'The local tenant filters Sent Items only on one single-value extended property (id and value).', '-1, System.ArgumentException', 'ErrorInvalidRequest');
  const sent = store.outbox.all().filter((entry) => entry.kind === 'mail' && entry.sender.toLowerCase() === mailbox);
  const matching = parsed
    ? sent.filter((entry) => ((entry.payload as SentPayload)?.message?.singleValueExtendedProperties ?? []).some((p) => p.id === unquote(parsed[2]) && p.value === unquote(parsed[3])))
    : sent;
  const top = Number(request.url.searchParams.get('$top') ?? 10);
  const value = matching.slice(0, Number.isInteger(top) && top > 0 ? top : 10).map((entry) => ({ id: `sent-${entry.id}`, subject: entry.subject, sentDateTime: entry.created }));
  return jsonResponse(200, { value }, 'application/json;odata.metadata=minimal;charset=utf-8');
}
