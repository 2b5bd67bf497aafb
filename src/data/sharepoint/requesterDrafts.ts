import type { SPFI } from '@pnp/sp';
import { body } from '@pnp/queryable';
import { spPost } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { DraftHandling, RequesterDraft, RequesterDraftKind, RequesterDraftStore, WaitingDraft } from '../reminderPorts';
import { DataError, httpStatusOf, toDataError } from '../errors';
import { etagOf, odataString } from '../odata';
import type { ODataPage } from '../odata';
import { LIST_REMINDERS, ReminderColumn } from '../schema';
import { EtagHeaderParse, PageParse } from './parsers';

type Fields = Record<string, unknown>;

const draftKinds: readonly RequesterDraftKind[] = ['requesterReminder', 'destructionRequest'];
const selected = ['Id', ReminderColumn.Key, ReminderColumn.Kind, ReminderColumn.DossierReference, ReminderColumn.DueOn, ReminderColumn.Draft];
/** Far more than ever wait at once; a full page is said, never cut silently. */
const pageSize = 2000;

function isDraft(value: unknown): value is RequesterDraft {
  const draft = value as Partial<RequesterDraft> | null;
  return typeof draft === 'object' && draft !== null && typeof draft.reference === 'string' && typeof draft.to === 'string' &&
    typeof draft.subject === 'string' && typeof draft.body === 'string' && (draft.lang === 'nl' || draft.lang === 'en');
}

/** The waiting draft of an item; an unreadable one is `data.error.corrupt` (never guessed, never skipped). */
function waitingOf(item: Fields): WaitingDraft {
  const itemId = Number(item.Id ?? item.ID);
  const kind = item[ReminderColumn.Kind] as RequesterDraftKind;
  let draft: unknown;
  try {
    draft = JSON.parse(String(item[ReminderColumn.Draft] ?? ''));
  } catch {
    draft = undefined;
  }
  const etag = etagOf(item);
  if (!draftKinds.includes(kind) || !isDraft(draft) || !etag) {
    throw new DataError('data.error.corrupt', `reminder ledger item ${itemId}: its requester draft is unreadable (kind, draft JSON or ETag).`);
  }
  return {
    key: String(item[ReminderColumn.Key]),
    reference: String(item[ReminderColumn.DossierReference] ?? draft.reference),
    kind,
    dueOn: String(item[ReminderColumn.DueOn] ?? ''),
    draft,
    revision: `${itemId}|${etag}`
  };
}

/** The item id and ETag of a revision written by `waitingOf`. */
function itemOf(draft: WaitingDraft): { readonly itemId: number; readonly etag: string } {
  const bar = draft.revision.indexOf('|');
  const itemId = Number(draft.revision.slice(0, bar));
  if (bar < 0 || !Number.isInteger(itemId)) throw new DataError('data.error.invalidInput', 'the requester draft was not read from the list.');
  return { itemId, etag: draft.revision.slice(bar + 1) };
}

/**
 * `RequesterDraftStore` on the list `Herinneringen`: the job writes `DraftStatus = waiting` with the
 * draft; the register lists those items (indexed `DraftStatus`, by dossier on the indexed
 * `DossierReference`) and closes them as `sent` or `dismissed`, with who, when and the reason.
 */
export class SharePointRequesterDrafts implements RequesterDraftStore {
  public constructor(private readonly sp: SPFI) {}

  private list(): ReturnType<SPFI['web']['lists']['getByTitle']> {
    return this.sp.web.lists.getByTitle(LIST_REMINDERS);
  }

  public async waiting(reference?: string): Promise<readonly WaitingDraft[]> {
    const what = reference ? `read the waiting requester drafts of ${reference}` : 'read the waiting requester drafts';
    const filter = `${ReminderColumn.DraftStatus} eq 'waiting'${reference ? ` and ${ReminderColumn.DossierReference} eq ${odataString(reference)}` : ''}`;
    let page: ODataPage<Fields>;
    try {
      page = (await this.list().items.select(...selected).filter(filter).orderBy('Id').top(pageSize).using(PageParse())()) as unknown as ODataPage<Fields>;
    } catch (error) {
      throw toDataError(error, what);
    }
    if (page.nextLink) throw new DataError('data.error.threshold', `${what}: more than ${pageSize} drafts wait.`);
    return page.rows.map(waitingOf);
  }

  public async markHandled(draft: WaitingDraft, handling: DraftHandling): Promise<boolean> {
    const what = `mark the requester draft ${draft.kind} of ${draft.reference} ${handling.status}`;
    const { itemId, etag } = itemOf(draft);
    const fields: Fields = {
      [ReminderColumn.DraftStatus]: handling.status,
      [ReminderColumn.DraftHandledBy]: handling.by.slice(0, 255),
      [ReminderColumn.DraftHandledAt]: handling.at,
      ...(handling.status === 'dismissed' ? { [ReminderColumn.DraftNote]: handling.reason } : {})
    };
    // A sent mail is marked whatever changed since (it went out); a dismissal only over what the person saw.
    const ifMatch = handling.status === 'sent' ? '*' : etag;
    try {
      await spPost(this.list().items.getById(itemId).using(EtagHeaderParse()), body(fields, { headers: { 'IF-Match': ifMatch, 'X-HTTP-Method': 'MERGE' } }));
    } catch (error) {
      if (httpStatusOf(error) === 412) return false;
      throw toDataError(error, what);
    }
    return true;
  }
}
