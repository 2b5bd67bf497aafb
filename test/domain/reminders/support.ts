/** Hand-built clocks and facts for the reminder tests (the clock rule itself is tested in test/domain/clocks). */
import type { DossierClock, PhaseId, ProcedureSettings } from '../../../src/domain/clocks/types';
import type { ReminderFacts, RoleMembers } from '../../../src/domain/reminders';

const requesterPhases: readonly PhaseId[] = ['formsRequested', 'returnedForChanges', 'awaitingSignatures'];

/** A clock in `phase` due on `dueOn`, escalating on `escalationOn`, seen on `today`. */
export function clockIn(phase: PhaseId, dueOn: string, escalationOn: string, today: string): DossierClock {
  const overdueDays = Math.max(0, Math.round((Date.parse(today) - Date.parse(dueOn)) / 86_400_000));
  return {
    vsaDays: 10,
    requesterDays: 0,
    segments: [],
    current: {
      phase,
      side: requesterPhases.includes(phase) ? 'requester' : 'vsa',
      startedAt: '2026-01-05T09:00:00.000Z',
      usedDays: 10,
      limit: { phase, days: 10, unit: 'calendar', escalateAfterDays: 5 },
      dueOn,
      overdue: today > dueOn,
      overdueDays,
      escalationOn,
      escalated: today >= escalationOn
    }
  };
}

export const noClock: DossierClock = { vsaDays: 0, requesterDays: 0, segments: [] };

export const settings: Pick<ProcedureSettings, 'protocolEndReminderDays' | 'destructionEscalationDays' | 'digestWeekday'> = {
  protocolEndReminderDays: 60,
  destructionEscalationDays: 30,
  digestWeekday: 1
};

export const sofie = { id: 'sofie.janssens@vsa.local', displayName: 'Sofie Janssens' };
export const an = { id: 'an.peeters@vsa.local', displayName: 'An Peeters' };
export const karel = { id: 'karel.desmet@vsa.local', displayName: 'Karel De Smet' };
export const els = { id: 'els.vermeulen@vsa.local', displayName: 'Els Vermeulen' };

export const members: RoleMembers = { dpoTeam: [an, karel], dpo: [karel], chiefStatistician: [els] };

export function facts(reference: string, clock: DossierClock, extra: Partial<ReminderFacts> = {}): ReminderFacts {
  return { reference, state: 'underReview', assignee: sofie, requester: { name: 'Karel Contact', email: 'karel@uni.example' }, clock, ...extra };
}
