/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { decide, type Command, type Dossier } from '../../src/domain';
import { AdviceDialog } from '../../src/ui/dialogs/AdviceDialog';
import type { adviceCommand } from '../../src/ui/dialogs/adviceForm';
import type { CommandOutcome } from '../../src/ui/shared/outcome';
import { actors, dossierIn } from '../webparts/approvals/support/dossiers';
import { describeFailure, nl } from './support/strings';

setIconOptions({ disableWarnings: true });
const now = '2026-11-25T12:00:00.000Z';
type Payload = ReturnType<typeof adviceCommand>;

const dossier: Dossier = {
  ...dossierIn('deliberation', 'VSA-2026-0001', now, 2),
  requestedData: { surveys: ['SV-bevraging 2023-1'], variablesCount: 2, variables: [{ name: 'leeftijd', justification: 'x' }, { name: 'postcode', justification: 'y' }] }
};

/** The real guard answers: what the command service would return for this payload. */
const domainAnswer = jest.fn(async (payload: Payload): Promise<CommandOutcome> => {
  const result = decide(dossier, { ...payload, commandId: 'c1' } as Command, actors.dpo, now);
  return result.ok ? { ok: true } : { ok: false, kind: 'refused', errors: result.errors };
});

function renderDialog(onSubmit = domainAnswer, onDismiss = jest.fn()): HTMLElement {
  render(<AdviceDialog dossier={dossier} onSubmit={onSubmit} onDismiss={onDismiss} describeFailure={describeFailure} lang="nl" strings={nl} />);
  return screen.getByRole('alertdialog');
}

const block = (dialog: HTMLElement, label: string): HTMLElement => within(dialog).getByRole('region', { name: label });
const criteria = ['Rechtsgrond', 'Doelbinding', 'Noodzakelijkheid en minimale gegevensverwerking', 'Beveiligingsmaatregelen', 'Bewaartermijn', 'Doorgifte buiten de EER', 'Koppeling', 'Publicatie van de resultaten'];

function assessAll(dialog: HTMLElement): void {
  for (const label of criteria) {
    const region = block(dialog, label);
    fireEvent.click(within(region).getByRole('radio', { name: 'Toereikend' }));
    fireEvent.change(within(region).getByRole('textbox', { name: 'Motivering' }), { target: { value: `${label} in orde.` } });
  }
  fireEvent.change(within(block(dialog, 'Rechtsgrond')).getByRole('textbox', { name: /Artikel en tekst van de rechtsgrond/ }), { target: { value: 'art. 6.1.e AVG' } });
  const necessity = block(dialog, 'Noodzakelijkheid en minimale gegevensverwerking');
  for (const name of ['leeftijd', 'postcode']) fireEvent.click(within(within(necessity).getByRole('radiogroup', { name })).getByRole('radio', { name: 'Nodig' }));
}

async function submit(dialog: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
  });
}

