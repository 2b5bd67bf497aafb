import { executeTrustedCommand, type TrustedCommandDeps } from '../../../src/app/service';
import { CommandService } from '../../../src/data/commandService';
import type { RestrictedNote } from '../../../src/data/ports';
import { MemoryStores } from '../../data/support/memoryStores';
import { buildDossier } from '../../correspondence/support/dossiers';

/**
 * The trusted command service and a note for the DPO: the text goes to the restricted store before the
 * command runs with the note's id; a refused caller stores nothing; a retry after the event failed
 * finds the stored note and writes it once; the client's noteId and text never reach the event.
 */
const REFERENCE = 'VSA-2026-0901';
const NOW = '2026-03-01T10:00:00.000Z';
const karel = { objectId: 'o1', tenantId: 't', email: 'karel@vsa.local', displayName: 'Karel De Smet' };
const an = { objectId: 'o2', tenantId: 't', email: 'an@vsa.local', displayName: 'An Peeters' };

function setUp(failFirstWrite = false) {
  const stores = new MemoryStores();
  buildDossier({ reference: REFERENCE, upTo: 'underReview' }).events.forEach((event, index) => stores.log.push({ sequence: index + 1, event }));
  const commands = new CommandService({ dossiers: stores, events: stores, clock: () => NOW });
  const notes: RestrictedNote[] = [];
  const restrictedNotes = { write: jest.fn(async (note: RestrictedNote) => void (notes.some((n) => n.noteId === note.noteId) ? undefined : notes.push(note))) };
  let failing = failFirstWrite;
  const execute = commands.execute.bind(commands);
  const deps = {
    commands: {
      load: (reference: string) => commands.load(reference),
      execute: async (...args: Parameters<typeof execute>) => {
        if (failing) {
          failing = false;
          throw new Error('SharePoint is down');
        }
        return execute(...args);
      }
    },
    roles: { rolesOf: async ({ email }: { email: string }) => (email === karel.email ? ['dpo', 'dpoTeam'] : ['dpoTeam']) },
    numbers: { issue: jest.fn() },
    parentProtocols: { parentProtocol: jest.fn() },
    clock: () => NOW,
    restrictedNotes
  } as unknown as TrustedCommandDeps;
  return { stores, commands, notes, restrictedNotes, deps };
}

const body = (commandId: string) => ({ command: { type: 'addComment', commandId, text: 'Familielid van een medewerker.', restriction: 'dpo', noteId: 'client-chosen' } });

describe('a note for the DPO through the trusted command service', () => {
  it('stores the text, then records the command with the note id and no text', async () => {
    const { commands, notes, deps } = setUp();
    const answer = await executeTrustedCommand(deps, karel, REFERENCE, body('c-1'));
    expect(answer.status).toBe(200);
    expect(notes).toEqual([{ noteId: 'dpo-note:c-1', dossierReference: REFERENCE, text: 'Familielid van een medewerker.', authorName: 'Karel De Smet', writtenAt: NOW }]);
    const { events } = await commands.load(REFERENCE);
    const last = events[events.length - 1].event;
    expect(last).toMatchObject({ type: 'CommentAdded', restriction: 'dpo', noteId: 'dpo-note:c-1', text: '' });
    expect(JSON.stringify(events)).not.toContain('Familielid');
  });

  it('stores nothing for a caller the domain refuses', async () => {
    const { notes, restrictedNotes, deps } = setUp();
    const answer = await executeTrustedCommand(deps, an, REFERENCE, body('c-2'));
    expect(answer.status).toBe(422);
    expect(JSON.stringify(answer.body)).toContain('dossier.error.restrictedNoteNotAllowed');
    expect(restrictedNotes.write).not.toHaveBeenCalled();
    expect(notes).toEqual([]);
  });

  it('on a retry after the event failed, writes the note once and records the event once', async () => {
    const { commands, notes, deps } = setUp(true);
    await expect(executeTrustedCommand(deps, karel, REFERENCE, body('c-3'))).rejects.toThrow('SharePoint is down');
    expect(notes).toHaveLength(1);
    expect((await executeTrustedCommand(deps, karel, REFERENCE, body('c-3'))).status).toBe(200);
    const again = await executeTrustedCommand(deps, karel, REFERENCE, body('c-3'));
    expect(again.body).toMatchObject({ ok: true, alreadyApplied: true });
    expect(notes).toHaveLength(1);
    const added = (await commands.load(REFERENCE)).events.filter((item) => item.event.type === 'CommentAdded');
    expect(added).toHaveLength(1);
  });

  it('refuses (503) when no note store is configured, rather than put the text elsewhere', async () => {
    const { deps } = setUp();
    const without = { ...deps, restrictedNotes: undefined };
    await expect(executeTrustedCommand(without, karel, REFERENCE, body('c-4'))).rejects.toMatchObject({ code: 'data.error.unavailable', status: 503 });
  });
});
