/**
 * The banner lines of the procedure settings (list `Instellingen van de procedure`) in the reader's
 * language: the warning of a list that could not be read, with its reason as `formatFailure` words it
 * (a Dutch reason for a Dutch reader, never the reader adapter's English message), and every row's
 * problem. Small and apart from `procedureSettings.ts`, so the web parts format without loading the
 * validation's chunk; the register and the approvals tab both call it.
 */
import { formatError } from '../domain/formatError';
import type { SettingsProblem } from '../domain/clocks/settings';
import type { DomainWarning, Lang } from '../domain/types';
import { formatFailure } from './failures';

/** What the banner needs of a `ProcedureSettingsResult`. */
export interface SettingsNoticeFacts {
  readonly problems: readonly SettingsProblem[];
  readonly warning?: DomainWarning;
  /** The reader's failure behind `warning`. */
  readonly readError?: unknown;
}

/** The warning and the problems as lines for a banner (empty when all is well). */
export function settingsNoticeLines(result: SettingsNoticeFacts, lang: Lang): string[] {
  const warning = result.warning && result.readError !== undefined
    ? { ...result.warning, params: { ...result.warning.params, detail: formatFailure(result.readError, lang) } }
    : result.warning;
  return [...(warning ? [warning] : []), ...result.problems.map((problem): DomainWarning => ({ code: problem.code, params: problem.params }))].map((notice) => formatError(notice, lang));
}
