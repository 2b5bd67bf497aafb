/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { decide, evolve, replay } from '../../src/domain';
import type { Command, DocumentRegistration, Dossier } from '../../src/domain';
import { DocumentsSection } from '../../src/ui/panel/DocumentsSection';
import { signedSetView } from '../../src/ui/panel/signedSetView';
import { formatDateTime } from '../../src/ui/shared/format';
import { eventDetails } from '../../src/ui/panel/timeline';
import { actors } from '../domain/support/fixtures';
import { eventsIn } from '../domain/support/paths';
import { certificate, fileReport, notQualifiedStatus, signature, universiteit } from '../support/signatureReports';
import { describeFailure, en, nl } from './support/strings';

const form = (kind: DocumentRegistration['kind'], signed: Parameters<typeof signature>, typed?: string): DocumentRegistration => ({
  id: `${kind}-signed`, kind, fileName: `${kind} getekend.pdf`, version: '1.0',
  ...(typed ? { signatory: { name: typed, capacity: 'verwerkingsverantwoordelijke' as const } } : {}),
  signatures: fileReport(`${kind} getekend.pdf`, [signature(...signed)])
});

/** A dossier awaiting signatures with the given signed documents registered (institution: Universiteit Voorbeeld). */
function dossierWith(documents: readonly DocumentRegistration[]): Dossier {
  const before = replay(eventsIn('awaitingSignatures'))!;
  const command = { type: 'registerSignedDocuments', commandId: 'sign-1', documents, institution: universiteit } as Command;
  const result = decide(before, command, actors.team, '2026-02-02T10:00:00.000Z');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.events.reduce<Dossier>((dossier, event) => evolve(dossier, event), before);
}

const plain = certificate('Piet Pieters', { qualified: notQualifiedStatus });
const dossier = dossierWith([
  form('aanvraagformulier', ['An Peeters']),
  form('verklaringTOM', ['Piet Pieters', { signer: plain, revocation: 'notChecked' }]),
  form('protocol', ['Xavier Elders'], 'An Peeters')
]);

function renderSection(onAcceptSignatureWarning?: jest.Mock, lang: 'nl' | 'en' = 'nl', subject: Dossier = dossier) {
  return render(
    <DocumentsSection documents={[]} uploads={[]} canUpload={false} onUpload={jest.fn()} onShowFindings={jest.fn()} onDownload={jest.fn()}
      signedSet={signedSetView(subject)} onAcceptSignatureWarning={onAcceptSignatureWarning} describeFailure={describeFailure}
      lang={lang} strings={lang === 'nl' ? nl : en} />
  );
}

const documentBlock = (id: string): HTMLElement => document.querySelector(`[data-signed-document="${id}"]`) as HTMLElement;

