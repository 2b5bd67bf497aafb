/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import { createHash } from 'node:crypto';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { decide, replay, type Command, type Dossier, type DossierEvent } from '../../src/domain';
import { CommandDialog } from '../../src/ui/dialogs/CommandDialog';
import { toCommandPayload, type CommandValues } from '../../src/ui/dialogs/commandForm';
import { DeliveryDialog } from '../../src/ui/lifecycle/DeliveryDialog';
import { deliveryPayload, parseChecksumLines, type DeliveryPayload } from '../../src/ui/lifecycle/deliveryForm';
import type { CommandOutcome } from '../../src/ui/shared/outcome';
import { actors, cmd } from '../domain/support/fixtures';
import { run } from '../domain/support/given';
import { eventsIn } from '../domain/support/paths';
import { describeFailure, en, nl } from './support/strings';

setIconOptions({ disableWarnings: true });

const hashA = createHash('sha256').update('a;b\n1;2\n').digest('hex');
const published: Dossier = (() => {
  const history = eventsIn('published');
  const events = history.map((event): DossierEvent => (event.type === 'SignedDocumentsRegistered'
    ? { ...event, requestedData: { surveys: ['SV-bevraging 2023-1', 'SV-bevraging 2023-2'], variablesCount: 7, recipients: [{ name: 'Karel Contact', institution: 'Universiteit Voorbeeld' }], retentionEnd: '2027-12-31' } }
    : event));
  return replay(events) as Dossier;
})();
const now = '2026-03-01T10:00:00.000Z';
const domainAnswer = (dossier: Dossier) => jest.fn(async (payload: object): Promise<CommandOutcome> => {
  const result = decide(dossier, { ...payload, commandId: 'ui-1' } as Command, actors.team, now);
  return result.ok ? { ok: true, warnings: result.warnings } : { ok: false, kind: 'refused', errors: result.errors };
});
/** Node's SHA-256 standing in for WebCrypto (jsdom has none). */
const nodeSha256 = async (bytes: Uint8Array): Promise<ArrayBuffer> => {
  const digest = createHash('sha256').update(bytes).digest();
  return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength);
};

describe('parseChecksumLines and deliveryPayload', () => {
  it('reads sha256sum lines and name-then-hash lines, and reports the others by line number', () => {
    const text = `${hashA}  *sv2023.csv\n\nlabels.csv;${'B'.repeat(64)}\nzonder hash\n${'c'.repeat(63)} kort.csv`;
    expect(parseChecksumLines(text)).toEqual({
      files: [{ fileName: 'sv2023.csv', sha256: hashA }, { fileName: 'labels.csv', sha256: 'b'.repeat(64) }],
      invalidLines: [4, 5]
    });
  });

  it('leaves empty values empty for the domain to refuse, and sends only what was given', () => {
    expect(deliveryPayload({ deliveredOn: ' ', dataset: '', variables: '', waves: [], computed: [], pasted: '', comment: '' })).toEqual({ type: 'registerDelivery', deliveredOn: '', dataset: '' });
  });
});

describe('DeliveryDialog', () => {
  it('prefills the requested waves and variables, shows the recipients, computes a file\'s SHA-256 and sends what was delivered', async () => {
    const onSubmit = domainAnswer(published);
    const onDismiss = jest.fn();
    render(<DeliveryDialog dossier={published} today="2026-03-01" sha256={nodeSha256} onSubmit={onSubmit} onDismiss={onDismiss} describeFailure={describeFailure} lang="nl" strings={nl} />);
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText('Levering registreren')).toBeTruthy();
    expect((within(dialog).getByRole('checkbox', { name: 'SV-bevraging 2023-1' }) as HTMLInputElement).checked).toBe(true);
    expect(within(within(dialog).getByRole('region', { name: 'Ontvangers' })).getByText('Karel Contact (Universiteit Voorbeeld)')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'SV-bevraging 2023-2' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Beschrijving van de dataset/ }), { target: { value: 'SV 2023 golf 1, gepseudonimiseerd' } });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'SFTP' }));
    const file = new File(['a;b\n1;2\n'], 'sv2023.csv', { type: 'text/csv' });
    await act(async () => {
      fireEvent.change(within(dialog).getByLabelText('Geleverde bestanden'), { target: { files: [file] } });
    });
    expect(await within(dialog).findByText(hashA)).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    const payload = onSubmit.mock.calls[0][0] as DeliveryPayload;
    expect(payload).toEqual({
      type: 'registerDelivery', deliveredOn: '2026-03-01', dataset: 'SV 2023 golf 1, gepseudonimiseerd', variables: 7,
      waves: ['SV-bevraging 2023-1'], channel: 'sftp', files: [{ fileName: 'sv2023.csv', sha256: hashA }]
    });
    await waitFor(() => expect(onDismiss).toHaveBeenCalled());
  });

  it('blocks a pasted line that is not a checksum, and shows the domain\'s refusals', async () => {
    const onSubmit = domainAnswer(published);
    render(<DeliveryDialog dossier={published} today="2026-03-01" sha256={nodeSha256} onSubmit={onSubmit} onDismiss={jest.fn()} describeFailure={describeFailure} lang="nl" strings={nl} />);
    const dialog = screen.getByRole('alertdialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Of plak de controlesommen/ }), { target: { value: 'sv.csv abc' } });
    expect(await within(dialog).findByText(/Regel 1 is geen bestandsnaam met een SHA-256/)).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: 'Bevestigen' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Of plak de controlesommen/ }), { target: { value: '' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    expect(await within(dialog).findByText('Beschrijf de geleverde dataset.')).toBeTruthy();
  });

  it('without WebCrypto offers only pasting, and speaks English when asked', async () => {
    render(<DeliveryDialog dossier={published} today="2026-03-01" sha256={false} onSubmit={jest.fn()} onDismiss={jest.fn()} describeFailure={describeFailure} lang="en" strings={en} />);
    const dialog = screen.getByRole('alertdialog');
    expect(await within(dialog).findByText('This browser cannot compute a checksum; paste them.')).toBeTruthy();
    expect(within(dialog).queryByLabelText('Files delivered')).toBeNull();
    expect(within(dialog).getByRole('radio', { name: 'Secure download link' })).toBeTruthy();
  });
});

