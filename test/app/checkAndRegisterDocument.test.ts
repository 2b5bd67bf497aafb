import { AppError, isAppError } from '../../src/app/appError';
import { checkAndRegisterDocument, ensuringFolderOnce, type DocumentRegistrationDeps } from '../../src/app/checkAndRegisterDocument';
import { formatError } from '../../src/domain';
import { isFormReadError } from '../../src/forms';
import { FakeLibrary, formsEngine, letterDocx, pdfBytes, sampleForm } from './support';

const REFERENCE = 'VSA-2026-0042';

function deps(library: FakeLibrary, loads: string[] = []): DocumentRegistrationDeps {
  return {
    documents: library,
    loadFormsEngine: async () => {
      loads.push('engine');
      return formsEngine;
    },
    today: () => '2026-11-25'
  };
}

const mandateFindings = (findings: readonly { checkId: string; severity: string }[]): string[] =>
  findings.filter((f) => f.checkId === 'mandate').map((f) => f.severity);

describe('checkAndRegisterDocument', () => {
  it('reads and checks a .docx, takes the kind from the form and stores it with phase and counts', async () => {
    const library = new FakeLibrary();
    const bytes = await sampleForm('aanvraagformulier');
    const registered = await checkAndRegisterDocument(deps(library), { reference: REFERENCE, state: 'underReview', documents: [] }, { fileName: 'aanvraag.docx', bytes, kind: 'auto' });
    expect(registered.kind).toBe('aanvraagformulier');
    expect(registered.phase).toBe('draft');
    expect(registered.form?.formType).toBe('aanvraagformulier');
    expect(registered.summary).toEqual({
      blocking: registered.findings.filter((f) => f.severity === 'blocking').length,
      warnings: registered.findings.filter((f) => f.severity === 'warning').length,
      info: registered.findings.filter((f) => f.severity === 'info').length
    });
    expect(library.calls).toEqual([`ensureFolder ${REFERENCE}`, `upload ${REFERENCE}/aanvraag.docx`]);
    expect(library.uploads[0].metadata).toEqual({ kind: 'aanvraagformulier', phase: 'draft', check: registered.summary });
    expect(library.uploads[0].size).toBe(bytes.length);
    expect(registered.document.fileName).toBe('aanvraag.docx');
  });

  it('stores under the phase of the dossier state by default, and under the phase asked for otherwise', async () => {
    const library = new FakeLibrary();
    const bytes = await sampleForm('aanvraagformulier', 'wettelijk vertegenwoordiger');
    const signed = await checkAndRegisterDocument(deps(library), { reference: REFERENCE, state: 'awaitingSignatures', documents: [] }, { fileName: 'a.docx', bytes, kind: 'auto' });
    expect(signed.phase).toBe('signed');
    const countersigned = await checkAndRegisterDocument(deps(library), { reference: REFERENCE, state: 'underReview', documents: [] }, { fileName: 'b.docx', bytes, kind: 'auto', phase: 'countersigned' });
    expect(countersigned.phase).toBe('countersigned');
    // A signed signature block is a finding in a draft, not in any later phase.
    const draft = await checkAndRegisterDocument(deps(library), { reference: REFERENCE, state: 'underReview', documents: [] }, { fileName: 'c.docx', bytes, kind: 'auto' });
    expect(draft.summary!.blocking).toBeGreaterThan(countersigned.summary!.blocking);
    expect(library.uploads.map((u) => u.metadata.phase)).toEqual(['signed', 'countersigned', 'draft']);
  });

  it('checks a delegate\'s signature against the mandate documents of the dossier', async () => {
    const bytes = await sampleForm('aanvraagformulier', 'gevolmachtigde');
    const without = await checkAndRegisterDocument(deps(new FakeLibrary()), { reference: REFERENCE, state: 'awaitingSignatures', documents: [{ kind: 'aanvraagformulier' }] }, { fileName: 'a.docx', bytes, kind: 'auto' });
    expect(mandateFindings(without.findings)).toEqual(['blocking']);
    const withMandate = await checkAndRegisterDocument(deps(new FakeLibrary()), { reference: REFERENCE, state: 'awaitingSignatures', documents: [{ kind: 'mandate' }] }, { fileName: 'a.docx', bytes, kind: 'auto' });
    expect(mandateFindings(withMandate.findings)).toEqual([]);
  });

  it('keeps the kind asked for, and stores a PDF without loading the forms engine', async () => {
    const library = new FakeLibrary();
    const loads: string[] = [];
    const registered = await checkAndRegisterDocument(deps(library, loads), { reference: REFERENCE, state: 'awaitingSignatures', documents: [] }, { fileName: 'Volmacht.PDF', bytes: pdfBytes, kind: 'mandate' });
    expect(registered).toMatchObject({ kind: 'mandate', phase: 'signed', findings: [] });
    expect(registered.summary).toBeUndefined();
    expect(loads).toEqual([]);
    expect(library.uploads[0].metadata).toEqual({ kind: 'mandate', phase: 'signed' });
  });

  it('accepts a file without extension by its content type', async () => {
    const library = new FakeLibrary();
    await checkAndRegisterDocument(deps(library), { reference: REFERENCE, documents: [] }, { fileName: 'scan', bytes: pdfBytes, kind: 'mandate', contentType: 'application/pdf' });
    expect(library.uploads.map((u) => u.fileName)).toEqual(['scan']);
  });

  it('refuses another file type with a code, before touching the library', async () => {
    const library = new FakeLibrary();
    const refusal = checkAndRegisterDocument(deps(library), { reference: REFERENCE, documents: [] }, { fileName: 'aanvraag.doc', bytes: pdfBytes, kind: 'aanvraagformulier' });
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(refusal).rejects.toMatchObject({ code: 'app.error.unsupportedFileType', params: { fileName: 'aanvraag.doc' } });
    expect(library.calls).toEqual([]);
  });

  it('refuses a PDF of unknown kind, and a .docx that is no VSA form, when the kind is left to the file', async () => {
    const library = new FakeLibrary();
    const error = await checkAndRegisterDocument(deps(library), { reference: REFERENCE, documents: [] }, { fileName: 'scan.pdf', bytes: pdfBytes, kind: 'auto' }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('app.error.documentKindUnknown');
    expect(isAppError(error) && formatError(error, 'nl')).toBe('Kies de soort document: scan.pdf zegt niet welk formulier het is.');
    expect(isAppError(error) && formatError(error, 'en')).toBe('Choose the document kind: scan.pdf does not say which form it is.');
    const letter = await checkAndRegisterDocument(deps(library), { reference: REFERENCE, documents: [] }, { fileName: 'brief.docx', bytes: letterDocx(), kind: 'auto' }).catch((e: unknown) => e);
    expect(isAppError(letter) && letter.params).toEqual({ fileName: 'brief.docx' });
    expect(library.calls).toEqual([]);
  });

  it('stores a .docx that is no VSA form under the kind asked for, with its check', async () => {
    const library = new FakeLibrary();
    const registered = await checkAndRegisterDocument(deps(library), { reference: REFERENCE, documents: [] }, { fileName: 'brief.docx', bytes: letterDocx(), kind: 'mandate' });
    expect(registered.kind).toBe('mandate');
    expect(registered.form?.formType).toBeUndefined();
    expect(library.uploads[0].metadata).toEqual({ kind: 'mandate', phase: 'draft', check: registered.summary });
  });

  it('lets the forms engine say why a .docx cannot be read, and stores nothing', async () => {
    const library = new FakeLibrary();
    const error = await checkAndRegisterDocument(deps(library), { reference: REFERENCE, documents: [] }, { fileName: 'kapot.docx', bytes: pdfBytes, kind: 'auto' }).catch((e: unknown) => e);
    expect(isFormReadError(error) && error.code).toBe('notZip');
    expect(library.calls).toEqual([]);
  });

  it('reports the check before storing', async () => {
    const library = new FakeLibrary();
    const seen: string[] = [];
    const bytes = await sampleForm('verklaringTOM');
    await checkAndRegisterDocument(deps(library), { reference: REFERENCE, documents: [] }, { fileName: 'tom.docx', bytes, kind: 'auto' }, {
      onChecked: (checked) => seen.push(`checked ${checked?.form.formType} after ${library.calls.length} calls`)
    });
    expect(seen).toEqual(['checked verklaringTOM after 0 calls']);
  });
});

describe('ensuringFolderOnce', () => {
  it('creates a dossier folder once for a batch, and retries after a failure', async () => {
    const library = new FakeLibrary();
    let failures = 1;
    const flaky = {
      ensureFolder: async (reference: string) => {
        if (failures-- > 0) throw new Error('timeout');
        return library.ensureFolder(reference);
      },
      upload: library.upload.bind(library)
    };
    const once = ensuringFolderOnce(flaky);
    await expect(once.ensureFolder(REFERENCE)).rejects.toThrow('timeout');
    await Promise.all([once.ensureFolder(REFERENCE), once.ensureFolder(REFERENCE), once.ensureFolder(REFERENCE)]);
    await once.ensureFolder('VSA-2026-0043');
    expect(library.calls).toEqual([`ensureFolder ${REFERENCE}`, 'ensureFolder VSA-2026-0043']);
  });
});
