/**
 * The findings projection as the command service runs it: after each transition (before the
 * reactions), again on a retry of an applied command (which repairs a failed run), skipped for a
 * dossier without findings; a failure is reported with the reaction errors and keeps the transition.
 */
import { CommandService } from '../../../src/data/commandService';
import { findingsProjection } from '../../../src/data/findingsProjection';
import { replay, type Dossier } from '../../../src/domain';
import type { DossierFinding } from '../../../src/domain/findings';
import type { FindingsProjectionReport } from '../../../src/data/ports';
import { MemoryStores } from '../support/memoryStores';
import { an, commentCommand, registerCommand } from '../support/fixtures';
import { actors, cmd } from '../../domain/support/fixtures';
import { eventsIn } from '../../domain/support/paths';

const NOW = '2026-02-01T10:00:00.000Z';
const REF = 'VSA-2026-0001';

/** A store that records what it was asked to project, failing while `failing` is set. */
class RecordingStore {
  public readonly runs: { reference: string; ids: string[] }[] = [];
  public failing = false;
  public async project(reference: string, findings: readonly DossierFinding[]): Promise<FindingsProjectionReport> {
    if (this.failing) throw new Error('503 from the list');
    this.runs.push({ reference, ids: findings.map((f) => f.id) });
    return { created: findings.length, updated: 0, removed: 0 };
  }
}

describe('the findings projection in the command service', () => {
  it('skips a dossier without findings', async () => {
    const stores = new MemoryStores();
    const store = new RecordingStore();
    const service = new CommandService({ dossiers: stores, events: stores, clock: () => NOW, projections: [findingsProjection(store)] });
    expect((await service.execute(REF, registerCommand(REF, 'c-1'), an)).ok).toBe(true);
    expect((await service.execute(REF, commentCommand('c-2'), an)).ok).toBe(true);
    expect(store.runs).toEqual([]);
  });

  it('projects after each transition of a dossier with findings, reports a failure, and repairs it on the retry', async () => {
    const stores = new MemoryStores();
    const history = eventsIn('underReview');
    const dossier = replay(history) as Dossier;
    await stores.createProjection({ dossier, eventCount: history.length, pendingEvents: [] });
    stores.log.push(...history.map((event, index) => ({ sequence: index + 1, event })));
    const store = new RecordingStore();
    const order: string[] = [];
    const service = new CommandService({
      dossiers: stores,
      events: stores,
      clock: () => NOW,
      projections: [async (events, d) => { order.push('projection'); await findingsProjection(store)(events, d); }],
      reactions: [async () => { order.push('reaction'); }]
    });
    const record = cmd.recordFindings('R-1');
    store.failing = true;
    const failed = await service.execute(REF, record, actors.team);
    expect(failed.ok).toBe(true);
    if (failed.ok) expect(failed.reactionErrors.map((e) => e.message)).toEqual(['503 from the list']);
    expect(order).toEqual(['projection', 'reaction']);
    expect(stores.log.at(-1)?.event.type).toBe('FindingsRecorded');

    store.failing = false;
    const retried = await service.execute(REF, record, actors.team);
    expect(retried.ok && retried.alreadyApplied).toBe(true);
    if (retried.ok) expect(retried.reactionErrors).toEqual([]);
    expect(store.runs).toEqual([{ reference: REF, ids: ['R-1'] }]);
    // The reactions (mail, notifications) do not run again on a retry.
    expect(order).toEqual(['projection', 'reaction', 'projection']);
  });
});
