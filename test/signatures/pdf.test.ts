import { PDFName } from 'pdf-lib';
import { createDemoPki, issueCertificate, type DemoPki, type IssuedCertificate } from '../../src/local/pki/demoPki';
import { signDetached } from '../../src/local/pki/cms';
import { addValidationData, appendPageContent, appendUpdate, changeFormValue, signPdf, timestampPdf } from '../../src/local/pki/signPdf';
import { issueCrl } from '../../src/local/pki/crl';
import type { TimeStampAuthority } from '../../src/local/pki/tsa';
import { hasValidSignaturesOnly } from '../../src/domain/signatures';
import { parsePdfDate, verifyPdfSignatures } from '../../src/signatures/pdf';
import type { VerifyOptions } from '../../src/signatures/options';
import { makePdf, text } from './pdfFixtures';

const now = new Date('2026-06-01T10:00:00Z');
const signingTime = new Date('2026-05-20T09:30:00Z');
let pki: DemoPki;
let options: VerifyOptions;
let an: IssuedCertificate;
let tsa: TimeStampAuthority;

beforeAll(async () => {
  pki = await createDemoPki(now);
  options = { trustAnchors: [pki.root.der], now: now.toISOString() };
  an = await pki.person('An', 'Peeters', { nationalNumber: '85073100145' });
  const tsaCertificate = await issueCertificate({
    subject: { commonName: 'Demo TSA (geen echte TSA)', organization: 'Microdata Dossiers demo' },
    issuer: pki.intermediate,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2030-01-01T00:00:00Z')
  });
  tsa = { certificate: tsaCertificate, chain: [pki.intermediate] };
});

const sign = (pdf: Uint8Array, signer: IssuedCertificate = an, extra: Partial<Parameters<typeof signPdf>[1]> = {}): Promise<Uint8Array> =>
  signPdf(pdf, { signer, chain: [pki.intermediate], signingTime, ...extra });

/** Rewrites the last /ByteRange of the file in place (same length). */
function patchByteRange(bytes: Uint8Array, make: (range: number[]) => number[]): Uint8Array {
  const source = text(bytes);
  const at = source.lastIndexOf('/ByteRange [');
  const end = source.indexOf('/Contents', at);
  const range = source.slice(at + 12, source.indexOf(']', at)).trim().split(/\s+/).map(Number);
  const replacement = `/ByteRange [${make(range).join(' ')}] `.padEnd(end - at, ' ');
  expect(replacement.length).toBe(end - at);
  const out = bytes.slice();
  out.set(Buffer.from(replacement, 'latin1'), at);
  return out;
}

