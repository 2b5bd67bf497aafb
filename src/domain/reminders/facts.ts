/**
 * What the reminders read of a dossier beside its clock. The protocol end and the destruction
 * follow-up are read here, in one place, so that the lifecycle's retention end, revocation and
 * `closed` (issue 16, another work package) replace this function's body and nothing else.
 */
import type { DossierClock } from '../clocks/types';
import type { Dossier, IsoDate } from '../types';
import type { DestructionFacts, ReminderFacts } from './types';

/** States whose protocol end is reminded (a standard protocol in force). */
const protocolInForce = new Set(['published', 'delivered']);

/**
 * The destruction follow-up of a dossier. Interim: from the requested data's retention end once the
 * data are delivered; no revocation and no confirmation are known yet (the lifecycle adds them).
 */
export function destructionFactsOf(dossier: Dossier): DestructionFacts | undefined {
  const retentionEnd: IsoDate | undefined = dossier.requestedData?.retentionEnd;
  if (dossier.state !== 'delivered' || !retentionEnd) return undefined;
  return { from: retentionEnd, reason: 'retentionEnd', confirmed: false };
}

/** The protocol end the reminder is about: a standard protocol's end date while it is in force. */
export function protocolEndOf(dossier: Dossier): IsoDate | undefined {
  if (!protocolInForce.has(dossier.state) || dossier.procedure === 'simplified') return undefined;
  return dossier.protocolEndDate;
}

/** The facts of one dossier for `dueReminders`. */
export function reminderFactsOf(dossier: Dossier, clock: DossierClock): ReminderFacts {
  const contact = dossier.requester.contact;
  return {
    reference: dossier.reference,
    state: dossier.state,
    assignee: dossier.assignedStatistician,
    requester: contact.email ? { name: contact.name, email: contact.email } : undefined,
    clock,
    protocolEnd: protocolEndOf(dossier),
    destruction: destructionFactsOf(dossier)
  };
}
