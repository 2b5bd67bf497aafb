/** @jest-environment jsdom */
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { ApprovalsTab } from '../../../src/ui/approvals/ApprovalsTab';
import type { ActionResult, ApprovalsActions, CountersignedChoice } from '../../../src/ui/approvals/ApprovalsTab.types';
import { buildApprovalsQueue } from '../../../src/ui/approvals/approvalsQueue';
import { buildDecisionHistory } from '../../../src/ui/approvals/decisionHistory';
import type { Dossier } from '../../../src/domain';
import { SignatureList } from '../../../src/ui/signatures/SignatureList';
import { countersignedReport, report, signature } from '../../support/countersignatureReports';
import { actors, dossierIn } from './support/dossiers';
import { loadLocStrings } from './support/strings';

setIconOptions({ disableWarnings: true });

const now = '2026-11-25T12:00:00.000Z';
const nl = loadLocStrings('nl-nl');
const en = loadLocStrings('en-us');

function actionsWith(upload: CountersignedChoice): jest.Mocked<ApprovalsActions> {
  return {
    decide: jest.fn(),
    previewNumber: jest.fn(async () => 'PROT-2026-0007'),
    uploadCountersigned: jest.fn(async () => upload),
    countersign: jest.fn(async (): Promise<ActionResult> => ({ ok: true, message: 'Ondertekend.' })),
    reload: jest.fn(),
    describeFailure: jest.fn((error: unknown) => `vertaald: ${String(error)}`)
  } as unknown as jest.Mocked<ApprovalsActions>;
}

function renderTab(actions: ApprovalsActions, dossier: Dossier = dossierIn('awaitingCountersignature', 'VSA-2026-0002', now, 2), lang: 'nl' | 'en' = 'nl'): void {
  render(
    <ApprovalsTab
      strings={lang === 'nl' ? nl : en}
      lang={lang}
      queue={buildApprovalsQueue([{ dossier }], actors.chief, now)}
      history={buildDecisionHistory([], now)}
      isChiefStatistician
      actions={actions}
    />
  );
}

async function openDialog(name = 'Ondertekenen'): Promise<HTMLElement> {
  fireEvent.click(within(screen.getByRole('article', { name: /VSA-2026-0002/ })).getByRole('button', { name }));
  const dialog = await screen.findByRole('alertdialog');
  await within(dialog).findByText(/PROT-2026-0007/);
  return dialog;
}

describe('the countersignature dialog: the countersigned original', () => {
  const uploaded: CountersignedChoice = { fileName: 'protocol medeondertekend.pdf', kind: 'protocol', signatures: countersignedReport('protocol medeondertekend.pdf', 'Rita Rector', 'Els Vermeulen') };

  it('does not countersign without a countersigned original, and says what to do', async () => {
    const actions = actionsWith(uploaded);
    renderTab(actions);
    const dialog = await openDialog();
    expect(within(dialog).getByText('Er staat nog geen medeondertekend origineel in het dossier.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Ondertekenen' }));
    });
    expect(await within(screen.getByRole('alertdialog')).findByText('Kies of laad eerst het medeondertekende origineel op.')).toBeTruthy();
    expect(actions.countersign).not.toHaveBeenCalled();
  });

  it('uploads the original, shows the requester\'s signature and the VSA signature from the service\'s report, then countersigns with it', async () => {
    const actions = actionsWith(uploaded);
    renderTab(actions);
    const dialog = await openDialog();
    const file = new File([new Uint8Array([37, 80, 68, 70])], 'protocol medeondertekend.pdf', { type: 'application/pdf' });
    await act(async () => {
      fireEvent.change(within(dialog).getByLabelText('Medeondertekend origineel opladen'), { target: { files: [file] } });
    });
    await within(dialog).findByRole('radio', { name: 'protocol medeondertekend.pdf' });
    expect(actions.uploadCountersigned).toHaveBeenCalledWith('VSA-2026-0002', expect.objectContaining({ name: 'protocol medeondertekend.pdf' }));
    const requester = within(dialog).getByRole('list', { name: 'Handtekeningen van de aanvrager' });
    expect(within(requester).getByText('Rita Rector')).toBeTruthy();
    const vsa = within(dialog).getByRole('list', { name: 'Handtekening van de VSA' });
    expect(within(vsa).getByText('Els Vermeulen')).toBeTruthy();
    expect(within(vsa).getAllByText('geldig').length).toBe(1);
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Ondertekenen' }));
    });
    expect(actions.countersign).toHaveBeenCalledWith('VSA-2026-0002', [uploaded]);
  });

  it('shows the domain\'s refusal (a document without the VSA signature) and stays open', async () => {
    const requesterOnly: CountersignedChoice = { fileName: 'protocol-getekend.pdf', signatures: report('protocol-getekend.pdf', [signature(0, 'Rita Rector')]) };
    const actions = actionsWith(requesterOnly);
    actions.countersign.mockResolvedValue({ ok: false, messages: ['"protocol-getekend.pdf" bevat geen handtekening van een ondertekenaar van de VSA (Els Vermeulen).'] });
    renderTab(actions);
    const dialog = await openDialog();
    await act(async () => {
      fireEvent.change(within(dialog).getByLabelText('Medeondertekend origineel opladen'), { target: { files: [new File(['x'], 'protocol-getekend.pdf')] } });
    });
    await within(dialog).findByRole('radio', { name: 'protocol-getekend.pdf' });
    // Only one signature: it is shown as the last one; nothing sits before it.
    expect(within(within(dialog).getByRole('list', { name: 'Handtekening van de VSA' })).getByText('Rita Rector')).toBeTruthy();
    expect(within(dialog).getByLabelText('Handtekeningen van de aanvrager').textContent).toBe('Geen elektronische handtekening gevonden.');
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Ondertekenen' }));
    });
    await waitFor(() => expect(screen.getByRole('alertdialog').textContent).toContain('"protocol-getekend.pdf" bevat geen handtekening van een ondertekenaar van de VSA (Els Vermeulen).'));
    expect(screen.getByRole('alertdialog')).toBeTruthy();
  });

  it('shows a failed upload in the user\'s words', async () => {
    const actions = actionsWith(uploaded);
    actions.uploadCountersigned.mockRejectedValue(new Error('technical'));
    renderTab(actions);
    const dialog = await openDialog();
    await act(async () => {
      fireEvent.change(within(dialog).getByLabelText('Medeondertekend origineel opladen'), { target: { files: [new File(['x'], 'p.pdf')] } });
    });
    expect(await within(dialog).findByText('Er ging iets mis: vertaald: Error: technical')).toBeTruthy();
    expect(actions.countersign).not.toHaveBeenCalled();
  });

  it('speaks of the addendum for a simplified dossier, in English too', async () => {
    const simplified = { ...dossierIn('awaitingCountersignature', 'VSA-2026-0002', now, 2), procedure: 'simplified' as const };
    renderTab(actionsWith(uploaded), simplified, 'en');
    const dialog = await openDialog('Countersign');
    expect(within(dialog).getByText(/^The signed addendum with your electronic signature added/)).toBeTruthy();
  });
});

