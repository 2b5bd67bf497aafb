import { commandOfRequest, documentUploadOf, errorAnswer, sourceFileNameOf, uploadTooLarge } from '../../../src/app/service';
import { AppError } from '../../../src/app/appError';
import { DataError } from '../../../src/data/errors';
import { FormReadError } from '../../../src/forms/errors';

const bytes = new Uint8Array([1, 2, 3]);

describe('commandOfRequest', () => {
  it('takes the command and drops every actor field', () => {
    const command = commandOfRequest({ command: { type: 'addComment', commandId: 'c1', text: 'x', actor: { id: 'chief' } }, actor: { id: 'chief' } }, 'VSA-2026-0001');
    expect(command).toEqual({ type: 'addComment', commandId: 'c1', text: 'x' });
  });

  it('refuses a body that is no object with a typed, identified command, and a registerRequest for another path', () => {
    for (const body of [undefined, 'x', [], {}, { command: [] }, { command: { type: 1, commandId: 'c' } }, { command: { type: 'addComment', commandId: ' ' } }]) {
      expect(() => commandOfRequest(body, 'VSA-2026-0001')).toThrow(DataError);
    }
    expect(() => commandOfRequest({ command: { type: 'registerRequest', commandId: 'c', reference: 'VSA-2026-0002' } }, 'VSA-2026-0001')).toThrow(/path/);
    expect(commandOfRequest({ command: { type: 'registerRequest', commandId: 'c', reference: 'VSA-2026-0001' } }, 'VSA-2026-0001').type).toBe('registerRequest');
  });
});

describe('documentUploadOf', () => {
  it('reads name, kind, phase and keeps the content type only for a name without extension', () => {
    expect(documentUploadOf({ fileName: ' scan ', kind: 'mandate', phase: 'signed', contentType: 'application/pdf; charset=binary', bytes })).toEqual({
      fileName: 'scan',
      kind: 'mandate',
      phase: 'signed',
      contentType: 'application/pdf',
      bytes
    });
    expect(documentUploadOf({ fileName: 'tool.exe', contentType: 'application/pdf', bytes })).toEqual({ fileName: 'tool.exe', kind: 'auto', bytes });
  });

  it('refuses names that are paths, hold control or SharePoint-forbidden characters, and unknown kinds or phases', () => {
    for (const fileName of ['', 'a/b.pdf', 'a\\b.pdf', '..', 'x.', 'a\u0007.pdf', 'a:b.pdf', 'a|b.pdf', 'x'.repeat(201)]) {
      expect(() => documentUploadOf({ fileName, bytes })).toThrow(DataError);
    }
    expect(() => documentUploadOf({ fileName: 'a.pdf', kind: 'x', bytes })).toThrow(/kind/);
    expect(() => documentUploadOf({ fileName: 'a.pdf', phase: 'x', bytes })).toThrow(/phase/);
  });
});

describe('sourceFileNameOf', () => {
  it('needs a sourceFileName string', () => {
    expect(sourceFileNameOf({ sourceFileName: 'p.docx' })).toBe('p.docx');
    for (const body of [null, [], {}, { sourceFileName: 3 }, { sourceFileName: '' }]) expect(() => sourceFileNameOf(body)).toThrow(DataError);
  });
});

describe('errorAnswer', () => {
  it('maps every DataError code onto its status', () => {
    const statuses = (
      [
        ['data.error.invalidInput', 400],
        ['data.error.unauthenticated', 401],
        ['data.error.accessDenied', 403],
        ['data.error.notFound', 404],
        ['data.error.conflict', 412],
        ['data.error.domainRefused', 422],
        ['data.error.throttled', 429],
        ['data.error.corrupt', 500],
        ['data.error.threshold', 503],
        ['data.error.unavailable', 503]
      ] as const
    ).map(([code, status]) => [code, errorAnswer(new DataError(code, 'm')).status, status]);
    for (const [code, actual, expected] of statuses) expect([code, actual]).toEqual([code, expected]);
  });

  it('answers AppErrors 400 with params (413 for a file too large) and unreadable forms 400 with their code', () => {
    expect(errorAnswer(new AppError('app.error.unsupportedFileType', { fileName: 'a.exe' }))).toEqual({
      status: 400,
      body: { error: { code: 'app.error.unsupportedFileType', message: 'app.error.unsupportedFileType', params: { fileName: 'a.exe' } } }
    });
    expect(errorAnswer(uploadTooLarge('a.pdf', 200 * 1024 * 1024, 100 * 1024 * 1024))).toMatchObject({
      status: 413,
      body: { error: { params: { fileName: 'a.pdf', size: '200.0 MB', max: '100.0 MB' } } }
    });
    expect(errorAnswer(new FormReadError('notZip', 'f.docx'))).toMatchObject({ status: 400, body: { error: { code: 'forms.read.notZip', params: { fileName: 'f.docx' } } } });
  });

  it('translates a raw HTTP failure, keeps Retry-After from an HTTP date, and hides an unknown error’s message', () => {
    const date = new Date(Date.now() + 20_000).toUTCString();
    const answer = errorAnswer({ status: 429, message: 'x', headers: new Headers({ 'retry-after': date }) });
    expect(answer.status).toBe(429);
    expect(answer.retryAfterSeconds).toBeGreaterThanOrEqual(18);
    expect(answer.retryAfterSeconds).toBeLessThanOrEqual(21);
    expect(errorAnswer(new Error('secret@example.org'))).toEqual({ status: 500, body: { error: { code: 'data.error.unavailable', message: 'Unexpected failure in the command service.' } } });
  });
});
