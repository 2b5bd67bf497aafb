import type { Command, DocumentRegistration } from '../../../src/domain';
import type { IntakeTenant } from './front';
import { AN, ELS, KAREL, SOFIE } from './front';

const doc = (kind: DocumentRegistration['kind'], fileName: string, signed = false): DocumentRegistration => ({
  id: `${fileName}`,
  kind,
  fileName,
  version: '1.0',
  checkSummary: { blocking: 0, warnings: 0, info: 0 },
  ...(signed ? { signatory: { name: 'Rita Rector', capacity: 'wettelijk vertegenwoordiger' as const } } : {})
});

/** The last state each step reaches, in order. */
const steps = ['intake', 'preliminary', 'formsRequested', 'underReview', 'deliberation', 'awaitingDecision', 'awaitingSignatures', 'awaitingCountersignature', 'signed'] as const;

/**
 * Drives a standard dossier through the data layer (real personas, real permissions) up to `upTo`.
 * The countersigned protocol is registered as `protocolFile`. With `writeAs`, that identity stores
 * every transition in the persona's name (a stand-in for the command service, the only writer once the
 * VSA groups only read).
 */
export async function driveDossier(
  tenant: IntakeTenant,
  reference: string,
  upTo: (typeof steps)[number],
  protocolFile = 'protocol-ondertekend.docx',
  protocolNumber = 'PROT-2026-001',
  writeAs?: string
): Promise<void> {
  const tag = reference.slice(-4);
  const plan: [string, Command][] = [
    [AN, { type: 'registerRequest', commandId: `${tag}-1`, reference, requester: { institution: 'Universiteit Voorbeeld', isIndividual: false, contact: { name: 'Karel Contact', email: 'karel@uni.example' } }, subject: 'Welzijn in Vlaanderen', receivedOn: '2026-11-02', project: { title: 'Welzijn in Vlaanderen', purposes: ['Wetenschappelijk onderzoek'], endDate: '2028-12-31' }, requestedData: { surveys: ['SV-bevraging 2025-1'], variablesCount: 3 } }],
    [AN, { type: 'assignStatistician', commandId: `${tag}-2`, assignee: { id: SOFIE, displayName: 'Sofie Janssens', roles: ['statistician'] } }],
    [SOFIE, { type: 'requestForms', commandId: `${tag}-3`, procedure: 'standard' }],
    [AN, { type: 'registerDraftDocuments', commandId: `${tag}-4`, documents: [doc('aanvraagformulier', 'aanvraag.docx'), doc('verklaringTOM', 'tom.docx'), doc('protocol', 'protocol.docx')] }],
    [AN, { type: 'startDeliberation', commandId: `${tag}-5` }],
    [KAREL, { type: 'giveAdvice', commandId: `${tag}-6`, outcome: 'favourable', legalBasis: 'Art. 6.1.e AVG', text: 'Gunstig.' }],
    [ELS, { type: 'decide', commandId: `${tag}-7`, outcome: 'approved', motivation: 'In orde.' }],
    [AN, { type: 'registerSignedDocuments', commandId: `${tag}-8`, documents: [doc('aanvraagformulier', 'aanvraag-getekend.pdf', true), doc('verklaringTOM', 'tom-getekend.pdf', true), doc('protocol', 'protocol-getekend.pdf', true)] }],
    [ELS, { type: 'countersign', commandId: `${tag}-9`, number: protocolNumber, documents: [doc('protocol', protocolFile, true)] }]
  ];
  for (let index = 0; index <= steps.indexOf(upTo); index++) {
    const [email, command] = plan[index];
    const actor = await tenant.as(email).data.directory.currentActor();
    const { data } = tenant.as(writeAs ?? email);
    const outcome = await data.commands.execute(reference, command, actor);
    if (!outcome.ok) throw new Error(`${command.type} refused: ${JSON.stringify(outcome.errors)}`);
  }
}
