/**
 * What the reminders read of a dossier beside its clock: the protocol end in force and the destruction
 * follow-up, both from the lifecycle rules (`effectiveDates`, `destructionFollowUp` of
 * src/domain/lifecycle.ts), so the job, the panel and the register agree on the dates.
 */
import { clockInForce } from '../clocks/stopped';
import type { DossierClock } from '../clocks/types';
import { destructionFollowUp, type EffectiveDates } from '../lifecycle';
import type { Dossier, IsoDate, IsoDateTime } from '../types';
import type { DestructionFacts, DestructionReason, ReminderFacts } from './types';

/** States whose protocol end is reminded (a standard protocol in force). */
const protocolInForce = new Set(['published', 'delivered']);

const reasonOf: Readonly<Record<'revoked' | 'retentionEnd' | 'protocolEnd', DestructionReason>> = {
  revoked: 'revocation',
  retentionEnd: 'retentionEnd',
  protocolEnd: 'protocolEnd'
};

/** The destruction follow-up of a delivered dossier: from the (effective) retention end, the protocol end, or a revocation. */
export function destructionFactsOf(dossier: Dossier, dates: EffectiveDates, now: IsoDateTime): DestructionFacts | undefined {
  const followUp = destructionFollowUp(dossier, dates, now);
  if (!followUp) return undefined;
  return { from: followUp.from, reason: reasonOf[followUp.basis], confirmed: followUp.confirmed };
}

/** The protocol end the reminder is about: a standard protocol's end in force (after extensions), unless revoked. */
export function protocolEndOf(dossier: Dossier, dates: EffectiveDates): IsoDate | undefined {
  if (!protocolInForce.has(dossier.state) || dossier.procedure === 'simplified') return undefined;
  if (dates.revokedOn ?? dossier.revocation) return undefined;
  return dates.protocolEnd ?? dossier.protocolEndDate;
}

/**
 * The facts of one dossier for `dueReminders`; `dates` are its `effectiveDates` among the dossiers of its protocol.
 * A dossier stopped by the revocation of its protocol (its own, or the one it builds on) has no running
 * phase (`clockInForce`, the screens' rule too): no phase reminder or escalation is due.
 */
export function reminderFactsOf(dossier: Dossier, clock: DossierClock, dates: EffectiveDates, now: IsoDateTime): ReminderFacts {
  const contact = dossier.requester.contact;
  return {
    reference: dossier.reference,
    state: dossier.state,
    assignee: dossier.assignedStatistician,
    requester: contact.email ? { name: contact.name, email: contact.email } : undefined,
    clock: clockInForce(clock, dates.revokedOn ?? dossier.revocation?.date),
    protocolEnd: protocolEndOf(dossier, dates),
    destruction: destructionFactsOf(dossier, dates, now)
  };
}
