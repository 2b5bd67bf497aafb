/**
 * The scheduled job against the local tenant over a simulated year, as the service's app principal:
 * the real clocks (the provisioned `Instellingen van de procedure` with its defaults, working days with
 * the Belgian and Flemish holidays), the ledger list `Herinneringen` (unique key), mail from the shared
 * mailbox with the reminder key, Sent Items, Teams notifications. What is proven: every reminder exactly
 * once, with two instances at once and a crash between a mail and its record.
 */
import { runScheduledJob, type JobPorts } from '../../src/app/jobs';
import { composeLocalJobPorts } from '../../src/composition/localJobs';
import { MAILBOX, startIntakeTenant, type IntakeTenant } from '../intake/support/front';
import { driveDossier } from '../intake/support/flow';

interface OutboxEntry {
  kind: 'mail' | 'activity';
  sender: string;
  recipients: string[];
  subject: string;
  payload: { message?: { singleValueExtendedProperties?: { id: string; value: string }[] } };
}

describe('the scheduled job over a simulated year on the local tenant', () => {
  let tenant: IntakeTenant;
  const log: string[] = [];
  const logger = { info: (line: string) => log.push(line), warn: (line: string) => log.push(line), error: (line: string) => log.push(`ERROR ${line}`) };

  beforeAll(async () => {
    tenant = await startIntakeTenant();
    await driveDossier(tenant, 'VSA-2026-0101', 'preliminary');
    await driveDossier(tenant, 'VSA-2026-0102', 'formsRequested');
    await driveDossier(tenant, 'VSA-2026-0103', 'deliberation');
    await tenant.hook('DELETE', 'outbox');
  }, 180_000);
  afterAll(async () => tenant?.close());

  const outbox = async (): Promise<OutboxEntry[]> => ((await tenant.hook('GET', 'outbox')) as { value: OutboxEntry[] }).value;
  const keyOf = (entry: OutboxEntry): string | undefined => entry.payload.message?.singleValueExtendedProperties?.[0]?.value;
  /** The reminder's key without the mail's language. */
  const reminderOf = (key: string): string => key.replace(/\|(nl|en)$/, '');
  const ports = (): JobPorts => composeLocalJobPorts(tenant.baseUrl, { logger, mailbox: MAILBOX, leaseSeconds: 3600 });

  it('sends every reminder exactly once, with two instances at once now and then and a crash between a mail and its record', async () => {
    const start = Date.now() + 86_400_000;
    let crashed = false;
    for (let day = 0; day <= 364; day += 2) {
      const now = new Date(start + day * 86_400_000).toISOString();
      if (!crashed) {
        // Until the first reminder: this instance dies right after its first mail went out, before recording it.
        const dying = { ...ports(), logger: { info: () => undefined, warn: () => undefined, error: () => undefined } };
        const ledger = dying.ledger;
        let dead = false;
        const crashingLedger: typeof ledger = {
          create: (claim) => (dead ? Promise.reject(new Error('gone')) : ledger.create(claim)),
          get: (key) => (dead ? Promise.reject(new Error('gone')) : ledger.get(key)),
          update: (entry, change) => {
            if (dead) return Promise.reject(new Error('gone'));
            if (change.steps?.includes('mail:nl')) {
              dead = true;
              crashed = true;
              return Promise.reject(new Error('crash'));
            }
            return ledger.update(entry, change);
          }
        };
        await runScheduledJob({ now, ports: { ...dying, ledger: crashingLedger } });
      } else if (day % 10 === 0) {
        await Promise.all([runScheduledJob({ now, ports: ports() }), runScheduledJob({ now, ports: ports() })]);
      } else {
        await runScheduledJob({ now, ports: ports() });
      }
    }
    expect(crashed).toBe(true);

    expect(log.filter((line) => line.startsWith('ERROR') || line.includes('warn'))).toEqual([]);
    const entries = await outbox();
    const mails = entries.filter((entry) => entry.kind === 'mail');
    const activities = entries.filter((entry) => entry.kind === 'activity');
    const keys = mails.map(keyOf);
    expect(keys.every((key) => typeof key === 'string')).toBe(true);
    // Exactly once: no key twice.
    expect(keys.length).toBe(new Set(keys).size);
    const dossierKeys = keys.filter((key) => key!.startsWith('VSA-')).map((key) => reminderOf(key!).replace(/\|\d{4}-\d{2}-\d{2}$/, '')).sort();
    expect(dossierKeys).toEqual([
      'VSA-2026-0101|escalation',
      'VSA-2026-0101|phaseOverdue',
      'VSA-2026-0102|escalation',
      'VSA-2026-0102|requesterReminder',
      'VSA-2026-0103|escalation',
      'VSA-2026-0103|phaseOverdue'
    ]);
    // One digest a week for the statistician and the DPO, each week once.
    const digests = keys.filter((key) => key!.includes('|weeklyDigest|'));
    expect(digests.filter((key) => key!.startsWith('sofie.janssens@vsa.local|')).length).toBeGreaterThanOrEqual(45);
    expect(digests.filter((key) => key!.startsWith('karel.desmet@vsa.local|')).length).toBeGreaterThanOrEqual(45);
    // Every mail came from the shared mailbox to staff only; the requester's reminder is a draft.
    expect(mails.every((mail) => mail.sender === MAILBOX)).toBe(true);
    expect(mails.flatMap((mail) => mail.recipients)).not.toContain('karel@uni.example');
    // One Teams notification per recipient of each reminder (the crashed one's too: its mail was found in Sent Items).
    expect(activities.length).toBe(mails.reduce((sum, mail) => sum + mail.recipients.length, 0));
    expect(log.some((line) => /taken over \(stale claim\)/.test(line))).toBe(true);

    // The ledger holds each reminder as sent, and the requester draft for a person to preview.
    const ledger = ports().ledger;
    const requesterKey = reminderOf(keys.find((key) => key!.startsWith('VSA-2026-0102|requesterReminder|'))!);
    expect(await ledger.get(requesterKey)).toMatchObject({ status: 'sent', steps: expect.arrayContaining(['draft', 'mail:nl']) });
  }, 600_000);
});
