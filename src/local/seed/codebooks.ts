/**
 * Demo codebooks of a few survey waves, as the statistical office would export them: the SV-bevraging
 * 2023 (both waves) as one CSV, COVID-19-bevraging golf 3 and SCV-survey 2015 as DDI-Codebook 2.5 XML.
 * Every name the demo forms request (`variables` of the seed catalog) is in them, except the one the
 * catalog misspells on purpose, so a form that asks for it shows the codebook finding with suggestions.
 * A few hundred other variables per wave, some of them special categories (health, origin, religion).
 * Deterministic: the same files on every seed.
 */
import { variables } from './catalog';

/** One variable of a demo codebook. */
export interface DemoCodebookVariable {
  readonly name: string;
  readonly label: string;
  readonly sensitive: boolean;
  readonly categories?: readonly (readonly [string, string])[];
}

/** One file the seed imports. */
export interface DemoCodebookFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** The waves the file holds. */
  readonly waves: readonly string[];
}

const yesNo: readonly (readonly [string, string])[] = [['1', 'ja'], ['2', 'nee'], ['9', 'geen antwoord']];
const agree: readonly (readonly [string, string])[] = [['1', 'helemaal oneens'], ['2', 'oneens'], ['3', 'noch eens, noch oneens'], ['4', 'eens'], ['5', 'helemaal eens']];
const often: readonly (readonly [string, string])[] = [['1', 'nooit'], ['2', 'minder dan maandelijks'], ['3', 'maandelijks'], ['4', 'wekelijks'], ['5', 'dagelijks']];

const v = (name: string, label: string, categories?: readonly (readonly [string, string])[], sensitive = false): DemoCodebookVariable => ({ name, label, sensitive, ...(categories ? { categories } : {}) });

/** The variables every wave of the demo has: background, the demo forms' names, weights. */
function background(): DemoCodebookVariable[] {
  return [
    v('respondent_id', 'Volgnummer van de respondent (gepseudonimiseerd)'),
    v('leeftijd', 'Leeftijd op de dag van de bevraging (jaren)'),
    v('leeftijdsgroep', 'Leeftijd in groepen van vijf jaar'),
    v('geslacht', 'Geslacht', [['1', 'man'], ['2', 'vrouw'], ['3', 'x']]),
    v('opleidingsniveau', 'Hoogst behaalde diploma (ISCED)', [['1', 'laag'], ['2', 'midden'], ['3', 'hoog']]),
    v('gezinssamenstelling', 'Type huishouden', [['1', 'alleenstaand'], ['2', 'koppel zonder kinderen'], ['3', 'koppel met kinderen'], ['4', 'eenoudergezin'], ['5', 'ander']]),
    v('arbeidsstatus', 'Huidige situatie op de arbeidsmarkt', [['1', 'werkend'], ['2', 'werkzoekend'], ['3', 'student'], ['4', 'gepensioneerd'], ['5', 'andere niet-actieven']]),
    v('provincie', 'Provincie van de woonplaats'),
    v('gemeente_grootte', 'Aantal inwoners van de woongemeente (klassen)'),
    v('stedelijkheid', 'Verstedelijkingsgraad van de woonplaats'),
    v('inkomenscategorie', 'Netto maandinkomen van het huishouden (categorieën)'),
    v('inkomen_huishouden', 'Netto maandinkomen van het huishouden (euro)'),
    v('rondkomen', 'Moeite om rond te komen met het inkomen', [['1', 'zeer moeilijk'], ['2', 'moeilijk'], ['3', 'eerder moeilijk'], ['4', 'eerder gemakkelijk'], ['5', 'gemakkelijk']]),
    v('woonsituatie', 'Eigenaar of huurder van de woning'),
    v('subjectieve_gezondheid', 'Hoe is uw gezondheid in het algemeen?', [['1', 'zeer goed'], ['2', 'goed'], ['3', 'redelijk'], ['4', 'slecht'], ['5', 'zeer slecht']], true),
    v('eenzaamheidsschaal', 'Somscore eenzaamheid (De Jong Gierveld, 0–11)'),
    v('vertrouwen_instellingen', 'Gemiddeld vertrouwen in de instellingen (0–10)'),
    v('gewicht', 'Weegfactor (leeftijd, geslacht, provincie, opleiding)'),
    v('gewicht_huishouden', 'Weegfactor op huishoudniveau'),
    v('afname_modus', 'Wijze van afname', [['1', 'online'], ['2', 'papier'], ['3', 'telefonisch']]),
    v('afname_datum', 'Datum waarop de vragenlijst werd ingevuld'),
    // Special categories of personal data (GDPR art. 9).
    v('gezondheid_chronisch', 'Langdurige ziekte of aandoening', yesNo, true),
    v('gezondheid_beperking', 'Beperkt in dagelijkse activiteiten door gezondheidsproblemen', yesNo, true),
    v('gezondheid_depressie', 'Depressieve klachten (PHQ-2)', undefined, true),
    v('geboorteland', 'Geboorteland van de respondent', undefined, true),
    v('geboorteland_moeder', 'Geboorteland van de moeder', undefined, true),
    v('geboorteland_vader', 'Geboorteland van de vader', undefined, true),
    v('nationaliteit_geboorte', 'Nationaliteit bij de geboorte', undefined, true),
    v('religie', 'Levensbeschouwing of religie', [['1', 'geen'], ['2', 'katholiek'], ['3', 'protestants'], ['4', 'islam'], ['5', 'jodendom'], ['6', 'andere']], true),
    v('religie_praktijk', 'Hoe vaak neemt u deel aan een religieuze dienst?', often, true),
    v('politieke_voorkeur', 'Partijvoorkeur bij de laatste verkiezingen', undefined, true)
  ];
}

