/**
 * In-memory fakes of the data layer's PORTS (dossier store, event store, document library, directory)
 * for unit tests of the register application above them. The command service, lookups and the
 * domain are the real ones; the projection columns are mapped with the real item mapping.
 */
import { CommandService, DataError, DossierLookups, mergeStream } from '../../../../src/data';
import type {
  DocumentMetadata,
  DossierProjection,
  DossierStore,
  DossierStream,
  EventStore,
  ProjectionWrite,
  RegisterPage,
  RegisterQuery,
  RegisterRow,
  SequencedEvent,
  StoredDocument
} from '../../../../src/data';
import { projectionFields, registerRowFromItem } from '../../../../src/data/sharepoint/itemMapping';
import type { Actor, DossierEvent, IsoDateTime, RoleId } from '../../../../src/domain';
import type { RegisterPorts } from '../../../../src/app/registerPorts';
import { assignStep, buildEvents, draftsStep, registerStep, requestFormsStep, statistician } from '../../../ui/support/dossiers';

interface StoredDossier {
  itemId: number;
  etagVersion: number;
  write: ProjectionWrite;
}

/** The whole fake tenant: stores plus knobs to inject conflicts and failures. */
export class FakeTenant {
  public readonly projections = new Map<string, StoredDossier>();
  public readonly log = new Map<string, SequencedEvent[]>();
  public readonly files = new Map<string, { doc: StoredDocument; bytes: Uint8Array; versions: string[] }>();
  /** Every projection update is refused with 412 while true (someone else keeps writing). */
  public alwaysConflict = false;
  public registerPageRequests = 0;
  /** References whose item lacks the `StateHistory` value (written before the column existed). */
  public readonly withoutHistoryColumn = new Set<string>();
  /** How often a dossier was loaded in full (projection + events). */
  public streamLoads = 0;
  private nextItemId = 1;

  public constructor(public actor: Actor, public readonly members: Readonly<Partial<Record<RoleId, Actor[]>>> = {}) {}

  /** Stores events produced elsewhere (e.g. fixture dossiers built through `decide`). */
  public seed(events: readonly DossierEvent[]): void {
    const stream: SequencedEvent[] = events.map((event, index) => ({ sequence: index + 1, event }));
    const loaded = mergeStream({ events: stream });
    if (!loaded.dossier) throw new Error('seed without dossier');
    this.log.set(loaded.dossier.reference, stream);
    this.projections.set(loaded.dossier.reference, {
      itemId: this.nextItemId++, etagVersion: 1, write: { dossier: loaded.dossier, eventCount: stream.length, pendingEvents: [] }
    });
  }

  private row(stored: StoredDossier): RegisterRow {
    const fields: Record<string, unknown> = { ...projectionFields(stored.write), Id: stored.itemId };
    if (this.withoutHistoryColumn.has(stored.write.dossier.reference)) delete fields.StateHistory;
    return registerRowFromItem(fields);
  }

  private projection(stored: StoredDossier): DossierProjection {
    return {
      itemId: stored.itemId, etag: `"${stored.etagVersion}"`, reference: stored.write.dossier.reference,
      eventCount: stored.write.eventCount, pendingEvents: stored.write.pendingEvents, snapshot: stored.write.dossier
    };
  }

  public readonly dossierStore: DossierStore = {
    loadStream: async (reference): Promise<DossierStream> => {
      this.streamLoads += 1;
      const stored = this.projections.get(reference);
      return { projection: stored ? this.projection(stored) : undefined, events: [...(this.log.get(reference) ?? [])] };
    },
    createProjection: async (write) => {
      if (this.projections.has(write.dossier.reference)) throw new DataError('data.error.conflict', 'exists', 412);
      const stored = { itemId: this.nextItemId++, etagVersion: 1, write };
      this.projections.set(write.dossier.reference, stored);
      return this.projection(stored);
    },
    updateProjection: async (itemId, etag, write) => {
      const stored = [...this.projections.values()].find((p) => p.itemId === itemId);
      if (!stored) throw new DataError('data.error.notFound', 'missing', 404);
      if (this.alwaysConflict || etag !== `"${stored.etagVersion}"`) throw new DataError('data.error.conflict', 'changed', 412);
      stored.etagVersion += 1;
      stored.write = write;
      return `"${stored.etagVersion}"`;
    },
    readRegisterPage: async (query: RegisterQuery, cursor?: string): Promise<RegisterPage> => {
      this.registerPageRequests += 1;
      const all = [...this.projections.values()].sort((a, b) => b.itemId - a.itemId).map((p) => this.row(p));
      const size = query.pageSize ?? 100;
      const start = cursor ? Number(cursor) : 0;
      const rows = all.slice(start, start + size);
      return { rows, nextCursor: start + size < all.length ? String(start + size) : undefined };
    },
    referencesStartingWith: async (prefix) => [...this.projections.keys()].filter((r) => r.startsWith(prefix)),
    protocolNumbersStartingWith: async (prefix) =>
      [...this.projections.values()].map((p) => p.write.dossier.protocolNumber).filter((n): n is string => !!n && n.startsWith(prefix)),
    rowsByProtocolNumber: async (number) =>
      [...this.projections.values()]
        .filter((p) => p.write.dossier.protocolNumber === number || p.write.dossier.parentProtocolNumber === number)
        .map((p) => this.row(p))
  };

