import type { DossierEvent } from '../../../domain/events';
import type { Dossier } from '../../../domain/types';
import type { Reaction } from '../../commandService';
import type { ActivityNotification, MailMessage, Notifier } from '../../ports';

/** Where and how the DPO team hears about the Chief Statistician's decisions. */
export interface DecisionNotificationConfig {
  readonly notifier: Notifier;
  /** E-mail addresses of the DPO team (members of the `VSA DPO-team` group). */
  readonly dpoTeamRecipients: () => Promise<readonly string[]>;
  /** The DPO team's shared mailbox; when set, an e-mail goes there too (Graph `sendMail`). */
  readonly mailbox?: string;
  /** Teams app id of the approvals app (the activity types are declared in its manifest). */
  readonly teamsAppId: string;
}

/** The activity types of `teams/manifest.json`. */
export type DecisionActivityType = 'dossierDecided' | 'informationRequested' | 'dossierCountersigned';

/** What one notifiable event says, Dutch first, English second. */
export interface DecisionMessage {
  readonly activityType: DecisionActivityType;
  readonly subject: string;
  readonly text: string;
  readonly templateParameters: Readonly<Record<string, string>>;
}

const outcomeText = { approved: { nl: 'goedgekeurd', en: 'approved' }, rejected: { nl: 'geweigerd', en: 'rejected' } } as const;

/** The message for an event the DPO team must hear about, or undefined for other events. */
export function decisionMessage(event: DossierEvent, dossier: Dossier): DecisionMessage | undefined {
  const reference = dossier.reference;
  switch (event.type) {
    case 'DecisionMade': {
      const outcome = outcomeText[event.outcome];
      return {
        activityType: 'dossierDecided',
        subject: `Dossier ${reference}: ${outcome.nl} / ${outcome.en}`,
        text:
          `De Hoofdstatisticus heeft dossier ${reference} ${outcome.nl}. Motivering: ${event.motivation}\n\n` +
          `The Chief Statistician ${outcome.en} dossier ${reference}. Motivation: ${event.motivation}`,
        templateParameters: { dossier: reference, outcome: outcome.nl }
      };
    }
    case 'MoreInformationRequested':
      return {
        activityType: 'informationRequested',
        subject: `Dossier ${reference}: bijkomende informatie gevraagd / more information requested`,
        text:
          `De Hoofdstatisticus vraagt bijkomende informatie over dossier ${reference}: ${event.question}\n\n` +
          `The Chief Statistician asks for more information on dossier ${reference}: ${event.question}`,
        templateParameters: { dossier: reference }
      };
    case 'Countersigned': {
      const number = event.addendumNumber ?? event.protocolNumber ?? '';
      return {
        activityType: 'dossierCountersigned',
        subject: `Dossier ${reference}: ${number} ondertekend / countersigned`,
        text:
          `De Hoofdstatisticus heeft ${number} van dossier ${reference} ondertekend; het kan gepubliceerd worden.\n\n` +
          `The Chief Statistician countersigned ${number} of dossier ${reference}; it can be published.`,
        templateParameters: { dossier: reference, number }
      };
    }
    default:
      return undefined;
  }
}

/** A Teams deep link that opens the approvals app's personal tab. */
export function approvalsDeepLink(teamsAppId: string): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/approvals`;
}

/**
 * The reaction the command service runs after a decision, an information request or a
 * countersignature: a Teams activity notification to every DPO-team member except the actor (Graph
 * refuses self-notification with delegated permissions), and an e-mail to the team mailbox if set.
 * Failures surface as the command's `reactionErrors`: the transition itself stays recorded.
 */
export function notifyDpoTeam(config: DecisionNotificationConfig): Reaction {
  return async (events, dossier) => {
    const messages = events
      .map((event) => ({ event, message: decisionMessage(event, dossier) }))
      .filter((entry): entry is { event: DossierEvent; message: DecisionMessage } => entry.message !== undefined);
    if (messages.length === 0) return;
    const recipients = await config.dpoTeamRecipients();
    const link = approvalsDeepLink(config.teamsAppId);
    for (const { event, message } of messages) {
      const actor = event.actor.id.toLowerCase();
      for (const recipient of new Set(recipients.map((r) => r.toLowerCase()))) {
        if (recipient === actor) continue;
        const notification: ActivityNotification = {
          recipient,
          activityType: message.activityType,
          previewText: message.subject,
          topic: { value: link, webUrl: link },
          templateParameters: message.templateParameters
        };
        await config.notifier.notify(notification);
      }
      if (config.mailbox) {
        const mail: MailMessage = { to: [config.mailbox], subject: message.subject, body: message.text };
        await config.notifier.sendMail(mail);
      }
    }
  };
}