const domains: readonly (readonly [string, string])[] = [
  ['leven', 'het leven in het algemeen'], ['werk', 'het werk'], ['woning', 'de woning'], ['buurt', 'de buurt'], ['inkomen', 'het inkomen'],
  ['gezondheid', 'de eigen gezondheid'], ['vrije_tijd', 'de vrije tijd'], ['relaties', 'de sociale relaties'], ['opleiding', 'de opleiding'],
  ['mobiliteit', 'de verplaatsingen'], ['veiligheid', 'de veiligheid'], ['dienstverlening', 'de dienstverlening van de overheid']
];
const institutions: readonly (readonly [string, string])[] = [
  ['vlaamse_regering', 'de Vlaamse regering'], ['federale_regering', 'de federale regering'], ['gemeente', 'het gemeentebestuur'], ['politie', 'de politie'],
  ['justitie', 'het gerecht'], ['media', 'de media'], ['wetenschap', 'de wetenschap'], ['onderwijs', 'het onderwijs'], ['zorg', 'de gezondheidszorg'], ['eu', 'de Europese Unie']
];
const activities: readonly (readonly [string, string])[] = [
  ['museum', 'een museum bezocht'], ['theater', 'een theatervoorstelling bijgewoond'], ['concert', 'een concert bijgewoond'], ['bibliotheek', 'de bibliotheek bezocht'],
  ['sport', 'aan sport gedaan'], ['vrijwilligerswerk', 'vrijwilligerswerk gedaan'], ['vereniging', 'deelgenomen aan een vereniging'], ['fiets', 'de fiets gebruikt voor verplaatsingen'],
  ['openbaar_vervoer', 'het openbaar vervoer genomen'], ['telewerk', 'van thuis uit gewerkt'], ['mantelzorg', 'mantelzorg gegeven'], ['buren', 'contact gehad met de buren'],
  ['familie', 'familie gezien'], ['vrienden', 'vrienden gezien'], ['online_winkelen', 'online gewinkeld'], ['sociale_media', 'sociale media gebruikt']
];

