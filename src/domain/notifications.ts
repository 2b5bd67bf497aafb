import type { DecisionOutcome } from './advice';
/**
 * The notification policy as one table: which event tells whom, with which Teams activity type,
 * which text (Dutch and English, `{name}` placeholders) and which link. The register's and the
 * approvals tab's reaction both plan their messages from this table; the adapters only send.
 */
import type { DossierEvent, EventType } from './events';
import type { Catalog } from './i18n/catalog';
import { interpolate } from './i18n/interpolate';
import { phaseOwners } from './reminders/policy';
import type { Dossier, Lang, RoleId } from './types';

/**
 * Who receives a notification: the assigned statistician (the one the event names when it assigns,
 * otherwise the dossier's), or every member of a role.
 */
export type NotificationRecipients = 'assignee' | Exclude<RoleId, 'statistician'>;

/** The activity types declared in `teams/manifest.json`. */
export type ActivityType =
  | 'dossierAssigned'
  | 'adviceRequested'
  | 'decisionRequested'
  | 'countersignRequested'
  | 'dossierDecided'
  | 'informationRequested'
  | 'dossierCountersigned'
  // Hand-overs (issue 16).
  | 'dossierRegistered'
  | 'requesterMailDue'
  | 'draftsToReview'
  | 'dossierReturned'
  | 'signedDocumentsToCheck'
  | 'deliveryDue'
  | 'dossierWithdrawn';

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

/**
 * The hand-overs of issue 16: every transition that hands the dossier to someone tells them. The
 * step-1 mails (forms, not admissible) are the DPO team's to send unless the assigned statistician
 * sends them from the shared mailbox (both may; `correspondenceSenders`).
 */
const handOvers: readonly NotificationRule[] = [
  {
    event: 'DossierRegistered', recipients: 'dpoTeam', activityType: 'dossierRegistered', link: 'register',
    excludeActor: true, mailTeamMailbox: false, templateParameters: ['reference'],
    text: {
      nl: { title: 'nieuwe aanvraag, statisticus toe te wijzen', body: 'Dossier {reference} is geregistreerd en wacht op de toewijzing van een statisticus.' },
      en: { title: 'new request, statistician to assign', body: 'Dossier {reference} has been registered and awaits the assignment of a statistician.' }
    }
  },
  {
    event: 'FormsRequested', recipients: 'dpoTeam', activityType: 'requesterMailDue', link: 'register',
    excludeActor: true, mailTeamMailbox: false, templateParameters: ['reference'],
    text: {
      nl: {
        title: 'mail met de formulieren te versturen',
        body: 'Voor dossier {reference} zijn de formulieren gevraagd: de mail met de formulieren aan de aanvrager moet vertrekken, tenzij de toegewezen statisticus ze zelf verstuurt.'
      },
      en: {
        title: 'forms mail to send',
        body: 'The forms have been requested for dossier {reference}: the mail with the forms to the requester is due, unless the assigned statistician sends it.'
      }
    }
  },
  {
    event: 'DeclaredNotAdmissible', recipients: 'dpoTeam', activityType: 'requesterMailDue', link: 'register',
    excludeActor: true, mailTeamMailbox: false, templateParameters: ['reference'],
    text: {
      nl: {
        title: 'niet ontvankelijk, mail te versturen',
        body: 'Dossier {reference} is niet ontvankelijk verklaard: de mail die de aanvrager uitlegt waarom, moet vertrekken, tenzij de toegewezen statisticus ze zelf verstuurt.'
      },
      en: {
        title: 'not admissible, mail to send',
        body: 'Dossier {reference} has been declared not admissible: the mail that explains why to the requester is due, unless the assigned statistician sends it.'
      }
    }
  },
  {
    event: 'DraftDocumentsRegistered', recipients: 'assignee', activityType: 'draftsToReview', link: 'register',
    excludeActor: true, mailTeamMailbox: false, templateParameters: ['reference'],
    text: {
      nl: { title: 'nieuwe versie te beoordelen', body: 'Voor dossier {reference} zijn ontwerpdocumenten geregistreerd; ze wachten op uw beoordeling.' },
      en: { title: 'new version to review', body: 'Draft documents have been registered for dossier {reference}; they await your review.' }
    }
  },
  {
    event: 'ReturnedForChanges', recipients: 'assignee', activityType: 'dossierReturned', link: 'register',
    excludeActor: true, mailTeamMailbox: false, templateParameters: ['reference'],
    text: {
      nl: { title: 'teruggestuurd naar de aanvrager', body: 'Dossier {reference} is teruggestuurd naar de aanvrager; u hoort het wanneer een nieuwe versie binnenkomt.' },
      en: { title: 'returned to the requester', body: 'Dossier {reference} has been returned to the requester; you will hear when a new version arrives.' }
    }
  },
  {
    event: 'SignedDocumentsRegistered', recipients: 'dpoTeam', activityType: 'signedDocumentsToCheck', link: 'register',
    excludeActor: true, mailTeamMailbox: false, templateParameters: ['reference'],
    text: {
      nl: { title: 'ondertekende documenten te controleren', body: 'Voor dossier {reference} zijn ondertekende documenten geregistreerd; controleer het handtekeningenverslag.' },
      en: { title: 'signed documents to check', body: 'Signed documents have been registered for dossier {reference}; check the signature report.' }
    }
  },
  {
    // The delivery phase's owner, as its overdue reminder (one table: `phaseOwners`).
    event: 'Published', recipients: phaseOwners.delivery, activityType: 'deliveryDue', link: 'register',
    excludeActor: true, mailTeamMailbox: false, templateParameters: ['reference'],
    text: {
      nl: { title: 'gepubliceerd, levering te registreren', body: 'Dossier {reference} is gepubliceerd; de levering van de data aan de aanvrager moet volgen.' },
      en: { title: 'published, delivery due', body: 'Dossier {reference} has been published; the delivery of the data to the requester is due.' }
    }
  },
  {
    event: 'Withdrawn', recipients: 'assignee', activityType: 'dossierWithdrawn', link: 'register',
    excludeActor: true, mailTeamMailbox: false, templateParameters: ['reference'],
    text: {
      nl: { title: 'ingetrokken', body: 'Dossier {reference} is ingetrokken; er is niets meer aan te doen.' },
      en: { title: 'withdrawn', body: 'Dossier {reference} has been withdrawn; nothing is left to do.' }
    }
  }
];

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
  },
  ...handOvers
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

