import type { Dossier, DossierEvent, DocumentKind, DocumentPhase, IsoDateTime, StateId } from '../../../domain/types';
import { DataError, toDataError } from '../../errors';
import { DocumentColumn, DossierColumn, EventColumn, LIBRARY_DOCUMENTS, LIST_DOSSIERS, LIST_EVENTS } from '../../schema';
import type { CheckStatus } from '../../schema';
import { eventFromItem, projectionFromItem } from '../../sharepoint/itemMapping';
import { okBody, sendBatch, type BatchOptions, type BatchRequest, type BatchResponse } from '../graphBatch';
import { graphString } from '../graphClient';
import { fieldsWithId, itemsOfPage, listItemsUrl, readAllItems, readRemainingPages, type GraphListItem, type ListItemsQuery } from '../graphListItems';
import type { GraphSite } from '../graphSite';

/** A dossier of the queue with what a later write needs. */
export interface QueueDossier {
  readonly itemId: number;
  readonly etag: string;
  readonly dossier: Dossier;
}

/** The queue as read: dossiers per state, plus references whose stored snapshot could not be read. */
export interface QueueRead {
  readonly dossiers: readonly QueueDossier[];
  readonly unreadable: readonly string[];
}

/** A file of a dossier with the link that opens it (in Word for .docx). */
export interface DocumentLink {
  readonly fileName: string;
  readonly webUrl: string;
  readonly kind?: DocumentKind;
  readonly phase?: DocumentPhase;
  readonly checkStatus?: CheckStatus;
}

/** A decision-type event of the Chief Statistician, with the dossier it belongs to (if readable). */
export interface DecisionRecord {
  readonly event: DossierEvent;
  readonly dossier?: Dossier;
}

/** Event types the history shows: decisions and questions back to the DPO team. */
export const decisionEventTypes = ['DecisionMade', 'MoreInformationRequested'] as const;

const QUEUE_SELECT = [DossierColumn.Reference, DossierColumn.State, DossierColumn.StateSince, DossierColumn.EventCount, DossierColumn.LastEventId, DossierColumn.PendingEvents, DossierColumn.Snapshot];
const DOCUMENT_SELECT = ['FileLeafRef', DocumentColumn.DossierReference, DocumentColumn.Kind, DocumentColumn.Phase, DocumentColumn.CheckStatus];

function chunk<T>(values: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < values.length; start += size) chunks.push(values.slice(start, start + size));
  return chunks;
}

/**
 * The approvals tab's reads through Microsoft Graph. Every filter's first clause is on a column
 * provisioning indexed (`DossierState`, `DossierReference`, `OccurredAt`, `Title` of Dossiers), and
 * detail reads travel in JSON `$batch` calls of at most 20 requests.
 */
export class GraphApprovalsReader {
  public constructor(
    private readonly site: GraphSite,
    private readonly batchOptions: BatchOptions = {}
  ) {}

  /** Dossiers in the given states: one `$batch`, one indexed `DossierState eq` query per state. */
  public async readQueue(states: readonly StateId[]): Promise<QueueRead> {
    const what = 'read the approvals queue';
    const siteId = await this.site.siteId();
    const requests: BatchRequest[] = states.map((state) => ({
      id: state,
      url: listItemsUrl(siteId, LIST_DOSSIERS, {
        select: QUEUE_SELECT,
        filter: `fields/${DossierColumn.State} eq ${graphString(state)}`,
        orderBy: `fields/${DossierColumn.StateSince}`,
        top: 500
      })
    }));
    let answers: Map<string, BatchResponse>;
    try {
      answers = await sendBatch(this.site.client, requests, this.batchOptions);
    } catch (error) {
      throw toDataError(error, what);
    }
    const dossiers: QueueDossier[] = [];
    const unreadable: string[] = [];
    for (const state of states) {
      const items = await readRemainingPages(this.site.client, itemsOfPage(okBody(answers.get(state), what), what), {}, what);
      for (const item of items) {
        const entry = this.queueDossierOf(item);
        if (entry) dossiers.push(entry);
        // Named by reference and item id, like the register's skipped rows, so the item can be found.
        else unreadable.push(typeof item.fields[DossierColumn.Reference] === 'string' ? `${String(item.fields[DossierColumn.Reference])} (item ${item.id})` : `item ${item.id}`);
      }
    }
    return { dossiers, unreadable };
  }

  private queueDossierOf(item: GraphListItem): QueueDossier | undefined {
    try {
      const projection = projectionFromItem(fieldsWithId(item), item.eTag ?? (item.fields['@odata.etag'] as string | undefined));
      if (!projection.snapshot) return undefined;
      return { itemId: projection.itemId, etag: projection.etag, dossier: projection.snapshot };
    } catch {
      // A corrupt snapshot is reported by reference (QueueRead.unreadable), never silently dropped.
      return undefined;
    }
  }

