/** @jest-environment jsdom */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import type { Dossier } from '../../../src/domain';
import type { DossierFinding } from '../../../src/domain/findings';
import { QueueCard } from '../../../src/ui/approvals/QueueCard';
import { buildApprovalsQueue, overridesOf, queueTitle } from '../../../src/ui/approvals/approvalsQueue';
import { adequateCriteria } from '../../support/adviceCriteria';
import { actors, dossierIn } from './support/dossiers';
import { loadLocStrings } from './support/strings';

setIconOptions({ disableWarnings: true });
const now = '2026-11-25T12:00:00.000Z';
const team = { id: actors.team.id, displayName: actors.team.displayName };

function finding(id: string, status: DossierFinding['status'], text: string, waivedReason?: string): DossierFinding {
  return {
    id, documentKind: 'aanvraagformulier', fieldId: 'variabelen', origin: 'reviewer', text, author: team, audience: 'requester', severity: 'blocking',
    firstSeenVersion: '1.0', lastSeenVersion: '2.0', status, waivedReason, createdAt: now, revision: 2,
    history: [{ status: 'open', at: now, by: team }, ...(status === 'waived' ? [{ status: 'waived' as const, at: now, by: team, reason: waivedReason }] : [])]
  };
}

const base = dossierIn('awaitingDecision', 'VSA-2026-0001', now, 5);
const structured: Dossier = {
  ...base,
  subject: 'RE: aanvraag microdata',
  project: { title: 'Vrijetijdsbesteding van jongeren', purposes: ['Beleid'] },
  checkOverride: { reason: 'Codeboek van 2023 ontbreekt nog bij de VSA.', by: team, at: now },
  findings: [
    finding('f1', 'waived', 'Motiveer de variabele postcode.', 'Postcode is nodig voor de regionale analyse.'),
    finding('f2', 'resolved', 'Bewaartermijn ontbreekt.')
  ],
  advice: {
    ...base.advice!,
    outcome: 'favourableWithConditions',
    criteria: adequateCriteria().map((criterion) =>
      criterion.id === 'publication'
        ? { ...criterion, assessment: 'adequateWithCondition' as const, recommendedCondition: { text: 'Geen cellen kleiner dan 5.', category: 'publication' as const } }
        : criterion.id === 'transferOutsideEea' ? { ...criterion, assessment: 'notApplicable' as const, text: '' } : criterion)
  }
};

function renderCard(dossier: Dossier, locale: 'nl-nl' | 'en-us' = 'nl-nl', onDecision = jest.fn()): HTMLElement {
  const [item] = buildApprovalsQueue([{ dossier }], actors.chief, now).sections.awaitingDecision;
  render(<QueueCard item={item} strings={loadLocStrings(locale)} lang={locale === 'nl-nl' ? 'nl' : 'en'} onDecision={onDecision} onCountersign={jest.fn()} />);
  return screen.getByRole('article', { name: new RegExp(dossier.reference) });
}

describe('Teams card: title, overrides and the advice at a glance', () => {
  it('is titled with the project title of the forms, falling back to the subject', () => {
    expect(queueTitle(structured)).toBe('Vrijetijdsbesteding van jongeren');
    expect(queueTitle({ ...structured, project: { title: '  ', purposes: [] } })).toBe('RE: aanvraag microdata');
    const card = renderCard(structured);
    expect(within(card).getByRole('heading', { level: 3 }).textContent).toBe('VSA-2026-0001 · Vrijetijdsbesteding van jongeren');
  });

  it('shows every override reason the DPO team recorded: the blocking checks and each waived finding', () => {
    expect(overridesOf(structured).map((override) => override.kind)).toEqual(['checks', 'finding']);
    const card = renderCard(structured);
    const overrides = within(card).getByRole('region', { name: 'Aanvaard door het DPO-team VSA-2026-0001' });
    expect(within(overrides).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Blokkerende controles aanvaard: Codeboek van 2023 ontbreekt nog bij de VSA. (An Team)',
      'Aanvraagformulier: "Motiveer de variabele postcode." aanvaard: Postcode is nodig voor de regionale analyse.'
    ]);
  });

  it('shows each criterion with its assessment and the recommended conditions, in Dutch and in English', () => {
    const card = renderCard(structured);
    expect(card.textContent).toContain('Gunstig onder voorwaarden — ');
    const criteria = within(card).getByRole('list', { name: 'Beoordeling per criterium VSA-2026-0001' });
    const lines = within(criteria).getAllByRole('listitem').map((item) => item.textContent);
    expect(lines).toHaveLength(8);
    expect(lines[0]).toBe('Rechtsgrond: Toereikend');
    expect(lines).toContain('Doorgifte buiten de EER: Niet van toepassing');
    expect(lines).toContain('Publicatie van de resultaten: Toereikend onder voorwaarde');
    const conditions = within(card).getByRole('list', { name: 'Aanbevolen voorwaarden VSA-2026-0001' });
    expect(conditions.textContent).toBe('Geen cellen kleiner dan 5. (Publicatie)');
  });

  it('in English', () => {
    const card = renderCard(structured, 'en-us');
    expect(within(card).getByRole('list', { name: 'Assessment per criterion VSA-2026-0001' }).textContent).toContain('Publication of results: Adequate with condition');
    expect(card.textContent).toContain('Blocking checks accepted: Codeboek van 2023 ontbreekt nog bij de VSA. (An Team)');
  });

  it('older advice without criteria shows outcome, legal basis and text only; no overrides, no lists', () => {
    const card = renderCard({ ...base, advice: { ...base.advice!, criteria: undefined } });
    expect(within(card).queryByRole('list', { name: /Beoordeling per criterium/ })).toBeNull();
    expect(within(card).queryByRole('region', { name: /Aanvaard door het DPO-team/ })).toBeNull();
    expect(card.textContent).toContain(`Gunstig — ${base.advice!.text}`);
    expect(card.textContent).toContain(base.advice!.legalBasis);
  });

  it('offers approval with conditions as its own button', () => {
    const onDecision = jest.fn();
    const card = renderCard(structured, 'nl-nl', onDecision);
    fireEvent.click(within(card).getByRole('button', { name: 'Goedkeuren onder voorwaarden' }));
    expect(onDecision).toHaveBeenCalledWith('VSA-2026-0001', 'approveWithConditions');
  });
});
