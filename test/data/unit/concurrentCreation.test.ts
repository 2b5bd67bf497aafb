import { settleConcurrentCreation, winningItem } from '../../../src/data/concurrentCreation';
import { hasDataErrorCode, isDataError } from '../../../src/data/errors';

describe('the lowest item id wins a concurrent creation', () => {
  it('picks the lowest id among the twins, and nothing from no items', () => {
    expect(winningItem([{ id: 7 }, { id: 3 }, { id: 5 }], (item) => item.id)).toEqual({ id: 3 });
    expect(winningItem([], (item: { id: number }) => item.id)).toBeUndefined();
  });

  it('lets the lowest id (or a lone item) keep its item', async () => {
    const removeOwn = jest.fn(async () => undefined);
    await expect(settleConcurrentCreation('create dossier X', 3, [3, 5, 7], removeOwn)).resolves.toBeUndefined();
    await expect(settleConcurrentCreation('create dossier X', 4, [4], removeOwn)).resolves.toBeUndefined();
    expect(removeOwn).not.toHaveBeenCalled();
  });

  it('makes a higher id remove its own item and report a conflict', async () => {
    const removeOwn = jest.fn(async () => undefined);
    const settled = settleConcurrentCreation('create dossier X', 5, [3, 5], removeOwn);
    expect(hasDataErrorCode(await settled.catch((caught: unknown) => caught), 'data.error.conflict')).toBe(true);
    expect(removeOwn).toHaveBeenCalledTimes(1);
  });

  it('reports a failed removal in the conflict instead of swallowing it', async () => {
    const error = await settleConcurrentCreation('create dossier X', 5, [3, 5], async () => {
      throw new Error('HTTP 503');
    }).catch((caught: unknown) => caught);
    expect(isDataError(error) && error.code).toBe('data.error.conflict');
    expect(isDataError(error) && error.message).toContain('HTTP 503');
    expect(isDataError(error) && error.details).toEqual({ orphanItemId: 5 });
  });
});
