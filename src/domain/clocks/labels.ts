/** Labels of the phases, sides and units (Dutch first), for the register, panel, dashboard and CSV. */
import type { Lang } from '../types';
import type { ClockSide, DayUnit, PhaseId } from './types';

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Lang, string>>>>;

export const phaseLabels: Labels<PhaseId> = {
  intake: { nl: 'Intake', en: 'Intake' },
  preliminary: { nl: 'Voorafgaand onderzoek', en: 'Preliminary check' },
  formsRequested: { nl: 'Formulieren opgevraagd', en: 'Forms requested' },
  review: { nl: 'Beoordeling', en: 'Review' },
  returnedForChanges: { nl: 'Teruggestuurd voor aanpassingen', en: 'Returned for changes' },
  deliberation: { nl: 'Beraad en advies', en: 'Deliberation and advice' },
  decision: { nl: 'Beslissing', en: 'Decision' },
  awaitingSignatures: { nl: 'Wacht op handtekeningen', en: 'Awaiting signatures' },
  countersignature: { nl: 'Medeondertekening', en: 'Countersignature' },
  publication: { nl: 'Publicatie', en: 'Publication' },
  delivery: { nl: 'Levering', en: 'Delivery' }
};

export const sideLabels: Labels<ClockSide> = {
  vsa: { nl: 'VSA', en: 'VSA' },
  requester: { nl: 'Aanvrager', en: 'Requester' }
};

export const unitLabels: Labels<DayUnit> = {
  calendar: { nl: 'kalenderdagen', en: 'calendar days' },
  working: { nl: 'werkdagen', en: 'working days' }
};

export const phaseLabel = (phase: PhaseId, lang: Lang): string => phaseLabels[phase][lang];
export const sideLabel = (side: ClockSide, lang: Lang): string => sideLabels[side][lang];
export const unitLabel = (unit: DayUnit, lang: Lang): string => unitLabels[unit][lang];
