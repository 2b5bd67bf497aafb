import type { SPFI } from '@pnp/sp';
import { body } from '@pnp/queryable';
import { spPost } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { highestInSeries, numberInSeries, seriesFor } from '../../domain/numbering';
import type { Dossier } from '../../domain/types';
import { MAX_CONCURRENT_TWINS, winningItem } from '../concurrentCreation';
import { DataError, hasDataErrorCode, httpStatusOf, toDataError } from '../errors';
import { etagOf, odataString } from '../odata';
import type { ODataPage } from '../odata';
import type { DossierStore, NumberIssuer } from '../ports';
import { LIST_NUMBERING, NumberingColumn } from '../schemaNames';
import { EntityWithEtagParse, EtagHeaderParse, PageParse } from './parsers';
import type { EntityWithEtag } from './parsers';

type Fields = Record<string, unknown>;

/** Options of the issuer; tests shorten the waits. */
export interface NumberIssuerOptions {
  /** Attempts before giving up with `data.error.conflict` (each lost race is one attempt). */
  readonly maxAttempts?: number;
  /** Upper bound of the first back-off in ms; doubles per attempt up to `maxDelayMs`, always jittered. */
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}


const itemIdOf = (item: Fields): number => Number(item.Id ?? item.ID);

/**
 * `NumberIssuer` on the `Nummering` list: one item per series holding the last number given. A number
 * is reserved by a MERGE of `LastNumber` with `If-Match`: two issuers that read the same value cannot
 * both write it (the second gets 412, re-reads and tries the next one), so two countersignatures at the
 * same moment never share a number. The next number is `max(LastNumber, highest number of the series
 * already in Dossiers) + 1`, so a site whose numbers were given before the counter existed (or a counter
 * someone reset) continues after the numbers in use. A missing series item is created; two creators of
 * the same series race like two registrations of one reference (the lowest item id is the counter, the
 * other removes its item and retries), and where `Title` is unique the second create is refused and
 * retried the same way.
 */
export class SharePointNumberIssuer implements NumberIssuer {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  public constructor(
    private readonly sp: SPFI,
    private readonly dossiers: Pick<DossierStore, 'protocolNumbersStartingWith' | 'rowsByProtocolNumber'>,
    options: NumberIssuerOptions = {}
  ) {
    this.maxAttempts = options.maxAttempts ?? 40;
    this.baseDelayMs = options.baseDelayMs ?? 20;
    this.maxDelayMs = options.maxDelayMs ?? 400;
    this.sleep = options.sleep ?? ((ms): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
  }

  private counters(): ReturnType<SPFI['web']['lists']['getByTitle']> {
    return this.sp.web.lists.getByTitle(LIST_NUMBERING);
  }

  public async issue(dossier: Dossier, year: number): Promise<string> {
    const series = seriesFor(dossier, year);
    const what = `issue a number of series ${series}`;
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) {
      if (attempt > 0) await this.backOff(attempt);
      const counter = await this.readCounter(series, what);
      const inUse = await this.highestInDossiers(series, what);
      const next = Math.max(counter?.lastNumber ?? 0, inUse) + 1;
      const reserved = counter ? await this.advance(counter, next, what) : await this.create(series, next, what);
      if (reserved) return numberInSeries(series, next);
    }
    throw new DataError('data.error.conflict', `${what}: the counter kept changing (${this.maxAttempts} attempts).`, 412);
  }

