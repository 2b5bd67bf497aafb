import type { DraftHandling, DraftStatus, RequesterDraftStore, WaitingDraft } from '../../../src/data/reminderPorts';

/** One ledger item as the fake keeps it. */
export interface MemoryDraftItem {
  readonly draft: Omit<WaitingDraft, 'revision'>;
  status: DraftStatus;
  etag: number;
  handling?: DraftHandling;
}

/**
 * A faithful in-memory `RequesterDraftStore`: like `Herinneringen`, every write bumps the item's ETag; a
 * dismissal writes only over the revision read (If-Match), a sent draft whatever happened since ('*').
 */
export class MemoryRequesterDrafts implements RequesterDraftStore {
  public readonly items: MemoryDraftItem[] = [];

  public add(draft: Omit<WaitingDraft, 'revision'>): void {
    this.items.push({ draft, status: 'waiting', etag: 1 });
  }

  public async waiting(reference?: string): Promise<readonly WaitingDraft[]> {
    return this.items
      .filter((item) => item.status === 'waiting' && (reference === undefined || item.draft.reference === reference))
      .map((item) => ({ ...item.draft, revision: `"${item.etag}"` }));
  }

  public async markHandled(draft: WaitingDraft, handling: DraftHandling): Promise<boolean> {
    const item = this.items.find((candidate) => candidate.draft.key === draft.key);
    if (!item) throw new Error(`no ledger item ${draft.key}`);
    if (handling.status === 'dismissed' && draft.revision !== `"${item.etag}"`) return false;
    item.status = handling.status;
    item.handling = handling;
    item.etag += 1;
    return true;
  }
}
