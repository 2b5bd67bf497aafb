/** @jest-environment jsdom */
import '../../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { decide } from '../../../src/domain';
import type { Command } from '../../../src/domain/commands';
import type { Dossier } from '../../../src/domain/types';
import { CommandDialog } from '../../../src/ui/dialogs/CommandDialog';
import { findingOverrideKey, toCommandPayload } from '../../../src/ui/dialogs/commandForm';
import { dossierUnderReview, dpoMember, statistician } from '../support/dossiers';
import { describeFailure, nl } from '../support/strings';
import { finding } from './support';

const findings = [
  finding('r1', { fieldId: 'project.titel', text: 'Titel te vaag.', lastSeenVersion: '1.0' }),
  finding('r2', { fieldId: 'project.titel', text: 'Titel te lang.', lastSeenVersion: '1.0' }),
  finding('r3', { fieldId: 'project.doeleinden', text: 'Doeleinden concreet maken.', lastSeenVersion: '1.0' }),
  finding('r4', { fieldId: 'contact.email', audience: 'internal', text: 'Intern: DPO nakijken.', lastSeenVersion: '1.0' }),
  finding('r5', { status: 'resolved', text: 'Al opgelost.', lastSeenVersion: '1.0' })
];
const context = { statisticians: [statistician], documents: [], findings, lang: 'nl' as const, strings: nl, describeFailure };
/** A dossier under review holding the findings (as the service's events would). */
const withFindings = (dossier: Dossier): Dossier => ({ ...dossier, findings });

describe('returnForChanges dialog', () => {
  it('shows the open requester findings that will be sent, by document and field, never internal or handled ones', () => {
    render(<CommandDialog command="returnForChanges" context={context} onDismiss={jest.fn()} onSubmit={jest.fn()} />);
    const list = screen.getByTestId('return-findings');
    expect(within(list).getByText('Open bevindingen die naar de aanvrager gaan (3)')).toBeTruthy();
    expect([...list.querySelectorAll('li[data-finding-id]')].map((li) => li.getAttribute('data-finding-id'))).toEqual(['r1', 'r2', 'r3']);
    expect(within(list).getByText('Titel van het onderzoeksproject')).toBeTruthy();
    expect(list.textContent).not.toContain('Intern');
    expect(screen.getByRole('textbox', { name: 'Extra opmerkingen (één per regel)' })).toBeTruthy();
  });

  it('is valid without extra remarks when requester findings are open', async () => {
    const payload = await toCommandPayload('returnForChanges', {}, context);
    expect(payload).toEqual({ type: 'returnForChanges', comment: undefined, reviewComments: [] });
    const result = decide(withFindings(dossierUnderReview()), { ...payload, commandId: 'c1' } as Command, dpoMember, '2026-11-25T10:00:00.000Z');
    expect(result.ok).toBe(true);
  });

  it('requires a remark when no requester finding is open', async () => {
    render(<CommandDialog command="returnForChanges" context={{ ...context, findings: [] }} onDismiss={jest.fn()} onSubmit={jest.fn()} />);
    expect(await screen.findByText('Er zijn geen open bevindingen voor de aanvrager: geef minstens één extra opmerking.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Opmerkingen/ }).hasAttribute('required')).toBe(true);
  });
});

describe('startDeliberation dialog', () => {
  it('lists each open requester finding with its own reason and marks those that still block', () => {
    render(<CommandDialog command="startDeliberation" context={context} onDismiss={jest.fn()} onSubmit={jest.fn()} />);
    const section = screen.getByTestId('deliberation-findings');
    const items = [...section.querySelectorAll('[data-finding-id]')];
    expect(items.map((item) => item.getAttribute('data-finding-id'))).toEqual(['r1', 'r2', 'r3']);
    expect(items.every((item) => item.getAttribute('data-blocks') === 'true')).toBe(true);
    fireEvent.change(within(items[0] as HTMLElement).getByRole('textbox'), { target: { value: 'Titel volstaat voor ons' } });
    expect(section.querySelector('[data-finding-id="r1"]')?.getAttribute('data-blocks')).toBe('false');
    expect(section.querySelector('[data-finding-id="r1"]')?.textContent).not.toContain('blokkeert het beraad');
    expect(section.querySelector('[data-finding-id="r2"]')?.textContent).toContain('blokkeert het beraad');
    // The blocking-checks override stays.
    expect(screen.getByRole('textbox', { name: 'Reden om blokkerende bevindingen te negeren (enkel indien nodig)' })).toBeTruthy();
  });

  it('sends one override per finding with a reason; the domain names the ones left without', async () => {
    const payload = await toCommandPayload('startDeliberation', { [findingOverrideKey('r1')]: ' Volstaat ', [findingOverrideKey('r2')]: 'Kleine zaak' }, context);
    expect(payload).toMatchObject({ findingOverrides: [{ findingId: 'r1', reason: 'Volstaat' }, { findingId: 'r2', reason: 'Kleine zaak' }] });
    const refused = decide(withFindings(dossierUnderReview()), { ...payload, commandId: 'c2' } as Command, dpoMember, '2026-11-25T10:00:00.000Z');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.map((error) => error.params?.findingId)).toEqual(['r3']);
    const all = await toCommandPayload('startDeliberation', { [findingOverrideKey('r1')]: 'a', [findingOverrideKey('r2')]: 'b', [findingOverrideKey('r3')]: 'c' }, context);
    expect(decide(withFindings(dossierUnderReview()), { ...all, commandId: 'c3' } as Command, dpoMember, '2026-11-25T10:00:00.000Z').ok).toBe(true);
  });

  it('sends the reasons typed in the dialog', async () => {
    const onSubmit = jest.fn().mockResolvedValue({ ok: true });
    render(<CommandDialog command="startDeliberation" context={context} onDismiss={jest.fn()} onSubmit={onSubmit} />);
    const section = screen.getByTestId('deliberation-findings');
    fireEvent.change(within(section.querySelector('[data-finding-id="r3"]') as HTMLElement).getByRole('textbox'), { target: { value: 'Later' } });
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Bevestigen' })); });
    expect(onSubmit.mock.calls[0][1]).toMatchObject({ [findingOverrideKey('r3')]: 'Later' });
  });
});
