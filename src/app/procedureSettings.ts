/**
 * Loading the procedure's time settings: the list's rows through the reader port, validated by the
 * domain. A list that cannot be read gives the defaults and a visible warning
 * (`settings.warning.unreadable`); a bad row gives its default and a problem. Nothing is thrown.
 */
import { defaultProcedureSettings, validateProcedureSettings, type SettingsProblem } from '../domain/clocks/settings';
import type { ProcedureSettings } from '../domain/clocks/types';
import type { DomainWarning } from '../domain/types';
import type { ProcedureSettingsReader } from '../data/ports';

export interface ProcedureSettingsResult {
  readonly settings: ProcedureSettings;
  /** Rows with a problem (their defaults were used). */
  readonly problems: readonly SettingsProblem[];
  /** The list could not be read: every setting is a default. `{detail}` is the technical reason (logs). */
  readonly warning?: DomainWarning;
  /** The reader's failure behind `warning`: screens word it in the reader's language (`settingsNoticeLines`). */
  readonly readError?: unknown;
}

/** A short, non-personal description of a read failure for the warning's `{detail}`. */
function detailOf(error: unknown): string {
  if (error instanceof Error) return error.message.slice(0, 200);
  return String(error).slice(0, 200);
}

/** Reads and validates the settings; no reader = the defaults without warning. */
export async function loadProcedureSettings(reader: ProcedureSettingsReader | undefined): Promise<ProcedureSettingsResult> {
  if (!reader) return { settings: defaultProcedureSettings, problems: [] };
  let rows;
  try {
    rows = await reader.readRows();
  } catch (error) {
    return { settings: defaultProcedureSettings, problems: [], warning: { code: 'settings.warning.unreadable', params: { detail: detailOf(error) } }, readError: error };
  }
  return validateProcedureSettings(rows);
}

/** The warning and problems as message lines for a banner (empty when all is well). */
export function settingsNotices(result: ProcedureSettingsResult): DomainWarning[] {
  return [...(result.warning ? [result.warning] : []), ...result.problems.map((problem): DomainWarning => ({ code: problem.code, params: problem.params }))];
}
