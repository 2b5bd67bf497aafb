/**
 * X.509 for signature reports: reading trust anchors, summarising a certificate as report data
 * (names, validity, qualified status from the QcStatements of ETSI EN 319 412-5) and building the
 * path from a signer to a configured trust anchor. PKI.js/asn1js do the ASN.1 and the cryptography
 * (WebCrypto), so this runs in the browser, the Word add-in and Node alike.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { CertificateSummary, QualifiedStatus } from '../domain/signatures';
import type { IsoDateTime } from '../domain/types';

/** OIDs this module reads. */
export const OID = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  organizationIdentifier: '2.5.4.97',
  email: '1.2.840.113549.1.9.1',
  qcStatements: '1.3.6.1.5.5.7.1.3',
  certificatePolicies: '2.5.29.32',
  qcCompliance: '0.4.0.1862.1.1',
  qcSscd: '0.4.0.1862.1.4',
  qcType: '0.4.0.1862.1.6',
  qcTypeEsign: '0.4.0.1862.1.6.1'
} as const;

/** Short names of the name attributes a report shows; the subject's serialNumber is left out on purpose. */
const ATTRIBUTE_NAMES: Readonly<Record<string, string>> = {
  [OID.commonName]: 'CN',
  [OID.surname]: 'SN',
  [OID.givenName]: 'G',
  [OID.country]: 'C',
  [OID.locality]: 'L',
  [OID.organization]: 'O',
  [OID.organizationalUnit]: 'OU',
  [OID.organizationIdentifier]: 'organizationIdentifier',
  [OID.email]: 'E'
};

/** The suffixes the Belgian eID adds to a person's common name per key. */
const EID_SUFFIX = /\s*\((?:signature|authentication)\)\s*$/i;

const toHex = (bytes: ArrayBuffer | Uint8Array): string =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, '0')).join('');

/** A copy as a standalone ArrayBuffer (asn1js reads ArrayBuffers; a Uint8Array may be a view into a larger one). */
export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The DER certificates in a PEM text (`-----BEGIN CERTIFICATE-----` blocks); other blocks are ignored. */
export function certificatesFromPem(pem: string): Uint8Array[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => {
    const base64 = block.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
    const binary = atob(base64);
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  });
}

/** A certificate from DER, or an Error naming what is wrong. */
export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  const asn1 = asn1js.fromBER(arrayBufferOf(der));
  if (asn1.offset === -1) throw new Error('not DER');
  return new pkijs.Certificate({ schema: asn1.result });
}

/** The values of a name's attributes, in order: `[['CN', 'An Peeters'], …]`. */
function nameAttributes(name: pkijs.RelativeDistinguishedNames): Array<[string, string]> {
  return name.typesAndValues.map((attribute) => [attribute.type, String(attribute.value.valueBlock.value ?? '')]);
}

/** A name as report text, without the serialNumber attribute (a national register number on an eID). */
export function nameText(name: pkijs.RelativeDistinguishedNames): string {
  return nameAttributes(name)
    .filter(([type]) => type !== OID.serialNumber)
    .map(([type, value]) => `${ATTRIBUTE_NAMES[type] ?? type}=${value}`)
    .join(', ');
}

const attributeOf = (name: pkijs.RelativeDistinguishedNames, oid: string): string | undefined =>
  nameAttributes(name).find(([type]) => type === oid)?.[1];

/** True when the two names are the same DER (the test of issuer and subject that path building uses). */
export function sameName(a: pkijs.RelativeDistinguishedNames, b: pkijs.RelativeDistinguishedNames): boolean {
  return a.isEqual(b);
}