describe('the revocation and destruction dialogs (CommandDialog)', () => {
  const delivered = replay(run([[actors.team, cmd.recordReceivedMail('AAMk-vernietigd', '2026-09-01T08:00:00Z')]], eventsIn('delivered')).events) as Dossier;
  const context = (dossier: Dossier) => ({ statisticians: [], documents: [], correspondence: dossier.correspondence, lang: 'nl' as const, strings: nl, describeFailure });

  it('asks the Chief Statistician for the date and reason of the revocation, and sends them', async () => {
    const onSubmit = jest.fn().mockResolvedValue({ ok: true });
    render(<CommandDialog command="revokeProtocol" context={context(delivered)} onDismiss={jest.fn()} onSubmit={onSubmit} />);
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText('Protocol intrekken')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Datum van de intrekking/), { target: { value: '2026-02-20' } });
    fireEvent.change(within(dialog).getByLabelText(/Reden van de intrekking/), { target: { value: 'Inbreuk op de voorwaarden.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    const [command, values] = onSubmit.mock.calls[0];
    expect(await toCommandPayload(command, values, context(delivered))).toEqual({ type: 'revokeProtocol', date: '2026-02-20', reason: 'Inbreuk op de voorwaarden.', comment: undefined });
  });

  it('offers the received mails as the confirmation of the destruction and shows the domain\'s refusal without one', async () => {
    const answer = jest.fn(async (command: 'confirmDestruction', values: CommandValues): Promise<CommandOutcome> => {
      const payload = await toCommandPayload(command, values, context(delivered));
      const result = decide(delivered, { ...payload, commandId: 'ui-2' } as Command, actors.team, now);
      return result.ok ? { ok: true } : { ok: false, kind: 'refused', errors: result.errors };
    });
    const onDismiss = jest.fn();
    render(<CommandDialog command="confirmDestruction" context={context(delivered)} onDismiss={onDismiss} onSubmit={answer as never} />);
    const dialog = screen.getByRole('alertdialog');
    expect(within(dialog).getByText('Ondertekende verklaring van vernietiging')).toBeTruthy();
    expect(within(dialog).getByText('Er zijn geen passende documenten; laad ze eerst op bij Documenten.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    expect(await within(dialog).findByText(/Registreer de bevestiging van de vernietiging/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('radio', { name: /RE: \[VSA-2026-0001\] formulieren/ }));
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    await waitFor(() => expect(onDismiss).toHaveBeenCalled());
  });

  it('offers only the mails received on or after the delivery, which the domain accepts', () => {
    const both = replay(run([
      [actors.team, cmd.recordReceivedMail('AAMk-voor', '2026-05-31T08:00:00Z')],
      [actors.team, cmd.recordReceivedMail('AAMk-na', '2026-06-01T08:00:00Z')]
    ], eventsIn('delivered')).events) as Dossier;
    expect(both.delivery?.deliveredOn).toBe('2026-06-01');
    render(<CommandDialog command="confirmDestruction" context={{ ...context(both), deliveredOn: both.delivery?.deliveredOn }} onDismiss={jest.fn()} onSubmit={jest.fn()} />);
    const radios = within(screen.getByRole('alertdialog')).getAllByRole('radio', { name: /RE: \[VSA-2026-0001\] formulieren/ });
    expect(radios.map((radio) => radio.getAttribute('aria-label') ?? radio.closest('label')?.textContent ?? (radio as HTMLInputElement).labels?.[0]?.textContent)).toEqual([expect.stringContaining('2026-06-01')]);
  });

  it('says so when no received mail is recorded yet', () => {
    const bare = replay(eventsIn('delivered')) as Dossier;
    render(<CommandDialog command="confirmDestruction" context={context(bare)} onDismiss={jest.fn()} onSubmit={jest.fn()} />);
    expect(screen.getByText('Er is nog geen ontvangen e-mail bij dit dossier geregistreerd.')).toBeTruthy();
  });
});
