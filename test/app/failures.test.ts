import { failureCatalog, formatFailure } from '../../src/app/failures';
import { DataError, toDataError, type DataErrorCode } from '../../src/data/errors';
import { FormReadError } from '../../src/forms/errors';
import { AppError } from '../../src/app/appError';

/** Every DataError code; the `Record` makes the compiler refuse a code added without a line here. */
const everyCode: Readonly<Record<DataErrorCode, true>> = {
  'data.error.conflict': true,
  'data.error.accessDenied': true,
  'data.error.unauthenticated': true,
  'data.error.notFound': true,
  'data.error.throttled': true,
  'data.error.threshold': true,
  'data.error.invalidInput': true,
  'data.error.corrupt': true,
  'data.error.unreadableEvent': true,
  'data.error.tampered': true,
  'data.error.domainRefused': true,
  'data.error.unavailable': true,
  'data.error.notConfigured': true
};

describe('formatFailure', () => {
  it.each(Object.keys(everyCode) as DataErrorCode[])('renders %s from the catalog in Dutch and English, never the English technical message', (code) => {
    const error = new DataError(code, 'load dossier VSA-2026-0001: something technical (500).', 500);
    expect(formatFailure(error, 'nl')).toBe(failureCatalog.nl[code]);
    expect(formatFailure(error, 'en')).toBe(failureCatalog.en[code]);
    expect(formatFailure(error, 'nl')).not.toContain('technical');
  });

  it('fills the ids a DataError carries into its text (unreadable events, tampered log)', () => {
    const unreadable = new DataError('data.error.unreadableEvent', 'technical', undefined, { itemIds: '41, 42', unreadable: [{ itemId: 41 }] });
    expect(formatFailure(unreadable, 'nl')).toContain('item-id 41, 42');
    expect(formatFailure(unreadable, 'en')).toContain('item id 41, 42');
    const tampered = new DataError('data.error.tampered', 'technical', undefined, { eventIds: 'c1:0' });
    expect(formatFailure(tampered, 'nl')).toContain('c1:0');
    expect(formatFailure(tampered, 'en')).not.toContain('{eventIds}');
  });

  it('maps what the adapters produce from HTTP failures', () => {
    expect(formatFailure(toDataError({ status: 403, message: 'Forbidden' }, 'load the register'), 'nl')).toBe('U hebt hiervoor geen toegang.');
    expect(formatFailure(toDataError({ status: 412 }, 'save dossier'), 'en')).toBe('Someone else changed this in the meantime. Reload and try again.');
  });

  it('renders a domain refusal through formatError', () => {
    expect(formatFailure({ kind: 'guard', code: 'dossier.error.reasonRequired' }, 'nl')).toBe('Geef een reden op.');
    expect(formatFailure({ kind: 'guard', code: 'dossier.error.reasonRequired' }, 'en')).toBe('Give a reason.');
  });

  it('renders an unreadable form in its own language', () => {
    const error = new FormReadError('empty', 'aanvraag.docx');
    expect(formatFailure(error, 'nl')).toBe('aanvraag.docx: het bestand is leeg');
    expect(formatFailure(error, 'en')).toBe('aanvraag.docx: the file is empty');
  });

  it('names anything else as unexpected, with its detail, in the user\'s language', () => {
    expect(formatFailure(new Error('Failed to fetch'), 'nl')).toBe('Onverwachte fout: Failed to fetch');
    expect(formatFailure('boom', 'en')).toBe('Unexpected error: boom');
  });
});

describe('formatFailure on what the application services throw', () => {
  it('renders a coded application error with its parameters through the domain catalog', () => {
    const error = new AppError('app.error.unsupportedFileType', { fileName: 'scan.jpg' });
    expect(formatFailure(error, 'nl')).toBe('scan.jpg is geen .docx- of .pdf-bestand.');
    expect(formatFailure(error, 'en')).toBe('scan.jpg is not a .docx or .pdf file.');
  });

  it('never dumps an object, and keeps a long detail short', () => {
    expect(formatFailure({ some: 'object' }, 'nl')).toBe('Onverwachte fout: —');
    expect(formatFailure(new Error('x'.repeat(500)), 'en')).toBe(`Unexpected error: ${'x'.repeat(200)}`);
  });

  it("shows the command service's own code when the catalog knows it, else the DataError's", () => {
    const named = new DataError('data.error.invalidInput', 'x: refused', 400, { status: 400, serviceCode: 'app.error.noOpenDossier', params: { reference: 'VSA-2026-0001' } });
    expect(formatFailure(named, 'nl')).toBe('Dossier VSA-2026-0001 is niet (meer) open.');
    expect(formatFailure(named, 'en')).toBe('Dossier VSA-2026-0001 is not open (any more).');
    const unknown = new DataError('data.error.accessDenied', 'x: refused', 403, { status: 403, serviceCode: 'service.error.unknownToTheClient' });
    expect(formatFailure(unknown, 'nl')).toBe(failureCatalog.nl['data.error.accessDenied']);
  });
});

describe('failures answered by the command service', () => {
  const answer = (status: number, body: unknown) => ({ status, header: () => undefined, text: async () => JSON.stringify(body) });

  it('an unreadable form reads as the browser would say it, in Dutch and English', async () => {
    const { serviceErrorOf } = await import('../../src/data/service/serviceCall');
    const { errorAnswer } = await import('../../src/app/service/serviceErrors');
    const { FormReadError } = await import('../../src/forms/errors');
    const served = errorAnswer(new FormReadError('encrypted', 'aanvraag.docx'));
    const failure = await serviceErrorOf(answer(served.status, served.body), 'store a document');
    const local = new FormReadError('encrypted', 'aanvraag.docx');
    expect(formatFailure(failure, 'nl')).toBe(local.message);
    expect(formatFailure(failure, 'en')).toBe(local.messageEn);
  });

  it("a tampered dossier's event ids reach the user's text", async () => {
    const { serviceErrorOf } = await import('../../src/data/service/serviceCall');
    const { errorAnswer } = await import('../../src/app/service/serviceErrors');
    const { DataError } = await import('../../src/data/errors');
    const served = errorAnswer(new DataError('data.error.tampered', 'forged', 500, { eventIds: 'c-1:0, c-2:0' }));
    const failure = await serviceErrorOf(answer(served.status, served.body), 'load');
    expect(formatFailure(failure, 'nl')).toContain('c-1:0, c-2:0');
    expect(formatFailure(failure, 'en')).not.toContain('{eventIds}');
  });
});
