/**
 * Detached CMS SignedData over bytes, as a PDF or eID signing tool writes it into a signature's
 * `/Contents`: signed attributes contentType, messageDigest, signingTime (the older
 * `adbe.pkcs7.detached`) or signing-certificate-v2 instead of signingTime (PAdES baseline). For the
 * demo tenant and the tests only.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { IssuedCertificate } from './demoPki';
import { timeStampToken } from './tsa';
import type { TimeStampAuthority } from './tsa';

const OID_DATA = '1.2.840.113549.1.7.1';
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
const OID_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SIGNING_TIME = '1.2.840.113549.1.9.5';
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const OID_SIGNATURE_TIME_STAMP_TOKEN = '1.2.840.113549.1.9.16.2.14';

/** How to sign. */
export interface DetachedSignatureOptions {
  readonly signer: IssuedCertificate;
  /** Certificates to carry besides the signer's (usually the intermediate). */
  readonly chain?: readonly IssuedCertificate[];
  /** The signing-time attribute; left out when `pades` (PAdES puts the time in the signature dictionary's /M). */
  readonly signingTime?: Date;
  readonly pades?: boolean;
  /** Signs this digest instead of the content's (to build a signature over another document). */
  readonly digestOverride?: Uint8Array;
  /** Adds a signature time-stamp token (unsigned attribute) from this authority, at `timeStampTime` (default now). */
  readonly timeStampAuthority?: TimeStampAuthority;
  readonly timeStampTime?: Date;
}

/** DER of a detached CMS SignedData (ContentInfo) over the content. */
export async function signDetached(content: Uint8Array, options: DetachedSignatureOptions): Promise<Uint8Array> {
  const { signer } = options;
  const digest = options.digestOverride ?? new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', content));
  const attributes = [
    new pkijs.Attribute({ type: OID_CONTENT_TYPE, values: [new asn1js.ObjectIdentifier({ value: OID_DATA })] }),
    new pkijs.Attribute({ type: OID_MESSAGE_DIGEST, values: [new asn1js.OctetString({ valueHex: digest.slice().buffer })] })
  ];
  if (!options.pades) {
    attributes.push(new pkijs.Attribute({ type: OID_SIGNING_TIME, values: [new asn1js.UTCTime({ valueDate: options.signingTime ?? new Date() })] }));
  } else {
    const certificateHash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', signer.der));
    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, ESSCertIDv2 with the default SHA-256.
    const essCertId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: certificateHash.buffer })] });
    attributes.push(
      new pkijs.Attribute({ type: OID_SIGNING_CERTIFICATE_V2, values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] })] })
    );
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID_DATA }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.certificate.issuer, serialNumber: signer.certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes })
      })
    ],
    certificates: [signer.certificate, ...(options.chain ?? []).map((issued) => issued.certificate)]
  });
  await signedData.sign(signer.privateKey, 0, 'SHA-256');
  if (options.timeStampAuthority) {
    const signerInfo = signedData.signerInfos[0];
    const signatureDigest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', signerInfo.signature.valueBlock.valueHexView));
    const token = await timeStampToken(options.timeStampAuthority, signatureDigest, options.timeStampTime ?? new Date());
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID_SIGNATURE_TIME_STAMP_TOKEN, values: [asn1js.fromBER(token.slice().buffer).result] })]
    });
  }
  const contentInfo = new pkijs.ContentInfo({ contentType: OID_SIGNED_DATA, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}
