import type { FormDef, FormType, SectionDef } from '../types';

const REQUESTER: SectionDef = {
  headingNl: '1. Gegevens van de aanvrager',
  headingEn: '1. Requester',
  introNl:
    'Vul de gegevens in van de instelling die de individuele gegevens aanvraagt. Enkel overheidsdiensten en instellingen die statistisch, beleidsvoorbereidend of wetenschappelijk onderzoek verrichten, kunnen microdata verkrijgen.',
  fieldIds: [
    'aanvrager.instelling',
    'aanvrager.kbo',
    'aanvrager.type',
    'aanvrager.adres',
    'contact.naam',
    'contact.functie',
    'contact.email',
    'contact.telefoon',
    'verantwoordelijke.naam',
    'vertegenwoordiger.naam',
    'vertegenwoordiger.hoedanigheid',
    'dpoInstelling.naam',
    'dpoInstelling.email'
  ]
};

const SIGNATURE: SectionDef = {
  headingNl: 'Ondertekening',
  headingEn: 'Signature',
  introNl:
    'Stuur het formulier eerst zo volledig mogelijk ingevuld maar niet ondertekend. Onderteken pas nadat het DPO-team van de VSA laat weten dat de aanvraag goedgekeurd is, bij voorkeur met een gekwalificeerde elektronische handtekening (eID). Wie ondertekent als gevolmachtigde, bezorgt ook een bewijs van volmacht of delegatie.',
  fieldIds: ['ondertekening.naam', 'ondertekening.hoedanigheid', 'ondertekening.datum', 'ondertekening.plaats'],
  signatureBlock: true
};

const VSA_SIGNATURE: SectionDef = {
  headingNl: 'Voor de Vlaamse Statistische Autoriteit',
  headingEn: 'For the Flemish Statistical Authority',
  introNl: 'In te vullen door de VSA bij de ondertekening door de Hoofdstatisticus.',
  fieldIds: ['ondertekeningVsa.naam', 'ondertekeningVsa.datum'],
  signatureBlock: true
};

/** The conditions of the approval (catalog 2026.2), filled by the VSA; the requester's checks never require it. */
const CONDITIONS: SectionDef = {
  headingNl: 'Voorwaarden',
  headingEn: 'Conditions',
  introNl: 'In te vullen door de VSA na de beslissing van de Hoofdstatisticus. De ontvangende instelling leeft deze voorwaarden na.',
  fieldIds: ['voorwaarden']
};

const COMMON_CHECKS = ['required', 'document', 'signatureDraft'] as const;

