/**
 * The demo institution register: every institution the demo dossiers come from (`catalog.ts`), with its
 * enterprise number, authorised signatories (invented people, never real ones; one institution with a
 * former signatory whose period ended), one mandate with its document, and the institution's DPO at its
 * `.example` domain. Written by a member of the DPO team through the register's own rules, so the
 * history shows who added them. Deterministic for a given `now`.
 */
import type { InstitutionRegisterPort } from '../../app/institutions';
import type { AuthorisedSignatory, Institution, InstitutionMandate } from '../../domain/institutions';
import { institutionKindOf } from '../../domain/institutionRules';
import { institutions as demoInstitutions, type DemoInstitution } from './catalog';

/** Who signs for each demo institution (invented names); the first is its legal representative. */
const signatoriesByDomain: Readonly<Record<string, readonly (readonly [string, AuthorisedSignatory['capacity']])[]>> = {
  'ugent.example': [['Marthe Lievens', 'wettelijk vertegenwoordiger'], ['Ruben Declercq', 'verwerkingsverantwoordelijke']],
  'kuleuven.example': [['Korneel Van Hoeymissen', 'wettelijk vertegenwoordiger'], ['Saskia Peeraer', 'verwerkingsverantwoordelijke']],
  'uantwerpen.example': [['Hilde Vanbuggenhout', 'wettelijk vertegenwoordiger']],
  'vub.example': [['Dries Moerenhout', 'wettelijk vertegenwoordiger'], ['Leila Bensaïd', 'verwerkingsverantwoordelijke']],
  'uhasselt.example': [['Veerle Gijsbers', 'wettelijk vertegenwoordiger']],
  'hiva.example': [['Jeroen Vanderhaegen', 'wettelijk vertegenwoordiger']],
  'wvg.example': [['Annelore Bogaert', 'wettelijk vertegenwoordiger'], ['Kobe Vermandere', 'verwerkingsverantwoordelijke']],
  'onderwijs.example': [['Tinne Verschaffel', 'wettelijk vertegenwoordiger']],
  'opgroeien.example': [['Bram Ooghe', 'wettelijk vertegenwoordiger']],
  'stad.gent.example': [['Evelien Strobbe', 'wettelijk vertegenwoordiger'], ['Yannick De Coninck', 'verwerkingsverantwoordelijke']],
  'antwerpen.example': [['Wannes Huybrechts', 'wettelijk vertegenwoordiger']],
  'oost-vlaanderen.example': [['Griet Van Landschoot', 'wettelijk vertegenwoordiger']],
  'vlaamsesteden.example': [['Mathias Dewaele', 'wettelijk vertegenwoordiger']],
  'ouderenraad.example': [['Rosa Vangheluwe', 'wettelijk vertegenwoordiger']]
};

/** The DPOs of the demo institutions (invented names); their address is `dpo@<domain>`. */
const dpoByDomain: Readonly<Record<string, string>> = {
  'ugent.example': 'Sien Vandevelde',
  'kuleuven.example': 'Arne Callewaert',
  'uantwerpen.example': 'Lotte Wuyts',
  'vub.example': 'Nadia El Idrissi',
  'uhasselt.example': 'Pieter Schepers',
  'hiva.example': 'Els Vranken',
  'wvg.example': 'Kristof Meersman',
  'onderwijs.example': 'Ine Claerhout',
  'opgroeien.example': 'Jonas Rottiers',
  'stad.gent.example': 'Margot De Paepe',
  'antwerpen.example': 'Stef Goris',
  'oost-vlaanderen.example': 'Hanne Van de Casteele',
  'vlaamsesteden.example': 'Tijs Verlinden',
  'ouderenraad.example': 'Maria Luyten'
};

/** The register record of one demo institution as of `now`. */
function recordOf(demo: DemoInstitution, now: Date): Institution {
  const year = now.getUTCFullYear();
  const signatories: AuthorisedSignatory[] = (signatoriesByDomain[demo.domain] ?? []).map(([name, capacity]) => ({ name, capacity, validFrom: `${year - 3}-10-01` }));
  const mandates: InstitutionMandate[] = [];
  if (demo.domain === 'ugent.example') {
    // The former legal representative (period ended) and the one mandate of the demo.
    signatories.unshift({ name: 'Koenraad Debaene', capacity: 'wettelijk vertegenwoordiger', validFrom: `${year - 7}-10-01`, validTo: `${year - 3}-09-30` });
    mandates.push({
      mandatedPerson: 'Wendy Vercruysse',
      documentFileName: 'Volmacht Wendy Vercruysse.pdf',
      scope: 'Ondertekening van protocollen en addenda met Statistiek Vlaanderen voor de vakgroep',
      validFrom: `${year - 1}-01-01`,
      validTo: `${year + 1}-12-31`
    });
  }
  return {
    id: '',
    name: demo.name,
    enterpriseNumber: demo.enterpriseNumber,
    kind: institutionKindOf(demo.type) ?? 'andere',
    signatories,
    mandates,
    dpo: { name: dpoByDomain[demo.domain] ?? 'DPO', email: `dpo@${demo.domain}` }
  };
}

/** Every demo institution's record as of `now`, in catalog order. */
export function demoInstitutionRecords(now: Date): Institution[] {
  return demoInstitutions.map((demo) => recordOf(demo, now));
}

/**
 * Adds the demo institutions the register does not hold yet (by enterprise number); answers how many it
 * added. Run as a member of the DPO team (who maintain the register).
 */
export async function seedInstitutions(register: Pick<InstitutionRegisterPort, 'list' | 'save'>, now: Date): Promise<number> {
  const present = new Set((await register.list()).map((institution) => institution.enterpriseNumber));
  let added = 0;
  for (const record of demoInstitutionRecords(now)) {
    if (present.has(record.enterpriseNumber.replace(/\D/g, ''))) continue;
    await register.save(record);
    added++;
  }
  return added;
}
