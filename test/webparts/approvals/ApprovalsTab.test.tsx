/** @jest-environment jsdom */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { ApprovalsTab } from '../../../src/ui/approvals/ApprovalsTab';
import type { ActionResult, ApprovalsActions } from '../../../src/ui/approvals/ApprovalsTab.types';
import { buildApprovalsQueue } from '../../../src/ui/approvals/approvalsQueue';
import { buildDecisionHistory } from '../../../src/ui/approvals/decisionHistory';
import type { Actor } from '../../../src/domain';
import { actors, dossierIn } from './support/dossiers';
import { loadLocStrings } from './support/strings';

// Icons are registered by SharePoint/Teams at run time; here only their warnings would be noise.
setIconOptions({ disableWarnings: true });

const now = '2026-11-25T12:00:00.000Z';
const nl = loadLocStrings('nl-nl');
const docUrl = 'https://contoso.sharepoint.com/sites/microdata/Dossierdocumenten/VSA-2026-0001/protocol.docx';

function queueFor(actor: Actor) {
  return buildApprovalsQueue(
    [
      { dossier: dossierIn('awaitingDecision', 'VSA-2026-0001', now, 40), documents: [{ fileName: 'protocol.docx', webUrl: docUrl, kind: 'protocol' }] },
      {
        dossier: dossierIn('awaitingCountersignature', 'VSA-2026-0002', now, 2),
        // The countersigned original the Chief Statistician stored earlier (not registered until countersigning).
        documents: [{ fileName: 'protocol medeondertekend.pdf', webUrl: `${docUrl}x`, kind: 'protocol', phase: 'countersigned' }]
      },
      { dossier: dossierIn('awaitingSignatures', 'VSA-2026-0003', now, 35) }
    ],
    actor,
    now
  );
}

function fakeActions(overrides: Partial<ApprovalsActions> = {}): jest.Mocked<ApprovalsActions> {
  return {
    decide: jest.fn(async (): Promise<ActionResult> => ({ ok: true, message: 'Opgeslagen: dossier VSA-2026-0001.' })),
    previewNumber: jest.fn(async () => 'PROT-2026-0007'),
    countersign: jest.fn(async (): Promise<ActionResult> => ({ ok: true, message: 'Ondertekend.' })),
    uploadCountersigned: jest.fn(async () => ({ fileName: 'upload.pdf' })),
    reload: jest.fn(),
    describeFailure: jest.fn((error: unknown) => `vertaald: ${String(error)}`),
    ...overrides
  } as jest.Mocked<ApprovalsActions>;
}

function renderTab(actor: Actor = actors.chief, actions = fakeActions()) {
  render(
    <ApprovalsTab
      strings={nl}
      lang="nl"
      queue={queueFor(actor)}
      history={buildDecisionHistory([], now)}
      isChiefStatistician={actor.roles.includes('chiefStatistician')}
      actions={actions}
    />
  );
  return actions;
}

const card = (reference: string): HTMLElement => screen.getByRole('article', { name: new RegExp(reference) });

