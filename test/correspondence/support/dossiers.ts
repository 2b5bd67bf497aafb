import { decide, evolve } from '../../../src/domain';
import type { Actor, Command, DocumentRegistration, Dossier, DossierEvent, RequestedData, Requester, StateId } from '../../../src/domain';
import { adequateCriteria } from '../../support/adviceCriteria';
import { countersignedReport } from '../../support/countersignatureReports';

/** Fictitious personas of the intake, correspondence and publication tests. */
export const people = {
  team: { id: 'team@vsa.example', displayName: 'Tine Team', roles: ['dpoTeam'] },
  statistician: { id: 'sam@vsa.example', displayName: 'Sam Statisticus', roles: ['statistician'] },
  dpo: { id: 'dina@vsa.example', displayName: 'Dina DPO', roles: ['dpo', 'dpoTeam'] },
  chief: { id: 'hugo@vsa.example', displayName: 'Hugo Hoofd', roles: ['chiefStatistician'] }
} satisfies Record<string, Actor>;

/** The requester of the test dossiers. */
export const requester: Requester = {
  institution: 'Universiteit Voorbeeld',
  institutionType: 'onderzoeksinstelling',
  isIndividual: false,
  contact: { name: 'Karel Contact', email: 'karel@uni.example' }
};

const doc = (kind: DocumentRegistration['kind'], tag: string, signed = false, extension = 'docx'): DocumentRegistration => ({
  id: `${tag}-${kind}`,
  kind,
  fileName: `${kind}-${tag}.${extension}`,
  version: '1.0',
  checkSummary: { blocking: 0, warnings: 0, info: 0 },
  ...(signed ? { signatory: { name: 'Rita Rector', capacity: 'wettelijk vertegenwoordiger' as const } } : {})
});

/** The countersigned original: the requester's signed document with the chief's signature added (its report as the service computes it). */
const countersignedDoc = (kind: 'protocol' | 'addendum', tag: string): DocumentRegistration => {
  const registration = doc(kind, tag, true);
  return { ...registration, signatures: countersignedReport(registration.fileName, 'Rita Rector', people.chief.displayName) };
};

/** Options of a test dossier. */
export interface DossierOptions {
  readonly reference: string;
  readonly upTo: StateId;
  readonly title?: string;
  readonly institution?: string;
  readonly protocolNumber?: string;
  readonly endDate?: string;
  /** Simplified dossiers: the parent protocol (its dossier must be published or delivered). */
  readonly parent?: { readonly number: string; readonly dossierReference: string };
  readonly addendumNumber?: string;
  /** What the (second) draft registration reads from the forms. */
  readonly requestedData?: RequestedData;
  /** The requester's enterprise number. */
  readonly kbo?: string;
  /** Day offset of the first event (keeps dates distinct between dossiers). */
  readonly startDay?: number;
}

const day = (n: number): string => new Date(Date.parse('2026-01-05T09:00:00.000Z') + n * 86_400_000).toISOString();

/**
 * A dossier driven through the real `decide`/`evolve` up to `upTo` (standard or simplified path),
 * returned with its events. Throws when a step is refused, so a broken fixture is loud.
 */
