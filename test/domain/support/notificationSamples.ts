import type { DossierEvent, EventType } from '../../../src/domain/events';

/** The fields a sample event of each notified type needs, beyond id, dossier, time and actor. */
export const notifiedEventSamples: Readonly<Partial<Record<EventType, Partial<DossierEvent>>>> = {
  StatisticianAssigned: { assignee: { id: 'sofie.janssens@vsa.local', displayName: 'Sofie' } },
  DeliberationStarted: {},
  AdviceGiven: { outcome: 'favourable', legalBasis: 'Art. 6.1.e', text: 'Gunstig.' },
  SignedSetCompleted: {},
  DecisionMade: { outcome: 'approved', motivation: 'In orde.' },
  MoreInformationRequested: { question: 'Welke variabelen?' },
  Countersigned: { protocolNumber: 'PROT-2026-001', documents: [] }
} as Readonly<Partial<Record<EventType, Partial<DossierEvent>>>>;
