/**
 * Every visible and aria string of the Word task pane, Dutch first. Components receive a
 * `WordPaneStrings` object; they never pick a language themselves.
 */
import type { Severity } from '../../forms/types';

/** Strings of the Word review pane. */
export interface WordPaneStrings {
  readonly title: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly retry: string;
  readonly formTypeLabel: string;
  readonly formTypeUnknown: string;
  readonly readByLabelNotice: string;
  readonly phaseLabel: string;
  readonly phaseDraft: string;
  readonly phaseSigned: string;
  readonly noFindings: string;
  readonly findingsHeading: string;
  readonly severity: Readonly<Record<Severity, string>>;
  readonly selectFinding: string;
  readonly fieldNotFound: string;
  readonly commentTextLabel: string;
  readonly alreadyCommented: string;
  readonly insertComments: string;
  readonly inserting: string;
  readonly insertedSummary: (inserted: number, skipped: number, notFound: number) => string;
  readonly commentsUnavailable: (requirement: string) => string;
  readonly freeCommentLabel: string;
  readonly freeCommentPlaceholder: string;
  readonly addFreeComment: string;
  readonly freeCommentAdded: string;
  readonly removeOwnComments: string;
  readonly removedSummary: (count: number) => string;
  readonly dossierHeading: string;
  readonly dossierNone: string;
  readonly dossierNotFound: (reference: string) => string;
  readonly dossierUnavailable: (reason: string) => string;
  readonly dossierState: string;
  readonly linkToDossier: string;
  readonly linked: string;
  readonly actionFailed: (reason: string) => string;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Dutch (nl-NL), the default. */
export const WORD_PANE_STRINGS_NL: WordPaneStrings = {
  title: 'Formuliercontrole',
  loading: 'Het formulier wordt gelezen…',
  loadFailed: 'Het formulier kon niet gelezen worden.',
  retry: 'Opnieuw proberen',
  formTypeLabel: 'Formulier',
  formTypeUnknown: 'onbekend formuliertype',
  readByLabelNotice: 'Dit document is niet met het sjabloon gemaakt; de velden zijn op hun label herkend.',
  phaseLabel: 'Fase',
  phaseDraft: 'ontwerp (niet ondertekend)',
  phaseSigned: 'ondertekend',
  noFindings: 'Geen bevindingen: het formulier is in orde.',
  findingsHeading: 'Bevindingen',
  severity: { blocking: 'Blokkerend', warning: 'Waarschuwing', info: 'Ter info' },
  selectFinding: 'Toon in het document',
  fieldNotFound: 'Dit veld is niet (meer) in het document gevonden.',
  commentTextLabel: 'Tekst van de opmerking',
  alreadyCommented: 'al als opmerking in het document',
  insertComments: 'Opmerkingen invoegen',
  inserting: 'Opmerkingen worden ingevoegd…',
  insertedSummary: (inserted, skipped, notFound) =>
    `${plural(inserted, 'opmerking', 'opmerkingen')} ingevoegd` +
    (skipped > 0 ? `, ${skipped} al aanwezig` : '') +
    (notFound > 0 ? `, ${notFound} niet gevonden` : '') +
    '.',
  commentsUnavailable: (requirement) =>
    `Deze versie van Word kan geen opmerkingen invoegen (${requirement} ontbreekt). De bevindingen blijven zichtbaar; noteer ze in het dossier.`,
  freeCommentLabel: 'Eigen opmerking bij de selectie',
  freeCommentPlaceholder: 'Selecteer tekst in het document en typ uw opmerking.',
  addFreeComment: 'Opmerking toevoegen',
  freeCommentAdded: 'Opmerking toegevoegd.',
  removeOwnComments: 'Opmerkingen van de add-in verwijderen',
  removedSummary: (count) => `${plural(count, 'opmerking', 'opmerkingen')} verwijderd.`,
  dossierHeading: 'Dossier',
  dossierNone: 'Dit document is niet aan een dossier gekoppeld (geen dossiernummer in de documenteigenschappen).',
  dossierNotFound: (reference) => `Dossier ${reference} is niet gevonden of u hebt er geen toegang toe.`,
  dossierUnavailable: (reason) => `Het dossier kon niet opgehaald worden: ${reason}`,
  dossierState: 'Status',
  linkToDossier: 'Koppelen aan dossier',
  linked: 'Het resultaat van de controle is in het dossier geregistreerd.',
  actionFailed: (reason) => `Dat is niet gelukt: ${reason}`
};

/** English, second language. */
export const WORD_PANE_STRINGS_EN: WordPaneStrings = {
  title: 'Form review',
  loading: 'Reading the form…',
  loadFailed: 'The form could not be read.',
  retry: 'Try again',
  formTypeLabel: 'Form',
  formTypeUnknown: 'unknown form type',
  readByLabelNotice: 'This document was not made from the template; fields were recognised by their labels.',
  phaseLabel: 'Phase',
  phaseDraft: 'draft (unsigned)',
  phaseSigned: 'signed',
  noFindings: 'No findings: the form is in order.',
  findingsHeading: 'Findings',
  severity: { blocking: 'Blocking', warning: 'Warning', info: 'For information' },
  selectFinding: 'Show in document',
  fieldNotFound: 'This field was not found in the document (any more).',
  commentTextLabel: 'Comment text',
  alreadyCommented: 'already commented in the document',
  insertComments: 'Insert comments',
  inserting: 'Inserting comments…',
  insertedSummary: (inserted, skipped, notFound) =>
    `${plural(inserted, 'comment', 'comments')} inserted` +
    (skipped > 0 ? `, ${skipped} already present` : '') +
    (notFound > 0 ? `, ${notFound} not found` : '') +
    '.',
  commentsUnavailable: (requirement) =>
    `This version of Word cannot insert comments (${requirement} is missing). The findings stay visible; note them in the dossier.`,
  freeCommentLabel: 'Own comment on the selection',
  freeCommentPlaceholder: 'Select text in the document and type your comment.',
  addFreeComment: 'Add comment',
  freeCommentAdded: 'Comment added.',
  removeOwnComments: "Remove the add-in's comments",
  removedSummary: (count) => `${plural(count, 'comment', 'comments')} removed.`,
  dossierHeading: 'Dossier',
  dossierNone: 'This document is not linked to a dossier (no dossier reference in the document properties).',
  dossierNotFound: (reference) => `Dossier ${reference} was not found or you have no access to it.`,
  dossierUnavailable: (reason) => `The dossier could not be loaded: ${reason}`,
  dossierState: 'State',
  linkToDossier: 'Link to dossier',
  linked: 'The review result was recorded in the dossier.',
  actionFailed: (reason) => `That did not work: ${reason}`
};

/** The strings for a UI language: Dutch unless the language is English. */
export function wordPaneStrings(language: string | undefined): WordPaneStrings {
  return language !== undefined && language.toLowerCase().startsWith('en') ? WORD_PANE_STRINGS_EN : WORD_PANE_STRINGS_NL;
}