  /** Full jitter: a random wait up to an exponentially growing bound, so losers spread out. */
  private async backOff(attempt: number): Promise<void> {
    const bound = Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** Math.min(attempt - 1, 10));
    await this.sleep(Math.floor(this.random() * bound));
  }

  private async readCounter(series: string, what: string): Promise<{ itemId: number; etag: string; lastNumber: number } | undefined> {
    let page: ODataPage<Fields>;
    try {
      page = (await this.counters()
        .items.select('Id', NumberingColumn.Series, NumberingColumn.LastNumber)
        .filter(`${NumberingColumn.Series} eq ${odataString(series)}`)
        .top(MAX_CONCURRENT_TWINS)
        .using(PageParse())()) as unknown as ODataPage<Fields>;
    } catch (error) {
      throw toDataError(error, what);
    }
    const item = winningItem(page.rows, itemIdOf);
    if (!item) return undefined;
    const itemId = itemIdOf(item);
    const etag = etagOf(item) ?? (await this.etagOfItem(itemId, what));
    const lastNumber = Number(item[NumberingColumn.LastNumber] ?? 0);
    if (!Number.isInteger(lastNumber) || lastNumber < 0) throw new DataError('data.error.corrupt', `${what}: LastNumber of item ${itemId} is not a whole number.`);
    return { itemId, etag, lastNumber };
  }

  /** nometadata answers carry no ETag in the body: read the item once more for its `ETag` header. */
  private async etagOfItem(itemId: number, what: string): Promise<string> {
    try {
      const single = (await this.counters().items.getById(itemId).select('Id').using(EntityWithEtagParse())()) as unknown as EntityWithEtag;
      if (!single.etag) throw new DataError('data.error.corrupt', `${what}: counter item ${itemId} has no ETag.`);
      return single.etag;
    } catch (error) {
      throw toDataError(error, what);
    }
  }

  /** The highest number of the series already given in `Dossiers` (numbers from before the counter). */
  private async highestInDossiers(series: string, what: string): Promise<number> {
    try {
      const addenda = /^(.*)\/A$/.exec(series);
      if (addenda) {
        const rows = await this.dossiers.rowsByProtocolNumber(addenda[1]);
        return highestInSeries(series, rows.map((row) => row.addendumNumber).filter((n): n is string => n !== undefined));
      }
      return highestInSeries(series, await this.dossiers.protocolNumbersStartingWith(`${series}-`));
    } catch (error) {
      throw toDataError(error, what);
    }
  }

  /** MERGE with `If-Match`; false when someone else advanced the counter first (412). */
  private async advance(counter: { itemId: number; etag: string }, next: number, what: string): Promise<boolean> {
    try {
      await spPost(
        this.counters().items.getById(counter.itemId).using(EtagHeaderParse()),
        body({ [NumberingColumn.LastNumber]: next }, { headers: { 'IF-Match': counter.etag, 'X-HTTP-Method': 'MERGE' } })
      );
      return true;
    } catch (error) {
      if (httpStatusOf(error) === 412) return false;
      throw toDataError(error, what);
    }
  }

  /**
   * Creates the series' counter at `next`. False when another issuer created it at the same time: a
   * unique `Title` refuses the second item (a 4xx naming the duplicate), or without that refusal the
   * lower item id wins and this one removes its own item.
   */
  private async create(series: string, next: number, what: string): Promise<boolean> {
    let created: Fields;
    try {
      created = (await spPost(this.counters().items, body({ [NumberingColumn.Series]: series, [NumberingColumn.LastNumber]: next }))) as Fields;
    } catch (error) {
      if (isDuplicateRefusal(error)) return false;
      throw toDataError(error, what);
    }
    const ownId = itemIdOf(created);
    let ids: number[];
    try {
      const page = (await this.counters()
        .items.select('Id')
        .filter(`${NumberingColumn.Series} eq ${odataString(series)}`)
        .top(MAX_CONCURRENT_TWINS)
        .using(PageParse())()) as unknown as ODataPage<Fields>;
      ids = page.rows.map(itemIdOf);
    } catch (error) {
      throw toDataError(error, what);
    }
    const winner = winningItem(ids, (id) => id);
    if (winner === undefined || winner >= ownId) return true;
    try {
      await this.counters().items.getById(ownId).delete();
    } catch (error) {
      // The twin is harmless for numbering (every read takes the lowest id) but must not go unnoticed.
      const removal = toDataError(error, what);
      if (!hasDataErrorCode(removal, 'data.error.notFound')) {
        throw new DataError(removal.code, `${what}: a concurrent counter item ${ownId} could not be removed (${removal.message}).`, removal.status, { orphanItemId: ownId });
      }
    }
    return false;
  }
}

/** SharePoint's refusal of a duplicate value in a unique column (`SPDuplicateValuesFoundException`, 409/400). */
function isDuplicateRefusal(error: unknown): boolean {
  const status = httpStatusOf(error);
  const text = error instanceof Error ? error.message : String(error);
  return (status === 409 || status === 400 || status === 500) && /duplicate|unique|SPDuplicateValuesFound|-2130575169/i.test(text);
}