  public readonly eventStore: EventStore = {
    readEvents: async (reference) => [...(this.log.get(reference) ?? [])],
    appendEvents: async (events, knownIds) => {
      for (const item of events) {
        if (knownIds?.has(item.event.id)) continue;
        const list = this.log.get(item.event.dossierReference) ?? [];
        if (!list.some((e) => e.event.id === item.event.id)) list.push(item);
        this.log.set(item.event.dossierReference, list);
      }
    }
  };

  /** The ports the register service receives. */
  public backend(clock: () => IsoDateTime): RegisterPorts {
    const commands = new CommandService({ dossiers: this.dossierStore, events: this.eventStore, clock });
    const documentsOf = (reference: string): StoredDocument[] =>
      [...this.files.entries()].filter(([key]) => key.startsWith(`${reference}/`)).map(([, file]) => file.doc);
    const backend = {
      dossiers: this.dossierStore,
      commands,
      lookups: new DossierLookups(this.dossierStore),
      directory: {
        currentActor: async () => this.actor,
        membersOf: async (role: RoleId) => this.members[role] ?? []
      },
      documents: {
        ensureFolder: async () => undefined,
        upload: async (reference: string, fileName: string, content: Uint8Array, metadata: DocumentMetadata): Promise<StoredDocument> => {
          const key = `${reference}/${fileName}`;
          const previous = this.files.get(key);
          const version = previous ? `${Number(previous.doc.version.split('.')[0]) + 1}.0` : '1.0';
          const checkStatus = !metadata.check ? 'notChecked' : metadata.check.blocking > 0 ? 'blocking' : metadata.check.warnings > 0 ? 'warnings' : 'passed';
          const doc: StoredDocument = {
            id: `id-${key}`, fileName, serverRelativeUrl: `/sites/microdata/Dossierdocumenten/${key}`, size: content.length, version,
            kind: metadata.kind, phase: metadata.phase, checkStatus
          };
          this.files.set(key, { doc, bytes: content, versions: [...(previous?.versions ?? []), version] });
          return doc;
        },
        list: async (reference: string) => documentsOf(reference),
        download: async (reference: string, fileName: string) => {
          const file = this.files.get(`${reference}/${fileName}`);
          if (!file) throw new DataError('data.error.notFound', 'no file', 404);
          return file.bytes;
        },
        versions: async (reference: string, fileName: string) => this.files.get(`${reference}/${fileName}`)?.versions ?? []
      },
      readModel: {
        loadRegisterScreen: async (query: RegisterQuery) => ({
          actor: this.actor,
          page: await this.dossierStore.readRegisterPage(query),
          totalDossiers: this.projections.size
        }),
        loadDossierDetail: async (reference: string) => ({
          ...mergeStream(await this.dossierStore.loadStream(reference)),
          documents: documentsOf(reference)
        })
      }
    };
    return backend;
  }
}

/**
 * The three dossiers the register tests share: a new request (0001), an assigned one (0002) and one
 * under review since 1 October 2026 (0003), with Bart Claes as the only statistician.
 */
export function threeDossierTenant(actor: Actor): FakeTenant {
  const tenant = new FakeTenant(actor, { statistician: [statistician] });
  tenant.seed(buildEvents([registerStep('VSA-2026-0001', '2026-11-01T09:00:00.000Z')]));
  tenant.seed(buildEvents([registerStep('VSA-2026-0002', '2026-11-02T09:00:00.000Z'), assignStep('2026-11-03T09:00:00.000Z')]));
  tenant.seed(buildEvents([
    registerStep('VSA-2026-0003', '2026-09-01T09:00:00.000Z'), assignStep('2026-09-02T09:00:00.000Z'),
    requestFormsStep('2026-09-05T09:00:00.000Z'), draftsStep('2026-10-01T09:00:00.000Z')
  ]));
  return tenant;
}
