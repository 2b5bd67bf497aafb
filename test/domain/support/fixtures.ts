import { adequateCriteria } from '../../support/adviceCriteria';
import type {
  Actor,
  Command,
  DocumentRegistration,
  ParentProtocolRef,
  ProcedureId,
  Requester,
  SignatoryCapacity
} from '../../../src/domain';
import { countersignedReport } from '../../support/countersignatureReports';

/** Test personas (fictitious). The DPO is also in the DPO team, as in workflow.md. */
export const actors = {
  team: { id: 'an.team@vsa.example', displayName: 'An Team', roles: ['dpoTeam'] },
  statistician: { id: 'stef.stat@vsa.example', displayName: 'Stef Stat', roles: ['statistician'] },
  otherStatistician: { id: 'olga.stat@vsa.example', displayName: 'Olga Stat', roles: ['statistician'] },
  dpo: { id: 'dirk.dpo@vsa.example', displayName: 'Dirk DPO', roles: ['dpo', 'dpoTeam'] },
  chief: { id: 'hilde.hoofd@vsa.example', displayName: 'Hilde Hoofd', roles: ['chiefStatistician'] },
  outsider: { id: 'x@elders.example', displayName: 'Xavier Elders', roles: [] }
} satisfies Record<string, Actor>;

const dayMs = 86_400_000;
const epoch = Date.parse('2026-01-05T09:00:00.000Z');

/** Deterministic clock: `at(3)` is three days after the test epoch. */
export const at = (days: number): string => new Date(epoch + days * dayMs).toISOString();

let sequence = 0;
/** A fresh command id (tests must not depend on its value). */
export const nextId = (): string => `cmd-${++sequence}`;

export const organisation: Requester = {
  institution: 'Universiteit Voorbeeld',
  institutionType: 'onderzoeksinstelling',
  isIndividual: false,
  contact: { name: 'Karel Contact', email: 'karel@uni.example' },
  kbo: '0123456749'
};

export const individual: Requester = {
  isIndividual: true,
  contact: { name: 'Ingrid Individu', email: 'ingrid@mail.example' }
};

const clean = { blocking: 0, warnings: 1, info: 2 };

/** A document registration; `signedBy` makes it a signed document. */
export function doc(kind: DocumentRegistration['kind'], tag: string, signedBy?: SignatoryCapacity): DocumentRegistration {
  return {
    id: `${kind}-${tag}`,
    kind,
    fileName: `${kind}-${tag}.docx`,
    version: '1.0',
    checkSummary: clean,
    ...(signedBy ? { signatory: { name: `Signer ${tag}`, capacity: signedBy } } : {})
  };
}

/** The countersigned original of a kind: signed by the requester (`Rita Rector`), then by the chief of `actors`. */
export function countersignedDoc(kind: 'protocol' | 'addendum' = 'protocol', vsaSignatory = 'Hilde Hoofd'): DocumentRegistration {
  const fileName = `${kind}-cs.docx`;
  return { id: `${kind}-cs`, kind, fileName, version: '1.0', signatures: countersignedReport(fileName, 'Rita Rector', vsaSignatory) };
}

export const draftSet = (procedure: ProcedureId, tag = 'v1'): DocumentRegistration[] =>
  procedure === 'standard'
    ? [doc('aanvraagformulier', tag), doc('verklaringTOM', tag), doc('protocol', tag)]
    : [doc('vereenvoudigdAanvraagformulier', tag)];

export const signedSet = (procedure: ProcedureId, capacity: SignatoryCapacity = 'wettelijk vertegenwoordiger'): DocumentRegistration[] =>
  procedure === 'standard'
    ? [doc('aanvraagformulier', 's', capacity), doc('verklaringTOM', 's', capacity), doc('protocol', 's', capacity)]
    : [doc('vereenvoudigdAanvraagformulier', 's', capacity), doc('addendum', 's', capacity)];

