/** @jest-environment jsdom */
import '../../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CHECK_MESSAGES } from '../../../src/forms/checks/messages';
import { ReviewFindingsSection, type ReviewFindingsSectionProps } from '../../../src/ui/review/ReviewFindingsSection';
import { en, nl } from '../support/strings';
import { finding, reviewDossier } from './support';

function renderSection(overrides: Partial<ReviewFindingsSectionProps> = {}): ReviewFindingsSectionProps {
  const props: ReviewFindingsSectionProps = {
    dossier: reviewDossier(), canChangeStatus: true, canRecord: true,
    onChangeStatus: jest.fn().mockResolvedValue({ ok: true }), onRecord: jest.fn().mockResolvedValue({ ok: true }),
    lang: 'nl', strings: nl, ...overrides
  };
  render(<ReviewFindingsSection {...props} />);
  return props;
}

const item = (id: string): HTMLElement => {
  const found = document.querySelector(`section[aria-label="Alle bevindingen per document en veld"] li[data-finding-id="${id}"]`);
  if (!found) throw new Error(`no finding ${id}`);
  return found as HTMLElement;
};

describe('ReviewFindingsSection', () => {
  it('shows the reviewers\' progress in Dutch and English', () => {
    renderSection();
    expect(screen.getByTestId('finding-progress').textContent).toBe('3 van 7 opmerkingen verwerkt (2 aangepast, te bevestigen)');
  });

  it('says "3 of 7 remarks handled" in English', () => {
    renderSection({ lang: 'en', strings: en });
    expect(screen.getByTestId('finding-progress').textContent).toContain('3 of 7 remarks handled');
  });

  it('lists as "Niet verwerkt" exactly the open findings the current version left as they were', () => {
    renderSection();
    const section = screen.getByRole('region', { name: 'Niet verwerkt' });
    const ids = [...section.querySelectorAll('li')].map((li) => li.getAttribute('data-finding-id'));
    expect(ids).toEqual(['r4', 'r5', 'check:aanvraagformulier:required:project.einddatum']);
  });

  it('groups by document and field with the catalog\'s labels, origin, audience, severity, status and versions', () => {
    renderSection();
    const application = screen.getByRole('region', { name: 'Aanvraagformulier' });
    expect(within(application).getByText('Titel van het onderzoeksproject')).toBeTruthy();
    expect(within(application).getByText('Heel het document')).toBeTruthy();
    const internal = item('r5');
    expect(internal.textContent).toContain('Opmerking van An Peeters');
    expect(internal.textContent).toContain('intern');
    expect(internal.textContent).toContain('versie 1 tot 2');
    expect(item('r1').textContent).toContain('voor de aanvrager');
    expect(item('r1').textContent).toContain('Aangepast, te bevestigen');
    const check = item('check:aanvraagformulier:required:project.einddatum');
    expect(check.textContent).toContain('Automatische controle');
    expect(check.textContent).toContain('Blokkerend');
    expect(screen.getByRole('region', { name: 'Verklaring technische en organisatorische maatregelen' }).textContent).toContain('Opmerking r7');
  });

  it('renders an automatic finding in the reader\'s language from the message catalog, else its recorded text', () => {
    renderSection({ lang: 'en', strings: en, messages: CHECK_MESSAGES });
    expect(document.querySelector('li[data-finding-id^="check:"]')?.textContent).toContain('"Project end date" is not filled in.');
  });

  it('falls back to the recorded text without the catalog', () => {
    renderSection({ lang: 'en', strings: en });
    expect(document.querySelector('li[data-finding-id^="check:"]')?.textContent).toContain('"Einddatum project" is niet ingevuld.');
  });

  it('offers the moves the domain allows and sends them with the finding\'s revision', async () => {
    const props = renderSection();
    expect(within(item('r3')).queryByRole('button', { name: 'Bevestigen' })).toBeNull();
    expect(within(item('r3')).getByRole('button', { name: 'Heropenen' })).toBeTruthy();
    await act(async () => { fireEvent.click(within(item('r1')).getByRole('button', { name: 'Bevestigen' })); });
    expect(props.onChangeStatus).toHaveBeenCalledWith({ findingId: 'r1', status: 'resolved', expectedRevision: 2 });
  });

  it('asks a reason before waiving', async () => {
    const props = renderSection();
    fireEvent.click(within(item('r4')).getByRole('button', { name: 'Laten vallen' }));
    const submit = within(item('r4')).getAllByRole('button', { name: 'Laten vallen' }).find((button) => button.className.includes('ms-Button--primary'))!;
    expect(submit.hasAttribute('disabled') || submit.getAttribute('aria-disabled') === 'true').toBe(true);
    fireEvent.change(within(item('r4')).getByRole('textbox', { name: /Reden om te laten vallen/ }), { target: { value: 'Niet relevant voor dit project' } });
    await act(async () => { fireEvent.click(submit); });
    expect(props.onChangeStatus).toHaveBeenCalledWith({ findingId: 'r4', status: 'waived', reason: 'Niet relevant voor dit project', expectedRevision: 1 });
  });

  it('shows a concurrent change clearly', async () => {
    renderSection({
      onChangeStatus: jest.fn().mockResolvedValue({
        ok: false, kind: 'refused',
        errors: [{ code: 'dossier.error.findingChanged', params: { findingId: 'r1', name: 'Jeroen Maes', status: 'resolved' } }]
      })
    });
    await act(async () => { fireEvent.click(within(item('r1')).getByRole('button', { name: 'Bevestigen' })); });
    await waitFor(() => expect(item('r1').textContent).toContain('Deze bevinding werd intussen door iemand anders gewijzigd'));
    expect(item('r1').textContent).toContain('Jeroen Maes');
  });

  it('offers no moves and no form to a user who may not change findings', () => {
    renderSection({ canChangeStatus: false, canRecord: false });
    expect(within(item('r1')).queryByRole('button')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Opmerking toevoegen' })).toBeNull();
  });

  it('records a remark on a field of the chosen form, or on a text anchor, with audience and severity', async () => {
    const props = renderSection();
    const form = screen.getByRole('region', { name: 'Opmerking toevoegen' });
    fireEvent.change(within(form).getByLabelText('Veld'), { target: { value: 'project.doeleinden' } });
    fireEvent.change(within(form).getByLabelText('Ernst'), { target: { value: 'blocking' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /Opmerking/ }), { target: { value: 'Maak de doeleinden concreet.' } });
    fireEvent.click(within(form).getByRole('radio', { name: 'intern' }));
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: 'Opmerking bewaren' })); });
    expect(props.onRecord).toHaveBeenCalledWith({ documentKind: 'aanvraagformulier', fieldId: 'project.doeleinden', text: 'Maak de doeleinden concreet.', audience: 'internal', severity: 'blocking' });
    expect(await within(form).findByText('De opmerking is bewaard.')).toBeTruthy();

    fireEvent.change(within(form).getByLabelText('Document'), { target: { value: 'verklaringTOM' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /Tekstanker/ }), { target: { value: 'versleuteld bewaard' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Opmerking/ }), { target: { value: 'Welke sleutel?' } });
    await act(async () => { fireEvent.click(within(form).getByRole('button', { name: 'Opmerking bewaren' })); });
    expect(props.onRecord).toHaveBeenLastCalledWith({ documentKind: 'verklaringTOM', textAnchor: 'versleuteld bewaard', text: 'Welke sleutel?', audience: 'internal', severity: 'blocking' });
  });

  it('says when the current version could not be read field by field', async () => {
    renderSection({ dossier: reviewDossier([finding('r1')], true) });
    expect(await within(screen.getByTestId('unreadable-version')).findByText(/De nieuwe versie kon niet veld per veld gelezen worden; alle bevindingen blijven open \(Aanvraagformulier, versie 2\)/)).toBeTruthy();
  });

  it('shows no unreadable notice for an older version', () => {
    const dossier = reviewDossier([finding('r1')], true);
    renderSection({ dossier: { ...dossier, unreadableVersions: [{ ...dossier.unreadableVersions[0], version: '1.0' }] } });
    expect(screen.queryByTestId('unreadable-version')).toBeNull();
  });
});
