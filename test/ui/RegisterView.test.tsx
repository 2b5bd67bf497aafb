/** @jest-environment jsdom */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { RegisterView } from '../../src/ui/register/RegisterView';
import { toDossierRow } from '../../src/ui/register/registerRows';
import type { RegisterEntry } from '../../src/ui/register/registerRows';
import { nl } from './support/strings';

const now = '2026-11-25T12:00:00.000Z';
const entry = (e: Partial<RegisterEntry> & { reference: string }): RegisterEntry => ({ subject: 'Onderwerp', state: 'intake', deadline: { overdue: false, overdueDays: 0 }, ...e });
const rows = [
  entry({ reference: 'VSA-2026-0001', institution: 'Universiteit Gent', title: 'Vrije tijd', state: 'underReview', assignee: { id: 'bart@x', displayName: 'Bart Claes' },
    deadline: { overdue: true, overdueDays: 5, dueOn: '2026-11-20', kind: 'phase' } }),
  entry({ reference: 'VSA-2026-0002', institution: 'KU Leuven', title: 'Mobiliteit', state: 'intake' }),
  entry({ reference: 'VSA-2026-0003', institution: 'Departement Onderwijs', title: 'Onderwijs', state: 'withdrawn' })
].map((e) => toDossierRow(e, now, 'nl'));

function renderRegister(overrides: Partial<React.ComponentProps<typeof RegisterView>> = {}) {
  const onOpen = jest.fn();
  const onCreate = jest.fn();
  render(<RegisterView rows={rows} loading={false} currentUserId="bart@x" canCreate onCreate={onCreate} onOpen={onOpen} lang="nl" strings={nl} {...overrides} />);
  return { onOpen, onCreate };
}

describe('RegisterView', () => {
  it('lists the dossiers with Dutch state labels and highlights the overdue one', () => {
    renderRegister();
    expect(screen.getByText('3 van 3 dossiers')).toBeTruthy();
    const grid = screen.getByRole('grid');
    expect(within(grid).getByText('In beoordeling')).toBeTruthy();
    expect(within(grid).getByText('Ontvangen')).toBeTruthy();
    const overdue = screen.getByText(/5 d te laat/);
    expect(overdue.closest('[data-overdue="true"]')).not.toBeNull();
  });

  it('filters with the free-text search', () => {
    renderRegister();
    fireEvent.change(screen.getByRole('searchbox'), { target: { value: 'leuven' } });
    expect(screen.getByText('1 van 3 dossiers')).toBeTruthy();
    expect(screen.queryByText('VSA-2026-0001')).toBeNull();
    expect(screen.getByText('VSA-2026-0002')).toBeTruthy();
  });

  it('shows only my dossiers with the "Mijn dossiers" toggle, and only overdue ones with "Enkel te laat"', () => {
    renderRegister();
    fireEvent.click(screen.getByRole('switch', { name: 'Mijn dossiers' }));
    expect(screen.getByText('1 van 3 dossiers')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Filters wissen' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Enkel te laat' }));
    expect(screen.getByText('1 van 3 dossiers')).toBeTruthy();
    expect(screen.getByText('VSA-2026-0001')).toBeTruthy();
  });

  it('filters on state and procedure step with the native selects', () => {
    renderRegister();
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'intake' } });
    expect(screen.getByText('1 van 3 dossiers')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Stap' }), { target: { value: '2' } });
    expect(screen.getByText('1 van 3 dossiers')).toBeTruthy();
    expect(screen.getByText('VSA-2026-0001')).toBeTruthy();
  });

  it('sorts when a column header is clicked', () => {
    renderRegister();
    const referencesInOrder = (): string[] => screen.getAllByRole('link').map((link) => link.textContent ?? '');
    expect(referencesInOrder()).toEqual(['VSA-2026-0003', 'VSA-2026-0002', 'VSA-2026-0001']);
    // Ascending by institution: Departement Onderwijs, KU Leuven, Universiteit Gent.
    fireEvent.click(screen.getByText('Instelling'));
    expect(referencesInOrder()).toEqual(['VSA-2026-0003', 'VSA-2026-0002', 'VSA-2026-0001']);
    fireEvent.click(screen.getByText('Projecttitel'));
    // Ascending by title: Mobiliteit, Onderwijs, Vrije tijd.
    expect(referencesInOrder()).toEqual(['VSA-2026-0002', 'VSA-2026-0003', 'VSA-2026-0001']);
    fireEvent.click(screen.getByText('Instelling'));
    fireEvent.click(screen.getByText('Instelling'));
    expect(referencesInOrder()).toEqual(['VSA-2026-0001', 'VSA-2026-0002', 'VSA-2026-0003']);
  });

  it('groups by step with a header per step and closed dossiers last', () => {
    renderRegister();
    fireEvent.click(screen.getByRole('switch', { name: 'Groeperen per stap' }));
    expect(screen.getByText(/Stap 1 – Aanvraag toelichten/)).toBeTruthy();
    expect(screen.getByText(/Stap 2 – Ontwerpdossier indienen/)).toBeTruthy();
    // The group header; the state filter now also offers the state "Afgesloten" (issue 16).
    expect(screen.getAllByText('Afgesloten').filter((element) => element.tagName !== 'OPTION')).toHaveLength(1);
  });

  it('opens a dossier from its reference and offers "Nieuw dossier" only when allowed', () => {
    const { onOpen, onCreate } = renderRegister();
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0002 openen' }));
    expect(onOpen).toHaveBeenCalledWith('VSA-2026-0002');
    fireEvent.click(screen.getByRole('button', { name: 'Nieuw dossier' }));
    expect(onCreate).toHaveBeenCalled();
  });

  it('hides "Nieuw dossier" for a user who may not register', () => {
    renderRegister({ canCreate: false });
    expect(screen.queryByRole('button', { name: 'Nieuw dossier' })).toBeNull();
  });

  it('shows an empty-state message and a load error', async () => {
    renderRegister({ rows: [], error: 'Het register kon niet geladen worden: 503' });
    expect(screen.getByText('Geen dossiers gevonden met deze filters.')).toBeTruthy();
    expect(await within(screen.getByRole('alert')).findByText(/503/)).toBeTruthy();
  });
});
