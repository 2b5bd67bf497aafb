import type { DossierEvent } from '../domain/events';
import { notificationRuleFor, renderNotification, rolesToNotify, type NotificationRecipients } from '../domain/notifications';
import type { Dossier, RoleId } from '../domain/types';
import type { Reaction } from './commandService';
import { approvalsDeepLink } from './decisionMessages';
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

/** The register page with `dossier=<reference>` set, keeping the page's own query (SharePoint, Teams). */
function link(config: MessagingConfig, reference: string): string {
  const url = new URL(config.registerUrl);
  url.searchParams.set('dossier', reference);
  return url.toString();
}

/**
 * Which mails and Teams notifications follow from events (pure), as `notificationPolicy` (src/domain)
 * says: staff get a Teams notification when the dossier waits for them; the DPO team hears of every
 * decision, information request and countersignature. Recipients' languages are not known, so texts
 * are Dutch first, English second. The requester never gets an automatic mail: every mail to a
 * requester is previewed, edited and sent by a person through the correspondence service
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
  const registerTopic = { value: dossier.reference, webUrl: link(config, dossier.reference) };
  for (const event of events) {
    const rule = notificationRuleFor(event.type);
    if (!rule) continue;
    const message = renderNotification(rule, event, dossier);
    const topic = rule.link === 'approvals' && config.approvalsAppId
      ? { value: approvalsDeepLink(config.approvalsAppId), webUrl: approvalsDeepLink(config.approvalsAppId) }
      : registerTopic;
    const actor = event.actor.id.toLowerCase();
    for (const recipient of recipientsOf(rule.recipients, event, membersOf)) {
      if (rule.excludeActor && recipient.toLowerCase() === actor) continue;
      notifications.push({ recipient, activityType: rule.activityType, previewText: message.subject, topic, templateParameters: message.templateParameters });
    }
    if (rule.mailTeamMailbox && config.dpoTeamMailbox) mails.push({ to: [config.dpoTeamMailbox], subject: message.subject, body: message.body });
  }
  return { mails, notifications };
}

/** The addresses a rule's recipients stand for, once each (case-insensitive). */
function recipientsOf(
  recipients: NotificationRecipients,
  event: DossierEvent,
  membersOf: Readonly<Partial<Record<RoleId, readonly string[]>>>
): string[] {
  if (recipients === 'assignee') return event.type === 'StatisticianAssigned' ? [event.assignee.id] : [];
  const seen = new Set<string>();
  return (membersOf[recipients] ?? []).filter((member) => {
    const key = member.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The one reaction after a transition: the command service runs it with the stored events, and it
 * sends the planned messages through the notifier. The register (`createSharePointDataLayer` with
 * `messaging`) and the approvals tab both attach it. Failures surface as the command's
 * `reactionErrors`; the transition itself stays recorded.
 */
export function messagingReaction(notifier: Notifier, directory: Pick<Directory, 'membersOf'>, config: MessagingConfig): Reaction {
  return async (events, dossier) => {
    const membersOf: Partial<Record<RoleId, string[]>> = {};
    for (const role of rolesToNotify(events)) membersOf[role] = (await directory.membersOf(role)).map((actor) => actor.id);
    const planned = plannedMessages(events, dossier, membersOf, config);
    for (const mail of planned.mails) await notifier.sendMail(mail);
    for (const notification of planned.notifications) await notifier.notify(notification);
  };
}