/** The qualified status the certificate's QcStatements and policies declare. */
export function qualifiedStatusOf(certificate: pkijs.Certificate): QualifiedStatus {
  let qcCompliance = false;
  let qscd = false;
  let qcTypes: string[] | undefined;
  let policies: string[] = [];
  for (const extension of certificate.extensions ?? []) {
    if (extension.extnID === OID.qcStatements) {
      const asn1 = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView);
      const statements = asn1.offset === -1 ? [] : (asn1.result as asn1js.Sequence).valueBlock.value;
      for (const statement of statements) {
        const parts = (statement as asn1js.Sequence).valueBlock.value ?? [];
        const id = parts[0] instanceof asn1js.ObjectIdentifier ? parts[0].valueBlock.toString() : '';
        if (id === OID.qcCompliance) qcCompliance = true;
        if (id === OID.qcSscd) qscd = true;
        if (id === OID.qcType && parts[1] instanceof asn1js.Sequence) {
          qcTypes = parts[1].valueBlock.value.filter((item): item is asn1js.ObjectIdentifier => item instanceof asn1js.ObjectIdentifier).map((item) => item.valueBlock.toString());
        }
      }
    }
    if (extension.extnID === OID.certificatePolicies && extension.parsedValue instanceof pkijs.CertificatePolicies) {
      policies = extension.parsedValue.certificatePolicies.map((policy) => policy.policyIdentifier);
    }
  }
  // EN 319 412-5 §4.2.3: without a QcType statement the certificate is for electronic signatures.
  const esign = qcTypes === undefined || qcTypes.includes(OID.qcTypeEsign);
  return { qcCompliance, qscd, esign, policies, qualified: qcCompliance && qscd && esign };
}

/** SHA-256 of bytes, hex. */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  return toHex(await globalThis.crypto.subtle.digest('SHA-256', bytes instanceof Uint8Array ? bytes.slice() : bytes));
}

/** SHA-256 of a certificate's DER, hex: a stable id that names no person. */
export async function fingerprintOf(certificate: pkijs.Certificate): Promise<string> {
  const der = certificate.toSchema(true).toBER(false);
  return toHex(await globalThis.crypto.subtle.digest('SHA-256', der));
}

/** A certificate as report data. */
export async function summarizeCertificate(certificate: pkijs.Certificate): Promise<CertificateSummary> {
  const commonName = attributeOf(certificate.subject, OID.commonName)?.replace(EID_SUFFIX, '').trim();
  const givenName = attributeOf(certificate.subject, OID.givenName);
  const surname = attributeOf(certificate.subject, OID.surname);
  return {
    subject: nameText(certificate.subject),
    ...(commonName ? { commonName } : {}),
    ...(givenName ? { givenName } : {}),
    ...(surname ? { surname } : {}),
    serialNumber: toHex(certificate.serialNumber.valueBlock.valueHexView),
    issuer: nameText(certificate.issuer),
    notBefore: certificate.notBefore.value.toISOString(),
    notAfter: certificate.notAfter.value.toISOString(),
    fingerprintSha256: await fingerprintOf(certificate),
    qualified: qualifiedStatusOf(certificate)
  };
}

/** True when the certificate was valid at the time. */
export function validAt(certificate: pkijs.Certificate, at: IsoDateTime): boolean {
  const time = new Date(at).getTime();
  return certificate.notBefore.value.getTime() <= time && time <= certificate.notAfter.value.getTime();
}

/** The path from a signer towards a trust anchor. */
export interface CertificatePath {
  readonly chain: 'trusted' | 'untrusted' | 'incomplete';
  /** Signer first; the anchor last when trusted. */
  readonly certificates: readonly pkijs.Certificate[];
  /** Chain members (signer excluded) that were not valid at the time asked. */
  readonly expiredIssuers: readonly string[];
}

/**
 * Results of certificate signature checks, by everything the check reads (the child's signed part,
 * signature algorithm and value, the parent's public key): the same intermediate and root recur in
 * every signature a service or a CLI run verifies, and each check is a WebCrypto round trip.
 */
const issuedByCache = new Map<string, boolean>();
const ISSUED_BY_CACHE_SIZE = 512;

const bytesKey = (bytes: ArrayBuffer | Uint8Array): string => {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let text = '';
  for (let index = 0; index < view.length; index += 4096) text += String.fromCharCode(...view.subarray(index, index + 4096));
  return text;
};

