import { zipSync, strToU8 } from 'fflate';
import { fillForm, generateTemplate, isFormReadError, readForm, sampleValues } from '../../src/forms';
import type { FormReadErrorCode } from '../../src/forms';

async function expectReadError(bytes: Uint8Array, fileName: string, code: FormReadErrorCode): Promise<void> {
  let caught: unknown;
  try {
    await readForm(bytes, fileName);
  } catch (error) {
    caught = error;
  }
  expect(isFormReadError(caught)).toBe(true);
  if (!isFormReadError(caught)) return;
  expect(caught.code).toBe(code);
  expect(caught.message.startsWith(`${fileName}: `)).toBe(true);
  expect(caught.messageEn.startsWith(`${fileName}: `)).toBe(true);
}

/** A minimal OLE compound file header + a directory sector naming the given streams (UTF-16LE). */
function oleFile(streamNames: string[]): Uint8Array {
  const bytes = new Uint8Array(512 + 128 * (streamNames.length + 1));
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  ['Root Entry', ...streamNames].forEach((name, index) => {
    for (let i = 0; i < name.length; i++) bytes[512 + index * 128 + i * 2] = name.charCodeAt(i);
  });
  return bytes;
}

async function validDocx(): Promise<Uint8Array> {
  return fillForm(await generateTemplate('verklaringTOM'), sampleValues('verklaringTOM'));
}

describe('bad input: a clear error naming the file and the reason', () => {
  it('refuses an empty file', async () => {
    await expectReadError(new Uint8Array(0), 'leeg.docx', 'empty');
  });

  it('refuses something that is not a zip', async () => {
    await expectReadError(strToU8('Dit is gewone tekst, geen Word-document.'), 'tekst.docx', 'notZip');
  });

  it('refuses a truncated zip', async () => {
    const docx = await validDocx();
    await expectReadError(docx.subarray(0, 600), 'afgebroken.docx', 'notZip');
  });

  it('refuses a zip that is not a Word document', async () => {
    await expectReadError(zipSync({ 'readme.txt': strToU8('hallo') }), 'archief.docx', 'notWordDocument');
    const withTypesOnly = zipSync({ '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') });
    await expectReadError(withTypesOnly, 'leeg-pakket.docx', 'notWordDocument');
  });

  it('tells a legacy .doc from a password-protected docx (both OLE)', async () => {
    await expectReadError(oleFile(['WordDocument', '1Table', 'SummaryInformation']), 'oud.doc', 'legacyDoc');
    await expectReadError(oleFile(['EncryptionInfo', 'EncryptedPackage', 'DataSpaces']), 'geheim.docx', 'encrypted');
    await expectReadError(oleFile(['Workbook']), 'rekenblad.xls', 'oleUnknown');
  });

  it('refuses a file larger than the input limit (100 MB)', async () => {
    const big = new Uint8Array(100 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04], 0);
    await expectReadError(big, 'groot.docx', 'tooLarge');
  });

  it('refuses a zip bomb by ratio, counting inflated bytes while streaming', async () => {
    const docx = await validDocx();
    const { unzipSync } = await import('fflate');
    const files = unzipSync(docx);
    const xml = new TextDecoder().decode(files['word/document.xml']);
    // 60 MB of spaces inside the main part: ~60 kB compressed, a 1000:1 ratio.
    const padded = new Uint8Array(60 * 1024 * 1024).fill(0x20);
    padded.set(strToU8(xml), 0);
    files['word/document.xml'] = padded;
    const bomb = zipSync(files, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expectReadError(bomb, 'bom.docx', 'zipBomb');
  });

  it('refuses a zip bomb in a part it would copy (annotate inflates every entry)', async () => {
    const { annotate } = await import('../../src/forms');
    const files = (await import('fflate')).unzipSync(await validDocx());
    files['word/media/bom.bin'] = new Uint8Array(60 * 1024 * 1024);
    const bomb = zipSync(files, { level: 9 });
    await expect(annotate(bomb, [], [{ fieldId: undefined, text: 'x' }], 'R', '2026-11-25T00:00:00Z', { fileName: 'bom.docx' })).rejects.toMatchObject({ code: 'zipBomb', fileName: 'bom.docx' });
    // Reading skips media it never parses, so the form itself is still read.
    expect((await readForm(bomb, 'bom.docx')).formType).toBe('verklaringTOM');
  });

  it('refuses a zip whose declared size already exceeds the limit, before inflating', async () => {
    const { unzipSync } = await import('fflate');
    const files = unzipSync(await validDocx());
    const zip = zipSync(files);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Patch the local header of the first entry ([Content_Types].xml) to claim 200 MB.
    view.setUint32(22, 200 * 1024 * 1024, true);
    await expectReadError(zip, 'leugen.docx', 'zipBomb');
  });

  it('refuses XML with a DOCTYPE or external entity, without resolving it', async () => {
    const docx = await validDocx();
    const { unzipSync } = await import('fflate');
    const files = unzipSync(docx);
    const xml = new TextDecoder().decode(files['word/document.xml']);
    files['word/document.xml'] = strToU8(xml.replace('<w:document', '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document'));
    await expectReadError(zipSync(files), 'xxe.docx', 'doctype');
    const custom = unzipSync(docx);
    custom['docProps/custom.xml'] = strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Properties/>');
    await expectReadError(zipSync(custom), 'entiteit.docx', 'doctype');
  });

  it('refuses malformed XML, naming the part', async () => {
    const { unzipSync } = await import('fflate');
    const files = unzipSync(await validDocx());
    files['word/document.xml'] = strToU8('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p></w:body>');
    await expectReadError(zipSync(files), 'kapot.docx', 'xmlInvalid');
  });

  it('reads a macro-enabled .docm but flags it as blocking', async () => {
    const { unzipSync } = await import('fflate');
    const files = unzipSync(await validDocx());
    files['[Content_Types].xml'] = strToU8(
      new TextDecoder()
        .decode(files['[Content_Types].xml'])
        .replace('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml', 'application/vnd.ms-word.document.macroEnabled.main+xml')
    );
    const form = await readForm(zipSync(files), 'macro.docm');
    expect(form.formType).toBe('verklaringTOM');
    expect(form.notices).toContainEqual({ code: 'macroEnabled', params: {} });
  });

  it('reads a zip written as a stream (sizes in data descriptors, as some tools write them)', async () => {
    const { unzipSync, Zip, ZipDeflate } = await import('fflate');
    const files = unzipSync(await validDocx());
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const [name, data] of Object.entries(files)) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(data, true);
    }
    zip.end();
    const streamed = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((offset, chunk) => (streamed.set(chunk, offset), offset + chunk.length), 0);
    expect(new DataView(streamed.buffer).getUint16(6, true) & 0x8).toBe(0x8);
    const form = await readForm(streamed, 'stroom.docx');
    expect(form.fields['tom.logging'].value).toBe('Elke toegang wordt gelogd en maandelijks nagekeken.');
  });

  it('reads a form of a newer catalog version with a warning notice', async () => {
    const docx = await fillForm(await generateTemplate('addendum', { catalogVersion: '2031.2' }), sampleValues('addendum'));
    const form = await readForm(docx, 'nieuw.docx');
    expect(form.catalogVersion).toBe('2031.2');
    expect(form.notices).toContainEqual({ code: 'unknownCatalogVersion', params: { version: '2031.2', supported: '2026.2' } });
    expect(form.fields['addendum.wijzigingen'].value).toContain('Verlenging');
  });
});