/** A module of the SV-bevraging and the SCV-survey: satisfaction, trust, participation, scales. */
function modules(prefix: string, scales: readonly (readonly [string, string, number])[]): DemoCodebookVariable[] {
  return [
    ...domains.map(([key, text]) => v(`tevredenheid_${key}`, `Tevredenheid over ${text} (0–10)`)),
    ...institutions.map(([key, text]) => v(`vertrouwen_${key}`, `Vertrouwen in ${text} (0–10)`)),
    ...activities.map(([key, text]) => v(`freq_${key}`, `Hoe vaak hebt u de voorbije twaalf maanden ${text}?`, often)),
    ...scales.flatMap(([key, text, items]) =>
      Array.from({ length: items }, (_, index) => v(`${prefix}_${key}_${String(index + 1).padStart(2, '0')}`, `${text}: uitspraak ${index + 1}`, agree)))
  ];
}

/** The SV-bevraging's variables of one wave (the second wave has a module on climate instead of digital skills). */
function svWave(wave: 1 | 2): DemoCodebookVariable[] {
  const scales: (readonly [string, string, number])[] = [
    ['eenzaamheid', 'Eenzaamheid (De Jong Gierveld)', 11],
    ['welzijn', 'Mentaal welbevinden (WEMWBS)', 14],
    ['cohesie', 'Sociale cohesie in de buurt', 8],
    ['discriminatie', 'Ervaren discriminatie', 6],
    ['burgerschap', 'Actief burgerschap', 10],
    ['werkdruk', 'Werkdruk en werkbaarheid', 12],
    ['armoede', 'Materiële deprivatie', 13],
    ['wonen', 'Woonkwaliteit en energie', 9],
    ['media', 'Mediagebruik', 14],
    ['mobiliteit', 'Mobiliteitsgedrag', 12],
    ['vrijetijd', 'Vrijetijdsbesteding', 16],
    ['ondersteuning', 'Zorg en ondersteuning', 10],
    ['opvoeding', 'Opvoeding en gezin', 12],
    ['taal', 'Taalgebruik thuis', 8]
  ];
  scales.push(wave === 1 ? ['digitaal', 'Digitale vaardigheden', 15] : ['klimaat', 'Klimaatbezorgdheid en duurzaam gedrag', 15]);
  return [...background(), ...modules('sv', scales)];
}

function covidWave3(): DemoCodebookVariable[] {
  const measures = ['mondmasker', 'afstand', 'handen_wassen', 'bubbel', 'telewerk', 'avondklok', 'reisverbod', 'sluiting_horeca', 'sluiting_scholen', 'testen', 'quarantaine', 'covid_safe_ticket'];
  return [
    ...background(),
    v('covid_besmet', 'Ooit positief getest op COVID-19', yesNo, true),
    v('covid_ziekenhuis', 'Opgenomen in het ziekenhuis door COVID-19', yesNo, true),
    v('covid_long_covid', 'Klachten langer dan drie maanden na de besmetting', yesNo, true),
    v('covid_vaccin_dosis', 'Aantal ontvangen vaccindosissen', undefined, true),
    v('covid_vaccin_bereid', 'Bereidheid om zich te laten vaccineren', agree),
    v('covid_angst', 'Angst om besmet te raken', agree),
    v('covid_inkomen_verlies', 'Inkomensverlies door de coronacrisis', yesNo),
    v('covid_tijdelijk_werkloos', 'Tijdelijk werkloos door de coronacrisis', yesNo),
    ...measures.flatMap((measure) => [
      v(`maatregel_${measure}_steun`, `Steun voor de maatregel: ${measure.replace(/_/g, ' ')}`, agree),
      v(`maatregel_${measure}_naleving`, `Naleving van de maatregel: ${measure.replace(/_/g, ' ')}`, often)
    ]),
    ...modules('covid', [
      ['welzijn', 'Mentaal welbevinden (WEMWBS)', 14],
      ['eenzaamheid', 'Eenzaamheid (De Jong Gierveld)', 11],
      ['veerkracht', 'Veerkracht (Brief Resilience Scale)', 6],
      ['stress', 'Ervaren stress (PSS-10)', 10],
      ['informatie', 'Vertrouwen in informatiebronnen over corona', 12],
      ['maatschappij', 'Maatschappelijke gevolgen van de crisis', 20],
      ['werk', 'Werken tijdens de crisis', 15]
    ])
  ];
}

