import { createLocalComposition, type LocalComposition } from '../../../src/composition/local';
import type { Command, DocumentKind, DocumentPhase, DocumentRegistration } from '../../../src/domain';
import type { FormType } from '../../../src/forms';
import { buildForm, type FormFacts, type SignatureFacts } from '../../../src/local/seed/documents';
import { SeededRandom } from '../../../src/local/seed/random';
import type { IntakeTenant } from './front';
import { AN, ELS, KAREL, SOFIE } from './front';
import { adequateCriteria } from '../../support/adviceCriteria';
import type { ConditionInput } from '../../../src/domain/advice';
import { countersignedReport } from '../../support/countersignatureReports';

/** The last state each step reaches, in order. */
const steps = ['intake', 'preliminary', 'formsRequested', 'underReview', 'deliberation', 'awaitingDecision', 'awaitingSignatures', 'awaitingCountersignature', 'signed'] as const;

/** What the standard dossier's forms say (the same requester and project as its `registerRequest`). */
function factsOf(reference: string): FormFacts {
  return {
    reference,
    institution: 'Universiteit Voorbeeld',
    institutionType: 'universiteit',
    address: 'Voorbeeldstraat 1, 9000 Gent',
    kbo: '0248.015.142',
    contactName: 'Karel Contact',
    contactFunction: 'onderzoeker',
    contactEmail: 'karel@uni.example',
    title: 'Welzijn in Vlaanderen',
    researchType: 'wetenschappelijk',
    startDate: '2027-01-01',
    endDate: '2028-12-31'
  };
}

export const rector: SignatureFacts = { name: 'Rita Rector', capacity: 'wettelijk vertegenwoordiger', date: '2026-11-20', place: 'Gent' };
export const countersigned: SignatureFacts = { ...rector, vsaName: 'Els Vermeulen', vsaDate: '2026-11-21' };

/** Who may drive a dossier: the tenant's personas, and its address for the service's own identity. */
export type DrivableTenant = Pick<IntakeTenant, 'as'> & { readonly baseUrl?: string };

/**
 * Drives a standard dossier up to `upTo` the way the product does since issue 12: every form is a real
 * filled .docx, stored first (`documents.upload`, which the service checks and stores), and each
 * registration only points at the stored file (the service rebuilds it from that file). Each command is
 * sent as its persona, through the command service (the groups only read the lists). The countersigned
 * protocol is stored as `protocolFile`; its number comes from the service's counter, so
 * `protocolNumber` is only sent (and ignored) as a client would.
 *
 * With `writeAs: 'service'`, the service's own app-only composition (`app: 'service'`, direct) stores
 * every upload and transition in the persona's name: for tests about what the trusted writer stored.
 */
