import type { DossierEvent } from '../domain/events';
import { notificationRuleFor, recipientsOf, renderNotification, rolesToNotify } from '../domain/notifications';
import type { Dossier, Lang, RoleId } from '../domain/types';
import type { Reaction } from './commandService';
import { approvalsDeepLink } from './decisionMessages';
import type { ActivityNotification, Directory, MailMessage, Notifier, RecipientLanguages } from './ports';

/** Where messages point to and come from. */
export interface MessagingConfig {
  /** Absolute URL of the register page; a dossier link appends `?dossier=<reference>`. */
  readonly registerUrl: string;
  /** The DPO team's mailbox: also gets an e-mail per decision, information request and countersignature. */
  readonly dpoTeamMailbox?: string;
  /** Teams app id of the approvals app; when set, the DPO team's notifications open its tab. */
  readonly approvalsAppId?: string;
  /**
   * The mailbox the mails leave from. An app-only sender (the command service, the scheduled job) has no
   * `/me` and must name one its `Mail.Send` is scoped to; absent: the signed-in user sends (delegated).
   */
  readonly mailFrom?: string;
}

/** The messages a transition causes. */
export interface PlannedMessages {
  readonly mails: MailMessage[];
  readonly notifications: ActivityNotification[];
}

/** The language of an address (lower case) as the directory gave it; Dutch when it is not known. */
export type LanguageOf = (address: string) => Lang;

const dutch: LanguageOf = () => 'nl';

/** The register page with `dossier=<reference>` set, keeping the page's own query (SharePoint, Teams). */
function link(config: MessagingConfig, reference: string): string {
  const url = new URL(config.registerUrl);
  url.searchParams.set('dossier', reference);
  return url.toString();
}

/**
 * Which mails and Teams notifications follow from events (pure), as `notificationPolicy` (src/domain)
 * says: every hand-over tells the next actor; the DPO team hears of every decision, information
 * request and countersignature. Each message is in its recipient's language (`languageOf`, Dutch when
 * unknown), never in two. The requester never gets an automatic mail: every mail to a requester is
 * previewed, edited and sent by a person through the correspondence service (src/data/mail), which
 * records it as `CorrespondenceRecorded`.
 */
export function plannedMessages(
  events: readonly DossierEvent[],
  dossier: Dossier,
  membersOf: Readonly<Partial<Record<RoleId, readonly string[]>>>,
  config: MessagingConfig,
  languageOf: LanguageOf = dutch
): PlannedMessages {
  const mails: MailMessage[] = [];
  const notifications: ActivityNotification[] = [];
  const registerTopic = { value: dossier.reference, webUrl: link(config, dossier.reference) };
  for (const event of events) {
    const rule = notificationRuleFor(event.type);
    if (!rule) continue;
    const topic = rule.link === 'approvals' && config.approvalsAppId
      ? { value: approvalsDeepLink(config.approvalsAppId), webUrl: approvalsDeepLink(config.approvalsAppId) }
      : registerTopic;
    for (const recipient of recipientsOf(rule, event, dossier, membersOf)) {
      const message = renderNotification(rule, event, dossier, languageOf(recipient.toLowerCase()));
      notifications.push({ recipient, activityType: rule.activityType, previewText: message.subject, topic, templateParameters: message.templateParameters });
    }
    if (rule.mailTeamMailbox && config.dpoTeamMailbox) {
      const message = renderNotification(rule, event, dossier, languageOf(config.dpoTeamMailbox.toLowerCase()));
      mails.push({ to: [config.dpoTeamMailbox], subject: message.subject, body: message.body, ...(config.mailFrom ? { fromMailbox: config.mailFrom } : {}) });
    }
  }
  return { mails, notifications };
}

/**
 * The addresses the events' messages go to (the assignees, the members of the roles, the team
 * mailbox), lower case, once each: whose language the reaction looks up.
 */
function addressesOf(events: readonly DossierEvent[], dossier: Dossier, membersOf: Readonly<Partial<Record<RoleId, readonly string[]>>>, config: MessagingConfig): string[] {
  const addresses = new Set<string>();
  for (const event of events) {
    const rule = notificationRuleFor(event.type);
    if (!rule) continue;
    for (const recipient of recipientsOf(rule, event, dossier, membersOf)) addresses.add(recipient.toLowerCase());
    if (rule.mailTeamMailbox && config.dpoTeamMailbox) addresses.add(config.dpoTeamMailbox.toLowerCase());
  }
  return [...addresses];
}

/**
 * The one reaction after a transition: the command service runs it with the stored events, and it
 * sends the planned messages through the notifier, each in its recipient's language (`languages`, the
 * directory; without it Dutch). The register (`createSharePointDataLayer` with `messaging`) and the
 * approvals tab both attach it. Failures (also of a language lookup) surface as the command's
 * `reactionErrors`; the transition itself stays recorded.
 */
export function messagingReaction(
  notifier: Notifier,
  directory: Pick<Directory, 'membersOf'>,
  config: MessagingConfig,
  languages?: RecipientLanguages
): Reaction {
  return async (events, dossier) => {
    const membersOf: Partial<Record<RoleId, string[]>> = {};
    for (const role of rolesToNotify(events)) membersOf[role] = (await directory.membersOf(role)).map((actor) => actor.id);
    const known = new Map<string, Lang>();
    if (languages) {
      for (const address of addressesOf(events, dossier, membersOf, config)) known.set(address, (await languages.preferredLanguageOf(address)) ?? 'nl');
    }
    const planned = plannedMessages(events, dossier, membersOf, config, (address) => known.get(address) ?? 'nl');
    for (const mail of planned.mails) await notifier.sendMail(mail);
    for (const notification of planned.notifications) await notifier.notify(notification);
  };
}
