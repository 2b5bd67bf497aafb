/**
 * Revocation from validation data a signature carries itself (XAdES-X-L `RevocationValues`: OCSP
 * responses and CRLs), since OCSP and CRL services cannot be reached offline. An answer counts only
 * when its signature verifies with a key entitled to give it (the certificate's issuer, a responder
 * the issuer delegated to with id-kp-OCSPSigning, or a responder that chains to a trust anchor with
 * that key usage, as the Belgian eID's OCSP responder does) and when it speaks about the signing
 * time (issued at or after it, or a CRL whose period contains it). Decision: docs/decisions/signatures.md.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { IsoDateTime } from '../../domain/types';
import { arrayBufferOf, buildPath, sameName } from '../certificates';

const OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';
const EXTENDED_KEY_USAGE = '2.5.29.37';
const OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';

/** The revocation answer for a chain: `good` only when every certificate below the anchor is answered good. */
export type RevocationAnswer = 'good' | 'revoked' | 'notChecked';

/** An OCSP response (OCSPResponse or a bare BasicOCSPResponse) or a CRL, parsed; undefined when it is neither. */
function parseOcsp(der: Uint8Array): pkijs.BasicOCSPResponse | undefined {
  const asn1 = asn1js.fromBER(arrayBufferOf(der));
  if (asn1.offset === -1) return undefined;
  try {
    const response = new pkijs.OCSPResponse({ schema: asn1.result });
    if (response.responseBytes?.responseType !== OCSP_BASIC) return undefined;
    const inner = asn1js.fromBER(response.responseBytes.response.valueBlock.valueHexView.slice().buffer);
    return new pkijs.BasicOCSPResponse({ schema: inner.result });
  } catch {
    try {
      return new pkijs.BasicOCSPResponse({ schema: asn1.result });
    } catch {
      return undefined;
    }
  }
}

function parseCrl(der: Uint8Array): pkijs.CertificateRevocationList | undefined {
  const asn1 = asn1js.fromBER(arrayBufferOf(der));
  if (asn1.offset === -1) return undefined;
  try {
    return new pkijs.CertificateRevocationList({ schema: asn1.result });
  } catch {
    return undefined;
  }
}

const hasOcspSigning = (certificate: pkijs.Certificate): boolean =>
  (certificate.extensions ?? []).some(
    (extension) => extension.extnID === EXTENDED_KEY_USAGE && extension.parsedValue instanceof pkijs.ExtKeyUsage && extension.parsedValue.keyPurposes.includes(OCSP_SIGNING)
  );

const sameCertificate = (a: pkijs.Certificate, b: pkijs.Certificate): boolean => {
  const x = new Uint8Array(a.toSchema(true).toBER(false));
  const y = new Uint8Array(b.toSchema(true).toBER(false));
  return x.length === y.length && x.every((byte, index) => byte === y[index]);
};

async function signedBy(child: pkijs.Certificate, parent: pkijs.Certificate): Promise<boolean> {
  if (!sameName(child.issuer, parent.subject)) return false;
  try {
    return await child.verify(parent);
  } catch {
    return false;
  }
}

interface Context {
  readonly anchors: readonly pkijs.Certificate[];
  readonly certificates: readonly pkijs.Certificate[];
  readonly signingTime: IsoDateTime;
}

/** The OCSP answer for one certificate, or undefined when no response answers it. */
async function ocspStatus(response: pkijs.BasicOCSPResponse, certificate: pkijs.Certificate, issuer: pkijs.Certificate, context: Context): Promise<'good' | 'revoked' | undefined> {
  if (response.tbsResponseData.producedAt.getTime() < new Date(context.signingTime).getTime()) return undefined;
  let status: pkijs.CertificateStatus;
  try {
    status = await response.getCertificateStatus(certificate, issuer);
  } catch {
    return undefined;
  }
  if (!status.isForCertificate || status.status === 2) return undefined;
  const engine = pkijs.getCrypto(true);
  const candidates = [issuer, ...(response.certs ?? [])];
  for (const responder of candidates) {
    let verified = false;
    try {
      verified = await engine.verifyWithPublicKey(response.tbsResponseData.tbsView, response.signature, responder.subjectPublicKeyInfo, response.signatureAlgorithm);
    } catch {
      verified = false;
    }
    if (!verified) continue;
    const entitled =
      sameCertificate(responder, issuer) ||
      (hasOcspSigning(responder) && (await signedBy(responder, issuer))) ||
      (hasOcspSigning(responder) && (await buildPath(responder, [...context.certificates, ...(response.certs ?? [])], context.anchors, context.signingTime)).chain === 'trusted');
    if (entitled) return status.status === 1 ? 'revoked' : 'good';
  }
  return undefined;
}

/** The CRL answer for one certificate, or undefined when the CRL does not answer it. */
async function crlStatus(crl: pkijs.CertificateRevocationList, certificate: pkijs.Certificate, issuer: pkijs.Certificate, context: Context): Promise<'good' | 'revoked' | undefined> {
  if (!sameName(crl.issuer, issuer.subject)) return undefined;
  try {
    if (!(await crl.verify({ issuerCertificate: issuer }))) return undefined;
  } catch {
    return undefined;
  }
  const at = new Date(context.signingTime).getTime();
  const thisUpdate = crl.thisUpdate.value.getTime();
  const nextUpdate = crl.nextUpdate?.value.getTime();
  const speaksAboutSigningTime = thisUpdate >= at || (thisUpdate <= at && nextUpdate !== undefined && at <= nextUpdate);
  if (!speaksAboutSigningTime) return undefined;
  const serial = certificate.serialNumber;
  const entry = (crl.revokedCertificates ?? []).find((revoked) => revoked.userCertificate.isEqual(serial));
  // Revoked only after the signing time: the certificate was good when it signed.
  if (entry && entry.revocationDate.value.getTime() <= at) return 'revoked';
  return 'good';
}

/**
 * The revocation answer for a trusted path (signer first, anchor last) from embedded OCSP responses
 * and CRLs: `revoked` when any answer says so, `good` when every certificate below the anchor is
 * answered good, else `notChecked`.
 */
export async function revocationFromValues(
  path: readonly pkijs.Certificate[],
  ocspValues: readonly Uint8Array[],
  crlValues: readonly Uint8Array[],
  context: Context
): Promise<RevocationAnswer> {
  if (path.length < 2 || (ocspValues.length === 0 && crlValues.length === 0)) return 'notChecked';
  const responses = ocspValues.map(parseOcsp).filter((response): response is pkijs.BasicOCSPResponse => response !== undefined);
  const crls = crlValues.map(parseCrl).filter((crl): crl is pkijs.CertificateRevocationList => crl !== undefined);
  let allGood = true;
  for (let index = 0; index < path.length - 1; index += 1) {
    const certificate = path[index];
    const issuer = path[index + 1];
    const answers: Array<'good' | 'revoked' | undefined> = [];
    for (const response of responses) answers.push(await ocspStatus(response, certificate, issuer, context));
    for (const crl of crls) answers.push(await crlStatus(crl, certificate, issuer, context));
    if (answers.includes('revoked')) return 'revoked';
    if (!answers.includes('good')) allGood = false;
  }
  return allGood ? 'good' : 'notChecked';
}
