import { unzipSync, zipSync } from 'fflate';
import { fillForm, generateTemplate, isFormReadError, sampleValues } from '../../src/forms';
import { unzipSafely } from '../../src/forms/docx/zip';

/** A filled 200-variable form: every part small enough for the one-call inflate. */
async function filledForm(): Promise<Uint8Array> {
  return fillForm(await generateTemplate('aanvraagformulier'), sampleValues('aanvraagformulier', { variables: 200 }));
}

function readError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a read error');
}

describe('unzipSafely inflating by declared size', () => {
  it('returns the same bytes as fflate for every entry', async () => {
    const docx = await filledForm();
    const expected = unzipSync(docx);
    const entries = unzipSafely(docx, 'form.docx');
    expect([...entries.keys()].sort()).toEqual(Object.keys(expected).sort());
    for (const [name, bytes] of entries) expect(Buffer.from(bytes).equals(Buffer.from(expected[name]))).toBe(true);
  });

  it('refuses an entry whose header declares fewer inflated bytes than it holds', async () => {
    const files = unzipSync(await filledForm());
    const zip = zipSync({ 'word/document.xml': files['word/document.xml'] });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Local header of the only entry: claim 100 bytes less than the real inflated size.
    view.setUint32(22, files['word/document.xml'].length - 100, true);
    const error = readError(() => unzipSafely(zip, 'leugen.docx'));
    expect(isFormReadError(error) && error.code).toBe('notZip');
  });

  it('streams an entry larger than the one-call limit, still counted against the limits', () => {
    // Incompressible bytes (a linear congruential sequence), so the default ratio limit does not apply.
    const big = new Uint8Array(2 * 1024 * 1024);
    for (let i = 0, x = 1; i < big.length; i++) big[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    const zip = zipSync({ 'big.bin': big });
    expect(unzipSafely(zip, 'groot.docx').get('big.bin')?.length).toBe(big.length);
    const error = readError(() => unzipSafely(zip, 'groot.docx', { maxInputBytes: 1e9, maxEntries: 10, maxTotalUncompressedBytes: 1024 * 1024, maxRatio: 1e9, ratioFloorBytes: 1e9 }));
    expect(isFormReadError(error) && error.code).toBe('zipBomb');
  });
});
