/** @jest-environment jsdom */
import * as React from 'react';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { decide, type Command, type Dossier } from '../../../src/domain';
import { formatError } from '../../../src/domain/formatError';
import { ApprovalsGateway } from '../../../src/data/graph/approvals/approvalsGateway';
import type { GraphApprovalsReader } from '../../../src/data/graph/approvals/graphApprovalsReader';
import type { DossierCommands } from '../../../src/data/commandService';
import type { DossierLookups } from '../../../src/data/lookups';
import { DecisionDialog } from '../../../src/ui/approvals/DecisionDialog';
import type { ActionResult, DecisionChoice } from '../../../src/ui/approvals/ApprovalsTab.types';
import { adequateCriteria } from '../../support/adviceCriteria';
import { actors, dossierIn } from './support/dossiers';
import { loadLocStrings } from './support/strings';

setIconOptions({ disableWarnings: true });
const now = '2026-11-25T12:00:00.000Z';
const nl = loadLocStrings('nl-nl');
const waiting = dossierIn('awaitingDecision', 'VSA-2026-0001', now, 2);
const criteria = adequateCriteria().map((criterion) => {
  if (criterion.id === 'retention') return { ...criterion, assessment: 'adequateWithCondition' as const, recommendedCondition: { text: 'Vernietigen na 5 jaar.', category: 'retention' as const } };
  if (criterion.id === 'necessity') {
    return { ...criterion, assessment: 'adequateWithCondition' as const, variables: [{ name: 'postcode', necessity: 'neededWithCondition' as const, condition: { text: 'Enkel op gemeenteniveau.', category: 'variables' as const } }] };
  }
  return criterion;
});
const dossier: Dossier = { ...waiting, advice: { ...waiting.advice!, outcome: 'favourableWithConditions', criteria } };

/** What the tab's action answers: the domain's guard on the decision the dialog sends. */
const decideWithDomain = jest.fn(async (choice: DecisionChoice): Promise<ActionResult> => {
  if (choice.kind === 'requestMoreInformation') return { ok: true, message: 'ok' };
  const outcome = choice.kind === 'approve' ? 'approved' : choice.kind === 'reject' ? 'rejected' : 'approvedWithConditions';
  const conditions = choice.kind === 'approveWithConditions' ? choice.conditions : undefined;
  const result = decide(dossier, { type: 'decide', commandId: 'c1', outcome, motivation: choice.motivation, conditions } as Command, actors.chief, now);
  return result.ok ? { ok: true, message: 'Opgeslagen.' } : { ok: false, messages: result.errors.map((error) => formatError(error, 'nl')), errors: result.errors };
});

function renderDialog(kind: DecisionChoice['kind'], onClose = jest.fn()): HTMLElement {
  render(<DecisionDialog kind={kind} reference="VSA-2026-0001" advice={dossier.advice} strings={nl} lang="nl" onSubmit={decideWithDomain} onClose={onClose} describeFailure={String} />);
  return screen.getByRole('alertdialog');
}

async function confirm(dialog: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
  });
}