async function issuedBy(child: pkijs.Certificate, parent: pkijs.Certificate): Promise<boolean> {
  if (!sameName(child.issuer, parent.subject)) return false;
  const key = [
    bytesKey(child.tbsView),
    child.signatureAlgorithm.algorithmId,
    bytesKey(child.signatureValue.valueBlock.valueHexView),
    bytesKey(parent.subjectPublicKeyInfo.toSchema().toBER(false))
  ].join('\u0000');
  const known = issuedByCache.get(key);
  if (known !== undefined) return known;
  let result: boolean;
  try {
    result = await child.verify(parent);
  } catch {
    // A key or algorithm WebCrypto cannot use: this parent did not sign it, as far as we can prove.
    result = false;
  }
  if (issuedByCache.size >= ISSUED_BY_CACHE_SIZE) issuedByCache.clear();
  issuedByCache.set(key, result);
  return result;
}

/**
 * True when the certificate may issue certificates: basicConstraints with `cA` (RFC 5280 §4.2.1.9) and,
 * when it has a keyUsage, `keyCertSign` (§4.2.1.3). Without this test anyone holding a certificate under
 * a trusted root (every citizen's eID) could issue a certificate in another person's name.
 */
export function mayIssueCertificates(certificate: pkijs.Certificate): boolean {
  let ca = false;
  let keyCertSign = true;
  for (const extension of certificate.extensions ?? []) {
    if (extension.extnID === '2.5.29.19') {
      const parsed = extension.parsedValue;
      ca = parsed instanceof pkijs.BasicConstraints && parsed.cA === true;
    }
    if (extension.extnID === '2.5.29.15') {
      const asn1 = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView);
      const bits = asn1.offset === -1 || !(asn1.result instanceof asn1js.BitString) ? new Uint8Array() : asn1.result.valueBlock.valueHexView;
      // keyCertSign is bit 5: the third-lowest bit of the first byte.
      keyCertSign = bits.length > 0 && (bits[0] & 0x04) !== 0;
    }
  }
  return ca && keyCertSign;
}

/**
 * Builds the path from the signer through the certificates the signature carries to one of the trust
 * anchors, checking each signature on the way; an issuer must be a CA (`mayIssueCertificates`). `trusted` ends at an anchor; `untrusted` ends at a
 * self-signed certificate that is not an anchor; `incomplete` when an issuer is missing.
 */
export async function buildPath(
  signer: pkijs.Certificate,
  intermediates: readonly pkijs.Certificate[],
  anchors: readonly pkijs.Certificate[],
  at: IsoDateTime
): Promise<CertificatePath> {
  const path: pkijs.Certificate[] = [signer];
  const expiredIssuers: string[] = [];
  let current = signer;
  for (let depth = 0; depth < 10; depth += 1) {
    for (const anchor of anchors) {
      if ((anchor === current || mayIssueCertificates(anchor)) && (await issuedBy(current, anchor))) {
        if (current !== signer || !sameName(signer.subject, anchor.subject)) path.push(anchor);
        if (!validAt(anchor, at)) expiredIssuers.push(nameText(anchor.subject));
        return { chain: 'trusted', certificates: path, expiredIssuers };
      }
    }
    if (sameName(current.subject, current.issuer) && (await issuedBy(current, current))) {
      return { chain: 'untrusted', certificates: path, expiredIssuers };
    }
    let parent: pkijs.Certificate | undefined;
    for (const candidate of intermediates) {
      if (candidate !== current && !path.includes(candidate) && mayIssueCertificates(candidate) && (await issuedBy(current, candidate))) {
        parent = candidate;
        break;
      }
    }
    if (!parent) return { chain: 'incomplete', certificates: path, expiredIssuers };
    if (!validAt(parent, at)) expiredIssuers.push(nameText(parent.subject));
    path.push(parent);
    current = parent;
  }
  return { chain: 'incomplete', certificates: path, expiredIssuers };
}
