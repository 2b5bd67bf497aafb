/**
 * The items of the list `Instellingen van de procedure` as the domain's raw setting rows, and the
 * default items provisioning seeds. The list's values are read as they are: `validateProcedureSettings`
 * judges them (a wrong cell is a problem with its default, never an exception here).
 */
import { phaseLabels } from '../../domain/clocks/labels';
import { isPhaseId } from '../../domain/clocks/phases';
import { defaultProcedureSettings, settingsRows, type ProcedureSettingRow } from '../../domain/clocks/settings';
import type { DayUnit, ProcedureSettings } from '../../domain/clocks/types';
import { ProcedureSettingColumn } from '../schema';

type Fields = Readonly<Record<string, unknown>>;

/** The columns to select. */
export const PROCEDURE_SETTING_SELECT: readonly string[] = Object.values(ProcedureSettingColumn);

const dutchUnit: Readonly<Record<DayUnit, string>> = { calendar: 'kalenderdagen', working: 'werkdagen' };

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

const otherDescriptions: Readonly<Record<string, string>> = {
  protocolEndReminder: 'Herinnering einde protocol: zoveel kalenderdagen vóór de einddatum',
  destructionEscalation: 'Escalatie vernietiging: zoveel kalenderdagen na het einde van de bewaring zonder bevestiging',
  digestWeekday: 'Weekdag van het wekelijkse overzicht (1 = maandag … 7 = zondag)'
};

/** The items that describe `settings` (the seed): key, Dutch description, days, unit and escalation. */
export function settingItemsOf(settings: ProcedureSettings = defaultProcedureSettings): Record<string, string | number>[] {
  return settingsRows(settings).map((row) => {
    const key = String(row.key);
    const phase = isPhaseId(key);
    return {
      [ProcedureSettingColumn.Key]: key,
      [ProcedureSettingColumn.Description]: phase ? `Fase: ${phaseLabels[key].nl}` : otherDescriptions[key] ?? key,
      [ProcedureSettingColumn.Days]: Number(row.days),
      ...(phase ? { [ProcedureSettingColumn.Unit]: dutchUnit[row.unit as DayUnit], [ProcedureSettingColumn.EscalateAfterDays]: Number(row.escalateAfterDays) } : {})
    };
  });
}
