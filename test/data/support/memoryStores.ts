import { DataError } from '../../../src/data/errors';
import type {
  DossierProjection,
  DossierStore,
  DossierStream,
  EventStore,
  ProjectionWrite,
  RegisterPage,
  RegisterRow,
  SequencedEvent
} from '../../../src/data/ports';

/**
 * In-memory fakes of the two store ports with SharePoint's concurrency semantics (ETag per write,
 * 412 on a stale ETag), for unit tests of the command service only. Hooks let a test run code
 * between the two writes of a transition (a concurrent writer, a crash).
 */
export class MemoryStores implements DossierStore, EventStore {
  public readonly projections = new Map<string, { itemId: number; version: number; write: ProjectionWrite }>();
  public readonly log: SequencedEvent[] = [];
  public appendCalls = 0;
  public failNextAppend = false;
  /** Runs after loadStream returns, before the caller writes: simulate another user's transition. */
  public afterLoad?: () => Promise<void>;
  private nextId = 1;

  public async loadStream(reference: string): Promise<DossierStream> {
    const stored = this.projections.get(reference);
    const events = this.log.filter((item) => item.event.dossierReference === reference).sort((a, b) => a.sequence - b.sequence);
    const stream: DossierStream = { projection: stored ? this.toProjection(reference, stored) : undefined, events: structuredClone(events) };
    const hook = this.afterLoad;
    this.afterLoad = undefined;
    if (hook) await hook();
    return stream;
  }

  private toProjection(reference: string, stored: { itemId: number; version: number; write: ProjectionWrite }): DossierProjection {
    return {
      itemId: stored.itemId,
      etag: `"${stored.version}"`,
      reference,
      eventCount: stored.write.eventCount,
      lastEventId: stored.write.dossier.lastEventId,
      pendingEvents: structuredClone(stored.write.pendingEvents),
      snapshot: structuredClone(stored.write.dossier)
    };
  }

  public async createProjection(write: ProjectionWrite): Promise<DossierProjection> {
    const reference = write.dossier.reference;
    if (this.projections.has(reference)) throw new DataError('data.error.conflict', 'exists', 409);
    const stored = { itemId: this.nextId++, version: 1, write: structuredClone(write) };
    this.projections.set(reference, stored);
    return this.toProjection(reference, stored);
  }

  public async updateProjection(itemId: number, etag: string, write: ProjectionWrite): Promise<string> {
    const stored = [...this.projections.values()].find((p) => p.itemId === itemId);
    if (!stored) throw new DataError('data.error.notFound', 'missing', 404);
    if (etag !== `"${stored.version}"`) throw new DataError('data.error.conflict', 'stale', 412);
    stored.version++;
    stored.write = structuredClone(write);
    return `"${stored.version}"`;
  }

  public async readEvents(reference: string): Promise<SequencedEvent[]> {
    return (await this.loadStream(reference)).events.slice();
  }

  public async appendEvents(events: readonly SequencedEvent[], knownIds: ReadonlySet<string> = new Set()): Promise<void> {
    this.appendCalls++;
    if (this.failNextAppend) {
      this.failNextAppend = false;
      throw new DataError('data.error.unavailable', 'crash between the writes', 503);
    }
    const present = new Set(this.log.map((item) => item.event.id));
    for (const item of events) {
      if (knownIds.has(item.event.id) || present.has(item.event.id)) continue;
      this.log.push(structuredClone(item));
    }
  }

  public async readRegisterPage(): Promise<RegisterPage> {
    return { rows: [] };
  }

  public async referencesStartingWith(prefix: string): Promise<string[]> {
    return [...this.projections.keys()].filter((reference) => reference.startsWith(prefix));
  }

  public async protocolNumbersStartingWith(): Promise<string[]> {
    return [];
  }

  public async rowsByProtocolNumber(): Promise<RegisterRow[]> {
    return [];
  }
}
