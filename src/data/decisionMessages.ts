import type { DossierEvent } from '../domain/events';
import type { Dossier } from '../domain/types';

/** The activity types of `teams/manifest.json` for what the Chief Statistician did. */
export type DecisionActivityType = 'dossierDecided' | 'informationRequested' | 'dossierCountersigned';

/** What one event the DPO team must hear about says, Dutch first, English second. */
export interface DecisionMessage {
  readonly activityType: DecisionActivityType;
  readonly subject: string;
  readonly text: string;
  readonly templateParameters: Readonly<Record<string, string>>;
}

const outcomeText = { approved: { nl: 'goedgekeurd', en: 'approved' }, rejected: { nl: 'geweigerd', en: 'rejected' } } as const;

/**
 * The message for a decision, an information request or a countersignature, or undefined for other
 * events. Motivation and question are the Chief Statistician's words, never personal data of a requester.
 */
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
