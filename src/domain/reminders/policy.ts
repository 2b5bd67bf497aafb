/**
 * The reminder policy as one table (issue 16): per kind who receives it, through which channel and
 * with which words (Dutch and English). `dueReminders` decides what is due from this table; the job
 * (src/app/jobs) only resolves people and sends. A requester is never mailed automatically: the job
 * drafts the mail and tells staff that a draft waits for preview, as for every mail to a requester.
 */
import type { PhaseId } from '../clocks/types';
import type { Catalog } from '../i18n/catalog';
import type { DestructionReason, PhaseOwner, ReminderKind, ReminderRule } from './types';

/** The Teams activity type of every reminder (declared in `teams/manifest.json`) and its one template parameter. */
export const reminderActivity = { type: 'reminderDue', templateParameter: 'reminder' } as const;

/**
 * Who owns each phase: the one the phase's overdue reminder goes to, and (delivery) the one the
 * `Published` hand-over tells (src/domain/notifications.ts reads `phaseOwners.delivery`). Delivery is the
 * assigned statistician's (the DPO team when none; its escalation goes to the DPO team): docs/decisions/jobs.md.
 */
export const phaseOwners = {
  intake: 'dpoTeam',
  preliminary: 'assignee',
  formsRequested: 'requester',
  review: 'assignee',
  returnedForChanges: 'requester',
  deliberation: 'dpo',
  decision: 'chiefStatistician',
  awaitingSignatures: 'requester',
  countersignature: 'chiefStatistician',
  publication: 'dpoTeam',
  delivery: 'assignee'
} as const satisfies Readonly<Record<PhaseId, PhaseOwner>>;

/** The phases' names in reminder texts. */
export const phaseNames: Catalog<Readonly<Record<PhaseId, string>>> = {
  nl: {
    intake: 'ontvangst en toewijzing',
    preliminary: 'vooronderzoek',
    formsRequested: 'formulieren opgevraagd',
    review: 'beoordeling',
    returnedForChanges: 'teruggestuurd met opmerkingen',
    deliberation: 'beraad en advies DPO',
    decision: 'beslissing',
    awaitingSignatures: 'wacht op handtekeningen',
    countersignature: 'ondertekening',
    publication: 'publicatie',
    delivery: 'levering'
  },
  en: {
    intake: 'intake and assignment',
    preliminary: 'preliminary check',
    formsRequested: 'forms requested',
    review: 'review',
    returnedForChanges: 'returned with comments',
    deliberation: 'deliberation and DPO advice',
    decision: 'decision',
    awaitingSignatures: 'awaiting signatures',
    countersignature: 'countersignature',
    publication: 'publication',
    delivery: 'delivery'
  }
};