describe('verifyPdfSignatures', () => {
  it.each([
    ['adbe.pkcs7.detached', true, 'pkcs7Detached'],
    ['ETSI.CAdES.detached', false, 'pades']
  ] as const)('reports a valid qualified %s signature (object streams: %s)', async (subFilter, objectStreams, format) => {
    const signed = await sign(await makePdf({ pages: 2, objectStreams }), an, { subFilter, appearance: { page: 0, rect: [72, 72, 272, 122] }, fieldName: 'Aanvrager' });
    const report = await verifyPdfSignatures(signed, 'protocol.pdf', options);
    expect(report).toMatchObject({ fileName: 'protocol.pdf', format: 'pdf', readable: true, revisions: 2, verifiedAt: now.toISOString() });
    expect(report.trustAnchors).toHaveLength(1);
    expect(report.signatures).toHaveLength(1);
    const [signature] = report.signatures;
    expect(signature).toMatchObject({
      index: 0,
      format,
      fieldName: 'Aanvrager',
      integrity: 'ok',
      cryptographic: 'ok',
      chain: 'trusted',
      claimedSigningTime: signingTime.toISOString(),
      signingTime: signingTime.toISOString(),
      revocation: 'notChecked',
      signedRevision: 2,
      laterRevisions: [],
      modifiedAfterSigning: false,
      status: 'valid'
    });
    expect(signature.signer).toMatchObject({ commonName: 'An Peeters', givenName: 'An', surname: 'Peeters' });
    expect(signature.signer?.qualified.qualified).toBe(true);
    expect(signature.chainSubjects).toHaveLength(3);
    expect(signature.problems.map((problem) => problem.code)).toEqual(['revocationNotChecked']);
    expect(JSON.stringify(report)).not.toContain('85073100145');
    expect(hasValidSignaturesOnly(report)).toBe(true);
  });

  it('warns about a certificate that is not qualified', async () => {
    const jonas = await pki.person('Jonas', 'Janssens', { qualified: false });
    const report = await verifyPdfSignatures(await sign(await makePdf(), jonas), 'a.pdf', options);
    expect(report.signatures[0].status).toBe('valid');
    expect(report.signatures[0].problems).toContainEqual({ code: 'notQualified', severity: 'warning' });
  });

  it('says indeterminate when the certificate had expired at the signing time', async () => {
    const expired = await pki.person('Oud', 'Certificaat', { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2025-01-01T00:00:00Z') });
    const report = await verifyPdfSignatures(await sign(await makePdf(), expired), 'a.pdf', options);
    expect(report.signatures[0]).toMatchObject({ integrity: 'ok', cryptographic: 'ok', chain: 'trusted', status: 'indeterminate' });
    expect(report.signatures[0].problems.map((problem) => problem.code)).toContain('certificateNotValidAtSigning');
    expect(hasValidSignaturesOnly(report)).toBe(false);
  });

  it('says untrusted when the chain ends at a root that is not an anchor, incomplete without the intermediate', async () => {
    const other = await createDemoPki(now);
    const untrusted = await verifyPdfSignatures(await sign(await makePdf(), an, { chain: [pki.intermediate, pki.root] }), 'a.pdf', { ...options, trustAnchors: [other.root.der] });
    expect(untrusted.signatures[0]).toMatchObject({ chain: 'untrusted', status: 'indeterminate' });
    expect(untrusted.signatures[0].problems).toContainEqual({ code: 'chainUntrusted', severity: 'blocking', params: { chain: 'untrusted' } });
    const incomplete = await verifyPdfSignatures(await sign(await makePdf(), an, { chain: [] }), 'a.pdf', options);
    expect(incomplete.signatures[0]).toMatchObject({ chain: 'incomplete', status: 'indeterminate' });
  });

  it.each([true, false])('keeps both signatures valid when the VSA countersigns in a later update (object streams: %s)', async (objectStreams) => {
    const chief = await pki.person('Hoofd', 'Statisticus');
    const requesterSigned = await sign(await makePdf({ pages: 3, objectStreams }), an, { appearance: { page: 2, rect: [72, 100, 272, 150] } });
    const countersigned = await sign(requesterSigned, chief, { subFilter: 'ETSI.CAdES.detached', appearance: { page: 2, rect: [300, 100, 500, 150] }, signingTime: new Date('2026-05-25T12:00:00Z') });
    const report = await verifyPdfSignatures(countersigned, 'protocol.pdf', options);
    expect(report.revisions).toBe(3);
    expect(report.signatures.map((signature) => [signature.index, signature.signer?.commonName, signature.status, signature.signedRevision])).toEqual([
      [0, 'An Peeters', 'valid', 2],
      [1, 'Hoofd Statisticus', 'valid', 3]
    ]);
    expect(report.signatures[0].laterRevisions).toEqual([{ revision: 3, changes: ['signature'] }]);
    expect(report.signatures[0].modifiedAfterSigning).toBe(false);
    expect(hasValidSignaturesOnly(report)).toBe(true);
  });

  it('reports page content added after the signature (shadow attack) as a modification', async () => {
    const signed = await sign(await makePdf({ pages: 2 }));
    const attacked = await appendPageContent(signed, 1, 'Bedrag: 1.000.000 EUR');
    const report = await verifyPdfSignatures(attacked, 'a.pdf', options);
    const [signature] = report.signatures;
    expect(signature.integrity).toBe('ok');
    expect(signature.laterRevisions).toEqual([{ revision: 3, changes: ['pageContent'] }]);
    expect(signature).toMatchObject({ modifiedAfterSigning: true, status: 'invalid' });
    expect(signature.problems).toContainEqual({ code: 'modifiedAfterSigning', severity: 'blocking', params: { revision: 3, change: 'pageContent' } });
    expect(hasValidSignaturesOnly(report)).toBe(false);
  });

  it('reports bytes after the last %%EOF (an update cut off or hidden) as a change after signing', async () => {
    const signed = await sign(await makePdf({ objectStreams: false }));
    const attacked = await appendPageContent(signed, 0, 'Bedrag: 1.000.000 EUR');
    const cut = attacked.subarray(0, signed.length + Math.floor((attacked.length - signed.length) / 2));
    const report = await verifyPdfSignatures(cut, 'a.pdf', options);
    expect(report).toMatchObject({ readable: true, revisions: 2 });
    expect(report.signatures[0]).toMatchObject({ laterRevisions: [{ revision: 3, changes: ['other'] }], modifiedAfterSigning: true, status: 'invalid' });
    const padded = Buffer.concat([Buffer.from(signed), Buffer.from('\r\n\0\0  \n', 'latin1')]);
    expect((await verifyPdfSignatures(padded, 'a.pdf', options)).signatures[0]).toMatchObject({ laterRevisions: [], status: 'valid' });
  });

  it('reports a form value changed after the signature, even when a countersignature follows', async () => {
    const signed = await sign(await makePdf({ formValue: 'An Peeters', objectStreams: false }));
    const changed = await changeFormValue(signed, 'naam', 'Jan Janssens');
    const countersigned = await sign(changed, await pki.person('Hoofd', 'Statisticus'));
    const report = await verifyPdfSignatures(countersigned, 'a.pdf', options);
    expect(report.signatures[0].laterRevisions).toEqual([
      { revision: 3, changes: ['formValues'] },
      { revision: 4, changes: ['signature'] }
    ]);
    expect(report.signatures[0].status).toBe('invalid');
    expect(report.signatures[1].status).toBe('valid');
  });

  it('reads a signature time-stamp token and judges the certificate at its time', async () => {
    const signed = await sign(await makePdf(), an, { subFilter: 'ETSI.CAdES.detached', timeStampAuthority: tsa });
    const report = await verifyPdfSignatures(signed, 'a.pdf', options);
    expect(report.signatures[0].timestamp).toEqual({ time: signingTime.toISOString(), valid: true, authority: 'Demo TSA (geen echte TSA)' });
    expect(report.signatures[0].signingTime).toBe(signingTime.toISOString());
    expect(report.signatures[0].status).toBe('valid');
  });

  it('verifies a document time-stamp and accepts it after a signature', async () => {
    const signed = await sign(await makePdf());
    const stamped = await timestampPdf(signed, tsa, { time: new Date('2026-05-21T08:00:00Z') });
    const report = await verifyPdfSignatures(stamped, 'a.pdf', options);
    expect(report.signatures).toHaveLength(2);
    expect(report.signatures[0]).toMatchObject({ status: 'valid', laterRevisions: [{ revision: 3, changes: ['timestamp'] }] });
    expect(report.signatures[1]).toMatchObject({ format: 'documentTimestamp', integrity: 'ok', cryptographic: 'ok', chain: 'trusted', status: 'valid', claimedSigningTime: '2026-05-21T08:00:00.000Z' });
    expect(report.signatures[1].problems).toEqual([]);
    expect(hasValidSignaturesOnly(report)).toBe(true);
  });

  it('names the certificate subject, never the free /Name', async () => {
    const report = await verifyPdfSignatures(await sign(await makePdf(), an, { name: 'Koning Filip' }), 'a.pdf', options);
    expect(report.signatures[0].signer?.commonName).toBe('An Peeters');
    expect(JSON.stringify(report)).not.toContain('Koning Filip');
  });

  it('reports an annotation added after the signature, and a page rewritten unchanged as nothing', async () => {
    const signed = await sign(await makePdf());
    const annotated = await appendUpdate(signed, (doc, next) => {
      const page = doc.getPage(0);
      const copy = page.node.clone(doc.context);
      const annots = page.node.Annots()?.asArray().map((item) => item.toString()) ?? [];
      copy.delete(PDFName.of('Annots'));
      const body = copy.toString().replace(/>>\s*$/, ` /Annots [${[...annots, `${next} 0 R`].join(' ')}] >>`);
      return [
        { num: next, body: '<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents (Goedgekeurd) >>' },
        { num: page.ref.objectNumber, body }
      ];
    });
    const report = await verifyPdfSignatures(annotated, 'a.pdf', options);
    expect(report.signatures[0].laterRevisions).toEqual([{ revision: 3, changes: ['annotations'] }]);
    expect(report.signatures[0].status).toBe('invalid');
    const rewritten = await appendUpdate(signed, (doc) => [{ num: doc.getPage(0).ref.objectNumber, body: doc.getPage(0).node.toString() }]);
    const same = await verifyPdfSignatures(rewritten, 'a.pdf', options);
    expect(same.signatures[0]).toMatchObject({ laterRevisions: [{ revision: 3, changes: [] }], status: 'valid' });
  });

  it('reports an empty but visible signature field added after signing as an annotation (an overlay), an invisible one as a signature field', async () => {
    const signed = await sign(await makePdf());
    const overlay = (visible: boolean) =>
      appendUpdate(signed, (doc, next) => {
        const page = doc.getPage(0);
        const copy = page.node.clone(doc.context);
        const annots = page.node.Annots()?.asArray().map((item) => item.toString()) ?? [];
        copy.delete(PDFName.of('Annots'));
        const body = copy.toString().replace(/>>\s*$/, ` /Annots [${[...annots, `${next} 0 R`].join(' ')}] >>`);
        const drawn = 'BT /Helv 12 Tf 0 0 Td (Bedrag: 0 EUR) Tj ET';
        const widget = visible
          ? `<< /Type /Annot /Subtype /Widget /FT /Sig /T (Leeg) /Rect [72 500 372 530] /F 4 /P ${page.ref.toString()} /AP << /N ${next + 1} 0 R >> >>`
          : `<< /Type /Annot /Subtype /Widget /FT /Sig /T (Leeg) /Rect [0 0 0 0] /F 4 /P ${page.ref.toString()} >>`;
        return [
          { num: next, body: widget },
          { num: next + 1, body: `<< /Type /XObject /Subtype /Form /BBox [0 0 300 30] /Length ${drawn.length} >>\nstream\n${drawn}\nendstream` },
          { num: page.ref.objectNumber, body }
        ];
      });
    const visible = await verifyPdfSignatures(await overlay(true), 'a.pdf', options);
    expect(visible.signatures[0].laterRevisions[0].changes).toContain('annotations');
    expect(visible.signatures[0]).toMatchObject({ modifiedAfterSigning: true, status: 'invalid' });
    const invisible = await verifyPdfSignatures(await overlay(false), 'a.pdf', options);
    expect(invisible.signatures[0]).toMatchObject({ modifiedAfterSigning: false, status: 'valid' });
  });

  it('finds a signature widget on a page that the form no longer lists, and reports the removal', async () => {
    const signed = await sign(await makePdf());
    const hidden = await appendUpdate(signed, (doc) => {
      const ref = doc.catalog.get(PDFName.of('AcroForm'));
      return [{ num: Number(String(ref).split(' ')[0]), body: '<< /Fields [] /SigFlags 3 >>' }];
    });
    const report = await verifyPdfSignatures(hidden, 'a.pdf', options);
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({ fieldName: 'Signature1', laterRevisions: [{ revision: 3, changes: ['formValues'] }], status: 'invalid' });
  });

  it('finds a signature over another document pasted in (digest mismatch)', async () => {
    const other = await makePdf({ pages: 4 });
    const pasted = await sign(await makePdf(), an, { cms: () => signDetached(other, { signer: an, chain: [pki.intermediate], signingTime }) });
    const report = await verifyPdfSignatures(pasted, 'a.pdf', options);
    expect(report.signatures[0]).toMatchObject({ integrity: 'failed', cryptographic: 'ok', status: 'invalid' });
    expect(report.signatures[0].problems.map((problem) => problem.code)).toContain('digestMismatch');
  });

  it('says indeterminate for a sub-filter it does not verify (adbe.pkcs7.sha1)', async () => {
    const signed = await sign(await makePdf());
    const source = text(signed);
    const at = source.lastIndexOf('/SubFilter /adbe.pkcs7.detached');
    const patched = Buffer.from(source.slice(0, at) + '/SubFilter /adbe.pkcs7.sha1    ' + source.slice(at + '/SubFilter /adbe.pkcs7.detached'.length), 'latin1');
    expect(patched.length).toBe(signed.length);
    const report = await verifyPdfSignatures(patched, 'a.pdf', options);
    expect(report.signatures[0]).toMatchObject({ status: 'indeterminate', problems: [{ code: 'unsupported', severity: 'blocking', params: { name: 'adbe.pkcs7.sha1' } }] });
  });

  it('reports /Contents that is not DER as a malformed signature', async () => {
    const report = await verifyPdfSignatures(await sign(await makePdf(), an, { cms: async () => new Uint8Array([1, 2, 3, 4, 5]) }), 'a.pdf', options);
    expect(report.readable).toBe(true);
    expect(report.signatures[0]).toMatchObject({ integrity: 'failed', status: 'invalid' });
    expect(report.signatures[0].problems[0].code).toBe('signatureMalformed');
  });

  it.each([
    ['outside the file', (range: number[]) => [0, range[1], range[2], range[3] + 1000], 'outsideFile'],
    ['overlapping', (range: number[]) => [0, range[2], range[1], range[3]], 'overlapping'],
    ['not around /Contents', (range: number[]) => [0, range[1] - 1, range[2], range[3]], 'notAroundContents'],
    ['not ending at a revision', (range: number[]) => [0, range[1], range[2], range[3] - 10], 'notRevisionEnd']
  ])('reports a ByteRange %s', async (_name, make, reason) => {
    const broken = patchByteRange(await sign(await makePdf()), make);
    const report = await verifyPdfSignatures(broken, 'a.pdf', options);
    expect(report.signatures[0].status).toBe('invalid');
    expect(report.signatures[0].problems).toContainEqual({ code: 'byteRangeInvalid', severity: 'blocking', params: { reason } });
  });

  it('says a file is not a PDF, truncated, or encrypted', async () => {
    const notPdf = await verifyPdfSignatures(new TextEncoder().encode('Dit is geen PDF'), 'a.txt', options);
    expect(notPdf).toMatchObject({ readable: false, format: 'unknown', error: { code: 'notPdfOrDocx' }, signatures: [] });
    const signed = await sign(await makePdf());
    const truncated = await verifyPdfSignatures(signed.subarray(0, Math.floor(signed.length * 0.6)), 'a.pdf', options);
    expect(truncated).toMatchObject({ readable: false, format: 'pdf', error: { code: 'truncated' } });
    const classic = text(await makePdf({ objectStreams: false }));
    const encrypted = Buffer.from(classic.replace('trailer\n<<', 'trailer\n<<\n/Encrypt 1 0 R'), 'latin1');
    expect((await verifyPdfSignatures(encrypted, 'a.pdf', options)).error?.code).toBe('encrypted');
    const garbage = Buffer.from(`%PDF-1.7\n${'x'.repeat(100)}\nstartxref\n5\n%%EOF\n`, 'latin1');
    expect((await verifyPdfSignatures(garbage, 'a.pdf', options)).error?.code).toBe('malformed');
  });

  it('reads a large unsigned scan without parsing its content', async () => {
    const size = 50 * 1024 * 1024;
    const head = '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> >>\nendobj\n';
    const imageHead = `4 0 obj\n<< /Type /XObject /Subtype /Image /Width 5000 /Height 3495 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${size} >>\nstream\n`;
    const offsets = [9, head.indexOf('2 0 obj'), head.indexOf('3 0 obj'), head.length];
    const xrefAt = head.length + imageHead.length + size + '\nendstream\nendobj\n'.length;
    const tail = `\nendstream\nendobj\nxref\n0 5\n0000000000 65535 f\r\n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n\r\n`).join('')}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const bytes = new Uint8Array(head.length + imageHead.length + size + tail.length);
    bytes.set(Buffer.from(head + imageHead, 'latin1'), 0);
    bytes.fill(0x25, head.length + imageHead.length, head.length + imageHead.length + size); // '%' everywhere: no EOF marker hunting
    bytes.set(Buffer.from(tail, 'latin1'), head.length + imageHead.length + size);
    const report = await verifyPdfSignatures(bytes, 'scan.pdf', options);
    expect(report).toMatchObject({ readable: true, revisions: 1, signatures: [] });
    expect(hasValidSignaturesOnly(report)).toBe(false);
  });

  it('reads PDF dates', () => {
    expect(parsePdfDate("D:20260520113000+02'00'")).toBe('2026-05-20T09:30:00.000Z');
    expect(parsePdfDate('D:20260520093000Z')).toBe('2026-05-20T09:30:00.000Z');
    expect(parsePdfDate('gisteren')).toBeUndefined();
  });
});

