/** @jest-environment jsdom */
import './support/jsdomTextCodec';
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { checkForm, requestedDataOfForm } from '../../src/forms';
import type { CodebookStore } from '../../src/data/ports';
import { createOfficeFormSource } from '../../src/word/office/officeFormSource';
import { createWordGateway } from '../../src/word/office/wordGateway';
import { WORD_PANE_STRINGS_EN, WORD_PANE_STRINGS_NL } from '../../src/word/taskpane/strings';
import { WordReviewPane } from '../../src/word/taskpane/WordReviewPane';
import { FakeWord } from './fakes/fakeWord';
import { variablesDocument } from './fakes/documents';
import { CODEBOOKS } from './fakes/codebooks';

setIconOptions({ disableWarnings: true });

const FIELDS = { 'project.titel': 'Wonen in Vlaanderen', 'gegevens.bevragingen': 'SV-bevraging 2023-1; SV-bevraging 2023-2' };

function store(): CodebookStore & { load: jest.Mock } {
  return {
    list: jest.fn(),
    load: jest.fn(async (waves: readonly string[]) => CODEBOOKS.filter((codebook) => waves.includes(codebook.wave))),
    save: jest.fn()
  };
}

function renderPane(word: FakeWord, options: { codebooks?: CodebookStore; language?: 'nl' | 'en' } = {}) {
  const language = options.language ?? 'nl';
  render(
    <WordReviewPane
      source={createOfficeFormSource(createWordGateway(word.host()))}
      check={checkForm}
      requestedOf={requestedDataOfForm}
      codebooks={options.codebooks}
      today={() => '2026-11-25'}
      now={() => '2026-11-25T10:00:00Z'}
      language={language}
      strings={language === 'nl' ? WORD_PANE_STRINGS_NL : WORD_PANE_STRINGS_EN}
    />
  );
}

describe('Word pane with codebooks', () => {
  it('offers the suggestions of a codebook finding; a click replaces the name in that row and checks again', async () => {
    const word = new FakeWord(variablesDocument('aanvraagformulier', FIELDS, [['woonplaats', 'Regionale analyse.'], ['inkomen_huishoudn', 'Armoede meten.']]));
    const codebooks = store();
    renderPane(word, { codebooks });
    const finding = (await screen.findByRole('button', { name: /^De variabele "inkomen_huishoudn" \(rij 2\) staat niet in het codeboek/ })).closest('li')!;
    const buttons = within(within(finding).getByRole('group', { name: 'Voorstellen uit het codeboek' })).getAllByRole('button', { name: /^Vervang door / });
    expect(buttons[0].textContent).toBe('Vervang door inkomen_huishouden');
    fireEvent.click(buttons[0]);
    // Fluent's MessageBar renders its text a tick after the re-check's render.
    await screen.findByText('inkomen_huishouden ingevuld; het formulier is opnieuw gecontroleerd.', {}, { timeout: 5000 });
    expect(word.document.controls.filter((c) => c.tag === 'variabelen.naam').map((c) => c.text)).toEqual(['woonplaats', 'inkomen_huishouden']);
    await waitFor(() => expect(screen.queryByText(/staat niet in het codeboek/)).toBeNull());
    // The codebooks were loaded once for both checks.
    expect(codebooks.load).toHaveBeenCalledTimes(1);
    expect(codebooks.load).toHaveBeenCalledWith(['SV-bevraging 2023-1', 'SV-bevraging 2023-2']);
  });

  it('shows what the product will register: surveys and waves, variable count, the codebooks found', async () => {
    const word = new FakeWord(variablesDocument('aanvraagformulier', FIELDS, [['woonplaats', 'Regionale analyse.']]));
    renderPane(word, { codebooks: store() });
    const summary = await screen.findByRole('group', { name: 'Gevraagde gegevens' });
    expect(within(summary).getByText('SV-bevraging: 2023-1, 2023-2')).toBeTruthy();
    expect(within(summary).getByText('Aantal variabelen: 1')).toBeTruthy();
    expect(within(summary).getByText('Codeboeken: SV-bevraging 2023-1, SV-bevraging 2023-2')).toBeTruthy();
  });

  it('searches the codebooks of the requested waves and inserts a row with the name and an empty justification', async () => {
    const word = new FakeWord(variablesDocument('aanvraagformulier', FIELDS, [['woonplaats', 'Regionale analyse.']]));
    renderPane(word, { codebooks: store(), language: 'en' });
    const insert = await screen.findByRole('group', { name: 'Insert variable' });
    fireEvent.change(within(insert).getByLabelText('Search the codebooks (name or label)'), { target: { value: 'inkomen' } });
    // Only the requested waves: the COVID-19 wave's inkomen_verlies is not offered.
    expect(within(insert).getAllByRole('button', { name: /^Insert variable / }).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Insert variable inkomen_huishouden',
      'Insert variable inkomen_persoon'
    ]);
    fireEvent.change(within(insert).getByLabelText('Search the codebooks (name or label)'), { target: { value: 'gezondheid' } });
    expect(within(insert).getByText('(SV-bevraging 2023-1, special category)')).toBeTruthy();
    fireEvent.change(within(insert).getByLabelText('Search the codebooks (name or label)'), { target: { value: 'inkomen_p' } });
    fireEvent.click(within(insert).getByRole('button', { name: 'Insert variable inkomen_persoon' }));
    await screen.findByText('Variable inkomen_persoon inserted; fill in the justification.');
    const names = word.document.controls.filter((c) => c.tag === 'variabelen.naam');
    expect(names.map((c) => c.text)).toEqual(['woonplaats', 'inkomen_persoon']);
    // Checked again: the new row's justification is missing.
    await waitFor(() => expect(screen.getByText('Number of variables: 2')).toBeTruthy());
    expect(screen.getAllByText(/justification/i).length).toBeGreaterThan(1);
  });

  it('offers no insertion without a codebook store, and says when the codebooks could not be loaded', async () => {
    const word = new FakeWord(variablesDocument('aanvraagformulier', FIELDS, [['woonplaats', 'Regionale analyse.']]));
    renderPane(word);
    await screen.findByRole('group', { name: 'Gevraagde gegevens' });
    expect(screen.queryByRole('group', { name: 'Variabele invoegen' })).toBeNull();
    expect(screen.queryByText(/^Codeboeken:/)).toBeNull();
  });

  it('reports a failing codebook store in the pane and still lists the findings', async () => {
    const word = new FakeWord(variablesDocument('aanvraagformulier', FIELDS, [['inkomen_huishoudn', 'Armoede meten.']]));
    const failing: CodebookStore = { list: jest.fn(), load: jest.fn(async () => { throw new Error('Codebooks list unreachable'); }), save: jest.fn() };
    renderPane(word, { codebooks: failing });
    await screen.findByText(/De codeboeken konden niet opgehaald worden/);
    expect(screen.queryByRole('button', { name: /^Vervang door / })).toBeNull();
    expect(screen.getAllByRole('listitem').length).toBeGreaterThan(1);
  });
});