describe('the queue card awaiting countersignature', () => {
  it('shows the requester\'s signatures of the signed protocol as the service verified them', () => {
    const base = dossierIn('awaitingCountersignature', 'VSA-2026-0002', now, 2);
    const withReport: Dossier = {
      ...base,
      documents: base.documents.map((document) => document.kind === 'protocol' && document.phase === 'signed'
        ? { ...document, signatures: report(document.fileName, [signature(0, 'Rita Rector', { signer: { ...signature(0, 'Rita Rector').signer!, qualified: { qcCompliance: false, qscd: false, esign: true, policies: [], qualified: false } }, problems: [{ code: 'notQualified', severity: 'warning' }] })]) }
        : document)
    };
    renderTab(actionsWith({ fileName: 'x.pdf' }), withReport);
    const card = screen.getByRole('article', { name: /VSA-2026-0002/ });
    const list = within(card).getByRole('list', { name: /^Handtekeningen van de aanvrager: / });
    expect(within(list).getByText('Rita Rector')).toBeTruthy();
    expect(list.textContent).toContain('niet gekwalificeerd');
    expect(list.textContent).toContain('Geen gekwalificeerde handtekening: Het certificaat is geen gekwalificeerd certificaat op een veilig middel (zoals de eID).');
  });

  it('shows nothing of signatures when the signed documents carry no report', () => {
    renderTab(actionsWith({ fileName: 'x.pdf' }));
    expect(within(screen.getByRole('article', { name: /VSA-2026-0002/ })).queryByRole('list', { name: /Handtekeningen van de aanvrager/ })).toBeNull();
  });
});

describe('SignatureList', () => {
  it('renders name, qualified, time and status of each signature, and every problem in plain words', () => {
    const invalid = signature(0, 'Rita Rector', { status: 'invalid', modifiedAfterSigning: true, problems: [{ code: 'modifiedAfterSigning', severity: 'blocking', params: { revision: 3, change: 'pageContent' } }] });
    render(<SignatureList signatures={[invalid, signature(1, 'Els Vermeulen')]} lang="nl" label="Handtekeningen" />);
    const items = within(screen.getByRole('list', { name: 'Handtekeningen' })).getAllByRole('listitem');
    expect(items[0].getAttribute('data-status')).toBe('invalid');
    expect(items[0].textContent).toContain('ongeldig');
    expect(items[0].textContent).toContain('Gewijzigd na ondertekening: Na deze handtekening werd de inhoud van het document gewijzigd (tekst, formuliervelden of aantekeningen in versie 3).');
    expect(items[0].textContent).toContain('gekwalificeerd · ondertekend op 20/11/2026');
    expect(items.find((item) => item.getAttribute('data-status') === 'valid')?.textContent).toContain('Els Vermeulen');
  });

  it('says so when there is no signature, in English too', () => {
    render(<SignatureList signatures={[]} lang="en" label="Signatures" />);
    expect(screen.getByLabelText('Signatures').textContent).toBe('No electronic signature found.');
  });
});
