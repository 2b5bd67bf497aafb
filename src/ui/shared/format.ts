import { interpolate, type TemplateParams } from '../../domain/i18n/interpolate';
import { cultureOf } from '../../domain/i18n/language';
import type { IsoDateTime, Lang } from '../../domain/types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from `from` to `to` (never negative; 0 when a date cannot be read). */
export function wholeDaysBetween(from: IsoDateTime, to: IsoDateTime): number {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) return 0;
  return Math.floor((end - start) / DAY_MS);
}

/** Days (fractional) from `from` to `to`; undefined when either date cannot be read. */
export function daysBetween(from: IsoDateTime, to: IsoDateTime): number | undefined {
  const start = Date.parse(from);
  const end = Date.parse(to);
  if (Number.isNaN(start) || Number.isNaN(end)) return undefined;
  return Math.max(0, (end - start) / DAY_MS);
}


/** A date as `25/11/2026` (nl) or `25/11/2026` (en, day first too); '' for an unreadable value. */
export function formatDate(iso: string | undefined, lang: Lang): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return new Date(time).toLocaleDateString(cultureOf(lang), { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
}

/** A date and time in the user's language (UTC, so tests and screenshots are stable). */
export function formatDateTime(iso: string | undefined, lang: Lang): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return new Date(time).toLocaleString(cultureOf(lang), {
    timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit'
  });
}

/**
 * Fills `{name}` placeholders of a UI string; unknown placeholders stay visible. The name the UI has
 * always used for the one `interpolate` of `domain/i18n`.
 */
export const formatText: (template: string, params: TemplateParams) => string = interpolate;
