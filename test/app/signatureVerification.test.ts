/**
 * The reports the command service computes when signed documents are registered (`withServerDocuments`
 * with a `SignatureVerifier` and an `InstitutionDirectory`): from the stored bytes, never a client's
 * report or institution; and the ports' helpers.
 */
import { institutionDirectoryOf, institutionOfDossier, signatureVerifierOf, type SignatureVerifier } from '../../src/app/signatureVerification';
import { withServerDocuments } from '../../src/app/service/serverDocuments';
import type { DocumentLibrary, StoredDocument } from '../../src/data/ports';
import type { Command, CommandOf, DocumentKind, Dossier } from '../../src/domain';
import { decide, replay } from '../../src/domain';
import type { DocumentSignatureReport } from '../../src/domain/signatures';
import { signedSetContextOf, signedSetFindings } from '../../src/domain/signedSet';
import { actors, cmd } from '../domain/support/fixtures';
import { eventsIn } from '../domain/support/paths';
import { fileReport, signature, universiteit } from '../support/signatureReports';
import { formsEngine, sampleForm } from './support';

/** A folder of stored files (each at version 1.0) that records downloads. */
class Folder implements Pick<DocumentLibrary, 'list' | 'download'> {
  public readonly downloads: string[] = [];
  private readonly files = new Map<string, { kind: DocumentKind; bytes: Uint8Array }>();

  public put(fileName: string, kind: DocumentKind, bytes: Uint8Array): void {
    this.files.set(fileName, { kind, bytes });
  }

  public async list(reference: string): Promise<StoredDocument[]> {
    return [...this.files.entries()].map(([fileName, file]) => ({
      id: `id-${fileName}`, fileName, serverRelativeUrl: `/sites/microdata/Dossierdocumenten/${reference}/${fileName}`, size: file.bytes.length, version: '1.0', kind: file.kind, phase: 'signed'
    }));
  }

  public async download(_reference: string, fileName: string): Promise<Uint8Array> {
    this.downloads.push(fileName);
    const file = this.files.get(fileName);
    if (!file) throw new Error(`${fileName} is not stored`);
    return file.bytes;
  }
}

/** A verifier returning constructed reports per file name, recording what it was given. */
class FakeVerifier implements SignatureVerifier {
  public readonly calls: { fileName: string; bytes: string; at?: string }[] = [];
  public constructor(private readonly reports: Readonly<Record<string, DocumentSignatureReport>>) {}

  public async verify(bytes: Uint8Array, fileName: string, at?: string): Promise<DocumentSignatureReport> {
    this.calls.push({ fileName, bytes: new TextDecoder().decode(bytes.slice(0, 8)), ...(at ? { at } : {}) });
    const report = this.reports[fileName];
    if (!report) throw new Error(`no report for ${fileName}`);
    return report;
  }
}

const pdf = (name: string): Uint8Array => new TextEncoder().encode(`%PDF-1.7 ${name}`);
const kinds = ['aanvraagformulier', 'verklaringTOM', 'protocol'] as const;
const byAn = (fileName: string): DocumentSignatureReport => fileReport(fileName, [signature('An Peeters')]);

function signedFolder(): Folder {
  const folder = new Folder();
  for (const kind of kinds) folder.put(`${kind} getekend.pdf`, kind, pdf(kind));
  return folder;
}

const forgedReport = fileReport('x.pdf', [signature('Iemand Anders')]);
const pointers = kinds.map((kind) => ({ fileName: `${kind} getekend.pdf`, signatures: forgedReport }));

async function rebuild(folder: Folder, verifier: SignatureVerifier | undefined, command: Command, dossier: Dossier) {
  const deps = {
    documents: folder, loadFormsEngine: async () => formsEngine, today: () => '2026-02-02',
    ...(verifier ? { signatures: verifier } : {}), institutions: institutionDirectoryOf([universiteit])
  };
  return (await withServerDocuments(deps, async () => dossier, command, actors.team)) as CommandOf<'registerSignedDocuments'>;
}

