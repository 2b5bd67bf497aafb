import type { Lang, ResearchType } from '../domain/types';
import { getFieldDef } from '../forms/catalog';

/** Texts of the exported register (page, column headers, CSV headers). Dutch first. */
export interface RegisterTexts {
  readonly pageTitle: string;
  readonly intro: string;
  readonly updated: string;
  /** `{protocols}` and `{addenda}` are filled in with the counted words below. */
  readonly counts: string;
  readonly protocolOne: string;
  readonly protocolMany: string;
  readonly addendumOne: string;
  readonly addendumMany: string;
  readonly caption: string;
  readonly empty: string;
  readonly number: string;
  readonly institution: string;
  readonly project: string;
  readonly purposes: string;
  readonly surveys: string;
  readonly countersigned: string;
  readonly published: string;
  readonly endDate: string;
  readonly publication: string;
  readonly publicationLink: string;
  readonly pdf: string;
  readonly addendumOf: string;
  readonly protocolNotInRegister: string;
  readonly reasons: string;
  readonly noLink: string;
  readonly researchType: string;
  /** Heading of the public conditions of the approval. */
  readonly conditions: string;
  /** `{protocol}`: the protocol's number. */
  readonly scopeHeading: string;
  readonly scopeVariables: string;
  readonly scopePurposes: string;
  readonly scopeSurveys: string;
  readonly scopeInstitution: string;
  readonly scopeEndDate: string;
  readonly scopeExtends: string;
  readonly scopeNone: string;
  readonly changes: string;
  readonly addedVariables: string;
  readonly addedPurposes: string;
  readonly addedSurveys: string;
  readonly newEndDate: string;
  readonly newInstitution: string;
  readonly enterpriseNumber: string;
  /** Lifecycle (issue 16): `{date}` the protocol was revoked. */
  readonly revokedOn: string;
}

/** The register texts per language. */
export const registerTexts: Readonly<Record<Lang, RegisterTexts>> = {
  nl: {
    pageTitle: 'Register van protocollen voor de mededeling van microdata',
    intro:
      'Statistiek Vlaanderen (VSA) publiceert de protocollen en addenda voor de elektronische mededeling van individuele gegevens (microdata) van haar bevragingen, in een versie zonder de gegevens van de handtekeningen.',
    updated: 'Bijgewerkt op',
    counts: '{protocols} en {addenda}.',
    protocolOne: '{n} protocol',
    protocolMany: '{n} protocollen',
    addendumOne: '{n} addendum',
    addendumMany: '{n} addenda',
    caption: 'Gepubliceerde protocollen; de addenda staan onder hun protocol.',
    empty: 'Er zijn nog geen gepubliceerde protocollen.',
    number: 'Nummer',
    institution: 'Instelling',
    project: 'Project',
    purposes: 'Doeleinden',
    surveys: 'Bevragingen',
    countersigned: 'Ondertekend',
    published: 'Gepubliceerd',
    endDate: 'Looptijd tot',
    publication: 'Publicatie',
    publicationLink: 'Publicatieversie',
    pdf: 'PDF',
    addendumOf: 'Addendum bij',
    protocolNotInRegister: 'Protocol van vóór dit register; enkel de addenda staan hier.',
    reasons: 'Reden',
    noLink: 'Nog niet online',
    researchType: 'Soort onderzoek',
    conditions: 'Voorwaarden',
    scopeHeading: 'Geldende reikwijdte van {protocol}',
    scopeVariables: 'Variabelen',
    scopePurposes: 'Doeleinden',
    scopeSurveys: 'Bevragingen',
    scopeInstitution: 'Instelling',
    scopeEndDate: 'Looptijd tot',
    scopeExtends: 'breidt uit',
    scopeNone: 'niet vermeld',
    changes: 'Wijzigingen',
    addedVariables: 'toegevoegde variabelen',
    addedPurposes: 'nieuwe doeleinden',
    addedSurveys: 'toegevoegde bevragingen',
    newEndDate: 'nieuwe einddatum',
    newInstitution: 'nieuwe identiteit',
    enterpriseNumber: 'ondernemingsnummer',
    revokedOn: 'Ingetrokken op {date}'
  },
  en: {
    pageTitle: 'Register of protocols for the communication of microdata',
    intro:
      'Statistics Flanders (VSA) publishes the protocols and addenda for the electronic communication of individual data (microdata) of its surveys, in a version without the signature data.',
    updated: 'Updated on',
    counts: '{protocols} and {addenda}.',
    protocolOne: '{n} protocol',
    protocolMany: '{n} protocols',
    addendumOne: '{n} addendum',
    addendumMany: '{n} addenda',
    caption: 'Published protocols; addenda are listed under their protocol.',
    empty: 'There are no published protocols yet.',
    number: 'Number',
    institution: 'Institution',
    project: 'Project',
    purposes: 'Purposes',
    surveys: 'Surveys',
    countersigned: 'Signed',
    published: 'Published',
    endDate: 'Runs until',
    publication: 'Publication',
    publicationLink: 'Publication version',
    pdf: 'PDF',
    addendumOf: 'Addendum to',
    protocolNotInRegister: 'Protocol from before this register; only its addenda are listed here.',
    reasons: 'Reason',
    noLink: 'Not online yet',
    researchType: 'Type of research',
    conditions: 'Conditions',
    scopeHeading: 'Scope in force of {protocol}',
    scopeVariables: 'Variables',
    scopePurposes: 'Purposes',
    scopeSurveys: 'Surveys',
    scopeInstitution: 'Institution',
    scopeEndDate: 'Runs until',
    scopeExtends: 'extends',
    scopeNone: 'not stated',
    changes: 'Changes',
    addedVariables: 'added variables',
    addedPurposes: 'new purposes',
    addedSurveys: 'added surveys',
    newEndDate: 'new end date',
    newInstitution: 'new identity',
    enterpriseNumber: 'enterprise number',
    revokedOn: 'Revoked on {date}'
  }
};

/** The research type as the forms' catalog names it, in the reader's language. */
export function researchTypeLabel(type: ResearchType, lang: Lang): string {
  const option = getFieldDef('project.onderzoekstype')?.allowedValues?.find((o) => o.value === type);
  return option ? (lang === 'nl' ? option.labelNl : option.labelEn) : type;
}
