/**
 * Ports of the scheduled job (issue 16). The hosts (src/cli/jobs.ts, src/local/start.ts, the timer of
 * src/functions) give adapters on SharePoint and Graph (src/composition/jobs.ts); tests give fakes.
 */
import type { ClockFacts, DossierClock, HolidayCalendar, ProcedureSettings } from '../../domain/clocks/types';
import type { ReminderPerson } from '../../domain/reminders/types';
import type { Dossier, IsoDateTime, RoleId } from '../../domain/types';
import type { ActivityNotification, RecipientLanguages } from '../../data/ports';
import type { ReminderLedger, ReminderMailer } from '../../data/reminderPorts';

export type { LedgerChange, LedgerClaim, LedgerEntry, LedgerStatus, LedgerStep, ReminderLedger, ReminderMailer, RequesterDraft } from '../../data/reminderPorts';

/** The dossiers the job considers (every dossier not in a final state). */
export interface JobDossiers {
  references(): Promise<readonly string[]>;
  /** The dossier replayed from its events; throws for a broken history. */
  load(reference: string): Promise<Dossier>;
}

/** A problem in the procedure settings (a misconfigured deadline), said in the log; its default is used. */
export interface SettingsProblem {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The procedure settings (list `Instellingen van de procedure`), already validated. */
export interface ProcedureSettingsSource {
  load(): Promise<{ readonly settings: ProcedureSettings; readonly problems: readonly SettingsProblem[] }>;
}

/** `dossierClock` of src/domain/clocks (throws `ClockError` for a broken history or an unknown year). */
export type ClockOf = (facts: ClockFacts, settings: ProcedureSettings, calendar: HolidayCalendar, now: IsoDateTime) => DossierClock;

/** Members of the roles reminders go to. */
export interface JobDirectory {
  membersOf(role: RoleId): Promise<readonly ReminderPerson[]>;
}

/** Teams activity notifications (Graph `sendActivityNotification`). */
export interface ReminderTeams {
  notify(notification: ActivityNotification): Promise<void>;
}

/** The job's log: one line per event, never personal data. */
export interface JobLogger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** Everything a run needs. */
export interface JobPorts {
  readonly dossiers: JobDossiers;
  readonly settings: ProcedureSettingsSource;
  readonly calendar: HolidayCalendar;
  readonly clockOf: ClockOf;
  readonly directory: JobDirectory;
  readonly ledger: ReminderLedger;
  readonly mailer: ReminderMailer;
  readonly teams: ReminderTeams;
  /** The language each staff member reads (Graph `preferredLanguage`); unknown is Dutch. */
  readonly languages: RecipientLanguages;
  readonly logger: JobLogger;
  /** The register page; a dossier's link appends `?dossier=<reference>`. */
  readonly registerUrl: string;
  /** A `claimed` entry older than this is taken over (default 900 s). */
  readonly leaseSeconds?: number;
  /** A reminder that failed (or whose holder crashed) this many times is no longer retried (default 10). */
  readonly maxAttempts?: number;
}
