/**
 * Survey waves as the register shows and filters them. A wave id is the catalog's canonical id
 * (`SV-bevraging 2023-1`, `COVID-19-bevraging golf 3`, `SCV-survey 2016`): the survey's name, then
 * the wave (a year, a year and half-year, or `golf <n>`). Pure text rules, no catalog needed, so the
 * register's first render does not load the forms engine.
 */
import type { Lang } from './types';

const WAVE_PART = /\s+((?:golf\s+)?\d.*)$/i;

/** The survey a wave belongs to: `SV-bevraging 2023-1` → `SV-bevraging`. */
export function surveyNameOf(wave: string): string {
  return wave.replace(WAVE_PART, '').trim();
}

/** The wave within its survey: `SV-bevraging 2023-1` → `2023-1`, `COVID-19-bevraging golf 3` → `golf 3`. */
export function waveLabelOf(wave: string): string {
  return WAVE_PART.exec(wave)?.[1] ?? '';
}

/**
 * Whether a wave is what a filter asks for: the wave itself or its whole survey (every wave),
 * case-insensitively. `SV-bevraging` matches `SV-bevraging 2023-1`; `SCV` matches nothing.
 */
export function waveMatches(wave: string, wanted: string): boolean {
  const asked = wanted.trim().toLowerCase();
  return asked.length > 0 && (wave.toLowerCase() === asked || surveyNameOf(wave).toLowerCase() === asked);
}

/** Longer runs of waves of one survey are shown as a range with a count. */
const LISTED_WAVES = 3;

/**
 * The waves in few words, per survey in the order given: `SV-bevraging 2023-1, 2023-2`,
 * `COVID-19-bevraging golf 1, 2`, and a range for more than three waves:
 * `SCV-survey 2010–2015 (6 golven)`. Surveys are separated by `; `.
 */
export function compactSurveys(waves: readonly string[], lang: Lang): string {
  const bySurvey = new Map<string, string[]>();
  for (const wave of waves) {
    const name = surveyNameOf(wave);
    bySurvey.set(name, [...(bySurvey.get(name) ?? []), waveLabelOf(wave)]);
  }
  return [...bySurvey.entries()]
    .map(([name, labels]) => {
      const shown = labels.filter((label) => label.length > 0);
      if (shown.length === 0) return name;
      if (shown.length > LISTED_WAVES) {
        const count = lang === 'nl' ? `${shown.length} golven` : `${shown.length} waves`;
        return `${name} ${shown[0]}–${withoutGolf(shown, shown[shown.length - 1])} (${count})`;
      }
      return `${name} ${shown.map((label, index) => (index === 0 ? label : withoutGolf(shown, label))).join(', ')}`;
    })
    .join('; ');
}

/** `golf 4` after `golf 3` reads as `4` when every label is a `golf`. */
function withoutGolf(labels: readonly string[], label: string): string {
  return labels.every((each) => /^golf\s+/i.test(each)) ? label.replace(/^golf\s+/i, '') : label;
}
