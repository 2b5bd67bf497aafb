/**
 * The clocks the scheduled job uses: the procedure settings (list `Instellingen van de procedure`),
 * the holiday calendar and `dossierClock`, all from src/domain/clocks and its adapters. One place,
 * so every host of the job (CLI, `npm start`, Azure Functions) uses the same.
 */
import type { SPFI } from '@pnp/sp';
import type { JobClockSetup } from './jobs';

/** The clock setup of the job on the site behind `sp`. */
export function jobClockSetup(_sp: SPFI): JobClockSetup {
  const unavailable = (): never => {
    throw Object.assign(new Error('The clocks (src/domain/clocks) are not wired into the scheduled job yet.'), { code: 'failure.unknown' });
  };
  return { settings: { load: unavailable }, calendar: { holidaysIn: unavailable }, clockOf: unavailable };
}
