import { fillForm, generateTemplate, sampleValues } from '../../../src/forms';
import { createDemoPki, issueCertificate, type DemoPki, type IssuedCertificate } from '../../../src/local/pki/demoPki';
import { signDocx, type SignDocxOptions } from '../../../src/local/pki/signDocx';
import { createCrl, createOcspResponse } from '../../../src/local/pki/validationData';
import { verifyDocxSignatures } from '../../../src/signatures/docx';
import type { SignatureReport } from '../../../src/domain/signatures';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const now = new Date('2026-06-01T10:00:00Z');
const signedAt = new Date('2026-05-20T09:30:00Z');
const later = new Date('2026-05-20T09:31:00Z');

let pki: DemoPki;
let signer: IssuedCertificate;
let tsa: IssuedCertificate;
let docx: Uint8Array;

beforeAll(async () => {
  pki = await createDemoPki(now);
  signer = await pki.person('Anneleen', 'Van den Broeck');
  tsa = await issueCertificate({
    subject: { commonName: 'Demo Time-Stamping Authority', organization: 'Microdata Dossiers demo' },
    issuer: pki.root,
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2030-01-01T00:00:00Z')
  });
  docx = await fillForm(await generateTemplate('aanvraagformulier'), sampleValues('aanvraagformulier', { signed: true }));
});

async function verifyOne(options: Partial<SignDocxOptions>, anchors: readonly Uint8Array[] = [pki.root.der], edit?: (xml: string) => string): Promise<SignatureReport> {
  let signed = await signDocx(docx, { signer, chain: [pki.intermediate], signingTime: signedAt, ...options });
  if (edit) {
    const files = unzipSync(signed);
    files['_xmlsignatures/sig1.xml'] = strToU8(edit(strFromU8(files['_xmlsignatures/sig1.xml'])));
    signed = zipSync(files);
  }
  return (await verifyDocxSignatures(signed, 'a.docx', { trustAnchors: anchors, now: now.toISOString() })).signatures[0];
}

describe('XAdES signature time-stamp', () => {
  it('reports a valid time-stamp and judges the signature at its time', async () => {
    const signature = await verifyOne({ unsigned: { timestampAuthority: tsa, timestampTime: later } });
    expect(signature.timestamp).toEqual({ time: later.toISOString(), valid: true, authority: 'Demo Time-Stamping Authority' });
    expect(signature).toMatchObject({ signingTime: later.toISOString(), claimedSigningTime: signedAt.toISOString(), status: 'valid' });
  });

  it('reports a time-stamp over another signature value as invalid and keeps the claimed time', async () => {
    const signature = await verifyOne({ unsigned: { timestampAuthority: tsa, timestampTime: later } }, [pki.root.der], (xml) =>
      // Re-sign nothing; swap the signature value the token covers for a different (still base64) one.
      xml.replace(/<SignatureValue>([^<]{8})/, (_match, start: string) => `<SignatureValue>${start === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA'}`)
    );
    expect(signature.timestamp?.valid).toBe(false);
    expect(signature.signingTime).toBe(signedAt.toISOString());
    expect(signature.problems).toContainEqual({ code: 'timestampInvalid', severity: 'warning' });
    expect(signature.status).toBe('invalid');
  });

  it('does not trust a time-stamp from an authority outside the anchors', async () => {
    const stranger = await createDemoPki(now);
    const foreign = await issueCertificate({ subject: { commonName: 'Foreign TSA' }, issuer: stranger.root, notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z') });
    const signature = await verifyOne({ unsigned: { timestampAuthority: foreign, timestampTime: later } });
    expect(signature.timestamp).toMatchObject({ valid: false, authority: 'Foreign TSA' });
    expect(signature).toMatchObject({ signingTime: signedAt.toISOString(), status: 'valid' });
  });
});

describe('revocation from embedded XAdES RevocationValues', () => {
  it('is good when OCSP answers for the signer and a CRL for the intermediate, both after the signing time', async () => {
    const ocsp = await createOcspResponse(signer, pki.intermediate, 'good', later);
    const crl = await createCrl(pki.root, [], later, new Date('2026-06-20T00:00:00Z'));
    const signature = await verifyOne({ unsigned: { ocsp: [ocsp], crls: [crl] } });
    expect(signature).toMatchObject({ revocation: 'good', status: 'valid' });
    expect(signature.problems.map((problem) => problem.code)).not.toContain('revocationNotChecked');
  });

  it('stays not checked when only part of the chain is answered', async () => {
    const ocsp = await createOcspResponse(signer, pki.intermediate, 'good', later);
    const signature = await verifyOne({ unsigned: { ocsp: [ocsp] } });
    expect(signature.revocation).toBe('notChecked');
    expect(signature.problems).toContainEqual({ code: 'revocationNotChecked', severity: 'warning' });
  });

  it('is revoked when the signer is revoked by OCSP, or the intermediate by a CRL before the signing time', async () => {
    const revokedByOcsp = await verifyOne({ unsigned: { ocsp: [await createOcspResponse(signer, pki.intermediate, 'revoked', later)] } });
    expect(revokedByOcsp).toMatchObject({ revocation: 'revoked', status: 'invalid' });
    expect(revokedByOcsp.problems).toContainEqual({ code: 'certificateRevoked', severity: 'blocking' });
    const crl = await createCrl(pki.root, [{ certificate: pki.intermediate, date: new Date('2026-05-01T00:00:00Z') }], later, new Date('2026-06-20T00:00:00Z'));
    const ocsp = await createOcspResponse(signer, pki.intermediate, 'good', later);
    expect(await verifyOne({ unsigned: { ocsp: [ocsp], crls: [crl] } })).toMatchObject({ revocation: 'revoked', status: 'invalid' });
  });

  it('ignores answers not signed by an entitled key, and answers older than the signing time', async () => {
    const other = await pki.person('Niet', 'Bevoegd');
    const forged = await createOcspResponse(signer, pki.intermediate, 'good', later, other);
    const crl = await createCrl(pki.root, [], later, new Date('2026-06-20T00:00:00Z'));
    expect((await verifyOne({ unsigned: { ocsp: [forged], crls: [crl] } })).revocation).toBe('notChecked');
    const stale = await createOcspResponse(signer, pki.intermediate, 'good', new Date('2026-05-01T00:00:00Z'));
    expect((await verifyOne({ unsigned: { ocsp: [stale], crls: [crl] } })).revocation).toBe('notChecked');
  });
});
