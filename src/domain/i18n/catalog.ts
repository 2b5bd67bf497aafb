import type { Lang } from '../types';
import { placeholdersOf } from './interpolate';

/** A catalog: the same shape of texts in Dutch and English. */
export type Catalog<T> = Readonly<Record<Lang, T>>;

/** The string keys of a flat Dutch catalog, widened to `string` values for the English side. */
export type TextsLike<T> = { readonly [K in keyof T]: T[K] extends string ? string : T[K] extends object ? TextsLike<T[K]> : T[K] };

/**
 * Builds a catalog whose English texts must have exactly the Dutch keys (checked by the compiler:
 * a missing key is a type error, an extra one too when the English side is an object literal). Placeholders are compared by `catalogProblems`, which the
 * parity test runs over every catalog.
 */
export function defineCatalog<T extends object>(nl: T, en: TextsLike<T>): Catalog<TextsLike<T>> {
  return { nl: nl as unknown as TextsLike<T>, en };
}

/** What differs between the Dutch and English sides of a catalog: missing keys, other placeholders. */
export function catalogProblems(catalog: Catalog<unknown>, path = ''): string[] {
  return compare(catalog.nl, catalog.en, path);
}

function compare(nl: unknown, en: unknown, path: string): string[] {
  if (typeof nl === 'string' || typeof en === 'string') {
    if (typeof nl !== 'string' || typeof en !== 'string') return [`${path}: text in one language only`];
    if (nl.trim() === '' || en.trim() === '') return [`${path}: empty text`];
    const a = placeholdersOf(nl).join(',');
    const b = placeholdersOf(en).join(',');
    return a === b ? [] : [`${path}: placeholders {${a}} (nl) vs {${b}} (en)`];
  }
  if (typeof nl === 'function' || typeof en === 'function') {
    if (typeof nl !== 'function' || typeof en !== 'function') return [`${path}: function in one language only`];
    return nl.length === en.length ? [] : [`${path}: ${nl.length} vs ${en.length} parameters`];
  }
  if (Array.isArray(nl) || Array.isArray(en)) {
    if (!Array.isArray(nl) || !Array.isArray(en)) return [`${path}: list in one language only`];
    if (nl.length !== en.length) return [`${path}: ${nl.length} vs ${en.length} entries`];
    return nl.flatMap((item, index) => compare(item, en[index], `${path}[${index}]`));
  }
  if (typeof nl === 'object' && nl !== null && typeof en === 'object' && en !== null) {
    const keys = new Set([...Object.keys(nl), ...Object.keys(en)]);
    return [...keys].flatMap((key) => {
      const where = path ? `${path}.${key}` : key;
      if (!(key in nl)) return [`${where}: missing in nl`];
      if (!(key in en)) return [`${where}: missing in en`];
      return compare((nl as Record<string, unknown>)[key], (en as Record<string, unknown>)[key], where);
    });
  }
  return nl === en || typeof nl === typeof en ? [] : [`${path}: different kinds of value`];
}

/**
 * A table of per-id labels (`{ id: { nl, en } }`) seen as one catalog, so the parity test treats
 * label tables and text catalogs alike.
 */
export function labelTableCatalog(table: Readonly<Record<string, Readonly<Record<Lang, string>>>>): Catalog<Record<string, string>> {
  const side = (lang: Lang): Record<string, string> => Object.fromEntries(Object.entries(table).map(([id, label]) => [id, label[lang]]));
  return { nl: side('nl'), en: side('en') };
}
