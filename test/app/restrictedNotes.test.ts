import { createRegisterService } from '../../src/app/registerService';
import type { RegisterPorts } from '../../src/app/registerPorts';
import { mayReadRestrictedNotes } from '../../src/domain/capabilities';
import type { Actor } from '../../src/domain/types';

const actor = (...roles: Actor['roles'][number][]): Actor => ({ id: 'x@vsa.local', displayName: 'X', roles });
const note = { noteId: 'dpo-note:c1', dossierReference: 'VSA-2026-0001', text: 'Vertrouwelijk', authorName: 'Karel', writtenAt: '2026-03-01T10:00:00.000Z' };

describe('notes for the DPO in the register service', () => {
  it('reads the texts for the DPO and the Chief Statistician only; others are not even asked', async () => {
    const notesOf = jest.fn(async () => [note]);
    const service = createRegisterService({} as RegisterPorts, { restrictedNotes: { notesOf } });
    await expect(service.restrictedNotesOf('VSA-2026-0001', actor('dpo'))).resolves.toEqual(new Map([['dpo-note:c1', 'Vertrouwelijk']]));
    await expect(service.restrictedNotesOf('VSA-2026-0001', actor('chiefStatistician'))).resolves.toEqual(new Map([['dpo-note:c1', 'Vertrouwelijk']]));
    expect(notesOf).toHaveBeenCalledTimes(2);
    for (const other of [actor('dpoTeam'), actor('statistician'), undefined]) {
      await expect(service.restrictedNotesOf('VSA-2026-0001', other)).resolves.toEqual(new Map());
    }
    expect(notesOf).toHaveBeenCalledTimes(2);
  });

  it('lets a refusal of the list surface (nothing swallows it)', async () => {
    const service = createRegisterService({} as RegisterPorts, { restrictedNotes: { notesOf: jest.fn(async () => Promise.reject(new Error('403'))) } });
    await expect(service.restrictedNotesOf('VSA-2026-0001', actor('dpo'))).rejects.toThrow('403');
  });

  it('names the same roles the domain guard allows', () => {
    expect(mayReadRestrictedNotes(actor('dpo', 'dpoTeam'))).toBe(true);
    expect(mayReadRestrictedNotes(actor('dpoTeam'))).toBe(false);
  });
});
