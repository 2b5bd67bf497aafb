/**
 * The service's rebuild of a registering command carries what the stored forms state is requested:
 * from the forms the command registers, else from the dossier's current forms of the other kinds,
 * with the document it came from. A client's `requestedData` is never taken on its word.
 */
import type { CommandResponseBody, DocumentResponseBody } from '../../src/data/service/contract';
import type { Command, DocumentKind, Dossier } from '../../src/domain';
import { fillForm, generateTemplate, sampleValues, withFields } from '../../src/forms';
import { actors, cmd } from '../domain/support/fixtures';
import { eventsIn } from '../domain/support/paths';
import { contextFor, request, seedDossier, serviceUnderTest, StoredFilesLibrary, testKeys, tokenFor, type ServiceUnderTest, type TestKeys } from './support';

const REFERENCE = 'VSA-2026-0001';

let keys: TestKeys;
beforeAll(async () => {
  keys = await testKeys();
});

/** A filled form of `kind` naming these surveys and `variables` variables; `signed` adds the signature block. */
async function form(kind: DocumentKind, surveys: string, variables: number, signed = false): Promise<Uint8Array> {
  const values = withFields(sampleValues(kind as never, { signed, variables }), { 'gegevens.bevragingen': surveys });
  return fillForm(await generateTemplate(kind as never), values, { fileName: `${kind}.docx` });
}

async function upload(service: ServiceUnderTest, fileName: string, kind: DocumentKind, bytes: Uint8Array, phase?: string): Promise<DocumentResponseBody> {
  const token = await tokenFor(keys, actors.team.id);
  const query = { fileName, kind, ...(phase ? { phase } : {}) };
  const response = await service.handlers.document(request(`dossiers/${REFERENCE}/documents`, { token, rawBody: bytes, query }), contextFor(service.logs));
  expect(response.status).toBe(200);
  return response.jsonBody as DocumentResponseBody;
}

async function send(service: ServiceUnderTest, command: Command): Promise<Dossier> {
  const token = await tokenFor(keys, actors.team.id);
  const response = await service.handlers.command(request(`dossiers/${REFERENCE}/commands`, { token, body: { command } }), contextFor(service.logs));
  const body = response.jsonBody as CommandResponseBody;
  if (!body.ok) throw new Error(`refused: ${JSON.stringify(body)}`);
  return body.dossier;
}

const pointer = (body: DocumentResponseBody): { id: string; kind: DocumentKind; fileName: string; version: string } => ({
  id: body.document.id,
  kind: body.kind,
  fileName: body.document.fileName,
  version: body.document.version
});

const forged = { surveys: ['SCV-survey 1996'], variablesCount: 99, variables: [{ name: 'rijksregisternummer', justification: 'want' }] };

