/**
 * CMS SignedData as a PDF signature carries it (RFC 5652, detached): the signer, the digest of the
 * signed bytes against the `messageDigest` attribute, the signature value over the signed attributes,
 * the claimed signing time, the RFC 3161 signature time-stamp token (unsigned attribute
 * id-aa-signatureTimeStampToken) and embedded revocation data (`adbe-revocationInfoArchival`).
 * Document time-stamps (`ETSI.RFC3161`) are a TimeStampToken over the byte ranges. PKI.js with the
 * WebCrypto of the host does the ASN.1 and the cryptography.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { arrayBufferOf } from '../certificates';

export const CMS_OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  revocationInfoArchival: '1.2.840.113583.1.1.8',
  subjectKeyIdentifier: '2.5.29.14'
} as const;

const DIGESTS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512'
};

/** The WebCrypto name of a digest algorithm OID, undefined when not supported. */
export const digestName = (oid: string): string | undefined => DIGESTS[oid];

/**
 * A buffer reused for the signed bytes: a fresh 2 MB array per signature cost more than hashing it.
 * WebCrypto copies the data when `digest()` is called (before it returns its promise), so the buffer is
 * free again as soon as the call returns, even while digests run side by side.
 */
let scratch = new Uint8Array(0);
const SCRATCH_KEPT = 16 * 1024 * 1024;

/** The digest of the parts, as if concatenated. */
export async function digest(name: string, ...parts: Uint8Array[]): Promise<Uint8Array> {
  if (parts.length === 1) return new Uint8Array(await globalThis.crypto.subtle.digest(name, parts[0]));
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  const buffer = length <= SCRATCH_KEPT ? (scratch.length >= length ? scratch : (scratch = new Uint8Array(length))) : new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    buffer.set(part, offset);
    offset += part.length;
  }
  const pending = globalThis.crypto.subtle.digest(name, buffer.subarray(0, length));
  return new Uint8Array(await pending);
}

const equalBytes = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.prototype.every.call(a, (value: number, index: number) => value === b[index]);

/**
 * A SignedData from its ASN.1 (the content of a ContentInfo), built part by part: PKI.js's schema match
 * of a whole SignedData costs more than reading its parts (certificates, SignerInfos) one by one.
 */
function signedDataOf(content: asn1js.AsnType): pkijs.SignedData {
  if (!(content instanceof asn1js.Sequence)) throw new Error('SignedData is not a SEQUENCE');
  const parts = content.valueBlock.value;
  const version = parts[0];
  const digestAlgorithms = parts[1];
  const encapsulated = parts[2];
  const signerInfos = parts[parts.length - 1];
  if (!(version instanceof asn1js.Integer) || !(digestAlgorithms instanceof asn1js.Set) || !(encapsulated instanceof asn1js.Sequence) || !(signerInfos instanceof asn1js.Set)) {
    throw new Error('not a SignedData');
  }
  const certificates: pkijs.Certificate[] = [];
  for (const part of parts.slice(3, -1)) {
    if (part.idBlock.tagClass === 3 && part.idBlock.tagNumber === 0 && part instanceof asn1js.Constructed) {
      for (const item of part.valueBlock.value) {
        // Other certificate formats (attribute certificates) are skipped: a signer certificate is X.509.
        if (item instanceof asn1js.Sequence) certificates.push(new pkijs.Certificate({ schema: item }));
      }
    }
  }
  return new pkijs.SignedData({
    version: version.valueBlock.valueDec,
    digestAlgorithms: digestAlgorithms.valueBlock.value.map((item) => new pkijs.AlgorithmIdentifier({ schema: item })),
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ schema: encapsulated }),
    certificates,
    signerInfos: signerInfos.valueBlock.value.map((item) => new pkijs.SignerInfo({ schema: item }))
  });
}

