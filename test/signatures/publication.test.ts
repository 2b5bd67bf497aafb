import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, StandardFonts } from 'pdf-lib';
import { formatError } from '../../src/domain/formatError';
import { isPublicationVersionError, makePublicationVersion, publicationVersionFileName } from '../../src/signatures/publication';
import type { PublicationVersionError } from '../../src/signatures/publication';
import { appearanceMatrix } from '../../src/signatures/publication/pdf';
import { decodedStreams, pdfTexts } from '../support/pdfText';
import {
  CHIEF_NATIONAL_NUMBER,
  CHIEF_SERIAL,
  REQUESTER_EMAIL,
  REQUESTER_NATIONAL_NUMBER,
  REQUESTER_SERIAL,
  serialDer,
  signatureContents,
  signedFixture
} from './publicationFixtures';
import type { SignedFixture } from './publicationFixtures';

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const count = (text: string, pattern: RegExp): number => (text.match(new RegExp(pattern.source, 'g')) ?? []).length;

/** The raw file and every stream in it decoded: what anyone holding the file can read. */
async function everythingIn(bytes: Uint8Array): Promise<Buffer> {
  return Buffer.concat([Buffer.from(bytes), ...(await decodedStreams(bytes)).map((stream) => Buffer.from(stream))]);
}

async function failure(promise: Promise<unknown>): Promise<PublicationVersionError> {
  try {
    await promise;
  } catch (error) {
    if (isPublicationVersionError(error)) return error;
    throw error;
  }
  throw new Error('expected a PublicationVersionError');
}

