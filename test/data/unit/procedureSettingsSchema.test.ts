import { GROUPS, LIST_PROCEDURE_SETTINGS, LISTS, ProcedureSettingColumn, RoleDefinitionId, groupLevelOn, listSpec } from '../../../src/data/schema';
import { settingRowOfItem } from '../../../src/data/settings/procedureSettingItems';
import { settingItemsOf } from '../../../src/data/settings/procedureSettingSeed';
import { defaultProcedureSettings, settingKeys, validateProcedureSettings } from '../../../src/domain/clocks';

describe('the list "Instellingen van de procedure" in the schema', () => {
  const spec = listSpec(LIST_PROCEDURE_SETTINGS);

  it('given the schema, then the key is a unique indexed Title and days, unit and escalation are Dutch-titled columns', () => {
    expect(LISTS.map((list) => list.title)).toContain('Instellingen van de procedure');
    expect(spec.builtInUnique).toEqual(['Title']);
    expect(spec.columns.map((column) => column.title)).toEqual(['Omschrijving', 'Dagen', 'Eenheid', 'Escalatie na (dagen)']);
    expect(spec.columns.find((column) => column.internalName === ProcedureSettingColumn.Unit)?.choices).toEqual(['kalenderdagen', 'werkdagen']);
  });

  it('given the groups, then only the DPO team writes and everybody reads; versions are kept', () => {
    expect(spec.versioning).toBe(true);
    for (const group of GROUPS) expect([group.role, groupLevelOn(spec, group.role)]).toEqual([group.role, group.role === 'dpoTeam' ? RoleDefinitionId.Contribute : RoleDefinitionId.Read]);
  });
});

describe('settings as list items and back', () => {
  it('given the seed items, when read back as rows and validated, then they are the defaults without problems (one item per key)', () => {
    const items = settingItemsOf();
    expect(items.map((item) => item.Title)).toEqual(settingKeys);
    expect(items.find((item) => item.Title === 'review')).toEqual({ Title: 'review', SettingDescription: 'Fase: Beoordeling', SettingDays: 30, SettingUnit: 'kalenderdagen', EscalateAfterDays: 10 });
    expect(items.find((item) => item.Title === 'digestWeekday')).toMatchObject({ SettingDays: 1 });
    expect(validateProcedureSettings(items.map(settingRowOfItem))).toEqual({ settings: defaultProcedureSettings, problems: [] });
  });

  it('given an item with empty cells, when read, then empty means absent (the default unit and escalation) and a wrong value is left to the validation', () => {
    expect(settingRowOfItem({ Title: 'intake', SettingDays: 3, SettingUnit: null, EscalateAfterDays: '' })).toEqual({ key: 'intake', days: 3, unit: undefined, escalateAfterDays: undefined });
    const { settings, problems } = validateProcedureSettings([settingRowOfItem({ Title: 'intake', SettingDays: -1, SettingUnit: 'werkdagen' })]);
    expect(problems.map((p) => p.code)).toEqual(['settings.error.notPositive']);
    expect(settings.phases.intake).toEqual(defaultProcedureSettings.phases.intake);
  });
});
