/**
 * The scheduled job (issue 16): for the moment it is given, finds what is due (`dueReminders`) and
 * acts. Every reminder is an event of the ledger with its idempotency key:
 *
 * 1. claim: create the ledger item with the key (unique column): a duplicate means someone else has it;
 *    a `failed` entry, or a `claimed` one older than the lease (its holder crashed), is taken over with
 *    If-Match, so of two instances only one wins;
 * 2. act: the requester draft (kept with the entry), then the staff mail per language (carrying the key),
 *    then the Teams notifications, each in the reader's language, each step recorded when done;
 * 3. record `sent`; a failure records `failed` and the next run retries the steps not yet done.
 *
 * A crash between the mail and its record is resolved by looking the key up in Sent Items before sending
 * again. A Teams notification is recorded before it is sent (write-ahead): after a crash the one in
 * flight is not repeated (at most once; the mail says the same), while a send that failed with an error
 * is retried. One dossier's failure is one log line without personal data; the others go on.
 */
import { failureDetail } from '../failures';
import type { HolidayCalendar, ProcedureSettings } from '../../domain/clocks/types';
import { dueReminders, reminderActivity, reminderFactsOf, renderRequesterDraft, renderStaffReminder, staffByLanguage } from '../../domain/reminders';
import type { DueReminder, ReminderFacts, ReminderKind, ReminderPerson, RoleMembers } from '../../domain/reminders/types';
import { effectiveDates, lifecycleFactsOf } from '../../domain/lifecycle';
import type { Dossier, IsoDateTime, RoleId } from '../../domain/types';
import type { JobPorts, LedgerEntry, LedgerStep, RequesterDraft } from './ports';

/** Per kind: reminders sent (or drafted) now, already sent before, held by another instance, failed, given up (too many attempts). */
export interface KindCounts {
  sent: number;
  alreadySent: number;
  elsewhere: number;
  failed: number;
  gaveUp: number;
}

/** A failure in the run report: technical, without personal data. */
export interface JobFailure {
  readonly reference?: string;
  readonly kind?: ReminderKind;
  /** An error code (`data.error.*`, `calendar.error.*`, …) or `failure.unknown`. */
  readonly code: string;
  readonly detail: string;
}

/** What one run did. */
export interface JobRunReport {
  readonly now: IsoDateTime;
  readonly dossiers: number;
  readonly due: number;
  readonly counts: Readonly<Record<ReminderKind, KindCounts>>;
  /** Reminders that failed (retried on the next run). */
  readonly failures: readonly JobFailure[];
  /** Dossiers that could not be processed (broken history, a year the calendar lacks). */
  readonly dossierFailures: readonly JobFailure[];
  readonly settingsProblems: number;
}

const kinds: readonly ReminderKind[] = ['phaseOverdue', 'escalation', 'requesterReminder', 'protocolEnd', 'destructionRequest', 'destructionEscalation', 'weeklyDigest'];
const reminderRoles: readonly RoleId[] = ['dpoTeam', 'dpo', 'chiefStatistician'];
/**
 * How long a claim holds before another run may take it over (its holder crashed): 10 minutes, clearly
 * shorter than the default timer period (15 minutes in Azure Functions), so the next run takes over a crashed
 * run's claims instead of waiting a second period; longer than a run's slowest send.
 */
export const DEFAULT_LEASE_SECONDS = 600;
/** After this many attempts a reminder that keeps failing is left `failed` in the ledger, no longer retried. */
export const DEFAULT_MAX_ATTEMPTS = 10;

/** Addresses never reach the log. */
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+/g;
const scrub = (text: string): string => text.replace(EMAIL, '<address>').slice(0, 300);

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'failure.unknown';
}

function failureOf(error: unknown, where: { reference?: string; kind?: ReminderKind }): JobFailure {
  return { ...where, code: codeOf(error), detail: scrub(failureDetail(error)) };
}

/** Where a reminder's log line points: the dossier reference (not personal) or "one person" for a digest. */
const subjectOf = (reminder: DueReminder): string => reminder.reference ?? 'one person';

/** The outcome of one reminder. */
type Outcome = 'sent' | 'alreadySent' | 'elsewhere' | 'failed' | 'gaveUp';

