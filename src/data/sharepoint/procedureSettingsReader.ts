/**
 * `ProcedureSettingsReader` on PnPjs (the web parts): the items of `Instellingen van de procedure`,
 * read with the user's identity (everybody reads the list). A failure is a coded `DataError`; the
 * caller falls back to the defaults and shows a warning.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { ProcedureSettingRow } from '../../domain/clocks/settings';
import { toDataError } from '../errors';
import type { ProcedureSettingsReader } from '../ports';
import { LIST_PROCEDURE_SETTINGS } from '../schemaNames';
import { PROCEDURE_SETTING_SELECT, settingRowOfItem } from '../settings/procedureSettingItems';

export class SharePointProcedureSettingsReader implements ProcedureSettingsReader {
  public constructor(private readonly sp: SPFI) {}

  public async readRows(): Promise<ProcedureSettingRow[]> {
    try {
      const items = (await this.sp.web.lists.getByTitle(LIST_PROCEDURE_SETTINGS).items.select(...PROCEDURE_SETTING_SELECT).orderBy('ID').top(500)()) as unknown as Record<string, unknown>[];
      return items.map(settingRowOfItem);
    } catch (error) {
      throw toDataError(error, 'read the procedure settings');
    }
  }
}
