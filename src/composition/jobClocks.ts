/**
 * The clocks the scheduled job uses: the procedure settings of the list `Instellingen van de procedure`
 * (read through PnPjs on the job's identity, validated by the domain; an unreadable list gives the
 * defaults and a warning, a bad row its default and a problem, both logged), the live `date-holidays`
 * calendar and `dossierClock`. One place, so every host of the job (CLI, `npm start`, Azure Functions)
 * uses the same.
 */
import type { SPFI } from '@pnp/sp';
import { loadProcedureSettings, settingsNotices } from '../app/procedureSettings';
import { dateHolidaysCalendar } from '../data/calendar/dateHolidaysCalendar';
import { SharePointProcedureSettingsReader } from '../data/sharepoint/procedureSettingsReader';
import { dossierClock } from '../domain/clocks/dossierClock';
import type { JobClockSetup } from './jobs';

/** The clock setup of the job on the site behind `sp`. */
export function jobClockSetup(sp: SPFI): JobClockSetup {
  const reader = new SharePointProcedureSettingsReader(sp);
  return {
    settings: {
      async load() {
        const result = await loadProcedureSettings(reader);
        return { settings: result.settings, problems: settingsNotices(result).map((notice) => ({ code: notice.code, params: notice.params })) };
      }
    },
    calendar: dateHolidaysCalendar(),
    clockOf: dossierClock
  };
}
