import type { Catalog } from '../../domain/i18n/catalog';
import { interpolate } from '../../domain/i18n/interpolate';
import type { Lang } from '../../domain/types';

/** The note's text per language (`{name}` placeholders). */
export const leadTimeNoteTexts: Catalog<string> = {
  nl:
    '{withoutHistory} dossier(s) hebben nog geen statusgeschiedenis in het register (laatst gewijzigd voor die werd bijgehouden); ' +
    '{loadedInFull} ervan werden volledig geladen, {left} tellen niet mee. Hun volgende stap legt ze vast.',
  en:
    '{withoutHistory} dossier(s) have no state history in the register yet (last changed before it was recorded); ' +
    '{loadedInFull} of them were loaded in full, {left} are not counted. Their next step records it.'
};

/** Where the dashboard's state histories came from (see `useLeadTimeHistories`). */
export interface HistoryCoverage {
  /** Register rows without a state history (written before the `StateHistory` column existed). */
  readonly withoutHistory: number;
  /** How many of those were loaded in full instead. */
  readonly loadedInFull: number;
}

/**
 * The note under the lead-time chart when some rows have no state history, so the reader knows the
 * figures leave dossiers out; undefined when every row has one.
 */
export function leadTimeNote(coverage: HistoryCoverage | undefined, lang: Lang): string | undefined {
  if (!coverage || coverage.withoutHistory <= 0) return undefined;
  const { withoutHistory, loadedInFull } = coverage;
  return interpolate(leadTimeNoteTexts[lang], { withoutHistory, loadedInFull, left: withoutHistory - loadedInFull });
}
