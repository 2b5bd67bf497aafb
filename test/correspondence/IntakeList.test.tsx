/** @jest-environment jsdom */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { IntakeList, intakeListStrings } from '../../src/ui/correspondence';
import type { IntakeItem } from '../../src/ui/correspondence';

const message = (id: string, subject: string, hasAttachments = false): IntakeItem['message'] => ({
  id, subject, from: { name: 'Karel Contact', address: 'karel@uni.example' }, receivedDateTime: '2026-11-24T09:30:00Z', bodyPreview: '', hasAttachments, categories: []
});

describe('IntakeList', () => {
  const items: IntakeItem[] = [
    { message: message('m1', 'RE: [VSA-2026-0001] formulieren', true), suggestedReference: 'VSA-2026-0001' },
    { message: message('m2', 'Nieuwe aanvraag') },
    { message: message('m3', 'Onderbroken'), interruptedReference: 'VSA-2026-0007' }
  ];

  it('offers attach to the named dossier, create, attach elsewhere and resume', () => {
    const onCreate = jest.fn();
    const onAttach = jest.fn();
    render(<IntakeList items={items} onCreate={onCreate} onAttach={onAttach} lang="nl" strings={intakeListStrings.nl} />);
    const table = screen.getByRole('table', { name: /Nieuwe e-mails in data-aanvragen/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    fireEvent.click(within(rows[0]).getByRole('button', { name: 'Koppelen aan VSA-2026-0001' }));
    expect(onAttach).toHaveBeenLastCalledWith('m1', 'VSA-2026-0001');
    expect(within(rows[1]).queryByRole('button', { name: /Koppelen aan VSA/ })).toBeNull();
    fireEvent.click(within(rows[1]).getByRole('button', { name: 'Nieuw dossier aanmaken' }));
    expect(onCreate).toHaveBeenCalledWith('m2');
    fireEvent.click(within(rows[1]).getByRole('button', { name: 'Koppelen aan ander dossier…' }));
    expect(onAttach.mock.calls[onAttach.mock.calls.length - 1]).toEqual(['m2']);
    expect(within(rows[2]).getAllByRole('button').map((b) => b.textContent)).toEqual(['Import hervatten (VSA-2026-0007)']);
    expect(within(rows[0]).getByRole('rowheader').textContent).toBe('RE: [VSA-2026-0001] formulieren');
    expect(within(rows[0]).getByText('ja')).toBeTruthy();
  });

  it('disables the buttons of the message being imported and says when there is nothing', () => {
    const { rerender } = render(<IntakeList items={items} onCreate={jest.fn()} onAttach={jest.fn()} busyMessageId="m2" lang="en" strings={intakeListStrings.en} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect((within(rows[1]).getByRole('button', { name: 'Create new file' }) as HTMLButtonElement).disabled).toBe(true);
    expect((within(rows[0]).getByRole('button', { name: 'Create new file' }) as HTMLButtonElement).disabled).toBe(false);
    expect((screen.getByRole('button', { name: 'Link to VSA-2026-0001' }) as HTMLButtonElement).disabled).toBe(false);
    rerender(<IntakeList items={[]} onCreate={jest.fn()} onAttach={jest.fn()} lang="en" strings={intakeListStrings.en} />);
    expect(screen.getByText('There are no new e-mails.')).toBeTruthy();
    expect(Object.keys(intakeListStrings.en).sort()).toEqual(Object.keys(intakeListStrings.nl).sort());
  });

  it('shows the body as text: a preview, the whole text on demand, where the suggestion was found; no markup of the mail', () => {
    const { bodyToText } = jest.requireActual('../../src/correspondence') as typeof import('../../src/correspondence');
    const bodyText = bodyToText('html', `<p>Beste,</p><script>document.title='pwned'</script><p>Zie VSA-2026-0001 &amp; &lt;b&gt;vet&lt;/b&gt;. ${'Meer uitleg. '.repeat(30)}Einde.</p>`);
    const item: IntakeItem = { message: { ...message('m9', 'Vraag'), bodyText }, suggestedReference: 'VSA-2026-0001', suggestedFrom: { kind: 'dossier', value: 'VSA-2026-0001', foundIn: 'body' } };
    const { container } = render(<IntakeList items={[item]} onCreate={jest.fn()} onAttach={jest.fn()} lang="nl" strings={intakeListStrings.nl} />);
    expect(container.querySelector('script, b')).toBeNull();
    expect(screen.getByText(/^Beste, Zie VSA-2026-0001 & <b>vet<\/b>\. Meer uitleg/).textContent!.endsWith('…')).toBe(true);
    expect(screen.getByText('VSA-2026-0001 gevonden in de tekst van de e-mail')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Volledige tekst tonen' }));
    expect(screen.getByText(/Einde\.$/).textContent).toContain('Beste,\n');
    expect(screen.getByRole('button', { name: 'Volledige tekst verbergen' }).getAttribute('aria-expanded')).toBe('true');
    expect(document.title).not.toBe('pwned');
  });
});