export async function driveDossier(
  tenant: DrivableTenant,
  reference: string,
  upTo: (typeof steps)[number],
  protocolFile = 'protocol-ondertekend.docx',
  protocolNumber = 'PROT-2026-001',
  writeAs?: 'service',
  /** An approval with these conditions, after an advice recommending them (on the publication criterion). */
  conditions?: readonly ConditionInput[]
): Promise<void> {
  const tag = reference.slice(-4);
  const random = new SeededRandom(Number(tag) || 1);
  const service = writeAs === 'service' ? serviceComposition(tenant) : undefined;
  const writer = (email: string): LocalComposition => service ?? tenant.as(email);

  const store = (formType: FormType, fileName: string, phase: DocumentPhase, signature?: SignatureFacts): Promise<DocumentRegistration> =>
    storeForm(writer(AN), reference, formType, fileName, phase, signature, random);

  const plan: [string, () => Promise<Command>][] = [
    [AN, async () => ({ type: 'registerRequest', commandId: `${tag}-1`, reference, requester: { institution: 'Universiteit Voorbeeld', isIndividual: false, contact: { name: 'Karel Contact', email: 'karel@uni.example' } }, subject: 'Welzijn in Vlaanderen', receivedOn: '2026-11-02', project: { title: 'Welzijn in Vlaanderen', purposes: ['Wetenschappelijk onderzoek'], endDate: '2028-12-31' }, requestedData: { surveys: ['SV-bevraging 2025-1'], variablesCount: 3 } })],
    [AN, async () => ({ type: 'assignStatistician', commandId: `${tag}-2`, assignee: { id: SOFIE, displayName: 'Sofie Janssens', roles: ['statistician'] } })],
    [SOFIE, async () => ({ type: 'requestForms', commandId: `${tag}-3`, procedure: 'standard' })],
    [AN, async () => ({ type: 'registerDraftDocuments', commandId: `${tag}-4`, documents: [await store('aanvraagformulier', 'aanvraag.docx', 'draft'), await store('verklaringTOM', 'tom.docx', 'draft'), await store('protocol', 'protocol.docx', 'draft')] })],
    [AN, async () => ({ type: 'startDeliberation', commandId: `${tag}-5` })],
    [KAREL, async () => (conditions
      ? { type: 'giveAdvice', commandId: `${tag}-6`, outcome: 'favourableWithConditions', legalBasis: 'Art. 6.1.e AVG', text: 'Gunstig onder voorwaarden.', criteria: adequateCriteria().map((criterion) => (criterion.id === 'publication' ? { ...criterion, assessment: 'adequateWithCondition' as const, recommendedCondition: { text: conditions[0].text, category: conditions[0].category } } : criterion)) }
      : { type: 'giveAdvice', commandId: `${tag}-6`, outcome: 'favourable', legalBasis: 'Art. 6.1.e AVG', text: 'Gunstig.', criteria: adequateCriteria() })],
    [ELS, async () => (conditions
      ? { type: 'decide', commandId: `${tag}-7`, outcome: 'approvedWithConditions', motivation: 'In orde, onder voorwaarden.', conditions }
      : { type: 'decide', commandId: `${tag}-7`, outcome: 'approved', motivation: 'In orde.' })],
    [AN, async () => ({ type: 'registerSignedDocuments', commandId: `${tag}-8`, documents: [await store('aanvraagformulier', 'aanvraag-getekend.docx', 'signed', rector), await store('verklaringTOM', 'tom-getekend.docx', 'signed', rector), await store('protocol', 'protocol-getekend.docx', 'signed', rector)] })],
    // The report goes along for the trusted writer writing directly (as the seed does); through the
    // service it is dropped and read again from the stored file (the tenant's verifier).
    [ELS, async () => ({ type: 'countersign', commandId: `${tag}-9`, number: protocolNumber, documents: [{ ...(await store('protocol', protocolFile, 'countersigned', countersigned)), signatures: countersignedReport(protocolFile, rector.name, 'Els Vermeulen') }] })]
  ];
  for (let index = 0; index <= steps.indexOf(upTo); index++) {
    const [email, build] = plan[index];
    const actor = await tenant.as(email).data.directory.currentActor();
    const command = await build();
    const outcome = await writer(email).data.commands.execute(reference, command, actor);
    if (!outcome.ok) throw new Error(`${command.type} refused: ${JSON.stringify(outcome.errors)}`);
  }
}

/**
 * Stores a filled form of the standard dossier (signed when `signature` is given) through `composition`
 * (a persona's goes through the service, which checks and stores it) and returns the registration that
 * points at the stored file.
 */
export async function storeForm(
  composition: LocalComposition,
  reference: string,
  formType: FormType,
  fileName: string,
  phase: DocumentPhase,
  signature?: SignatureFacts,
  random = new SeededRandom(1)
): Promise<DocumentRegistration> {
  const { bytes, check } = await buildForm(formType, factsOf(reference), random, { signature, today: '2026-11-20' });
  const { data } = composition;
  await data.documents.ensureFolder(reference);
  const stored = await data.documents.upload(reference, fileName, bytes, { kind: formType as DocumentKind, phase, check });
  const signatory = signature ? { name: signature.name, capacity: signature.capacity } : undefined;
  return { id: stored.id, kind: formType as DocumentKind, fileName: stored.fileName, version: stored.version, checkSummary: check, ...(signatory ? { signatory } : {}) };
}

/** The command service's own app-only composition on the tenant (it may write the lists). */
function serviceComposition(tenant: DrivableTenant): LocalComposition {
  if (!tenant.baseUrl) throw new Error('driveDossier: writing as the service needs the tenant\'s baseUrl.');
  return createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service', commandsVia: 'direct', messaging: false });
}

/**
 * Records the mail with both versions (the countersigned original(s) and `publicationFileName`) as sent
 * to the requester, as the correspondence service records it after sending: what `publish` requires.
 */
export async function recordBothVersionsMail(composition: LocalComposition, reference: string, publicationFileName: string, commandId = `${reference}-both-versions`): Promise<void> {
  const { data } = composition;
  const dossier = (await data.commands.load(reference)).dossier;
  if (!dossier) throw new Error(`recordBothVersionsMail: ${reference} does not exist.`);
  const originals = dossier.documents.filter((document) => document.phase === 'countersigned' && !document.superseded).map((document) => document.fileName);
  const outcome = await data.commands.execute(reference, {
    type: 'recordCorrespondence', commandId, direction: 'outgoing', kind: 'countersignedProtocol', messageId: `outgoing:${commandId}`,
    subject: `[${reference}] Ondertekend protocol`, sentAt: new Date().toISOString(), attachmentNames: [...originals, publicationFileName], recipientsCount: 1
  }, await data.directory.currentActor());
  if (!outcome.ok) throw new Error(`the mail with both versions was refused: ${JSON.stringify(outcome.errors)}`);
}
