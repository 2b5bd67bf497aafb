/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { allowedCommands, protocolScope, replay, scopeChanges } from '../../src/domain';
import type { Dossier, RequestedData } from '../../src/domain';
import { DossierPanel, type DossierPanelProps } from '../../src/ui/panel/DossierPanel';
import { ScopeSection } from '../../src/ui/panel/ScopeSection';
import { buildDossier } from '../correspondence/support/dossiers';
import { buildEvents, dpoMember, draftsStep, assignStep, registerStep, requestFormsStep } from './support/dossiers';
import { describeFailure, en, nl } from './support/strings';

const protocol: Dossier = {
  ...buildDossier({ reference: 'VSA-2026-0001', upTo: 'published', protocolNumber: 'PROT-2026-001', endDate: '2027-12-31' }).dossier,
  countersignedAt: '2026-02-10T10:00:00.000Z',
  requestedData: {
    surveys: ['SV-bevraging 2023-1'], variablesCount: 1, variables: [{ name: 'leeftijd', justification: 'x' }],
    purposes: ['Onderzoek naar sociale cohesie'], institution: { name: 'Universiteit Voorbeeld', enterpriseNumber: '0765432146' }
  }
};
const addendum: Dossier = {
  ...buildDossier({ reference: 'VSA-2026-0002', upTo: 'published', parent: { number: 'PROT-2026-001', dossierReference: 'VSA-2026-0001' }, addendumNumber: 'PROT-2026-001/A1', endDate: '2028-06-30', startDay: 30 }).dossier,
  countersignedAt: '2026-03-15T10:00:00.000Z',
  simplifiedReasons: ['extension', 'newPurposes'],
  requestedData: { surveys: [], variablesCount: 0, changes: { reasons: ['extension', 'newPurposes'], newEndDate: '2028-06-30', newPurposes: 'Evaluatie van het buurtbeleid', purposeRelation: 'Bouwt voort op het cohesieonderzoek.' } }
};
const scope = protocolScope(protocol, [addendum])!;

const events = buildEvents([
  registerStep('VSA-2026-0007', '2026-09-01T09:00:00.000Z'), assignStep('2026-09-03T09:00:00.000Z'),
  requestFormsStep('2026-09-10T09:00:00.000Z'), draftsStep('2026-10-01T09:00:00.000Z')
]);
const dossier = replay(events)!;

function renderPanel(overrides: Partial<DossierPanelProps> = {}): void {
  const props: DossierPanelProps = {
    reference: dossier.reference, onDismiss: jest.fn(), dossier, loading: false, events, documents: [], uploads: [],
    allowedCommands: allowedCommands(dossier, dpoMember), onCommand: jest.fn(), onAddComment: jest.fn(), onUpload: jest.fn(),
    onShowFindings: jest.fn(), onDownload: jest.fn(), onOpen: jest.fn(), canUpload: true,
    now: '2026-11-25T09:00:00.000Z', lang: 'nl', strings: nl, describeFailure, ...overrides
  };
  render(<DossierPanel {...props} />);
}

describe('the scope in force in the dossier panel', () => {
  it('offers the tab only when the service gave a scope', () => {
    renderPanel();
    expect(screen.queryByRole('tab', { name: 'Geldende reikwijdte' })).toBeNull();
  });

  it('shows a protocol\'s items with the instrument and date that brought them, and the history', () => {
    renderPanel({ scope });
    fireEvent.click(screen.getByRole('tab', { name: 'Geldende reikwijdte' }));
    const section = screen.getByRole('region', { name: 'Geldende reikwijdte van PROT-2026-001' });
    expect(within(section).getByText('leeftijd').closest('li')?.textContent).toBe('leeftijd (PROT-2026-001, 10/02/2026)');
    const purpose = within(section).getByText(/Evaluatie van het buurtbeleid/).closest('li');
    expect(purpose?.textContent).toContain('(PROT-2026-001/A1, 15/03/2026)');
    expect(purpose?.textContent).toContain('breidt uit: Onderzoek naar sociale cohesie');
    expect(section.textContent).toContain('Universiteit Voorbeeld (ondernemingsnummer 0765432146) (PROT-2026-001, 10/02/2026)');
    expect(section.textContent).toContain('30/06/2028 (PROT-2026-001/A1, 15/03/2026)');
    const history = screen.getByRole('region', { name: 'Geschiedenis' });
    const entries = within(history).getAllByRole('listitem').filter((li) => li.getAttribute('data-instrument'));
    expect(entries.map((li) => li.getAttribute('data-instrument'))).toEqual(['PROT-2026-001', 'PROT-2026-001/A1']);
    expect(entries[0].textContent).toContain('Variabelen: leeftijd');
    expect(entries[1].textContent).toContain('Einddatum: 31/12/2027 → 30/06/2028');
    expect(entries[1].textContent).toContain('Nieuwe doeleinden: Evaluatie van het buurtbeleid');
  });

  it('shows what a request would change, and says when it asks nothing new', async () => {
    const request = (changes: RequestedData['changes'], variables: RequestedData['variables'] = []): RequestedData => ({ surveys: [], variablesCount: variables.length, variables, changes });
    const { unmount } = render(<ScopeSection scope={scope} changes={scopeChanges(scope, request({ reasons: ['addVariables'] }, [{ name: 'opleiding', justification: 'x' }, { name: 'leeftijd', justification: 'y' }]))} lang="nl" strings={nl} />);
    const diff = screen.getByRole('region', { name: 'Wat deze aanvraag wijzigt aan de geldende reikwijdte van PROT-2026-001' });
    expect(diff.textContent).toContain('Toegevoegde variabelen: opleiding');
    expect(within(diff).getByText('Al geldend')).toBeTruthy();
    expect(within(diff).getByText('leeftijd').closest('li')?.textContent).toBe('leeftijd (PROT-2026-001, 10/02/2026)');
    expect(screen.queryByText('Deze aanvraag vraagt niets nieuws ten opzichte van de geldende reikwijdte.')).toBeNull();
    unmount();

    render(<ScopeSection scope={scope} changes={scopeChanges(scope, request({ reasons: ['extension'], newEndDate: '2028-01-01' }))} lang="en" strings={en} />);
    expect(await screen.findByText('This request asks for nothing new against the scope in force.')).toBeTruthy();
    expect(await screen.findByText('The new end date is not after the end date in force.')).toBeTruthy();
    expect(screen.getByText('End date: 30/06/2028 → 01/01/2028')).toBeTruthy();
  });
});
