/**
 * The clocks the scheduled job uses: the procedure settings of the list `Instellingen van de procedure`
 * (read through PnPjs on the job's identity, validated by the domain; a bad row gives its default and a
 * problem, logged), the live `date-holidays` calendar and `dossierClock`. One place, so every host of the
 * job (CLI, `npm start`, Azure Functions) uses the same.
 *
 * Unlike a screen, the job acts on what it computes (mails, escalations, keyed by their due dates), so a
 * list that cannot be read stops the run (`data.error.unavailable`, retried on the next run) instead of
 * reminding on default deadlines nobody configured.
 */
import type { SPFI } from '@pnp/sp';
import { loadProcedureSettings, settingsNotices } from '../app/procedureSettings';
import { dateHolidaysCalendar } from '../data/calendar/dateHolidaysCalendar';
import { DataError } from '../data/errors';
import type { ProcedureSettingsReader } from '../data/ports';
import { SharePointProcedureSettingsReader } from '../data/sharepoint/procedureSettingsReader';
import { dossierClock } from '../domain/clocks/dossierClock';
import type { JobClockSetup } from './jobs';

/** The clock setup of the job on the site behind `sp` (`reader`: the settings list, tests pass a fake). */
export function jobClockSetup(sp: SPFI, reader: ProcedureSettingsReader = new SharePointProcedureSettingsReader(sp)): JobClockSetup {
  return {
    settings: {
      async load() {
        const result = await loadProcedureSettings(reader);
        if (result.warning) {
          throw new DataError('data.error.unavailable', `The list "Instellingen van de procedure" could not be read (${String(result.warning.params?.detail ?? '')}); the job does not remind on default deadlines.`);
        }
        return { settings: result.settings, problems: settingsNotices(result).map((notice) => ({ code: notice.code, params: notice.params })) };
      }
    },
    calendar: dateHolidaysCalendar(),
    clockOf: dossierClock
  };
}
