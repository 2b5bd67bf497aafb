import { fillForm, generateTemplate, sampleValues } from '../../src/forms';
import { createDemoPki } from '../../src/local/pki/demoPki';
import { signDocx } from '../../src/local/pki/signDocx';
import { signPdf } from '../../src/local/pki/signPdf';
import { sniffFormat, verifySignatures } from '../../src/signatures';
import { makePdf } from './pdfFixtures';

describe('verifySignatures (one entry point for PDF and Word)', () => {
  it('sends a PDF to the PDF verifier, a .docx to the Office verifier, and refuses anything else unread', async () => {
    const now = new Date('2026-06-01T10:00:00Z');
    const pki = await createDemoPki(now);
    const signer = await pki.person('An', 'Peeters');
    const options = { trustAnchors: [pki.root.der], now: now.toISOString() };
    const pdf = await signPdf(await makePdf(), { signer, chain: [pki.intermediate], signingTime: now });
    const docx = await signDocx(await fillForm(await generateTemplate('aanvraagformulier'), sampleValues('aanvraagformulier', { signed: true })), {
      signer,
      chain: [pki.intermediate],
      signingTime: now
    });
    expect(sniffFormat(pdf)).toBe('pdf');
    expect(sniffFormat(docx)).toBe('docx');
    const pdfReport = await verifySignatures(pdf, 'a.pdf', options);
    expect(pdfReport).toMatchObject({ format: 'pdf', readable: true, signatures: [{ format: 'pkcs7Detached', status: 'valid' }] });
    const docxReport = await verifySignatures(docx, 'a.docx', options);
    expect(docxReport).toMatchObject({ format: 'docx', readable: true, signatures: [{ format: 'xmldsig', status: 'valid' }] });
    const other = await verifySignatures(new TextEncoder().encode('GIF89a...'), 'a.gif', options);
    expect(other).toMatchObject({ format: 'unknown', readable: false, error: { code: 'notPdfOrDocx' }, signatures: [], verifiedAt: now.toISOString() });
  });
});
