import { CommandService } from '../../../src/data/commandService';
import { hasDataErrorCode } from '../../../src/data/errors';
import { MemoryStores } from '../support/memoryStores';
import { an, assignCommand, commentCommand, gast, jeroen, registerCommand } from '../support/fixtures';

const NOW = '2026-02-01T10:00:00.000Z';
const REF = 'VSA-2026-0001';

function setup(): { stores: MemoryStores; service: CommandService } {
  const stores = new MemoryStores();
  return { stores, service: new CommandService({ dossiers: stores, events: stores, clock: () => NOW }) };
}

async function registered(): Promise<{ stores: MemoryStores; service: CommandService }> {
  const context = setup();
  const outcome = await context.service.execute(REF, registerCommand(REF, 'c-register'), an);
  expect(outcome.ok).toBe(true);
  return context;
}

describe('CommandService', () => {
  it('registers a dossier: projection and log agree, sequence starts at 1', async () => {
    const { stores, service } = await registered();
    expect(stores.log.map((item) => [item.sequence, item.event.type])).toEqual([[1, 'DossierRegistered']]);
    const stored = stores.projections.get(REF);
    expect(stored?.write.eventCount).toBe(1);
    expect(stored?.write.dossier.state).toBe('intake');
    const loaded = await service.load(REF);
    expect(loaded.dossier?.reference).toBe(REF);
    expect(loaded.missingFromLog).toEqual([]);
  });

  it('returns a domain refusal as data and writes nothing', async () => {
    const { stores, service } = await registered();
    const outcome = await service.execute(REF, commentCommand('c-guest'), gast);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => e.code)).toContain('dossier.error.forbidden');
    expect(stores.log).toHaveLength(1);
  });

  it('is idempotent by command id: a retried command adds no event', async () => {
    const { stores, service } = await registered();
    const first = await service.execute(REF, commentCommand('c-1'), an);
    const again = await service.execute(REF, commentCommand('c-1'), an);
    expect(first.ok && !first.alreadyApplied).toBe(true);
    expect(again.ok && again.alreadyApplied).toBe(true);
    expect(stores.log.filter((item) => item.event.id.startsWith('c-1:'))).toHaveLength(1);
  });

  it('on a stale ETag reloads, re-decides and retries once (no lost update)', async () => {
    const { stores, service } = await registered();
    const other = new CommandService({ dossiers: stores, events: stores, clock: () => NOW });
    stores.afterLoad = async () => {
      await other.execute(REF, commentCommand('c-other'), jeroen);
    };
    const outcome = await service.execute(REF, commentCommand('c-mine'), an);
    expect(outcome.ok).toBe(true);
    expect(stores.log.map((item) => item.sequence)).toEqual([1, 2, 3]);
    expect(stores.log.map((item) => item.event.id)).toEqual(['c-register:0', 'c-other:0', 'c-mine:0']);
  });

  it('reports a conflict when the retried command no longer applies, leaving no event behind', async () => {
    const { stores, service } = await registered();
    const other = new CommandService({ dossiers: stores, events: stores, clock: () => NOW });
    await service.execute(REF, assignCommand('c-assign-0'), an);
    // Both try to withdraw; the other one wins first, so "withdraw" is no longer allowed for us.
    stores.afterLoad = async () => {
      const won = await other.execute(REF, { type: 'withdraw', commandId: 'c-w-other', reason: 'Aanvrager trok in' }, jeroen);
      expect(won.ok).toBe(true);
    };
    const error = await service.execute(REF, { type: 'withdraw', commandId: 'c-w-mine', reason: 'Aanvrager trok in' }, an).catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.conflict')).toBe(true);
    expect(stores.log.filter((item) => item.event.type === 'Withdrawn')).toHaveLength(1);
    expect(stores.log.map((item) => item.sequence)).toEqual([1, 2, 3]);
  });

  it('gives up with a conflict after two stale ETags', async () => {
    const { stores, service } = await registered();
    const other = new CommandService({ dossiers: stores, events: stores, clock: () => NOW });
    let round = 0;
    const interfere = async (): Promise<void> => {
      round++;
      await other.execute(REF, commentCommand(`c-other-${round}`), jeroen);
      if (round < 2) stores.afterLoad = interfere;
    };
    stores.afterLoad = interfere;
    const error = await service.execute(REF, commentCommand('c-mine'), an).catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.conflict')).toBe(true);
    expect(stores.log.some((item) => item.event.id === 'c-mine:0')).toBe(false);
  });

  it('repairs a crash between the projection write and the append on the next load and transition', async () => {
    const { stores, service } = await registered();
    stores.failNextAppend = true;
    await expect(service.execute(REF, commentCommand('c-crash'), an)).rejects.toThrow('crash');
    expect(stores.log).toHaveLength(1);
    const loaded = await service.load(REF);
    expect(loaded.events.map((item) => item.event.id)).toEqual(['c-register:0', 'c-crash:0']);
    expect(loaded.missingFromLog.map((item) => item.event.id)).toEqual(['c-crash:0']);
    const next = await service.execute(REF, commentCommand('c-next'), an);
    expect(next.ok).toBe(true);
    expect(stores.log.map((item) => [item.sequence, item.event.id])).toEqual([
      [1, 'c-register:0'],
      [2, 'c-crash:0'],
      [3, 'c-next:0']
    ]);
  });

  it('a retried command after a crash completes the append instead of deciding again', async () => {
    const { stores, service } = await registered();
    stores.failNextAppend = true;
    await expect(service.execute(REF, commentCommand('c-crash'), an)).rejects.toThrow();
    const retried = await service.execute(REF, commentCommand('c-crash'), an);
    expect(retried.ok && retried.alreadyApplied).toBe(true);
    expect(stores.log.map((item) => item.event.id)).toEqual(['c-register:0', 'c-crash:0']);
  });

  it('refuses a second registration of the same reference', async () => {
    const { service } = await registered();
    const outcome = await service.execute(REF, registerCommand(REF, 'c-register-2'), an);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => e.code)).toContain('dossier.error.alreadyRegistered');
  });

  it('runs reactions after the write and reports their errors without failing the transition', async () => {
    const stores = new MemoryStores();
    const seen: string[] = [];
    const service = new CommandService({
      dossiers: stores,
      events: stores,
      clock: () => NOW,
      reactions: [
        async (events) => {
          seen.push(...events.map((e) => e.type));
        },
        async () => {
          throw new Error('mail down');
        }
      ]
    });
    const outcome = await service.execute(REF, registerCommand(REF, 'c-r'), an);
    expect(seen).toEqual(['DossierRegistered']);
    expect(outcome.ok && outcome.reactionErrors.map((e) => e.message)).toEqual(['mail down']);
  });
});
