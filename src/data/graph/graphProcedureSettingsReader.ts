/**
 * `ProcedureSettingsReader` on Microsoft Graph (the command service and the scheduled job, app-only):
 * the items of `Instellingen van de procedure`. A failure is a coded `DataError`; the caller falls
 * back to the defaults and logs the warning.
 */
import type { ProcedureSettingRow } from '../../domain/clocks/settings';
import type { ProcedureSettingsReader } from '../ports';
import { LIST_PROCEDURE_SETTINGS } from '../schemaNames';
import { PROCEDURE_SETTING_SELECT, settingRowOfItem } from '../settings/procedureSettingItems';
import { readAllItems } from './graphListItems';
import type { GraphSite } from './graphSite';

export class GraphProcedureSettingsReader implements ProcedureSettingsReader {
  public constructor(private readonly site: GraphSite) {}

  public async readRows(): Promise<ProcedureSettingRow[]> {
    const siteId = await this.site.siteId();
    const items = await readAllItems(this.site.client, siteId, LIST_PROCEDURE_SETTINGS, { select: PROCEDURE_SETTING_SELECT, top: 500 }, 'read the procedure settings');
    return items.map((item) => settingRowOfItem(item.fields));
  }
}
