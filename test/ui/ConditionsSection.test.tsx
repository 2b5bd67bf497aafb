/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { allowedCommands } from '../../src/domain';
import type { DossierCondition } from '../../src/domain/advice';
import type { Actor, Dossier } from '../../src/domain/types';
import { ConditionsSection } from '../../src/ui/panel/ConditionsSection';
import { DossierPanel, type DossierPanelProps } from '../../src/ui/panel/DossierPanel';
import { queryRegister, defaultSort } from '../../src/ui/register/registerQuery';
import { toDossierRow } from '../../src/ui/register/registerRows';
import { RegisterFilters } from '../../src/ui/register/RegisterFilters';
import { buildDossier } from '../correspondence/support/dossiers';
import { describeFailure, en, nl } from './support/strings';

const today = '2026-11-25';
const conditions: DossierCondition[] = [
  { id: 'C1', text: 'Publiceer enkel cellen met minstens 10 respondenten.', category: 'publication', owner: 'requester', status: 'open' },
  { id: 'C2', text: 'Bezorg het verslag van de interne toegangscontrole.', category: 'security', owner: 'requester', dueDate: '2026-10-31', status: 'open' },
  {
    id: 'C3', text: 'De VSA levert de leeftijd enkel in klassen van vijf jaar.', category: 'variables', owner: 'vsa', dueDate: '2026-06-30', status: 'met',
    met: { by: { id: 'sam@vsa.example', displayName: 'Sam Statisticus' }, at: '2026-07-02T09:30:00.000Z', evidence: 'Controlelijst in de dossiermap.' }
  },
  { id: 'C4', text: 'Enkel Karel Contact krijgt toegang tot de individuele gegevens.', category: 'security', owner: 'requester', personal: true, status: 'open' }
];

const item = (id: string): HTMLElement => document.querySelector(`[data-condition="${id}"]`) as HTMLElement;

