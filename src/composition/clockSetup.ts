/**
 * The clocks' setup for the Node hosts (the scheduled job, the command service, the CLI): the procedure
 * settings read through a reader (the Graph reader with app-only credentials, or the data layer's
 * PnPjs one), validated, and the live `date-holidays` calendar (any year; never in a web part). A list
 * that cannot be read gives the defaults; its warning and bad rows come back for the log.
 */
import { loadProcedureSettings, settingsNotices, type ProcedureSettingsResult } from '../app/procedureSettings';
import { dateHolidaysCalendar } from '../data/calendar/dateHolidaysCalendar';
import type { ProcedureSettingsReader } from '../data/ports';
import type { ClockSetup } from '../domain/clocks/status';
import type { DomainWarning } from '../domain/types';

export interface NodeClockSetup {
  readonly setup: ClockSetup;
  readonly settings: ProcedureSettingsResult;
  /** The warning and the bad rows, as coded messages for the log (`formatError`). */
  readonly notices: readonly DomainWarning[];
}

export async function nodeClockSetup(reader: ProcedureSettingsReader | undefined): Promise<NodeClockSetup> {
  const settings = await loadProcedureSettings(reader);
  return { setup: { settings: settings.settings, calendar: dateHolidaysCalendar() }, settings, notices: settingsNotices(settings) };
}
