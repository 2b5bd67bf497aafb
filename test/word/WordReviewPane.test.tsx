/** @jest-environment jsdom */
import './support/jsdomTextCodec';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { DataError } from '../../src/data/errors';
import { checkForm } from '../../src/forms';
import type { DossierReviewPort } from '../../src/app/wordReview/dossierReviewPort';
import { createOfficeFormSource } from '../../src/word/office/officeFormSource';
import { createWordGateway } from '../../src/word/office/wordGateway';
import { WORD_PANE_STRINGS_EN, WORD_PANE_STRINGS_NL } from '../../src/word/taskpane/strings';
import { WordReviewPane } from '../../src/word/taskpane/WordReviewPane';
import { FakeWord } from './fakes/fakeWord';
import { catalogDocument } from './fakes/documents';
import { InMemoryDossiers } from './fakes/dossiers';

// Icons are registered by the composition root (initializeIcons), not in component tests.
setIconOptions({ disableWarnings: true });

const FILLED = { 'aanvrager.instelling': 'Universiteit Gent', 'project.titel': 'Wonen in Vlaanderen', 'contact.email': 'niet-een-adres' };


function renderPane(word: FakeWord, options: { dossiers?: DossierReviewPort; language?: 'nl' | 'en' } = {}) {
  const source = createOfficeFormSource(createWordGateway(word.host()));
  const language = options.language ?? 'nl';
  render(
    <WordReviewPane
      source={source}
      check={checkForm}
      dossiers={options.dossiers}
      today={() => '2026-11-25'}
      now={() => '2026-11-25T10:00:00Z'}
      language={language}
      strings={language === 'nl' ? WORD_PANE_STRINGS_NL : WORD_PANE_STRINGS_EN}
    />
  );
}

