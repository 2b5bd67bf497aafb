/** In-memory fakes of the job's ports: a ledger with a unique key and revisions, a mailbox with Sent Items, Teams. */
import type { ClockOf, JobPorts, LedgerChange, LedgerClaim, LedgerEntry, ReminderLedger } from '../../../src/app/jobs';
import type { DossierClock } from '../../../src/domain/clocks/types';
import type { Dossier } from '../../../src/domain/types';
import type { ActivityNotification } from '../../../src/data/ports';
import { an, els, karel } from '../../domain/reminders/support';

/** A crash: the instance that meets it stops writing anything (its process is gone). */
export class Crash extends Error {}

type Stored = LedgerEntry & { draft?: LedgerChange['draft']; error?: string };

export class FakeLedger implements ReminderLedger {
  public readonly items = new Map<string, Stored>();
  private revision = 0;
  /** Throws `Crash` at the first update whose change satisfies this; the ledger is then dead until `revive`. */
  public crashWhen?: (change: LedgerChange) => boolean;
  /** The crashed process writes nothing more. */
  public dead = false;

  public revive(): void {
    this.dead = false;
  }

  private async tick(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.dead) throw new Crash('the process is gone');
  }

  public async create(claim: LedgerClaim): Promise<LedgerEntry | undefined> {
    await this.tick();
    if (this.items.has(claim.key)) return undefined;
    const entry: Stored = { key: claim.key, status: 'claimed', claimedAt: claim.at, attempts: 1, steps: [], revision: String(++this.revision) };
    this.items.set(claim.key, entry);
    return entry;
  }

  public async get(key: string): Promise<LedgerEntry | undefined> {
    await this.tick();
    return this.items.get(key);
  }

  public async update(entry: LedgerEntry, change: LedgerChange): Promise<LedgerEntry | undefined> {
    await this.tick();
    if (this.crashWhen?.(change)) {
      this.crashWhen = undefined;
      this.dead = true;
      throw new Crash('crash');
    }
    const current = this.items.get(entry.key);
    if (!current || current.revision !== entry.revision) return undefined;
    const next: Stored = {
      ...current,
      ...(change.status ? { status: change.status } : {}),
      ...(change.claimedAt ? { claimedAt: change.claimedAt } : {}),
      ...(change.attempts !== undefined ? { attempts: change.attempts } : {}),
      ...(change.steps ? { steps: change.steps } : {}),
      ...(change.draft ? { draft: change.draft } : {}),
      ...(change.error ? { error: change.error } : {}),
      revision: String(++this.revision)
    };
    this.items.set(entry.key, next);
    return next;
  }
}

export interface SentMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly body: string;
  readonly key: string;
}

export interface World {
  readonly ports: JobPorts;
  readonly ledger: FakeLedger;
  readonly sent: SentMail[];
  readonly notified: ActivityNotification[];
  readonly log: string[];
  /** Keys whose next mail send fails. */
  readonly failMail: Set<string>;
  /** Recipients whose next Teams notification fails. */
  readonly failTeams: Set<string>;
}

/** The job's ports over dossiers with hand-built clocks (by reference); `broken` loads throw. */
export function world(dossiers: readonly Dossier[], clocks: Readonly<Record<string, DossierClock | Error>>, options: { broken?: readonly string[] } = {}): World {
  const ledger = new FakeLedger();
  const sent: SentMail[] = [];
  const notified: ActivityNotification[] = [];
  const log: string[] = [];
  const failMail = new Set<string>();
  const failTeams = new Set<string>();
  const clockOf: ClockOf = (facts) => {
    const clock = clocks[facts.reference];
    if (clock instanceof Error) throw clock;
    if (!clock) throw new Error(`no clock for ${facts.reference}`);
    return clock;
  };
  const ports: JobPorts = {
    dossiers: {
      references: async () => dossiers.map((d) => d.reference),
      async load(reference) {
        if (options.broken?.includes(reference)) throw Object.assign(new Error(`dossier ${reference}: event 3 is unreadable`), { code: 'data.error.unreadableEvent' });
        const dossier = dossiers.find((d) => d.reference === reference);
        if (!dossier) throw new Error('not found');
        return dossier;
      }
    },
    settings: {
      load: async () => ({
        settings: { phases: {} as never, protocolEndReminderDays: 60, destructionEscalationDays: 30, digestWeekday: 1 },
        problems: []
      })
    },
    calendar: { holidaysIn: () => new Set() },
    clockOf,
    directory: { membersOf: async (role) => ({ dpoTeam: [an, karel], dpo: [karel], chiefStatistician: [els], statistician: [] })[role] },
    ledger,
    mailer: {
      async send(mail) {
        await new Promise((resolve) => setImmediate(resolve));
        if (failMail.delete(mail.key)) throw Object.assign(new Error('send mail: service unavailable (503)'), { code: 'data.error.unavailable' });
        sent.push(mail);
      },
      sentWithKey: async (key) => sent.some((mail) => mail.key === key)
    },
    teams: {
      async notify(notification) {
        await new Promise((resolve) => setImmediate(resolve));
        if (failTeams.delete(notification.recipient)) throw Object.assign(new Error('send a Teams notification: throttled'), { code: 'data.error.throttled' });
        notified.push(notification);
      }
    },
    // Karel reads English; the others Dutch (or unknown: Dutch).
    languages: { preferredLanguageOf: async (address) => (address === 'karel.desmet@vsa.local' ? 'en' : address === 'an.peeters@vsa.local' ? 'nl' : undefined) },
    logger: { info: (line) => log.push(`info ${line}`), warn: (line) => log.push(`warn ${line}`), error: (line) => log.push(`error ${line}`) },
    registerUrl: 'https://contoso.sharepoint.com/sites/microdata/SitePages/Register.aspx',
    leaseSeconds: 600
  };
  return { ports, ledger, sent, notified, log, failMail, failTeams };
}