/**
 * The addresses a rule's recipients stand for, once each (case-insensitive), without the actor when
 * the rule says so: the assignee the event names (`StatisticianAssigned`) or the dossier's assigned
 * statistician; otherwise the members of the role (`membersOf`, looked up by the caller).
 */
export function recipientsOf(
  rule: Pick<NotificationRule, 'recipients' | 'excludeActor'>,
  event: DossierEvent,
  dossier: Pick<Dossier, 'assignedStatistician'>,
  membersOf: Readonly<Partial<Record<RoleId, readonly string[]>>>
): string[] {
  const candidates =
    rule.recipients === 'assignee'
      ? [event.type === 'StatisticianAssigned' ? event.assignee.id : dossier.assignedStatistician?.id].filter((id): id is string => !!id)
      : (membersOf[rule.recipients] ?? []);
  const seen = new Set<string>();
  const actor = event.actor.id.toLowerCase();
  return candidates.filter((member) => {
    const key = member.toLowerCase();
    if (seen.has(key) || (rule.excludeActor && key === actor)) return false;
    seen.add(key);
    return true;
  });
}

/** A notification's words, rendered. */
export interface RenderedNotification {
  readonly subject: string;
  readonly body: string;
  /** The values the Teams activity template needs, in the same language (Teams picks the template in the client's language). */
  readonly templateParameters: Readonly<Record<string, string>>;
}

/**
 * The words of a rule for an event in one language: the recipient's (their directory's preferred
 * language, Dutch when unknown). Never two languages in one text.
 */
export function renderNotification(rule: NotificationRule, event: DossierEvent, dossier: Pick<Dossier, 'reference'>, lang: Lang): RenderedNotification {
  const params = notificationParams(event, dossier, lang);
  const title = interpolate(rule.text[lang].title, params);
  return {
    subject: interpolate(notificationSubject[lang], { reference: dossier.reference, title }),
    body: interpolate(rule.text[lang].body, params),
    templateParameters: Object.fromEntries(rule.templateParameters.map((name) => [name, String(params[name] ?? '')]))
  };
}
