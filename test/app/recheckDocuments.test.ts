/**
 * Stored check results follow the dossier's context (src/app/recheckDocuments.ts): a registered
 * mandate or a change of check phase has the service check the current forms again and rewrite only
 * the check columns that changed; files are never written.
 */
import { checkContextChanged, filesToRecheck, recheckCurrentDocuments } from '../../src/app/recheckDocuments';
import { executeTrustedCommand } from '../../src/app/service/trustedCommands';
import { CommandService } from '../../src/data/commandService';
import type { AuthenticatedCaller } from '../../src/data/auth/caller';
import type { DocumentCheckColumns, DocumentLibrary, StoredDocument } from '../../src/data/ports';
import type { CheckSummary, Command, Dossier, DossierEvent } from '../../src/domain';
import { replay } from '../../src/domain';
import { MemoryStores } from '../data/support/memoryStores';
import { actors, cmd, doc } from '../domain/support/fixtures';
import { run } from '../domain/support/given';
import { eventsIn } from '../domain/support/paths';
import { FakeCallerRoles, FakeNumberIssuer } from '../functions/support';
import { formsEngine, pdfBytes, sampleForm } from './support';

const REFERENCE = 'VSA-2026-0001';

/** A folder of stored files with their check columns; records every column write and forbids file writes. */
class Folder implements Pick<DocumentLibrary, 'list' | 'download'>, DocumentCheckColumns {
  public readonly writes: string[] = [];
  public readonly files = new Map<string, { stored: StoredDocument; bytes: Uint8Array }>();

  public put(fileName: string, bytes: Uint8Array, stored: Partial<StoredDocument>): void {
    this.files.set(fileName, { bytes, stored: { id: `id-${fileName}`, fileName, serverRelativeUrl: `/x/${fileName}`, size: bytes.length, version: '1.0', ...stored } });
  }

  public async list(): Promise<StoredDocument[]> {
    return [...this.files.values()].map((file) => file.stored);
  }

  public async download(_reference: string, fileName: string): Promise<Uint8Array> {
    return this.files.get(fileName)!.bytes;
  }

  public async updateCheck(reference: string, fileName: string, check: CheckSummary | undefined): Promise<void> {
    this.writes.push(`${reference}/${fileName}: ${JSON.stringify(check)}`);
    const file = this.files.get(fileName)!;
    const status = !check ? 'notChecked' : check.blocking > 0 ? 'blocking' : check.warnings > 0 ? 'warnings' : 'passed';
    file.stored = { ...file.stored, checkStatus: status, checkBlocking: check?.blocking, checkWarnings: check?.warnings };
  }
}

const deps = (folder: Folder) => ({ documents: folder, columns: folder, loadFormsEngine: async () => formsEngine, today: () => '2026-06-15' });

describe('checkContextChanged', () => {
  const changed = (history: readonly DossierEvent[], count: number): boolean => {
    const dossier = replay(history) as Dossier;
    return checkContextChanged(history.slice(-count), dossier);
  };

  it('is true when a mandate is registered and when the check phase turns from draft to signed', () => {
    const withMandate = run([[actors.team, cmd.registerSignedDocuments([...eventsSigned(), doc('mandate', 'm')])]], eventsIn('awaitingSignatures')).events;
    expect(changed(withMandate, withMandate.length - eventsIn('awaitingSignatures').length)).toBe(true);
    expect(changed(eventsIn('awaitingSignatures'), 1)).toBe(true);
  });

  it('is false for transitions within a phase and for transitions that change no state', () => {
    expect(changed(eventsIn('underReview'), 1)).toBe(false);
    expect(changed(eventsIn('awaitingCountersignature'), 2)).toBe(false);
    const commented = run([[actors.team, cmd.addComment()]], eventsIn('awaitingSignatures')).events;
    expect(changed(commented, 1)).toBe(false);
    expect(checkContextChanged([], replay(eventsIn('awaitingSignatures')) as Dossier)).toBe(false);
    // A comment at the very moment of the decision (a fixed clock) keeps the state: no phase change.
    const decided = eventsIn('awaitingSignatures');
    const sameMoment = [...decided, { ...(decided.at(-1) as DossierEvent), id: 'x', type: 'CommentAdded', text: 'Nota' } as DossierEvent];
    expect(checkContextChanged(sameMoment.slice(-1), replay(sameMoment) as Dossier, 'addComment')).toBe(false);
    expect(checkContextChanged(sameMoment.slice(-1), replay(sameMoment) as Dossier)).toBe(true);
  });
});

function eventsSigned() {
  return [doc('aanvraagformulier', 's', 'gevolmachtigde'), doc('verklaringTOM', 's', 'gevolmachtigde'), doc('protocol', 's', 'gevolmachtigde')];
}

