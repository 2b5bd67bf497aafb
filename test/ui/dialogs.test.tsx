/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CommandDialog } from '../../src/ui/dialogs/CommandDialog';
import { NewDossierDialog } from '../../src/ui/dialogs/NewDossierDialog';
import { describeFailure, nl } from './support/strings';
import { statistician } from './support/dossiers';

describe('NewDossierDialog', () => {
  it('shows the eligibility rule before saving: an individual without institution is not eligible', async () => {
    render(<NewDossierDialog hidden={false} onDismiss={jest.fn()} onSubmit={jest.fn()} lang="nl" strings={nl} describeFailure={describeFailure} />);
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /individu/ }));
    expect(await within(dialog).findByText(/Een individu dat niet verbonden is aan een overheidsdienst of instelling/)).toBeTruthy();
  });

  it('sends the requester, subject and date, and shows every refusal of the domain', async () => {
    const onSubmit = jest.fn().mockResolvedValue({ ok: false, kind: 'refused', errors: [
      { kind: 'guard', code: 'dossier.error.missingContactEmail' }, { kind: 'guard', code: 'dossier.error.missingSubject' }
    ] });
    render(<NewDossierDialog hidden={false} onDismiss={jest.fn()} onSubmit={onSubmit} lang="nl" strings={nl} describeFailure={describeFailure} />);
    const dialog = screen.getByRole('alertdialog');
    fireEvent.change(within(dialog).getByLabelText('Instelling van de aanvrager'), { target: { value: 'VUB' } });
    fireEvent.change(within(dialog).getByLabelText(/Naam contactpersoon/), { target: { value: 'Tom' } });
    fireEvent.change(within(dialog).getByLabelText(/E-mail ontvangen op/), { target: { value: '2026-11-20' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registreren' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit.mock.calls[0][0]).toEqual({
      requester: { institution: 'VUB', institutionType: undefined, isIndividual: false, contact: { name: 'Tom', email: '' } },
      subject: '', receivedOn: '2026-11-20'
    });
    expect(await within(dialog).findByText('Het e-mailadres van de contactpersoon ontbreekt.')).toBeTruthy();
    expect(within(dialog).getByText('Het onderwerp van de aanvraag ontbreekt.')).toBeTruthy();
  });
});

describe('CommandDialog', () => {
  const context = { statisticians: [statistician], documents: [], lang: 'nl' as const, strings: nl, describeFailure };

  it('asks the guard inputs of the command and closes after success', async () => {
    const onSubmit = jest.fn().mockResolvedValue({ ok: true });
    const onDismiss = jest.fn();
    render(<CommandDialog command="declareNotAdmissible" context={context} onDismiss={onDismiss} onSubmit={onSubmit} />);
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText('Niet ontvankelijk verklaren')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Reden/), { target: { value: 'Geen statistisch doel.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    await waitFor(() => expect(onDismiss).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith('declareNotAdmissible', { reason: 'Geen statistisch doel.' });
  });

  it('shows an unexpected failure through the host\'s describeFailure, not the raw error', async () => {
    const onSubmit = jest.fn().mockRejectedValue(new Error('Failed to fetch'));
    render(<CommandDialog command="withdraw" context={context} onDismiss={jest.fn()} onSubmit={onSubmit} />);
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    expect(await within(dialog).findByText('Er ging iets mis: Fout in de test: Failed to fetch')).toBeTruthy();
  });

  it('explains a conflict and stays open', async () => {
    const onDismiss = jest.fn();
    render(<CommandDialog command="withdraw" context={context} onDismiss={onDismiss} onSubmit={jest.fn().mockResolvedValue({ ok: false, kind: 'conflict' })} />);
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    expect(await within(dialog).findByText(/Iemand anders heeft dit dossier intussen gewijzigd/)).toBeTruthy();
    expect(onDismiss).not.toHaveBeenCalled();
  });

  it('says clearly when the typed protocol number is unknown', async () => {
    const { UnknownProtocolError } = await import('../../src/ui/dialogs/commandForm');
    render(<CommandDialog command="requestForms" context={context} onDismiss={jest.fn()} onSubmit={jest.fn().mockRejectedValue(new UnknownProtocolError('PROT-2025-999'))} />);
    const dialog = screen.getByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    expect(await within(dialog).findByText(/Protocol PROT-2025-999 staat niet in het register/)).toBeTruthy();
  });
});
