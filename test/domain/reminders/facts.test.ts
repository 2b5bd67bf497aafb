import { effectiveDates, lifecycleFactsOf } from '../../../src/domain/lifecycle';
import { dueReminders, reminderFactsOf, renderRequesterDraft } from '../../../src/domain/reminders';
import type { Dossier } from '../../../src/domain/types';
import { clockIn, members, noClock, settings, sofie } from './support';

function delivered(reference: string, extra: Partial<Dossier> = {}): Dossier {
  return {
    reference, state: 'delivered', procedure: 'standard', protocolNumber: 'PROT-2025-001', protocolEndDate: '2027-12-31',
    requester: { isIndividual: false, contact: { name: 'Karel Contact', email: 'karel@uni.example' } }, assignedStatistician: sofie,
    delivery: { deliveredOn: '2026-01-10', dataset: 'SV 2025' }, retentionEnd: '2026-06-30', ...extra
  } as unknown as Dossier;
}

const factsAt = (dossier: Dossier, now: string, chain: readonly Dossier[] = [dossier]): ReturnType<typeof reminderFactsOf> => {
  const all = chain.map(lifecycleFactsOf);
  return reminderFactsOf(dossier, noClock, effectiveDates(lifecycleFactsOf(dossier), all), now);
};

describe('reminder facts from the lifecycle rules', () => {
  it('starts the destruction follow-up at the retention end of delivered data', () => {
    expect(factsAt(delivered('VSA-2025-0001'), '2026-07-01T08:00:00Z').destruction).toEqual({ from: '2026-06-30', reason: 'retentionEnd', confirmed: false });
  });

  it('starts it at once from a revocation, says so in the draft, and stops the protocol-end reminder', () => {
    const revoked = delivered('VSA-2025-0002', { revocation: { date: '2026-03-02', reason: 'x', by: sofie, at: '2026-03-02T10:00:00Z' } } as Partial<Dossier>);
    const facts = factsAt(revoked, '2026-03-02T12:00:00Z');
    expect(facts.destruction).toEqual({ from: '2026-03-02', reason: 'revocation', confirmed: false });
    expect(facts.protocolEnd).toBeUndefined();
    const [draft] = dueReminders({ dossiers: [facts], settings, now: '2026-03-02T12:00:00Z', members }).reminders;
    expect(renderRequesterDraft(draft)!.body).toContain('herroeping van het protocol');
  });

  it('has nothing to destroy before delivery, and reminds of the protocol end in force after an extension addendum', () => {
    const published = delivered('VSA-2025-0003', { state: 'published', delivery: undefined } as Partial<Dossier>);
    const extension = delivered('VSA-2026-0009', { state: 'published', procedure: 'simplified', protocolNumber: undefined, parentProtocolNumber: 'PROT-2025-001', addendumNumber: 'PROT-2025-001/A1', protocolEndDate: '2028-12-31', delivery: undefined } as Partial<Dossier>);
    const facts = factsAt(published, '2026-03-02T12:00:00Z', [published, extension]);
    expect(facts.destruction).toBeUndefined();
    expect(facts.protocolEnd).toBe('2028-12-31');
  });
});

describe('a dossier stopped by the revocation of its protocol', () => {
  it('gets no phase reminder nor escalation: its steps are refused (pending addenda stop)', () => {
    const protocol = delivered('VSA-2025-0004', { revocation: { date: '2026-03-02', reason: 'x', by: sofie, at: '2026-03-02T10:00:00Z' } } as Partial<Dossier>);
    const addendum = delivered('VSA-2026-0010', {
      state: 'underReview', procedure: 'simplified', protocolNumber: undefined, parentProtocolNumber: 'PROT-2025-001', delivery: undefined, retentionEnd: undefined
    } as Partial<Dossier>);
    const now = '2026-03-20T08:00:00Z';
    const all = [protocol, addendum].map(lifecycleFactsOf);
    const facts = reminderFactsOf(addendum, clockIn('review', '2026-03-05', '2026-03-15', '2026-03-20'), effectiveDates(lifecycleFactsOf(addendum), all), now);
    const due = dueReminders({ dossiers: [facts], settings, now, members });
    expect(due.reminders.map((reminder) => reminder.kind)).toEqual([]);
  });

  it('still gets them when the protocol is not revoked', () => {
    const protocol = delivered('VSA-2025-0004');
    const addendum = delivered('VSA-2026-0010', {
      state: 'underReview', procedure: 'simplified', protocolNumber: undefined, parentProtocolNumber: 'PROT-2025-001', delivery: undefined, retentionEnd: undefined
    } as Partial<Dossier>);
    const now = '2026-03-20T08:00:00Z';
    const all = [protocol, addendum].map(lifecycleFactsOf);
    const facts = reminderFactsOf(addendum, clockIn('review', '2026-03-05', '2026-03-15', '2026-03-20'), effectiveDates(lifecycleFactsOf(addendum), all), now);
    const due = dueReminders({ dossiers: [facts], settings, now, members });
    expect(due.reminders.map((reminder) => reminder.kind).sort()).toEqual(['escalation', 'phaseOverdue', 'weeklyDigest']);
  });
});