describe('ConditionsSection', () => {
  it('lists every condition with category, who, due date, status, the overdue flag and the evidence of a met one', () => {
    render(<ConditionsSection conditions={conditions} today={today} describeFailure={describeFailure} lang="nl" strings={nl} />);
    expect(screen.getByTestId('conditions-summary').textContent).toBe('3 van 4 voorwaarden nog open · 1 voorwaarde(n) over de termijn');
    expect(item('C1').textContent).toContain('OnderwerpPublicatie');
    expect(item('C1').textContent).toContain('WieAanvrager');
    expect(item('C1').textContent).toContain('Uiterlijk opgeen termijn');
    expect(item('C2').getAttribute('data-overdue')).toBe('true');
    expect(item('C2').textContent).toContain('Open · Termijn verstreken');
    expect(item('C2').textContent).toContain('31/10/2026');
    expect(item('C3').getAttribute('data-status')).toBe('met');
    expect(item('C3').getAttribute('data-overdue')).toBeNull();
    expect(item('C3').textContent).toContain('WieVSA');
    expect(item('C3').textContent).toContain('Vervuld, geregistreerd op 02/07/2026 door Sam Statisticus. Bewijs: Controlelijst in de dossiermap.');
    expect(item('C4').textContent).toContain('Persoonsgebonden: niet in het publieke register');
    // Without the command allowed, nothing can be recorded.
    expect(screen.queryByRole('button', { name: 'Vervuld…' })).toBeNull();
  });

  it('records a condition as met with the evidence; a refusal of the domain is shown and the box stays', async () => {
    const onRecordMet = jest
      .fn()
      .mockResolvedValueOnce({ ok: false, kind: 'refused', errors: [{ code: 'dossier.error.evidenceRequired', params: { conditionId: 'C2' } }] })
      .mockResolvedValueOnce({ ok: true });
    render(<ConditionsSection conditions={conditions} today={today} onRecordMet={onRecordMet} describeFailure={describeFailure} lang="nl" strings={nl} />);
    // Only open conditions offer it.
    expect(screen.getAllByRole('button', { name: 'Vervuld…' })).toHaveLength(3);
    fireEvent.click(within(item('C2')).getByRole('button', { name: 'Vervuld…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Als vervuld registreren' }));
    expect(await screen.findByText(/Beschrijf het bewijs dat voorwaarde "C2" vervuld is/)).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Bewijs/ }), { target: { value: 'Verslag ontvangen per e-mail op 20/11/2026.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Als vervuld registreren' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Als vervuld registreren' })).toBeNull());
    expect(onRecordMet).toHaveBeenLastCalledWith('C2', 'Verslag ontvangen per e-mail op 20/11/2026.');
  });

  it('a failure is shown in the user\'s words; English strings exist', async () => {
    const onRecordMet = jest.fn().mockRejectedValue(new Error('netwerk weg'));
    render(<ConditionsSection conditions={conditions.slice(0, 1)} today={today} onRecordMet={onRecordMet} describeFailure={describeFailure} lang="en" strings={en} />);
    expect(screen.getByTestId('conditions-summary').textContent).toBe('1 of 1 conditions still open');
    fireEvent.click(screen.getByRole('button', { name: 'Met…' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Evidence/ }), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record as met' }));
    expect(await screen.findByText(/Fout in de test: netwerk weg/)).toBeTruthy();
  });

  it('says so when a decision has no conditions', () => {
    render(<ConditionsSection conditions={[]} today={today} describeFailure={describeFailure} lang="nl" strings={nl} />);
    expect(screen.getByText('Aan deze beslissing zijn geen voorwaarden verbonden.')).toBeTruthy();
  });
});

describe('the conditions tab of the dossier panel', () => {
  const team: Actor = { id: 'team@vsa.example', displayName: 'Tine Team', roles: ['dpoTeam'] };
  const approved = buildDossier({ reference: 'VSA-2026-0950', upTo: 'awaitingSignatures' }).dossier;
  const conditional: Dossier = { ...approved, decision: { ...approved.decision!, outcome: 'approvedWithConditions' }, conditions };

  function renderPanel(dossier: Dossier, overrides: Partial<DossierPanelProps> = {}): void {
    render(
      <DossierPanel
        reference={dossier.reference} onDismiss={jest.fn()} dossier={dossier} loading={false} events={[]} documents={[]} uploads={[]}
        allowedCommands={allowedCommands(dossier, team)} onCommand={jest.fn()} onAddComment={jest.fn()} onUpload={jest.fn()}
        onShowFindings={jest.fn()} onDownload={jest.fn()} onOpen={jest.fn()} canUpload now={`${today}T09:00:00.000Z`} lang="nl" strings={nl}
        describeFailure={describeFailure} {...overrides}
      />
    );
  }

  it('is offered only when the decision has conditions, with the count of open ones, and records through the panel', async () => {
    const onRecordConditionMet = jest.fn().mockResolvedValue({ ok: true });
    renderPanel(conditional, { onRecordConditionMet });
    fireEvent.click(screen.getByRole('tab', { name: 'Voorwaarden (3)' }));
    fireEvent.click(within(item('C1')).getByRole('button', { name: 'Vervuld…' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Bewijs/ }), { target: { value: 'Publicatie nagekeken.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Als vervuld registreren' }));
    await waitFor(() => expect(onRecordConditionMet).toHaveBeenCalledWith('C1', 'Publicatie nagekeken.'));
  });

  it('is absent without conditions, and read-only for a user who may not record them', () => {
    const { unmount } = render(<></>);
    renderPanel(approved);
    expect(screen.queryByRole('tab', { name: /^Voorwaarden/ })).toBeNull();
    unmount();
    document.body.innerHTML = '';
    renderPanel(conditional, { allowedCommands: [], onRecordConditionMet: jest.fn() });
    fireEvent.click(screen.getByRole('tab', { name: 'Voorwaarden (3)' }));
    expect(screen.queryByRole('button', { name: 'Vervuld…' })).toBeNull();
  });
});

describe('the register filter "Voorwaarden te volgen"', () => {
  const now = `${today}T12:00:00.000Z`;
  const deadline = { overdue: false, overdueDays: 0 };
  const rows = [
    toDossierRow({ reference: 'VSA-2026-0001', subject: 'a', state: 'delivered', deadline, openConditions: 1, nextConditionDue: '2027-03-31' }, now, 'nl'),
    toDossierRow({ reference: 'VSA-2026-0002', subject: 'b', state: 'published', deadline }, now, 'nl'),
    toDossierRow({ reference: 'VSA-2026-0003', subject: 'c', state: 'signed', deadline, openConditions: 2, nextConditionDue: '2026-10-31' }, now, 'nl'),
    toDossierRow({ reference: 'VSA-2026-0004', subject: 'd', state: 'awaitingSignatures', deadline, openConditions: 1 }, now, 'nl')
  ];

  it('keeps the dossiers with open conditions, overdue first, then by due date, those without a date last', () => {
    expect(rows.map((row) => row.conditionsOverdue)).toEqual([false, false, true, false]);
    expect(queryRegister(rows, { conditionsToFollow: true }, defaultSort, 'x').map((row) => row.reference)).toEqual(['VSA-2026-0003', 'VSA-2026-0001', 'VSA-2026-0004']);
    expect(queryRegister(rows, {}, defaultSort, 'x')).toHaveLength(4);
  });

  it('is a toggle of the filter bar', () => {
    const onChange = jest.fn();
    render(<RegisterFilters filter={{}} onChange={onChange} groupByStep={false} onGroupByStepChange={jest.fn()} statisticians={[]} surveys={[]} lang="nl" strings={nl} />);
    fireEvent.click(screen.getByRole('switch', { name: 'Voorwaarden te volgen' }));
    expect(onChange).toHaveBeenCalledWith({ conditionsToFollow: true });
  });
});

describe('the register view with "Voorwaarden te volgen"', () => {
  it('shows the conditions column only with the filter: the count, the first due date and the overdue flag, overdue first', async () => {
    const { RegisterView } = await import('../../src/ui/register/RegisterView');
    const now = `${today}T12:00:00.000Z`;
    const deadline = { overdue: false, overdueDays: 0 };
    const lines = [
      toDossierRow({ reference: 'VSA-2026-0011', subject: 'Eerste', state: 'delivered', deadline, openConditions: 1, nextConditionDue: '2027-03-31' }, now, 'nl'),
      toDossierRow({ reference: 'VSA-2026-0012', subject: 'Tweede', state: 'published', deadline }, now, 'nl'),
      toDossierRow({ reference: 'VSA-2026-0013', subject: 'Derde', state: 'signed', deadline, openConditions: 2, nextConditionDue: '2026-10-31' }, now, 'nl')
    ];
    render(<RegisterView rows={lines} loading={false} currentUserId="x" canCreate={false} onCreate={jest.fn()} onOpen={jest.fn()} lang="nl" strings={nl} />);
    expect(screen.queryByRole('columnheader', { name: /^Voorwaarden/ })).toBeNull();
    fireEvent.click(screen.getByRole('switch', { name: 'Voorwaarden te volgen' }));
    expect(screen.getByText('2 van 3 dossiers')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: /^Voorwaarden/ })).toBeTruthy();
    const flagged = screen.getByText(/2 open · 31\/10\/2026 · Termijn verstreken/);
    expect(flagged.closest('[data-conditions-overdue="true"]')).not.toBeNull();
    expect(screen.getByText('1 open · 31/03/2027')).toBeTruthy();
    const references = screen.getAllByRole('link').map((link) => link.textContent).filter((text) => text?.startsWith('VSA-'));
    expect(references).toEqual(['VSA-2026-0013', 'VSA-2026-0011']);
  });
});
