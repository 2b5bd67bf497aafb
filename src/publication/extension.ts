import { protocolChains } from '../domain/chain';
import type { CommandOf } from '../domain/commands';
import { defaultProcedureSettings } from '../domain/clocks/defaults';
import { protocolEndReminderOn } from '../domain/clocks/dossierClock';
import type { ProcedureSettings } from '../domain/clocks/types';
import { brusselsDate, calendarDaysBetween } from '../domain/clocks/workingDays';
import type { Dossier, IsoDate, IsoDateTime, ParentProtocolRef } from '../domain/types';

/** A protocol whose (effective) end date is near: time to offer an extension. */
export interface ExtensionReminder {
  readonly protocolNumber: string;
  readonly dossierReference: string;
  readonly institution: string;
  readonly projectTitle: string;
  /** The protocol's end date, or the later one an extension addendum set. */
  readonly effectiveEndDate: IsoDate;
  /** The day the reminder started (`protocolEndReminderOn`: end date minus the reminder days). */
  readonly remindFrom: IsoDate;
  /** Calendar days (Europe/Brussels) until the end date; negative once it has passed. */
  readonly daysLeft: number;
  /** References of simplified requests on this protocol already under way (then no new one is offered). */
  readonly extensionsUnderWay: readonly string[];
}

const watchedStates: readonly string[] = ['published', 'delivered'];

/**
 * Protocols due for an extension reminder at `now` (from `protocolEndReminderOn`: by default 60
 * calendar days before the effective end date), soonest end first. Uses the chain's effective end
 * date, so an extension addendum moves the reminder; simplified dossiers and addenda get none of their own.
 */
export function extensionReminders(dossiers: readonly Dossier[], now: IsoDateTime, settings: ProcedureSettings = defaultProcedureSettings): ExtensionReminder[] {
  const reminders: ExtensionReminder[] = [];
  const today = brusselsDate(now);
  for (const chain of protocolChains(dossiers)) {
    const protocol = chain.protocol;
    if (!protocol || !chain.effectiveEndDate || protocol.procedure === 'simplified' || !watchedStates.includes(protocol.state)) continue;
    const remindFrom = protocolEndReminderOn(chain.effectiveEndDate, settings);
    if (today < remindFrom) continue;
    reminders.push({
      protocolNumber: chain.protocolNumber,
      dossierReference: protocol.reference,
      institution: protocol.requester.institution ?? '',
      projectTitle: protocol.project?.title ?? protocol.subject,
      effectiveEndDate: chain.effectiveEndDate,
      remindFrom,
      daysLeft: calendarDaysBetween(today, chain.effectiveEndDate),
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