describe('the service computes the signature reports of signed documents', () => {
  const dossier = replay(eventsIn('awaitingSignatures')) as Dossier;

  it('given signed PDFs, when registered, then each carries the verifier’s report of the stored bytes and the institution is looked up; the set completes', async () => {
    const folder = signedFolder();
    const verifier = new FakeVerifier(Object.fromEntries(kinds.map((kind) => [`${kind} getekend.pdf`, byAn(`${kind} getekend.pdf`)])));
    const command = { ...cmd.registerSignedDocuments(), documents: pointers, institution: { ...universiteit, signatories: [] } } as unknown as Command;
    const rebuilt = await rebuild(folder, verifier, command, dossier);
    expect(verifier.calls).toEqual(kinds.map((kind) => ({ fileName: `${kind} getekend.pdf`, bytes: '%PDF-1.7' })));
    expect(rebuilt.documents.map((d) => d.signatures?.signatures[0]?.signer?.commonName)).toEqual(['An Peeters', 'An Peeters', 'An Peeters']);
    // The client's institution (with no signatories) is replaced by the register's.
    expect(rebuilt.institution).toEqual(universiteit);
    const result = decide(dossier, rebuilt, actors.team, '2026-02-02T10:00:00.000Z');
    expect(result.ok && result.events.map((e) => e.type)).toEqual(['SignedDocumentsRegistered', 'SignedSetCompleted']);
  });

  it('given a verified signature by someone not allowed, when registered, then recorded but not complete', async () => {
    const folder = signedFolder();
    const reports = Object.fromEntries(kinds.map((kind) => [`${kind} getekend.pdf`, byAn(`${kind} getekend.pdf`)]));
    reports['protocol getekend.pdf'] = fileReport('protocol getekend.pdf', [signature('Xavier Elders')]);
    const rebuilt = await rebuild(folder, new FakeVerifier(reports), { ...cmd.registerSignedDocuments(), documents: pointers } as unknown as Command, dossier);
    const result = decide(dossier, rebuilt, actors.team, '2026-02-02T10:00:00.000Z');
    expect(result.ok && result.events.map((e) => e.type)).toEqual(['SignedDocumentsRegistered']);
  });

  it('given a signed .docx form, when registered, then the same bytes are read once, checked and verified, and the typed signatory is compared', async () => {
    const folder = signedFolder();
    folder.put('protocol getekend.docx', 'protocol', await sampleForm('protocol', 'wettelijk vertegenwoordiger'));
    const reports = Object.fromEntries(kinds.map((kind) => [`${kind} getekend.pdf`, byAn(`${kind} getekend.pdf`)]));
    reports['protocol getekend.docx'] = fileReport('protocol getekend.docx', [signature('An Peeters', { format: 'xmldsig' })]);
    const verifier = new FakeVerifier(reports);
    const documents = [...pointers.slice(0, 2), { fileName: 'protocol getekend.docx' }];
    const rebuilt = await rebuild(folder, verifier, { ...cmd.registerSignedDocuments(), documents } as unknown as Command, dossier);
    expect(folder.downloads.filter((name) => name === 'protocol getekend.docx')).toHaveLength(1);
    expect(verifier.calls.find((call) => call.fileName === 'protocol getekend.docx')?.bytes.startsWith('PK')).toBe(true);
    const protocol = rebuilt.documents.find((d) => d.kind === 'protocol');
    // The sample form is signed by "Bart Voorbeeld" in its signature block; the certificate says An Peeters.
    expect(protocol?.signatory?.name).toBe('Bart Voorbeeld');
    expect(protocol?.signatures?.signatures[0]?.format).toBe('xmldsig');
    const findings = signedSetFindings(rebuilt.documents, signedSetContextOf(dossier, rebuilt.documents, rebuilt.institution));
    expect(findings.map((f) => `${f.documentKind}:${f.code}`)).toEqual(['protocol:typedSignatoryDiffers']);
    const result = decide(dossier, rebuilt, actors.team, '2026-02-02T10:00:00.000Z');
    expect(result.ok && result.events.map((e) => e.type)).toEqual(['SignedDocumentsRegistered']);
  });

  it('given no verifier, when registered, then no report travels, not even the client’s', async () => {
    const folder = signedFolder();
    const rebuilt = await rebuild(folder, undefined, { ...cmd.registerSignedDocuments(), documents: pointers } as unknown as Command, dossier);
    expect(rebuilt.documents.every((d) => d.signatures === undefined)).toBe(true);
  });

  it('given a verifier that fails (not a bad file: an outage), when registered, then the registration fails and nothing is half stored', async () => {
    const folder = signedFolder();
    const failing: SignatureVerifier = { verify: async () => Promise.reject(new Error('verifier crashed')) };
    await expect(rebuild(folder, failing, { ...cmd.registerSignedDocuments(), documents: pointers } as unknown as Command, dossier)).rejects.toThrow('verifier crashed');
  });

  it('given a draft registration, then no signature is verified', async () => {
    const folder = new Folder();
    folder.put('aanvraag.pdf', 'aanvraagformulier', pdf('a'));
    const verifier = new FakeVerifier({});
    const draftDossier = replay(eventsIn('formsRequested')) as Dossier;
    await withServerDocuments(
      { documents: folder, loadFormsEngine: async () => formsEngine, today: () => '2026-02-02', signatures: verifier },
      async () => draftDossier,
      { ...cmd.registerDraftDocuments(), documents: [{ fileName: 'aanvraag.pdf' }] } as unknown as Command,
      actors.team
    );
    expect(verifier.calls).toEqual([]);
  });
});

