/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { InstitutionsView, changedParts, matchInstitutions } from '../../src/ui/institutions/InstitutionsView';
import type { InstitutionsPort } from '../../src/ui/institutions/InstitutionsView';
import { formatFailure } from '../../src/app/failures';
import { MemoryInstitutionStore, denkbeeld, departement } from '../support/institutions';
import { en, nl } from './support/strings';

const now = '2026-11-25T10:00:00.000Z';
const describeFailure = (error: unknown): string => formatFailure(error, 'nl');

/** The view on the in-memory store the adapter tests hold to the same behaviour. */
function setUp(initial = [denkbeeld, departement]): { store: MemoryInstitutionStore; port: InstitutionsPort } {
  const store = new MemoryInstitutionStore(initial);
  return { store, port: store };
}

const table = (): HTMLElement => screen.getByRole('table', { name: 'Instellingen' });
const rowsOf = (element: HTMLElement): string[][] =>
  within(element).getAllByRole('row').slice(1).map((row) => [...row.querySelectorAll('th,td')].slice(0, 5).map((cell) => cell.textContent ?? ''));
const type = (label: string, value: string): void => {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
};

describe('InstitutionsView', () => {
  it('given the register, then it lists name, number as written, type, today’s signatories and DPO', async () => {
    render(<InstitutionsView port={setUp().port} describeFailure={describeFailure} now={now} lang="nl" strings={nl.institutions} />);
    await screen.findByRole('table', { name: 'Instellingen' });
    expect(rowsOf(table())).toEqual([
      ['Departement Verbeelding', '0316.380.940', 'Overheidsdienst', '', ''],
      ['Hogeschool Denkbeeld', '0123.456.749', 'Onderzoeksinstelling', 'Griet Verzonnen (Wettelijk vertegenwoordiger)', 'Lies Fictief <dpo@denkbeeld.example>']
    ]);
  });

  it('given a search, then only matching names or numbers are shown, diacritics and dots ignored', async () => {
    render(<InstitutionsView port={setUp().port} describeFailure={describeFailure} now={now} lang="nl" strings={nl.institutions} />);
    await screen.findByRole('table', { name: 'Instellingen' });
    type('Zoeken op naam of ondernemingsnummer', 'dénkbeeld');
    expect(rowsOf(table()).map((row) => row[0])).toEqual(['Hogeschool Denkbeeld']);
    type('Zoeken op naam of ondernemingsnummer', '0316.380');
    expect(rowsOf(table()).map((row) => row[0])).toEqual(['Departement Verbeelding']);
    type('Zoeken op naam of ondernemingsnummer', 'Nergens');
    expect(screen.getByText('Geen instelling gevonden voor "Nergens".')).toBeTruthy();
  });

  it('given a number with a wrong check digit, then it says so at the field and saves nothing', async () => {
    const { store, port } = setUp([]);
    render(<InstitutionsView port={port} describeFailure={describeFailure} now={now} lang="nl" strings={nl.institutions} />);
    await screen.findByText(/Er staan nog geen instellingen in het register/);
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwe instelling' }));
    type('Naam', 'Universiteit Verzinsel');
    type('Ondernemingsnummer', '0123.456.748');
    expect(await screen.findAllByText('"0123.456.748" is geen geldig ondernemingsnummer (10 cijfers, begint met 0 of 1, controlegetal 97).')).not.toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    expect(store.writes).toBe(0);
  });

  it('given a new institution with a signatory and a mandate, then it is saved and listed', async () => {
    const { store, port } = setUp([]);
    render(<InstitutionsView port={port} describeFailure={describeFailure} now={now} lang="nl" strings={nl.institutions} />);
    await screen.findByText(/Er staan nog geen instellingen in het register/);
    fireEvent.click(screen.getByRole('button', { name: 'Nieuwe instelling' }));
    type('Naam', 'Universiteit Verzinsel');
    type('Ondernemingsnummer', '0123 456 749');
    fireEvent.change(screen.getByLabelText('Soort instelling'), { target: { value: 'andere' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ondertekenaar toevoegen' }));
    type('Naam (ondertekenaar 1)', 'Rector Bedenksel');
    fireEvent.change(screen.getByLabelText('Hoedanigheid (ondertekenaar 1)'), { target: { value: 'verwerkingsverantwoordelijke' } });
    fireEvent.click(screen.getByRole('button', { name: 'Volmacht toevoegen' }));
    type('Gevolmachtigde (volmacht 1)', 'Decaan Fantasie');
    type('Volmachtdocument (bestandsnaam) (volmacht 1)', 'volmacht-fantasie.pdf');
    type('Reikwijdte (volmacht 1)', 'protocollen met Statistiek Vlaanderen');
    type('Geldig tot (leeg = onbepaald) (volmacht 1)', '2026-12-31');
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    expect(await screen.findByText('Universiteit Verzinsel is bewaard.')).toBeTruthy();
    const [saved] = await store.list();
    expect(saved).toMatchObject({
      name: 'Universiteit Verzinsel', enterpriseNumber: '0123456749', kind: 'andere',
      signatories: [{ name: 'Rector Bedenksel', capacity: 'verwerkingsverantwoordelijke', validFrom: '2026-11-25' }],
      mandates: [{ mandatedPerson: 'Decaan Fantasie', documentFileName: 'volmacht-fantasie.pdf', scope: 'protocollen met Statistiek Vlaanderen', validFrom: '2026-11-25', validTo: '2026-12-31' }]
    });
    await waitFor(() => expect(rowsOf(table()).map((row) => row[0])).toEqual(['Universiteit Verzinsel']));
  });

  it('given a signatory whose end is before its start, then the period problem is shown and nothing is saved', async () => {
    const { store, port } = setUp();
    render(<InstitutionsView port={port} describeFailure={describeFailure} now={now} lang="nl" strings={nl.institutions} />);
    await screen.findByRole('table', { name: 'Instellingen' });
    fireEvent.click(screen.getByRole('button', { name: 'Hogeschool Denkbeeld bewerken' }));
    type('Geldig tot (leeg = onbepaald) (ondertekenaar 1)', '2024-12-31');
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    expect((await screen.findAllByText(/"geldig tot" \(2024-12-31\) ligt vóór "geldig vanaf" \(2025-01-01\)/)).length).toBeGreaterThan(0);
    expect(store.writes).toBe(2);
  });

  it('given someone else saved in between, then the save is refused naming who, and reloading shows their version', async () => {
    const { store, port } = setUp();
    render(<InstitutionsView port={port} describeFailure={describeFailure} now={now} lang="nl" strings={nl.institutions} />);
    await screen.findByRole('table', { name: 'Instellingen' });
    fireEvent.click(screen.getByRole('button', { name: 'Hogeschool Denkbeeld bewerken' }));
    // Jeroen changes the DPO meanwhile.
    const [, read] = await store.list();
    await store.as('Jeroen Maes').save({ ...read, dpo: { name: 'Nieuwe DPO', email: 'nieuw@denkbeeld.example' } });
    store.as('An Peeters');
    type('Naam (ondertekenaar 1)', 'Griet Verzonnen-Anders');
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    expect(await screen.findByText('Niet bewaard: Hogeschool Denkbeeld werd intussen door Jeroen Maes gewijzigd; laad opnieuw en breng uw wijziging opnieuw aan.')).toBeTruthy();
    expect((await store.get(read.id))?.signatories[0].name).toBe('Griet Verzonnen');
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw laden' }));
    await waitFor(() => expect((screen.getByLabelText('E-mailadres van de DPO') as HTMLInputElement).value).toBe('nieuw@denkbeeld.example'));
    expect((screen.getByLabelText('Naam (ondertekenaar 1)') as HTMLInputElement).value).toBe('Griet Verzonnen');
  });

  it('given changes, then the history lists every version newest first, with who and what changed', async () => {
    const { store, port } = setUp();
    const [, read] = await store.list();
    const second = await store.as('Jeroen Maes').save({ ...read, signatories: [...read.signatories, { name: 'Tweede Persoon', capacity: 'verwerkingsverantwoordelijke', validFrom: '2026-01-01' }] });
    await store.as('An Peeters').save({ ...second, dpo: undefined, kind: 'andere' });
    render(<InstitutionsView port={port} describeFailure={describeFailure} now={now} lang="nl" strings={nl.institutions} />);
    await screen.findByRole('table', { name: 'Instellingen' });
    fireEvent.click(screen.getByRole('button', { name: 'Geschiedenis van Hogeschool Denkbeeld' }));
    const list = await screen.findByRole('list', { name: 'Geschiedenis van Hogeschool Denkbeeld' });
    const lines = within(list).getAllByRole('listitem').map((item) => item.textContent);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Versie 3\.0, .*, door An Peeters \(huidige versie\): gewijzigd: Soort instelling, DPO van de instelling$/);
    expect(lines[1]).toMatch(/^Versie 2\.0, .*, door Jeroen Maes: gewijzigd: Ondertekenaars \(eigen bevoegdheid\)$/);
    expect(lines[2]).toMatch(/^Versie 1\.0, .*, door Seed: aangemaakt$/);
  });

  it('speaks English with the English strings', async () => {
    render(<InstitutionsView port={setUp().port} describeFailure={describeFailure} now={now} lang="en" strings={en.institutions} />);
    expect(await screen.findByRole('table', { name: 'Institutions' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New institution' })).toBeTruthy();
    expect(screen.getByText('Research institution')).toBeTruthy();
  });

  it('given a register that cannot be read, then it says so', async () => {
    const port: InstitutionsPort = { list: () => Promise.reject(new Error('kapot')), save: () => Promise.reject(new Error('x')), history: () => Promise.resolve([]) };
    render(<InstitutionsView port={port} describeFailure={(e) => (e as Error).message} now={now} lang="nl" strings={nl.institutions} />);
    expect(await screen.findByText('Het register van instellingen kon niet gelezen worden: kapot')).toBeTruthy();
  });
});

describe('the view’s helpers', () => {
  it('names the parts a version changed, in form order', () => {
    const older = { ...denkbeeld, id: '1' };
    expect(changedParts({ ...older, enterpriseNumber: '0123.456.749' }, older, nl.institutions)).toEqual([]);
    expect(changedParts({ ...older, name: 'X', mandates: [{ mandatedPerson: 'Y', scope: 'Z', validFrom: '2026-01-01' }] }, older, nl.institutions)).toEqual(['Naam', 'Volmachten']);
    expect(changedParts(older, undefined, nl.institutions)).toEqual([]);
  });

  it('matches on name and on number', () => {
    expect(matchInstitutions([denkbeeld, departement], '').map((i) => i.name)).toEqual(['Hogeschool Denkbeeld', 'Departement Verbeelding']);
    expect(matchInstitutions([denkbeeld, departement], '0123456').map((i) => i.name)).toEqual(['Hogeschool Denkbeeld']);
  });
});
