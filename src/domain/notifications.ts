import type { DecisionOutcome } from './advice';
/**
 * The notification policy as one table: which event tells whom, with which Teams activity type,
 * which text (Dutch and English, `{name}` placeholders) and which link. The register's and the
 * approvals tab's reaction both plan their messages from this table; the adapters only send.
 */
import type { DossierEvent, EventType } from './events';
import type { Catalog } from './i18n/catalog';
import { interpolate, type TemplateParams } from './i18n/interpolate';
import { languages } from './i18n/language';
import type { Dossier, Lang, RoleId } from './types';

/** Who receives a notification: the statistician named in the event, or every member of a role. */
export type NotificationRecipients = 'assignee' | Exclude<RoleId, 'statistician'>;

/** The activity types declared in `teams/manifest.json`. */
export type ActivityType =
  | 'dossierAssigned'
  | 'adviceRequested'
  | 'decisionRequested'
  | 'countersignRequested'
  | 'dossierDecided'
  | 'informationRequested'
  | 'dossierCountersigned';

/** The words of one notification: a short title (the subject after `Dossier <reference>: `) and a body. */
export interface NotificationText {
  readonly title: string;
  readonly body: string;
}

/** One row of the policy. */
export interface NotificationRule {
  readonly event: EventType;
  readonly recipients: NotificationRecipients;
  readonly activityType: ActivityType;
  /**
   * Where the notification leads: the register opens the dossier (`<registerUrl>?dossier=<reference>`);
   * `approvals` opens the approvals tab when its Teams app is configured, the register otherwise.
   */
  readonly link: 'register' | 'approvals';
  /** The actor is left out (Graph refuses self-notification with delegated permissions). */
  readonly excludeActor: boolean;
  /** Also an e-mail to the DPO team's mailbox when one is configured. */
  readonly mailTeamMailbox: boolean;
  /** The parameters the Teams activity template of `teams/manifest.json` names. */
  readonly templateParameters: readonly string[];
  readonly text: Catalog<NotificationText>;
}

/** The policy. Motivation and question are the Chief Statistician's words, never a requester's personal data. */
export const notificationPolicy: readonly NotificationRule[] = [
  {
    event: 'StatisticianAssigned', recipients: 'assignee', activityType: 'dossierAssigned', link: 'register',
    excludeActor: false, mailTeamMailbox: false, templateParameters: ['reference'],
    text: {
      nl: { title: 'aan u toegewezen', body: 'Dossier {reference} is aan u toegewezen.' },
      en: { title: 'assigned to you', body: 'Dossier {reference} has been assigned to you.' }
    }
  },
  {
    event: 'DeliberationStarted', recipients: 'dpo', activityType: 'adviceRequested', link: 'register',
    excludeActor: false, mailTeamMailbox: false, templateParameters: ['reference'],
    text: {
      nl: { title: 'wacht op uw advies', body: 'Dossier {reference} wacht op uw advies.' },
      en: { title: 'awaits your advice', body: 'Dossier {reference} awaits your advice.' }
    }
  },
  {
    event: 'AdviceGiven', recipients: 'chiefStatistician', activityType: 'decisionRequested', link: 'register',
    excludeActor: false, mailTeamMailbox: false, templateParameters: ['reference'],
    text: {
      nl: { title: 'advies DPO gegeven, beslissing gevraagd', body: 'De DPO heeft advies gegeven over dossier {reference}; uw beslissing wordt gevraagd.' },
      en: { title: 'DPO advice given, decision requested', body: 'The DPO gave advice on dossier {reference}; your decision is requested.' }
    }
  },
  {
    event: 'SignedSetCompleted', recipients: 'chiefStatistician', activityType: 'countersignRequested', link: 'register',
    excludeActor: false, mailTeamMailbox: false, templateParameters: ['reference'],
    text: {
      nl: { title: 'wacht op uw ondertekening', body: 'Dossier {reference} wacht op uw ondertekening.' },
      en: { title: 'awaits your countersignature', body: 'Dossier {reference} awaits your countersignature.' }
    }
  },
  {
    event: 'DecisionMade', recipients: 'dpoTeam', activityType: 'dossierDecided', link: 'approvals',
    excludeActor: true, mailTeamMailbox: true, templateParameters: ['dossier', 'outcome'],
    text: {
      nl: { title: '{outcome}', body: 'De Hoofdstatisticus heeft dossier {reference} {outcome}. Motivering: {motivation}' },
      en: { title: '{outcome}', body: 'The Chief Statistician {outcome} dossier {reference}. Motivation: {motivation}' }
    }
  },
  {
    event: 'MoreInformationRequested', recipients: 'dpoTeam', activityType: 'informationRequested', link: 'approvals',
    excludeActor: true, mailTeamMailbox: true, templateParameters: ['dossier'],
    text: {
      nl: { title: 'bijkomende informatie gevraagd', body: 'De Hoofdstatisticus vraagt bijkomende informatie over dossier {reference}: {question}' },
      en: { title: 'more information requested', body: 'The Chief Statistician asks for more information on dossier {reference}: {question}' }
    }
  },
  {
    event: 'Countersigned', recipients: 'dpoTeam', activityType: 'dossierCountersigned', link: 'approvals',
    excludeActor: true, mailTeamMailbox: true, templateParameters: ['dossier', 'number'],
    text: {
      nl: { title: '{number} ondertekend', body: 'De Hoofdstatisticus heeft {number} van dossier {reference} ondertekend; het kan gepubliceerd worden.' },
      en: { title: '{number} countersigned', body: 'The Chief Statistician countersigned {number} of dossier {reference}; it can be published.' }
    }
  }
];