/** The policy. */
export const reminderPolicy: readonly ReminderRule[] = [
  {
    kind: 'phaseOverdue', recipients: 'phaseOwner', channel: 'teamsAndMail',
    staffText: {
      nl: { title: 'termijn {phase} overschreden', body: 'De termijn voor {phase} van dossier {reference} liep af op {dueOn}; het dossier wacht op u.' },
      en: { title: '{phase} deadline passed', body: 'The deadline for {phase} of dossier {reference} passed on {dueOn}; the dossier waits for you.' }
    }
  },
  {
    kind: 'escalation', recipients: 'dpoTeam', channel: 'teamsAndMail',
    staffText: {
      nl: { title: 'escalatie: {phase} te laat', body: 'Dossier {reference} staat nog in {phase}, hoewel de termijn op {dueOn} afliep; de escalatietermijn liep af op {escalationOn}.' },
      en: { title: 'escalation: {phase} late', body: 'Dossier {reference} is still in {phase}, although its deadline passed on {dueOn}; the escalation period ended on {escalationOn}.' }
    }
  },
  {
    kind: 'requesterReminder', recipients: 'requester', channel: 'requesterDraft',
    staffText: {
      nl: { title: 'herinnering aan de aanvrager klaar om na te lezen', body: 'De aanvrager van dossier {reference} is over de verwachte duur van {phase} ({dueOn}). Een herinneringsmail staat klaar: lees ze na en verstuur ze.' },
      en: { title: 'reminder to the requester ready for preview', body: 'The requester of dossier {reference} is past the expected duration of {phase} ({dueOn}). A reminder mail is drafted: preview it and send it.' }
    },
    requesterText: {
      nl: { subject: '[{reference}] Herinnering: uw aanvraag van microdata', body: 'Beste {requesterName},\n\nUw aanvraag {reference} wacht op uw antwoord ({phase}). Wilt u ons laten weten wanneer we het mogen verwachten?\n\nMet vriendelijke groeten,\nVlaamse Statistische Autoriteit' },
      en: { subject: '[{reference}] Reminder: your request for microdata', body: 'Dear {requesterName},\n\nYour request {reference} awaits your answer ({phase}). Could you let us know when we may expect it?\n\nKind regards,\nFlemish Statistical Authority' }
    }
  },
  {
    kind: 'protocolEnd', recipients: 'dpoTeamAndAssignee', channel: 'teamsAndMail',
    staffText: {
      nl: { title: 'protocol loopt af op {protocolEnd}', body: 'Het protocol van dossier {reference} loopt af op {protocolEnd}. Meld het einde aan de aanvrager of bereid een verlenging voor.' },
      en: { title: 'protocol ends on {protocolEnd}', body: 'The protocol of dossier {reference} ends on {protocolEnd}. Tell the requester or prepare an extension.' }
    }
  },
  {
    kind: 'destructionRequest', recipients: 'requester', channel: 'requesterDraft',
    staffText: {
      nl: { title: 'vraag tot vernietiging klaar om na te lezen', body: 'Voor dossier {reference} moet de aanvrager de vernietiging van de gegevens bevestigen ({reason}, sinds {from}). Een mail staat klaar: lees ze na en verstuur ze.' },
      en: { title: 'request to destroy the data ready for preview', body: 'For dossier {reference} the requester must confirm the destruction of the data ({reason}, since {from}). A mail is drafted: preview it and send it.' }
    },
    requesterText: {
      nl: { subject: '[{reference}] Vernietiging van de geleverde microdata', body: 'Beste {requesterName},\n\nDe bewaartermijn van de microdata die u in dossier {reference} ontving, is voorbij ({reason}, {from}). Wij vragen u de gegevens te vernietigen en dat te bevestigen met een ondertekende verklaring of een antwoord op deze mail.\n\nMet vriendelijke groeten,\nVlaamse Statistische Autoriteit' },
      en: { subject: '[{reference}] Destruction of the delivered microdata', body: 'Dear {requesterName},\n\nThe retention period of the microdata you received in dossier {reference} is over ({reason}, {from}). Please destroy the data and confirm it with a signed statement or a reply to this mail.\n\nKind regards,\nFlemish Statistical Authority' }
    }
  },
  {
    kind: 'destructionEscalation', recipients: 'dpoTeam', channel: 'teamsAndMail',
    staffText: {
      nl: { title: 'vernietiging niet bevestigd', body: 'De aanvrager van dossier {reference} heeft de vernietiging van de gegevens niet bevestigd (gevraagd vanaf {from}).' },
      en: { title: 'destruction not confirmed', body: 'The requester of dossier {reference} has not confirmed the destruction of the data (asked from {from}).' }
    }
  },
  {
    kind: 'weeklyDigest', recipients: 'person', channel: 'teamsAndMail',
    staffText: {
      nl: { title: 'uw overzicht van de week: {count} dossier(s) te laat', body: 'Deze dossiers wachten op u en zijn over hun termijn:\n{items}' },
      en: { title: 'your weekly overview: {count} dossier(s) late', body: 'These dossiers wait for you and are past their deadline:\n{items}' }
    }
  }
];

/** The words that fill `{reason}` of the destruction texts. */
export const destructionReasonWords: Catalog<Readonly<Record<DestructionReason, string>>> = {
  nl: { retentionEnd: 'einde van de bewaartermijn', protocolEnd: 'einde van het protocol', revocation: 'herroeping van het protocol' },
  en: { retentionEnd: 'end of the retention period', protocolEnd: 'end of the protocol', revocation: 'revocation of the protocol' }
};

/** The rule of a kind; every kind has one (a test holds the table complete). */
export function reminderRule(kind: ReminderKind): ReminderRule {
  const rule = reminderPolicy.find((candidate) => candidate.kind === kind);
  if (!rule) throw new Error(`No reminder rule for "${kind}"`);
  return rule;
}
