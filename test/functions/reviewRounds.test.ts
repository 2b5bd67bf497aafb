/**
 * The review loop through the command service's handlers, on a library that keeps versions: the
 * service reads each new draft, compares it with the registered previous version and the dossier's
 * findings move (a check that no longer fires and a remark on a changed field become `addressed`, a
 * remark on an unchanged field stays open); a scan moves nothing and is recorded as unreadable.
 */
import type { CommandResponseBody, DocumentResponseBody } from '../../src/data/service/contract';
import type { DocumentMetadata, StoredDocument } from '../../src/data/ports';
import type { Command, DocumentKind, Dossier } from '../../src/domain';
import { fillForm, generateTemplate, sampleValues, withFields } from '../../src/forms';
import { FakeLibrary, pdfBytes } from '../app/support';
import { actors, cmd } from '../domain/support/fixtures';
import { eventsIn } from '../domain/support/paths';
import { contextFor, request, seedDossier, serviceUnderTest, testKeys, tokenFor, type ServiceUnderTest, type TestKeys } from './support';

const REFERENCE = 'VSA-2026-0001';

/** A library that keeps every version of a file (labels 1.0, 2.0, …), as the document library does. */
class VersionedLibrary extends FakeLibrary {
  private readonly files = new Map<string, { metadata: DocumentMetadata; versions: Uint8Array[] }>();

  public override async upload(reference: string, fileName: string, content: Uint8Array, metadata: DocumentMetadata): Promise<StoredDocument> {
    const file = this.files.get(fileName) ?? { metadata, versions: [] };
    file.versions.push(content);
    file.metadata = metadata;
    this.files.set(fileName, file);
    return this.storedFile(reference, fileName);
  }

  public override async list(reference: string): Promise<StoredDocument[]> {
    return [...this.files.keys()].map((fileName) => this.storedFile(reference, fileName));
  }

  public override async download(_reference?: string, fileName?: string, versionLabel?: string): Promise<Uint8Array> {
    const file = this.files.get(String(fileName));
    if (!file) throw new Error(`${String(fileName)} is not stored`);
    return versionLabel ? file.versions[Number.parseInt(versionLabel, 10) - 1] : file.versions[file.versions.length - 1];
  }

  private storedFile(reference: string, fileName: string): StoredDocument {
    const file = this.files.get(fileName)!;
    return {
      id: `id-${fileName}`, fileName, serverRelativeUrl: `/sites/microdata/Dossierdocumenten/${reference}/${fileName}`, size: 1,
      version: `${file.versions.length}.0`, kind: file.metadata.kind, phase: file.metadata.phase
    };
  }
}

let keys: TestKeys;
beforeAll(async () => {
  keys = await testKeys();
});

async function form(kind: DocumentKind, fields: Record<string, string> = {}): Promise<Uint8Array> {
  return fillForm(await generateTemplate(kind as never), withFields(sampleValues(kind as never), fields), { fileName: `${kind}.docx` });
}

async function upload(service: ServiceUnderTest, fileName: string, kind: DocumentKind, bytes: Uint8Array): Promise<{ id: string; kind: DocumentKind; fileName: string; version: string }> {
  const token = await tokenFor(keys, actors.team.id);
  const response = await service.handlers.document(request(`dossiers/${REFERENCE}/documents`, { token, rawBody: bytes, query: { fileName, kind, phase: 'draft' } }), contextFor(service.logs));
  expect(response.status).toBe(200);
  const body = response.jsonBody as DocumentResponseBody;
  return { id: body.document.id, kind: body.kind, fileName: body.document.fileName, version: body.document.version };
}

async function send(service: ServiceUnderTest, command: Command): Promise<Dossier> {
  const token = await tokenFor(keys, actors.team.id);
  const response = await service.handlers.command(request(`dossiers/${REFERENCE}/commands`, { token, body: { command } }), contextFor(service.logs));
  const body = response.jsonBody as CommandResponseBody;
  if (!body.ok) throw new Error(`refused: ${JSON.stringify(body)}`);
  return body.dossier;
}

const remarks = (...items: [string, string][]): Command =>
  ({ type: 'recordFindings', commandId: `remarks-${items[0][0]}`, findings: items.map(([id, fieldId]) => ({ id, documentKind: 'aanvraagformulier', fieldId, text: `Opmerking ${id}`, audience: 'requester' })) }) as Command;

const statusOf = (dossier: Dossier, id: string): string | undefined => dossier.findings.find((finding) => finding.id === id)?.status;

describe('review rounds through the command service', () => {
  it('moves the findings by what changed between the registered versions, and keeps them for a scan', async () => {
    const service = serviceUnderTest(keys, { library: new VersionedLibrary() });
    await seedDossier(service.stores, eventsIn('formsRequested'));
    const endDate = 'check:aanvraagformulier:required:project.einddatum';

    // Round 1: the application form lacks its end date.
    const drafts = [await upload(service, 'aanvraag.docx', 'aanvraagformulier', await form('aanvraagformulier', { 'project.einddatum': '' })), await upload(service, 'tom.docx', 'verklaringTOM', await form('verklaringTOM')), await upload(service, 'protocol.docx', 'protocol', await form('protocol'))];
    let dossier = await send(service, { type: 'registerDraftDocuments', commandId: 'drafts-1', documents: drafts, reviews: [{ documentKind: 'aanvraagformulier', readable: false }] } as unknown as Command);
    expect(statusOf(dossier, endDate)).toBe('open');
    expect(dossier.unreadableVersions).toEqual([]);
    await send(service, remarks(['R1', 'project.titel'], ['R2', 'project.doeleinden']));
    dossier = await send(service, { ...cmd.returnForChanges(), reviewComments: [] } as Command);
    expect(dossier.state).toBe('returnedForChanges');

    // Round 2: a new version of the same file with the end date and another title.
    const v2 = await upload(service, 'aanvraag.docx', 'aanvraagformulier', await form('aanvraagformulier', { 'project.titel': 'Een betere titel' }));
    expect(v2.version).toBe('2.0');
    dossier = await send(service, { type: 'registerDraftDocuments', commandId: 'drafts-2', documents: [v2] } as unknown as Command);
    expect(statusOf(dossier, endDate)).toBe('addressed');
    expect(statusOf(dossier, 'R1')).toBe('addressed');
    expect(statusOf(dossier, 'R2')).toBe('open');
    expect(dossier.findings.find((finding) => finding.id === 'R2')?.lastSeenVersion).toBe('2'); // the review loop's version: the second draft of the kind
    dossier = await send(service, { ...cmd.returnForChanges(), reviewComments: [] } as Command);

    // Round 3: a scan of the form: nothing moves, the dossier says why.
    const scan = await upload(service, 'aanvraag scan.pdf', 'aanvraagformulier', pdfBytes);
    const before = dossier.findings;
    dossier = await send(service, { type: 'registerDraftDocuments', commandId: 'drafts-3', documents: [scan] } as unknown as Command);
    expect(dossier.findings).toEqual(before);
    expect(dossier.unreadableVersions).toEqual([expect.objectContaining({ documentKind: 'aanvraagformulier', documentId: 'id-aanvraag scan.pdf', version: '3' })]);
    expect(dossier.state).toBe('underReview');
  });
});
