/** @jest-environment jsdom */
/**
 * The register panel opens the structured dialogs for advice and decision (not the generic command
 * dialog), and what they send goes through the register service to the domain, whose refusals appear
 * next to the fields.
 */
import * as React from 'react';
import './support/jsdomPolyfills';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RegisterApp } from '../../../src/webparts/dossierRegister/app/RegisterApp';
import { createRegisterService } from '../../../src/app/registerService';
import { memoryDossierLocation } from '../../../src/webparts/dossierRegister/app/dossierLocation';
import type { Actor } from '../../../src/domain/types';
import { chief, dpo } from '../../ui/support/dossiers';
import { nl } from '../../ui/support/strings';
import { eventsOf } from '../approvals/support/dossiers';
import { FakeTenant } from './support/fakeBackend';

const now = '2026-11-25T10:00:00.000Z';
const clock = (): string => now;

async function openDossier(actor: Actor): Promise<FakeTenant> {
  const tenant = new FakeTenant(actor);
  tenant.seed(eventsOf('deliberation', 'VSA-2026-0011', '2026-11-20T09:00:00.000Z'));
  tenant.seed(eventsOf('awaitingDecision', 'VSA-2026-0012', '2026-11-21T09:00:00.000Z'));
  render(<RegisterApp service={createRegisterService(tenant.backend(clock), { clock })} strings={nl} lang="nl" pageSize={10} saveFile={jest.fn()} location={memoryDossierLocation()} />);
  await screen.findByText('2 van 2 dossiers');
  return tenant;
}

describe('RegisterApp: structured advice and decision', () => {
  it('gives the DPO the advice dialog per criterion; an empty advice is refused field by field', async () => {
    await openDossier(dpo);
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0011 openen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Advies geven' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(await within(dialog).findByRole('region', { name: 'Beveiligingsmaatregelen' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    const security = within(dialog).getByRole('region', { name: 'Beveiligingsmaatregelen' });
    expect(await within(security).findByText('Het criterium "Beveiligingsmaatregelen" is onvolledig beoordeeld (beoordeling).')).toBeTruthy();
  });

  it('gives the Chief Statistician the decision dialog with approval with conditions', async () => {
    const tenant = await openDossier(chief);
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0012 openen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Beslissen' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(await within(dialog).findByRole('radio', { name: 'Goedkeuren onder voorwaarden' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Voorwaarde toevoegen' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Tekst van de voorwaarde/ }), { target: { value: 'Geen cellen kleiner dan 5 publiceren.' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motivering/ }), { target: { value: 'Akkoord onder voorwaarde.' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    await waitFor(() => expect(tenant.projections.get('VSA-2026-0012')?.write.dossier.state).toBe('awaitingSignatures'));
    expect(tenant.projections.get('VSA-2026-0012')?.write.dossier.conditions).toEqual([
      { id: 'C1', text: 'Geen cellen kleiner dan 5 publiceren.', category: 'other', owner: 'requester', status: 'open' }
    ]);
  });
});
