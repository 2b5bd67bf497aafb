import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { runPublication } from '../../src/cli/publication';
import { main } from '../../src/cli/vsa-forms';
import { ConversionError } from '../../src/composition/nodeConversion';
import { pdfTexts } from '../support/pdfText';
import { signedFixture } from '../signatures/publicationFixtures';
import type { SignedFixture } from '../signatures/publicationFixtures';
import { signedDocx } from '../signatures/publicationDocxFixtures';

function collect(): { out: string[]; err: string[]; io: { out: (text: string) => void; err: (text: string) => void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (text) => out.push(text), err: (text) => err.push(text) } };
}

/** What a converter gives for a .docx: a PDF naming its author and producer, as LibreOffice's export does. */
async function convertedPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setAuthor('Jan Peeters');
  document.setProducer('LibreOffice 7.4');
  document.setCreator('Writer');
  const font = await document.embedFont(StandardFonts.Helvetica);
  document.addPage().drawText('Naam ondertekenaar Jan Peeters', { x: 50, y: 700, size: 12, font });
  return document.save();
}

describe('vsa-forms publication', () => {
  let dir: string;
  let fixture: SignedFixture;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vsa-publication-'));
    fixture = await signedFixture();
    writeFileSync(join(dir, 'protocol.pdf'), fixture.countersigned);
  }, 60000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the publication version of a signed PDF and says so (exit 0)', async () => {
    const { out, err, io } = collect();
    const target = join(dir, 'uit', 'publicatie.pdf');
    expect(await main(['publication', join(dir, 'protocol.pdf'), target], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([`Publicatieversie geschreven: ${target} (2 pagina's), zonder handtekeningen, certificaten, formuliervelden of metadata over personen.`]);
    const written = new Uint8Array(readFileSync(target));
    expect(Buffer.from(written).toString('latin1')).not.toContain('/ByteRange');
    expect((await pdfTexts(written)).pages[1].join(' ')).toContain('Digitaal ondertekend door Els Vermeulen');
  });

  it('strips a signed .docx, converts it and cleans the converted PDF', async () => {
    const { signed } = await signedDocx(fixture.requester);
    writeFileSync(join(dir, 'protocol.docx'), signed);
    const converted: { bytes: Uint8Array; fileName: string }[] = [];
    const { out, err, io } = collect();
    const target = join(dir, 'protocol-publicatie.pdf');
    const code = await runPublication([join(dir, 'protocol.docx'), target, '--lang', 'en'], {
      ...io,
      convert: async (bytes, fileName) => {
        converted.push({ bytes, fileName });
        return convertedPdf();
      }
    });
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out[0]).toMatch(/^Publication version written: .*protocol-publicatie\.pdf \(1 pages\)/);
    // The converter got the stripped .docx, never the signed one.
    expect(converted).toHaveLength(1);
    expect(converted[0].fileName).toBe('protocol-publicatie.docx');
    expect(Buffer.from(converted[0].bytes).includes(Buffer.from('_xmlsignatures'))).toBe(false);
    const raw = readFileSync(target).toString('latin1');
    for (const key of ['/Author', '/Producer', '/Creator', 'LibreOffice']) expect(raw).not.toContain(key);
  });

  it('writes the stripped .docx itself when the output name ends in .docx', async () => {
    const { out, io } = collect();
    const target = join(dir, 'protocol-publicatie.docx');
    const code = await runPublication([join(dir, 'protocol.docx'), target], { ...io, convert: () => Promise.reject(new Error('not called')) });
    expect(code).toBe(0);
    expect(out[0]).toContain('Publicatieversie (Word) geschreven');
    expect(readFileSync(target).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('exits 2 for a missing file, bad usage, a file that is no PDF or .docx, and an encrypted PDF', async () => {
    const missing = collect();
    expect(await runPublication([join(dir, 'bestaat-niet.pdf'), join(dir, 'x.pdf')], missing.io)).toBe(2);
    expect(missing.err).toEqual(['FOUT bestaat-niet.pdf: bestand niet gevonden']);

    const usage = collect();
    expect(await main(['publication', join(dir, 'protocol.pdf')], usage.io)).toBe(2);
    expect(usage.err[0]).toContain('publication verwacht <ondertekend.pdf|ondertekend.docx> <publicatieversie.pdf>');
    const badLang = collect();
    expect(await runPublication([join(dir, 'protocol.pdf'), join(dir, 'x.pdf'), '--lang', 'fr'], badLang.io)).toBe(2);

    writeFileSync(join(dir, 'nota.txt'), 'geen pdf');
    const text = collect();
    expect(await runPublication([join(dir, 'nota.txt'), join(dir, 'x.pdf')], text.io)).toBe(2);
    expect(text.err[0]).toMatch(/^FOUT nota\.txt is geen PDF- of Word-bestand/);

    const plain = Buffer.from(await (await PDFDocument.create()).save({ useObjectStreams: false })).toString('latin1');
    writeFileSync(join(dir, 'beveiligd.pdf'), Buffer.from(plain.replace(/trailer\s*<</, 'trailer\n<<\n/Encrypt 9 0 R'), 'latin1'));
    const encrypted = collect();
    expect(await runPublication([join(dir, 'beveiligd.pdf'), join(dir, 'x.pdf'), '--lang', 'en'], encrypted.io)).toBe(2);
    expect(encrypted.err[0]).toBe('ERROR beveiligd.pdf is encrypted or password-protected; upload an unprotected copy to make its publication version.');
  });

  it('exits 1 when the conversion fails or the output cannot be written, and writes nothing', async () => {
    const conversion = collect();
    const target = join(dir, 'nooit.pdf');
    const code = await runPublication([join(dir, 'protocol.docx'), target], {
      ...conversion.io,
      convert: () => Promise.reject(new ConversionError('notInstalled', 'PDF-conversie is lokaal niet beschikbaar: LibreOffice is niet geïnstalleerd.'))
    });
    expect(code).toBe(1);
    expect(conversion.err[0]).toBe('FOUT protocol.docx: de omzetting naar PDF is mislukt: PDF-conversie is lokaal niet beschikbaar: LibreOffice is niet geïnstalleerd.');
    expect(() => readFileSync(target)).toThrow();

    writeFileSync(join(dir, 'een-bestand'), 'x');
    const unwritable = collect();
    expect(await runPublication([join(dir, 'protocol.pdf'), join(dir, 'een-bestand', 'uit.pdf')], unwritable.io)).toBe(1);
    expect(unwritable.err[0]).toMatch(/^FOUT .*uit\.pdf: kan niet geschreven worden/);
  });
});
