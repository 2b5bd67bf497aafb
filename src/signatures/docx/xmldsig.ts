/**
 * The XML-DSig pieces an Office package signature uses: algorithm URIs, digests, the OPC
 * Relationship transform (ECMA-376 Part 2 §13.2.4.24) and the signature value check with
 * WebCrypto (RSA PKCS#1 v1.5 and ECDSA over the canonical SignedInfo).
 */
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import type { Document } from '@xmldom/xmldom';
import { escapeAttribute } from './c14n';
import { childElements, NS } from './package';

export const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const MDSSI_NS = 'http://schemas.openxmlformats.org/package/2006/digital-signature';
export const XADES_NS = 'http://uri.etsi.org/01903/v1.3.2#';
export const XADES141_NS = 'http://uri.etsi.org/01903/v1.4.1#';
export const RELATIONSHIP_TRANSFORM = 'http://schemas.openxmlformats.org/package/2006/RelationshipTransform';

/** Digest method URI → WebCrypto hash name. */
export const DIGEST_METHODS: Readonly<Record<string, string>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'SHA-1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'SHA-256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'SHA-384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'SHA-512'
};

/** Signature method URI → key type and hash. */
export const SIGNATURE_METHODS: Readonly<Record<string, { readonly key: 'RSA' | 'ECDSA'; readonly hash: string }>> = {
  'http://www.w3.org/2000/09/xmldsig#rsa-sha1': { key: 'RSA', hash: 'SHA-1' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256': { key: 'RSA', hash: 'SHA-256' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha384': { key: 'RSA', hash: 'SHA-384' },
  'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512': { key: 'RSA', hash: 'SHA-512' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1': { key: 'ECDSA', hash: 'SHA-1' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256': { key: 'ECDSA', hash: 'SHA-256' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384': { key: 'ECDSA', hash: 'SHA-384' },
  'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512': { key: 'ECDSA', hash: 'SHA-512' }
};

/** Base64 text (whitespace allowed) to bytes; throws on anything else. */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) throw new Error('not base64');
  const binary = atob(clean);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function digest(hash: string, data: Uint8Array | string): Promise<Uint8Array> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return new Uint8Array(await globalThis.crypto.subtle.digest(hash, bytes));
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a[i] ^ b[i];
  return difference === 0;
}

/** The parameters of a Relationship transform: the selected relationship ids and types. */
export interface RelationshipSelection {
  readonly sourceIds: readonly string[];
  readonly sourceTypes: readonly string[];
}

/**
 * The OPC Relationship transform followed by C14N, as one string: the Relationship elements the
 * transform selects (by Id or Type), only their Id, Target, TargetMode (Internal when absent) and
 * Type attributes, sorted by Id (ordinal), nothing between them, in the relationships namespace.
 * Written in canonical form directly (attributes already in C14N order: Id, Target, TargetMode, Type).
 */
export function relationshipTransform(relationships: Document, selection: RelationshipSelection): string {
  const ids = new Set(selection.sourceIds);
  const types = new Set(selection.sourceTypes);
  const selected = childElements(relationships.documentElement!, NS.relationships, 'Relationship')
    .map((element) => ({
      id: element.getAttribute('Id') ?? '',
      target: element.getAttribute('Target') ?? '',
      targetMode: element.getAttribute('TargetMode') || 'Internal',
      type: element.getAttribute('Type') ?? ''
    }))
    .filter((relationship) => ids.has(relationship.id) || types.has(relationship.type))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const items = selected.map(
    (relationship) =>
      `<Relationship Id="${escapeAttribute(relationship.id)}" Target="${escapeAttribute(relationship.target)}" TargetMode="${escapeAttribute(relationship.targetMode)}" Type="${escapeAttribute(relationship.type)}"></Relationship>`
  );
  return `<Relationships xmlns="${NS.relationships}">${items.join('')}</Relationships>`;
}

const CURVES: Readonly<Record<string, string>> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521'
};
const CURVE_BYTES: Readonly<Record<string, number>> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

/** A DER ECDSA-Sig-Value (some producers write it) as the raw r||s XML-DSig and WebCrypto use. */
function ecdsaRawFromDer(signature: Uint8Array, size: number): Uint8Array | undefined {
  const asn1 = asn1js.fromBER(signature.slice().buffer);
  if (asn1.offset === -1 || !(asn1.result instanceof asn1js.Sequence)) return undefined;
  const [r, s] = asn1.result.valueBlock.value;
  if (!(r instanceof asn1js.Integer) || !(s instanceof asn1js.Integer)) return undefined;
  const out = new Uint8Array(size * 2);
  const place = (value: Uint8Array, offset: number): void => {
    const trimmed = value[0] === 0 ? value.subarray(1) : value;
    out.set(trimmed.subarray(Math.max(0, trimmed.length - size)), offset + size - Math.min(size, trimmed.length));
  };
  place(r.valueBlock.valueHexView, 0);
  place(s.valueBlock.valueHexView, size);
  return out;
}