/** A SignedData from the ASN.1 of a ContentInfo. */
function signedDataFromContentInfo(asn1: asn1js.AsnType): pkijs.SignedData {
  const contentInfo = new pkijs.ContentInfo({ schema: asn1 });
  if (contentInfo.contentType !== CMS_OID.signedData) throw new Error(`content type ${contentInfo.contentType} is not SignedData`);
  let signedData: pkijs.SignedData;
  try {
    signedData = signedDataOf(contentInfo.content);
  } catch {
    // Something the part-by-part reader does not expect: PKI.js's full schema says what is wrong.
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  }
  if (signedData.signerInfos.length === 0) throw new Error('no SignerInfo');
  return signedData;
}

/** A CMS SignedData from DER (a ContentInfo; trailing zero padding is ignored), or an Error saying why not. */
export function parseSignedData(der: Uint8Array): pkijs.SignedData {
  const asn1 = asn1js.fromBER(arrayBufferOf(der));
  if (asn1.offset === -1) throw new Error('not DER');
  return signedDataFromContentInfo(asn1.result);
}

/** The X.509 certificates a SignedData carries. */
export function certificatesOf(signedData: pkijs.SignedData): pkijs.Certificate[] {
  return (signedData.certificates ?? []).filter((item): item is pkijs.Certificate => item instanceof pkijs.Certificate);
}

/** The certificate the SignerInfo names (issuer and serial number, or subject key identifier). */
export function signerCertificate(signerInfo: pkijs.SignerInfo, certificates: readonly pkijs.Certificate[]): pkijs.Certificate | undefined {
  const sid = signerInfo.sid as unknown;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find((certificate) => certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber));
  }
  if (sid instanceof asn1js.Primitive || sid instanceof asn1js.OctetString) {
    const keyId = (sid as asn1js.OctetString).valueBlock.valueHexView;
    return certificates.find((certificate) => {
      const extension = certificate.extensions?.find((item) => item.extnID === CMS_OID.subjectKeyIdentifier);
      const parsed = extension?.parsedValue as asn1js.OctetString | undefined;
      return parsed !== undefined && equalBytes(parsed.valueBlock.valueHexView, keyId);
    });
  }
  return undefined;
}

const attribute = (attributes: pkijs.SignedAndUnsignedAttributes | undefined, oid: string): pkijs.Attribute | undefined =>
  attributes?.attributes.find((item) => item.type === oid);

/** What a SignerInfo proves over content. */
export interface SignerCheck {
  /** The digest of the content matches the signed messageDigest (or, without signed attributes, the signature verifies). */
  readonly integrity: boolean;
  /** The signature value verifies with the signer's key. */
  readonly cryptographic: boolean;
  readonly signer?: pkijs.Certificate;
  /** An algorithm this verifier (or WebCrypto) does not support, if any. */
  readonly unsupported?: string;
}

/** Verifies the first SignerInfo over the content's digest (computed with the SignerInfo's digest algorithm). */
export async function checkSigner(signedData: pkijs.SignedData, content: (digestAlgorithm: string) => Promise<Uint8Array>): Promise<SignerCheck> {
  const signerInfo = signedData.signerInfos[0];
  const signer = signerCertificate(signerInfo, certificatesOf(signedData));
  const hash = digestName(signerInfo.digestAlgorithm.algorithmId);
  if (!hash) return { integrity: false, cryptographic: false, signer, unsupported: signerInfo.digestAlgorithm.algorithmId };
  if (!signerInfo.signedAttrs) {
    // Without signed attributes the signature is over the content itself: not what PDF signing tools write.
    return { integrity: false, cryptographic: false, signer, unsupported: 'signature without signed attributes' };
  }
  const contentDigest = await content(hash);
  const messageDigest = attribute(signerInfo.signedAttrs, CMS_OID.messageDigest)?.values[0];
  const integrity = messageDigest instanceof asn1js.OctetString && equalBytes(messageDigest.valueBlock.valueHexView, contentDigest);
  if (!signer) return { integrity, cryptographic: false };
  try {
    const engine = pkijs.getCrypto(true);
    const verified = await engine.verifyWithPublicKey(signerInfo.signedAttrs.encodedValue, signerInfo.signature, signer.subjectPublicKeyInfo, signerInfo.signatureAlgorithm, hash);
    return { integrity, cryptographic: verified, signer };
  } catch (error) {
    return { integrity, cryptographic: false, signer, unsupported: error instanceof Error ? error.message : String(error) };
  }
}

