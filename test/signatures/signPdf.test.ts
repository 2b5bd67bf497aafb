import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PDFDocument, PDFName, PDFDict, PDFArray } from 'pdf-lib';
import { createDemoPki, type DemoPki } from '../../src/local/pki/demoPki';
import { appendPageContent, changeFormValue, signPdf } from '../../src/local/pki/signPdf';
import { makePdf, text } from './pdfFixtures';

const now = new Date('2026-06-01T10:00:00Z');
let pki: DemoPki;

beforeAll(async () => {
  pki = await createDemoPki(now);
});

/** Every signature's byte range and whether the signed messageDigest matches it. */
async function checkSignatures(bytes: Uint8Array): Promise<boolean[]> {
  const source = text(bytes);
  const results: boolean[] = [];
  for (const match of source.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/g)) {
    const [a, b, c, d] = match.slice(1).map(Number);
    expect(a).toBe(0);
    expect(c + d).toBeLessThanOrEqual(bytes.length);
    const hex = source.slice(b + 1, c - 1);
    const der = Buffer.from(hex, 'hex');
    const contentInfo = new pkijs.ContentInfo({ schema: asn1js.fromBER(der.buffer.slice(der.byteOffset, der.byteOffset + der.length)).result });
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    const signed = Buffer.concat([Buffer.from(bytes.subarray(a, a + b)), Buffer.from(bytes.subarray(c, c + d))]);
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', signed));
    const attribute = signedData.signerInfos[0].signedAttrs!.attributes.find((item) => item.type === '1.2.840.113549.1.9.4')!;
    results.push(Buffer.from((attribute.values[0] as asn1js.OctetString).valueBlock.valueHexView).equals(digest));
  }
  return results;
}

describe('signPdf (demo and test signing tool)', () => {
  it.each([true, false])('signs twice in incremental updates, earlier bytes untouched (object streams: %s)', async (objectStreams) => {
    const original = await makePdf({ pages: 2, objectStreams });
    const requester = await pki.person('An', 'Peeters');
    const vsa = await pki.person('Chief', 'Statistician');
    const once = await signPdf(original, { signer: requester, chain: [pki.intermediate], appearance: { page: 1, rect: [72, 72, 272, 122] }, signingTime: now });
    expect(Buffer.from(once.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const twice = await signPdf(once, { signer: vsa, chain: [pki.intermediate], subFilter: 'ETSI.CAdES.detached', signingTime: now });
    expect(Buffer.from(twice.subarray(0, once.length)).equals(Buffer.from(once))).toBe(true);
    expect(await checkSignatures(twice)).toEqual([true, true]);
    expect(text(twice).match(/%%EOF/g)).toHaveLength(3);
    expect(text(twice)).toContain(objectStreams ? '/Type /XRef' : 'trailer');

    const doc = await PDFDocument.load(twice);
    const fields = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).lookup(PDFName.of('Fields'), PDFArray);
    expect(fields.size()).toBe(2);
    expect(doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict).get(PDFName.of('SigFlags'))?.toString()).toBe('3');
    expect(doc.getPage(1).node.Annots()?.size()).toBe(1);
    expect(doc.getPage(0).node.Annots()?.size()).toBe(1);
    expect(doc.getPages()).toHaveLength(2);
  });

  it('keeps an existing form and writes the free /Name as given', async () => {
    const original = await makePdf({ formValue: 'An Peeters' });
    const signed = await signPdf(original, { signer: await pki.person('An', 'Peeters'), name: 'Koning Filip', signingTime: now });
    const doc = await PDFDocument.load(signed);
    expect(doc.getForm().getFields().map((field) => field.getName())).toEqual(['naam', 'Signature2']);
    expect(text(signed)).toContain('/Name (Koning Filip)');
  });

  it('appends page content and form values after signing without touching the signed bytes', async () => {
    const signed = await signPdf(await makePdf({ formValue: 'An Peeters' }), { signer: await pki.person('An', 'Peeters'), signingTime: now });
    const shadow = await appendPageContent(signed, 0, 'Bedrag: 1.000.000 EUR');
    const changed = await changeFormValue(shadow, 'naam', 'Jan Janssens');
    expect(await checkSignatures(changed)).toEqual([true]);
    const doc = await PDFDocument.load(changed);
    expect(doc.getForm().getTextField('naam').getText()).toBe('Jan Janssens');
  });
});
