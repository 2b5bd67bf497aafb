import { createLocalComposition, type LocalComposition } from '../../../src/composition/local';
import type { Command, DocumentKind, DocumentPhase, DocumentRegistration } from '../../../src/domain';
import type { FormType } from '../../../src/forms';
import { buildForm, type FormFacts, type SignatureFacts } from '../../../src/local/seed/documents';
import { SeededRandom } from '../../../src/local/seed/random';
import type { IntakeTenant } from './front';
import { AN, ELS, KAREL, SOFIE } from './front';
import { adequateCriteria } from '../../support/adviceCriteria';
import type { ConditionInput } from '../../../src/domain/advice';
import type { Institution } from '../../../src/domain/institutions';
import { localDemoPki, localDemoRootDer } from '../../../src/local/pki/localDemoPki';
import { verifySignatures } from '../../../src/signatures';
import type { IssuedCertificate } from '../../../src/local/pki/demoPki';
import { signDocx } from '../../../src/local/pki/signDocx';

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
/** The VSA signatory of the countersignature: the Chief Statistician persona's display name (ELS). */
export const chiefStatistician = 'Els Vermeulen';

/**
 * The standard dossier's institution as the DPO team registers it (`Instellingen`): the forms'
 * enterprise number and name, with the forms' signatory as its legal representative since long before
 * the dossier, so that the command service matches the requester's certificate to an authorised signatory.
 */
export function standardInstitution(): Institution {
  const facts = factsOf('');
  return {
    id: '',
    name: facts.institution,
    enterpriseNumber: facts.kbo,
    kind: 'onderzoeksinstelling',
    signatories: [{ name: rector.name, capacity: 'wettelijk vertegenwoordiger', validFrom: '2020-01-01' }],
    mandates: []
  };
}

/** Adds the standard institution to the register (as a member of the DPO team) unless it is there. */
export async function registerStandardInstitution(composition: LocalComposition): Promise<void> {
  const institution = standardInstitution();
  const digits = institution.enterpriseNumber.replace(/\D/g, '');
  const register = composition.data.institutions;
  if ((await register.list()).some((entry) => entry.enterpriseNumber.replace(/\D/g, '') === digits)) return;
  await register.save(institution);
}

const certificates = new Map<string, Promise<IssuedCertificate>>();

/**
 * The eID-like certificate of a person under the local tenant's demo PKI (the local command service
 * trusts its root), one per name for the whole run: the countersigned original then carries the very
 * certificate that signed the requester's document.
 */
async function certificateOf(name: string): Promise<{ certificate: IssuedCertificate; intermediate: IssuedCertificate }> {
  const pki = await localDemoPki();
  let certificate = certificates.get(name);
  if (!certificate) {
    const [givenName, ...surname] = name.trim().split(/\s+/);
    certificate = pki.person(givenName, surname.join(' '));
    certificates.set(name, certificate);
  }
  return { certificate: await certificate, intermediate: pki.intermediate };
}

/** Adds `name`'s electronic signature to a .docx the way Word does (now: after the decision taken in the flow). */
export async function signAs(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const { certificate, intermediate } = await certificateOf(name);
  return signDocx(bytes, { signer: certificate, chain: [intermediate], signingTime: new Date() });
}

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
  // The service matches the signers of the signed forms against the institution register (step 4). Saved
  // before the first command: the service caches the register's list for a minute once it has read it.
  await registerStandardInstitution(tenant.as(AN));

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
    // The requester's signed protocol, countersigned by the Chief Statistician. The trusted writer writing
    // directly sends the real verifier's report along (as the seed does); through the service the
    // service reads it itself from the stored file (the tenant's verifier).
    [ELS, async () => ({ type: 'countersign', commandId: `${tag}-9`, number: protocolNumber, documents: [await storeCountersigned(writer(AN), reference, 'protocol', protocolFile, random, rector, service !== undefined)] })]
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
 * Stores a filled form of the standard dossier through `composition` (a persona's goes through the
 * service, which checks and stores it) and returns the registration that points at the stored file.
 * With `signature`, the form carries the typed signature and is signed electronically by that person
 * (demo PKI, as Word signs); for the `countersigned` phase, see `storeCountersigned`.
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
  if (phase === 'countersigned' && signature) return storeCountersigned(composition, reference, formType, fileName, random, signature);
  const built = await buildForm(formType, factsOf(reference), random, { signature, today: '2026-11-20' });
  const bytes = signature ? await signAs(built.bytes, signature.name) : built.bytes;
  return upload(composition, reference, formType, fileName, phase, bytes, built.check, signature);
}

/**
 * Stores the countersigned original of a form: the requester's signed document of that kind in the
 * dossier (as registered by `registerSignedDocuments`), additionally signed by the Chief Statistician.
 * Without one (a dossier driven otherwise), the form is built, signed by `signature`'s signatory, then
 * countersigned.
 */
export async function storeCountersigned(
  composition: LocalComposition,
  reference: string,
  formType: FormType,
  fileName: string,
  random = new SeededRandom(1),
  signature: SignatureFacts = rector,
  /** Adds the real verifier's report of the stored file (the local tenant's trust: its demo root). */
  withReport = false
): Promise<DocumentRegistration> {
  const { data } = composition;
  const dossier = (await data.commands.load(reference)).dossier;
  const signedDocument = dossier?.documents.filter((document) => document.kind === formType && document.phase === 'signed' && !document.superseded).pop();
  let signed: Uint8Array;
  let check;
  if (signedDocument) {
    signed = await data.documents.download(reference, signedDocument.fileName);
    check = signedDocument.checkSummary;
  } else {
    const built = await buildForm(formType, factsOf(reference), random, { signature, today: '2026-11-20' });
    signed = await signAs(built.bytes, signature.name);
    check = built.check;
  }
  const bytes = await signAs(signed, chiefStatistician);
  const registration = await upload(composition, reference, formType, fileName, 'countersigned', bytes, check, signature);
  if (!withReport) return registration;
  return { ...registration, signatures: await verifySignatures(bytes, registration.fileName, { trustAnchors: [localDemoRootDer()], now: new Date().toISOString() }) };
}

async function upload(
  composition: LocalComposition,
  reference: string,
  formType: FormType,
  fileName: string,
  phase: DocumentPhase,
  bytes: Uint8Array,
  check: DocumentRegistration['checkSummary'],
  signature: SignatureFacts | undefined
): Promise<DocumentRegistration> {
  const { data } = composition;
  await data.documents.ensureFolder(reference);
  const stored = await data.documents.upload(reference, fileName, bytes, { kind: formType as DocumentKind, phase, ...(check ? { check } : {}) });
  const signatory = signature ? { name: signature.name, capacity: signature.capacity } : undefined;
  return { id: stored.id, kind: formType as DocumentKind, fileName: stored.fileName, version: stored.version, ...(check ? { checkSummary: check } : {}), ...(signatory ? { signatory } : {}) };
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
