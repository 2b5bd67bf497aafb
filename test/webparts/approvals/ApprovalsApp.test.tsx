/** @jest-environment jsdom */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { DataError } from '../../../src/data/errors';
import type { CommandOutcome } from '../../../src/data/commandService';
import { ApprovalsApp, type ApprovalsBackend } from '../../../src/webparts/approvals/components/ApprovalsApp';
import { actors, dossierIn } from './support/dossiers';
import { loadLocStrings } from './support/strings';

setIconOptions({ disableWarnings: true });
const now = '2026-11-25T12:00:00.000Z';
const nl = loadLocStrings('nl-nl');
const dossier = dossierIn('awaitingDecision', 'VSA-2026-0001', now, 3);

function backend(decide: ApprovalsBackend['decide']): jest.Mocked<ApprovalsBackend> {
  return {
    loadQueue: jest.fn(async () => ({ queue: [{ itemId: 1, etag: '"1"', dossier }], documents: new Map(), unreadable: ['VSA-2026-0099'] })),
    loadHistory: jest.fn(async () => []),
    decide: jest.fn(decide),
    countersign: jest.fn(),
    uploadCountersigned: jest.fn(),
    nextNumber: jest.fn(),
    commands: { load: jest.fn() }
  } as unknown as jest.Mocked<ApprovalsBackend>;
}

/** The queue's documents: a countersigned original stored in the dossier's folder. */
const originalIn = (reference: string): Map<string, { fileName: string; webUrl: string; kind: 'protocol'; phase: 'countersigned' }[]> =>
  new Map([[reference, [{ fileName: 'protocol medeondertekend.pdf', webUrl: `https://contoso.sharepoint.com/${reference}/p.pdf`, kind: 'protocol', phase: 'countersigned' }]]]);

async function approve(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Goedkeuren' }));
  const dialog = await screen.findByRole('alertdialog');
  fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'In orde.' } });
  await act(async () => {
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
  });
  return dialog;
}

