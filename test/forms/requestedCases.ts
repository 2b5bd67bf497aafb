import { sampleValues } from '../../src/forms';
import type { FormValues } from '../../src/forms';

/** The forms the requested-data tests read: written as a requester would, with what the product must read. */
export const NVT = 'niet van toepassing';

/** An application form as a requester would fill it: surveys, dates and retention in their own words. */
export function applicationValues(): FormValues {
  const values = sampleValues('aanvraagformulier');
  return {
    fields: {
      ...values.fields,
      'aanvrager.kbo': 'BE 0765.432.146',
      'project.doeleinden': '- Sociale cohesie in Vlaamse gemeenten meten\n- Vertrouwen in de buurt verklaren',
      'project.onderzoekstype': 'Wetenschappelijk onderzoek',
      'project.startdatum': '1ste januari 2027',
      'project.einddatum': 'uiterlijk 31 december 2028',
      'gegevens.bevragingen': 'COVID-19-bevraging golf 1 tot 4 (2021-2022); SV-bevraging 2023 (beide golven)\nSCV-survey 2010-2012',
      'gegevens.koppeling': 'Ja: met de Datawarehouse Arbeidsmarkt via een TTP',
      'gegevens.doorgifteBuitenEER': 'Nee',
      'bewaring.termijn': '5 jaar na het einde van het project'
    },
    rows: {
      variabelen: [
        { 'variabelen.naam': 'leeftijd', 'variabelen.motivering': 'Controlevariabele in elk model.' },
        { 'variabelen.naam': 'gemeente', 'variabelen.motivering': 'Analyse per gemeente.' },
        { 'variabelen.naam': NVT, 'variabelen.motivering': NVT }
      ],
      ontvangers: [
        { 'ontvangers.naam': 'An Voorbeeld', 'ontvangers.instelling': 'Universiteit Voorbeeldstad' },
        { 'ontvangers.naam': 'n.v.t.', 'ontvangers.instelling': 'n.v.t.' }
      ]
    }
  };
}

/** A simplified form asking for an extension and one added variable; the other reasons' fields say "niet van toepassing". */
export function simplifiedValues(): FormValues {
  const values = sampleValues('vereenvoudigdAanvraagformulier');
  return {
    fields: {
      ...values.fields,
      'vereenvoudigd.reden': 'Verlenging; toevoeging variabelen',
      'verlenging.nieuweEinddatum': 'tot 28/02/2029',
      'nieuweDoeleinden.omschrijving': NVT,
      'nieuweDoeleinden.verband': 'n.v.t.',
      'nieuweIdentiteit.instelling': 'Niet van toepassing.',
      'nieuweIdentiteit.kbo': 'nvt'
    },
    rows: { variabelen: [{ 'variabelen.naam': 'inkomen_huishouden', 'variabelen.motivering': 'Nieuwe onderzoeksvraag over armoede.' }] }
  };
}

export const EXPECTED_APPLICATION = {
  // Catalog order (SV, COVID-19, SCV), whatever the order written.
  surveys: [
    'SV-bevraging 2023-1',
    'SV-bevraging 2023-2',
    'COVID-19-bevraging golf 1',
    'COVID-19-bevraging golf 2',
    'COVID-19-bevraging golf 3',
    'COVID-19-bevraging golf 4',
    'SCV-survey 2010',
    'SCV-survey 2011',
    'SCV-survey 2012'
  ],
  variablesCount: 2,
  variables: [
    { name: 'leeftijd', justification: 'Controlevariabele in elk model.' },
    { name: 'gemeente', justification: 'Analyse per gemeente.' }
  ],
  purposes: ['Sociale cohesie in Vlaamse gemeenten meten', 'Vertrouwen in de buurt verklaren'],
  researchType: 'wetenschappelijk',
  linking: { answer: 'ja', text: 'met de Datawarehouse Arbeidsmarkt via een TTP' },
  recipients: [{ name: 'An Voorbeeld', institution: 'Universiteit Voorbeeldstad' }],
  transferOutsideEea: { answer: 'nee', text: '' },
  retentionEnd: '2033-12-31',
  institution: { name: 'Universiteit Voorbeeldstad', enterpriseNumber: '0765432146' }
};

export const EXPECTED_SIMPLIFIED = {
  surveys: [],
  variablesCount: 1,
  variables: [{ name: 'inkomen_huishouden', justification: 'Nieuwe onderzoeksvraag over armoede.' }],
  purposes: [],
  recipients: [],
  institution: { name: 'Universiteit Voorbeeldstad', enterpriseNumber: '0765432146' },
  changes: { reasons: ['extension', 'addVariables'], newEndDate: '2029-02-28' }
};

