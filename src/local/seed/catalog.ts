import type { InstitutionType, ResearchType } from '../../domain/types';

/**
 * Fictional but plausible requesters, projects and variables for the demo tenant. Names of people are
 * invented; e-mail domains end in `.example` so no real mailbox is ever addressed.
 */

/** A requesting institution. */
export interface DemoInstitution {
  readonly name: string;
  readonly type: InstitutionType;
  readonly domain: string;
  readonly address: string;
  readonly researchType: ResearchType;
  /** Enterprise number (valid checksum, invented), as the forms write it; the same in every dossier of the institution. */
  readonly enterpriseNumber: string;
}

export const institutions: readonly DemoInstitution[] = [
  { name: 'Universiteit Gent – Vakgroep Sociologie', type: 'onderzoeksinstelling', domain: 'ugent.example', address: 'Korte Meer 5, 9000 Gent', researchType: 'wetenschappelijk', enterpriseNumber: '0207.300.183' },
  { name: 'KU Leuven – Centrum voor Sociologisch Onderzoek', type: 'onderzoeksinstelling', domain: 'kuleuven.example', address: 'Parkstraat 45, 3000 Leuven', researchType: 'wetenschappelijk', enterpriseNumber: '0207.311.269' },
  { name: 'Universiteit Antwerpen – Centrum voor Sociaal Beleid', type: 'onderzoeksinstelling', domain: 'uantwerpen.example', address: 'Sint-Jacobstraat 2, 2000 Antwerpen', researchType: 'wetenschappelijk', enterpriseNumber: '0207.322.355' },
  { name: 'Vrije Universiteit Brussel – Onderzoeksgroep Tempus Omnia Revelat', type: 'onderzoeksinstelling', domain: 'vub.example', address: 'Pleinlaan 2, 1050 Brussel', researchType: 'wetenschappelijk', enterpriseNumber: '0207.333.441' },
  { name: 'Universiteit Hasselt – Data Science Instituut', type: 'onderzoeksinstelling', domain: 'uhasselt.example', address: 'Agoralaan, 3590 Diepenbeek', researchType: 'statistisch', enterpriseNumber: '0207.344.527' },
  { name: 'HIVA – Onderzoeksinstituut voor Arbeid en Samenleving', type: 'onderzoeksinstelling', domain: 'hiva.example', address: 'Parkstraat 47, 3000 Leuven', researchType: 'beleidsvoorbereidend', enterpriseNumber: '0207.355.613' },
  { name: 'Departement Welzijn, Volksgezondheid en Gezin', type: 'overheidsdienst', domain: 'wvg.example', address: 'Koning Albert II-laan 35, 1030 Brussel', researchType: 'beleidsvoorbereidend', enterpriseNumber: '0316.620.371' },
  { name: 'Departement Onderwijs en Vorming', type: 'overheidsdienst', domain: 'onderwijs.example', address: 'Koning Albert II-laan 15, 1210 Brussel', researchType: 'beleidsvoorbereidend', enterpriseNumber: '0316.631.457' },
  { name: 'Agentschap Opgroeien', type: 'overheidsdienst', domain: 'opgroeien.example', address: 'Hallepoortlaan 27, 1060 Brussel', researchType: 'beleidsvoorbereidend', enterpriseNumber: '0316.642.543' },
  { name: 'Stad Gent – Dienst Data en Informatie', type: 'overheidsdienst', domain: 'stad.gent.example', address: 'Botermarkt 1, 9000 Gent', researchType: 'statistisch', enterpriseNumber: '0207.004.730' },
  { name: 'Stad Antwerpen – Studiedienst', type: 'overheidsdienst', domain: 'antwerpen.example', address: 'Grote Markt 1, 2000 Antwerpen', researchType: 'statistisch', enterpriseNumber: '0207.118.358' },
  { name: 'Provincie Oost-Vlaanderen – Dienst Data & Analyse', type: 'overheidsdienst', domain: 'oost-vlaanderen.example', address: 'Gouvernementstraat 1, 9000 Gent', researchType: 'statistisch', enterpriseNumber: '0208.306.906' },
  { name: 'Kenniscentrum Vlaamse Steden vzw', type: 'andere instelling', domain: 'vlaamsesteden.example', address: 'Arenbergstraat 1, 1000 Brussel', researchType: 'beleidsvoorbereidend', enterpriseNumber: '0416.912.334' },
  { name: 'Vlaamse Ouderenraad vzw', type: 'andere instelling', domain: 'ouderenraad.example', address: 'Koning Albert II-laan 7, 1210 Brussel', researchType: 'beleidsvoorbereidend', enterpriseNumber: '0413.378.960' }
];

