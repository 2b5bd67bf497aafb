import type { DossierEvent } from '../domain/events';
import { notificationRuleFor, renderNotification, type ActivityType } from '../domain/notifications';
import type { Dossier, Lang } from '../domain/types';

/** The activity types of `teams/manifest.json` for what the Chief Statistician did. */
export type DecisionActivityType = Extract<ActivityType, 'dossierDecided' | 'informationRequested' | 'dossierCountersigned'>;

/** What one event the DPO team must hear about says, in one language. */
export interface DecisionMessage {
  readonly activityType: DecisionActivityType;
  readonly subject: string;
  readonly text: string;
  readonly templateParameters: Readonly<Record<string, string>>;
}

const decisionActivityTypes: readonly ActivityType[] = ['dossierDecided', 'informationRequested', 'dossierCountersigned'];

/**
 * The message for a decision, an information request or a countersignature, or undefined for other
 * events: the DPO team's rows of `notificationPolicy` (src/domain/notifications.ts), rendered in `lang`
 * (the reader's language; Dutch by default).
 */
export function decisionMessage(event: DossierEvent, dossier: Dossier, lang: Lang = 'nl'): DecisionMessage | undefined {
  const rule = notificationRuleFor(event.type);
  if (!rule || !decisionActivityTypes.includes(rule.activityType)) return undefined;
  const message = renderNotification(rule, event, dossier, lang);
  return { activityType: rule.activityType as DecisionActivityType, subject: message.subject, text: message.body, templateParameters: message.templateParameters };
}

/** A Teams deep link that opens the approvals app's personal tab. */
export function approvalsDeepLink(teamsAppId: string): string {
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/approvals`;
}
