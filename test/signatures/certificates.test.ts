import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { createDemoPki, issueCertificate, type DemoPki } from '../../src/local/pki/demoPki';
import { signDetached } from '../../src/local/pki/cms';
import { buildPath, certificatesFromPem, parseCertificate, qualifiedStatusOf, summarizeCertificate } from '../../src/signatures/certificates';

const now = new Date('2026-06-01T10:00:00Z');
let pki: DemoPki;

beforeAll(async () => {
  pki = await createDemoPki(now);
});

describe('certificates of a signature report', () => {
  it('summarises an eID-like certificate without the national number and without the " (Signature)" suffix', async () => {
    const person = await pki.person('Anneleen', 'Van den Broeck', { nationalNumber: '85073100145' });
    const summary = await summarizeCertificate(person.certificate);
    expect(summary.commonName).toBe('Anneleen Van den Broeck');
    expect(summary.givenName).toBe('Anneleen');
    expect(summary.surname).toBe('Van den Broeck');
    expect(summary.subject).toContain('CN=Anneleen Van den Broeck (Signature)');
    expect(JSON.stringify(summary)).not.toContain('85073100145');
    expect(summary.issuer).toContain('Demo Citizen CA');
    expect(summary.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.qualified).toEqual({ qcCompliance: true, qscd: true, esign: true, policies: ['0.4.0.194112.1.2'], qualified: true });
  });

  it('reads a certificate without QcStatements as not qualified', async () => {
    const person = await pki.person('Jonas', 'Peeters', { qualified: false });
    expect(qualifiedStatusOf(person.certificate)).toMatchObject({ qcCompliance: false, qscd: false, qualified: false });
  });

  it('reads the PEM blocks of a trust anchor file and ignores other blocks', () => {
    const pem = `# comment\n-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n${pki.root.pem}${pki.intermediate.pem}`;
    const ders = certificatesFromPem(pem);
    expect(ders).toHaveLength(2);
    expect(parseCertificate(ders[0]).subject.isEqual(pki.root.certificate.subject)).toBe(true);
  });

  it('refuses bytes that are not DER', () => {
    expect(() => parseCertificate(new Uint8Array([1, 2, 3]))).toThrow();
  });

  it('builds a trusted path through the carried intermediate to the anchor', async () => {
    const person = await pki.person('An', 'Peeters');
    const path = await buildPath(person.certificate, [pki.intermediate.certificate], [pki.root.certificate], now.toISOString());
    expect(path.chain).toBe('trusted');
    expect(path.certificates).toHaveLength(3);
    expect(path.expiredIssuers).toEqual([]);
  });

  it('says incomplete without the intermediate, untrusted when the root is not an anchor', async () => {
    const person = await pki.person('An', 'Peeters');
    expect((await buildPath(person.certificate, [], [pki.root.certificate], now.toISOString())).chain).toBe('incomplete');
    const other = await createDemoPki(now);
    const untrusted = await buildPath(person.certificate, [pki.intermediate.certificate, pki.root.certificate], [other.root.certificate], now.toISOString());
    expect(untrusted.chain).toBe('untrusted');
  });

  it('does not accept an issuer with the same name but another key (a forged CA)', async () => {
    const forgedRoot = await issueCertificate({ subject: { commonName: 'Demo eID Root CA (geen echte CA)', organization: 'Microdata Dossiers demo' }, notBefore: now, notAfter: new Date('2030-01-01'), ca: true });
    const path = await buildPath(pki.intermediate.certificate, [], [forgedRoot.certificate], now.toISOString());
    expect(path.chain).toBe('incomplete');
  });

  it('signs detached CMS that PKI.js verifies over the content', async () => {
    const person = await pki.person('An', 'Peeters', { keyAlgorithm: 'RSA' });
    const content = new TextEncoder().encode('inhoud van het protocol');
    const der = await signDetached(content, { signer: person, chain: [pki.intermediate], signingTime: now });
    const contentInfo = new pkijs.ContentInfo({ schema: asn1js.fromBER(der.buffer.slice(0)).result });
    const signedData = new pkijs.SignedData({ schema: contentInfo.content });
    const verified = await signedData.verify({ signer: 0, data: content.buffer.slice(0), checkChain: false });
    expect(verified).toBe(true);
    const tampered = new TextEncoder().encode('inhoud van het protocoL');
    await expect(signedData.verify({ signer: 0, data: tampered.buffer.slice(0), checkChain: false })).rejects.toBeDefined();
  });
});

describe('only a CA issues certificates', () => {
  it('refuses a path through a person certificate that issued a certificate in another name', async () => {
    const citizen = await pki.person('Jan', 'Janssens');
    const forged = await issueCertificate({
      subject: { commonName: 'An Peeters (Signature)', givenName: 'An', surname: 'Peeters' },
      issuer: citizen,
      notBefore: new Date('2026-01-01'),
      notAfter: new Date('2028-01-01'),
      qualified: true
    });
    const path = await buildPath(forged.certificate, [citizen.certificate, pki.intermediate.certificate], [pki.root.certificate], now.toISOString());
    expect(path.chain).not.toBe('trusted');
  });

  it('says which certificates may issue: the demo root and intermediate, not a person', async () => {
    const { mayIssueCertificates } = await import('../../src/signatures/certificates');
    expect(mayIssueCertificates(pki.root.certificate)).toBe(true);
    expect(mayIssueCertificates(pki.intermediate.certificate)).toBe(true);
    expect(mayIssueCertificates((await pki.person('Jan', 'Janssens')).certificate)).toBe(false);
  });
});