describe('ApprovalsApp', () => {
  it('loads the queue, reports unreadable dossiers and passes one command id per action', async () => {
    const outcome: CommandOutcome = { ok: true, dossier, events: [], warnings: [], alreadyApplied: false, reactionErrors: [] };
    const b = backend(async () => outcome);
    render(<ApprovalsApp backend={b} actor={actors.chief} strings={nl} lang="nl" clock={() => now} newCommandId={() => 'cmd-1'} />);
    expect(await screen.findByText('Deze dossiers konden niet gelezen worden: VSA-2026-0099')).toBeTruthy();
    await approve();
    expect(b.decide).toHaveBeenCalledWith('VSA-2026-0001', { kind: 'approve', motivation: 'In orde.' }, actors.chief, 'cmd-1');
    expect(await screen.findByText('Opgeslagen: dossier VSA-2026-0001. Het DPO-team is verwittigd.')).toBeTruthy();
    await waitFor(() => expect(b.loadQueue).toHaveBeenCalledTimes(2));
  });

  it('says the decision is saved but the DPO team was not notified when a reaction failed, in Dutch', async () => {
    // The reaction's DataError is English for the logs; the user reads its code's Dutch text (issue #11).
    const refused = new DataError('data.error.accessDenied', 'send a Teams notification: access denied (403).', 403);
    const b = backend(async () => ({ ok: true, dossier, events: [], warnings: [], alreadyApplied: false, reactionErrors: [refused] }));
    render(<ApprovalsApp backend={b} actor={actors.chief} strings={nl} lang="nl" clock={() => now} />);
    await approve();
    expect(await screen.findByText('Opgeslagen: dossier VSA-2026-0001, maar het DPO-team kon niet verwittigd worden: U hebt hiervoor geen toegang.')).toBeTruthy();
  });

  it('after countersigning shows the number the service gave (the answer\'s dossier), not the suggestion', async () => {
    const waiting = dossierIn('awaitingCountersignature', 'VSA-2026-0002', now, 2);
    const numbered = { ...waiting, state: 'signed' as const, protocolNumber: 'PROT-2026-0008' };
    const b = backend(async () => ({ ok: false, errors: [] }));
    b.loadQueue.mockResolvedValue({ queue: [{ itemId: 2, etag: '"1"', dossier: waiting }], documents: originalIn('VSA-2026-0002'), unreadable: [] });
    (b.commands.load as jest.Mock).mockResolvedValue({ dossier: waiting, events: [], missingFromLog: [], stream: { events: [] } });
    b.nextNumber.mockResolvedValue('PROT-2026-0007');
    b.countersign.mockResolvedValue({ ok: true, dossier: numbered, events: [], warnings: [], alreadyApplied: false, reactionErrors: [] });
    render(<ApprovalsApp backend={b} actor={actors.chief} strings={nl} lang="nl" clock={() => now} newCommandId={() => 'cmd-2'} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ondertekenen' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(await within(dialog).findByText('Het document krijgt naar verwachting nummer PROT-2026-0007; het definitieve nummer volgt bij het ondertekenen.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Ondertekenen' }));
    });
    expect(b.countersign).toHaveBeenCalledWith('VSA-2026-0002', actors.chief, 'cmd-2', [{ fileName: 'protocol medeondertekend.pdf', kind: 'protocol' }]);
    expect(await screen.findByText('Ondertekend: dossier VSA-2026-0002 kreeg nummer PROT-2026-0008. Het DPO-team is verwittigd.')).toBeTruthy();
  });

  it('a countersignature whose notification failed still shows the number', async () => {
    const waiting = dossierIn('awaitingCountersignature', 'VSA-2026-0002', now, 2);
    const numbered = { ...waiting, state: 'signed' as const, protocolNumber: 'PROT-2026-0001', addendumNumber: 'PROT-2026-0001/A2' };
    const b = backend(async () => ({ ok: false, errors: [] }));
    b.loadQueue.mockResolvedValue({ queue: [{ itemId: 2, etag: '"1"', dossier: waiting }], documents: originalIn('VSA-2026-0002'), unreadable: [] });
    (b.commands.load as jest.Mock).mockResolvedValue({ dossier: waiting, events: [], missingFromLog: [], stream: { events: [] } });
    b.nextNumber.mockResolvedValue('PROT-2026-0001/A1');
    const refused = new DataError('data.error.accessDenied', 'notify: 403', 403);
    b.countersign.mockResolvedValue({ ok: true, dossier: numbered, events: [], warnings: [], alreadyApplied: false, reactionErrors: [refused] });
    render(<ApprovalsApp backend={b} actor={actors.chief} strings={nl} lang="nl" clock={() => now} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ondertekenen' }));
    const dialog = await screen.findByRole('alertdialog');
    await within(dialog).findByText('Het document krijgt naar verwachting nummer PROT-2026-0001/A1; het definitieve nummer volgt bij het ondertekenen.');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Ondertekenen' }));
    });
    expect(
      await screen.findByText('Ondertekend: dossier VSA-2026-0002 kreeg nummer PROT-2026-0001/A2, maar het DPO-team kon niet verwittigd worden: U hebt hiervoor geen toegang.')
    ).toBeTruthy();
  });

  it('uploads the countersigned original through the backend with its bytes, and countersigns with what the service stored', async () => {
    const waiting = dossierIn('awaitingCountersignature', 'VSA-2026-0002', now, 2);
    const b = backend(async () => ({ ok: false, errors: [] }));
    b.loadQueue.mockResolvedValue({ queue: [{ itemId: 2, etag: '"1"', dossier: waiting }], documents: new Map(), unreadable: [] });
    (b.commands.load as jest.Mock).mockResolvedValue({ dossier: waiting, events: [], missingFromLog: [], stream: { events: [] } });
    b.nextNumber.mockResolvedValue('PROT-2026-0007');
    b.uploadCountersigned.mockResolvedValue({ fileName: 'protocol medeondertekend (2).pdf', kind: 'protocol' });
    b.countersign.mockResolvedValue({ ok: false, errors: [{ kind: 'guard', code: 'dossier.error.countersignatureMissing', params: { fileName: 'protocol medeondertekend (2).pdf', signatories: 'Hilde Hoofd' } }] });
    render(<ApprovalsApp backend={b} actor={actors.chief} strings={nl} lang="nl" clock={() => now} newCommandId={() => 'cmd-3'} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ondertekenen' }));
    const dialog = await screen.findByRole('alertdialog');
    await within(dialog).findByText(/PROT-2026-0007/);
    await act(async () => {
      fireEvent.change(within(dialog).getByLabelText('Medeondertekend origineel opladen'), { target: { files: [new File([new Uint8Array([1, 2, 3])], 'protocol medeondertekend.pdf')] } });
    });
    // The browser reads the file asynchronously (FileReader in jsdom).
    await waitFor(() => expect(b.uploadCountersigned).toHaveBeenCalledWith('VSA-2026-0002', 'protocol medeondertekend.pdf', new Uint8Array([1, 2, 3])));
    expect(await within(dialog).findByRole('radio', { name: 'protocol medeondertekend (2).pdf' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Ondertekenen' }));
    });
    expect(b.countersign).toHaveBeenCalledWith('VSA-2026-0002', actors.chief, 'cmd-3', [{ fileName: 'protocol medeondertekend (2).pdf', kind: 'protocol' }]);
    await waitFor(() => expect(screen.getByRole('alertdialog').textContent).toContain('"protocol medeondertekend (2).pdf" bevat geen handtekening van een ondertekenaar van de VSA (Hilde Hoofd).'));
  });

  it('explains a conflict and reloads the queue', async () => {
    const b = backend(async () => {
      throw new DataError('data.error.conflict', 'changed', 412);
    });
    render(<ApprovalsApp backend={b} actor={actors.chief} strings={nl} lang="nl" clock={() => now} />);
    const dialog = await approve();
    expect(await within(dialog).findByText('Iemand anders heeft dossier VSA-2026-0001 intussen gewijzigd. De wachtrij is opnieuw geladen; probeer opnieuw.')).toBeTruthy();
    await waitFor(() => expect(b.loadQueue).toHaveBeenCalledTimes(2));
  });

  it('shows every domain refusal in Dutch', async () => {
    const b = backend(async () => ({ ok: false, errors: [{ kind: 'forbidden', code: 'dossier.error.forbidden', params: { command: 'decide', roles: 'chiefStatistician' } }] }));
    render(<ApprovalsApp backend={b} actor={actors.chief} strings={nl} lang="nl" clock={() => now} />);
    const dialog = await approve();
    const alert = await within(dialog).findByText(/./, { selector: '.ms-MessageBar-innerText div' });
    expect(alert.textContent?.length).toBeGreaterThan(5);
    expect(alert.textContent).not.toContain('dossier.error');
  });
});