/** What a publication version must not hold, checked on the file as written. */
async function expectNoSignatureData(out: Uint8Array, fixture: SignedFixture): Promise<void> {
  const raw = latin1(out);
  // One revision, written fresh: one cross-reference table, one trailer, one %%EOF, no /Prev.
  expect(count(raw, /%%EOF/)).toBe(1);
  expect(count(raw, /startxref/)).toBe(1);
  expect(count(raw, /(^|[\r\n])xref/)).toBe(1);
  expect(count(raw, /\/Prev\b/)).toBe(0);
  // Dictionaries are plain text (no object streams), so the absence below is visible in the raw file.
  expect(count(raw, /\/ObjStm\b/)).toBe(0);
  for (const key of ['/Sig', '/ByteRange', '/SubFilter', '/Filter /Adobe', '/AcroForm', '/Fields', '/Annots', '/Annot', '/Widget', '/DSS', '/Perms', '/Metadata', '/Info', '/Author', '/Creator', '/Producer', '/Title', '/Subject', '/Keywords', '/Encrypt', '/Names', '/Outlines', '/EmbeddedFiles', '/Cert', '/M ', '/Reason', '/Location', '/Name (']) {
    expect({ key, present: raw.includes(key) }).toEqual({ key, present: false });
  }
  // No signature value: `/Contents` only ever names a page's content stream object, never a hex string.
  expect(count(raw, /\/Contents\s*[<(]/)).toBe(0);
  const all = await everythingIn(out);
  const allText = all.toString('latin1');
  // No certificate (signers' and intermediate's DER), no CMS, no serial number, no national number.
  for (const der of [fixture.requester.der, fixture.chief.der, fixture.pki.intermediate.der, fixture.pki.root.der]) {
    expect(all.includes(Buffer.from(der))).toBe(false);
    expect(allText.toLowerCase().includes(Buffer.from(der).subarray(0, 64).toString('hex'))).toBe(false);
    expect(allText.includes(Buffer.from(der).subarray(0, 48).toString('base64'))).toBe(false);
  }
  for (const cms of signatureContents(fixture.countersigned)) {
    expect(cms.length).toBeGreaterThan(500);
    expect(all.includes(cms.subarray(0, 64))).toBe(false);
    expect(allText.toLowerCase().includes(cms.subarray(0, 64).toString('hex'))).toBe(false);
  }
  for (const serial of [REQUESTER_SERIAL, CHIEF_SERIAL]) {
    expect(all.includes(serialDer(serial))).toBe(false);
    expect(allText.toLowerCase().includes(serial.toString(16))).toBe(false);
    expect(allText.includes(String(serial))).toBe(false);
  }
  for (const nationalNumber of [REQUESTER_NATIONAL_NUMBER, CHIEF_NATIONAL_NUMBER]) expect(allText.includes(nationalNumber)).toBe(false);
  expect(allText.includes(REQUESTER_EMAIL)).toBe(false);
  expect(allText.includes('xmpmeta')).toBe(false);
}

describe('makePublicationVersion of a signed PDF', () => {
  let fixture: SignedFixture;
  let out: Uint8Array;

  beforeAll(async () => {
    fixture = await signedFixture();
    const version = await makePublicationVersion(fixture.countersigned, 'Protocol PROT-2026-014 (medeondertekend).pdf');
    expect(version.format).toBe('pdf');
    expect(version.fileName).toBe('Protocol PROT-2026-014 (medeondertekend)-publicatie.pdf');
    out = version.bytes;
  }, 60000);

  it('starts from a file that does hold all of it (the test can see what it looks for)', async () => {
    const raw = latin1(fixture.countersigned);
    expect(count(raw, /%%EOF/)).toBe(3);
    expect(raw).toContain('/ByteRange');
    const all = await everythingIn(fixture.countersigned);
    expect(all.toString('latin1')).toContain('xmpmeta');
    const original = await PDFDocument.load(fixture.countersigned, { updateMetadata: false });
    expect(original.getAuthor()).toBe('Jan Peeters');
    expect(original.getForm().getFields().map((field) => field.getName())).toEqual(['contactpersoon', 'Signature2', 'Signature3']);
    const cms = Buffer.concat(signatureContents(fixture.countersigned));
    expect(cms.includes(Buffer.from(fixture.requester.der))).toBe(true);
    expect(cms.includes(serialDer(REQUESTER_SERIAL))).toBe(true);
    expect(cms.toString('latin1')).toContain(REQUESTER_NATIONAL_NUMBER);
    expect(all.toString('latin1').toLowerCase()).toContain(Buffer.from(fixture.requester.der).subarray(0, 64).toString('hex'));
    expect(all.toString('latin1')).toContain(REQUESTER_EMAIL);
    expect(signatureContents(fixture.countersigned)).toHaveLength(2);
  });

  it('holds no signature field, CMS, certificate, earlier revision, form, annotation or metadata naming a person', async () => {
    await expectNoSignatureData(out, fixture);
  });

  it('parses as a PDF with the same pages: count, boxes and rotation', async () => {
    const before = await PDFDocument.load(fixture.countersigned);
    const after = await PDFDocument.load(out, { updateMetadata: false });
    expect(after.getPageCount()).toBe(before.getPageCount());
    expect(after.getPageCount()).toBeGreaterThan(1);
    after.getPages().forEach((page, index) => {
      expect(page.getMediaBox()).toEqual(before.getPage(index).getMediaBox());
      expect(page.getRotation()).toEqual(before.getPage(index).getRotation());
      expect(page.node.Annots()).toBeUndefined();
    });
    expect(after.catalog.get(PDFName.of('AcroForm'))).toBeUndefined();
    expect(after.getForm().getFields()).toHaveLength(0);
    expect(after.context.trailerInfo.Info).toBeUndefined();
    expect(after.context.trailerInfo.Encrypt).toBeUndefined();
  });

  it('shows on every page the same text, the visible signatures and the form value drawn as page content', async () => {
    const before = await pdfTexts(fixture.countersigned);
    const after = await pdfTexts(out);
    expect(after.pages).toHaveLength(before.pages.length);
    after.pages.forEach((shown, index) => expect(shown).toEqual([...before.pages[index], ...before.annotations[index]]));
    expect(after.annotations.every((shown) => shown.length === 0)).toBe(true);
    const last = after.pages[after.pages.length - 1].join('\n');
    expect(last).toContain('Digitaal ondertekend door Jan Peeters');
    expect(last).toContain('Digitaal ondertekend door Els Vermeulen');
    expect(last).toContain('wettelijk vertegenwoordiger');
    expect(after.pages[0]).toContain('Jan Peeters');
    expect(before.annotations[0]).toContain('Jan Peeters');
  });

  it('is the same file when made twice (no dates, no random ids)', async () => {
    const again = await makePublicationVersion(fixture.countersigned, 'x.pdf');
    expect(Buffer.from(again.bytes).equals(Buffer.from(out))).toBe(true);
  });

  it('is clean too from a file with classic cross-reference tables and adbe.pkcs7.detached signatures', async () => {
    const classic = await signedFixture({ objectStreams: false, subFilter: 'adbe.pkcs7.detached' });
    const version = await makePublicationVersion(classic.countersigned, 'classic.pdf');
    await expectNoSignatureData(version.bytes, classic);
    const before = await pdfTexts(classic.countersigned);
    const after = await pdfTexts(version.bytes);
    after.pages.forEach((shown, index) => expect(shown).toEqual([...before.pages[index], ...before.annotations[index]]));
  }, 60000);

  it('leaves a publication version unchanged in content when made again from it', async () => {
    const twice = await makePublicationVersion(out, 'Protocol-publicatie.pdf');
    expect(twice.fileName).toBe('Protocol-publicatie.pdf');
    expect((await pdfTexts(twice.bytes)).pages).toEqual((await pdfTexts(out)).pages);
  });
});

describe('appearances drawn where the viewer draws them', () => {
  it('fits the appearance box to the annotation rectangle (PDF 32000-1, 12.5.5)', () => {
    expect(appearanceMatrix([0, 0, 100, 50], [1, 0, 0, 1, 0, 0], [10, 20, 110, 70])).toEqual([1, 0, 0, 1, 10, 20]);
    expect(appearanceMatrix([0, 0, 100, 50], [1, 0, 0, 1, 0, 0], [10, 20, 210, 120])).toEqual([2, 0, 0, 2, 10, 20]);
    // A rotated appearance (Matrix 90°): its transformed box is 50 × 100.
    expect(appearanceMatrix([0, 0, 100, 50], [0, 1, -1, 0, 0, 0], [0, 0, 50, 100])).toEqual([1, 0, 0, 1, 50, 0]);
    expect(appearanceMatrix([0, 0, 100, 50], [1, 0, 0, 1, 0, 0], [0, 0, 0, 0])).toBeUndefined();
  });

  it('skips hidden and NoView annotations, and draws a checkbox in its current state only', async () => {
    const document = await PDFDocument.create();
    const font = await document.embedFont(StandardFonts.Helvetica);
    const page = document.addPage([300, 300]);
    page.drawText('Pagina', { x: 20, y: 260, size: 12, font });
    const form = document.getForm();
    const visible = form.createTextField('zichtbaar');
    visible.setText('Zichtbaar');
    visible.addToPage(page, { x: 20, y: 200, width: 120, height: 20, font });
    const hidden = form.createTextField('verborgen');
    hidden.setText('Verborgen');
    hidden.addToPage(page, { x: 20, y: 150, width: 120, height: 20, font, hidden: true });
    const noView = form.createTextField('noview');
    noView.setText('NietTonen');
    noView.addToPage(page, { x: 20, y: 100, width: 120, height: 20, font });
    noView.acroField.getWidgets()[0].dict.set(PDFName.of('F'), PDFNumber.of(32));
    const box = form.createCheckBox('akkoord');
    box.addToPage(page, { x: 200, y: 200, width: 15, height: 15 });
    box.check();
    form.updateFieldAppearances(font);
    const version = await makePublicationVersion(await document.save(), 'form.pdf');
    const text = (await pdfTexts(version.bytes)).pages[0];
    expect(text).toEqual(expect.arrayContaining(['Pagina', 'Zichtbaar']));
    expect(text.join(' ')).not.toContain('Verborgen');
    expect(text.join(' ')).not.toContain('NietTonen');
    const after = await PDFDocument.load(version.bytes);
    const xObjects = (after.getPage(0).node.Resources()!.lookup(PDFName.of('XObject')) as PDFDict).keys().map((key) => key.asString());
    // The page itself, the visible text field and the checkbox's "on" appearance: nothing else.
    expect(xObjects).toEqual(['/Page', '/Ap0', '/Ap1']);
  });

  it('keeps the page boxes and rotation of a rotated page with an offset media box', async () => {
    const document = await PDFDocument.create();
    const font = await document.embedFont(StandardFonts.Helvetica);
    const page = document.addPage([400, 500]);
    page.setMediaBox(50, 60, 400, 500);
    page.setCropBox(60, 70, 380, 480);
    page.setRotation({ type: 'degrees' as never, angle: 90 } as never);
    page.drawText('Gedraaid', { x: 100, y: 300, size: 12, font });
    const version = await makePublicationVersion(await document.save(), 'rotated.pdf');
    const after = (await PDFDocument.load(version.bytes)).getPage(0);
    expect(after.getMediaBox()).toEqual({ x: 50, y: 60, width: 400, height: 500 });
    expect(after.getCropBox()).toEqual({ x: 60, y: 70, width: 380, height: 480 });
    expect(after.getRotation().angle).toBe(90);
    const form = (after.node.Resources()!.lookup(PDFName.of('XObject')) as PDFDict).lookup(PDFName.of('Page'));
    const bbox = (form as unknown as { dict: PDFDict }).dict.lookup(PDFName.of('BBox')) as PDFArray;
    expect(bbox.asArray().map((n) => (n as PDFNumber).asNumber())).toEqual([50, 60, 450, 560]);
    expect((await pdfTexts(version.bytes)).pages[0]).toEqual(['Gedraaid']);
  });
});

describe('makePublicationVersion refuses what it cannot read, with a clear message', () => {
  it('refuses an encrypted PDF', async () => {
    const document = await PDFDocument.create();
    document.addPage();
    const plain = latin1(await document.save({ useObjectStreams: false }));
    const encrypted = Buffer.from(plain.replace(/trailer\s*<</, 'trailer\n<<\n/Encrypt 99 0 R'), 'latin1');
    const error = await failure(makePublicationVersion(new Uint8Array(encrypted), 'beveiligd.pdf'));
    expect(error.code).toBe('app.error.publicationEncrypted');
    expect(error.params).toEqual({ fileName: 'beveiligd.pdf' });
    expect(error.message).toBe('beveiligd.pdf is versleuteld of met een wachtwoord beveiligd; laad een onbeveiligde versie op om er een publicatieversie van te maken.');
    expect(error.messageEn).toContain('is encrypted or password-protected');
    expect(formatError({ code: error.code, params: error.params }, 'nl')).toBe(error.message);
  });

  it('refuses a truncated PDF (half a signed file)', async () => {
    const { countersigned } = await signedFixture();
    const error = await failure(makePublicationVersion(countersigned.subarray(0, Math.floor(countersigned.length / 2)), 'half.pdf'));
    expect(error.code).toBe('app.error.publicationUnreadable');
    expect(error.message).toContain('half.pdf kan niet gelezen worden (het bestand is afgebroken');
    expect(error.messageEn).toContain('half.pdf cannot be read (the file is truncated');
  }, 60000);

  it('refuses a PDF whose page content object is missing', async () => {
    const document = await PDFDocument.create();
    const page = document.addPage();
    page.drawText('x');
    const text = latin1(await document.save({ useObjectStreams: false }));
    const broken = text.replace(/\/Contents \[?\s*\d+ 0 R\s*\]?/, '/Contents 999 0 R');
    expect(broken).not.toBe(text);
    const error = await failure(makePublicationVersion(new Uint8Array(Buffer.from(broken, 'latin1')), 'kapot.pdf'));
    expect(error.code).toBe('app.error.publicationUnreadable');
    // The library's reason reaches the English text (and the log); the Dutch text stays Dutch.
    expect(error.messageEn).toContain('page 1');
    expect(error.message).toBe('kapot.pdf kan niet gelezen worden (de PDF-structuur kan niet gelezen worden); er werd geen publicatieversie gemaakt.');
  });

  it('refuses a PDF without pages', async () => {
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    const error = await failure(makePublicationVersion(empty, 'leeg.pdf'));
    expect(error.code).toBe('app.error.publicationNoPages');
  });

  it('refuses bytes that are no PDF: by name .pdf unreadable, otherwise not supported', async () => {
    const text = new TextEncoder().encode('Dit is geen PDF.');
    expect((await failure(makePublicationVersion(text, 'nota.txt'))).code).toBe('app.error.publicationUnsupportedFile');
    expect((await failure(makePublicationVersion(new Uint8Array(), 'leeg.docx'))).code).toBe('app.error.publicationUnsupportedFile');
    const error = await failure(makePublicationVersion(text, 'nota.pdf'));
    expect(error.code).toBe('app.error.publicationUnreadable');
    expect(error.message).toMatch(/^nota\.pdf kan niet gelezen worden \(/);
  });

  it('names the publication file after the original', () => {
    expect(publicationVersionFileName('protocol-ondertekend.docx', 'docx')).toBe('protocol-ondertekend-publicatie.docx');
    expect(publicationVersionFileName('map/Protocol 1.PDF', 'pdf')).toBe('Protocol 1-publicatie.pdf');
    expect(publicationVersionFileName('Protocol-publicatie.pdf', 'pdf')).toBe('Protocol-publicatie.pdf');
  });
});

describe('pages with inherited attributes', () => {
  it('draws a page whose media box, resources and rotation come from the page tree', async () => {
    const stream = 'BT /F1 14 Tf 72 700 Td (Geerfd van de paginaboom) Tj ET';
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 500 700] /Rotate 180 /Resources << /Font << /F1 5 0 R >> >> >>',
      '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>',
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
    ];
    let body = '%PDF-1.4\n';
    const offsets: number[] = [];
    objects.forEach((object, index) => {
      offsets.push(body.length);
      body += `${index + 1} 0 obj\n${object}\nendobj\n`;
    });
    const xref = body.length;
    body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
    const version = await makePublicationVersion(new Uint8Array(Buffer.from(body, 'latin1')), 'geerfd.pdf');
    const page = (await PDFDocument.load(version.bytes)).getPage(0);
    expect(page.getMediaBox()).toEqual({ x: 0, y: 0, width: 500, height: 700 });
    expect(page.getRotation().angle).toBe(180);
    expect((await pdfTexts(version.bytes)).pages[0]).toEqual(['Geerfd van de paginaboom']);
  });
});