const DIGEST_OIDS: Readonly<Record<string, string>> = {
  'SHA-1': '1.3.14.3.2.26',
  'SHA-256': '2.16.840.1.101.3.4.2.1',
  'SHA-384': '2.16.840.1.101.3.4.2.2',
  'SHA-512': '2.16.840.1.101.3.4.2.3'
};

// BigInt() calls rather than literals: the web part build targets ES2017.
const ZERO = BigInt(0);
const ONE = BigInt(1);
const bigIntOf = (bytes: Uint8Array): bigint => BigInt(`0x${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('') || '0'}`);

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = ONE;
  let b = base % modulus;
  for (let e = exponent; e > ZERO; e >>= ONE) {
    if ((e & ONE) === ONE) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

/**
 * RSA PKCS#1 v1.5 with a DigestInfo whose AlgorithmIdentifier has no NULL parameters, which Office
 * 2007 wrote (RFC 8017 §9.2 note 1 lets verifiers accept it; WebCrypto does not). The signature is
 * opened with the public key and compared with the exact expected encoding of the data's digest.
 */
async function rsaDigestInfoWithoutNull(certificate: pkijs.Certificate, hash: string, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  const asn1 = asn1js.fromBER(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView.slice().buffer);
  if (asn1.offset === -1 || !(asn1.result instanceof asn1js.Sequence)) return false;
  const [modulusBlock, exponentBlock] = asn1.result.valueBlock.value;
  if (!(modulusBlock instanceof asn1js.Integer) || !(exponentBlock instanceof asn1js.Integer)) return false;
  const modulus = bigIntOf(modulusBlock.valueBlock.valueHexView);
  const size = Math.ceil(modulus.toString(16).length / 2);
  if (signature.length !== size) return false;
  const opened = modPow(bigIntOf(signature), bigIntOf(exponentBlock.valueBlock.valueHexView), modulus);
  const hashed = await digest(hash, data);
  const digestInfo = new Uint8Array(
    new asn1js.Sequence({
      value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: DIGEST_OIDS[hash] })] }), new asn1js.OctetString({ valueHex: hashed.slice().buffer })]
    }).toBER(false)
  );
  const expected = new Uint8Array(size);
  expected[1] = 0x01;
  expected.fill(0xff, 2, size - digestInfo.length - 1);
  expected.set(digestInfo, size - digestInfo.length);
  const hex = opened.toString(16).padStart(size * 2, '0');
  const openedBytes = Uint8Array.from({ length: size }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  return size - digestInfo.length - 1 >= 10 && sameBytes(openedBytes, expected);
}

/** Why a signature value could not be checked (as opposed to: checked and wrong). */
export class UnsupportedAlgorithmError extends Error {
  public constructor(public readonly algorithm: string) {
    super(`unsupported algorithm ${algorithm}`);
    this.name = 'UnsupportedAlgorithmError';
  }
}

/** True when the signature value verifies over the data with the certificate's public key. */
export async function verifySignatureValue(certificate: pkijs.Certificate, methodUri: string, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  const method = SIGNATURE_METHODS[methodUri];
  if (!method) throw new UnsupportedAlgorithmError(methodUri);
  const spki = certificate.subjectPublicKeyInfo.toSchema().toBER(false);
  const keyOid = certificate.subjectPublicKeyInfo.algorithm.algorithmId;
  const subtle = globalThis.crypto.subtle;
  if (method.key === 'RSA') {
    if (keyOid !== '1.2.840.113549.1.1.1') return false;
    const key = await subtle.importKey('spki', spki, { name: 'RSASSA-PKCS1-v1_5', hash: method.hash }, false, ['verify']);
    if (await subtle.verify('RSASSA-PKCS1-v1_5', key, signature, data)) return true;
    return rsaDigestInfoWithoutNull(certificate, method.hash, signature, data);
  }
  if (keyOid !== '1.2.840.10045.2.1') return false;
  const parameters = certificate.subjectPublicKeyInfo.algorithm.algorithmParams;
  const curve = parameters instanceof asn1js.ObjectIdentifier ? CURVES[parameters.valueBlock.toString()] : undefined;
  if (!curve) throw new UnsupportedAlgorithmError('EC curve');
  const key = await subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: curve }, false, ['verify']);
  const size = CURVE_BYTES[curve];
  const raw = signature.length === size * 2 ? signature : ecdsaRawFromDer(signature, size);
  if (!raw) return false;
  return subtle.verify({ name: 'ECDSA', hash: method.hash }, key, raw, data);
}
