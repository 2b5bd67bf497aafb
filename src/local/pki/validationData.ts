/**
 * Validation data of the demo PKI, for the tests and the demo tenant: RFC 3161 time-stamp tokens,
 * CRLs and OCSP responses, as a signing tool embeds them (XAdES-X-L RevocationValues, PAdES DSS).
 * PKI.js with WebCrypto; never a real authority.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { IssuedCertificate } from './demoPki';

const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';
const OID_OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';

const sha256 = async (data: Uint8Array | ArrayBuffer): Promise<ArrayBuffer> => globalThis.crypto.subtle.digest('SHA-256', data);

let nextSerial = 1;

/** DER ContentInfo of a time-stamp token over the data (SHA-256 message imprint), signed by the authority. */
export async function createTimestampToken(data: Uint8Array, authority: IssuedCertificate, time: Date, chain: readonly IssuedCertificate[] = []): Promise<Uint8Array> {
  const info = new pkijs.TSTInfo({
    version: 1,
    policy: '1.3.6.1.4.1.99999.1.1',
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: await sha256(data) })
    }),
    serialNumber: new asn1js.Integer({ value: (nextSerial += 1) }),
    genTime: time
  });
  const infoDer = info.toSchema().toBER(false);
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_TST_INFO, eContent: new asn1js.OctetString({ valueHex: infoDer }) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: authority.certificate.issuer, serialNumber: authority.certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: OID_CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: OID_TST_INFO })] }),
            new pkijs.Attribute({ type: OID_MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: await sha256(infoDer) })] })
          ]
        })
      })
    ],
    certificates: [authority.certificate, ...chain.map((issued) => issued.certificate)]
  });
  // DER, as RFC 3161 requires: the TSTInfo in one primitive OCTET STRING (PKI.js's constructor would chunk it).
  signedData.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: infoDer });
  await signedData.sign(authority.privateKey, 0, 'SHA-256');
  const contentInfo = new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/** DER CRL of the issuer, listing the revoked certificates with their revocation dates. */
export async function createCrl(
  issuer: IssuedCertificate,
  revoked: ReadonlyArray<{ readonly certificate: IssuedCertificate; readonly date: Date }>,
  thisUpdate: Date,
  nextUpdate: Date
): Promise<Uint8Array> {
  const crl = new pkijs.CertificateRevocationList();
  crl.version = 1;
  crl.issuer = issuer.certificate.subject;
  crl.thisUpdate = new pkijs.Time({ type: 0, value: thisUpdate });
  crl.nextUpdate = new pkijs.Time({ type: 0, value: nextUpdate });
  if (revoked.length > 0) {
    crl.revokedCertificates = revoked.map(
      (entry) => new pkijs.RevokedCertificate({ userCertificate: entry.certificate.certificate.serialNumber, revocationDate: new pkijs.Time({ type: 0, value: entry.date }) })
    );
  }
  await crl.sign(issuer.privateKey, 'SHA-256');
  return new Uint8Array(crl.toSchema(true).toBER(false));
}

/** DER OCSPResponse (successful, basic) about one certificate, signed by the responder (here: its issuer). */
export async function createOcspResponse(
  certificate: IssuedCertificate,
  issuer: IssuedCertificate,
  status: 'good' | 'revoked',
  producedAt: Date,
  responder: IssuedCertificate = issuer
): Promise<Uint8Array> {
  const certID = await pkijs.CertID.create(certificate.certificate, { hashAlgorithm: 'SHA-1', issuerCertificate: issuer.certificate });
  const certStatus =
    status === 'good'
      ? new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } })
      : new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: producedAt })] });
  const single = new pkijs.SingleResponse({ certID, certStatus, thisUpdate: producedAt });
  const responderID = responder.certificate.subject;
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: new pkijs.ResponseData({ responderID, producedAt, responses: [single] }),
    certs: [responder.certificate]
  });
  await basic.sign(responder.privateKey, 'SHA-256');
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({ responseType: OID_OCSP_BASIC, response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }) })
  });
  return new Uint8Array(response.toSchema().toBER(false));
}
