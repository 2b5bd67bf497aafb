/** @jest-environment jsdom */
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { buildMailDraft } from '../../src/correspondence';
import type { MailDraft } from '../../src/correspondence';
import { MailPreview, mailPreviewStrings } from '../../src/ui/correspondence';
import { buildDossier } from './support/dossiers';

const context = { mailbox: 'data-aanvragen@vsa.local' };

function Harness(props: { initial: MailDraft; onSend: (draft: MailDraft) => void; lang?: 'nl' | 'en' }): React.ReactElement {
  const [draft, setDraft] = React.useState(props.initial);
  const lang = props.lang ?? 'nl';
  return <MailPreview draft={draft} onChange={setDraft} onSend={props.onSend} onCancel={() => undefined} lang={lang} strings={mailPreviewStrings[lang]} />;
}

describe('MailPreview', () => {
  it('shows the draft, lets the user edit it and sends the edited draft', () => {
    const dossier = buildDossier({ reference: 'VSA-2026-0501', upTo: 'formsRequested' }).dossier;
    const onSend = jest.fn();
    render(<Harness initial={buildMailDraft('requestForms', dossier, { context })} onSend={onSend} />);
    expect(screen.getByRole('heading', { name: 'E-mail nakijken en versturen' })).toBeTruthy();
    const subject = screen.getByRole('textbox', { name: 'Onderwerp' }) as HTMLInputElement;
    expect(subject.value).toBe('[VSA-2026-0501] Aanvraag microdata: in te vullen formulieren');
    fireEvent.change(subject, { target: { value: '[VSA-2026-0501] Formulieren' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Cc' }), { target: { value: 'sam@vsa.example, ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bijlage protocol.docx verwijderen' }));
    fireEvent.click(screen.getByRole('button', { name: 'Versturen vanuit de gedeelde mailbox' }));
    expect(onSend).toHaveBeenCalledTimes(1);
    const sent = onSend.mock.calls[0][0] as MailDraft;
    expect(sent.subject).toBe('[VSA-2026-0501] Formulieren');
    expect(sent.cc).toEqual(['sam@vsa.example']);
    expect(sent.attachments.map((a) => a.fileName)).toEqual(['aanvraagformulier.docx', 'verklaringTOM.docx']);
  });

  it('lists every problem and keeps the send button disabled until the text is complete', async () => {
    const early = buildDossier({ reference: 'VSA-2026-0502', upTo: 'preliminary' }).dossier;
    const onSend = jest.fn();
    render(<Harness initial={buildMailDraft('decision', early, { context, lang: 'en' })} onSend={onSend} lang="en" />);
    // Fluent's MessageBar renders its text a tick later (so screen readers announce it).
    expect(await screen.findByText('Fill in "{motivation}" in the e-mail.')).toBeTruthy();
    const send = screen.getByRole('button', { name: 'Send from the shared mailbox' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: 'To' }), { target: { value: '' } });
    expect(await screen.findByText('Enter at least one recipient.')).toBeTruthy();
    const body = screen.getByRole('textbox', { name: 'Text' }) as HTMLTextAreaElement;
    fireEvent.change(body, { target: { value: body.value.replace('{motivation}', 'See the attached note.') } });
    fireEvent.change(screen.getByRole('textbox', { name: 'To' }), { target: { value: 'karel@uni.example' } });
    expect(screen.queryByText('Fill in "{motivation}" in the e-mail.')).toBeNull();
    expect((screen.getByRole('button', { name: 'Send from the shared mailbox' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByText('No attachments.')).toBeTruthy();
  });

  it('says the addendum of a simplified request is filled in from the dossier', () => {
    const simplified = buildDossier({ reference: 'VSA-2026-0504', upTo: 'awaitingSignatures', parent: { number: 'PROT-2026-001', dossierReference: 'VSA-2026-0503' } }).dossier;
    render(<Harness initial={buildMailDraft('requestSignatures', simplified, { context })} onSend={jest.fn()} />);
    expect(screen.getByText('addendum-VSA-2026-0504.docx (ingevuld met de gegevens van het dossier)', { exact: false })).toBeTruthy();
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(mailPreviewStrings.en).sort()).toEqual(Object.keys(mailPreviewStrings.nl).sort());
  });
});
