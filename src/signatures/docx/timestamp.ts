/**
 * The XAdES SignatureTimeStamp of an XML signature: an RFC 3161 token over the canonical form of the
 * `ds:SignatureValue` element. Valid when the token's CMS signature verifies, its message imprint is
 * the digest of that canonical SignatureValue, and the time-stamping authority's certificate chains
 * to a trust anchor. Only then does its time replace the claimed signing time.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { IsoDateTime } from '../../domain/types';
import { arrayBufferOf, buildPath, nameText, OID } from '../certificates';

const TST_INFO = '1.2.840.113549.1.9.16.1.4';

export interface TimestampResult {
  readonly time: IsoDateTime;
  readonly valid: boolean;
  readonly authority?: string;
}

/** Verifies a time-stamp token (DER ContentInfo) over the given bytes; undefined when it is not a token at all. */
export async function verifyTimestampToken(token: Uint8Array, imprinted: Uint8Array, anchors: readonly pkijs.Certificate[]): Promise<TimestampResult | undefined> {
  const asn1 = asn1js.fromBER(arrayBufferOf(token));
  if (asn1.offset === -1) return undefined;
  let signedData: pkijs.SignedData;
  let info: pkijs.TSTInfo;
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: asn1.result });
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
    if (signedData.encapContentInfo.eContentType !== TST_INFO || !signedData.encapContentInfo.eContent) return undefined;
    info = pkijs.TSTInfo.fromBER(signedData.encapContentInfo.eContent.getValue());
    // PKI.js reads the TSTInfo from a primitive OCTET STRING only; a BER token may chunk it.
    signedData.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: signedData.encapContentInfo.eContent.getValue() });
  } catch {
    return undefined;
  }
  const time = info.genTime.toISOString();
  const certificates = (signedData.certificates ?? []).filter((certificate): certificate is pkijs.Certificate => certificate instanceof pkijs.Certificate);
  let verified = false;
  let tsa: pkijs.Certificate | undefined;
  try {
    // Checks the CMS signature and that the TSTInfo's message imprint is the digest of `imprinted`.
    const result = await signedData.verify({ signer: 0, data: imprinted.slice().buffer, checkChain: false, extendedMode: true });
    verified = result.signatureVerified === true;
    tsa = result.signerCertificate ?? undefined;
  } catch {
    verified = false;
  }
  const authorityName = tsa ? (tsa.subject.typesAndValues.find((attribute) => attribute.type === OID.commonName)?.value.valueBlock.value as string | undefined) ?? nameText(tsa.subject) : undefined;
  if (!verified || !tsa) return { time, valid: false, ...(authorityName ? { authority: authorityName } : {}) };
  const path = await buildPath(
    tsa,
    certificates.filter((certificate) => certificate !== tsa),
    anchors,
    time
  );
  return { time, valid: path.chain === 'trusted', ...(authorityName ? { authority: authorityName } : {}) };
}