describe('recheckCurrentDocuments', () => {
  it('clears the stale "mandate missing" of a form signed by delegation once the mandate is there, and writes only that column', async () => {
    const folder = new Folder();
    folder.put('aanvraag getekend.docx', await sampleForm('aanvraagformulier', 'gevolmachtigde'), { kind: 'aanvraagformulier', phase: 'signed', checkStatus: 'blocking', checkBlocking: 1, checkWarnings: 0 });
    folder.put('volmacht.pdf', pdfBytes, { kind: 'mandate', phase: 'signed', checkStatus: 'notChecked' });
    const dossier = replay(eventsIn('awaitingSignatures')) as Dossier;
    const report = await recheckCurrentDocuments(deps(folder), dossier);
    expect(report.updated).toEqual(['aanvraag getekend.docx']);
    expect(folder.writes).toEqual([`${REFERENCE}/aanvraag getekend.docx: {"blocking":0,"warnings":0,"info":0}`]);
    // Already up to date: a second run writes nothing.
    expect((await recheckCurrentDocuments(deps(folder), dossier)).updated).toEqual([]);
    expect(folder.writes).toHaveLength(1);
  });

  it('keeps "mandate missing" without a mandate, skips superseded versions, PDFs and unreadable files', async () => {
    const folder = new Folder();
    folder.put('aanvraag getekend.docx', await sampleForm('aanvraagformulier', 'gevolmachtigde'), { kind: 'aanvraagformulier', phase: 'signed', checkStatus: 'passed', checkBlocking: 0, checkWarnings: 0 });
    folder.put('aanvraagformulier-v1.docx', await sampleForm('aanvraagformulier', 'wettelijk vertegenwoordiger'), { kind: 'aanvraagformulier', phase: 'draft', checkStatus: 'passed' });
    folder.put('kapot.docx', new TextEncoder().encode('geen zip'), { kind: 'protocol', phase: 'draft', checkStatus: 'passed' });
    // The dossier registered aanvraagformulier-v1.docx, then a later draft that superseded it.
    const history = run([[actors.team, cmd.returnForChanges()], [actors.team, cmd.registerDraftDocuments([doc('aanvraagformulier', 'v2')])]], eventsIn('underReview')).events;
    const dossier = replay(history) as Dossier;
    expect(filesToRecheck(dossier, await folder.list()).map((f) => f.fileName)).toEqual(['aanvraag getekend.docx', 'kapot.docx']);
    const report = await recheckCurrentDocuments(deps(folder), dossier);
    expect(report.updated).toEqual(['aanvraag getekend.docx']);
    expect(folder.writes).toEqual([`${REFERENCE}/aanvraag getekend.docx: {"blocking":1,"warnings":0,"info":0}`]);
  });

  it('throws what the library throws', async () => {
    const folder = new Folder();
    folder.put('aanvraag.docx', await sampleForm('aanvraagformulier'), { kind: 'aanvraagformulier', phase: 'draft' });
    const failing = { ...deps(folder), documents: { list: () => folder.list(), download: async (): Promise<Uint8Array> => Promise.reject(new Error('503')) } };
    await expect(recheckCurrentDocuments(failing, replay(eventsIn('underReview')) as Dossier)).rejects.toThrow('503');
  });
});

describe('the trusted command service rechecks after a mandate is registered', () => {
  it('rewrites the check column of the signed form when registerSignedDocuments brings the mandate; a failure is a reaction error', async () => {
    const stores = new MemoryStores();
    const history = eventsIn('awaitingSignatures');
    await stores.createProjection({ dossier: replay(history) as Dossier, eventCount: history.length, pendingEvents: [] });
    stores.log.push(...history.map((event, index) => ({ sequence: index + 1, event })));
    const folder = new Folder();
    for (const kind of ['aanvraagformulier', 'verklaringTOM', 'protocol'] as const) {
      folder.put(`${kind} getekend.docx`, await sampleForm(kind, 'gevolmachtigde'), { kind, phase: 'signed', checkStatus: 'blocking', checkBlocking: 1, checkWarnings: 0 });
    }
    folder.put('volmacht.pdf', pdfBytes, { kind: 'mandate', phase: 'signed', checkStatus: 'notChecked' });
    const commands = new CommandService({ dossiers: stores, events: stores, clock: () => '2026-06-15T10:00:00.000Z' });
    const trusted = {
      commands,
      roles: new FakeCallerRoles(),
      numbers: new FakeNumberIssuer(),
      parentProtocols: { parentProtocol: async () => undefined },
      clock: () => '2026-06-15T10:00:00.000Z',
      documents: folder,
      loadFormsEngine: async () => formsEngine,
      today: () => '2026-06-15',
      checkColumns: folder
    };
    const caller: AuthenticatedCaller = { email: actors.team.id, displayName: actors.team.displayName, objectId: 'oid', tenantId: 't' };
    const pointers = (await folder.list()).map((stored) => ({ fileName: stored.fileName }));
    const answer = await executeTrustedCommand(trusted as never, caller, REFERENCE, { command: { ...cmd.registerSignedDocuments(), documents: pointers } as unknown as Command });
    expect(answer.status).toBe(200);
    expect(answer.body.ok && answer.body.reactionErrors).toEqual([]);
    expect(folder.writes.sort()).toEqual(
      ['aanvraagformulier', 'protocol', 'verklaringTOM'].map((kind) => `${REFERENCE}/${kind} getekend.docx: {"blocking":0,"warnings":0,"info":0}`)
    );

    // A comment changes no context: nothing is read again.
    folder.writes.length = 0;
    const failing = { ...trusted, checkColumns: { updateCheck: async () => Promise.reject(new Error('not expected')) } };
    const comment = await executeTrustedCommand(failing as never, caller, REFERENCE, { command: cmd.addComment() });
    expect(comment.body.ok && comment.body.reactionErrors).toEqual([]);
  });
});
