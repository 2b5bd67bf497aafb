/**
 * Every visible and aria string of the Word task pane, Dutch first: one catalog of plain texts with
 * `{name}` placeholders (filled by `interpolate`). Components receive a `WordPaneStrings` object;
 * they never pick a language themselves.
 */
import { defineCatalog } from '../../domain/i18n/catalog';
import { interpolate } from '../../domain/i18n/interpolate';
import { languageOf } from '../../domain/i18n/language';

/** The Word pane's catalog: English has exactly the Dutch keys (compiler) and placeholders (parity test). */
export const wordPaneCatalog = defineCatalog(
  {
    title: 'Formuliercontrole',
    wordOnly: 'Deze add-in werkt alleen in Word.',
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
    insertedOne: '{count} opmerking ingevoegd',
    insertedMany: '{count} opmerkingen ingevoegd',
    insertedAlreadyPresent: ', {count} al aanwezig',
    insertedNotFound: ', {count} niet gevonden',
    commentsUnavailable:
      'Deze versie van Word kan geen opmerkingen invoegen ({requirement} ontbreekt). De bevindingen blijven zichtbaar; noteer ze in het dossier.',
    freeCommentLabel: 'Eigen opmerking bij de selectie',
    freeCommentPlaceholder: 'Selecteer tekst in het document en typ uw opmerking.',
    addFreeComment: 'Opmerking toevoegen',
    freeCommentAdded: 'Opmerking toegevoegd.',
    removeOwnComments: 'Opmerkingen van de add-in verwijderen',
    removedOne: '{count} opmerking verwijderd.',
    removedMany: '{count} opmerkingen verwijderd.',
    dossierHeading: 'Dossier',
    dossierNone: 'Dit document is niet aan een dossier gekoppeld (geen dossiernummer in de documenteigenschappen).',
    dossierNotFound: 'Dossier {reference} is niet gevonden of u hebt er geen toegang toe.',
    dossierUnavailable: 'Het dossier kon niet opgehaald worden: {reason}',
    dossierState: 'Status',
    linkToDossier: 'Koppelen aan dossier',
    linked: 'Vastgelegd in het dossier: {recorded} nieuwe bevinding(en), {resolvedInDossier} opgelost in het dossier, {resolvedInWord} opmerking(en) in Word als opgelost gemarkeerd.',
    linkedInternalRemoved: '{count} interne opmerking(en) uit het document gehaald: ze staan in het dossier en gaan nooit naar de aanvrager.',
    linkRefused: 'Niet elke wijziging is overgenomen; er ging niets verloren. {reason}',
    ownCommentsHeading: 'Uw opmerkingen ({count})',
    ownCommentsNote: 'Bij "Koppelen aan dossier" wordt elke opmerking een bevinding van het dossier. Interne opmerkingen zijn alleen voor de VSA.',
    ownCommentInternal: 'Intern (niet voor de aanvrager)',
    ownCommentResolved: 'opgelost',
    ownCommentNoField: 'algemeen',
    readBackInserted: '{inserted} openstaande opmerking(en) uit het dossier in het document gezet; {resolved} als opgelost gemarkeerd.',
    readBackFailed: 'De opmerkingen uit het dossier konden niet in het document gezet worden: {reason}',
    internalFindingsHeading: 'Interne bevindingen in het dossier ({count})',
    internalFindingsNote: 'Alleen voor de VSA: ze staan niet in het document.',
    actionFailed: 'Dat is niet gelukt: {reason}',
    replaceWith: 'Vervang door {name}',
    suggestionsLabel: 'Voorstellen uit het codeboek',
    replaced: '{name} ingevuld; het formulier is opnieuw gecontroleerd.',
    requestedHeading: 'Gevraagde gegevens',
    requestedNote: 'Dit registreert het product bij het dossier.',
    requestedSurveys: 'Bevragingen en golven',
    requestedNoSurveys: 'geen bevraging herkend',
    requestedVariables: 'Aantal variabelen',
    codebooksLabel: 'Codeboeken',
    codebooksNone: 'geen codeboek voor de gevraagde golven',
    codebooksFailed: 'De codeboeken konden niet opgehaald worden ({reason}); de variabelen zijn zonder codeboek gecontroleerd.',
    insertVariableHeading: 'Variabele invoegen',
    searchVariablesLabel: 'Zoek in de codeboeken (naam of label)',
    searchNoResults: 'Geen variabele gevonden in de codeboeken van de gevraagde golven.',
    insertVariable: 'Invoegen',
    insertVariableAria: 'Variabele {name} invoegen',
    sensitiveVariable: 'bijzondere categorie',
    variableInserted: 'Variabele {name} ingevoegd; vul de motivering in.',
    noVariablesTable: 'Dit document heeft geen tabel met variabelen (inhoudsbesturingselementen) om een rij aan toe te voegen.'
  },
  {
    title: 'Form review',
    wordOnly: 'This add-in only works in Word.',
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
    insertedOne: '{count} comment inserted',
    insertedMany: '{count} comments inserted',
    insertedAlreadyPresent: ', {count} already present',
    insertedNotFound: ', {count} not found',
    commentsUnavailable:
      'This version of Word cannot insert comments ({requirement} is missing). The findings stay visible; note them in the dossier.',
    freeCommentLabel: 'Own comment on the selection',
    freeCommentPlaceholder: 'Select text in the document and type your comment.',
    addFreeComment: 'Add comment',
    freeCommentAdded: 'Comment added.',
    removeOwnComments: "Remove the add-in's comments",
    removedOne: '{count} comment removed.',
    removedMany: '{count} comments removed.',
    dossierHeading: 'Dossier',
    dossierNone: 'This document is not linked to a dossier (no dossier reference in the document properties).',
    dossierNotFound: 'Dossier {reference} was not found or you have no access to it.',
    dossierUnavailable: 'The dossier could not be loaded: {reason}',
    dossierState: 'State',
    linkToDossier: 'Link to dossier',
    linked: 'Recorded in the dossier: {recorded} new finding(s), {resolvedInDossier} resolved in the dossier, {resolvedInWord} comment(s) marked resolved in Word.',
    linkedInternalRemoved: '{count} internal comment(s) taken out of the document: they are in the dossier and never go to the requester.',
    linkRefused: 'Not every change was accepted; nothing was lost. {reason}',
    ownCommentsHeading: 'Your comments ({count})',
    ownCommentsNote: 'With "Link to dossier" every comment becomes a finding of the dossier. Internal comments are for the VSA only.',
    ownCommentInternal: 'Internal (not for the requester)',
    ownCommentResolved: 'resolved',
    ownCommentNoField: 'general',
    readBackInserted: '{inserted} open comment(s) from the dossier put into the document; {resolved} marked resolved.',
    readBackFailed: 'The comments from the dossier could not be put into the document: {reason}',
    internalFindingsHeading: 'Internal findings in the dossier ({count})',
    internalFindingsNote: 'For the VSA only: they are not in the document.',
    actionFailed: 'That did not work: {reason}',
    replaceWith: 'Replace with {name}',
    suggestionsLabel: 'Suggestions from the codebook',
    replaced: '{name} filled in; the form was checked again.',
    requestedHeading: 'Requested data',
    requestedNote: 'This is what the product registers on the dossier.',
    requestedSurveys: 'Surveys and waves',
    requestedNoSurveys: 'no survey recognised',
    requestedVariables: 'Number of variables',
    codebooksLabel: 'Codebooks',
    codebooksNone: 'no codebook for the requested waves',
    codebooksFailed: 'The codebooks could not be loaded ({reason}); the variables were checked without a codebook.',
    insertVariableHeading: 'Insert variable',
    searchVariablesLabel: 'Search the codebooks (name or label)',
    searchNoResults: 'No variable found in the codebooks of the requested waves.',
    insertVariable: 'Insert',
    insertVariableAria: 'Insert variable {name}',
    sensitiveVariable: 'special category',
    variableInserted: 'Variable {name} inserted; fill in the justification.',
    noVariablesTable: 'This document has no variables table (content controls) to add a row to.'
  }
);

