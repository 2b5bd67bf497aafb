import type { LocalizedText } from '../types';

/**
 * Message templates by key (`forms.check.*`), Dutch first. `{label}` is the field's label in the
 * message's language; other `{params}` are filled from the finding's params.
 */
export const CHECK_MESSAGES: Readonly<Record<string, LocalizedText>> = {
  'forms.check.required': { nl: '"{label}" is niet ingevuld.', en: '"{label}" is not filled in.' },
  'forms.check.missingField': {
    nl: '"{label}" ontbreekt in het document (het veld werd niet gevonden).',
    en: '"{label}" is missing from the document (the field was not found).'
  },
  'forms.check.explicitEmptyRequired': {
    nl: '"{label}" is hier verplicht: "{value}" volstaat niet. Vul het in.',
    en: '"{label}" is required here: "{value}" is not enough. Fill it in.'
  },
  'forms.check.rowsRequired': { nl: 'De tabel "{label}" bevat geen enkele rij.', en: 'The table "{label}" has no rows.' },
  'forms.check.allowedValue': {
    nl: '"{label}": "{value}" is geen toegelaten waarde (toegelaten: {allowed}).',
    en: '"{label}": "{value}" is not an allowed value (allowed: {allowed}).'
  },
  'forms.check.enterpriseNumber': {
    nl: '"{label}": "{value}" is geen geldig ondernemingsnummer (10 cijfers, begint met 0 of 1, controlegetal modulo 97).',
    en: '"{label}": "{value}" is not a valid enterprise number (10 digits, starts with 0 or 1, modulo-97 check digits).'
  },
  'forms.check.email': { nl: '"{label}": "{value}" is geen geldig e-mailadres.', en: '"{label}": "{value}" is not a valid e-mail address.' },
  'forms.check.phone': { nl: '"{label}": "{value}" is geen geldig telefoonnummer.', en: '"{label}": "{value}" is not a valid phone number.' },
  'forms.check.date': {
    nl: '"{label}": "{value}" is geen geldige datum (gebruik dd/mm/jjjj).',
    en: '"{label}": "{value}" is not a valid date (use dd/mm/yyyy).'
  },
  'forms.check.endBeforeStart': {
    nl: 'De einddatum van het project ({end}) ligt niet na de startdatum ({start}).',
    en: 'The project end date ({end}) is not after the start date ({start}).'
  },
  'forms.check.newEndInPast': {
    nl: 'De nieuwe einddatum ({value}) ligt in het verleden.',
    en: 'The new end date ({value}) lies in the past.'
  },
  'forms.check.retentionBeforeEnd': {
    nl: 'De bewaartermijn ({retention}) eindigt vóór het einde van het project ({end}).',
    en: 'The retention period ({retention}) ends before the end of the project ({end}).'
  },
  'forms.check.retentionTooLong': {
    nl: 'De bewaartermijn ({retention}) loopt meer dan {years} jaar na het einde van het project ({end}); motiveer of verkort.',
    en: 'The retention period ({retention}) runs more than {years} years past the end of the project ({end}); justify or shorten it.'
  },
  'forms.check.retentionDate': {
    nl: '"{label}": "{value}" is geen datum (dd/mm/jjjj) en geen termijn na het einde van het project (bijvoorbeeld "5 jaar na het einde van het project").',
    en: '"{label}": "{value}" is neither a date (dd/mm/yyyy) nor a period after the end of the project (for example "5 jaar na het einde van het project").'
  },
  'forms.check.retentionDurationWithoutEnd': {
    nl: 'De bewaartermijn ({retention}) telt vanaf het einde van het project, maar dit formulier vermeldt geen leesbare einddatum van het project; vermeld de datum tot wanneer de gegevens bewaard worden.',
    en: 'The retention period ({retention}) counts from the end of the project, but this form states no readable project end date; state the date until which the data are kept.'
  },
  'forms.check.surveyPartUnknown': {
    nl: '"{value}": "{part}" werd niet begrepen (schrijf bijvoorbeeld SV-bevraging 2023-2, COVID-19-bevraging golf 1 tot 4, SCV-survey 2010-2015).',
    en: '"{value}": "{part}" was not understood (write for example SV-bevraging 2023-2, COVID-19-bevraging golf 1 tot 4, SCV-survey 2010-2015).'
  },
  'forms.check.surveyWaveOutsideCatalog': {
    nl: '"{value}": {waves} bestaat niet (SV-bevraging 2021-1 tot 2026-2, COVID-19-bevraging golf 1 tot 8, SCV-survey 1996 tot 2018).',
    en: '"{value}": {waves} does not exist (SV-bevraging 2021-1 to 2026-2, COVID-19-bevraging waves 1 to 8, SCV-survey 1996 to 2018).'
  },
  'forms.check.surveyUnknown': {
    nl: '"{value}" is geen bekende bevraging of golf (SV-bevraging 2021-1 tot 2026-2, COVID-19-bevraging golf 1 tot 8, SCV-survey 1996 tot 2018).',
    en: '"{value}" is not a known survey or wave (SV-bevraging 2021-1 to 2026-2, COVID-19-bevraging waves 1 to 8, SCV-survey 1996 to 2018).'
  },
  'forms.check.variableWithoutJustification': {
    nl: 'De variabele "{value}" heeft geen motivering (minimale gegevensverwerking).',
    en: 'The variable "{value}" has no justification (data minimisation).'
  },
  'forms.check.justificationWithoutVariable': {
    nl: 'Rij {row} van de variabelen heeft een motivering maar geen variabele.',
    en: 'Row {row} of the variables has a justification but no variable.'
  },
  'forms.check.notEligible': {
    nl: '"{value}" is geen instelling: een individu dat niet verbonden is aan een overheidsdienst of instelling kan geen individuele gegevens verkrijgen.',
    en: '"{value}" is not an institution: an individual not connected to a government service or institution cannot obtain individual data.'
  },
  'forms.check.transferWithoutJustification': {
    nl: 'Doorgifte buiten de EER zonder verantwoording: beschrijf de passende waarborgen.',
    en: 'Transfer outside the EEA without justification: describe the appropriate safeguards.'
  },
  'forms.check.transferOutsideEea': {
    nl: 'Doorgifte buiten de EER gevraagd: voor te leggen aan de DPO.',
    en: 'Transfer outside the EEA requested: to be submitted to the DPO.'
  },
  'forms.check.linkingWithoutDescription': {
    nl: 'Koppeling met andere gegevens zonder beschrijving: met welke gegevens en hoe?',
    en: 'Linking with other data without a description: which data and how?'
  },
  'forms.check.linking': {
    nl: 'Koppeling met andere gegevens gevraagd: voor te leggen aan de DPO.',
    en: 'Linking with other data requested: to be submitted to the DPO.'
  },
  'forms.check.publicationCellSize': {
    nl: 'De publicatieregels vermelden geen minimale celgrootte (bijvoorbeeld 10 respondenten).',
    en: 'The publication rules state no minimum cell size (for example 10 respondents).'
  },
  'forms.check.simplifiedNoReason': {
    nl: 'Kies minstens één reden voor de vereenvoudigde procedure: verlenging, toevoeging variabelen, nieuwe doeleinden of wijziging identiteit.',
    en: 'Choose at least one reason for the simplified procedure: extension, additional variables, new purposes or identity change.'
  },
  'forms.check.protocolNumberFormat': {
    nl: '"{value}" heeft niet de vorm van een protocolnummer (PROT-jjjj-nnn).',
    en: '"{value}" does not look like a protocol number (PROT-yyyy-nnn).'
  },
  'forms.check.signedDraft': {
    nl: '"{label}" is ingevuld, maar het ontwerp moet onondertekend zijn: onderteken pas na goedkeuring.',
    en: '"{label}" is filled in, but the draft must be unsigned: sign only after approval.'
  },
  'forms.check.mandateMissing': {
    nl: 'De ondertekenaar treedt op als gevolmachtigde: het bewijs van volmacht of delegatie ontbreekt in het dossier.',
    en: 'The signatory acts as an authorised delegate: the proof of mandate or delegation is missing from the dossier.'
  },
  'forms.check.mandateReminder': {
    nl: 'De ondertekenaar treedt op als gevolmachtigde: bij de ondertekening is een bewijs van volmacht of delegatie nodig.',
    en: 'The signatory acts as an authorised delegate: a proof of mandate or delegation is needed at signing.'
  },
  'forms.check.macroEnabled': {
    nl: 'Het document bevat macro\'s (.docm). Stuur het formulier als gewoon Word-document (.docx).',
    en: 'The document contains macros (.docm). Send the form as a plain Word document (.docx).'
  },
  'forms.check.unknownCatalogVersion': {
    nl: 'Het formulier komt uit catalogusversie {version}; deze controle kent versie {supported}. Het werd toch gelezen.',
    en: 'The form comes from catalog version {version}; this check knows version {supported}. It was read anyway.'
  },
  'forms.check.missingCatalogVersion': {
    nl: 'Het formulier vermeldt geen catalogusversie (niet gemaakt met het sjabloon); gelezen volgens versie {supported}.',
    en: 'The form states no catalog version (not made from the template); read as version {supported}.'
  },
  'forms.check.unknownFormType': {
    nl: 'Het soort formulier kon niet bepaald worden; gebruik het sjabloon van de VSA.',
    en: 'The form type could not be determined; use the VSA template.'
  },
  'forms.check.readByLabel': {
    nl: '{count} velden of tabellen werden gelezen via hun label (zonder inhoudsbesturingselementen); controleer ze extra.',
    en: '{count} fields or tables were read by their label (without content controls); double-check them.'
  },
  'forms.check.scopeNothingNew': {
    nl: 'Deze aanvraag vraagt niets nieuws ten opzichte van de geldende reikwijdte van {protocol}: alle variabelen gelden al, er is geen latere einddatum, geen nieuw doeleinde en geen andere identiteit.',
    en: 'This request asks for nothing new against the scope in force of {protocol}: every variable is already in force, and there is no later end date, no new purpose and no other identity.'
  },
  'forms.check.scopeEndNotLater': {
    nl: 'De nieuwe einddatum ({value}) ligt niet na de geldende einddatum van {protocol} ({current}): een verlenging moet later eindigen.',
    en: 'The new end date ({value}) is not after the end date in force of {protocol} ({current}): an extension must end later.'
  },
  'forms.check.scopeVariableInForce': {
    nl: 'De variabele "{value}" valt al onder de geldende reikwijdte van {protocol}; ze hoeft niet opnieuw gevraagd te worden.',
    en: 'The variable "{value}" is already in the scope in force of {protocol}; it need not be requested again.'
  },
  'forms.check.dossierSameValue': {
    nl: '"{label}" verschilt tussen de formulieren: "{value}" in {fileName} maar "{otherValue}" in {otherFileName}.',
    en: '"{label}" differs between the forms: "{value}" in {fileName} but "{otherValue}" in {otherFileName}.'
  },
  'forms.check.dossierUnknownProtocol': {
    nl: 'Protocol "{value}" is niet bekend in de keten van dit dossier (gepubliceerde protocollen: {known}).',
    en: 'Protocol "{value}" is not known in this dossier\'s chain (published protocols: {known}).'
  }
};
