import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/batching';
import type { LoadedDossier, ReplayTrust } from '../mergeStream';
import { toDataError } from '../errors';
import { odataString } from '../odata';
import type { ODataPage } from '../odata';
import type { Actor } from '../../domain/types';
import type { RegisterPage, RegisterQuery, StoredDocument } from '../ports';
import { DossierColumn, EventColumn, LIST_DOSSIERS, LIST_EVENTS } from '../schemaNames';
import type { SharePointDirectory } from './directory';
import type { SharePointDocumentLibrary } from './documentLibrary';
import type { SharePointDossierStore } from './dossierStore';
import { EVENT_EXPAND, EVENT_SELECT, PROJECTION_EXPAND, PROJECTION_SELECT, eventsFromItems } from './itemMapping';
import { PageParse } from './parsers';

type Fields = Record<string, unknown>;

/** The first screen of the register: who is signed in, the first page and the list's size. */
export interface RegisterScreen {
  readonly actor: Actor;
  readonly page: RegisterPage;
  /** Items in the `Dossiers` list (all states). */
  readonly totalDossiers: number;
}

/** A dossier's detail: replayed dossier, its events and its documents. */
export interface DossierDetail extends LoadedDossier {
  readonly documents: readonly StoredDocument[];
}

/** Screens that read several things at once, each in ONE `$batch`. */
export class SharePointReadModel {
  public constructor(
    private readonly sp: SPFI,
    private readonly dossiers: SharePointDossierStore,
    private readonly directory: SharePointDirectory,
    private readonly documents: SharePointDocumentLibrary,
    /** The same trust the host's command service replays with (see `ReplayTrust`). */
    private readonly trust: ReplayTrust = {}
  ) {}

  /** Signed-in user + first register page + list size: one HTTP request. */
  public async loadRegisterScreen(query: RegisterQuery): Promise<RegisterScreen> {
    try {
      const [batched, execute] = this.sp.batched();
      const actor = this.directory.currentActorRequest(batched);
      const page = this.dossiers.registerPageRequest(batched, query);
      const list = batched.web.lists.getByTitle(LIST_DOSSIERS).select('ItemCount')() as unknown as Promise<Fields>;
      await execute();
      return { actor: await actor, page: await page, totalDossiers: Number((await list).ItemCount ?? 0) };
    } catch (error) {
      throw toDataError(error, 'load the register');
    }
  }

  /** Projection + events + documents of one dossier: one HTTP request (plus one if nometadata hides the ETag). */
  public async loadDossierDetail(reference: string): Promise<DossierDetail> {
    try {
      const folderUrl = await this.documents.folderUrl(reference);
      const [batched, execute] = this.sp.batched();
      const projection = batched.web.lists
        .getByTitle(LIST_DOSSIERS)
        .items.select(...PROJECTION_SELECT)
        .expand(...PROJECTION_EXPAND)
        .filter(`${DossierColumn.Reference} eq ${odataString(reference)}`)
        .top(2)
        .using(PageParse())() as unknown as Promise<ODataPage<Fields>>;
      const events = batched.web.lists
        .getByTitle(LIST_EVENTS)
        .items.select(...EVENT_SELECT)
        .expand(...EVENT_EXPAND)
        .filter(`${EventColumn.DossierReference} eq ${odataString(reference)}`)
        .orderBy(EventColumn.Sequence, true)
        .top(5000)
        .using(PageParse())() as unknown as Promise<ODataPage<Fields>>;
      const files = this.documents.listRequest(batched, reference, folderUrl).catch((error: unknown) => {
        // A dossier without documents has no folder yet: that is an empty list, not an error.
        if ((error as { status?: number }).status === 404) return [] as StoredDocument[];
        throw error;
      });
      await execute();
      const item = (await projection).rows[0];
      const stream = {
        projection: item ? await this.dossiers.projectionWithEtag(item) : undefined,
        events: eventsFromItems((await events).rows, reference)
      };
      // Replay (`evolve`) loads with the first dossier opened: the register's first screen does not replay.
      const { mergeStream } = await import(/* webpackChunkName: 'dossier-replay' */ '../mergeStream');
      return { ...mergeStream(stream, this.trust), documents: await files };
    } catch (error) {
      throw toDataError(error, `load dossier ${reference}`);
    }
  }
}
