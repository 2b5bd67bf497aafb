import { CommandService } from '../../src/data/commandService';
import { formatFailure } from '../../src/app/failures';
import { createCommandDossierReviewPort } from '../../src/app/wordReview/commandDossierReviewPort';
import { MemoryStores } from '../data/support/memoryStores';
import { an, gast, registerCommand } from '../data/support/fixtures';

function setup(actor = an) {
  const stores = new MemoryStores();
  const commands = new CommandService({ dossiers: stores, events: stores, clock: () => '2026-11-25T09:00:00Z' });
  let counter = 0;
  const port = createCommandDossierReviewPort({ commands, currentActor: async () => actor, newCommandId: () => `review-${++counter}` });
  return { stores, commands, port };
}

const review = {
  reference: 'VSA-2026-0042',
  fileName: 'aanvraag.docx',
  formType: 'aanvraagformulier' as const,
  counts: { blocking: 2, warnings: 1, info: 0 },
  commentsInserted: 3,
  reviewedAt: '2026-11-25T10:15:00Z'
};

describe('dossier review port over the command service', () => {
  it('shows the dossier and records the review as an event by the reviewer at the review time', async () => {
    const { commands, port } = setup();
    await commands.execute('VSA-2026-0042', registerCommand('VSA-2026-0042', 'reg-1', 'Wonen'), an);
    expect(await port.findDossier('VSA-2026-0042')).toEqual({ reference: 'VSA-2026-0042', subject: 'Wonen', state: 'intake', documents: [] });
    expect(await port.findDossier('VSA-2026-9999')).toBeUndefined();

    await port.recordReview(review);
    const loaded = await commands.load('VSA-2026-0042');
    const last = loaded.events[loaded.events.length - 1].event;
    expect(last.type).toBe('CommentAdded');
    expect(last.actor.id).toBe(an.id);
    expect(last.at).toBe('2026-11-25T10:15:00Z');
    expect(loaded.dossier!.comments.map((c) => c.text)).toEqual([
      'Formuliercontrole in Word van aanvraag.docx (aanvraagformulier): 2 blokkerend, 1 waarschuwing, 0 info; 3 opmerkingen ingevoegd.'
    ]);
  });

  it('refuses with the domain reason when the reviewer has no VSA role', async () => {
    const { commands } = setup();
    await commands.execute('VSA-2026-0042', registerCommand('VSA-2026-0042', 'reg-1'), an);
    const { port } = { port: createCommandDossierReviewPort({ commands, currentActor: async () => gast, newCommandId: () => 'x' }) };
    await expect(port.recordReview(review)).rejects.toThrow(/rol/i);
    await expect(port.recordReview(review)).rejects.toHaveProperty('name', 'ReviewRefusedError');
    // The refusal is coded: an English pane reads it in English, not as an unexpected Dutch error.
    const refusal = await port.recordReview(review).catch((error: unknown) => error);
    expect(formatFailure(refusal, 'en')).toMatch(/^You may not .*role/);
  });
});
