/** The default items of the list `Instellingen van de procedure` that provisioning seeds. */
import { phaseLabels } from '../../domain/clocks/labels';
import { isPhaseId } from '../../domain/clocks/phases';
import { defaultProcedureSettings, settingsRows } from '../../domain/clocks/settings';
import type { DayUnit, ProcedureSettings } from '../../domain/clocks/types';
import { ProcedureSettingColumn } from '../schemaNames';

const dutchUnit: Readonly<Record<DayUnit, string>> = { calendar: 'kalenderdagen', working: 'werkdagen' };

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