export function buildDossier(options: DossierOptions): { dossier: Dossier; events: DossierEvent[] } {
  const simplified = options.parent !== undefined;
  const tag = options.reference;
  let sequence = 0;
  const id = (): string => `${tag}-c${++sequence}`;
  const steps: [StateId, Actor, Command][] = [
    ['intake', people.team, {
      type: 'registerRequest', commandId: id(), reference: options.reference,
      requester: { ...requester, institution: options.institution ?? requester.institution, ...(options.kbo ? { kbo: options.kbo } : {}) },
      subject: `Aanvraag ${options.title ?? 'Welzijn in Vlaanderen'}`, receivedOn: '2026-01-02',
      project: { title: options.title ?? 'Welzijn in Vlaanderen', purposes: ['Wetenschappelijk onderzoek naar welzijn', 'Beleidsadvies'], researchType: 'wetenschappelijk', startDate: '2026-03-01', endDate: options.endDate ?? '2028-02-29' },
      requestedData: { surveys: ['SV-bevraging 2025-1', 'COVID-19-bevraging golf 3'], variablesCount: 12 }
    }],
    ['preliminary', people.team, { type: 'assignStatistician', commandId: id(), assignee: people.statistician }],
    ['formsRequested', people.statistician, simplified
      ? { type: 'requestForms', commandId: id(), procedure: 'simplified', simplifiedReasons: ['extension', 'addVariables'], parentProtocol: { number: options.parent!.number, dossierReference: options.parent!.dossierReference, state: 'published' } }
      : { type: 'requestForms', commandId: id(), procedure: 'standard' }],
    ['underReview', people.team, { type: 'registerDraftDocuments', commandId: id(), documents: simplified ? [doc('vereenvoudigdAanvraagformulier', tag)] : [doc('aanvraagformulier', tag), doc('verklaringTOM', tag), doc('protocol', tag)] }],
    ['returnedForChanges', people.team, { type: 'returnForChanges', commandId: id(), reviewComments: [{ text: 'Motiveer variabele X.' }, { text: 'Vul de bewaartermijn in.' }] }],
    ['underReview', people.team, { type: 'registerDraftDocuments', commandId: id(), documents: simplified ? [doc('vereenvoudigdAanvraagformulier', `${tag}v2`)] : [doc('aanvraagformulier', `${tag}v2`)], ...(options.requestedData ? { requestedData: options.requestedData } : {}) }],
    ['deliberation', people.team, { type: 'startDeliberation', commandId: id() }],
    ['awaitingDecision', people.dpo, { type: 'giveAdvice', commandId: id(), outcome: 'favourable', legalBasis: 'Art. 6.1.e AVG', text: 'Gunstig advies.', criteria: adequateCriteria() }],
    ['awaitingSignatures', people.chief, { type: 'decide', commandId: id(), outcome: 'approved', motivation: 'De rechtsgrond en de noodzakelijkheid zijn aangetoond.' }],
    ['awaitingCountersignature', people.team, { type: 'registerSignedDocuments', commandId: id(), documents: simplified ? [doc('vereenvoudigdAanvraagformulier', `${tag}s`, true), doc('addendum', `${tag}s`, true)] : [doc('aanvraagformulier', `${tag}s`, true), doc('verklaringTOM', `${tag}s`, true), doc('protocol', `${tag}s`, true)] }],
    ['signed', people.chief, { type: 'countersign', commandId: id(), number: simplified ? options.addendumNumber ?? `${options.parent!.number}/A1` : options.protocolNumber ?? 'PROT-2026-001', protocolEndDate: options.endDate, documents: [countersignedDoc(simplified ? 'addendum' : 'protocol', `${tag}cs`)] }],
    // The mail with both versions, recorded: what lets the dossier be published.
    ['signed', people.team, {
      type: 'recordCorrespondence', commandId: id(), direction: 'outgoing', kind: 'countersignedProtocol', messageId: `outgoing:${tag}-both`,
      subject: `[${tag}] Ondertekend ${simplified ? 'addendum' : 'protocol'}`, sentAt: day(40),
      attachmentNames: [`${simplified ? 'addendum' : 'protocol'}-${tag}cs.docx`, `publicationVersion-${tag}pub.pdf`], recipientsCount: 1
    }],
    ['published', people.team, { type: 'publish', commandId: id(), publicationDocument: doc('publicationVersion', `${tag}pub`, false, 'pdf') }],
    ['delivered', people.team, { type: 'registerDelivery', commandId: id(), deliveredOn: '2026-06-01', dataset: 'SV-bevraging 2025-1, microdata', variables: 12, method: 'beveiligde download' }]
  ];
  let dossier: Dossier | undefined;
  const events: DossierEvent[] = [];
  let dayIndex = options.startDay ?? 0;
  const finalSteps: Partial<Record<StateId, [Actor, Command]>> = {
    rejected: [people.chief, { type: 'decide', commandId: 'x', outcome: 'rejected', motivation: 'Geen rechtsgrond.' }]
  };
  const target = options.upTo === 'rejected' ? 'awaitingDecision' : options.upTo;
  const apply = (actor: Actor, command: Command): void => {
    const result = decide(dossier, command, actor, day(dayIndex++));
    if (!result.ok) throw new Error(`fixture step ${command.type} refused: ${JSON.stringify(result.errors)}`);
    for (const event of result.events) {
      dossier = evolve(dossier, event);
      events.push(event);
    }
  };
  for (const [reached, actor, command] of steps) {
    // The return round is on every path past it, so later mails have review comments to show.
    apply(actor, command);
    if (reached === target) break;
  }
  if (options.upTo === 'rejected') {
    const [actor, command] = finalSteps.rejected!;
    apply(actor, { ...command, commandId: id() });
  }
  if (dossier!.state !== options.upTo) throw new Error(`fixture reached ${dossier!.state}, not ${options.upTo}`);
  return { dossier: dossier!, events };
}
