import type { Lang } from '../types';

/** The languages of the product, Dutch first. */
export const languages: readonly Lang[] = ['nl', 'en'];

/**
 * The UI language for a culture or locale name (`nl-BE`, `en-US`, `EN`, Office's `displayLanguage`,
 * SharePoint's `currentUICultureName`, a `?lang=` or `--lang` value): English for any `en…`, Dutch
 * otherwise, because Dutch is the product's first language. The one language detector.
 */
// `null` is what URLSearchParams.get and Office's APIs give for a missing value.
// eslint-disable-next-line @rushstack/no-new-null
export function languageOf(cultureOrLocale: string | null | undefined): Lang {
  return typeof cultureOrLocale === 'string' && cultureOrLocale.trim().toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** True when `value` names a language exactly (`nl` or `en`); for strict inputs such as a CLI flag. */
export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}

const cultures: Readonly<Record<Lang, string>> = { nl: 'nl-BE', en: 'en-GB' };

/**
 * The culture the product formats dates and numbers in, and marks its markup with, for a language:
 * Flemish Dutch, and British English (day-first dates, like the Dutch screens).
 */
export function cultureOf(lang: Lang): string {
  return cultures[lang];
}