export const firstNames: readonly string[] = ['Hanne', 'Wouter', 'Elke', 'Bart', 'Inge', 'Tom', 'Nele', 'Koen', 'Sara', 'Joris', 'Lien', 'Stijn', 'Ann', 'Pieterjan', 'Fatima', 'Mehmet', 'Zoë', 'Rani'];
export const lastNames: readonly string[] = ['Vos', 'De Smedt', 'Van Damme', 'Verhoeven', 'Jacobs', 'Mertens', 'Willems', 'Goossens', 'De Backer', 'Lambrechts', 'Van Acker', 'El Amrani', 'Yilmaz', 'Dubois'];
export const functions: readonly string[] = ['onderzoeker', 'postdoctoraal onderzoeker', 'beleidsmedewerker', 'data-analist', 'projectleider', 'stafmedewerker studiedienst'];

/**
 * Research subjects as requesters title their projects. They end up in the register and the public
 * register, so they read like real requests; hostile strings (markup, `#`, quotes) belong in tests.
 */
export const subjects: readonly string[] = [
  'Eenzaamheid bij 65-plussers in Vlaanderen',
  'Vrijwilligerswerk en sociale cohesie in kleine gemeenten',
  'Impact van telewerk op de werk-privébalans',
  'Vertrouwen in de overheid na de coronacrisis',
  'Mentaal welbevinden van jongeren (16–25 jaar)',
  'Mobiliteitsgedrag en de keuze voor de fiets',
  'Cultuurparticipatie en digitale media',
  'Armoede en schuldenlast bij eenoudergezinnen',
  'Taalgebruik thuis en schoolloopbaan',
  'Mantelzorg en arbeidsparticipatie',
  'Politieke participatie van nieuwkomers',
  'Woonkwaliteit en energiearmoede',
  'Sportbeoefening na de pandemie',
  'Levenslang leren bij 45-plussers',
  'Buurtveiligheid en sociale contacten',
  'Klimaatbezorgdheid en duurzaam consumeren',
  'Gezondheidsvaardigheden en vaccinatiebereidheid',
  'Kinderopvang en de combinatie arbeid-gezin',
  'Vrijetijdsbesteding van jongeren: sport, cultuur en online'
];

/**
 * Variables requested, with a justification (data minimisation), named as in the survey codebooks
 * (src/local/seed/codebooks.ts). One is misspelt on purpose, as requesters do: `inkomen_huishoudn`
 * (the codebooks hold `inkomen_huishouden`), so a form that asks for it shows the codebook finding.
 */
export const variables: readonly { readonly name: string; readonly why: string }[] = [
  { name: 'leeftijd', why: 'Analyse per leeftijdsgroep.' },
  { name: 'geslacht', why: 'Verschillen tussen mannen en vrouwen.' },
  { name: 'opleidingsniveau', why: 'Controlevariabele in de regressie.' },
  { name: 'gezinssamenstelling', why: 'Onderscheid eenoudergezinnen en andere gezinnen.' },
  { name: 'arbeidsstatus', why: 'Relatie met arbeidsparticipatie.' },
  { name: 'provincie', why: 'Regionale verschillen binnen Vlaanderen.' },
  { name: 'inkomenscategorie', why: 'Samenhang met armoede en welzijn.' },
  { name: 'subjectieve_gezondheid', why: 'Uitkomstmaat van het onderzoek.' },
  { name: 'eenzaamheidsschaal', why: 'Centrale uitkomstmaat.' },
  { name: 'vertrouwen_instellingen', why: 'Centrale uitkomstmaat.' },
  { name: 'gewicht', why: 'Correcte weging van de steekproef.' },
  { name: 'inkomen_huishoudn', why: 'Samenhang tussen het inkomen van het huishouden en welzijn.' }
];

