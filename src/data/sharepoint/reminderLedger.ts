import type { SPFI } from '@pnp/sp';
import { body } from '@pnp/queryable';
import { spPost } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { LedgerChange, LedgerClaim, LedgerEntry, LedgerStatus, LedgerStep, ReminderLedger } from '../reminderPorts';
import { DataError, httpStatusOf, toDataError } from '../errors';
import { etagOf, isoOrUndefined, odataString } from '../odata';
import type { ODataPage } from '../odata';
import { LIST_REMINDERS, ReminderColumn } from '../schemaNames';
import { EntityWithEtagParse, EtagHeaderParse, PageParse } from './parsers';
import type { EntityWithEtag } from './parsers';

type Fields = Record<string, unknown>;

const statuses: readonly LedgerStatus[] = ['claimed', 'sent', 'failed'];
const selected = ['Id', ReminderColumn.Key, ReminderColumn.Status, ReminderColumn.ClaimedAt, ReminderColumn.Attempts, ReminderColumn.Steps];

/** SharePoint's refusal of a duplicate value in a unique column (`SPDuplicateValuesFoundException`). */
function isDuplicateRefusal(error: unknown): boolean {
  const status = httpStatusOf(error);
  const text = error instanceof Error ? error.message : String(error);
  return (status === 409 || status === 400 || status === 500) && /duplicate|unique|SPDuplicateValuesFound|-2130575169/i.test(text);
}

/** The ledger entry of an item; an unreadable item is `data.error.corrupt` (never guessed). */
function entryOf(item: Fields, etag: string | undefined): LedgerEntry & { itemId: number } {
  const itemId = Number(item.Id ?? item.ID);
  const status = item[ReminderColumn.Status] as LedgerStatus;
  let steps: unknown = [];
  try {
    steps = JSON.parse(String(item[ReminderColumn.Steps] ?? '[]'));
  } catch {
    steps = undefined;
  }
  const claimedAt = isoOrUndefined(item[ReminderColumn.ClaimedAt]);
  if (!statuses.includes(status) || !Array.isArray(steps) || !claimedAt || !etag) {
    throw new DataError('data.error.corrupt', `reminder ledger item ${itemId} is unreadable (status, steps, claim time or ETag).`);
  }
  return {
    itemId,
    key: String(item[ReminderColumn.Key]),
    status,
    claimedAt,
    attempts: Number(item[ReminderColumn.Attempts] ?? 1),
    steps: steps.filter((step): step is LedgerStep => typeof step === 'string'),
    revision: etag
  };
}

/**
 * `ReminderLedger` on the list `Herinneringen`: `Title` is the idempotency key, unique (provisioned with
 * `EnforceUniqueValues`), so creating the item is the claim and SharePoint refuses a second one. Changes
 * are MERGEs with `If-Match`: a 412 means another instance wrote first. The requester's draft is kept
 * as JSON on the item for a person to preview and send.
 */
export class SharePointReminderLedger implements ReminderLedger {
  public constructor(private readonly sp: SPFI) {}

  private list(): ReturnType<SPFI['web']['lists']['getByTitle']> {
    return this.sp.web.lists.getByTitle(LIST_REMINDERS);
  }

  public async create(claim: LedgerClaim): Promise<LedgerEntry | undefined> {
    const what = `claim reminder ${claim.kind}${claim.reference ? ` of ${claim.reference}` : ''}`;
    let created: Fields;
    try {
      created = (await spPost(this.list().items, body({
        [ReminderColumn.Key]: claim.key,
        [ReminderColumn.Kind]: claim.kind,
        [ReminderColumn.DossierReference]: claim.reference ?? '',
        [ReminderColumn.DueOn]: claim.dueOn,
        [ReminderColumn.Status]: 'claimed',
        [ReminderColumn.ClaimedAt]: claim.at,
        [ReminderColumn.Attempts]: 1,
        [ReminderColumn.Steps]: '[]'
      }))) as Fields;
    } catch (error) {
      if (isDuplicateRefusal(error)) return undefined;
      throw toDataError(error, what);
    }
    return this.read(Number(created.Id ?? created.ID), what);
  }

  private async read(itemId: number, what: string): Promise<LedgerEntry> {
    try {
      const single = (await this.list().items.getById(itemId).select(...selected).using(EntityWithEtagParse())()) as unknown as EntityWithEtag;
      return entryOf(single.entity, single.etag);
    } catch (error) {
      throw toDataError(error, what);
    }
  }

  public async get(key: string): Promise<LedgerEntry | undefined> {
    const what = 'read a reminder ledger entry';
    let page: ODataPage<Fields>;
    try {
      page = (await this.list().items.select(...selected).filter(`${ReminderColumn.Key} eq ${odataString(key)}`).top(2).using(PageParse())()) as unknown as ODataPage<Fields>;
    } catch (error) {
      throw toDataError(error, what);
    }
    const [item] = page.rows;
    if (!item) return undefined;
    const etag = etagOf(item);
    return etag ? entryOf(item, etag) : this.read(Number(item.Id ?? item.ID), what);
  }

  public async update(entry: LedgerEntry, change: LedgerChange): Promise<LedgerEntry | undefined> {
    const what = 'update a reminder ledger entry';
    const itemId = (entry as LedgerEntry & { itemId?: number }).itemId;
    if (itemId === undefined) throw new DataError('data.error.invalidInput', `${what}: the entry was not read from the list.`);
    const fields: Fields = {};
    if (change.status) fields[ReminderColumn.Status] = change.status;
    if (change.claimedAt) fields[ReminderColumn.ClaimedAt] = change.claimedAt;
    if (change.attempts !== undefined) fields[ReminderColumn.Attempts] = change.attempts;
    if (change.steps) fields[ReminderColumn.Steps] = JSON.stringify(change.steps);
    if (change.error !== undefined) fields[ReminderColumn.LastError] = change.error.slice(0, 255);
    // A reminder sent at last no longer carries the error of an earlier attempt.
    else if (change.status === 'sent') fields[ReminderColumn.LastError] = null;
    if (change.sentAt) fields[ReminderColumn.SentAt] = change.sentAt;
    if (change.draft) {
      fields[ReminderColumn.Draft] = JSON.stringify(change.draft);
      // The register lists it until a person sends or dismisses it.
      fields[ReminderColumn.DraftStatus] = 'waiting';
    }
    try {
      await spPost(this.list().items.getById(itemId).using(EtagHeaderParse()), body(fields, { headers: { 'IF-Match': entry.revision, 'X-HTTP-Method': 'MERGE' } }));
    } catch (error) {
      if (httpStatusOf(error) === 412) return undefined;
      throw toDataError(error, what);
    }
    return this.read(itemId, what);
  }
}
