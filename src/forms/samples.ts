import { fieldIdsOfForm } from './catalog';
import type { FormType, FormValues } from './types';

/**
 * Complete, valid draft values for every form type, consistent across the forms of one dossier.
 * Fictitious data (no real persons). Used by the fixture corpus, the benchmark, tests and the
 * local tenant's seed, which plants defects by overriding single fields.
 */
const SHARED: Readonly<Record<string, string>> = {
  'aanvrager.instelling': 'Universiteit Voorbeeldstad',
  'aanvrager.kbo': '0765.432.146',
  'aanvrager.type': 'onderzoeksinstelling',
  'aanvrager.adres': 'Voorbeeldlaan 1\n9000 Gent',
  'contact.naam': 'An Voorbeeld',
  'contact.functie': 'Onderzoeker',
  'contact.email': 'an.voorbeeld@voorbeeldstad.example.be',
  'contact.telefoon': '+32 9 123 45 67',
  'verantwoordelijke.naam': 'Rector van de Universiteit Voorbeeldstad',
  'vertegenwoordiger.naam': 'Bart Voorbeeld',
  'vertegenwoordiger.hoedanigheid': 'wettelijk vertegenwoordiger',
  'dpoInstelling.naam': 'Chris Voorbeeld',
  'dpoInstelling.email': 'dpo@voorbeeldstad.example.be',
  'project.titel': 'Sociale cohesie in Vlaamse gemeenten',
  'project.doeleinden': 'Wetenschappelijk onderzoek naar sociale cohesie en vertrouwen in Vlaamse gemeenten.\nResultaten worden enkel geaggregeerd gepubliceerd.',
  'project.onderzoekstype': 'wetenschappelijk',
  'project.rechtsgrond': 'Artikel 6.1.e AVG; decreet van 18 juli 2008 betreffende het elektronische bestuurlijke gegevensverkeer.',
  'project.noodzakelijkheid': 'Analyses op gemeenteniveau vereisen individuele antwoorden; geaggregeerde tabellen volstaan niet.',
  'project.startdatum': '01/01/2027',
  'project.einddatum': '31/12/2028',
  'gegevens.bevragingen': 'SV-bevraging 2023-2; COVID-19-bevraging golf 3; SCV-survey 2015',
  'gegevens.koppeling': 'nee',
  'gegevens.pseudonimisering': 'De VSA levert gepseudonimiseerde gegevens; de sleutel blijft bij de VSA.',
  'gegevens.doorgifteBuitenEER': 'nee',
  'bewaring.termijn': '31/12/2030',
  'bewaring.vernietiging': 'Veilig wissen van alle kopieën en back-ups.',
  'publicatie.regels': 'Enkel geaggregeerde resultaten met een minimale celgrootte van 10 respondenten.',
  'tom.toegangsbeheer': 'Toegang enkel voor de vermelde ontvangers, met persoonlijke accounts en tweestapsverificatie.',
  'tom.versleuteling': 'Versleutelde opslag (AES-256) en versleuteld transport.',
  'tom.opslaglocatie': 'Beveiligde onderzoeksserver van de universiteit in België.',
  'tom.logging': 'Elke toegang wordt gelogd en maandelijks nagekeken.',
  'tom.vertrouwelijkheid': 'Alle ontvangers tekenen een vertrouwelijkheidsverklaring.',
  'tom.incidenten': 'Incidenten worden binnen 24 uur gemeld aan de DPO van de instelling en de VSA.',
  'tom.vernietiging': 'Vernietiging na afloop van de bewaartermijn, met attest aan de VSA.',
  'protocol.voorwerp': 'Mededeling van individuele gegevens van de SV-bevraging, de COVID-19-bevraging en de SCV-survey.',
  'protocol.gegevenscategorieen': 'Gepseudonimiseerde antwoorden op vragen over sociale cohesie; achtergrondkenmerken.',
  'protocol.beveiliging': 'Zoals beschreven in de verklaring over de technische en organisatorische maatregelen.',
  'protocol.looptijd': 'Tot 31/12/2028',
  'protocol.publicatie': 'Het protocol wordt gepubliceerd op de website van Statistiek Vlaanderen.',
  'bestaandProtocol.nummer': 'PROT-2024-012',
  'bestaandProtocol.datum': '15/03/2024',
  'vereenvoudigd.reden': 'verlenging; toevoeging variabelen',
  'verlenging.nieuweEinddatum': '31/12/2029',
  'addendum.wijzigingen': 'Verlenging tot 31/12/2029 en toevoeging van twee variabelen.',
  'addendum.ingangsdatum': '01/02/2027'
};

/** Signed-phase values of the requester's signature block. */
export const SAMPLE_SIGNATURE: Readonly<Record<string, string>> = {
  'ondertekening.naam': 'Bart Voorbeeld',
  'ondertekening.hoedanigheid': 'wettelijk vertegenwoordiger',
  'ondertekening.datum': '10/12/2026',
  'ondertekening.plaats': 'Gent'
};

const VARIABLE_NAMES = ['leeftijd', 'geslacht', 'gemeente', 'opleidingsniveau', 'vertrouwen_buren', 'lidmaatschap_vereniging', 'gezinssamenstelling', 'tewerkstelling'];

/** `count` variable rows, each with a justification. */
export function sampleVariables(count: number): Array<Record<string, string>> {
  return Array.from({ length: count }, (_, i) => ({
    'variabelen.naam': i < VARIABLE_NAMES.length ? VARIABLE_NAMES[i] : `variabele_${i + 1}`,
    'variabelen.motivering': `Nodig voor onderzoeksvraag ${(i % 4) + 1}: verklarende variabele in het model.`
  }));
}

/** Options of `sampleValues`. */
export interface SampleOptions {
  /** Number of variable rows (default 3). */
  readonly variables?: number;
  /** Include a filled signature block (signed phase). */
  readonly signed?: boolean;
}

/** Valid values for the fields of one form type; override fields to plant defects. */
export function sampleValues(formType: FormType, options: SampleOptions = {}): { fields: Record<string, string>; rows: Record<string, Array<Record<string, string>>> } {
  const fields: Record<string, string> = {};
  for (const id of fieldIdsOfForm(formType)) {
    if (SHARED[id] !== undefined) fields[id] = SHARED[id];
  }
  if (options.signed) Object.assign(fields, SAMPLE_SIGNATURE);
  const rows: Record<string, Array<Record<string, string>>> = {};
  if (formType === 'aanvraagformulier' || formType === 'vereenvoudigdAanvraagformulier') rows.variabelen = sampleVariables(options.variables ?? 3);
  if (formType === 'aanvraagformulier' || formType === 'protocol') {
    rows.ontvangers = [
      { 'ontvangers.naam': 'An Voorbeeld', 'ontvangers.instelling': 'Universiteit Voorbeeldstad' },
      { 'ontvangers.naam': 'Dirk Voorbeeld', 'ontvangers.instelling': 'Universiteit Voorbeeldstad' }
    ];
  }
  return { fields, rows };
}

/** Merges field overrides into sample values ('' empties a field so it keeps its placeholder). */
export function withFields(values: FormValues, overrides: Record<string, string>): FormValues {
  return { ...values, fields: { ...(values.fields ?? {}), ...overrides } };
}
