import { PDFDocument } from 'pdf-lib';
import { fillForm, generateTemplate, sampleValues } from '../../src/forms';
import { createDemoPki, type DemoPki, type IssuedCertificate } from '../../src/local/pki/demoPki';
import { signDocx } from '../../src/local/pki/signDocx';
import { signPdf } from '../../src/local/pki/signPdf';
import { verifySignatures } from '../../src/signatures';

// Given a signature that carries only the signer's certificate (as Word writes it with an eID),
// when the deployment configures the Citizen CA as an intermediate, then the path reaches the root.
const now = new Date('2026-06-01T10:00:00Z');
let pki: DemoPki;
let signer: IssuedCertificate;

beforeAll(async () => {
  pki = await createDemoPki(now);
  signer = await pki.person('An', 'Peeters');
});

const options = (intermediates?: readonly Uint8Array[]) => ({ trustAnchors: [pki.root.der], now: now.toISOString(), ...(intermediates ? { intermediates } : {}) });

describe('configured intermediates (config/trust/intermediates)', () => {
  it('complete the path of a Word signature that carries only the signer certificate', async () => {
    const docx = await fillForm(await generateTemplate('aanvraagformulier'), sampleValues('aanvraagformulier', { signed: true }));
    const signed = await signDocx(docx, { signer, signingTime: new Date('2026-05-20T09:30:00Z') });
    expect((await verifySignatures(signed, 'form.docx', options())).signatures[0].chain).toBe('incomplete');
    const report = await verifySignatures(signed, 'form.docx', options([pki.intermediate.der]));
    expect(report.signatures[0].chain).toBe('trusted');
    expect(report.signatures[0].status).toBe('valid');
  });

  it('complete the path of a PDF signature without its chain, and are never anchors themselves', async () => {
    const document = await PDFDocument.create();
    document.addPage().drawText('Protocol');
    const signed = await signPdf(await document.save(), { signer, signingTime: new Date('2026-05-20T09:30:00Z') });
    expect((await verifySignatures(signed, 'protocol.pdf', options())).signatures[0].chain).toBe('incomplete');
    expect((await verifySignatures(signed, 'protocol.pdf', options([pki.intermediate.der]))).signatures[0].chain).toBe('trusted');
    const withoutRoot = await verifySignatures(signed, 'protocol.pdf', { trustAnchors: [], now: now.toISOString(), intermediates: [pki.intermediate.der, pki.root.der] });
    expect(withoutRoot.signatures[0].chain).not.toBe('trusted');
  });
});

describe('the signature value digest of a report', () => {
  it('is the same for the same signature in the countersigned file and differs for a new signature over another document', async () => {
    const document = await PDFDocument.create();
    document.addPage().drawText('Protocol');
    const signed = await signPdf(await document.save(), { signer, chain: [pki.intermediate], signingTime: new Date('2026-05-20T09:30:00Z') });
    const chief = await pki.person('Hilde', 'Hoofd');
    const countersigned = await signPdf(signed, { signer: chief, chain: [pki.intermediate], signingTime: new Date('2026-05-21T09:30:00Z') });
    const other = await PDFDocument.create();
    other.addPage().drawText('Ander document');
    const signedOther = await signPdf(await other.save(), { signer, chain: [pki.intermediate], signingTime: new Date('2026-05-20T09:30:00Z') });
    const [a, b, c] = await Promise.all([signed, countersigned, signedOther].map((bytes) => verifySignatures(bytes, 'p.pdf', options())));
    expect(a.signatures[0].signatureValueSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(b.signatures[0].signatureValueSha256).toBe(a.signatures[0].signatureValueSha256);
    expect(c.signatures[0].signatureValueSha256).not.toBe(a.signatures[0].signatureValueSha256);
  });
});
