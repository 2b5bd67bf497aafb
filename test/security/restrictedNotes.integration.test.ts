import { hasDataErrorCode } from '../../src/data/errors';
import { LIST_RESTRICTED_NOTES } from '../../src/data/schema';
import type { Command } from '../../src/domain/commands';
import { registerCommand } from '../data/support/fixtures';
import { AN, as, ELS, KAREL, OWNER, SOFIE, startTenant, type RunningTenant } from '../data/support/tenant';

/**
 * Issue 14: a note marked `dpo` is readable by the DPO and the Chief Statistician only, and that is
 * SharePoint's permission on the list `Notities DPO` (unique permissions: no level for the DPO team
 * and the statisticians), not the UI's. The command service writes the text there with its own
 * identity and records only the note's id in the event log.
 */
const REFERENCE = 'VSA-2026-0301';
const SECRET = 'Vertrouwelijk: de aanvrager is een familielid van een medewerker.';
const note = (commandId: string, text = SECRET): Command => ({ type: 'addComment', commandId, text, restriction: 'dpo' });

describe('notes for the DPO', () => {
  let tenant: RunningTenant;

  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
    expect((await as(tenant, AN).data.commands.execute(REFERENCE, registerCommand(REFERENCE, 'reg-1'))).ok).toBe(true);
  }, 30000);
  afterAll(async () => tenant?.close());

  it('are written by the service to the restricted list; the event holds only the id; a retry writes nothing twice', async () => {
    const first = await as(tenant, KAREL).data.commands.execute(REFERENCE, note('note-1'));
    expect(first).toMatchObject({ ok: true });
    const again = await as(tenant, KAREL).data.commands.execute(REFERENCE, note('note-1'));
    expect(again).toMatchObject({ ok: true, alreadyApplied: true });

    const loaded = await as(tenant, OWNER).data.commands.load(REFERENCE);
    const added = loaded.events.map((item) => item.event).filter((event) => event.type === 'CommentAdded');
    expect(added).toEqual([expect.objectContaining({ restriction: 'dpo', noteId: 'dpo-note:note-1', text: '' })]);
    expect(JSON.stringify(loaded.events)).not.toContain('familielid');
    expect(loaded.dossier!.restrictedNotes).toEqual([expect.objectContaining({ noteId: 'dpo-note:note-1', restriction: 'dpo' })]);

    const notes = await as(tenant, KAREL).data.restrictedNotes.notesOf(REFERENCE);
    expect(notes).toEqual([expect.objectContaining({ noteId: 'dpo-note:note-1', dossierReference: REFERENCE, text: SECRET, authorName: 'Karel De Smet' })]);
  });

  it('are read by the DPO and the Chief Statistician', async () => {
    await expect(as(tenant, KAREL).data.restrictedNotes.notesOf(REFERENCE)).resolves.toHaveLength(1);
    await expect(as(tenant, ELS).data.restrictedNotes.notesOf(REFERENCE)).resolves.toEqual([expect.objectContaining({ text: SECRET })]);
  });

  it.each([
    ['a statistician', SOFIE],
    ['the DPO team', AN]
  ])('are refused to %s by SharePoint itself (list read and item read)', async (_who, persona) => {
    const reader = as(tenant, persona);
    const refused = await reader.data.restrictedNotes.notesOf(REFERENCE).then(
      () => undefined,
      (error: unknown) => error
    );
    expect(hasDataErrorCode(refused, 'data.error.accessDenied')).toBe(true);
    // Straight REST, as a curious member would try it.
    const direct = await reader.sp.web.lists.getByTitle(LIST_RESTRICTED_NOTES).items.getById(1)().then(
      () => 200,
      (error: { status?: number }) => error.status
    );
    expect(direct).toBe(403);
  });

  it('cannot be written by the DPO team: refused before any text is stored', async () => {
    const outcome = await as(tenant, AN).data.commands.execute(REFERENCE, note('note-2', 'Mag niet bewaard worden'));
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.errors.map((error) => error.code)).toContain('dossier.error.restrictedNoteNotAllowed');
    const all = await as(tenant, OWNER).data.restrictedNotes.notesOf(REFERENCE);
    expect(all.map((n) => n.noteId)).toEqual(['dpo-note:note-1']);
  });
});