/** Strings of the Word review pane. */
export type WordPaneStrings = typeof wordPaneCatalog.nl;

/** Dutch (nl-NL), the default. */
export const WORD_PANE_STRINGS_NL: WordPaneStrings = wordPaneCatalog.nl;

/** English, second language. */
export const WORD_PANE_STRINGS_EN: WordPaneStrings = wordPaneCatalog.en;

/** The strings for a UI language or Office `displayLanguage`: Dutch unless it is English. */
export function wordPaneStrings(language: string | undefined): WordPaneStrings {
  return wordPaneCatalog[languageOf(language)];
}

/** "2 opmerkingen ingevoegd, 1 al aanwezig." — the parts with a zero count are left out. */
export function insertedSummary(strings: WordPaneStrings, inserted: number, skipped: number, notFound: number): string {
  return (
    interpolate(inserted === 1 ? strings.insertedOne : strings.insertedMany, { count: inserted }) +
    (skipped > 0 ? interpolate(strings.insertedAlreadyPresent, { count: skipped }) : '') +
    (notFound > 0 ? interpolate(strings.insertedNotFound, { count: notFound }) : '') +
    '.'
  );
}

/** "1 opmerking verwijderd." */
export function removedSummary(strings: WordPaneStrings, count: number): string {
  return interpolate(count === 1 ? strings.removedOne : strings.removedMany, { count });
}
