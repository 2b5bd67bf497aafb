import { DataError, isDataError } from '../../../../src/data/errors';
import type { DocumentLibrary, StoredDocument } from '../../../../src/data/ports';
import { RemoteDocumentLibrary } from '../../../../src/data/service/remoteDocumentLibrary';
import { FakeServiceHttp, type ScriptedAnswer } from '../../support/fakeServiceHttp';

const REF = 'VSA-2026-0001';
const stored: StoredDocument = {
  id: 'f1c7',
  fileName: 'protocol.docx',
  serverRelativeUrl: `/sites/microdata/Dossierdocumenten/${REF}/protocol.docx`,
  size: 4,
  version: '1.0',
  kind: 'protocol',
  phase: 'draft'
};

/** The direct library: records what it was asked, refuses every write. */
function directLibrary(calls: string[]): DocumentLibrary {
  return {
    ensureFolder: () => Promise.reject(new Error('the direct library must not be written')),
    upload: () => Promise.reject(new Error('the direct library must not be written')),
    list: (reference) => Promise.resolve(void calls.push(`list ${reference}`)).then(() => [stored]),
    download: (reference, fileName, label) => Promise.resolve(void calls.push(`download ${reference} ${fileName} ${label ?? '-'}`)).then(() => new Uint8Array([1, 2])),
    versions: (reference, fileName) => Promise.resolve(void calls.push(`versions ${reference} ${fileName}`)).then(() => ['1.0', '2.0'])
  };
}

function setup(script: ScriptedAnswer[]): { http: FakeServiceHttp; library: RemoteDocumentLibrary; calls: string[] } {
  const calls: string[] = [];
  const http = new FakeServiceHttp(script);
  return { http, calls, library: new RemoteDocumentLibrary({ direct: directLibrary(calls), http, retry: { sleep: () => Promise.resolve() } }) };
}

describe('RemoteDocumentLibrary', () => {
  it('reads directly: list, download (with a version label) and versions', async () => {
    const { http, library, calls } = setup([]);
    expect(await library.list(REF)).toEqual([stored]);
    expect(await library.download(REF, 'protocol.docx', '1.0')).toEqual(new Uint8Array([1, 2]));
    expect(await library.versions(REF, 'protocol.docx')).toEqual(['1.0', '2.0']);
    expect(calls).toEqual([`list ${REF}`, `download ${REF} protocol.docx 1.0`, `versions ${REF} protocol.docx`]);
    expect(http.requests).toHaveLength(0);
  });

  it('lists a dossier whose folder does not exist yet as no documents, and passes every other failure on', async () => {
    const http = new FakeServiceHttp([]);
    const failing = (error: Error): RemoteDocumentLibrary =>
      new RemoteDocumentLibrary({ direct: { ...directLibrary([]), list: () => Promise.reject(error) }, http });
    expect(await failing(new DataError('data.error.notFound', 'list: not found (404).', 404)).list(REF)).toEqual([]);
    await expect(failing(new DataError('data.error.accessDenied', 'list: access denied (403).', 403)).list(REF)).rejects.toMatchObject({ code: 'data.error.accessDenied' });
  });

  it('ensureFolder asks nothing: the service creates the folder', async () => {
    const { http, library } = setup([]);
    await library.ensureFolder(REF);
    expect(http.requests).toHaveLength(0);
  });

  it('upload posts the bytes with fileName, kind and phase, the file type as Content-Type, and returns the stored document', async () => {
    const { http, library } = setup([{ status: 200, json: { document: stored, kind: 'protocol', phase: 'draft', findings: [] } }]);
    const bytes = new Uint8Array([80, 75, 3, 4]);
    const result = await library.upload(REF, 'protocol.docx', bytes, { kind: 'protocol', phase: 'draft', check: { status: 'ok', errors: 0, warnings: 0 } as never });
    expect(result).toEqual(stored);
    expect(http.requests).toEqual([
      {
        method: 'POST',
        path: `dossiers/${REF}/documents`,
        query: { fileName: 'protocol.docx', kind: 'protocol', phase: 'draft' },
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
        body: bytes
      }
    ]);
  });

  it('register sends kind auto without a phase, a PDF as application/pdf, and returns the whole answer', async () => {
    const answer = { document: { ...stored, fileName: 'bijlage.pdf' }, kind: 'other', phase: 'draft', findings: [] };
    const { http, library } = setup([{ status: 200, json: answer }]);
    expect(await library.register(REF, 'bijlage.pdf', new Uint8Array([37]), 'auto')).toEqual(answer);
    expect(http.requests[0].query).toEqual({ fileName: 'bijlage.pdf', kind: 'auto' });
    expect(http.requests[0].headers).toEqual({ 'Content-Type': 'application/pdf' });
  });

  it('an unknown file type goes as application/octet-stream', async () => {
    const { http, library } = setup([{ status: 200, json: { document: stored, kind: 'other', phase: 'draft', findings: [] } }]);
    await library.upload(REF, 'notes.txt', new Uint8Array([1]), { kind: 'other' as never, phase: 'draft' });
    expect(http.requests[0].headers).toEqual({ 'Content-Type': 'application/octet-stream' });
  });

  it('a refused upload is a DataError with the service code (e.g. a signed file is never overwritten: conflict)', async () => {
    const { library } = setup([{ status: 409, json: { error: { code: 'data.error.conflict', message: 'A countersigned file is never overwritten.' } } }]);
    const error = await library.upload(REF, 'protocol.docx', new Uint8Array([1]), { kind: 'protocol', phase: 'countersigned' }).catch((e: unknown) => e);
    expect(isDataError(error) && [error.code, error.status]).toEqual(['data.error.conflict', 409]);
  });

  it('an answer without a stored document is unavailable, not undefined', async () => {
    const { library } = setup([{ status: 200, json: { findings: [] } }]);
    const error = await library.upload(REF, 'protocol.docx', new Uint8Array([1]), { kind: 'protocol', phase: 'draft' }).catch((e: unknown) => e);
    expect(isDataError(error) && error.code).toBe('data.error.unavailable');
  });

  it('an upload retried after 503 sends the same request again', async () => {
    const { http, library } = setup([{ status: 503, headers: { 'Retry-After': '1' } }, { status: 200, json: { document: stored, kind: 'protocol', phase: 'draft', findings: [] } }]);
    await library.upload(REF, 'protocol.docx', new Uint8Array([1]), { kind: 'protocol', phase: 'draft' });
    expect(http.requests).toHaveLength(2);
    expect(http.requests[1]).toEqual(http.requests[0]);
  });

  it('the publication version is asked of the service with the source file name', async () => {
    const pdf = { ...stored, fileName: 'protocol-publicatie.pdf', kind: 'publicationVersion', phase: 'publication' };
    const { http, library } = setup([{ status: 200, json: { document: pdf } }]);
    expect(await library.createPublicationVersion(REF, 'protocol.docx')).toEqual(pdf);
    expect(http.requests[0]).toMatchObject({ method: 'POST', path: `dossiers/${REF}/publication`, headers: { 'Content-Type': 'application/json' } });
    expect(http.jsonBody(0)).toEqual({ sourceFileName: 'protocol.docx' });
  });

  it('a refused publication version is a DataError by status', async () => {
    const { library } = setup([{ status: 400, json: { error: { code: 'app.error.notCountersigned', message: 'Not countersigned.' } } }]);
    const error = await library.createPublicationVersion(REF, 'x.docx').catch((e: unknown) => e);
    expect(isDataError(error) && [error.code, error.details?.serviceCode]).toEqual(['data.error.invalidInput', 'app.error.notCountersigned']);
  });
});