  /** The files of each dossier: one detail read per dossier, batched 20 at a time. */
  public async readDocuments(references: readonly string[]): Promise<Map<string, DocumentLink[]>> {
    const what = 'read the documents of the queue';
    const siteId = await this.site.siteId();
    const unique = [...new Set(references)];
    const requests = unique.map((reference, index) => ({
      id: `d${index}`,
      url: listItemsUrl(siteId, LIBRARY_DOCUMENTS, {
        select: DOCUMENT_SELECT,
        filter: `fields/${DocumentColumn.DossierReference} eq ${graphString(reference)}`,
        top: 500
      })
    }));
    let answers: Map<string, BatchResponse>;
    try {
      answers = await sendBatch(this.site.client, requests, this.batchOptions);
    } catch (error) {
      throw toDataError(error, what);
    }
    const result = new Map<string, DocumentLink[]>();
    unique.forEach((reference, index) => {
      const items = itemsOfPage(okBody(answers.get(`d${index}`), `${what} (${reference})`), what).items;
      result.set(reference, items.map((item) => this.documentLinkOf(reference, item)));
    });
    return result;
  }

  /**
   * The file's URL from the library layout (a folder per dossier): what Graph's `webUrl` is for a file
   * in SharePoint Online, and stable locally where list items only have a form URL.
   */
  private documentLinkOf(reference: string, item: GraphListItem): DocumentLink {
    const leaf = item.fields.FileLeafRef;
    const fileName = typeof leaf === 'string' && leaf.length > 0 ? leaf : undefined;
    const siteUrl = this.site.siteUrl.replace(/\/+$/, '');
    return {
      fileName: fileName ?? String(item.fields.Title ?? `item ${item.id}`),
      webUrl: fileName ? `${siteUrl}/${LIBRARY_DOCUMENTS}/${encodeURIComponent(reference)}/${encodeURIComponent(fileName)}` : item.webUrl ?? siteUrl,
      kind: item.fields[DocumentColumn.Kind] as DocumentKind | undefined,
      phase: item.fields[DocumentColumn.Phase] as DocumentPhase | undefined,
      checkStatus: item.fields[DocumentColumn.CheckStatus] as CheckStatus | undefined
    };
  }

  /**
   * Decisions and information requests since `since`: the event log filtered on the indexed
   * `OccurredAt` first and on the (not indexed) event type second, hence the `Prefer` header; then the
   * decided dossiers' snapshots in `$batch` calls of 20 for the lead times.
   */
  public async readDecisionHistory(since: IsoDateTime): Promise<DecisionRecord[]> {
    const what = 'read the decision history';
    if (Number.isNaN(Date.parse(since))) throw new DataError('data.error.invalidInput', `${what}: "${since}" is not a date-time.`);
    const typeClause = decisionEventTypes.map((type) => `fields/${EventColumn.EventType} eq ${graphString(type)}`).join(' or ');
    const query: ListItemsQuery = {
      select: [EventColumn.EventType, EventColumn.EventId, EventColumn.Sequence, EventColumn.DossierReference, EventColumn.OccurredAt, EventColumn.Payload],
      filter: `fields/${EventColumn.OccurredAt} ge ${graphString(since)} and (${typeClause})`,
      top: 1000,
      honorNonIndexed: true
    };
    const items = await readAllItems(this.site.client, await this.site.siteId(), LIST_EVENTS, query, what);
    const events = items.map((item) => eventFromItem(fieldsWithId(item)).event);
    const dossiers = await this.readDossiers(events.map((event) => event.dossierReference));
    return events.map((event) => ({ event, dossier: dossiers.get(event.dossierReference) }));
  }

  /** Snapshots of dossiers by reference (indexed `Title`), 20 detail reads per `$batch`. */
  public async readDossiers(references: readonly string[]): Promise<Map<string, Dossier>> {
    const what = 'read dossiers';
    const siteId = await this.site.siteId();
    const result = new Map<string, Dossier>();
    const unique = [...new Set(references)];
    const requests = unique.map((reference, index) => ({
      id: `r${index}`,
      url: listItemsUrl(siteId, LIST_DOSSIERS, { select: QUEUE_SELECT, filter: `fields/${DossierColumn.Reference} eq ${graphString(reference)}`, top: 5 })
    }));
    for (const part of chunk(requests, 20)) {
      let answers: Map<string, BatchResponse>;
      try {
        answers = await sendBatch(this.site.client, part, this.batchOptions);
      } catch (error) {
        throw toDataError(error, what);
      }
      for (const request of part) {
        const items = itemsOfPage(okBody(answers.get(request.id), what), what).items;
        const entry = items.length === 1 ? this.queueDossierOf(items[0]) : undefined;
        if (entry) result.set(entry.dossier.reference, entry.dossier);
      }
    }
    return result;
  }
}

