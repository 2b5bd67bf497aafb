/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { decide, type Command, type Dossier } from '../../src/domain';
import { DecideDialog, decidePayload, type DecidePayload } from '../../src/ui/dialogs/DecideDialog';
import type { CommandOutcome } from '../../src/ui/shared/outcome';
import { adequateCriteria } from '../support/adviceCriteria';
import { actors, dossierIn } from '../webparts/approvals/support/dossiers';
import { describeFailure, nl } from './support/strings';

setIconOptions({ disableWarnings: true });
const now = '2026-11-25T12:00:00.000Z';

const waiting = dossierIn('awaitingDecision', 'VSA-2026-0001', now, 2);
const criteria = adequateCriteria().map((criterion) =>
  criterion.id === 'publication' ? { ...criterion, assessment: 'adequateWithCondition' as const, recommendedCondition: { text: 'Geen cellen kleiner dan 5 publiceren.', category: 'publication' as const } } : criterion);
const dossier: Dossier = { ...waiting, advice: { ...waiting.advice!, outcome: 'favourableWithConditions', criteria } };

const domainAnswer = jest.fn(async (payload: DecidePayload): Promise<CommandOutcome> => {
  const result = decide(dossier, { ...payload, commandId: 'c1' } as Command, actors.chief, now);
  return result.ok ? { ok: true } : { ok: false, kind: 'refused', errors: result.errors };
});

describe('decidePayload', () => {
  it('sends conditions only with an approval with conditions, without empty due dates', () => {
    const conditions = [{ id: 'C1', text: ' Tekst ', category: 'other' as const, owner: 'vsa' as const, dueDate: '', personal: false }];
    expect(decidePayload('approved', ' In orde. ', conditions)).toEqual({ type: 'decide', outcome: 'approved', motivation: 'In orde.' });
    expect(decidePayload('approvedWithConditions', 'In orde.', conditions)).toEqual({
      type: 'decide', outcome: 'approvedWithConditions', motivation: 'In orde.', conditions: [{ id: 'C1', text: 'Tekst', category: 'other', owner: 'vsa' }]
    });
  });
});

describe('DecideDialog (register panel)', () => {
  beforeEach(() => domainAnswer.mockClear());

  it('offers approval with conditions, pre-filled from the advice, and sends the edited conditions', async () => {
    const onDismiss = jest.fn();
    render(<DecideDialog dossier={dossier} onSubmit={domainAnswer} onDismiss={onDismiss} describeFailure={describeFailure} lang="nl" strings={nl} />);
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getAllByRole('radio').map((radio) => radio.closest('.ms-ChoiceField')?.textContent)).toEqual(['Goedkeuren', 'Goedkeuren onder voorwaarden', 'Weigeren']);
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Goedkeuren onder voorwaarden' }));
    const first = within(dialog).getByRole('listitem', { name: 'Voorwaarde 1' });
    expect((within(first).getByRole('textbox', { name: /Tekst van de voorwaarde/ }) as HTMLTextAreaElement).value).toBe('Geen cellen kleiner dan 5 publiceren.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Voorwaarde toevoegen' }));
    const second = within(dialog).getByRole('listitem', { name: 'Voorwaarde 2' });
    fireEvent.change(within(second).getByRole('textbox', { name: /Tekst van de voorwaarde/ }), { target: { value: 'Bewijs van vernietiging bezorgen.' } });
    fireEvent.click(within(second).getByRole('radio', { name: 'VSA' }));
    fireEvent.change(within(second).getByLabelText(/Uiterste datum/), { target: { value: '2027-06-30' } });
    fireEvent.click(within(second).getByRole('checkbox', { name: /Bevat persoonsgegevens/ }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motivering/ }), { target: { value: 'Akkoord onder voorwaarden.' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    await waitFor(() => expect(onDismiss).toHaveBeenCalled());
    expect(domainAnswer).toHaveBeenCalledWith({
      type: 'decide', outcome: 'approvedWithConditions', motivation: 'Akkoord onder voorwaarden.',
      conditions: [
        { id: 'C1', text: 'Geen cellen kleiner dan 5 publiceren.', category: 'publication', owner: 'requester' },
        { id: 'C2', text: 'Bewijs van vernietiging bezorgen.', category: 'other', owner: 'vsa', dueDate: '2027-06-30', personal: true }
      ]
    });
  });

  it('shows the domain\'s refusal of an empty condition and of a removed list', async () => {
    render(<DecideDialog dossier={dossier} onSubmit={domainAnswer} onDismiss={jest.fn()} describeFailure={describeFailure} lang="nl" strings={nl} />);
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Goedkeuren onder voorwaarden' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Voorwaarde toevoegen' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motivering/ }), { target: { value: 'Akkoord.' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    const second = within(dialog).getByRole('listitem', { name: 'Voorwaarde 2' });
    expect(await within(second).findByText('Voorwaarde "C2" is onvolledig beschreven (tekst ontbreekt of is ongeldig).')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Voorwaarde 2: Verwijderen' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Voorwaarde 1: Verwijderen' }));
    expect(within(dialog).getByText('Nog geen voorwaarden.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    expect(await within(dialog).findByText('Een goedkeuring onder voorwaarden vereist minstens één voorwaarde.')).toBeTruthy();
  });
});
