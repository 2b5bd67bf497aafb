/** A made-up CRL for the demo and the tests: the issuer revokes certificates at given times. */
import * as pkijs from 'pkijs';
import type { IssuedCertificate } from './demoPki';

/** DER of a CRL signed by the issuer, listing the certificates with their revocation time. */
export async function issueCrl(issuer: IssuedCertificate, revoked: readonly { readonly certificate: IssuedCertificate; readonly at: Date }[], thisUpdate: Date): Promise<Uint8Array> {
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = issuer.certificate.subject;
  crl.thisUpdate = new pkijs.Time({ type: 0, value: thisUpdate });
  crl.nextUpdate = new pkijs.Time({ type: 0, value: new Date(thisUpdate.getTime() + 7 * 24 * 3600 * 1000) });
  if (revoked.length > 0) {
    crl.revokedCertificates = revoked.map(
      (item) => new pkijs.RevokedCertificate({ userCertificate: item.certificate.certificate.serialNumber, revocationDate: new pkijs.Time({ type: 0, value: item.at }) })
    );
  }
  await crl.sign(issuer.privateKey, 'SHA-256');
  return new Uint8Array(crl.toSchema(true).toBER(false));
}