describe('AdviceDialog', () => {
  beforeEach(() => domainAnswer.mockClear());

  it('has one block per criterion in order, with its Dutch label and one line of help', () => {
    const dialog = renderDialog();
    expect(within(dialog).getByText('Advies geven')).toBeTruthy();
    const headings = within(dialog).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);
    expect(headings).toEqual([...criteria, 'Algemeen advies']);
    expect(within(block(dialog, 'Doelbinding')).getByText('Is het doel verenigbaar met de taak van de instelling?')).toBeTruthy();
    const necessity = block(dialog, 'Noodzakelijkheid en minimale gegevensverwerking');
    expect(within(necessity).getAllByRole('radiogroup').map((group) => group.getAttribute('aria-labelledby') && within(group).getAllByRole('radio').length)).toEqual([4, 3, 3]);
  });

  it('shows the refusals of the domain next to the fields they are about and stays open', async () => {
    const onDismiss = jest.fn();
    const dialog = renderDialog(domainAnswer, onDismiss);
    await submit(dialog);
    expect(domainAnswer).toHaveBeenCalledTimes(1);
    expect(await within(dialog).findByText(/Het advies is niet opgeslagen. De redenen staan bij de velden./)).toBeTruthy();
    expect(within(block(dialog, 'Beveiligingsmaatregelen')).getByText('Het criterium "Beveiligingsmaatregelen" is onvolledig beoordeeld (beoordeling).')).toBeTruthy();
    expect(within(block(dialog, 'Algemeen advies')).getByText('Kies gunstig, gunstig onder voorwaarden of ongunstig advies.')).toBeTruthy();
    expect(await within(block(dialog, 'Algemeen advies')).findByText('De tekst van het advies ontbreekt.')).toBeTruthy();
    expect(await within(block(dialog, 'Rechtsgrond')).findByText(/rechtsgrond ontbreekt/i)).toBeTruthy();
    expect(onDismiss).not.toHaveBeenCalled();
  });

  it('asks for the condition of a variable needed with condition, hints at the outcome, and sends the structured advice', async () => {
    const onDismiss = jest.fn();
    const dialog = renderDialog(domainAnswer, onDismiss);
    assessAll(dialog);
    const necessity = block(dialog, 'Noodzakelijkheid en minimale gegevensverwerking');
    fireEvent.click(within(within(necessity).getByRole('radiogroup', { name: 'postcode' })).getByRole('radio', { name: 'Nodig onder voorwaarde' }));
    const overall = block(dialog, 'Algemeen advies');
    fireEvent.click(within(overall).getByRole('radio', { name: 'Gunstig onder voorwaarden' }));
    fireEvent.change(within(overall).getByRole('textbox', { name: /Tekst van het advies/ }), { target: { value: 'Gunstig onder voorwaarden.' } });
    await submit(dialog);
    expect(await within(necessity).findByText(/onvolledig beoordeeld \(voorwaarde voor postcode\)/)).toBeTruthy();

    fireEvent.change(within(necessity).getByRole('textbox', { name: /Voorwaarde voor postcode/ }), { target: { value: 'Enkel op gemeenteniveau.' } });
    const retention = block(dialog, 'Bewaartermijn');
    fireEvent.click(within(retention).getByRole('radio', { name: 'Toereikend onder voorwaarde' }));
    fireEvent.change(within(retention).getByRole('textbox', { name: 'Aanbevolen voorwaarde' }), { target: { value: 'Vernietigen na 5 jaar.' } });
    await submit(dialog);
    await waitFor(() => expect(onDismiss).toHaveBeenCalled());
    const payload = domainAnswer.mock.calls[domainAnswer.mock.calls.length - 1][0];
    expect(payload).toMatchObject({ type: 'giveAdvice', outcome: 'favourableWithConditions', legalBasis: 'art. 6.1.e AVG', text: 'Gunstig onder voorwaarden.' });
    expect(payload.criteria.map((criterion) => criterion.id)).toEqual(['legalBasis', 'purposeLimitation', 'necessity', 'security', 'retention', 'transferOutsideEea', 'linking', 'publication']);
    expect(payload.criteria.find((criterion) => criterion.id === 'retention')).toEqual({
      id: 'retention', assessment: 'adequateWithCondition', text: 'Bewaartermijn in orde.', recommendedCondition: { text: 'Vernietigen na 5 jaar.', category: 'retention' }
    });
    expect(payload.criteria.find((criterion) => criterion.id === 'necessity')?.variables).toEqual([
      { name: 'leeftijd', necessity: 'needed' },
      { name: 'postcode', necessity: 'neededWithCondition', condition: { text: 'Enkel op gemeenteniveau.', category: 'variables' } }
    ]);
  });

  it('hints at the outcome the assessments point to, without choosing it', () => {
    const dialog = renderDialog();
    fireEvent.click(within(block(dialog, 'Koppeling')).getByRole('radio', { name: 'Ontoereikend' }));
    expect(within(block(dialog, 'Algemeen advies')).getByText('De beoordelingen wijzen op: Ongunstig.')).toBeTruthy();
    expect((within(block(dialog, 'Algemeen advies')).getByRole('radio', { name: 'Ongunstig' }) as HTMLInputElement).checked).toBe(false);
  });

  it('shows an unexpected failure through the host\'s describeFailure', async () => {
    const dialog = renderDialog(jest.fn().mockRejectedValue(new Error('Failed to fetch')));
    await submit(dialog);
    expect(await within(dialog).findByText('Er ging iets mis: Fout in de test: Failed to fetch')).toBeTruthy();
  });
});
