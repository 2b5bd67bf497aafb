/**
 * A made-up RFC 3161 time-stamp authority for the demo and the tests: a TimeStampToken (CMS
 * SignedData over a TSTInfo) for a SHA-256 digest, signed by a demo certificate.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { IssuedCertificate } from './demoPki';

/** The authority: its certificate (with key) and the certificates to carry. */
export interface TimeStampAuthority {
  readonly certificate: IssuedCertificate;
  readonly chain?: readonly IssuedCertificate[];
}

const OID_TST_INFO = '1.2.840.113549.1.9.16.1.4';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';

let serial = 1;

/** DER of a TimeStampToken (ContentInfo) over the SHA-256 digest at the time. */
export async function timeStampToken(authority: TimeStampAuthority, digest: Uint8Array, time: Date): Promise<Uint8Array> {
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: '1.3.6.1.4.1.99999.1.1',
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID_SHA256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: digest.slice().buffer })
    }),
    serialNumber: new asn1js.Integer({ value: (serial += 1) }),
    genTime: time
  });
  const tstDer = tstInfo.toSchema().toBER(false);
  const tstDigest = await globalThis.crypto.subtle.digest('SHA-256', tstDer);
  const signer = authority.certificate;
  const signedData = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_TST_INFO, eContent: new asn1js.OctetString({ valueHex: tstDer }) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.certificate.issuer, serialNumber: signer.certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: OID_CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: OID_TST_INFO })] }),
            new pkijs.Attribute({ type: OID_MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: tstDigest })] })
          ]
        })
      })
    ],
    certificates: [signer.certificate, ...(authority.chain ?? []).map((issued) => issued.certificate)]
  });
  await signedData.sign(signer.privateKey, 0, 'SHA-256');
  const contentInfo = new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
