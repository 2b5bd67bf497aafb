/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { allowedCommands, replay } from '../../src/domain';
import type { InboundMessage } from '../../src/correspondence/inbound';
import type { ExtensionReminder } from '../../src/publication/extension';
import { Dashboard } from '../../src/ui/dashboard/Dashboard';
import { IntakeImportDialog } from '../../src/ui/correspondence/IntakeImportDialog';
import { DossierPanel } from '../../src/ui/panel/DossierPanel';
import { buildEvents, dpoMember, registerStep } from './support/dossiers';
import { describeFailure, nl } from './support/strings';

const message: InboundMessage = {
  id: 'm1',
  subject: 'RE: Aanvraag microdata armoede',
  from: { name: 'Eva Maes', address: 'eva.maes@uni.example' },
  receivedDateTime: '2026-11-24T08:30:00Z',
  bodyPreview: 'Beste',
  hasAttachments: false,
  categories: []
};

describe('IntakeImportDialog', () => {
  it('prefills a new dossier from the mail, shows the eligibility rule and sends the details', async () => {
    const onSubmit = jest.fn().mockResolvedValue({ ok: true });
    const onDismiss = jest.fn();
    render(<IntakeImportDialog mode="create" message={message} onSubmit={onSubmit} onDismiss={onDismiss} lang="nl" strings={nl} describeFailure={describeFailure} />);
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText('E-mail van Eva Maes: RE: Aanvraag microdata armoede')).toBeTruthy();
    expect((within(dialog).getByLabelText(/Onderwerp van de aanvraag/) as HTMLTextAreaElement).value).toBe('Aanvraag microdata armoede');
    fireEvent.click(within(dialog).getByRole('checkbox'));
    expect(await within(dialog).findByText(/^Een individu dat niet verbonden is aan een overheidsdienst/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.change(within(dialog).getByLabelText('Instelling van de aanvrager'), { target: { value: ' KU Leuven ' } });
    expect(await within(dialog).findByText('De aanvrager komt in aanmerking voor individuele gegevens.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registreren' }));
    await waitFor(() => expect(onDismiss).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith({
      mode: 'create',
      details: { institution: 'KU Leuven', isIndividual: false, contactName: 'Eva Maes', subject: 'Aanvraag microdata armoede' }
    });
  });

  it('asks the reference to attach to, and keeps the dialog open with every refusal', async () => {
    const onSubmit = jest.fn().mockResolvedValue({ ok: false, kind: 'failed', message: 'Dossier VSA-2026-0099 does not exist.' });
    const onDismiss = jest.fn();
    render(<IntakeImportDialog mode="attach" message={message} onSubmit={onSubmit} onDismiss={onDismiss} lang="nl" strings={nl} describeFailure={describeFailure} />);
    const dialog = screen.getByRole('alertdialog');
    const link = within(dialog).getByRole('button', { name: 'Koppelen' }) as HTMLButtonElement;
    expect(link.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/Dossierreferentie/), { target: { value: ' vsa-2026-0099 ' } });
    fireEvent.click(link);
    expect(await within(dialog).findByText(/does not exist/)).toBeTruthy();
    expect(onSubmit).toHaveBeenCalledWith({ mode: 'attach', reference: 'VSA-2026-0099' });
    expect(onDismiss).not.toHaveBeenCalled();
  });
});

describe('DossierPanel mail actions', () => {
  const events = buildEvents([registerStep('VSA-2026-0007', '2026-09-01T09:00:00.000Z')]);
  const dossier = replay(events)!;
  const base = {
    reference: dossier.reference, onDismiss: jest.fn(), dossier, loading: false, events, documents: [], uploads: [],
    allowedCommands: allowedCommands(dossier, dpoMember), onCommand: jest.fn(), onAddComment: jest.fn(), onUpload: jest.fn(),
    onShowFindings: jest.fn(), onDownload: jest.fn(), onOpen: jest.fn(), canUpload: true, now: '2026-11-25T09:00:00.000Z', lang: 'nl' as const, strings: nl, describeFailure
  };

  it('offers one "E-mail opstellen" per suggested mail kind and the publication version when asked', async () => {
    const onComposeMail = jest.fn();
    const onCreatePublicationVersion = jest.fn();
    render(<DossierPanel {...base} mailKinds={['decision', 'requestSignatures']} onComposeMail={onComposeMail} onCreatePublicationVersion={onCreatePublicationVersion} status="Verstuurd." />);
    const mail = screen.getByRole('region', { name: 'E-mail opstellen' });
    expect(within(mail).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'E-mail opstellen: Beslissing meedelen', 'E-mail opstellen: Ondertekening vragen', 'Publicatieversie maken'
    ]);
    fireEvent.click(within(mail).getByRole('button', { name: 'E-mail opstellen: Ondertekening vragen' }));
    expect(onComposeMail).toHaveBeenCalledWith('requestSignatures');
    fireEvent.click(within(mail).getByRole('button', { name: 'Publicatieversie maken' }));
    expect(onCreatePublicationVersion).toHaveBeenCalled();
    expect(await screen.findByText('Verstuurd.')).toBeTruthy();
  });

  it('shows no mail section without mail features', () => {
    render(<DossierPanel {...base} mailKinds={['decision']} />);
    expect(screen.queryByRole('region', { name: 'E-mail opstellen' })).toBeNull();
  });
});

describe('Dashboard extension reminders', () => {
  const reminder = (protocolNumber: string, underWay: string[]): ExtensionReminder => ({
    protocolNumber, dossierReference: 'VSA-2025-0004', institution: 'UGent', projectTitle: 'Welzijn', effectiveEndDate: '2026-12-31',
    remindFrom: '2026-11-01', daysLeft: 36, extensionsUnderWay: underWay
  });

  it('lists each protocol with a one-click start, or the extension already under way', () => {
    const onStart = jest.fn();
    render(<Dashboard rows={[]} histories={[]} onOpen={jest.fn()} reminders={[reminder('PROT-2025-001', []), reminder('PROT-2025-002', ['VSA-2026-0040'])]}
      onStartExtension={onStart} now="2026-11-25T12:00:00.000Z" lang="nl" strings={nl} />);
    const section = screen.getByRole('region', { name: 'Protocollen die binnen 60 dagen aflopen' });
    expect(within(section).getByText(/PROT-2025-001 · UGent · Welzijn · loopt af op 31\/12\/2026 \(36 d\)/)).toBeTruthy();
    expect(within(section).getAllByRole('button').map((b) => b.textContent)).toEqual(['Verlenging starten voor PROT-2025-001']);
    expect(within(section).getByRole('link', { name: 'VSA-2026-0040' })).toBeTruthy();
    fireEvent.click(within(section).getByRole('button'));
    expect(onStart).toHaveBeenCalledWith(expect.objectContaining({ protocolNumber: 'PROT-2025-001' }));
  });

  it('offers no start without the mail features (statistician) and says when nothing is due', () => {
    const { rerender } = render(<Dashboard rows={[]} histories={[]} onOpen={jest.fn()} reminders={[reminder('PROT-2025-001', [])]} now="2026-11-25T12:00:00.000Z" lang="nl" strings={nl} />);
    expect(screen.queryByRole('button', { name: /Verlenging starten/ })).toBeNull();
    rerender(<Dashboard rows={[]} histories={[]} onOpen={jest.fn()} reminders={[]} now="2026-11-25T12:00:00.000Z" lang="nl" strings={nl} />);
    expect(within(screen.getByRole('region', { name: 'Protocollen die binnen 60 dagen aflopen' })).getByText('Geen gegevens.')).toBeTruthy();
  });
});