/** Runs the job once for `now`. */
export async function runScheduledJob({ now, ports }: { readonly now: IsoDateTime; readonly ports: JobPorts }): Promise<JobRunReport> {
  const { logger } = ports;
  const counts = Object.fromEntries(kinds.map((kind) => [kind, { sent: 0, alreadySent: 0, elsewhere: 0, failed: 0, gaveUp: 0 }])) as Record<ReminderKind, KindCounts>;
  const failures: JobFailure[] = [];
  const dossierFailures: JobFailure[] = [];

  const { settings, problems } = await ports.settings.load();
  for (const problem of problems) logger.warn(`settings: ${problem.code} ${JSON.stringify(problem.params ?? {})}; the default is used`);

  const references = await ports.dossiers.references();
  const facts = await dossierFacts(references, settings, ports.calendar, now, ports, dossierFailures);
  const members: Partial<Record<RoleId, RoleMembers[RoleId]>> = {};
  for (const role of reminderRoles) members[role] = await ports.directory.membersOf(role);

  const due = dueReminders({ dossiers: facts, settings, now, members });
  for (const problem of due.problems) logger.warn(`${problem.reference ?? '-'} ${problem.kind}: ${problem.code} (no one to send it to)`);

  for (const reminder of due.reminders) {
    const outcome = await handleReminder(reminder, now, ports, failures);
    counts[reminder.kind][outcome] += 1;
  }
  const report: JobRunReport = { now, dossiers: references.length, due: due.reminders.length, counts, failures, dossierFailures, settingsProblems: problems.length };
  const sent = kinds.reduce((sum, kind) => sum + counts[kind].sent, 0);
  logger.info(`job ${now}: ${references.length} dossiers, ${due.reminders.length} due, ${sent} sent, ${failures.length} failed, ${dossierFailures.length} dossiers not processed`);
  return report;
}

/**
 * Each dossier's facts: every dossier loaded first (the lifecycle's dates in force need the dossiers of
 * the same protocol), then its clock and dates. A dossier that fails (load, clock) is logged once and
 * left out; the others go on. A dossier that changed after `now` is left to the next run.
 */
async function dossierFacts(
  references: readonly string[],
  settings: ProcedureSettings,
  calendar: HolidayCalendar,
  now: IsoDateTime,
  ports: JobPorts,
  failures: JobFailure[]
): Promise<ReminderFacts[]> {
  const fail = (reference: string, error: unknown): void => {
    const failure = failureOf(error, { reference });
    failures.push(failure);
    ports.logger.error(`${reference}: not processed: ${failure.code}: ${failure.detail}`);
  };
  const loaded: Dossier[] = [];
  for (const reference of references) {
    try {
      loaded.push(await ports.dossiers.load(reference));
    } catch (error) {
      fail(reference, error);
    }
  }
  const lifecycle = loaded.map(lifecycleFactsOf);
  const facts: ReminderFacts[] = [];
  for (const [index, dossier] of loaded.entries()) {
    // Loaded after `now` was taken: a dossier that changed since has a history past the run's moment,
    // which is not broken; the next run sees it (an older run must not act on a state it did not know).
    if (Date.parse(dossier.stateSince) > Date.parse(now)) {
      ports.logger.info(`${dossier.reference}: changed after ${now}; left to the next run`);
      continue;
    }
    try {
      const clock = ports.clockOf({ reference: dossier.reference, state: dossier.state, stateSince: dossier.stateSince, stateHistory: dossier.stateHistory }, settings, calendar, now);
      facts.push(reminderFactsOf(dossier, clock, effectiveDates(lifecycle[index], lifecycle), now));
    } catch (error) {
      fail(dossier.reference, error);
    }
  }
  return facts;
}

/** The entry this run holds, moved forward step by step; a lost race stops the work (someone else holds it now). */
class HeldEntry {
  public constructor(private current: LedgerEntry, private readonly ports: JobPorts) {}

  public get entry(): LedgerEntry {
    return this.current;
  }

  public has(step: LedgerStep): boolean {
    return this.current.steps.includes(step);
  }

  public async record(steps: readonly LedgerStep[], draft?: RequesterDraft): Promise<void> {
    const updated = await this.ports.ledger.update(this.current, { steps, ...(draft ? { draft } : {}) });
    if (!updated) throw Object.assign(new Error('The ledger entry was taken over by another instance.'), { code: 'data.error.conflict' });
    this.current = updated;
  }

  public add(step: LedgerStep, draft?: RequesterDraft): Promise<void> {
    return this.record([...this.current.steps, step], draft);
  }

  public remove(step: LedgerStep): Promise<void> {
    return this.record(this.current.steps.filter((s) => s !== step));
  }
}

/** Claims, acts and records one reminder. */
async function handleReminder(reminder: DueReminder, now: IsoDateTime, ports: JobPorts, failures: JobFailure[]): Promise<Outcome> {
  let held: HeldEntry | undefined;
  try {
    const claimed = await claim(reminder, now, ports);
    if (typeof claimed === 'string') return claimed;
    held = new HeldEntry(claimed, ports);
    await act(reminder, held, ports);
    const recorded = await ports.ledger.update(held.entry, { status: 'sent', sentAt: now });
    if (!recorded) ports.logger.warn(`${subjectOf(reminder)} ${reminder.kind}: sent, but the ledger entry changed meanwhile`);
    return 'sent';
  } catch (error) {
    const failure = failureOf(error, { reference: reminder.reference, kind: reminder.kind });
    failures.push(failure);
    ports.logger.error(`${subjectOf(reminder)} ${reminder.kind}: failed, retried on the next run: ${failure.code}: ${failure.detail}`);
    if (held) {
      try {
        // The entry as this run last wrote it: `failed` lets the next run take it over at once.
        const marked = await ports.ledger.update(held.entry, { status: 'failed', error: failure.code });
        if (!marked) ports.logger.warn(`${subjectOf(reminder)} ${reminder.kind}: the failure was not recorded (the entry changed meanwhile)`);
      } catch (recordError) {
        // The entry stays `claimed`; after the lease the next run takes it over like a crashed one.
        ports.logger.error(`${subjectOf(reminder)} ${reminder.kind}: the failure could not be recorded: ${codeOf(recordError)}`);
      }
    }
    return 'failed';
  }
}