describe('the service rebuild fills requestedData from the stored forms', () => {
  it('registering drafts takes the application form’s surveys, variables and source, and ignores a forged requestedData', async () => {
    const service = serviceUnderTest(keys, { library: new StoredFilesLibrary() });
    await seedDossier(service.stores, eventsIn('formsRequested'));
    const application = await upload(service, 'aanvraag ontwerp.docx', 'aanvraagformulier', await form('aanvraagformulier', 'SV-bevraging 2024-1; SV-bevraging 2024-2', 4));
    const tom = await upload(service, 'tom ontwerp.docx', 'verklaringTOM', await form('verklaringTOM', '', 0));
    const protocol = await upload(service, 'protocol ontwerp.docx', 'protocol', await form('protocol', 'COVID-19-bevraging golf 3', 0));
    const command = { ...cmd.registerDraftDocuments(), documents: [application, tom, protocol].map(pointer), requestedData: forged } as Command;
    const dossier = await send(service, command);
    expect(dossier.requestedData?.surveys).toEqual(['SV-bevraging 2024-1', 'SV-bevraging 2024-2']);
    expect(dossier.requestedData?.variablesCount).toBe(4);
    expect(dossier.requestedData?.variables?.map((variable) => variable.name)).not.toContain('rijksregisternummer');
    expect(dossier.requestedData?.source).toEqual({ documentId: application.document.id, fileName: 'aanvraag ontwerp.docx', kind: 'aanvraagformulier', version: '1.0', phase: 'draft' });
    const event = service.stores.log.at(-1)?.event as { type: string; requestedData?: { variablesCount: number } };
    expect(event.type).toBe('DraftDocumentsRegistered');
    expect(event.requestedData?.variablesCount).toBe(4);
  });

  it('registering only a TOM declaration falls back on the dossier’s current application form; the signed form then replaces it with its source', async () => {
    const library = new StoredFilesLibrary();
    const service = serviceUnderTest(keys, { library });
    // The drafts the dossier registered (eventsIn's `aanvraagformulier-v1.docx` …) are in the folder.
    await library.upload(REFERENCE, 'aanvraagformulier-v1.docx', await form('aanvraagformulier', 'SV-bevraging 2023-1', 3), { kind: 'aanvraagformulier', phase: 'draft' });
    await library.upload(REFERENCE, 'protocol-v1.docx', await form('protocol', 'SCV-survey 2015', 0), { kind: 'protocol', phase: 'draft' });
    await seedDossier(service.stores, eventsIn('awaitingSignatures'));

    const tom = await upload(service, 'tom getekend.docx', 'verklaringTOM', await form('verklaringTOM', '', 0, true));
    const afterTom = await send(service, { ...cmd.registerSignedDocuments(), documents: [pointer(tom)], requestedData: forged } as Command);
    expect(afterTom.requestedData?.surveys).toEqual(['SV-bevraging 2023-1']);
    expect(afterTom.requestedData?.variablesCount).toBe(3);
    expect(afterTom.requestedData?.source).toMatchObject({ fileName: 'aanvraagformulier-v1.docx', kind: 'aanvraagformulier', phase: 'draft' });

    const signed = await upload(service, 'aanvraag getekend.docx', 'aanvraagformulier', await form('aanvraagformulier', 'SV-bevraging 2023-1; SV-bevraging 2023-2', 5, true));
    const afterSigned = await send(service, { ...cmd.registerSignedDocuments(), documents: [pointer(signed)] } as Command);
    expect(afterSigned.requestedData?.surveys).toEqual(['SV-bevraging 2023-1', 'SV-bevraging 2023-2']);
    expect(afterSigned.requestedData?.variablesCount).toBe(5);
    expect(afterSigned.requestedData?.source).toEqual({ documentId: signed.document.id, fileName: 'aanvraag getekend.docx', kind: 'aanvraagformulier', version: '1.0', phase: 'signed' });
  });

  it('a registration whose forms state nothing requested keeps the dossier’s values and never takes the client’s', async () => {
    const service = serviceUnderTest(keys, { library: new StoredFilesLibrary() });
    await seedDossier(service.stores, eventsIn('awaitingSignatures'));
    const tom = await upload(service, 'tom getekend.docx', 'verklaringTOM', await form('verklaringTOM', '', 0, true));
    const dossier = await send(service, { ...cmd.registerSignedDocuments(), documents: [pointer(tom)], requestedData: forged } as Command);
    expect(dossier.requestedData).toBeUndefined();
  });

  it('a registerRequest keeps no client requestedData; an extension takes the protocol dossier’s own', async () => {
    const parentData = { surveys: ['SV-bevraging 2022-1'], variablesCount: 7 };
    const service = serviceUnderTest(keys, { parentProtocols: { 'PROT-2026-001': { number: 'PROT-2026-001', dossierReference: REFERENCE, state: 'published' } } });
    const [registered, ...rest] = eventsIn('published');
    await seedDossier(service.stores, [{ ...registered, requestedData: parentData } as typeof registered, ...rest]);
    const plain = await sendTo(service, 'VSA-2026-0002', { ...cmd.registerRequest('VSA-2026-0002'), requestedData: forged } as Command);
    expect(plain.requestedData).toBeUndefined();
    const extension = await sendTo(service, 'VSA-2026-0003', { ...cmd.registerRequest('VSA-2026-0003'), requestedData: forged, parentProtocolNumber: 'PROT-2026-001' } as Command);
    expect(extension.requestedData).toEqual(parentData);
  });
});

async function sendTo(service: ServiceUnderTest, reference: string, command: Command): Promise<Dossier> {
  const token = await tokenFor(keys, actors.team.id);
  const response = await service.handlers.command(request(`dossiers/${reference}/commands`, { token, body: { command } }), contextFor(service.logs));
  const body = response.jsonBody as CommandResponseBody;
  if (!body.ok) throw new Error(`refused: ${JSON.stringify(body)}`);
  return body.dossier;
}
