/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RequesterDraftsSection } from '../../src/ui/reminders/RequesterDraftsSection';
import { MailComposer } from '../../src/webparts/dossierRegister/app/MailComposer';
import { mailDraftOf } from '../../src/app/requesterDrafts';
import type { RegisterMail } from '../../src/app/registerMail';
import { buildDossier, dpoMember, registerStep } from './support/dossiers';
import { describeFailure, nl } from './support/strings';

const reference = 'VSA-2026-0042';
const views = [
  { key: `${reference}|requesterReminder|2026-02-20`, kind: 'requesterReminder' as const, dueOn: '2026-02-20', subject: `[${reference}] Herinnering: uw aanvraag van microdata`, to: 'karel@uni.example' },
  { key: `${reference}|destructionRequest|2026-03-01`, kind: 'destructionRequest' as const, dueOn: '2026-03-01', subject: `[${reference}] Vernietiging van de geleverde microdata`, to: 'karel@uni.example' }
];

describe('RequesterDraftsSection (issue 16)', () => {
  it('lists the waiting drafts and opens the composer for the one chosen', () => {
    const onPreview = jest.fn();
    render(<RequesterDraftsSection drafts={views} onPreview={onPreview} onDismiss={jest.fn()} describeFailure={describeFailure} lang="nl" />);
    const section = screen.getByRole('region', { name: 'Concepten aan de aanvrager' });
    const items = within(section).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByText('Herinnering aan de aanvrager')).toBeTruthy();
    expect(within(items[0]).getByText('Klaar sinds 2026-02-20, aan karel@uni.example')).toBeTruthy();
    expect(within(items[1]).getByText('Vraag tot vernietiging')).toBeTruthy();
    fireEvent.click(within(items[1]).getByRole('button', { name: 'Bekijken en versturen' }));
    expect(onPreview).toHaveBeenCalledWith(views[1].key);
  });

  it('dismisses only with a reason, and shows a refusal', async () => {
    const onDismiss = jest.fn().mockRejectedValueOnce(new Error('al behandeld')).mockResolvedValueOnce(undefined);
    render(<RequesterDraftsSection drafts={views.slice(0, 1)} onPreview={jest.fn()} onDismiss={onDismiss} describeFailure={describeFailure} lang="nl" />);
    fireEvent.click(screen.getByRole('button', { name: 'Negeren' }));
    const confirm = screen.getByRole('button', { name: 'Concept negeren' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: /Reden/ }), { target: { value: '   ' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: /Reden/ }), { target: { value: ' Aanvrager belde vandaag. ' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    expect(await screen.findByText('Fout in de test: al behandeld')).toBeTruthy();
    expect(onDismiss).toHaveBeenCalledWith(views[0].key, 'Aanvrager belde vandaag.');
    fireEvent.click(screen.getByRole('button', { name: 'Concept negeren' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Concept negeren' })).toBeNull());
    expect(onDismiss).toHaveBeenCalledTimes(2);
  });

  it('shows nothing without drafts, and speaks English', () => {
    const { container } = render(<RequesterDraftsSection drafts={[]} onPreview={jest.fn()} onDismiss={jest.fn()} describeFailure={describeFailure} lang="en" />);
    expect(container.textContent).toBe('');
    render(<RequesterDraftsSection drafts={views.slice(0, 1)} onPreview={jest.fn()} onDismiss={jest.fn()} describeFailure={describeFailure} lang="en" />);
    expect(screen.getByRole('button', { name: 'Preview and send' })).toBeTruthy();
  });
});

describe('the mail composer with a job draft', () => {
  it('opens prefilled with the draft and sends it through the given transport', async () => {
    const dossier = buildDossier([registerStep(reference, '2026-01-15T09:00:00.000Z')]);
    const waiting = {
      key: views[0].key, reference, kind: 'requesterReminder' as const, dueOn: '2026-02-20', revision: '1|"3"',
      draft: { reference, kind: 'requesterReminder' as const, lang: 'nl' as const, to: 'karel@uni.example', subject: views[0].subject, body: 'Beste Karel,\n\nUw aanvraag wacht op uw antwoord.' }
    };
    const correspondence = { send: jest.fn(), recordSent: jest.fn() };
    const mail = { mailboxAddress: 'data-aanvragen@vsa.example', correspondence } as unknown as RegisterMail;
    const transport = { send: jest.fn().mockResolvedValue({ status: 'sent', eventId: 'e1' }), recordSent: jest.fn() };
    const onDone = jest.fn();
    render(<MailComposer mail={mail} dossier={dossier} kind="requesterReminder" initialDraft={mailDraftOf(waiting)} transport={transport} actor={dpoMember} onDone={onDone} onDismiss={jest.fn()} lang="nl" strings={nl} />);
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText('E-mail opstellen: Herinnering aan de aanvrager')).toBeTruthy();
    expect((within(dialog).getByRole('textbox', { name: 'Onderwerp' }) as HTMLInputElement).value).toBe(views[0].subject);
    expect((within(dialog).getByRole('textbox', { name: 'Aan' }) as HTMLInputElement).value).toBe('karel@uni.example');
    expect((within(dialog).getByRole('textbox', { name: 'Tekst' }) as HTMLTextAreaElement).value).toBe(waiting.draft.body);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Versturen vanuit de gedeelde mailbox' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(nl.mailSent));
    expect(transport.send).toHaveBeenCalledWith(expect.objectContaining({ kind: 'requesterReminder', dossierReference: reference, to: ['karel@uni.example'], subject: views[0].subject }), dpoMember, expect.any(String));
    expect(correspondence.send).not.toHaveBeenCalled();
  });
});

describe('RequesterDraftsSection without the mail features', () => {
  it('offers only dismissing when no composer can open (no shared mailbox)', () => {
    render(<RequesterDraftsSection drafts={views.slice(0, 1)} onDismiss={jest.fn()} describeFailure={describeFailure} lang="nl" />);
    expect(screen.queryByRole('button', { name: 'Bekijken en versturen' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Negeren' })).toBeTruthy();
  });
});
