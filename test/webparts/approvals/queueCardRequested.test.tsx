/** @jest-environment jsdom */
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { QueueCard } from '../../../src/ui/approvals/QueueCard';
import { buildApprovalsQueue } from '../../../src/ui/approvals/approvalsQueue';
import type { Dossier } from '../../../src/domain';
import { actors, dossierIn } from './support/dossiers';
import { loadLocStrings } from './support/strings';

setIconOptions({ disableWarnings: true });

const now = '2026-11-25T12:00:00.000Z';

function renderCard(dossier: Dossier, locale: 'nl-nl' | 'en-us' = 'nl-nl'): HTMLElement {
  const [item] = buildApprovalsQueue([{ dossier }], actors.chief, now).sections.awaitingDecision;
  render(<QueueCard item={item} strings={loadLocStrings(locale)} lang={locale === 'nl-nl' ? 'nl' : 'en'} onDecision={jest.fn()} onCountersign={jest.fn()} />);
  return screen.getByRole('article', { name: new RegExp(dossier.reference) });
}

describe('QueueCard: what is requested', () => {
  it('shows the surveys compactly, the variable count and the research type of the forms', () => {
    const base = dossierIn('awaitingDecision', 'VSA-2026-0001', now, 5);
    const card = renderCard({
      ...base,
      requestedData: { surveys: ['SV-bevraging 2023-1', 'SV-bevraging 2023-2', 'COVID-19-bevraging golf 3'], variablesCount: 14, researchType: 'beleidsvoorbereidend' }
    });
    expect(card.textContent).toContain('Bevraging: SV-bevraging 2023-1, 2023-2; COVID-19-bevraging golf 3');
    expect(card.textContent).toContain('14 variabelen');
    expect(card.textContent).toContain('Onderzoekstype: Beleidsvoorbereidend onderzoek');
  });

  it('in English, and says so when the forms were not read yet (no requested data)', () => {
    const base = dossierIn('awaitingDecision', 'VSA-2026-0002', now, 5);
    const english = renderCard({ ...base, requestedData: { surveys: ['SCV-survey 2010', 'SCV-survey 2011', 'SCV-survey 2012', 'SCV-survey 2013', 'SCV-survey 2014'], variablesCount: 3 } }, 'en-us');
    expect(english.textContent).toContain('Survey: SCV-survey 2010–2014 (5 waves) · 3 variables');
    const unknown = renderCard({ ...dossierIn('awaitingDecision', 'VSA-2026-0003', now, 5), requestedData: undefined });
    expect(unknown.textContent).toContain('Gevraagde gegevens: Nog niet uit de formulieren gelezen');
  });
});
