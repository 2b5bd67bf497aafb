import { protocolChains } from '../domain/chain';
import type { CommandOf } from '../domain/commands';
import { overdue } from '../domain/deadlines';
import type { DeadlinePolicy, Dossier, IsoDate, IsoDateTime, ParentProtocolRef } from '../domain/types';

/** A protocol whose (effective) end date is near: time to offer an extension. */
export interface ExtensionReminder {
  readonly protocolNumber: string;
  readonly dossierReference: string;
  readonly institution: string;
  readonly projectTitle: string;
  /** The protocol's end date, or the later one an extension addendum set. */
  readonly effectiveEndDate: IsoDate;
  /** When the reminder started (end date minus the reminder days). */
  readonly remindFrom: IsoDateTime;
  /** Whole days until the end date; negative once it has passed. */
  readonly daysLeft: number;
  /** References of simplified requests on this protocol already under way (then no new one is offered). */
  readonly extensionsUnderWay: readonly string[];
}

const dayMs = 86_400_000;

/**
 * Protocols due for an extension reminder at `now` (default 60 days before the effective end date,
 * `DeadlinePolicy.protocolEndReminderDays`), soonest end first. Uses the domain's deadline rule with the
 * chain's effective end date, so an extension addendum moves the reminder.
 */
export function extensionReminders(dossiers: readonly Dossier[], now: IsoDateTime, policy: Partial<DeadlinePolicy> = {}): ExtensionReminder[] {
  const reminders: ExtensionReminder[] = [];
  for (const chain of protocolChains(dossiers)) {
    const protocol = chain.protocol;
    if (!protocol || !chain.effectiveEndDate) continue;
    const status = overdue(protocol, now, policy, { protocolEndDate: chain.effectiveEndDate });
    if (status.kind !== 'protocolEnd' || !status.overdue || !status.dueAt) continue;
    reminders.push({
      protocolNumber: chain.protocolNumber,
      dossierReference: protocol.reference,
      institution: protocol.requester.institution ?? '',
      projectTitle: protocol.project?.title ?? protocol.subject,
      effectiveEndDate: chain.effectiveEndDate,
      remindFrom: status.dueAt,
      daysLeft: Math.ceil((Date.parse(`${chain.effectiveEndDate}T00:00:00.000Z`) - Date.parse(now)) / dayMs),
      extensionsUnderWay: chain.pending.map((dossier) => dossier.reference)
    });
  }
  return reminders.sort((a, b) => a.effectiveEndDate.localeCompare(b.effectiveEndDate) || a.protocolNumber.localeCompare(b.protocolNumber));
}

/** The commands of a one-click extension request. */
export interface ExtensionRequest {
  /** Given by the DPO team: a new dossier with the protocol's requester and project. */
  readonly register: CommandOf<'registerRequest'>;
  /**
   * Given next by the assigned statistician: the simplified procedure on the protocol, reason
   * `extension`. Prefilled here so the statistician confirms with one click.
   */
  readonly requestForms: CommandOf<'requestForms'>;
}

/**
 * The commands that start a simplified extension request for a protocol. The registration already names
 * the protocol (`parentProtocolNumber`, reason hint `extension`), so the new dossier is in the protocol's
 * chain from its first event and the reminder reports it as under way; `requestForms` then makes the
 * simplified procedure formal and checks its conditions (protocol published or delivered).
 */
export function extensionRequest(
  protocolDossier: Dossier,
  reference: string,
  commandIds: { readonly register: string; readonly requestForms: string },
  today: IsoDate
): ExtensionRequest {
  const number = protocolDossier.protocolNumber;
  if (!number) throw new RangeError(`Dossier ${protocolDossier.reference} has no protocol number; only a countersigned protocol can be extended.`);
  const title = protocolDossier.project?.title ?? protocolDossier.subject;
  const parentProtocol: ParentProtocolRef = { number, dossierReference: protocolDossier.reference, state: protocolDossier.state };
  return {
    register: {
      type: 'registerRequest',
      commandId: commandIds.register,
      reference,
      requester: protocolDossier.requester,
      subject: `Verlenging protocol ${number}: ${title}`,
      receivedOn: today,
      ...(protocolDossier.project ? { project: protocolDossier.project } : {}),
      ...(protocolDossier.requestedData ? { requestedData: protocolDossier.requestedData } : {}),
      parentProtocolNumber: number,
      simplifiedReasons: ['extension'],
      comment: `Verlengingsaanvraag (vereenvoudigde procedure) voor protocol ${number} van dossier ${protocolDossier.reference}.`
    },
    requestForms: {
      type: 'requestForms',
      commandId: commandIds.requestForms,
      procedure: 'simplified',
      simplifiedReasons: ['extension'],
      parentProtocol,
      comment: `Verlenging van protocol ${number}.`
    }
  };
}
