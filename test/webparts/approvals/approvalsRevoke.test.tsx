/** @jest-environment jsdom */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import type { CommandOutcome } from '../../../src/data/commandService';
import { decide, type Command, type Dossier } from '../../../src/domain';
import { buildDecisionHistory } from '../../../src/ui/approvals/decisionHistory';
import { ApprovalsApp, type ApprovalsBackend } from '../../../src/webparts/approvals/components/ApprovalsApp';
import { actors, dossierIn, eventsOf } from './support/dossiers';
import { loadLocStrings } from './support/strings';

/**
 * Lifecycle (issue 16): the Chief Statistician revokes a protocol where she works, from the history of
 * the approvals tab: the button follows `allowedCommands`, the dialog asks date and reason, the domain's
 * refusals show in the dialog.
 */
setIconOptions({ disableWarnings: true });
const now = '2026-11-25T12:00:00.000Z';
const nl = loadLocStrings('nl-nl');
const delivered = dossierIn('delivered', 'VSA-2026-0001', now, 10);
const decisionOf = (dossier: Dossier) => {
  const event = eventsOf('delivered', dossier.reference, dossier.updatedAt).find((candidate) => candidate.type === 'DecisionMade');
  if (!event) throw new Error('no decision');
  return { event, dossier };
};

function backend(revoke: NonNullable<ApprovalsBackend['revoke']>, history = [decisionOf(delivered)]): jest.Mocked<ApprovalsBackend> {
  return {
    loadQueue: jest.fn(async () => ({ queue: [], documents: new Map(), unreadable: [] })),
    loadHistory: jest.fn(async () => history),
    decide: jest.fn(),
    countersign: jest.fn(),
    uploadCountersigned: jest.fn(),
    nextNumber: jest.fn(),
    revoke: jest.fn(revoke),
    commands: { load: jest.fn() }
  } as unknown as jest.Mocked<ApprovalsBackend>;
}

/** The domain's answer, as the command service would give it. */
const domain: NonNullable<ApprovalsBackend['revoke']> = async (reference, input, actor, commandId): Promise<CommandOutcome> => {
  const result = decide(delivered, { type: 'revokeProtocol', commandId, ...input } as Command, actor, now);
  return result.ok ? { ok: true, dossier: delivered, events: result.events, warnings: [], alreadyApplied: false, reactionErrors: [] } : { ok: false, errors: result.errors };
};

async function openHistory(): Promise<void> {
  fireEvent.click(await screen.findByRole('tab', { name: nl.HistoryTab }));
}

describe('revoking a protocol from the approvals tab', () => {
  it('offers the revocation on an approved, delivered protocol to the Chief Statistician only (allowedCommands)', () => {
    const history = [decisionOf(delivered)];
    expect(buildDecisionHistory(history, now, actors.chief).rows[0]).toMatchObject({ revocable: true });
    expect(buildDecisionHistory(history, now, actors.team).rows[0].revocable).toBeUndefined();
    expect(buildDecisionHistory(history, now).rows[0].revocable).toBeUndefined();
    const revoked = { ...delivered, revocation: { date: '2026-11-20', reason: 'x', by: { id: 'els', displayName: 'Els' }, at: now } };
    expect(buildDecisionHistory([{ ...decisionOf(delivered), dossier: revoked }], now, actors.chief).rows[0]).toMatchObject({ revokedOn: '2026-11-20' });
    expect(buildDecisionHistory([{ ...decisionOf(delivered), dossier: revoked }], now, actors.chief).rows[0].revocable).toBeUndefined();
  });

  it('asks date and reason, shows the domain\'s refusal, then revokes with one command id and says so', async () => {
    const b = backend(domain);
    render(<ApprovalsApp backend={b} actor={actors.chief} strings={nl} lang="nl" clock={() => now} newCommandId={() => 'rev-1'} />);
    await openHistory();
    fireEvent.click(await screen.findByRole('button', { name: 'Protocol intrekken… VSA-2026-0001' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Protocol van dossier VSA-2026-0001 intrekken')).toBeTruthy();
    expect((within(dialog).getByRole('textbox', { name: /Datum van de intrekking/ }) as HTMLInputElement).value).toBe('2026-11-25');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    expect(await within(dialog).findByText('Geef de reden van de intrekking.')).toBeTruthy();
    expect(b.revoke).not.toHaveBeenCalled();

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Datum van de intrekking/ }), { target: { value: '2026-12-01' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reden van de intrekking/ }), { target: { value: 'Inbreuk op de voorwaarden.' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    expect(await within(dialog).findByText(/ligt na vandaag/)).toBeTruthy();

    fireEvent.change(within(dialog).getByRole('textbox', { name: /Datum van de intrekking/ }), { target: { value: '2026-11-24' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(b.revoke).toHaveBeenLastCalledWith('VSA-2026-0001', { date: '2026-11-24', reason: 'Inbreuk op de voorwaarden.' }, actors.chief, 'rev-1');
    expect(await screen.findByText(/Het protocol van dossier VSA-2026-0001 is ingetrokken/)).toBeTruthy();
  });

  it('offers nothing to someone who may not revoke', async () => {
    render(<ApprovalsApp backend={backend(domain)} actor={actors.dpo} strings={nl} lang="nl" clock={() => now} />);
    await openHistory();
    expect(await screen.findByText('VSA-2026-0001', { exact: false })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Protocol intrekken/ })).toBeNull();
  });
});
