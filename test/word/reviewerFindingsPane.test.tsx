/** @jest-environment jsdom */
import './support/jsdomTextCodec';
import * as React from 'react';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { checkForm } from '../../src/forms';
import { createOfficeFormSource } from '../../src/word/office/officeFormSource';
import { createWordGateway } from '../../src/word/office/wordGateway';
import { REVIEW_PART_NAMESPACE } from '../../src/word/review/reviewMetadata';
import { WORD_PANE_STRINGS_EN, WORD_PANE_STRINGS_NL } from '../../src/word/taskpane/strings';
import { WordReviewPane } from '../../src/word/taskpane/WordReviewPane';
import { FakeWord } from './fakes/fakeWord';
import type { FakeDocumentData } from './fakes/fakeWord';
import { catalogDocument } from './fakes/documents';
import { InMemoryDossiers, reviewerFinding } from './fakes/dossiers';

setIconOptions({ disableWarnings: true });
// An upper bound for the waits on a busy machine (2 shared cores), not a timing assertion.
configure({ asyncUtilTimeout: 10_000 });

const FILLED = { 'aanvrager.instelling': 'Universiteit Gent', 'project.titel': 'Wonen in Vlaanderen', 'contact.email': 'niet-een-adres' };
const REFERENCE = 'VSA-2026-007';

function linkedDocument(): FakeDocumentData {
  const doc = catalogDocument('aanvraagformulier', FILLED);
  doc.customProperties.VsaDossierReference = REFERENCE;
  return { ...doc, url: 'https://x/aanvraag.docx' };
}

const controlOf = (word: FakeWord, tag: string): number => word.document.controls.find((c) => c.tag === tag)!.id;
const commentsAt = (word: FakeWord, tag: string) => word.document.comments.filter((c) => c.anchor === `control:${controlOf(word, tag)}`);

function renderPane(word: FakeWord, dossiers: InMemoryDossiers, language: 'nl' | 'en' = 'nl') {
  render(
    <WordReviewPane
      source={createOfficeFormSource(createWordGateway(word.host()))}
      check={checkForm}
      dossiers={dossiers}
      today={() => '2026-11-25'}
      now={() => '2026-11-25T10:00:00Z'}
      language={language}
      strings={language === 'nl' ? WORD_PANE_STRINGS_NL : WORD_PANE_STRINGS_EN}
    />
  );
}

async function link(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Koppelen aan dossier' }));
  await screen.findByText(/^Vastgelegd in het dossier/);
}

