import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LEASE_SECONDS, runScheduledJob } from '../../../src/app/jobs';
import { defaultProcedureSettings, dossierClock } from '../../../src/domain/clocks';
import type { Dossier } from '../../../src/domain/types';
import { clockIn, noClock, sofie } from '../../domain/reminders/support';
import { Crash, world } from './fakes';

function dossier(reference: string, extra: Partial<Dossier> = {}): Dossier {
  return {
    reference,
    state: 'underReview',
    stateSince: '2026-03-01T09:00:00.000Z',
    stateHistory: [],
    requester: { isIndividual: false, institution: 'Universiteit Voorbeeld', contact: { name: 'Karel Contact', email: 'karel@uni.example' } },
    assignedStatistician: sofie,
    ...extra
  } as unknown as Dossier;
}

const now = '2026-03-11T08:00:00.000Z';
const later = '2026-03-11T08:20:00.000Z';

/** Three dossiers: a review overdue (assignee), a decision overdue and escalated, a requester phase overdue. */
function threeDossiers(): ReturnType<typeof world> {
  return world(
    [dossier('VSA-2026-0001'), dossier('VSA-2026-0002', { state: 'awaitingDecision' }), dossier('VSA-2026-0003', { state: 'returnedForChanges' })],
    {
      'VSA-2026-0001': clockIn('review', '2026-03-05', '2026-03-20', '2026-03-11'),
      'VSA-2026-0002': clockIn('decision', '2026-03-01', '2026-03-06', '2026-03-11'),
      'VSA-2026-0003': clockIn('returnedForChanges', '2026-03-09', '2026-03-30', '2026-03-11')
    }
  );
}

const mailKeys = (sent: readonly { key: string }[]): string[] => sent.map((mail) => mail.key).sort();
const ofKey = (sent: readonly { key: string }[], key: string): { key: string }[] => sent.filter((mail) => mail.key.startsWith(`${key}|`));