describe('verifyPdfSignatures: embedded validation data', () => {
  it('reads a CRL in the DSS: good when the signer is not listed, revoked when listed before the signing time; the DSS update is acceptable', async () => {
    const signed = await sign(await makePdf());
    const clean = await issueCrl(pki.intermediate, [], new Date('2026-05-21T00:00:00Z'));
    const good = await verifyPdfSignatures(await addValidationData(signed, { crls: [clean], certificates: [pki.intermediate.der] }), 'a.pdf', options);
    expect(good.signatures[0]).toMatchObject({ revocation: 'good', status: 'valid', laterRevisions: [{ revision: 3, changes: ['validationData'] }] });
    expect(good.signatures[0].problems.map((problem) => problem.code)).not.toContain('revocationNotChecked');

    const revokedCrl = await issueCrl(pki.intermediate, [{ certificate: an, at: new Date('2026-05-01T00:00:00Z') }], new Date('2026-05-21T00:00:00Z'));
    const revoked = await verifyPdfSignatures(await addValidationData(signed, { crls: [revokedCrl] }), 'a.pdf', options);
    expect(revoked.signatures[0]).toMatchObject({ revocation: 'revoked', status: 'invalid' });
    expect(revoked.signatures[0].problems).toContainEqual({ code: 'certificateRevoked', severity: 'blocking' });

    const later = await issueCrl(pki.intermediate, [{ certificate: an, at: new Date('2026-05-25T00:00:00Z') }], new Date('2026-05-26T00:00:00Z'));
    expect((await verifyPdfSignatures(await addValidationData(signed, { crls: [later] }), 'a.pdf', options)).signatures[0].revocation).toBe('good');

    const other = await createDemoPki(now);
    const forged = await issueCrl(other.intermediate, [{ certificate: an, at: new Date('2026-05-01T00:00:00Z') }], new Date('2026-05-21T00:00:00Z'));
    expect((await verifyPdfSignatures(await addValidationData(signed, { crls: [forged] }), 'a.pdf', options)).signatures[0].revocation).toBe('notChecked');
  });
});
