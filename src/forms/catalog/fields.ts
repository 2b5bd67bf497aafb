import { SIGNATORY_CAPACITIES } from '../../domain/signatories';
import type { CheckId, ChoiceOption, FieldDef, FieldKind, RequiredWhen } from '../types';

interface FieldOptions {
  requiredWhen?: RequiredWhen;
  allowedValues?: readonly ChoiceOption[];
  placeholderNl?: string;
  placeholderEn?: string;
  helpNl?: string;
  checks?: readonly CheckId[];
  columns?: readonly FieldDef[];
  signature?: boolean;
  sameAcrossDossier?: boolean;
}

const DEFAULT_PLACEHOLDERS: Record<FieldKind, { nl: string; en: string }> = {
  text: { nl: 'Klik of tik om tekst in te voeren.', en: 'Click or tap here to enter text.' },
  multiline: { nl: 'Klik of tik om tekst in te voeren.', en: 'Click or tap here to enter text.' },
  email: { nl: 'Vul een e-mailadres in (naam@domein.be).', en: 'Enter an e-mail address (name@domain.be).' },
  phone: { nl: 'Vul een telefoonnummer in (+32 ...).', en: 'Enter a phone number (+32 ...).' },
  date: { nl: 'Vul een datum in (dd/mm/jjjj).', en: 'Enter a date (dd/mm/yyyy).' },
  enterpriseNumber: { nl: 'Vul het ondernemingsnummer in (0123.456.789).', en: 'Enter the enterprise number (0123.456.789).' },
  choice: { nl: 'Kies een item.', en: 'Choose an item.' },
  multiChoice: { nl: 'Kies een of meer items.', en: 'Choose one or more items.' },
  yesNoWithText: { nl: 'Ja of nee, met toelichting.', en: 'Yes or no, with an explanation.' },
  rows: { nl: '', en: '' }
};

/** Checks every field of a kind gets, besides `required`. */
const KIND_CHECKS: Record<FieldKind, readonly CheckId[]> = {
  text: [],
  multiline: [],
  email: ['email'],
  phone: ['phone'],
  date: ['date'],
  enterpriseNumber: ['enterpriseNumber'],
  choice: ['allowedValue'],
  multiChoice: ['allowedValue'],
  yesNoWithText: ['allowedValue'],
  rows: []
};

function field(id: string, labelNl: string, labelEn: string, kind: FieldKind, options: FieldOptions = {}): FieldDef {
  const placeholder = DEFAULT_PLACEHOLDERS[kind];
  const choices = options.allowedValues;
  const choicePlaceholder = choices ? `Kies: ${choices.map((c) => c.value).join(' | ')}.` : undefined;
  const choicePlaceholderEn = choices ? `Choose: ${choices.map((c) => c.labelEn).join(' | ')}.` : undefined;
  return {
    id,
    labelNl,
    labelEn,
    kind,
    requiredWhen: options.requiredWhen ?? 'always',
    allowedValues: choices,
    placeholderNl: options.placeholderNl ?? choicePlaceholder ?? placeholder.nl,
    placeholderEn: options.placeholderEn ?? choicePlaceholderEn ?? placeholder.en,
    helpNl: options.helpNl,
    checks: [...KIND_CHECKS[kind], ...(options.checks ?? [])],
    columns: options.columns,
    signature: options.signature,
    sameAcrossDossier: options.sameAcrossDossier
  };
}

const YES_NO: readonly ChoiceOption[] = [
  { value: 'ja', labelNl: 'ja', labelEn: 'yes', aliases: ['yes', 'j'] },
  { value: 'nee', labelNl: 'nee', labelEn: 'no', aliases: ['no', 'n', 'neen'] }
];

/** Allowed reasons for the simplified procedure (workflow ids in `aliases`). */
export const SIMPLIFIED_REASONS: readonly ChoiceOption[] = [
  { value: 'verlenging', labelNl: 'verlenging', labelEn: 'extension', aliases: ['extension'] },
  { value: 'toevoeging variabelen', labelNl: 'toevoeging variabelen', labelEn: 'additional variables', aliases: ['addVariables', 'additional variables'] },
  { value: 'nieuwe doeleinden', labelNl: 'nieuwe doeleinden', labelEn: 'new purposes', aliases: ['newPurposes', 'new purposes'] },
  { value: 'wijziging identiteit', labelNl: 'wijziging identiteit', labelEn: 'identity change', aliases: ['identityChange', 'identity change', 'wijziging identiteit instelling', 'change of institution identity'] }
];

const signedOnly: FieldOptions = { requiredWhen: 'signed', signature: true };
const vsaSignature: FieldOptions = { requiredWhen: 'never', signature: true };
const shared: FieldOptions = { sameAcrossDossier: true };