/** The entry this run holds for the reminder, or why it does not hold it. */
async function claim(reminder: DueReminder, now: IsoDateTime, ports: JobPorts): Promise<LedgerEntry | 'alreadySent' | 'elsewhere' | 'gaveUp'> {
  const created = await ports.ledger.create({ key: reminder.key, kind: reminder.kind, reference: reminder.reference, dueOn: reminder.dueOn, at: now });
  if (created) return created;
  const existing = await ports.ledger.get(reminder.key);
  if (!existing) return 'elsewhere';
  if (existing.status === 'sent') return 'alreadySent';
  const leaseMs = (ports.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000;
  const fresh = Date.parse(now) - Date.parse(existing.claimedAt) < leaseMs;
  if (existing.status === 'claimed' && fresh) return 'elsewhere';
  // A failure that repeats (a recipient Graph refuses, a crash at the same step) is not retried for ever.
  const maxAttempts = ports.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (existing.attempts >= maxAttempts) {
    ports.logger.warn(`${subjectOf(reminder)} ${reminder.kind}: not retried after ${existing.attempts} attempts (${existing.status}); see the list Herinneringen`);
    return 'gaveUp';
  }
  const taken = await ports.ledger.update(existing, { status: 'claimed', claimedAt: now, attempts: existing.attempts + 1 });
  if (!taken) return 'elsewhere';
  ports.logger.info(`${subjectOf(reminder)} ${reminder.kind}: taken over (${existing.status === 'failed' ? 'failed before' : 'stale claim'}), attempt ${taken.attempts}`);
  return taken;
}

function linkOf(registerUrl: string, reference: string | undefined): string {
  const url = new URL(registerUrl);
  if (reference) url.searchParams.set('dossier', reference);
  return url.toString();
}

/** The staff with the language each reads (looked up once per person and run). */
async function withLanguages(staff: readonly ReminderPerson[], ports: JobPorts): Promise<ReminderPerson[]> {
  const people: ReminderPerson[] = [];
  for (const person of staff) people.push(person.lang ? person : { ...person, lang: (await ports.languages.preferredLanguageOf(person.id)) ?? 'nl' });
  return people;
}

/** The draft, one mail per language, the Teams notifications: the steps not yet done, recorded in `held`. */
async function act(reminder: DueReminder, held: HeldEntry, ports: JobPorts): Promise<void> {
  const draft = renderRequesterDraft(reminder);
  if (draft && reminder.reference && !held.has('draft')) await held.add('draft', { reference: reminder.reference, kind: reminder.kind, ...draft });
  const staff = await withLanguages(reminder.staff, ports);
  // One language's or person's failure does not hold back the others: the first error is thrown after
  // every mail and notification was tried (each one done is recorded, so the next run repeats none).
  let firstFailure: { error: unknown } | undefined;
  for (const [lang, readers] of staffByLanguage(staff)) {
    const step: LedgerStep = `mail:${lang}`;
    if (held.has(step)) continue;
    // The mail carries the reminder's key and its language: found again in Sent Items after a crash.
    const key = `${reminder.key}|${lang}`;
    try {
      const sentBefore = held.entry.attempts > 1 && (await ports.mailer.sentWithKey(key));
      if (!sentBefore) {
        const message = renderStaffReminder(reminder, lang);
        await ports.mailer.send({ to: readers.map((person) => person.id), subject: message.subject, body: message.body, key });
      }
    } catch (error) {
      firstFailure ??= { error };
      continue;
    }
    await held.add(step);
  }
  const webUrl = linkOf(ports.registerUrl, reminder.reference);
  for (const person of staff) {
    const step: LedgerStep = `teams:${person.id.toLowerCase()}`;
    if (held.has(step)) continue;
    const message = renderStaffReminder(reminder, person.lang ?? 'nl');
    // Written ahead: after a crash this notification is not repeated.
    await held.add(step);
    try {
      await ports.teams.notify({
        recipient: person.id,
        activityType: reminderActivity.type,
        previewText: message.previewText,
        topic: { value: reminder.reference ?? 'weeklyDigest', webUrl },
        templateParameters: { [reminderActivity.templateParameter]: message.subject }
      });
    } catch (error) {
      // Not sent: the step is taken back so the next run sends it.
      await held.remove(step);
      firstFailure ??= { error };
    }
  }
  if (firstFailure) throw firstFailure.error;
}