describe('WordReviewPane', () => {
  it('shows the findings grouped by severity; clicking one selects its field in the document', async () => {
    const word = new FakeWord(catalogDocument('aanvraagformulier', FILLED));
    renderPane(word);
    const blocking = await screen.findByRole('region', { name: /^Blokkerend \(\d+\)$/ });
    expect(within(blocking).getAllByRole('listitem').length).toBeGreaterThan(5);
    expect(screen.getByRole('heading', { name: /^Blokkerend \(\d+\)$/ })).toBeTruthy();
    expect(screen.getByText('Aanvraagformulier', { exact: false })).toBeTruthy();
    const emailFinding = within(blocking).getByRole('button', { name: /is geen geldig e-mailadres/ });
    fireEvent.click(emailFinding);
    const emailControl = word.document.controls.find((c) => c.tag === 'contact.email')!;
    await waitFor(() => expect(word.selection).toBe(`control:${emailControl.id}`));
  });

  it('inserts the (edited) comments once; a second click adds none', async () => {
    const word = new FakeWord(catalogDocument('aanvraagformulier', FILLED));
    renderPane(word);
    const editors = await screen.findAllByLabelText('Tekst van de opmerking');
    fireEvent.change(editors[0], { target: { value: 'Vul de doeleinden aan.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opmerkingen invoegen' }));
    const inserted = await screen.findByText(/opmerkingen ingevoegd\.$/);
    const count = Number(/^(\d+)/.exec(inserted.textContent ?? '')![1]);
    expect(count).toBe(editors.length);
    // The requester reads only the reviewer's text: no technical marker.
    expect(word.document.comments[0].content).toBe('Vul de doeleinden aan.');
    expect(word.document.comments.every((c) => !c.content.includes('[VSA'))).toBe(true);
    expect(screen.queryAllByLabelText('Tekst van de opmerking')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Opmerkingen invoegen' }));
    await screen.findByText(`0 opmerkingen ingevoegd, ${count} al aanwezig.`);
    expect(word.document.comments).toHaveLength(count);
  });

  it('adds a free comment on the selection and removes the add-in comments', async () => {
    const word = new FakeWord(catalogDocument('aanvraagformulier', FILLED));
    word.document.comments.push({ id: 'x', content: 'van iemand anders', resolved: false, anchor: 'paragraph:0' });
    renderPane(word);
    fireEvent.change(await screen.findByLabelText('Eigen opmerking bij de selectie'), { target: { value: 'Klopt dit?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opmerking toevoegen' }));
    await screen.findByText('Opmerking toegevoegd.');
    expect(word.document.comments.map((c) => c.content)).toEqual(['van iemand anders', 'Klopt dit?']);
    fireEvent.click(screen.getByRole('button', { name: 'Opmerkingen van de add-in verwijderen' }));
    await screen.findByText('1 opmerking verwijderd.');
    expect(word.document.comments.map((c) => c.content)).toEqual(['van iemand anders']);
  });

  it('without WordApi 1.4 says so and still lists the findings', async () => {
    const word = new FakeWord(catalogDocument('aanvraagformulier', FILLED), { supported: { WordApi: '1.3' } });
    renderPane(word);
    await screen.findByText(/WordApi 1\.4 ontbreekt/);
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(5);
    expect(screen.queryByRole('button', { name: 'Opmerkingen invoegen' })).toBeNull();
    expect(screen.queryAllByLabelText('Tekst van de opmerking')).toHaveLength(0);
  });

  it("shows the linked dossier's state; linking without comments records nothing", async () => {
    const doc = catalogDocument('aanvraagformulier', FILLED);
    doc.customProperties.VsaDossierReference = 'VSA-2026-007';
    const word = new FakeWord({ ...doc, url: 'https://x/aanvraag.docx' });
    const dossiers = new InMemoryDossiers();
    renderPane(word, { dossiers });
    await screen.findByText('Status: In beoordeling');
    fireEvent.click(screen.getByRole('button', { name: 'Koppelen aan dossier' }));
    await screen.findByText(/^Vastgelegd in het dossier: 0 nieuwe bevinding/);
    expect(dossiers.recordedFindings).toEqual([]);
    expect(dossiers.recorded).toEqual([]);
  });

  it('explains a missing or unknown dossier, in English when asked', async () => {
    const doc = catalogDocument('aanvraagformulier', FILLED);
    doc.customProperties.VsaDossierReference = 'VSA-1999-999';
    renderPane(new FakeWord(doc), { dossiers: new InMemoryDossiers(), language: 'en' });
    await screen.findByText('Dossier VSA-1999-999 was not found or you have no access to it.');
    expect(screen.getByRole('button', { name: 'Insert comments' })).toBeTruthy();
  });

  it('says why the dossier or the link failed in the pane\'s language, not in the adapter\'s English', async () => {
    const doc = catalogDocument('aanvraagformulier', FILLED);
    doc.customProperties.VsaDossierReference = 'VSA-2026-007';
    const unreachable: DossierReviewPort = new InMemoryDossiers();
    unreachable.findDossier = async () => { throw new DataError('data.error.accessDenied', 'load dossier VSA-2026-007: access denied (403).', 403); };
    renderPane(new FakeWord(doc), { dossiers: unreachable });
    await screen.findByText('Het dossier kon niet opgehaald worden: U hebt hiervoor geen toegang.');
    expect(screen.queryByText(/access denied/)).toBeNull();
  });

  it('shows a failed link to the dossier through formatFailure', async () => {
    const doc = catalogDocument('aanvraagformulier', FILLED);
    doc.customProperties.VsaDossierReference = 'VSA-2026-007';
    const dossiers = new InMemoryDossiers();
    dossiers.recordFindings = async () => { throw new DataError('data.error.conflict', 'record review: the item was changed by someone else (412).', 412); };
    renderPane(new FakeWord({ ...doc, url: 'https://x/aanvraag.docx' }), { dossiers, language: 'en' });
    fireEvent.change(await screen.findByLabelText('Own comment on the selection'), { target: { value: 'Is this right?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add comment' }));
    await screen.findByText('Comment added.');
    fireEvent.click(await screen.findByRole('button', { name: 'Link to dossier' }));
    await screen.findByText('That did not work: Someone else changed this in the meantime. Reload and try again.');
  });

  it('shows a load failure with a retry', async () => {
    const word = new FakeWord({ ...catalogDocument('aanvraagformulier', FILLED), controls: [], bodyOoxml: '<not-a-package/>' });
    renderPane(word);
    await screen.findByText(/could not be read/);
    expect(screen.getByRole('button', { name: 'Opnieuw proberen' })).toBeTruthy();
  });
});
