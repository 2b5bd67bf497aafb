/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { allowedCommands, replay } from '../../src/domain';
import { DossierPanel, type DossierPanelProps } from '../../src/ui/panel/DossierPanel';
import type { DocumentView } from '../../src/ui/panel/panelTypes';
import type { Finding } from '../../src/forms/types';
import { buildEvents, dpoMember, draftsStep, assignStep, registerStep, requestFormsStep, statistician } from './support/dossiers';
import { describeFailure, nl } from './support/strings';

const events = buildEvents([
  registerStep('VSA-2026-0007', '2026-09-01T09:00:00.000Z'), assignStep('2026-09-03T09:00:00.000Z'),
  requestFormsStep('2026-09-10T09:00:00.000Z'), draftsStep('2026-10-01T09:00:00.000Z')
]);
const dossier = replay(events)!;
const finding = (severity: Finding['severity'], fieldId: string | undefined, text: string): Finding => ({
  checkId: 'required', fieldId, severity, messageKey: 'k', params: {}, message: { nl: text, en: text }, anchor: { kind: 'document' }
});
const document: DocumentView = {
  id: 'd1', fileName: 'aanvraagformulier.docx', kind: 'aanvraagformulier', phase: 'draft', version: '2.0', versions: ['1.0', '2.0'],
  checkStatus: 'blocking', isDocx: true, findingsState: 'ready', openInWordUrl: 'ms-word:ofe|u|https://x/a.docx',
  findings: [finding('warning', 'contact.telefoon', 'Telefoonnummer lijkt ongeldig.'), finding('blocking', 'project.rechtsgrond', 'Rechtsgrond ontbreekt.'), finding('info', undefined, 'Gelezen via labels.')]
};

function renderPanel(overrides: Partial<DossierPanelProps> = {}) {
  const props: DossierPanelProps = {
    reference: dossier.reference, onDismiss: jest.fn(), dossier, loading: false, events, documents: [document], uploads: [],
    allowedCommands: allowedCommands(dossier, dpoMember), onCommand: jest.fn(), onAddComment: jest.fn(), onUpload: jest.fn(),
    onShowFindings: jest.fn(), onDownload: jest.fn(), onOpen: jest.fn(), canUpload: true,
    deadline: { overdue: true, overdueDays: 25, dueOn: '2026-10-31', kind: 'phase' },
    now: '2026-11-25T09:00:00.000Z', lang: 'nl', strings: nl, describeFailure, ...overrides
  };
  render(<DossierPanel {...props} />);
  return props;
}

describe('DossierPanel', () => {
  it('shows the actions the workflow table allows and sends the chosen one', () => {
    const props = renderPanel();
    const actions = screen.getByRole('region', { name: 'Acties' });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Terugsturen met opmerkingen', 'Beraad starten', 'Intrekken']);
    fireEvent.click(within(actions).getByRole('button', { name: 'Beraad starten' }));
    expect(props.onCommand).toHaveBeenCalledWith('startDeliberation');
  });

  it('tells a user without allowed actions so', () => {
    renderPanel({ allowedCommands: allowedCommands(dossier, { ...statistician, id: 'someone@else' }) });
    expect(screen.getByText('U kunt in deze status geen acties uitvoeren.')).toBeTruthy();
  });

  it('shows the stepper with the current step and the time spent per step, and the overdue deadline', () => {
    renderPanel();
    const stepper = screen.getByRole('list', { name: 'Verloop van de procedure' });
    const current = within(stepper).getAllByRole('listitem').find((li) => li.getAttribute('aria-current') === 'step');
    expect(current?.textContent).toContain('2. Ontwerpdossier indienen');
    expect(current?.textContent).toContain('55 d');
    expect(screen.getByText(/25 d te laat/)).toBeTruthy();
  });

  it('lists documents with versions and findings grouped by severity, blocking first', () => {
    renderPanel();
    fireEvent.click(screen.getByRole('tab', { name: /Documenten/ }));
    expect(screen.getByText('Versies: 1.0, 2.0')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Bevindingen van aanvraagformulier.docx' }));
    const groups = screen.getAllByRole('region').filter((r) => r.getAttribute('data-severity'));
    expect(groups.map((g) => g.getAttribute('data-severity'))).toEqual(['blocking', 'warning', 'info']);
    expect(within(groups[0]).getByText(/Rechtsgrond ontbreekt/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Openen in Word' }).getAttribute('href')).toBe('ms-word:ofe|u|https://x/a.docx');
  });

  it('uploads several dropped files with the chosen phase', () => {
    const props = renderPanel();
    fireEvent.click(screen.getByRole('tab', { name: /Documenten/ }));
    const files = [new File(['a'], 'a.docx'), new File(['b'], 'b.docx')];
    fireEvent.drop(screen.getByTestId('document-drop-zone'), { dataTransfer: { files } });
    expect(props.onUpload).toHaveBeenCalledWith(files, 'auto', 'draft');
  });

  it('offers the phase a form is checked as in the dossier state first', () => {
    const approved = { ...dossier, state: 'awaitingSignatures' as const };
    const props = renderPanel({ dossier: approved, allowedCommands: allowedCommands(approved, dpoMember) });
    fireEvent.click(screen.getByRole('tab', { name: /Documenten/ }));
    const files = [new File(['a'], 'getekend.docx')];
    fireEvent.drop(screen.getByTestId('document-drop-zone'), { dataTransfer: { files } });
    expect(props.onUpload).toHaveBeenCalledWith(files, 'auto', 'signed');
  });

  it('shows upload progress per file', () => {
    renderPanel({ uploads: [{ fileName: 'a.docx', status: 'checking' }, { fileName: 'b.docx', status: 'failed', message: 'kapot' }] });
    fireEvent.click(screen.getByRole('tab', { name: /Documenten/ }));
    expect(screen.getByText('b.docx: mislukt: kapot')).toBeTruthy();
    expect(screen.getAllByText('controleren…').length).toBeGreaterThan(0);
  });

  it('shows the timeline newest first with who, what and the remarks', () => {
    renderPanel();
    fireEvent.click(screen.getByRole('tab', { name: /Tijdlijn/ }));
    const items = within(screen.getByRole('list', { name: 'Tijdlijn' })).getAllByRole('listitem');
    expect(items[0].textContent).toContain('Ontwerpdocumenten geregistreerd');
    expect(items[items.length - 1].textContent).toContain('Aanvraag geregistreerd');
    expect(items[items.length - 1].textContent).toContain('An Peeters');
  });

  it('shows the protocol chain of a protocol with its addenda', () => {
    const props = renderPanel({ chain: {
      protocolNumber: 'PROT-2025-004', addenda: [{ reference: 'VSA-2026-0011', number: 'PROT-2025-004/A1', state: 'published' }], pending: []
    } });
    const chain = screen.getByRole('region', { name: 'Protocolketen' });
    fireEvent.click(within(chain).getByRole('link', { name: /PROT-2025-004\/A1/ }));
    expect(props.onOpen).toHaveBeenCalledWith('VSA-2026-0011');
  });
});