describe('ApprovalsTab', () => {
  it('shows the counts in the header and the three sections', () => {
    renderTab();
    expect(screen.getByTestId('approvals-counts').textContent).toBe('1 te beslissen · 1 te ondertekenen · 1 wachten op handtekeningen · 2 te laat');
    expect(screen.getByRole('heading', { name: 'Wacht op beslissing (1)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Wacht op handtekeningen van de aanvrager (1)' })).toBeTruthy();
  });

  it('shows advice, legal basis, the check summary and a Word link for a dossier awaiting decision', () => {
    renderTab();
    const article = within(card('VSA-2026-0001'));
    expect(article.getByText('Advies DPO')).toBeTruthy();
    expect(article.getByText('Rechtsgrond')).toBeTruthy();
    expect(article.getByText(/blokkerend, .* waarschuwingen/)).toBeTruthy();
    expect(article.getByRole('link', { name: 'Openen in Word: protocol.docx' }).getAttribute('href')).toBe(`ms-word:ofe|u|${docUrl}`);
    expect(article.getByText(/Te laat sinds \d+ dagen/)).toBeTruthy();
    // The decision phase's clock (issue 16): 10 working days by default.
    expect(article.getByText(/^Termijn Beslissing: \d+ van 10 werkdagen gebruikt · uiterlijk \d\d\/\d\d\/\d{4}$/)).toBeTruthy();
  });

  it('shows the warnings of the procedure settings above the queue (defaults used)', async () => {
    render(
      <ApprovalsTab
        strings={nl}
        lang="nl"
        queue={queueFor(actors.chief)}
        history={buildDecisionHistory([], now)}
        isChiefStatistician
        actions={fakeActions()}
        settingsNotices={['Instelling "review": "dertig" is geen geheel getal; de standaardwaarde 30 wordt gebruikt.']}
      />
    );
    // The message bar announces its text after a short delay (Fluent's DelayedRender).
    expect(await screen.findByText('Instelling "review": "dertig" is geen geheel getal; de standaardwaarde 30 wordt gebruikt.')).toBeTruthy();
  });

  it('shows what is missing for a dossier awaiting signatures', () => {
    renderTab();
    expect(within(card('VSA-2026-0003')).getByText('Ontbreekt nog: Protocol (ondertekend)')).toBeTruthy();
  });

  it('requires a motivation before approving, then sends it and reloads', async () => {
    const actions = renderTab();
    fireEvent.click(within(card('VSA-2026-0001')).getByRole('button', { name: 'Goedkeuren' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    expect(await within(dialog).findByText('Een motivering is verplicht.')).toBeTruthy();
    expect(actions.decide).not.toHaveBeenCalled();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motivering/ }), { target: { value: 'Rechtsgrond en advies zijn in orde.' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    expect(actions.decide).toHaveBeenCalledWith('VSA-2026-0001', { kind: 'approve', motivation: 'Rechtsgrond en advies zijn in orde.' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(await screen.findByText('Opgeslagen: dossier VSA-2026-0001.')).toBeTruthy();
    expect(actions.reload).toHaveBeenCalled();
  });

  it('approves with conditions pre-filled from the advice of the dossier on the card', async () => {
    const base = dossierIn('awaitingDecision', 'VSA-2026-0001', now, 40);
    const criteria = (base.advice?.criteria ?? []).map((criterion) =>
      criterion.id === 'linking' ? { ...criterion, assessment: 'adequateWithCondition' as const, recommendedCondition: { text: 'Koppeling enkel in de beveiligde omgeving.', category: 'linking' as const } } : criterion);
    const dossier = { ...base, advice: { ...base.advice!, outcome: 'favourableWithConditions' as const, criteria } };
    const actions = fakeActions();
    render(<ApprovalsTab strings={nl} lang="nl" queue={buildApprovalsQueue([{ dossier }], actors.chief, now)} history={buildDecisionHistory([], now)} isChiefStatistician actions={actions} />);
    fireEvent.click(within(card('VSA-2026-0001')).getByRole('button', { name: 'Goedkeuren onder voorwaarden' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motivering/ }), { target: { value: 'Akkoord.' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    expect(actions.decide).toHaveBeenCalledWith('VSA-2026-0001', {
      kind: 'approveWithConditions', motivation: 'Akkoord.',
      conditions: [{ id: 'C1', text: 'Koppeling enkel in de beveiligde omgeving.', category: 'linking', owner: 'requester' }]
    });
  });

  it('keeps the dialog open with the domain refusal when the command is refused', async () => {
    const actions = renderTab(actors.chief, fakeActions({ decide: jest.fn(async (): Promise<ActionResult> => ({ ok: false, messages: ['Het dossier is niet in de juiste status.'] })) }));
    fireEvent.click(within(card('VSA-2026-0001')).getByRole('button', { name: 'Weigeren' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'Geen rechtsgrond.' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    expect(actions.decide).toHaveBeenCalledWith('VSA-2026-0001', { kind: 'reject', motivation: 'Geen rechtsgrond.' });
    expect(await within(screen.getByRole('alertdialog')).findByText('Het dossier is niet in de juiste status.')).toBeTruthy();
    expect(actions.reload).not.toHaveBeenCalled();
  });

  it('asks the DPO team a question', async () => {
    const actions = renderTab();
    fireEvent.click(within(card('VSA-2026-0001')).getByRole('button', { name: 'Bijkomende informatie vragen' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Vraag aan het DPO-team/ }), { target: { value: 'Waarom 40 variabelen?' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    });
    expect(actions.decide).toHaveBeenCalledWith('VSA-2026-0001', { kind: 'requestMoreInformation', question: 'Waarom 40 variabelen?' });
  });

  it('countersigns after showing the number the protocol will get', async () => {
    const actions = renderTab();
    fireEvent.click(within(card('VSA-2026-0002')).getByRole('button', { name: 'Ondertekenen' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(await within(dialog).findByText('Het document krijgt naar verwachting nummer PROT-2026-0007; het definitieve nummer volgt bij het ondertekenen.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Ondertekenen' }));
    });
    expect(actions.previewNumber).toHaveBeenCalledWith('VSA-2026-0002');
    expect(actions.countersign).toHaveBeenCalledWith('VSA-2026-0002', [{ fileName: 'protocol medeondertekend.pdf', kind: 'protocol' }]);
  });

  it('shows a failed number preview through the host\'s describeFailure, not the raw error', async () => {
    const failure = new Error('technical English');
    const actions = fakeActions({ previewNumber: jest.fn(async () => { throw failure; }), describeFailure: jest.fn(() => 'U hebt hiervoor geen toegang.') });
    renderTab(actors.chief, actions);
    fireEvent.click(within(card('VSA-2026-0002')).getByRole('button', { name: 'Ondertekenen' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(await within(dialog).findByText('Er ging iets mis: U hebt hiervoor geen toegang.')).toBeTruthy();
    expect(actions.describeFailure).toHaveBeenCalledWith(failure);
    expect(within(dialog).queryByText(/technical English/)).toBeNull();
  });

  it('gives a DPO-team member no decision or countersign buttons, and says why', async () => {
    renderTab(actors.team);
    expect(screen.queryByRole('button', { name: 'Goedkeuren' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Weigeren' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ondertekenen' })).toBeNull();
    expect(await screen.findByText(/U bent geen lid van VSA Hoofdstatisticus/)).toBeTruthy();
  });

  it('shows the history with the summary line', () => {
    render(
      <ApprovalsTab strings={nl} lang="nl" queue={queueFor(actors.chief)} history={buildDecisionHistory([], now)} isChiefStatistician actions={fakeActions()} />
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Geschiedenis' }));
    expect(screen.getByText('Geen beslissingen in de voorbije 12 maanden.')).toBeTruthy();
  });
});
