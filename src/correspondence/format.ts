import type { IsoDate, IsoDateTime, Lang } from '../domain/types';

/** Month names per language (a catalog, checked for parity). */
export const monthNames: Readonly<Record<Lang, readonly string[]>> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
};

/**
 * A calendar date written out (`25 november 2026`, `25 November 2026`). Spelled by hand rather than
 * through `Intl` so the text is identical in every browser, Node build and test run.
 * Returns the input unchanged when it is not a date, so a bad value stays visible in the preview.
 */
export function formatLongDate(value: IsoDate | IsoDateTime | undefined, lang: Lang): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const month = monthNames[lang][Number(match[2]) - 1];
  if (!month) return value;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** Lines as a plain-text bullet list (`- item`), one per line; empty items are dropped. */
export function bulletList(items: readonly string[]): string {
  return items
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => `- ${item.replace(/\s*\n\s*/g, ' ')}`)
    .join('\n');
}

/** `a, b en c` / `a, b and c`. */
export function joinWords(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(', ')} ${lang === 'nl' ? 'en' : 'and'} ${last}`;
}