describe('runScheduledJob', () => {
  it('sends every due reminder once: mail with its key to all staff, a Teams notification per person, the requester as a draft', async () => {
    const w = threeDossiers();
    const report = await runScheduledJob({ now, ports: w.ports });
    // One mail per language: the escalation to the DPO team goes to An in Dutch and to Karel in English.
    expect(mailKeys(w.sent)).toEqual([
      'VSA-2026-0001|phaseOverdue|2026-03-05|nl',
      'VSA-2026-0002|escalation|2026-03-06|en',
      'VSA-2026-0002|escalation|2026-03-06|nl',
      'VSA-2026-0002|phaseOverdue|2026-03-01|nl',
      'VSA-2026-0003|requesterReminder|2026-03-09|nl',
      'els.vermeulen@vsa.local|weeklyDigest|2026-W11|nl',
      'sofie.janssens@vsa.local|weeklyDigest|2026-W11|nl'
    ]);
    const escalation = w.sent.filter((mail) => mail.key.startsWith('VSA-2026-0002|escalation'));
    expect(escalation.map((mail) => [mail.to, mail.subject])).toEqual([
      [['an.peeters@vsa.local'], 'Dossier VSA-2026-0002: escalatie: beslissing te laat'],
      [['karel.desmet@vsa.local'], 'Dossier VSA-2026-0002: escalation: decision late']
    ]);
    expect(report.counts.phaseOverdue.sent).toBe(2);
    expect(report.counts.escalation.sent).toBe(1);
    expect(report.counts.requesterReminder.sent).toBe(1);
    expect(report.failures).toEqual([]);
    // The requester is never mailed by the job: the draft waits in the ledger, the assignee hears of it.
    expect(w.sent.flatMap((mail) => mail.to)).not.toContain('karel@uni.example');
    const draftEntry = w.ledger.items.get('VSA-2026-0003|requesterReminder|2026-03-09')!;
    expect(draftEntry.draft).toMatchObject({ reference: 'VSA-2026-0003', to: 'karel@uni.example', lang: 'nl', kind: 'requesterReminder' });
    expect(w.sent.find((mail) => mail.key.startsWith('VSA-2026-0003'))!.to).toEqual([sofie.id]);
    expect(w.notified.find((n) => n.recipient === 'karel.desmet@vsa.local')!.previewText).toMatch(/^Dossier VSA-2026-0002: (escalation|decision)/);
    expect(w.notified.filter((n) => n.topic.value === 'VSA-2026-0002').map((n) => n.recipient).sort()).toEqual(['an.peeters@vsa.local', 'els.vermeulen@vsa.local', 'karel.desmet@vsa.local']);
    expect(w.notified[0]).toMatchObject({ activityType: 'reminderDue', topic: { webUrl: expect.stringContaining('dossier=VSA-2026-0001') } });
    expect([...w.ledger.items.values()].every((entry) => entry.status === 'sent')).toBe(true);
  });

  it('sends nothing again when run twice', async () => {
    const w = threeDossiers();
    await runScheduledJob({ now, ports: w.ports });
    const mails = w.sent.length;
    const notifications = w.notified.length;
    const second = await runScheduledJob({ now: later, ports: w.ports });
    expect(w.sent).toHaveLength(mails);
    expect(w.notified).toHaveLength(notifications);
    expect(second.counts.phaseOverdue).toEqual({ sent: 0, alreadySent: 2, elsewhere: 0, failed: 0, gaveUp: 0 });
  });

  it('sends each reminder once when two instances run at the same moment', async () => {
    const w = threeDossiers();
    const [a, b] = await Promise.all([runScheduledJob({ now, ports: w.ports }), runScheduledJob({ now, ports: w.ports })]);
    expect(mailKeys(w.sent)).toEqual([...new Set(mailKeys(w.sent))]);
    expect(w.sent).toHaveLength(7);
    const recipients = w.notified.map((n) => `${n.topic.value}>${n.recipient}`);
    expect(recipients).toEqual([...new Set(recipients)]);
    expect(a.counts.phaseOverdue.sent + b.counts.phaseOverdue.sent).toBe(2);
    expect(a.counts.phaseOverdue.elsewhere + b.counts.phaseOverdue.elsewhere + a.counts.phaseOverdue.alreadySent + b.counts.phaseOverdue.alreadySent).toBe(2);
  });

  it('retries a failed send on the next run, once', async () => {
    const w = threeDossiers();
    w.failMail.add('VSA-2026-0001|phaseOverdue|2026-03-05|nl');
    const first = await runScheduledJob({ now, ports: w.ports });
    expect(first.failures).toEqual([expect.objectContaining({ reference: 'VSA-2026-0001', kind: 'phaseOverdue', code: 'data.error.unavailable' })]);
    expect(w.ledger.items.get('VSA-2026-0001|phaseOverdue|2026-03-05')).toMatchObject({ status: 'failed', error: 'data.error.unavailable' });
    expect(w.log.some((line) => line.startsWith('error VSA-2026-0001 phaseOverdue: failed, retried on the next run'))).toBe(true);
    const second = await runScheduledJob({ now: later, ports: w.ports });
    expect(second.failures).toEqual([]);
    expect(second.counts.phaseOverdue.sent).toBe(1);
    expect(ofKey(w.sent, 'VSA-2026-0001|phaseOverdue|2026-03-05')).toHaveLength(1);
    expect(w.ledger.items.get('VSA-2026-0001|phaseOverdue|2026-03-05')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('does not let one person\'s failed Teams notification hold back the others of the same reminder', async () => {
    const w = threeDossiers();
    // The escalation goes to An and Karel, in that order: An's notification fails.
    w.failTeams.add('an.peeters@vsa.local');
    const report = await runScheduledJob({ now, ports: w.ports });
    expect(report.counts.escalation.failed).toBe(1);
    const escalated = (recipient: string): number =>
      w.notified.filter((n) => n.recipient === recipient && n.topic.value === 'VSA-2026-0002' && n.templateParameters?.reminder.includes('escalat')).length;
    expect(escalated('karel.desmet@vsa.local')).toBe(1);
    expect(w.ledger.items.get('VSA-2026-0002|escalation|2026-03-06')).toMatchObject({ status: 'failed', steps: expect.arrayContaining(['teams:karel.desmet@vsa.local']) });
    expect(w.ledger.items.get('VSA-2026-0002|escalation|2026-03-06')!.steps).not.toContain('teams:an.peeters@vsa.local');
    // The next run sends An's only.
    await runScheduledJob({ now: later, ports: w.ports });
    expect(escalated('an.peeters@vsa.local')).toBe(1);
    expect(escalated('karel.desmet@vsa.local')).toBe(1);
  });

  it('does not let the failed mail of one language hold back the other language nor the Teams notifications', async () => {
    const w = threeDossiers();
    w.failMail.add('VSA-2026-0002|escalation|2026-03-06|nl');
    await runScheduledJob({ now, ports: w.ports });
    expect(mailKeys(ofKey(w.sent, 'VSA-2026-0002|escalation|2026-03-06'))).toEqual(['VSA-2026-0002|escalation|2026-03-06|en']);
    expect(w.notified.filter((n) => n.topic.value === 'VSA-2026-0002' && n.templateParameters?.reminder.includes('escalat')).map((n) => n.recipient).sort())
      .toEqual(['an.peeters@vsa.local', 'karel.desmet@vsa.local']);
    await runScheduledJob({ now: later, ports: w.ports });
    expect(mailKeys(ofKey(w.sent, 'VSA-2026-0002|escalation|2026-03-06'))).toEqual(['VSA-2026-0002|escalation|2026-03-06|en', 'VSA-2026-0002|escalation|2026-03-06|nl']);
    expect(w.notified.filter((n) => n.topic.value === 'VSA-2026-0002' && n.templateParameters?.reminder.includes('escalat'))).toHaveLength(2);
  });

  it('stops retrying a reminder that keeps failing after maxAttempts, and says so', async () => {
    const w = threeDossiers();
    const ports = { ...w.ports, maxAttempts: 3 };
    const key = 'VSA-2026-0001|phaseOverdue|2026-03-05|nl';
    const runAt = (minute: number): Promise<Awaited<ReturnType<typeof runScheduledJob>>> => {
      w.failMail.add(key);
      return runScheduledJob({ now: `2026-03-11T08:${String(minute).padStart(2, '0')}:00.000Z`, ports });
    };
    for (const minute of [0, 1, 2]) expect((await runAt(minute)).counts.phaseOverdue.failed).toBe(1);
    expect(w.ledger.items.get('VSA-2026-0001|phaseOverdue|2026-03-05')).toMatchObject({ status: 'failed', attempts: 3 });
    const fourth = await runAt(3);
    expect(fourth.counts.phaseOverdue).toMatchObject({ failed: 0, gaveUp: 1 });
    expect(fourth.failures).toEqual([]);
    expect(w.ledger.items.get('VSA-2026-0001|phaseOverdue|2026-03-05')).toMatchObject({ status: 'failed', attempts: 3 });
    expect(w.log.some((line) => line.includes('VSA-2026-0001 phaseOverdue: not retried after 3 attempts'))).toBe(true);
  });

  it('leaves a dossier that moved on after the run\'s moment to the next run instead of reporting a broken history', async () => {
    // The job takes `now` when it starts and loads the dossiers afterwards: a command may land in between.
    const moving = dossier('VSA-2026-0004', {
      state: 'underReview', stateSince: '2026-03-11T08:00:05.000Z',
      stateHistory: [{ state: 'intake', enteredAt: '2026-01-05T09:00:00.000Z' }, { state: 'preliminary', enteredAt: '2026-01-06T09:00:00.000Z' }, { state: 'underReview', enteredAt: '2026-03-11T08:00:05.000Z' }]
    } as never);
    const w = world([moving], {});
    const ports = { ...w.ports, clockOf: dossierClock, settings: { load: async () => ({ settings: defaultProcedureSettings, problems: [] }) } };
    const report = await runScheduledJob({ now, ports });
    expect(report.dossierFailures).toEqual([]);
    expect(report.due).toBe(0);
    expect(w.log.some((line) => line.startsWith('info VSA-2026-0004: changed after'))).toBe(true);
  });

  it('retries only the Teams notification that failed, not the mail nor the others', async () => {
    const w = threeDossiers();
    w.failTeams.add('karel.desmet@vsa.local');
    await runScheduledJob({ now, ports: w.ports });
    const failed = [...w.ledger.items.values()].filter((entry) => entry.status === 'failed');
    expect(failed).toHaveLength(1);
    // Recorded as failed, so the very next run (within the lease) takes it over.
    expect(failed[0].steps).not.toContain('teams:karel.desmet@vsa.local');
    const before = w.notified.length;
    const next = await runScheduledJob({ now: '2026-03-11T08:01:00.000Z', ports: w.ports });
    expect(next.failures).toEqual([]);
    const keyMails = ofKey(w.sent, 'VSA-2026-0002|escalation|2026-03-06');
    expect(keyMails).toHaveLength(2);
    // Karel's escalation notification is sent now, once.
    const karelEscalations = w.notified.filter((n) => n.recipient === 'karel.desmet@vsa.local' && n.topic.value === 'VSA-2026-0002' && n.templateParameters?.reminder.includes('escalation'));
    expect(karelEscalations).toHaveLength(1);
    expect(w.notified.length).toBeGreaterThan(before);
    const seen = w.notified.map((n) => `${n.templateParameters?.reminder}>${n.recipient}`);
    expect(seen).toEqual([...new Set(seen)]);
  });

  it('after a crash between the mail and its record, the next run finds the mail in Sent Items and does not send it again', async () => {
    const w = world([dossier('VSA-2026-0001')], { 'VSA-2026-0001': clockIn('review', '2026-03-05', '2026-03-20', '2026-03-11') });
    w.ledger.crashWhen = (change) => change.steps?.includes('mail:nl') === true;
    await expect(runScheduledJob({ now, ports: w.ports })).resolves.toBeDefined();
    // The crashed instance's claim is still `claimed`; within the lease nobody touches it.
    const crashed = w.ledger.items.get('VSA-2026-0001|phaseOverdue|2026-03-05')!;
    expect(crashed).toMatchObject({ status: 'claimed', steps: [] });
    expect(w.sent).toHaveLength(1);
    w.ledger.revive();
    const within = await runScheduledJob({ now: '2026-03-11T08:05:00.000Z', ports: w.ports });
    expect(within.counts.phaseOverdue.elsewhere).toBe(1);
    // After the lease the claim is stale: taken over, the mail found by its key, the Teams notification sent.
    const after = await runScheduledJob({ now: later, ports: w.ports });
    expect(after.counts.phaseOverdue.sent).toBe(1);
    expect(ofKey(w.sent, 'VSA-2026-0001|phaseOverdue|2026-03-05')).toHaveLength(1);
    expect(w.notified.filter((n) => n.topic.value === 'VSA-2026-0001' && n.templateParameters?.reminder.includes('termijn'))).toHaveLength(1);
    expect(w.ledger.items.get('VSA-2026-0001|phaseOverdue|2026-03-05')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('after a crash while a Teams notification is in flight, does not repeat it (written ahead) and finishes the rest', async () => {
    const w = world([dossier('VSA-2026-0002', { state: 'awaitingDecision' })], { 'VSA-2026-0002': clockIn('decision', '2026-03-01', '2026-03-30', '2026-03-11') });
    const teams = w.ports.teams;
    let crashNext = true;
    // The process dies after writing the step ahead, before the notification leaves.
    (w.ports as { teams: typeof teams }).teams = {
      async notify(notification) {
        if (crashNext) {
          crashNext = false;
          w.ledger.dead = true;
          throw new Crash('crash');
        }
        return teams.notify(notification);
      }
    };
    await runScheduledJob({ now, ports: w.ports });
    expect(w.ledger.items.get('VSA-2026-0002|phaseOverdue|2026-03-01')).toMatchObject({ status: 'claimed', steps: ['mail:nl', 'teams:els.vermeulen@vsa.local'] });
    w.ledger.revive();
    await runScheduledJob({ now: later, ports: w.ports });
    expect(ofKey(w.sent, 'VSA-2026-0002|phaseOverdue|2026-03-01')).toHaveLength(1);
    // Els was the one in flight: at most once, so none for the reminder (the mail told her); the digest reaches her.
    expect(w.notified.filter((n) => n.templateParameters?.reminder.includes('termijn'))).toEqual([]);
    expect(w.ledger.items.get('VSA-2026-0002|phaseOverdue|2026-03-01')).toMatchObject({ status: 'sent' });
  });

  it('processes the other dossiers when one has a broken history and one a year the calendar lacks, with log lines without personal data', async () => {
    const yearNotCovered = Object.assign(new Error('The holiday calendar has no data for 2199.'), { code: 'calendar.error.yearNotCovered' });
    const w = world(
      [dossier('VSA-2026-0001'), dossier('VSA-2026-0007'), dossier('VSA-2026-0008')],
      { 'VSA-2026-0001': clockIn('review', '2026-03-05', '2026-03-20', '2026-03-11'), 'VSA-2026-0008': yearNotCovered },
      { broken: ['VSA-2026-0007'] }
    );
    const report = await runScheduledJob({ now, ports: w.ports });
    expect(report.dossierFailures.map((f) => [f.reference, f.code])).toEqual([
      ['VSA-2026-0007', 'data.error.unreadableEvent'],
      ['VSA-2026-0008', 'calendar.error.yearNotCovered']
    ]);
    expect(report.counts.phaseOverdue.sent).toBe(1);
    const errors = w.log.filter((line) => line.startsWith('error'));
    expect(errors).toEqual([
      expect.stringMatching(/^error VSA-2026-0007: not processed: data.error.unreadableEvent/),
      expect.stringMatching(/^error VSA-2026-0008: not processed: calendar.error.yearNotCovered/)
    ]);
    expect(w.log.join('\n')).not.toMatch(/@|Karel Contact/);
  });

  it('logs settings problems and the run summary', async () => {
    const w = world([dossier('VSA-2026-0009', { state: 'delivered' })], { 'VSA-2026-0009': noClock });
    const original = w.ports.settings;
    (w.ports as { settings: typeof w.ports.settings }).settings = {
      load: async () => ({ settings: (await original.load()).settings, problems: [{ code: 'settings.error.notANumber', params: { key: 'review' } }] })
    };
    const report = await runScheduledJob({ now, ports: w.ports });
    expect(report.settingsProblems).toBe(1);
    expect(w.log[0]).toBe('warn settings: settings.error.notANumber {"key":"review"}; the default is used');
    expect(w.log.at(-1)).toMatch(/^info job 2026-03-11T08:00:00.000Z: 1 dossiers, 0 due, 0 sent, 0 failed, 0 dossiers not processed$/);
  });
});

describe('the lease of a claim', () => {
  it('is clearly shorter than the default timer period, so the next run takes over a crashed run\'s claims', () => {
    const source = readFileSync(join(__dirname, '../../../src/functions/index.ts'), 'utf8');
    const minutes = /'0 \*\/(\d+) \* \* \* \*'/.exec(source)?.[1];
    expect(minutes).toBeDefined();
    expect(DEFAULT_LEASE_SECONDS).toBe(600);
    expect(DEFAULT_LEASE_SECONDS).toBeLessThanOrEqual(Number(minutes) * 60 - 300);
  });
});
