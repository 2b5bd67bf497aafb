import { localDemoPki, localDemoRootDer } from '../../src/local/pki/localDemoPki';
import { buildPath, parseCertificate } from '../../src/signatures/certificates';

describe('the local tenant demo PKI', () => {
  it('issues signer certificates that chain to the committed demo root, the same root on every load', async () => {
    const pki = await localDemoPki(new Date('2026-06-01T00:00:00Z'));
    const person = await pki.person('Els', 'Vermeulen');
    const root = parseCertificate(localDemoRootDer());
    const path = await buildPath(person.certificate, [pki.intermediate.certificate], [root], '2026-06-01T00:00:00Z');
    expect(path.chain).toBe('trusted');
    expect((await localDemoPki()).root.der).toEqual(localDemoRootDer());
  });

  it('names itself as no real CA', async () => {
    const pki = await localDemoPki();
    expect(pki.root.pem).toContain('BEGIN CERTIFICATE');
    expect(pki.root.certificate.subject.typesAndValues.map((attribute) => String(attribute.value.valueBlock.value))).toContain('Demo eID Root CA (geen echte CA)');
  });
});
