/** @jest-environment jsdom */
/** The register's wiring of the scheduled job's drafts to requesters (issue 16). */
import * as React from 'react';
import './support/jsdomPolyfills';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RegisterApp } from '../../../src/webparts/dossierRegister/app/RegisterApp';
import { createRegisterService } from '../../../src/app/registerService';
import { RequesterDraftService } from '../../../src/app/requesterDrafts';
import { memoryDossierLocation } from '../../../src/webparts/dossierRegister/app/dossierLocation';
import type { RegisterMail } from '../../../src/app/registerMail';
import type { Actor } from '../../../src/domain/types';
import { dpoMember, otherStatistician, statistician } from '../../ui/support/dossiers';
import { nl } from '../../ui/support/strings';
import { MemoryRequesterDrafts } from '../../data/support/memoryRequesterDrafts';
import { threeDossierTenant } from './support/fakeBackend';

const now = '2026-11-25T10:00:00.000Z';
const clock = (): string => now;
const reference = 'VSA-2026-0002';
const subject = `[${reference}] Herinnering: uw aanvraag van microdata`;

function setUp(actor: Actor) {
  const ledger = new MemoryRequesterDrafts();
  ledger.add({
    key: `${reference}|requesterReminder|2026-11-20`, reference, kind: 'requesterReminder', dueOn: '2026-11-20',
    draft: { reference, kind: 'requesterReminder', lang: 'nl', to: 'karel@uni.example', subject, body: 'Beste Karel,\n\nUw aanvraag wacht op uw antwoord.' }
  });
  const drafts = jest.fn(async () => new RequesterDraftService(ledger, clock));
  const correspondence = { send: jest.fn(async () => ({ status: 'sent', eventId: 'mail-1:0' })), recordSent: jest.fn() };
  const mail = { mailboxAddress: 'data-aanvragen@vsa.example', correspondence, mailKindsFor: () => [] } as unknown as RegisterMail;
  render(
    <RegisterApp service={createRegisterService(threeDossierTenant(actor).backend(clock), { clock })} strings={nl} lang="nl" pageSize={2} saveFile={jest.fn()}
      location={memoryDossierLocation()} mail={async () => mail} drafts={drafts} />
  );
  return { ledger, drafts, correspondence };
}

describe('RegisterApp: the drafts to requesters', () => {
  it('shows the DPO team which dossiers have a waiting draft and filters the register to them', async () => {
    setUp(dpoMember);
    await screen.findByText('3 van 3 dossiers');
    const status = await screen.findByText('1 dossier(s) met een concept aan de aanvrager dat wacht op nalezing');
    expect(screen.getByRole('link', { name: 'Dossier VSA-2026-0001 openen' })).toBeTruthy();
    fireEvent.click(within(status.parentElement as HTMLElement).getByRole('button', { name: 'Alleen deze dossiers tonen' }));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Dossier VSA-2026-0001 openen' })).toBeNull());
    expect(screen.getByRole('link', { name: `Dossier ${reference} openen` })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Alle dossiers tonen' }));
    expect(await screen.findByRole('link', { name: 'Dossier VSA-2026-0001 openen' })).toBeTruthy();
  });

  it('lets the assigned statistician preview the draft in the composer, send it and see it handled', async () => {
    const { ledger, correspondence } = setUp(statistician);
    await screen.findByText('3 van 3 dossiers');
    expect(screen.queryByText(/met een concept aan de aanvrager/)).toBeNull();
    fireEvent.click(screen.getByRole('link', { name: `Dossier ${reference} openen` }));
    const section = await screen.findByRole('region', { name: 'Concepten aan de aanvrager' });
    fireEvent.click(within(section).getByRole('button', { name: 'Bekijken en versturen' }));
    const dialog = await screen.findByRole('alertdialog');
    expect((within(dialog).getByRole('textbox', { name: 'Onderwerp' }) as HTMLInputElement).value).toBe(subject);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Versturen vanuit de gedeelde mailbox' }));
    await waitFor(() => expect(ledger.items[0].status).toBe('sent'));
    expect(correspondence.send).toHaveBeenCalledWith(expect.objectContaining({ kind: 'requesterReminder', dossierReference: reference, subject }), statistician, expect.any(String));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Concepten aan de aanvrager' })).toBeNull());
  });

  it('shows another statistician neither the filter nor the drafts, and never loads them', async () => {
    const { drafts } = setUp(otherStatistician);
    await screen.findByText('3 van 3 dossiers');
    fireEvent.click(screen.getByRole('link', { name: `Dossier ${reference} openen` }));
    await screen.findByText(`Dossier ${reference}`);
    expect(screen.queryByRole('region', { name: 'Concepten aan de aanvrager' })).toBeNull();
    expect(drafts).not.toHaveBeenCalled();
  });
});
