import type { DossierEvent, EventType } from '../../../src/domain/events';

/** The fields a sample event of each notified type needs, beyond id, dossier, time and actor. */
export const notifiedEventSamples: Readonly<Partial<Record<EventType, Partial<DossierEvent>>>> = {
  StatisticianAssigned: { assignee: { id: 'sofie.janssens@vsa.local', displayName: 'Sofie' } },
  DeliberationStarted: {},
  AdviceGiven: { outcome: 'favourable', legalBasis: 'Art. 6.1.e', text: 'Gunstig.' },
  SignedSetCompleted: {},
  DecisionMade: { outcome: 'approved', motivation: 'In orde.' },
  MoreInformationRequested: { question: 'Welke variabelen?' },
  Countersigned: { protocolNumber: 'PROT-2026-001', documents: [] },
  // Hand-overs (issue 16).
  DossierRegistered: { requester: { name: 'X', email: 'x@example.org' }, subject: 'Onderzoek' },
  FormsRequested: { procedure: 'standard', simplifiedReasons: [] },
  DeclaredNotAdmissible: { reason: 'Geen instelling.' },
  DraftDocumentsRegistered: { documents: [] },
  ReturnedForChanges: { reviewComments: [{ text: 'Variabelen verantwoorden.' }] },
  SignedDocumentsRegistered: { documents: [] },
  Published: { publicationDocument: { fileName: 'p.pdf', kind: 'protocol', phase: 'publication' } },
  Withdrawn: { reason: 'Project stopgezet.' }
} as Readonly<Partial<Record<EventType, Partial<DossierEvent>>>>;