/** The subject line around a title, per language (`Dossier VSA-2026-0001: …`). */
export const notificationSubject: Catalog<string> = { nl: 'Dossier {reference}: {title}', en: 'Dossier {reference}: {title}' };

/** Words that fill `{outcome}`. */
export const decisionOutcomeWords: Catalog<Readonly<Record<DecisionOutcome, string>>> = {
  nl: { approved: 'goedgekeurd', approvedWithConditions: 'goedgekeurd onder voorwaarden', rejected: 'geweigerd' },
  en: { approved: 'approved', approvedWithConditions: 'approved with conditions', rejected: 'rejected' }
};

/** The rule for an event, if the policy names one. */
export function notificationRuleFor(type: EventType): NotificationRule | undefined {
  return notificationPolicy.find((rule) => rule.event === type);
}

/** The roles whose members a reaction must look up for these events. */
export function rolesToNotify(events: readonly Pick<DossierEvent, 'type'>[]): RoleId[] {
  const roles = new Set<RoleId>();
  for (const event of events) {
    const recipients = notificationRuleFor(event.type)?.recipients;
    if (recipients && recipients !== 'assignee') roles.add(recipients);
  }
  return [...roles];
}

/** The placeholder values of an event in one language. */
export function notificationParams(event: DossierEvent, dossier: Pick<Dossier, 'reference'>, lang: Lang): Record<string, string> {
  const reference = dossier.reference;
  const params: Record<string, string> = { reference, dossier: reference };
  if (event.type === 'DecisionMade') {
    params.outcome = decisionOutcomeWords[lang][event.outcome];
    params.motivation = event.motivation;
  }
  if (event.type === 'MoreInformationRequested') params.question = event.question;
  if (event.type === 'Countersigned') params.number = event.addendumNumber ?? event.protocolNumber ?? '';
  return params;
}

/** A notification's words, rendered. */
export interface RenderedNotification {
  readonly subject: string;
  readonly body: string;
  /** The values the Teams activity template needs (Dutch, like the manifest's templates). */
  readonly templateParameters: Readonly<Record<string, string>>;
}

/**
 * The words of a rule for an event: in the recipient's language when it is known, otherwise Dutch
 * first and English second (subject `nl / en`, body nl, blank line, en).
 */
export function renderNotification(rule: NotificationRule, event: DossierEvent, dossier: Pick<Dossier, 'reference'>, lang?: Lang): RenderedNotification {
  const render = (language: Lang): NotificationText & { params: TemplateParams } => {
    const params = notificationParams(event, dossier, language);
    return { title: interpolate(rule.text[language].title, params), body: interpolate(rule.text[language].body, params), params };
  };
  const dutch = render('nl');
  const templateParameters = Object.fromEntries(rule.templateParameters.map((name) => [name, String(dutch.params[name] ?? '')]));
  if (lang) {
    const one = render(lang);
    return { subject: interpolate(notificationSubject[lang], { reference: dossier.reference, title: one.title }), body: one.body, templateParameters };
  }
  const [nl, en] = languages.map(render);
  return {
    subject: interpolate(notificationSubject.nl, { reference: dossier.reference, title: `${nl.title} / ${en.title}` }),
    body: `${nl.body}\n\n${en.body}`,
    templateParameters
  };
}