describe('the signatures of the signed set in the documents tab', () => {
  it('shows per signed document each signature: name from the certificate, authority, qualified, time and status', () => {
    renderSection();
    expect(screen.getByTestId('signed-set-summary').textContent).toBe('2 blokkerende bevinding(en): de ondertekende set kan niet naar medeondertekening.');
    const application = within(documentBlock('aanvraagformulier-signed'));
    const [row] = application.getAllByRole('row').slice(1);
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'An Peeters', 'verwerkingsverantwoordelijke (register Instellingen)', 'ja', formatDateTime('2026-02-01T10:00:00.000Z', 'nl'), 'geldig'
    ]);
    const tom = within(documentBlock('verklaringTOM-signed'));
    expect(tom.getAllByRole('cell').map((cell) => cell.textContent).slice(0, 3)).toEqual([
      'Piet Pieters', 'gevolmachtigde (volmacht in het register: protocollen met Statistiek Vlaanderen)', 'nee'
    ]);
  });

  it('explains every problem in plain Dutch, blocking ones without an accept button', () => {
    renderSection(jest.fn());
    const protocol = documentBlock('protocol-signed');
    expect(protocol.querySelector('[data-finding="signerNotAllowed"]')?.textContent).toContain(
      'Blokkerend: Ondertekenaar niet bevoegdXavier Elders staat niet in het register van de instelling als verwerkingsverantwoordelijke, wettelijk vertegenwoordiger of gevolmachtigde.'
    );
    expect(protocol.querySelector('[data-finding="typedSignatoryDiffers"]')?.textContent).toContain('Het formulier vermeldt An Peeters als ondertekenaar, maar ondertekend werd door Xavier Elders.');
    expect(within(protocol).queryByRole('button')).toBeNull();
    const tom = documentBlock('verklaringTOM-signed');
    expect(tom.querySelector('[data-finding="notQualified"]')?.textContent).toMatch(/^Waarschuwing: Geen gekwalificeerde handtekening/);
    expect(tom.querySelector('[data-finding="revocationNotChecked"]')?.textContent).toContain('Intrekking niet nagegaan');
    expect(within(tom).getAllByRole('button', { name: /^Aanvaarden…/ })).toHaveLength(2);
  });

  it('shows the same in English', () => {
    renderSection(undefined, 'en');
    expect(documentBlock('protocol-signed').querySelector('[data-finding="signerNotAllowed"]')?.textContent).toContain('Blocking: Signer not authorised');
  });

  it('accepts a warning with a reason; a refusal is shown and the box stays', async () => {
    const onAccept = jest
      .fn()
      .mockResolvedValueOnce({ ok: false, kind: 'refused', errors: [{ kind: 'guard', code: 'dossier.error.reasonRequired' }] })
      .mockResolvedValueOnce({ ok: true });
    renderSection(onAccept);
    const tom = documentBlock('verklaringTOM-signed');
    fireEvent.click(within(tom).getByRole('button', { name: 'Aanvaarden… Intrekking niet nagegaan' }));
    fireEvent.click(screen.getByRole('button', { name: 'Waarschuwing aanvaarden' }));
    expect(await screen.findByText('Geef een reden op.')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: /Reden/ }), { target: { value: 'OCSP nagekeken op 2/2.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Waarschuwing aanvaarden' }));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: /Reden/ })).toBeNull());
    expect(onAccept).toHaveBeenLastCalledWith({ documentId: 'verklaringTOM-signed', signatureIndex: 0, code: 'revocationNotChecked', reason: 'OCSP nagekeken op 2/2.' });
  });

  it('shows an accepted warning with who, when and why, without a button', () => {
    const accepted = decide(dossier, {
      type: 'acceptSignatureWarning', commandId: 'acc-1', documentId: 'verklaringTOM-signed', signatureIndex: 0, code: 'notQualified', reason: 'Volmacht met gewone handtekening aanvaard.'
    } as Command, actors.team, '2026-02-03T10:00:00.000Z');
    if (!accepted.ok) throw new Error(JSON.stringify(accepted.errors));
    const after = accepted.events.reduce<Dossier>((d, e) => evolve(d, e), dossier);
    renderSection(jest.fn(), 'nl', after);
    const finding = documentBlock('verklaringTOM-signed').querySelector('[data-finding="notQualified"]') as HTMLElement;
    expect(finding.getAttribute('data-accepted')).toBe('true');
    expect(finding.textContent).toContain('Aanvaard door An Team op 03/02/2026. Reden: Volmacht met gewone handtekening aanvaard.');
    expect(within(finding).queryByRole('button')).toBeNull();
    // The timeline names the warning and the reason.
    expect(eventDetails(accepted.events[0], 'nl', nl)).toEqual(['verklaringTOM-signed #1: Geen gekwalificeerde handtekening', 'Volmacht met gewone handtekening aanvaard.']);
  });

  it('says when a document was registered without verification, and nothing at all without signed documents', () => {
    const legacy = dossierWith([{ id: 'p', kind: 'protocol', fileName: 'p.docx', version: '1.0', signatory: { name: 'An Peeters', capacity: 'verwerkingsverantwoordelijke' } }]);
    renderSection(undefined, 'nl', legacy);
    expect(documentBlock('p').textContent).toContain('Geregistreerd zonder controle van de elektronische handtekening.');
    expect(documentBlock('p').querySelector('[data-finding="notVerified"]')).not.toBeNull();
    const { container } = render(
      <DocumentsSection documents={[]} uploads={[]} canUpload={false} onUpload={jest.fn()} onShowFindings={jest.fn()} onDownload={jest.fn()}
        signedSet={signedSetView(replay(eventsIn('awaitingSignatures'))!)} lang="nl" strings={nl} />
    );
    expect(container.querySelector('[data-testid="signed-set"]')).toBeNull();
  });
});
