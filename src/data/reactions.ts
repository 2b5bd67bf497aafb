import type { DossierEvent } from '../domain/events';
import type { Dossier, RoleId } from '../domain/types';
import type { Reaction } from './commandService';
import type { ActivityNotification, Directory, MailMessage, Notifier } from './ports';

/** Where messages point to and come from. */
export interface MessagingConfig {
  /** Absolute URL of the register page; a dossier link appends `?dossier=<reference>`. */
  readonly registerUrl: string;
  /** Shared mailbox the team writes to requesters from, e.g. `data-aanvragen@vsa.local`. */
  readonly sharedMailbox: string;
}

/** The messages a transition causes. */
export interface PlannedMessages {
  readonly mails: MailMessage[];
  readonly notifications: ActivityNotification[];
}

function link(config: MessagingConfig, reference: string): string {
  return `${config.registerUrl}?dossier=${encodeURIComponent(reference)}`;
}

/**
 * Which mails and Teams notifications follow from events (pure). Staff get a Teams notification when
 * the dossier waits for them; the requester gets a mail from the shared mailbox when forms are
 * requested, comments are sent back or the protocol is published. Texts are Dutch (the working language).
 */
export function plannedMessages(
  events: readonly DossierEvent[],
  dossier: Dossier,
  membersOf: Readonly<Partial<Record<RoleId, readonly string[]>>>,
  config: MessagingConfig
): PlannedMessages {
  const mails: MailMessage[] = [];
  const notifications: ActivityNotification[] = [];
  const ref = dossier.reference;
  const topic = { value: ref, webUrl: link(config, ref) };
  const notifyAll = (role: RoleId, activityType: string, previewText: string, except?: string): void => {
    for (const recipient of membersOf[role] ?? []) {
      if (recipient !== except) notifications.push({ recipient, activityType, previewText, topic, templateParameters: { reference: ref } });
    }
  };
  const toRequester = (subject: string, body: string): void => {
    mails.push({ to: [dossier.requester.contact.email], subject: `${subject} – ${ref}`, body, fromMailbox: config.sharedMailbox });
  };
  for (const event of events) {
    switch (event.type) {
      case 'StatisticianAssigned':
        notifications.push({ recipient: event.assignee.id, activityType: 'dossierAssigned', previewText: `Dossier ${ref} is aan u toegewezen.`, topic, templateParameters: { reference: ref } });
        break;
      case 'FormsRequested':
        toRequester('Formulieren voor uw aanvraag', 'Gelieve de formulieren van de VSA in te vullen en niet ondertekend terug te sturen naar dit adres.');
        break;
      case 'ReturnedForChanges':
        toRequester('Opmerkingen bij uw aanvraag', event.reviewComments.map((c) => `- ${c.text}`).join('\n'));
        break;
      case 'DeliberationStarted':
        notifyAll('dpo', 'adviceRequested', `Dossier ${ref} wacht op uw advies.`);
        break;
      case 'AdviceGiven':
        notifyAll('chiefStatistician', 'decisionRequested', `Dossier ${ref}: advies DPO gegeven, beslissing gevraagd.`);
        break;
      case 'DecisionMade':
        notifyAll('dpoTeam', 'decisionMade', `Dossier ${ref}: ${event.outcome === 'approved' ? 'goedgekeurd' : 'geweigerd'}.`, event.actor.id);
        break;
      case 'SignedSetCompleted':
        notifyAll('chiefStatistician', 'countersignRequested', `Dossier ${ref} wacht op uw ondertekening.`);
        break;
      case 'Published':
        toRequester('Uw protocol is ondertekend en gepubliceerd', 'In bijlage vindt u het ondertekende protocol en de publicatieversie.');
        break;
      default:
        break;
    }
  }
  return { mails, notifications };
}

/** A command-service reaction that sends the planned messages through the notifier. */
export function messagingReaction(notifier: Notifier, directory: Directory, config: MessagingConfig): Reaction {
  return async (events, dossier) => {
    const roles: RoleId[] = ['dpoTeam', 'dpo', 'chiefStatistician'];
    const needed = roles.filter((role) => events.some((e) => needsRole(e.type, role)));
    const membersOf: Partial<Record<RoleId, string[]>> = {};
    for (const role of needed) membersOf[role] = (await directory.membersOf(role)).map((actor) => actor.id);
    const planned = plannedMessages(events, dossier, membersOf, config);
    for (const mail of planned.mails) await notifier.sendMail(mail);
    for (const notification of planned.notifications) await notifier.notify(notification);
  };
}

function needsRole(type: DossierEvent['type'], role: RoleId): boolean {
  switch (type) {
    case 'DeliberationStarted':
      return role === 'dpo';
    case 'AdviceGiven':
    case 'SignedSetCompleted':
      return role === 'chiefStatistician';
    case 'DecisionMade':
      return role === 'dpoTeam';
    default:
      return false;
  }
}
