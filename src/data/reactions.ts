import type { DossierEvent } from '../domain/events';
import type { Dossier, RoleId } from '../domain/types';
import type { Reaction } from './commandService';
import { approvalsDeepLink, decisionMessage } from './decisionMessages';
import type { ActivityNotification, Directory, MailMessage, Notifier } from './ports';

/** Where messages point to and come from. */
export interface MessagingConfig {
  /** Absolute URL of the register page; a dossier link appends `?dossier=<reference>`. */
  readonly registerUrl: string;
  /** The DPO team's mailbox: also gets an e-mail per decision, information request and countersignature. */
  readonly dpoTeamMailbox?: string;
  /** Teams app id of the approvals app; when set, the DPO team's notifications open its tab. */
  readonly approvalsAppId?: string;
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
 * the dossier waits for them; the DPO team hears of every decision, information request and
 * countersignature (Dutch first, English second). The requester never gets an automatic mail: every
 * mail to a requester is previewed, edited and sent by a person through the correspondence service
 * (src/data/mail), which records it as `CorrespondenceRecorded`.
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
  const notifyAll = (role: RoleId, activityType: string, previewText: string): void => {
    for (const recipient of membersOf[role] ?? []) notifications.push({ recipient, activityType, previewText, topic, templateParameters: { reference: ref } });
  };
  // What the Chief Statistician did goes to every DPO-team member but the actor (Graph refuses
  // self-notification with delegated permissions), once per address, and to the team mailbox if set.
  const toDpoTeam = (event: DossierEvent): void => {
    const message = decisionMessage(event, dossier);
    if (!message) return;
    const dpoTopic = config.approvalsAppId ? { value: approvalsDeepLink(config.approvalsAppId), webUrl: approvalsDeepLink(config.approvalsAppId) } : topic;
    const actor = event.actor.id.toLowerCase();
    for (const recipient of new Set((membersOf.dpoTeam ?? []).map((member) => member.toLowerCase()))) {
      if (recipient === actor) continue;
      notifications.push({ recipient, activityType: message.activityType, previewText: message.subject, topic: dpoTopic, templateParameters: message.templateParameters });
    }
    if (config.dpoTeamMailbox) mails.push({ to: [config.dpoTeamMailbox], subject: message.subject, body: message.text });
  };
  for (const event of events) {
    switch (event.type) {
      case 'StatisticianAssigned':
        notifications.push({ recipient: event.assignee.id, activityType: 'dossierAssigned', previewText: `Dossier ${ref} is aan u toegewezen.`, topic, templateParameters: { reference: ref } });
        break;
      case 'DeliberationStarted':
        notifyAll('dpo', 'adviceRequested', `Dossier ${ref} wacht op uw advies.`);
        break;
      case 'AdviceGiven':
        notifyAll('chiefStatistician', 'decisionRequested', `Dossier ${ref}: advies DPO gegeven, beslissing gevraagd.`);
        break;
      case 'DecisionMade':
      case 'MoreInformationRequested':
      case 'Countersigned':
        toDpoTeam(event);
        break;
      case 'SignedSetCompleted':
        notifyAll('chiefStatistician', 'countersignRequested', `Dossier ${ref} wacht op uw ondertekening.`);
        break;
      default:
        break;
    }
  }
  return { mails, notifications };
}

/**
 * The one reaction after a transition: the command service runs it with the stored events, and it
 * sends the planned messages through the notifier. The register (`createSharePointDataLayer` with
 * `messaging`) and the approvals tab both attach it. Failures surface as the command's
 * `reactionErrors`; the transition itself stays recorded.
 */
export function messagingReaction(notifier: Notifier, directory: Pick<Directory, 'membersOf'>, config: MessagingConfig): Reaction {
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
    case 'MoreInformationRequested':
    case 'Countersigned':
      return role === 'dpoTeam';
    default:
      return false;
  }
}
