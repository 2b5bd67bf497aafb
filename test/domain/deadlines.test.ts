import { defaultDeadlinePolicy, overdue, overdueDossiers, protocolChain, protocolChains, replay } from '../../src/domain';
import type { Dossier } from '../../src/domain';
import { actors, cmd } from './support/fixtures';
import { run } from './support/given';
import { eventsIn } from './support/paths';

const days = (from: string, n: number): string => new Date(Date.parse(from) + n * 86_400_000).toISOString();

describe('deadlines', () => {
  it('has the defaults of workflow.md', () => {
    expect(defaultDeadlinePolicy).toEqual({ reviewDays: 30, signaturesReminderDays: 30, protocolEndReminderDays: 60 });
  });

  it('review: 30 days from entering underReview, running through deliberation', () => {
    const dossier = replay(eventsIn('deliberation')) as Dossier;
    const start = dossier.stateHistory.find((h) => h.state === 'underReview')?.enteredAt as string;
    expect(overdue(dossier, days(start, 30))).toEqual({ overdue: false, kind: 'review', dueAt: days(start, 30), overdueSinceDays: 0 });
    expect(overdue(dossier, days(start, 42.5))).toMatchObject({ overdue: true, kind: 'review', overdueSinceDays: 12 });
    expect(overdue(dossier, days(start, 42.5), { reviewDays: 50 }).overdue).toBe(false);
  });

  it('review clock restarts when corrected drafts arrive', () => {
    const { dossier } = run([[actors.team, cmd.returnForChanges()], [actors.team, cmd.registerDraftDocuments()]], eventsIn('underReview'));
    expect(overdue(dossier, days(dossier.stateSince, 29)).overdue).toBe(false);
    expect(overdue(dossier, days(dossier.stateSince, 31)).overdue).toBe(true);
  });

  it('signatures: reminder after 30 days in awaitingSignatures', () => {
    const dossier = replay(eventsIn('awaitingSignatures')) as Dossier;
    expect(overdue(dossier, days(dossier.stateSince, 31))).toMatchObject({ overdue: true, kind: 'signatures', overdueSinceDays: 1 });
  });

  it('protocol end: reminder 60 days before the end date of a published protocol', () => {
    const dossier = replay(eventsIn('published')) as Dossier;
    expect(dossier.protocolEndDate).toBe('2028-02-29');
    expect(overdue(dossier, '2027-12-30T12:00:00.000Z')).toMatchObject({ overdue: false, kind: 'protocolEnd', dueAt: '2027-12-31T00:00:00.000Z' });
    expect(overdue(dossier, '2028-01-10T00:00:00.000Z')).toMatchObject({ overdue: true, overdueSinceDays: 10 });
    expect(overdue(dossier, '2028-01-10T00:00:00.000Z', {}, { protocolEndDate: '2029-02-28' }).overdue).toBe(false);
  });

  it('no deadline in intake or final states', () => {
    expect(overdue(replay(eventsIn('intake')) as Dossier, '2030-01-01T00:00:00.000Z')).toEqual({ overdue: false, overdueSinceDays: 0 });
    expect(overdue(replay(eventsIn('rejected')) as Dossier, '2030-01-01T00:00:00.000Z').kind).toBeUndefined();
  });

  it('lists overdue dossiers, longest overdue first, using a chain end date when given', () => {
    const review = replay(eventsIn('underReview')) as Dossier;
    const signatures = replay(eventsIn('awaitingSignatures')) as Dossier;
    const intake = replay(eventsIn('intake')) as Dossier;
    const now = days(review.stateSince, 45);
    const list = overdueDossiers([intake, signatures, review], now);
    expect(list.map((e) => e.status.kind)).toEqual(['review', 'signatures']);
    expect(list[0].status.overdueSinceDays).toBeGreaterThan(list[1].status.overdueSinceDays);
    const published = replay(eventsIn('published')) as Dossier;
    const chains = protocolChains([published]);
    const endOf = (d: Dossier) => (d.protocolNumber ? protocolChain([published], d.protocolNumber).effectiveEndDate : undefined);
    expect(chains.map((c) => c.protocolNumber)).toEqual(['PROT-2026-001']);
    expect(overdueDossiers([published], '2028-01-10T00:00:00.000Z', {}, endOf)).toHaveLength(1);
  });
});