/** The five forms of catalog 2026.2 (2026.1: the protocol and the addendum without their conditions section). */
export const FORM_DEFS: Readonly<Record<FormType, FormDef>> = {
  aanvraagformulier: {
    type: 'aanvraagformulier',
    titleNl: 'Aanvraagformulier voor individuele gegevens van de VSA',
    titleEn: 'Application form for individual data of the VSA',
    introNl:
      'Met dit formulier vraagt u individuele gegevens (microdata) aan van de bevragingen van Statistiek Vlaanderen: de SV-bevraging, de COVID-19-bevraging en de SCV-survey. Stuur het samen met de verklaring over de technische en organisatorische maatregelen en het protocol in docx-formaat naar data-aanvragen.vsa@vlaanderen.be.',
    sections: [
      REQUESTER,
      {
        headingNl: '2. Het onderzoeksproject',
        headingEn: '2. The research project',
        introNl: 'Beschrijf het project, de doeleinden en waarom individuele gegevens daarvoor noodzakelijk zijn.',
        fieldIds: [
          'project.titel',
          'project.doeleinden',
          'project.onderzoekstype',
          'project.rechtsgrond',
          'project.noodzakelijkheid',
          'project.startdatum',
          'project.einddatum'
        ]
      },
      {
        headingNl: '3. Gevraagde gegevens',
        headingEn: '3. Data requested',
        introNl: 'Vraag enkel de variabelen die noodzakelijk zijn en motiveer elke variabele.',
        fieldIds: ['gegevens.bevragingen', 'variabelen', 'gegevens.koppeling', 'gegevens.pseudonimisering']
      },
      {
        headingNl: '4. Ontvangers en waarborgen',
        headingEn: '4. Recipients and safeguards',
        introNl: 'Wie krijgt toegang, hoe lang worden de gegevens bewaard en hoe worden resultaten gepubliceerd?',
        fieldIds: ['ontvangers', 'gegevens.doorgifteBuitenEER', 'bewaring.termijn', 'bewaring.vernietiging', 'publicatie.regels']
      },
      SIGNATURE
    ],
    checks: [...COMMON_CHECKS, 'mandate']
  },
  verklaringTOM: {
    type: 'verklaringTOM',
    titleNl: 'Verklaring i.v.m. de technische en organisatorische maatregelen i.k.v. de aanvraag voor individuele gegevens van de VSA',
    titleEn: 'Declaration on the technical and organisational measures for the request for individual data of the VSA',
    introNl: 'Beschrijf hoe uw instelling de gevraagde individuele gegevens beveiligt.',
    sections: [
      {
        headingNl: '1. Instelling en project',
        headingEn: '1. Institution and project',
        fieldIds: ['aanvrager.instelling', 'aanvrager.kbo', 'project.titel']
      },
      {
        headingNl: '2. Technische en organisatorische maatregelen',
        headingEn: '2. Technical and organisational measures',
        introNl: 'Beschrijf voor elk onderdeel de maatregelen die van toepassing zijn.',
        fieldIds: ['tom.toegangsbeheer', 'tom.versleuteling', 'tom.opslaglocatie', 'tom.logging', 'tom.vertrouwelijkheid', 'tom.incidenten', 'tom.vernietiging']
      },
      SIGNATURE
    ],
    checks: [...COMMON_CHECKS, 'mandate']
  },
  protocol: {
    type: 'protocol',
    titleNl: 'Protocol voor de elektronische mededeling van individuele gegevens van de VSA',
    titleEn: 'Protocol for the electronic communication of individual data of the VSA',
    introNl:
      'Dit protocol regelt de mededeling van individuele gegevens door de Vlaamse Statistische Autoriteit (VSA) aan de ontvangende instelling.',
    sections: [
      {
        headingNl: '1. Partijen',
        headingEn: '1. Parties',
        introNl: 'De Vlaamse Statistische Autoriteit, vertegenwoordigd door de Hoofdstatisticus, en de ontvangende instelling:',
        fieldIds: ['aanvrager.instelling', 'aanvrager.kbo', 'aanvrager.adres', 'verantwoordelijke.naam', 'vertegenwoordiger.naam', 'vertegenwoordiger.hoedanigheid']
      },
      {
        headingNl: '2. Voorwerp en doeleinden',
        headingEn: '2. Subject and purposes',
        fieldIds: ['protocol.voorwerp', 'project.titel', 'project.doeleinden', 'project.rechtsgrond']
      },
      {
        headingNl: '3. Gegevens en ontvangers',
        headingEn: '3. Data and recipients',
        fieldIds: ['protocol.gegevenscategorieen', 'gegevens.bevragingen', 'ontvangers']
      },
      {
        headingNl: '4. Bewaring, beveiliging en looptijd',
        headingEn: '4. Retention, security and term',
        fieldIds: ['bewaring.termijn', 'protocol.beveiliging', 'protocol.looptijd', 'protocol.publicatie']
      },
      { ...CONDITIONS, headingNl: '5. Voorwaarden', headingEn: '5. Conditions' },
      SIGNATURE,
      VSA_SIGNATURE
    ],
    checks: [...COMMON_CHECKS, 'mandate']
  },
  vereenvoudigdAanvraagformulier: {
    type: 'vereenvoudigdAanvraagformulier',
    titleNl: 'Aanvraagformulier voor individuele gegevens van de VSA via de vereenvoudigde procedure',
    titleEn: 'Application form for individual data of the VSA through the simplified procedure',
    introNl:
      'Gebruik dit formulier bij een verlenging, een toevoeging van variabelen, nieuwe doeleinden die verband houden met eerdere doeleinden, of een wijziging van de identiteit van de instelling, bij een bestaand protocol. Na goedkeuring wordt een addendum aan het bestaande protocol toegevoegd.',
    sections: [
      {
        ...REQUESTER,
        fieldIds: [
          'aanvrager.instelling',
          'aanvrager.kbo',
          'aanvrager.type',
          'contact.naam',
          'contact.email',
          'contact.telefoon',
          'vertegenwoordiger.naam',
          'vertegenwoordiger.hoedanigheid'
        ]
      },
      {
        headingNl: '2. Bestaand protocol en reden',
        headingEn: '2. Existing protocol and reason',
        fieldIds: ['bestaandProtocol.nummer', 'bestaandProtocol.datum', 'project.titel', 'vereenvoudigd.reden']
      },
      {
        headingNl: '3. Toelichting per reden',
        headingEn: '3. Details per reason',
        introNl: 'Vul enkel de onderdelen in die bij de gekozen reden(en) horen.',
        fieldIds: [
          'verlenging.nieuweEinddatum',
          'variabelen',
          'nieuweDoeleinden.omschrijving',
          'nieuweDoeleinden.verband',
          'nieuweIdentiteit.instelling',
          'nieuweIdentiteit.kbo'
        ]
      },
      SIGNATURE
    ],
    // scopeChange finds something only when the caller gives the protocol's scope in force.
    checks: [...COMMON_CHECKS, 'mandate', 'scopeChange'],
    requiredWhen: {
      variabelen: { field: 'vereenvoudigd.reden', includes: 'toevoeging variabelen' }
    }
  },
  addendum: {
    type: 'addendum',
    titleNl: 'Addendum bij het protocol voor de elektronische mededeling van individuele gegevens van de VSA',
    titleEn: 'Addendum to the protocol for the electronic communication of individual data of the VSA',
    introNl: 'Dit addendum wijzigt het bestaande protocol na goedkeuring van een aanvraag via de vereenvoudigde procedure.',
    sections: [
      {
        headingNl: '1. Bestaand protocol',
        headingEn: '1. Existing protocol',
        fieldIds: ['bestaandProtocol.nummer', 'bestaandProtocol.datum', 'aanvrager.instelling', 'aanvrager.kbo', 'project.titel']
      },
      {
        headingNl: '2. Wijzigingen',
        headingEn: '2. Changes',
        fieldIds: ['addendum.wijzigingen', 'addendum.ingangsdatum']
      },
      { ...CONDITIONS, headingNl: '3. Voorwaarden', headingEn: '3. Conditions' },
      SIGNATURE,
      VSA_SIGNATURE
    ],
    checks: [...COMMON_CHECKS, 'mandate']
  }
};
