import { createDemoPki, type IssuedCertificate } from '../../../src/local/pki/demoPki';
import { verifySignatureValue } from '../../../src/signatures/docx/xmldsig';

const RSA_SHA1 = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';
let rsa: IssuedCertificate;

beforeAll(async () => {
  const pki = await createDemoPki(new Date('2026-06-01T10:00:00Z'));
  rsa = await pki.person('Jonas', 'Peeters', { keyAlgorithm: 'RSA' });
});

const fromBase64Url = (text: string): bigint => BigInt(`0x${Buffer.from(text, 'base64url').toString('hex')}`);

/** A raw RSA PKCS#1 v1.5 signature over SHA-1 with the DigestInfo Office 2007 wrote: no NULL parameters. */
async function signWithoutNull(data: Uint8Array): Promise<Uint8Array> {
  const jwk = await globalThis.crypto.subtle.exportKey('jwk', rsa.privateKey);
  const n = fromBase64Url(jwk.n!);
  const d = fromBase64Url(jwk.d!);
  const hash = Buffer.from(await globalThis.crypto.subtle.digest('SHA-1', data));
  const digestInfo = Buffer.concat([Buffer.from('301f300706052b0e03021a0414', 'hex'), hash]);
  const size = 256;
  const em = Buffer.alloc(size, 0xff);
  em[0] = 0;
  em[1] = 1;
  em[size - digestInfo.length - 1] = 0;
  digestInfo.copy(em, size - digestInfo.length);
  let result = BigInt(1);
  let base = BigInt(`0x${em.toString('hex')}`) % n;
  for (let e = d; e > BigInt(0); e >>= BigInt(1)) {
    if ((e & BigInt(1)) === BigInt(1)) result = (result * base) % n;
    base = (base * base) % n;
  }
  return Buffer.from(result.toString(16).padStart(size * 2, '0'), 'hex');
}

describe('the signature value', () => {
  it('accepts an RSA signature whose DigestInfo has no NULL parameters (Office 2007), over the signed data only', async () => {
    const data = new TextEncoder().encode('<SignedInfo xmlns="http://www.w3.org/2000/09/xmldsig#"></SignedInfo>');
    const signature = await signWithoutNull(data);
    expect(await verifySignatureValue(rsa.certificate, RSA_SHA1, signature, data)).toBe(true);
    expect(await verifySignatureValue(rsa.certificate, RSA_SHA1, signature, new TextEncoder().encode('<SignedInfo/>'))).toBe(false);
    const tampered = signature.slice();
    tampered[10] ^= 1;
    expect(await verifySignatureValue(rsa.certificate, RSA_SHA1, tampered, data)).toBe(false);
  });

  it('refuses a signature method it does not know', async () => {
    await expect(verifySignatureValue(rsa.certificate, 'http://www.w3.org/2001/04/xmldsig-more#hmac-sha256', new Uint8Array(1), new Uint8Array(1))).rejects.toThrow('unsupported');
  });
});