/** Every field of catalog 2026.2 (2026.1 without the conditions table), shared across forms by id. */
export const FIELD_LIST: readonly FieldDef[] = [
  // Requester
  field('aanvrager.instelling', 'Naam van de instelling', 'Name of the institution', 'text', { ...shared, checks: ['eligibility'], helpNl: 'Een individu zonder instelling kan geen individuele gegevens verkrijgen.' }),
  field('aanvrager.kbo', 'Ondernemingsnummer (KBO)', 'Enterprise number (CBE)', 'enterpriseNumber', shared),
  field('aanvrager.type', 'Soort instelling', 'Type of institution', 'choice', {
    ...shared,
    checks: ['eligibility'],
    allowedValues: [
      { value: 'overheidsdienst', labelNl: 'overheidsdienst', labelEn: 'government service', aliases: ['government service', 'overheid'] },
      { value: 'onderzoeksinstelling', labelNl: 'onderzoeksinstelling', labelEn: 'research institution', aliases: ['research institution', 'universiteit', 'university'] },
      { value: 'andere instelling', labelNl: 'andere instelling', labelEn: 'other institution', aliases: ['other institution'] }
    ]
  }),
  field('aanvrager.adres', 'Adres van de instelling', 'Address of the institution', 'multiline', shared),
  field('contact.naam', 'Naam contactpersoon', 'Contact person', 'text', shared),
  field('contact.functie', 'Functie contactpersoon', 'Position of the contact person', 'text'),
  field('contact.email', 'E-mailadres contactpersoon', 'E-mail of the contact person', 'email', shared),
  field('contact.telefoon', 'Telefoonnummer contactpersoon', 'Phone of the contact person', 'phone'),
  field('verantwoordelijke.naam', 'Verwerkingsverantwoordelijke', 'Controller', 'text', shared),
  field('vertegenwoordiger.naam', 'Naam ondertekenaar voor de instelling', 'Name of the signatory for the institution', 'text', shared),
  field('vertegenwoordiger.hoedanigheid', 'Hoedanigheid van de ondertekenaar', 'Capacity of the signatory', 'choice', {
    ...shared,
    checks: ['mandate'],
    // The one list of capacities (src/domain/signatories.ts), so the choice and the parser agree.
    allowedValues: SIGNATORY_CAPACITIES.map(({ capacity, labelNl, labelEn, aliases }) => ({ value: capacity, labelNl, labelEn, aliases }))
  }),
  field('dpoInstelling.naam', 'Functionaris voor gegevensbescherming (DPO) van de instelling', 'Data protection officer (DPO) of the institution', 'text', shared),
  field('dpoInstelling.email', 'E-mailadres DPO van de instelling', 'E-mail of the DPO of the institution', 'email', shared),

  // Project
  field('project.titel', 'Titel van het onderzoeksproject', 'Title of the research project', 'text', shared),
  field('project.doeleinden', 'Doeleinden van de verwerking', 'Purposes of the processing', 'multiline', shared),
  field('project.onderzoekstype', 'Soort onderzoek', 'Type of research', 'choice', {
    ...shared,
    allowedValues: [
      { value: 'statistisch', labelNl: 'statistisch', labelEn: 'statistical', aliases: ['statistical', 'statistisch onderzoek'] },
      { value: 'beleidsvoorbereidend', labelNl: 'beleidsvoorbereidend', labelEn: 'policy preparation', aliases: ['policy preparation', 'beleidsvoorbereidend onderzoek'] },
      { value: 'wetenschappelijk', labelNl: 'wetenschappelijk', labelEn: 'scientific', aliases: ['scientific', 'wetenschappelijk onderzoek'] }
    ]
  }),
  field('project.rechtsgrond', 'Rechtsgrond van de verwerking', 'Legal basis of the processing', 'multiline', shared),
  field('project.noodzakelijkheid', 'Noodzakelijkheid van de individuele gegevens', 'Why individual data are necessary', 'multiline'),
  field('project.startdatum', 'Startdatum project', 'Project start date', 'date', { ...shared, checks: ['dateOrder'] }),
  field('project.einddatum', 'Einddatum project', 'Project end date', 'date', { ...shared, checks: ['dateOrder'] }),

  // Data
  field('gegevens.bevragingen', 'Gevraagde bevragingen en golven', 'Surveys and waves requested', 'multiline', {
    checks: ['survey'],
    placeholderNl: 'Bijvoorbeeld: SV-bevraging 2023-2; COVID-19-bevraging golf 3; SCV-survey 2015.',
    placeholderEn: 'For example: SV-bevraging 2023-2; COVID-19-bevraging golf 3; SCV-survey 2015.',
    helpNl: 'SV-bevraging (golven 2021-1 tot 2026-2), COVID-19-bevraging (golven 1 tot 8) of SCV-survey (1996 tot 2018). Scheid met een puntkomma.'
  }),
  field('variabelen', 'Gevraagde variabelen', 'Variables requested', 'rows', {
    checks: ['variableJustification', 'codebook'],
    helpNl: 'Eén variabele per rij, met de motivering waarom ze noodzakelijk is (minimale gegevensverwerking).',
    columns: [
      field('variabelen.naam', 'Variabele', 'Variable', 'text', { placeholderNl: 'Naam van de variabele.', placeholderEn: 'Name of the variable.' }),
      field('variabelen.motivering', 'Motivering', 'Justification', 'multiline', { placeholderNl: 'Waarom is deze variabele nodig?', placeholderEn: 'Why is this variable needed?' })
    ]
  }),
  field('gegevens.koppeling', 'Koppeling met andere gegevens', 'Linking with other data', 'yesNoWithText', {
    allowedValues: YES_NO,
    checks: ['linking'],
    helpNl: 'Antwoord ja of nee. Bij ja: met welke gegevens en hoe.'
  }),
  field('gegevens.pseudonimisering', 'Pseudonimisering', 'Pseudonymisation', 'multiline'),

  // Recipients and safeguards
  field('ontvangers', 'Ontvangers van de gegevens', 'Recipients of the data', 'rows', {
    helpNl: 'Alle personen die toegang krijgen tot de gegevens.',
    columns: [
      field('ontvangers.naam', 'Naam', 'Name', 'text', { placeholderNl: 'Naam van de ontvanger.', placeholderEn: 'Name of the recipient.' }),
      field('ontvangers.instelling', 'Instelling', 'Institution', 'text', { placeholderNl: 'Instelling van de ontvanger.', placeholderEn: 'Institution of the recipient.' })
    ]
  }),
  field('gegevens.doorgifteBuitenEER', 'Doorgifte buiten de Europese Economische Ruimte', 'Transfer outside the European Economic Area', 'yesNoWithText', {
    allowedValues: YES_NO,
    checks: ['transferOutsideEea'],
    helpNl: 'Antwoord nee, of ja met de verantwoording (passende waarborgen).'
  }),
  field('bewaring.termijn', 'Bewaartermijn (bewaren tot)', 'Retention (keep until)', 'date', { checks: ['retention'] }),
  field('bewaring.vernietiging', 'Wijze van vernietiging na de bewaartermijn', 'How the data are destroyed after retention', 'multiline'),
  field('publicatie.regels', 'Regels voor publicatie van resultaten', 'Rules for publishing results', 'multiline', {
    checks: ['publicationRules'],
    helpNl: 'Enkel geaggregeerde resultaten, met een minimale celgrootte (bijvoorbeeld 10 respondenten).'
  }),

  // Security declaration (TOM)
  field('tom.toegangsbeheer', 'Toegangsbeheer', 'Access control', 'multiline'),
  field('tom.versleuteling', 'Versleuteling', 'Encryption', 'multiline'),
  field('tom.opslaglocatie', 'Opslaglocatie van de gegevens', 'Storage location of the data', 'multiline'),
  field('tom.logging', 'Logging van toegang', 'Access logging', 'multiline'),
  field('tom.vertrouwelijkheid', 'Vertrouwelijkheidsverbintenis van de ontvangers', 'Confidentiality undertaking of the recipients', 'multiline'),
  field('tom.incidenten', 'Melding van beveiligingsincidenten', 'Reporting of security incidents', 'multiline'),
  field('tom.vernietiging', 'Vernietiging van de gegevens', 'Destruction of the data', 'multiline'),

  // Protocol
  field('protocol.voorwerp', 'Voorwerp van het protocol', 'Subject of the protocol', 'multiline'),
  field('protocol.gegevenscategorieen', 'Categorieën van gegevens', 'Categories of data', 'multiline'),
  field('protocol.beveiliging', 'Beveiligingsmaatregelen', 'Security measures', 'multiline'),
  field('protocol.looptijd', 'Looptijd van het protocol', 'Term of the protocol', 'text'),
  field('protocol.publicatie', 'Publicatie van het protocol', 'Publication of the protocol', 'multiline', {
    helpNl: 'Het protocol wordt na ondertekening gepubliceerd op de website van Statistiek Vlaanderen, zonder handtekeninggegevens.'
  }),

  // Simplified procedure and addendum
  field('bestaandProtocol.nummer', 'Nummer van het bestaande protocol', 'Number of the existing protocol', 'text', {
    ...shared,
    checks: ['protocolNumber'],
    placeholderNl: 'Bijvoorbeeld: PROT-2024-012.',
    placeholderEn: 'For example: PROT-2024-012.'
  }),
  field('bestaandProtocol.datum', 'Datum van het bestaande protocol', 'Date of the existing protocol', 'date', shared),
  field('vereenvoudigd.reden', 'Reden(en) voor de vereenvoudigde procedure', 'Reason(s) for the simplified procedure', 'multiChoice', {
    allowedValues: SIMPLIFIED_REASONS,
    checks: ['simplifiedReasons'],
    helpNl: 'Een of meer van: verlenging; toevoeging variabelen; nieuwe doeleinden; wijziging identiteit. Scheid met een puntkomma.'
  }),
  field('verlenging.nieuweEinddatum', 'Nieuwe einddatum (bij verlenging)', 'New end date (extension)', 'date', {
    requiredWhen: { field: 'vereenvoudigd.reden', includes: 'verlenging' },
    checks: ['dateOrder']
  }),
  field('nieuweDoeleinden.omschrijving', 'Nieuwe doeleinden', 'New purposes', 'multiline', {
    requiredWhen: { field: 'vereenvoudigd.reden', includes: 'nieuwe doeleinden' }
  }),
  field('nieuweDoeleinden.verband', 'Verband met de eerdere doeleinden', 'Relation to the earlier purposes', 'multiline', {
    requiredWhen: { field: 'vereenvoudigd.reden', includes: 'nieuwe doeleinden' }
  }),
  field('nieuweIdentiteit.instelling', 'Nieuwe naam van de instelling', 'New name of the institution', 'text', {
    requiredWhen: { field: 'vereenvoudigd.reden', includes: 'wijziging identiteit' }
  }),
  field('nieuweIdentiteit.kbo', 'Nieuw ondernemingsnummer', 'New enterprise number', 'enterpriseNumber', {
    requiredWhen: { field: 'vereenvoudigd.reden', includes: 'wijziging identiteit' }
  }),
  field('addendum.wijzigingen', 'Wijzigingen aan het protocol', 'Changes to the protocol', 'multiline'),
  field('addendum.ingangsdatum', 'Ingangsdatum van het addendum', 'Effective date of the addendum', 'date'),

  // Conditions of the approval (catalog 2026.2): filled by the VSA from the decision, never asked of the requester.
  field('voorwaarden', 'Voorwaarden bij de goedkeuring', 'Conditions of the approval', 'rows', {
    requiredWhen: 'never',
    helpNl: 'In te vullen door de VSA: de voorwaarden die de Hoofdstatisticus aan de goedkeuring verbindt. "Geen bijzondere voorwaarden" als er geen zijn.',
    columns: [
      field('voorwaarden.tekst', 'Voorwaarde', 'Condition', 'multiline', { requiredWhen: 'never', placeholderNl: 'In te vullen door de VSA.', placeholderEn: 'To be filled in by the VSA.' }),
      field('voorwaarden.categorie', 'Onderwerp', 'Subject', 'text', { requiredWhen: 'never', placeholderNl: 'Onderwerp.', placeholderEn: 'Subject.' }),
      field('voorwaarden.verantwoordelijke', 'Wie', 'Who', 'text', { requiredWhen: 'never', placeholderNl: 'Aanvrager of VSA.', placeholderEn: 'Requester or VSA.' }),
      field('voorwaarden.termijn', 'Uiterlijk op', 'Due by', 'text', { requiredWhen: 'never', placeholderNl: 'Termijn.', placeholderEn: 'Due date.' })
    ]
  }),

  // Signatures (requester), then the VSA countersignature
  field('ondertekening.naam', 'Naam ondertekenaar', 'Name of the signatory', 'text', signedOnly),
  field('ondertekening.hoedanigheid', 'Hoedanigheid', 'Capacity', 'text', { ...signedOnly, checks: ['mandate'] }),
  field('ondertekening.datum', 'Datum', 'Date', 'date', signedOnly),
  // forms.md asks name, capacity and date when signed; the place is welcome but not required.
  field('ondertekening.plaats', 'Plaats', 'Place', 'text', { requiredWhen: 'never', signature: true }),
  field('ondertekeningVsa.naam', 'Naam (Hoofdstatisticus VSA)', 'Name (Chief Statistician VSA)', 'text', vsaSignature),
  field('ondertekeningVsa.datum', 'Datum (VSA)', 'Date (VSA)', 'date', vsaSignature)
];