/** Valid commands with fresh ids; `overrides` replace payload fields. */
export const cmd = {
  registerRequest: (reference = 'VSA-2026-0001', requester: Requester = organisation): Command => ({
    type: 'registerRequest', commandId: nextId(), reference, requester, subject: 'Microdata SV-bevraging 2025',
    receivedOn: '2026-01-02', project: { title: 'Welzijn in Vlaanderen', purposes: ['wetenschappelijk onderzoek'], researchType: 'wetenschappelijk', startDate: '2026-03-01', endDate: '2028-02-29' }
  }),
  assignStatistician: (assignee: Actor = actors.statistician): Command => ({ type: 'assignStatistician', commandId: nextId(), assignee }),
  requestFormsStandard: (): Command => ({ type: 'requestForms', commandId: nextId(), procedure: 'standard' }),
  requestFormsSimplified: (parentProtocol: ParentProtocolRef): Command => ({
    type: 'requestForms', commandId: nextId(), procedure: 'simplified', simplifiedReasons: ['extension', 'addVariables'], parentProtocol
  }),
  declareNotAdmissible: (reason?: string): Command => ({ type: 'declareNotAdmissible', commandId: nextId(), reason }),
  registerDraftDocuments: (documents: DocumentRegistration[] = draftSet('standard')): Command => ({ type: 'registerDraftDocuments', commandId: nextId(), documents }),
  returnForChanges: (text = 'Motiveer variabele X.'): Command => ({ type: 'returnForChanges', commandId: nextId(), reviewComments: [{ text }] }),
  startDeliberation: (overrideReason?: string): Command => ({ type: 'startDeliberation', commandId: nextId(), overrideReason }),
  giveAdvice: (): Command => ({ type: 'giveAdvice', commandId: nextId(), outcome: 'favourable', legalBasis: 'Art. 6.1.e AVG', text: 'Gunstig.', criteria: adequateCriteria() }),
  decide: (outcome: 'approved' | 'rejected' = 'approved'): Command => ({ type: 'decide', commandId: nextId(), outcome, motivation: 'Rechtsgrond in orde.' }),
  requestMoreInformation: (): Command => ({ type: 'requestMoreInformation', commandId: nextId(), question: 'Welke bewaartermijn?' }),
  registerSignedDocuments: (documents: DocumentRegistration[] = signedSet('standard')): Command => ({ type: 'registerSignedDocuments', commandId: nextId(), documents }),
  /** Countersigns with the countersigned original (an addendum for an addendum number), its report signed by the requester then the chief. */
  countersign: (number = 'PROT-2026-001', protocolEndDate?: string, documents: DocumentRegistration[] = [countersignedDoc(number.includes('/A') ? 'addendum' : 'protocol')]): Command => ({
    type: 'countersign', commandId: nextId(), number, protocolEndDate, documents
  }),
  publish: (): Command => ({ type: 'publish', commandId: nextId(), publicationDocument: doc('publicationVersion', 'pub') }),
  /** The mail with both versions (the countersigned original of `kind` and the publication version `publicationVersion-pub.docx`). */
  sendBothVersions: (kind: 'protocol' | 'addendum' = 'protocol', attachmentNames: readonly string[] = [`${kind}-cs.docx`, 'publicationVersion-pub.docx']): Command => ({
    type: 'recordCorrespondence', commandId: nextId(), direction: 'outgoing', kind: 'countersignedProtocol', messageId: `sent:${nextId()}`,
    subject: '[VSA-2026-0001] Ondertekend protocol', sentAt: '2026-01-20T10:00:00.000Z', attachmentNames: [...attachmentNames], recipientsCount: 1
  }),
  registerDelivery: (): Command => ({ type: 'registerDelivery', commandId: nextId(), deliveredOn: '2026-06-01', dataset: 'SV-bevraging 2025 golf 1', variables: 12, method: 'beveiligde download' }),
  withdraw: (reason = 'Aanvrager trok de aanvraag in.'): Command => ({ type: 'withdraw', commandId: nextId(), reason }),
  addComment: (text = 'Gebeld met de aanvrager.'): Command => ({ type: 'addComment', commandId: nextId(), text }),
  /** A sent mail; `messageId` defaults to a fresh one. */
  recordSentMail: (messageId = `sent:${nextId()}`): Command => ({
    type: 'recordCorrespondence', commandId: nextId(), direction: 'outgoing', kind: 'requestForms', messageId,
    subject: '[VSA-2026-0001] Aanvraag microdata: in te vullen formulieren', sentAt: '2026-01-06T10:00:00.000Z',
    attachmentNames: ['aanvraagformulier.docx', 'verklaringTOM.docx', 'protocol.docx'], recipientsCount: 2
  }),
  /** A reviewer remark on a field of the application form (id `R-<n>` unless given). */
  recordFindings: (id = `R-${nextId()}`, audience: 'requester' | 'internal' = 'requester', fieldId = 'project.titel'): Command => ({
    type: 'recordFindings', commandId: nextId(), findings: [{ id, documentKind: 'aanvraagformulier', fieldId, text: 'Verduidelijk dit veld.', audience }]
  }),
  changeFindingStatus: (findingId = 'R-fixture', status: 'open' | 'resolved' | 'waived' = 'resolved', expectedRevision = 1, reason?: string): Command => ({
    type: 'changeFindingStatus', commandId: nextId(), findingId, status, expectedRevision, ...(reason ? { reason } : {})
  }),
  recordConditionMet: (conditionId = 'C1', evidence = 'Bevestiging per mail van 3 maart.'): Command => ({ type: 'recordConditionMet', commandId: nextId(), conditionId, evidence }),
  // Lifecycle (issue 16).
  /** The destruction confirmed by a signed statement (registered with the command). */
  confirmDestructionByStatement: (): Command => ({ type: 'confirmDestruction', commandId: nextId(), statement: doc('destructionStatement', 'vernietigd') }),
  /** The destruction confirmed by a received mail already recorded on the dossier. */
  confirmDestructionByMail: (mailMessageId: string): Command => ({ type: 'confirmDestruction', commandId: nextId(), mailMessageId }),
  revokeProtocol: (date = '2026-02-01', reason = 'De instelling schendt de voorwaarden van het protocol.'): Command => ({ type: 'revokeProtocol', commandId: nextId(), date, reason }),
  /** A received mail linked to the dossier. */
  recordReceivedMail: (messageId = `AAMk-${nextId()}`, receivedAt = '2026-01-07T08:15:00Z'): Command => ({
    type: 'recordCorrespondence', commandId: nextId(), direction: 'incoming', kind: 'incoming', messageId,
    subject: 'RE: [VSA-2026-0001] formulieren', receivedAt, attachmentNames: ['aanvraagformulier.docx'],
    sender: 'karel@uni.example'
  })
};
