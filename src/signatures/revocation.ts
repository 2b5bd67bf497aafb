/**
 * Revocation of a signer certificate from validation data embedded in the signed file (a PDF's DSS,
 * a CMS `adbe-revocationInfoArchival` attribute): CRLs signed by the certificate's issuer and OCSP
 * responses signed by the issuer or a responder it certified. Nothing is fetched: without such data
 * the answer is `notChecked`.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { arrayBufferOf } from './certificates';

/** DER CRLs and OCSP responses (OCSPResponse or BasicOCSPResponse). */
export interface RevocationData {
  readonly crls: readonly Uint8Array[];
  readonly ocsps: readonly Uint8Array[];
}

const SHA1 = '1.3.14.3.2.26';
const DIGESTS: Readonly<Record<string, string>> = { [SHA1]: 'SHA-1', '2.16.840.1.101.3.4.2.1': 'SHA-256', '2.16.840.1.101.3.4.2.2': 'SHA-384', '2.16.840.1.101.3.4.2.3': 'SHA-512' };
const OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';

const equalBytes = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.prototype.every.call(a, (value: number, index: number) => value === b[index]);

function parse<T>(der: Uint8Array, make: (schema: asn1js.AsnType) => T): T | undefined {
  try {
    const asn1 = asn1js.fromBER(arrayBufferOf(der));
    return asn1.offset === -1 ? undefined : make(asn1.result);
  } catch {
    return undefined;
  }
}

async function crlStatus(certificate: pkijs.Certificate, issuer: pkijs.Certificate, der: Uint8Array, at: number): Promise<'good' | 'revoked' | undefined> {
  const crl = parse(der, (schema) => new pkijs.CertificateRevocationList({ schema }));
  if (!crl || !crl.issuer.isEqual(certificate.issuer)) return undefined;
  try {
    if (!(await crl.verify({ issuerCertificate: issuer }))) return undefined;
  } catch {
    return undefined;
  }
  const entry = (crl.revokedCertificates ?? []).find((revoked) => revoked.userCertificate.isEqual(certificate.serialNumber));
  if (entry) return entry.revocationDate.value.getTime() <= at ? 'revoked' : 'good';
  return 'good';
}

function basicResponse(der: Uint8Array): pkijs.BasicOCSPResponse | undefined {
  const response = parse(der, (schema) => new pkijs.OCSPResponse({ schema }));
  if (response?.responseBytes && response.responseBytes.responseType === OCSP_BASIC) {
    return parse(new Uint8Array(response.responseBytes.response.valueBlock.valueHexView), (schema) => new pkijs.BasicOCSPResponse({ schema }));
  }
  return parse(der, (schema) => new pkijs.BasicOCSPResponse({ schema }));
}

async function ocspStatus(certificate: pkijs.Certificate, issuer: pkijs.Certificate, der: Uint8Array, at: number): Promise<'good' | 'revoked' | undefined> {
  const basic = basicResponse(der);
  if (!basic) return undefined;
  const engine = pkijs.getCrypto(true);
  let single: pkijs.SingleResponse | undefined;
  for (const candidate of basic.tbsResponseData.responses) {
    const hash = DIGESTS[candidate.certID.hashAlgorithm.algorithmId];
    if (!hash || !candidate.certID.serialNumber.isEqual(certificate.serialNumber)) continue;
    const nameHash = new Uint8Array(await engine.digest({ name: hash }, issuer.subject.toSchema().toBER(false)));
    if (equalBytes(nameHash, candidate.certID.issuerNameHash.valueBlock.valueHexView)) single = candidate;
  }
  if (!single) return undefined;
  // The responder: the issuer itself, or a certificate in the response that the issuer signed.
  const responders = [issuer, ...(basic.certs ?? []).filter((item): item is pkijs.Certificate => item instanceof pkijs.Certificate)];
  let signed = false;
  for (const responder of responders) {
    try {
      const delegated = responder !== issuer && (await responder.verify(issuer));
      if (responder !== issuer && !delegated) continue;
      if (await engine.verifyWithPublicKey(basic.tbsResponseData.tbsView, basic.signature, responder.subjectPublicKeyInfo, basic.signatureAlgorithm)) {
        signed = true;
        break;
      }
    } catch {
      // Not this responder.
    }
  }
  if (!signed) return undefined;
  const status = single.certStatus as asn1js.BaseBlock;
  if (status.idBlock.tagNumber === 0) return 'good';
  if (status.idBlock.tagNumber === 1) {
    const constructed = status as asn1js.Constructed;
    const time = constructed.valueBlock.value?.[0];
    const revokedAt = time instanceof asn1js.GeneralizedTime ? time.toDate().getTime() : Number.NEGATIVE_INFINITY;
    return revokedAt <= at ? 'revoked' : 'good';
  }
  return undefined;
}

/**
 * The certificate's status at the time from the embedded data: `revoked` when any verified CRL or OCSP
 * response revokes it before that time, `good` when one answers and none revokes, else `notChecked`.
 */
export async function revocationStatus(
  certificate: pkijs.Certificate,
  issuer: pkijs.Certificate | undefined,
  at: string,
  data: RevocationData
): Promise<'good' | 'revoked' | 'notChecked'> {
  if (!issuer) return 'notChecked';
  const time = new Date(at).getTime();
  const answers: ('good' | 'revoked' | undefined)[] = [];
  for (const der of data.crls) answers.push(await crlStatus(certificate, issuer, der, time));
  for (const der of data.ocsps) answers.push(await ocspStatus(certificate, issuer, der, time));
  if (answers.includes('revoked')) return 'revoked';
  return answers.includes('good') ? 'good' : 'notChecked';
}
