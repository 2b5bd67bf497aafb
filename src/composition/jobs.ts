/**
 * Composition of the scheduled job (issue 16): its ports on a PnPjs root and a Graph client — the
 * dossiers (the register's non-final rows, each replayed from its events), the site groups, the ledger
 * list `Herinneringen`, mail from the shared mailbox with the reminder key, Teams activity notifications
 * — plus the clocks (settings, holiday calendar, `dossierClock`) from `JobClockSetup`. The hosts (CLI,
 * `npm start`, the Functions timer) differ only in the identity behind `sp` and `graph`.
 */
import type { SPFI } from '@pnp/sp';
import type { ClockOf, JobLogger, JobPorts, ProcedureSettingsSource } from '../app/jobs/ports';
import { DataError } from '../data/errors';
import { GraphNotifier, type GraphApi } from '../data/graph/notifier';
import { GraphReminderMailer } from '../data/graph/reminderMailer';
import { GraphRecipientLanguages } from '../data/graph/recipientLanguages';
import { SharePointReminderLedger } from '../data/sharepoint/reminderLedger';
import type { HolidayCalendar } from '../domain/clocks/types';
import { stateDefinitions } from '../domain/states';
import type { RoleId, StateId } from '../domain/types';
import { createSharePointDataLayer } from './dataLayer';

/** The clocks the job uses: settings, holidays and the clock rule. */
export interface JobClockSetup {
  readonly settings: ProcedureSettingsSource;
  readonly calendar: HolidayCalendar;
  readonly clockOf: ClockOf;
}

/** What a host configures. */
export interface JobHostConfig {
  /** The register page, for links. */
  readonly registerUrl: string;
  /** The shared mailbox the reminders are mailed from (`data-aanvragen@…`). */
  readonly mailbox: string;
  readonly logger: JobLogger;
  /** e.g. `/sites/microdata`; read from the web on first use when absent. */
  readonly webServerRelativeUrl?: string;
  /** Logins of the writers replay trusts (the command service's app principal). */
  readonly trustedWriters?: readonly string[];
  readonly leaseSeconds?: number;
}

/** Every state that is not final: the dossiers that may have something due. */
export const jobStates: readonly StateId[] = stateDefinitions.filter((definition) => !definition.final).map((definition) => definition.id);

/** The job's ports on `sp` and `graph`. */
export function composeJobPorts(sp: SPFI, graph: GraphApi, clocks: JobClockSetup, config: JobHostConfig): JobPorts {
  const data = createSharePointDataLayer(sp, { webServerRelativeUrl: config.webServerRelativeUrl, trustedWriters: config.trustedWriters });
  const notifier = new GraphNotifier(graph);
  return {
    dossiers: {
      async references() {
        const references: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await data.dossiers.readRegisterPage({ states: jobStates, orderBy: 'reference', pageSize: 500 }, cursor);
          references.push(...page.rows.map((row) => row.reference));
          for (const skipped of page.skipped ?? []) config.logger.warn(`register item ${skipped.itemId} skipped: ${skipped.reason}`);
          cursor = page.nextCursor;
        } while (cursor);
        return references;
      },
      async load(reference) {
        const loaded = await data.commands.load(reference);
        if (!loaded.dossier) throw new DataError('data.error.notFound', `dossier ${reference}: its event log replays no dossier.`);
        return loaded.dossier;
      }
    },
    settings: clocks.settings,
    calendar: clocks.calendar,
    clockOf: clocks.clockOf,
    directory: {
      async membersOf(role: RoleId) {
        return (await data.directory.membersOf(role)).map((actor) => ({ id: actor.id, displayName: actor.displayName }));
      }
    },
    ledger: new SharePointReminderLedger(sp),
    mailer: new GraphReminderMailer(notifier, graph, config.mailbox),
    teams: notifier,
    languages: new GraphRecipientLanguages(graph),
    logger: config.logger,
    registerUrl: config.registerUrl,
    leaseSeconds: config.leaseSeconds
  };
}

/** A logger on the console with a time stamp (the job's lines carry no personal data). */
export function consoleJobLogger(prefix = 'jobs'): JobLogger {
  const line = (text: string): string => `${new Date().toISOString()} ${prefix}: ${text}`;
  return {
    info: (text) => console.log(line(text)),
    warn: (text) => console.warn(line(text)),
    error: (text) => console.error(line(text))
  };
}