/** Survey answers naming the catalog's waves exactly. */
export const surveysAsCatalogued: readonly string[] = [
  'SV-bevraging 2023-1; SV-bevraging 2023-2',
  'SV-bevraging 2024-1',
  'COVID-19-bevraging golf 3; COVID-19-bevraging golf 4',
  'SCV-survey 2016; SCV-survey 2017; SCV-survey 2018',
  'SV-bevraging 2025-1; SV-bevraging 2025-2'
];

/**
 * The survey answer of a dossier's forms: mostly as the catalog names the waves, some as people write
 * them ("beide golven", "golf 1 tot 4", a range of years), which the forms engine expands to the waves.
 */
export const surveysRequested: readonly string[] = [
  ...surveysAsCatalogued,
  'SV-bevraging 2023 (beide golven)',
  'COVID-19-bevraging golf 1 tot 4 (2021-2022)',
  'SCV-survey 2010-2015'
];

export const legalBases: readonly string[] = [
  'Art. 6.1.e AVG; decreet van 18 juli 2003 betreffende het statistisch onderzoek',
  'Art. 6.1.e AVG en art. 89 AVG (wetenschappelijk onderzoek)',
  'Art. 6.1.c AVG; decreet statistiek Vlaanderen'
];

export const notAdmissibleReasons: readonly string[] = [
  'Aanvraag van een individu zonder instelling.',
  'Het gevraagde valt buiten de bevragingen van de VSA.',
  'Geen statistisch, beleidsvoorbereidend of wetenschappelijk doel.'
];

export const reviewRemarks: readonly string[] = [
  'De rechtsgrond ontbreekt in het aanvraagformulier.',
  'Motiveer waarom elke gevraagde variabele nodig is.',
  'Het ondernemingsnummer klopt niet; controleer het KBO-nummer.',
  'De bewaartermijn valt na de einddatum van het project; pas aan.'
];

/**
 * The reviewer remarks a returned demo dossier gets on its application form (issue 14): five for the
 * requester, two internal. The first three are on the fields the demo's second version rewrites
 * (`revisedFields`), so that dossier shows "3 van 7 opmerkingen verwerkt".
 */
export const reviewerRemarks: readonly {
  readonly fieldId: string;
  readonly text: string;
  readonly audience: 'requester' | 'internal';
  readonly severity: 'blocking' | 'warning' | 'info';
}[] = [
  { fieldId: 'project.doeleinden', audience: 'requester', severity: 'warning', text: 'Omschrijf de doeleinden concreter: welke onderzoeksvragen beantwoordt u met deze gegevens?' },
  { fieldId: 'project.noodzakelijkheid', audience: 'requester', severity: 'blocking', text: 'Motiveer per variabele waarom geaggregeerde gegevens niet volstaan.' },
  { fieldId: 'publicatie.regels', audience: 'requester', severity: 'warning', text: 'Vermeld hoe u kleine cellen afschermt bij publicatie (minimale celgrootte en afronding).' },
  { fieldId: 'gegevens.pseudonimisering', audience: 'requester', severity: 'warning', text: 'Wie bewaart de pseudonimiseringssleutel en wie heeft er toegang toe?' },
  { fieldId: 'bewaring.vernietiging', audience: 'requester', severity: 'info', text: 'Geef aan hoe u de vernietiging aan de VSA bevestigt.' },
  { fieldId: 'dpoInstelling.email', audience: 'internal', severity: 'info', text: 'Intern: de DPO van de instelling is nog niet gekend bij de VSA; nakijken voor het beraad.' },
  { fieldId: 'gegevens.koppeling', audience: 'internal', severity: 'warning', text: 'Intern: een ander lopend dossier van deze instelling vraagt een koppeling; afstemmen in het beraad.' }
];

/** What the demo's second version of the application form says in the fields the first three remarks are about. */
export const revisedFields: Readonly<Record<string, string>> = {
  'project.doeleinden': 'Onderzoeksvragen: (1) hoe evolueert de vrijetijdsbesteding per leeftijdsgroep, (2) welke factoren verklaren verschillen tussen gemeenten. Doel: beleidsaanbevelingen voor het lokale vrijetijdsbeleid.',
  'project.noodzakelijkheid': 'Per variabele toegelicht in de tabel; de multivariate analyse op individueel niveau kan niet met geaggregeerde tabellen.',
  'publicatie.regels': 'Enkel geaggregeerde resultaten; cellen met minder dan 10 respondenten worden samengevoegd of weggelaten, aantallen afgerond op 5.'
};