/** What the requester would read: no markers, no e-mail addresses, nothing internal. */
function expectReadableForRequester(word: FakeWord, internalTexts: readonly string[] = []): void {
  for (const comment of word.document.comments) {
    expect(comment.content).not.toMatch(/\[VSA/);
    expect(comment.content).not.toMatch(/@/);
    for (const text of internalTexts) expect(comment.content).not.toContain(text);
  }
}

afterEach(cleanup);

describe('Word pane: comments as reviewer findings of the dossier', () => {
  it('records every comment the reviewer placed as a finding with a stable id; a re-run records nothing again', async () => {
    const word = new FakeWord(linkedDocument());
    const dossiers = new InMemoryDossiers();
    renderPane(word, dossiers);
    const editors = await screen.findAllByLabelText('Tekst van de opmerking');
    fireEvent.change(editors[0], { target: { value: 'Vul de doeleinden aan.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opmerkingen invoegen' }));
    await screen.findByText(/opmerkingen ingevoegd\.$/);
    const findingComments = word.document.comments.length;
    // A free comment on a field the reviewer selected (clicking a finding selects its field).
    const blocking = screen.getByRole('region', { name: /^Blokkerend/ });
    fireEvent.click(within(blocking).getByRole('button', { name: /is geen geldig e-mailadres/ }));
    await waitFor(() => expect(word.selection).toBe(`control:${controlOf(word, 'contact.email')}`));
    fireEvent.change(screen.getByLabelText('Eigen opmerking bij de selectie'), { target: { value: 'Welk adres bedoelt u?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opmerking toevoegen' }));
    await screen.findByText('Opmerking toegevoegd.');
    expect(screen.getByRole('region', { name: `Uw opmerkingen (${findingComments + 1})` })).toBeTruthy();

    await link();
    expect(dossiers.recordedFindings).toHaveLength(1);
    const recorded = dossiers.recordedFindings[0];
    expect(recorded).toHaveLength(findingComments + 1);
    expect(new Set(recorded.map((f) => f.id)).size).toBe(recorded.length);
    for (const finding of recorded) {
      expect(finding.id).toMatch(/^word:[0-9a-f]{16}$/);
      expect(finding).toMatchObject({ documentKind: 'aanvraagformulier', audience: 'requester' });
      expect(finding.text).not.toMatch(/\[VSA/);
    }
    expect(recorded.find((f) => f.text === 'Welk adres bedoelt u?')).toMatchObject({ fieldId: 'contact.email', severity: 'warning' });
    expect(recorded.find((f) => f.text === 'Vul de doeleinden aan.')?.severity).toBe('blocking');
    expect(screen.getByText(`Vastgelegd in het dossier: ${recorded.length} nieuwe bevinding(en), 0 opgelost in het dossier, 0 opmerking(en) in Word als opgelost gemarkeerd.`)).toBeTruthy();
    expectReadableForRequester(word);

    // Again in this session, and in a new session on the same document: the same ids, nothing new.
    await link();
    cleanup();
    renderPane(word, dossiers);
    await screen.findByRole('region', { name: `Uw opmerkingen (${findingComments + 1})` });
    await link();
    expect(dossiers.recordedFindings).toHaveLength(1);
    expect(dossiers.findings).toHaveLength(recorded.length);
    // Reopening did not read the findings back in as second comments, and the checks stay commented.
    expect(word.document.comments).toHaveLength(findingComments + 1);
    fireEvent.click(screen.getByRole('button', { name: 'Opmerkingen invoegen' }));
    await screen.findByText(`0 opmerkingen ingevoegd, ${findingComments} al aanwezig.`);
    expect(word.document.comments).toHaveLength(findingComments + 1);
  });

  it('puts the open findings of the dossier back at their field in the next version, once, and never the internal ones', async () => {
    const word = new FakeWord(linkedDocument());
    const dossiers = new InMemoryDossiers();
    dossiers.findings = [
      reviewerFinding({ id: 'f-title', text: 'De titel is te vaag.', fieldId: 'project.titel' }),
      reviewerFinding({ id: 'f-mail', text: 'Welk adres bedoelt u?', fieldId: 'contact.email', status: 'addressed' }),
      reviewerFinding({ id: 'f-done', text: 'Al opgelost.', fieldId: 'project.titel', status: 'resolved' }),
      reviewerFinding({ id: 'f-internal', text: 'Intern: eerst met de DPO bespreken.', fieldId: 'project.titel', audience: 'internal' }),
      reviewerFinding({ id: 'f-other-form', text: 'Over het protocol.', documentKind: 'protocol' }),
      reviewerFinding({ id: 'check:aanvraagformulier:required:project.doeleinden', text: 'Automatisch.', origin: 'check', fieldId: 'project.doeleinden' })
    ];
    // The version already carries one of them (e.g. the requester kept it), with an old marker.
    word.document.comments.push({ id: 'old', content: 'Welk adres bedoelt u? [VSA]', resolved: false, anchor: `control:${controlOf(word, 'contact.email')}` });
    renderPane(word, dossiers);
    await screen.findByText('1 openstaande opmerking(en) uit het dossier in het document gezet; 0 als opgelost gemarkeerd.');
    expect(commentsAt(word, 'project.titel').map((c) => c.content)).toEqual(['De titel is te vaag.']);
    expect(commentsAt(word, 'contact.email').map((c) => c.content)).toEqual(['Welk adres bedoelt u? [VSA]']);
    expect(word.document.comments).toHaveLength(2);
    for (const comment of word.document.comments) expect(comment.content).not.toContain('eerst met de DPO');
    expect(commentsAt(word, 'project.titel')[0].content).not.toMatch(/\[VSA|@/);
    // The internal finding is shown in the pane, not in the document.
    const internal = screen.getByRole('region', { name: 'Interne bevindingen in het dossier (1)' });
    expect(within(internal).getByText(/Intern: eerst met de DPO bespreken\./)).toBeTruthy();
    // The hidden part ties the comments to the dossier's ids (nothing visible).
    expect(word.document.customXmlParts?.[REVIEW_PART_NAMESPACE]).toContain('finding="f-title"');
    expect(word.document.customXmlParts?.[REVIEW_PART_NAMESPACE]).toContain('finding="f-mail"');

    // Linking records nothing new: both comments are the dossier's own findings.
    await link();
    expect(dossiers.recordedFindings).toEqual([]);

    // Opening the document again inserts nothing twice.
    cleanup();
    renderPane(word, dossiers);
    await screen.findByRole('region', { name: /^Uw opmerkingen/ });
    expect(word.document.comments).toHaveLength(2);
    expect(screen.queryByText(/uit het dossier in het document gezet/)).toBeNull();
  });

  it('a comment resolved in Word resolves its finding on the revision the reviewer saw', async () => {
    const word = new FakeWord(linkedDocument());
    const dossiers = new InMemoryDossiers();
    dossiers.findings = [reviewerFinding({ id: 'f-title', text: 'De titel is te vaag.', fieldId: 'project.titel' })];
    renderPane(word, dossiers);
    await screen.findByText(/1 openstaande opmerking/);
    commentsAt(word, 'project.titel')[0].resolved = true;
    await link();
    expect(dossiers.statusChanges).toEqual([{ findingId: 'f-title', status: 'resolved', expectedRevision: 1 }]);
    expect(dossiers.findings[0].status).toBe('resolved');
    expect(screen.getByText(/0 nieuwe bevinding\(en\), 1 opgelost in het dossier/)).toBeTruthy();
  });

  it('a finding resolved in the dossier marks its comment resolved in Word', async () => {
    const word = new FakeWord(linkedDocument());
    word.document.comments.push({ id: 'c-title', content: 'De titel is te vaag.', resolved: false, anchor: `control:${controlOf(word, 'project.titel')}` });
    const dossiers = new InMemoryDossiers();
    dossiers.findings = [reviewerFinding({ id: 'f-title', text: 'De titel is te vaag.', fieldId: 'project.titel', status: 'resolved' })];
    renderPane(word, dossiers);
    await screen.findByText('0 openstaande opmerking(en) uit het dossier in het document gezet; 1 als opgelost gemarkeerd.');
    expect(word.document.comments).toEqual([expect.objectContaining({ id: 'c-title', resolved: true })]);
  });

  it('a concurrent change is refused with a clear message; nothing is lost', async () => {
    const word = new FakeWord(linkedDocument());
    const dossiers = new InMemoryDossiers();
    dossiers.findings = [reviewerFinding({ id: 'f-title', text: 'De titel is te vaag.', fieldId: 'project.titel' })];
    renderPane(word, dossiers);
    await screen.findByText(/1 openstaande opmerking/);
    // A colleague resolves and reopens the finding in the panel after the pane was opened.
    const bart = { id: 'bart@vsa.example', displayName: 'Bart Claes' };
    dossiers.changeBy('f-title', 'resolved', bart);
    dossiers.changeBy('f-title', 'open', bart);
    commentsAt(word, 'project.titel')[0].resolved = true;
    fireEvent.change(screen.getByLabelText('Eigen opmerking bij de selectie'), { target: { value: 'Nog een vraag.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opmerking toevoegen' }));
    await screen.findByText('Opmerking toegevoegd.');
    fireEvent.click(screen.getByRole('button', { name: 'Koppelen aan dossier' }));
    await screen.findByText(
      'Niet elke wijziging is overgenomen; er ging niets verloren. Bevinding "De titel is te vaag." werd intussen gewijzigd door Bart Claes (nu: open); laad opnieuw en kies dan.'
    );
    expect(dossiers.findings.find((f) => f.id === 'f-title')).toMatchObject({ status: 'open', revision: 3 });
    expect(dossiers.statusChanges).toEqual([]);
    // The rest went through, and the reviewer's resolved comment stays as she left it.
    expect(dossiers.findings.some((f) => f.text === 'Nog een vraag.')).toBe(true);
    expect(commentsAt(word, 'project.titel')[0].resolved).toBe(true);
  });

  it('an internal comment is recorded as internal and taken out of the document the requester may get', async () => {
    const word = new FakeWord(linkedDocument());
    const dossiers = new InMemoryDossiers();
    renderPane(word, dossiers);
    fireEvent.change(await screen.findByLabelText('Eigen opmerking bij de selectie'), { target: { value: 'Alleen voor ons: navragen bij de DPO.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opmerking toevoegen' }));
    await screen.findByText('Opmerking toegevoegd.');
    fireEvent.change(screen.getByLabelText('Eigen opmerking bij de selectie'), { target: { value: 'Graag verduidelijken.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Opmerking toevoegen' }));
    await screen.findByText('Opmerking toegevoegd.');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Intern (niet voor de aanvrager): Alleen voor ons: navragen bij de DPO.' }));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: /navragen bij de DPO/ }) as HTMLInputElement).checked).toBe(true));
    await link();
    expect(dossiers.recordedFindings[0].map((f) => [f.text, f.audience])).toEqual([
      ['Alleen voor ons: navragen bij de DPO.', 'internal'],
      ['Graag verduidelijken.', 'requester']
    ]);
    await screen.findByText('1 interne opmerking(en) uit het document gehaald: ze staan in het dossier en gaan nooit naar de aanvrager.');
    expect(word.document.comments.map((c) => c.content)).toEqual(['Graag verduidelijken.']);
    expectReadableForRequester(word, ['navragen bij de DPO']);

    // The next session shows it in the pane and does not put it back into the document.
    cleanup();
    renderPane(word, dossiers);
    await screen.findByRole('region', { name: 'Interne bevindingen in het dossier (1)' });
    expect(word.document.comments.map((c) => c.content)).toEqual(['Graag verduidelijken.']);
  });

  it('reads comments of older documents: the marker is stripped from the recorded text', async () => {
    const doc = linkedDocument();
    const word = new FakeWord(doc);
    word.document.comments.push(
      { id: 'old1', content: 'Vul de doeleinden aan. [VSA required:project.doeleinden#0]', resolved: false, anchor: `control:${controlOf(word, 'project.doeleinden')}` },
      { id: 'old2', content: 'Van de aanvrager zelf', resolved: false, anchor: 'paragraph:0' }
    );
    const dossiers = new InMemoryDossiers();
    renderPane(word, dossiers, 'nl');
    await link();
    expect(dossiers.recordedFindings[0]).toEqual([
      expect.objectContaining({ text: 'Vul de doeleinden aan.', fieldId: 'project.doeleinden', audience: 'requester' })
    ]);
  });
});