/** The signingTime signed attribute, ISO text. */
export function signingTimeOf(signedData: pkijs.SignedData): string | undefined {
  const value = attribute(signedData.signerInfos[0].signedAttrs, CMS_OID.signingTime)?.values[0];
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) return value.toDate().toISOString();
  return undefined;
}

/** A verified (or not) RFC 3161 time-stamp token. */
export interface TimeStampCheck {
  readonly time?: string;
  /** The token's signature verifies and its message imprint matches. */
  readonly intact: boolean;
  /** The message imprint matches the data. */
  readonly imprint: boolean;
  /** The token's own signature verifies. */
  readonly signature: boolean;
  readonly signer?: pkijs.Certificate;
  readonly certificates: readonly pkijs.Certificate[];
}

/** Checks a TimeStampToken (ContentInfo DER or parsed) against the data it should time-stamp. */
export async function checkTimeStampToken(token: Uint8Array | pkijs.SignedData, data: readonly Uint8Array[]): Promise<TimeStampCheck> {
  let signedData: pkijs.SignedData;
  try {
    signedData = token instanceof Uint8Array ? parseSignedData(token) : token;
  } catch {
    return { intact: false, imprint: false, signature: false, certificates: [] };
  }
  const certificates = certificatesOf(signedData);
  const eContent = signedData.encapContentInfo.eContent;
  if (signedData.encapContentInfo.eContentType !== CMS_OID.tstInfo || !eContent) return { intact: false, imprint: false, signature: false, certificates };
  const tstBytes = new Uint8Array(eContent.getValue());
  let tstInfo: pkijs.TSTInfo;
  try {
    tstInfo = new pkijs.TSTInfo({ schema: asn1js.fromBER(arrayBufferOf(tstBytes)).result });
  } catch {
    return { intact: false, imprint: false, signature: false, certificates };
  }
  const time = tstInfo.genTime.toISOString();
  const check = await checkSigner(signedData, async (hash) => digest(hash, tstBytes));
  const imprintHash = digestName(tstInfo.messageImprint.hashAlgorithm.algorithmId);
  const imprintOk = imprintHash !== undefined && equalBytes(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView, await digest(imprintHash, ...data));
  return { time, intact: check.integrity && check.cryptographic && imprintOk, imprint: imprintOk, signature: check.integrity && check.cryptographic, signer: check.signer, certificates };
}

/** The signature time-stamp token of the first SignerInfo, if any (as SignedData). */
export function signatureTimeStampToken(signedData: pkijs.SignedData): pkijs.SignedData | undefined {
  const value = attribute(signedData.signerInfos[0].unsignedAttrs, CMS_OID.signatureTimeStampToken)?.values[0];
  if (!value) return undefined;
  try {
    return signedDataFromContentInfo(value);
  } catch {
    return undefined;
  }
}

/** Revocation data embedded in the signature (adbe-revocationInfoArchival) as DER. */
export function archivedRevocationData(signedData: pkijs.SignedData): { crls: Uint8Array[]; ocsps: Uint8Array[] } {
  const out = { crls: [] as Uint8Array[], ocsps: [] as Uint8Array[] };
  const value = attribute(signedData.signerInfos[0].signedAttrs, CMS_OID.revocationInfoArchival)?.values[0];
  if (!(value instanceof asn1js.Sequence)) return out;
  for (const item of value.valueBlock.value) {
    if (item.idBlock.tagClass !== 3 || !(item instanceof asn1js.Constructed)) continue;
    const inner = item.valueBlock.value[0];
    if (!(inner instanceof asn1js.Sequence)) continue;
    for (const element of inner.valueBlock.value) {
      const der = new Uint8Array(element.toBER(false));
      if (item.idBlock.tagNumber === 0) out.crls.push(der);
      if (item.idBlock.tagNumber === 1) out.ocsps.push(der);
    }
  }
  return out;
}