describe('DecisionDialog: approval with conditions', () => {
  beforeEach(() => decideWithDomain.mockClear());

  it('pre-fills the conditions the advice recommends, and lets the Chief Statistician edit, add and remove them', async () => {
    const onClose = jest.fn();
    const dialog = renderDialog('approveWithConditions', onClose);
    expect(within(dialog).getByText('Beslissen over dossier VSA-2026-0001')).toBeTruthy();
    expect((within(dialog).getByRole('radio', { name: 'Goedkeuren onder voorwaarden' }) as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByText('Overgenomen uit het advies van de DPO; pas aan waar nodig.')).toBeTruthy();
    const texts = within(dialog).getAllByRole('textbox', { name: /Tekst van de voorwaarde/ }).map((box) => (box as HTMLTextAreaElement).value);
    expect(texts).toEqual(['Enkel op gemeenteniveau.', 'Vernietigen na 5 jaar.']);

    const first = within(dialog).getByRole('listitem', { name: 'Voorwaarde 1' });
    fireEvent.change(within(first).getByRole('textbox', { name: /Tekst van de voorwaarde/ }), { target: { value: 'Enkel op het niveau van de gemeente.' } });
    fireEvent.click(within(first).getByRole('checkbox', { name: /Bevat persoonsgegevens/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Voorwaarde 2: Verwijderen' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Voorwaarde toevoegen' }));
    const added = within(dialog).getByRole('listitem', { name: 'Voorwaarde 2' });
    fireEvent.change(within(added).getByRole('textbox', { name: /Tekst van de voorwaarde/ }), { target: { value: 'Vernietiging melden aan de VSA.' } });
    fireEvent.click(within(added).getByRole('radio', { name: 'VSA' }));
    fireEvent.change(within(added).getByLabelText(/Uiterste datum/), { target: { value: '2031-12-31' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motivering/ }), { target: { value: 'Akkoord onder voorwaarden.' } });
    await confirm(dialog);

    expect(decideWithDomain).toHaveBeenCalledWith({
      kind: 'approveWithConditions',
      motivation: 'Akkoord onder voorwaarden.',
      conditions: [
        { id: 'C1', text: 'Enkel op het niveau van de gemeente.', category: 'variables', owner: 'requester', personal: true },
        { id: 'C2', text: 'Vernietiging melden aan de VSA.', category: 'other', owner: 'vsa', dueDate: '2031-12-31' }
      ]
    });
    expect(onClose).toHaveBeenCalledWith({ ok: true, message: 'Opgeslagen.' });
  });

  it('switches the outcome in the dialog: a plain approval sends no conditions', async () => {
    const dialog = renderDialog('approveWithConditions');
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Goedkeuren' }));
    expect(within(dialog).queryByRole('textbox', { name: /Tekst van de voorwaarde/ })).toBeNull();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motivering/ }), { target: { value: 'In orde.' } });
    await confirm(dialog);
    expect(decideWithDomain).toHaveBeenCalledWith({ kind: 'approve', motivation: 'In orde.' });
  });

  it('shows the refusal of an incomplete condition next to it, and the others above the form', async () => {
    const onClose = jest.fn();
    const dialog = renderDialog('approveWithConditions', onClose);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Voorwaarde toevoegen' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motivering/ }), { target: { value: 'Akkoord.' } });
    await confirm(dialog);
    const third = within(dialog).getByRole('listitem', { name: 'Voorwaarde 3' });
    expect(await within(third).findByText('Voorwaarde "C3" is onvolledig beschreven (tekst ontbreekt of is ongeldig).')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    for (const name of ['Voorwaarde 3: Verwijderen', 'Voorwaarde 2: Verwijderen', 'Voorwaarde 1: Verwijderen']) fireEvent.click(within(dialog).getByRole('button', { name }));
    expect(within(dialog).getByText('Nog geen voorwaarden.')).toBeTruthy();
    await confirm(dialog);
    expect(await within(dialog).findByText('Een goedkeuring onder voorwaarden vereist minstens één voorwaarde.')).toBeTruthy();
  });

  it('without structured advice starts with an empty list', () => {
    render(<DecisionDialog kind="approveWithConditions" reference="VSA-2026-0002" advice={waiting.advice} strings={nl} lang="nl" onSubmit={decideWithDomain} onClose={jest.fn()} describeFailure={String} />);
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText('Nog geen voorwaarden.')).toBeTruthy();
    expect(within(dialog).queryByText(/Overgenomen uit het advies/)).toBeNull();
  });
});

describe('ApprovalsGateway.decide', () => {
  it('sends the conditions of an approval with conditions as the domain command', async () => {
    const execute = jest.fn(async () => ({ ok: true }));
    const gateway = new ApprovalsGateway({
      reader: {} as GraphApprovalsReader,
      commands: { execute, load: jest.fn() } as unknown as DossierCommands,
      lookups: {} as DossierLookups
    });
    const conditions = [{ id: 'C1', text: 'Vernietigen na 5 jaar.', category: 'retention' as const, owner: 'requester' as const }];
    await gateway.decide('VSA-2026-0001', { kind: 'approveWithConditions', motivation: 'Akkoord.', conditions }, actors.chief, 'cmd-1');
    expect(execute).toHaveBeenCalledWith('VSA-2026-0001', { type: 'decide', commandId: 'cmd-1', outcome: 'approvedWithConditions', motivation: 'Akkoord.', conditions }, actors.chief);
    await gateway.decide('VSA-2026-0001', { kind: 'reject', motivation: 'Nee.' }, actors.chief, 'cmd-2');
    expect(execute).toHaveBeenLastCalledWith('VSA-2026-0001', { type: 'decide', commandId: 'cmd-2', outcome: 'rejected', motivation: 'Nee.' }, actors.chief);
  });
});