function scv2015(): DemoCodebookVariable[] {
  return [
    ...background(),
    ...modules('scv', [
      ['cultuur', 'Cultuurparticipatie', 18],
      ['normen', 'Normen en waarden', 16],
      ['gezin', 'Opvattingen over gezin en rollenpatronen', 12],
      ['migratie', 'Houding tegenover migratie en diversiteit', 10],
      ['politiek', 'Politieke betrokkenheid', 12],
      ['milieu', 'Milieubewust gedrag', 10],
      ['tijdsbesteding', 'Tijdsbesteding', 20],
      ['lezen', 'Leesgedrag', 12],
      ['inzet', 'Vrijwillige inzet', 10]
    ])
  ];
}

/** The names of the demo forms' variables that the codebooks hold (all but the deliberate misspelling). */
export function demoFormVariablesInCodebooks(): string[] {
  const known = new Set(background().map((variable) => variable.name));
  return variables.map((variable) => variable.name).filter((name) => known.has(name));
}

const csvCell = (value: string): string => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function csvFile(fileName: string, waves: readonly [string, DemoCodebookVariable[]][]): DemoCodebookFile {
  const lines = ['name;label;wave;sensitive'];
  for (const [wave, list] of waves) for (const variable of list) lines.push([variable.name, variable.label, wave, variable.sensitive ? 'ja' : 'nee'].map(csvCell).join(';'));
  return { fileName, bytes: new TextEncoder().encode(`${lines.join('\r\n')}\r\n`), waves: waves.map(([wave]) => wave) };
}

const xml = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function ddiFile(fileName: string, wave: string, title: string, list: readonly DemoCodebookVariable[]): DemoCodebookFile {
  const vars = list.map((variable, index) => {
    const categories = (variable.categories ?? []).map(([value, label]) => `<catgry><catValu>${xml(value)}</catValu><labl>${xml(label)}</labl></catgry>`).join('');
    const sensitive = variable.sensitive ? '<notes type="VSA:sensitive">ja</notes>' : '';
    return `    <var ID="V${index + 1}" name="${xml(variable.name)}" files="F1"><labl>${xml(variable.label)}</labl>${categories}${sensitive}</var>`;
  });
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<codeBook xmlns="ddi:codebook:2_5" version="2.5">',
    `  <stdyDscr><citation><titlStmt><titl>${xml(title)}</titl><IDNo>${xml(wave)}</IDNo></titlStmt></citation></stdyDscr>`,
    `  <fileDscr ID="F1"><fileTxt><fileName>${xml(wave.replace(/ /g, '_'))}.sav</fileName></fileTxt></fileDscr>`,
    '  <dataDscr>',
    ...vars,
    '  </dataDscr>',
    '</codeBook>',
    ''
  ].join('\n');
  return { fileName, bytes: new TextEncoder().encode(text), waves: [wave] };
}

/** The demo codebook files, in import order. */
export function demoCodebookFiles(): DemoCodebookFile[] {
  return [
    csvFile('SV-bevraging 2023 codeboek.csv', [['SV-bevraging 2023-1', svWave(1)], ['SV-bevraging 2023-2', svWave(2)]]),
    ddiFile('COVID-19-bevraging golf 3 (DDI 2.5).xml', 'COVID-19-bevraging golf 3', 'COVID-19-bevraging, derde golf (2021)', covidWave3()),
    ddiFile('SCV-survey 2015 (DDI 2.5).xml', 'SCV-survey 2015', 'Sociaal-culturele verschuivingen in Vlaanderen 2015', scv2015())
  ];
}

/** Whoever imports: the app function the register's "Codeboeken" view uses (`CodebookLibrary.import`). */
export interface CodebookImporter {
  import(file: { readonly fileName: string; readonly bytes: Uint8Array }, importedBy: { readonly id: string; readonly displayName: string }): Promise<readonly unknown[]>;
}

/** Imports the demo codebooks as a member of the DPO team; answers the number of waves imported. */
export async function seedCodebooks(importer: CodebookImporter, importedBy: { readonly id: string; readonly displayName: string }): Promise<number> {
  let waves = 0;
  for (const file of demoCodebookFiles()) waves += (await importer.import({ fileName: file.fileName, bytes: file.bytes }, importedBy)).length;
  return waves;
}
