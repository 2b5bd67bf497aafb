/**
 * The items of the list `Instellingen van de procedure` as the domain's raw setting rows (the seed is
 * in `procedureSettingSeed.ts`, out of the web parts' first load). The list's values are read as they are: `validateProcedureSettings`
 * judges them (a wrong cell is a problem with its default, never an exception here).
 */
import type { ProcedureSettingRow } from '../../domain/clocks/settings';
import { ProcedureSettingColumn } from '../schemaNames';

type Fields = Readonly<Record<string, unknown>>;

/** The columns to select. */
export const PROCEDURE_SETTING_SELECT: readonly string[] = Object.values(ProcedureSettingColumn);

const orUndefined = (value: unknown): unknown => (value === null || value === '' ? undefined : value);

/** One list item (its fields) as a raw setting row. */
export function settingRowOfItem(fields: Fields): ProcedureSettingRow {
  return {
    key: fields[ProcedureSettingColumn.Key],
    days: fields[ProcedureSettingColumn.Days],
    unit: orUndefined(fields[ProcedureSettingColumn.Unit]),
    escalateAfterDays: orUndefined(fields[ProcedureSettingColumn.EscalateAfterDays])
  };
}