describe('the ports', () => {
  it('signatureVerifierOf reads the trust anchors once, passes the clock and the time asked for', async () => {
    let reads = 0;
    const seen: unknown[] = [];
    const verifier = signatureVerifierOf(
      async (_bytes, fileName, options) => {
        seen.push(options);
        return fileReport(fileName, []);
      },
      async () => {
        reads += 1;
        return { trustAnchors: [new Uint8Array([1])], intermediates: [new Uint8Array([2])] };
      },
      () => '2026-02-02T10:00:00.000Z'
    );
    await verifier.verify(pdf('a'), 'a.pdf');
    await verifier.verify(pdf('b'), 'b.pdf', '2026-01-01T00:00:00.000Z');
    expect(reads).toBe(1);
    expect(seen).toEqual([
      { trustAnchors: [new Uint8Array([1])], intermediates: [new Uint8Array([2])], now: '2026-02-02T10:00:00.000Z' },
      { trustAnchors: [new Uint8Array([1])], intermediates: [new Uint8Array([2])], now: '2026-02-02T10:00:00.000Z', at: '2026-01-01T00:00:00.000Z' }
    ]);
  });

  it('signatureVerifierOf tries the trust anchors again after a failed read', async () => {
    let reads = 0;
    const verifier = signatureVerifierOf(async (_b, fileName) => fileReport(fileName, []), async () => {
      reads += 1;
      if (reads === 1) throw new Error('folder missing');
      return { trustAnchors: [], intermediates: [] };
    }, () => '2026-02-02T10:00:00.000Z');
    await expect(verifier.verify(pdf('a'), 'a.pdf')).rejects.toThrow('folder missing');
    await expect(verifier.verify(pdf('a'), 'a.pdf')).resolves.toMatchObject({ fileName: 'a.pdf' });
  });

  it('institutionOfDossier finds by enterprise number first, then by name; nothing without either', async () => {
    const directory = institutionDirectoryOf([universiteit, { ...universiteit, id: 'other', name: 'Andere', enterpriseNumber: '0999999999' }]);
    const dossier = replay(eventsIn('awaitingSignatures')) as Dossier;
    expect((await institutionOfDossier(directory, dossier))?.id).toBe('universiteit-voorbeeld');
    const byName = { ...dossier, requester: { ...dossier.requester, kbo: undefined, institution: ' universiteit voorbeeld ' } };
    expect((await institutionOfDossier(directory, byName))?.id).toBe('universiteit-voorbeeld');
    const byNumber = { ...dossier, requester: { ...dossier.requester, kbo: '0999.999.999', institution: 'Universiteit Voorbeeld' } };
    expect((await institutionOfDossier(directory, byNumber))?.id).toBe('other');
    expect(await institutionOfDossier(directory, { ...dossier, requester: { ...dossier.requester, kbo: undefined, institution: undefined } })).toBeUndefined();
  });
});
