import type { SurveyWave } from '../types';

/** SCV-survey: yearly 1996 to 2018 (procedure text). */
const SCV_YEARS = Array.from({ length: 2018 - 1996 + 1 }, (_, i) => 1996 + i);

/**
 * SV-bevraging waves: two a year from 2021 (launched early 2021) to 2026. The procedure says it runs
 * "several times a year"; the exact wave list is a catalog decision (docs/decisions.md).
 */
const SV_WAVES: string[] = [];
for (let year = 2021; year <= 2026; year++) {
  SV_WAVES.push(`${year}-1`, `${year}-2`);
}

/** COVID-19-bevraging: waves 1 to 8, 2020–2022 (decision). */
const COVID_WAVES = [1, 2, 3, 4, 5, 6, 7, 8];

/** Every survey year/wave that may be requested in catalog 2026.1. */
export const SURVEY_WAVES: readonly SurveyWave[] = [
  ...SV_WAVES.map((wave): SurveyWave => ({ id: `SV-bevraging ${wave}`, survey: 'SV-bevraging', labelNl: `SV-bevraging golf ${wave}` })),
  ...COVID_WAVES.map((wave): SurveyWave => ({
    id: `COVID-19-bevraging golf ${wave}`,
    survey: 'COVID-19-bevraging',
    labelNl: `COVID-19-bevraging golf ${wave}`
  })),
  ...SCV_YEARS.map((year): SurveyWave => ({ id: `SCV-survey ${year}`, survey: 'SCV-survey', labelNl: `SCV-survey ${year}` }))
];
