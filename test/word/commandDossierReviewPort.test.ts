import { CommandService } from '../../src/data/commandService';
import { formatFailure } from '../../src/app/failures';
import { createCommandDossierReviewPort } from '../../src/app/wordReview/commandDossierReviewPort';
import { MemoryStores } from '../data/support/memoryStores';
import { an, assignCommand, gast, registerCommand, sofie } from '../data/support/fixtures';

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

describe('reviewer findings through the command service', () => {
  async function inReview() {
    const context = setup();
    await context.commands.execute('VSA-2026-0042', registerCommand('VSA-2026-0042', 'reg-1', 'Wonen'), an);
    expect((await context.commands.execute('VSA-2026-0042', assignCommand('assign-1'), an)).ok).toBe(true);
    const forms = await context.commands.execute('VSA-2026-0042', { type: 'requestForms', commandId: 'forms-1', procedure: 'standard' }, sofie);
    expect(forms).toMatchObject({ ok: true });
    // Remarks are made on a version under review: the drafts arrive first.
    const draft = (kind: 'aanvraagformulier' | 'verklaringTOM' | 'protocol') => ({ id: `d-${kind}`, kind, fileName: `${kind}.docx`, version: '1.0', checkSummary: { blocking: 0, warnings: 0, info: 0 } });
    const drafts = await context.commands.execute('VSA-2026-0042', { type: 'registerDraftDocuments', commandId: 'drafts-1', documents: [draft('aanvraagformulier'), draft('verklaringTOM'), draft('protocol')] }, an);
    expect(drafts).toMatchObject({ ok: true });
    return context;
  }
  const remark = { id: 'word:0123456789abcdef', documentKind: 'aanvraagformulier' as const, fieldId: 'project.titel', text: 'Te vaag.', audience: 'requester' as const, severity: 'blocking' as const };

  it('records findings once (a re-run adds nothing), reads them back, resolves one on its revision', async () => {
    const { commands, port } = await inReview();
    await port.recordFindings('VSA-2026-0042', [remark], '2026-11-25T10:15:00Z');
    await port.recordFindings('VSA-2026-0042', [remark], '2026-11-25T10:16:00Z');
    await port.recordFindings('VSA-2026-0042', [], '2026-11-25T10:17:00Z');
    const findings = await port.findingsOf('VSA-2026-0042');
    expect(findings).toEqual([expect.objectContaining({ id: remark.id, origin: 'reviewer', status: 'open', revision: 1, author: { id: an.id, displayName: an.displayName } })]);
    await port.changeFindingStatus('VSA-2026-0042', { findingId: remark.id, status: 'resolved', expectedRevision: 1 }, '2026-11-25T10:20:00Z');
    expect((await port.findingsOf('VSA-2026-0042'))[0]).toMatchObject({ status: 'resolved', revision: 2 });
    const events = (await commands.load('VSA-2026-0042')).events.map((entry) => entry.event.type);
    expect(events.filter((type) => type === 'FindingsRecorded')).toHaveLength(2);
    expect(events.filter((type) => type === 'FindingStatusChanged')).toHaveLength(1);
    expect(await port.findingsOf('VSA-2026-9999')).toEqual([]);
  });

  it('refuses a change on a stale revision with the domain code, readable in the pane', async () => {
    const { port } = await inReview();
    await port.recordFindings('VSA-2026-0042', [remark], '2026-11-25T10:15:00Z');
    await port.changeFindingStatus('VSA-2026-0042', { findingId: remark.id, status: 'resolved', expectedRevision: 1 }, '2026-11-25T10:20:00Z');
    const refusal = await port.changeFindingStatus('VSA-2026-0042', { findingId: remark.id, status: 'open', expectedRevision: 1 }, '2026-11-25T10:21:00Z').catch((error: unknown) => error);
    expect(refusal).toMatchObject({ name: 'ReviewRefusedError', code: 'dossier.error.findingChanged' });
    expect(formatFailure(refusal, 'nl')).toMatch(/werd intussen gewijzigd door An Peeters/);
  });
});
