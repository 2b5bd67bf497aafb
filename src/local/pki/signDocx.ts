/**
 * Signs a .docx the way Word does (Office 2016 "Sign" with a certificate; ECMA-376 Part 2 §13,
 * [MS-OFFCRYPTO] §2.5), for the demo tenant and the tests: the origin part `_xmlsignatures/origin.sigs`
 * with its relationship from the package, `_xmlsignatures/sigN.xml` related from the origin, their
 * content types, and an XML-DSig signature whose SignedInfo references
 *   - `#idPackageObject`: a Manifest of every signed part (parts' bytes as stored; relationship parts
 *     through the OPC Relationship transform selecting the signed relationships, then C14N) and the
 *     mdssi SignatureTime;
 *   - `#idOfficeObject`: SignatureInfoV1 as Office 16 writes it;
 *   - `#idSignedProperties`: XAdES SigningTime and SigningCertificate (C14N transform).
 * The element order and namespace placement follow Word's output (test/fixtures/signatures/
 * word2010-sig1.structure.xml is a Word 2010 signature with its values blanked; a test compares). Office leaves document
 * metadata (core/app/custom properties, thumbnail, custom XML properties) out of the manifest; so does
 * this signer.
 *
 * The canonical forms it digests are written out here as strings (the inherited dsig namespace added
 * to the apex, empty elements expanded), independently of the verifier's canonicalizer, so that a test
 * proves the two agree rather than one function agreeing with itself.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { nameText } from '../../signatures/certificates';
import type { IssuedCertificate } from './demoPki';
import { createTimestampToken } from './validationData';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const MDSSI = 'http://schemas.openxmlformats.org/package/2006/digital-signature';
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
const DIGSIG = 'http://schemas.microsoft.com/office/2006/digsig';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const RELATIONSHIP_TRANSFORM = 'http://schemas.openxmlformats.org/package/2006/RelationshipTransform';
const ORIGIN_TYPE = 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin';
const SIGNATURE_TYPE = 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature';
const ORIGIN_CONTENT_TYPE = 'application/vnd.openxmlformats-package.digital-signature-origin';
const SIGNATURE_CONTENT_TYPE = 'application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml';
const RELS_CONTENT_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';

/** Relationship types Office does not sign (metadata, thumbnail, custom XML properties, signatures). */
const UNSIGNED_TYPES = new Set([
  'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties',
  'http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps',
  ORIGIN_TYPE,
  SIGNATURE_TYPE
]);

const DIGESTS = {
  'SHA-256': 'http://www.w3.org/2001/04/xmlenc#sha256',
  'SHA-1': 'http://www.w3.org/2000/09/xmldsig#sha1'
} as const;

/** How to sign. */
export interface SignDocxOptions {
  readonly signer: IssuedCertificate;
  /** Certificates carried in KeyInfo after the signer's (Word carries the signer's only; tests add the intermediate). */
  readonly chain?: readonly IssuedCertificate[];
  readonly signingTime: Date;
  /** Digest of the references (Office 2010+: SHA-256; Office 2007: SHA-1 with rsa-sha1). */
  readonly digest?: 'SHA-256' | 'SHA-1';
  /** `word`: one line, as Word writes; `pretty`: whitespace between elements (still signed as written). */
  readonly layout?: 'word' | 'pretty';
  /** The signer's comment in SignatureInfoV1 ("Purpose for signing this document"). */
  readonly comment?: string;
  /**
   * XAdES unsigned properties as Word writes them for XAdES-T / XAdES-X-L: a signature time-stamp
   * over the canonical SignatureValue by this authority, and the chain certificates and revocation
   * values (DER OCSPResponse / CRL) fetched after signing.
   */
  readonly unsigned?: {
    readonly timestampAuthority?: IssuedCertificate;
    readonly timestampTime?: Date;
    readonly certificates?: readonly IssuedCertificate[];
    readonly ocsp?: readonly Uint8Array[];
    readonly crls?: readonly Uint8Array[];
  };
}

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

const base64 = (bytes: Uint8Array): string => {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

async function hashBase64(hash: string, data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? strToU8(data) : data;
  return base64(new Uint8Array(await globalThis.crypto.subtle.digest(hash, bytes)));
}

/** `<a x="1"/>` → `<a x="1"></a>` (our own markup only: no `>` inside attribute values). */
const expandEmpty = (xml: string): string => xml.replace(/<([A-Za-z_][\w:.-]*)([^<>]*?)\/>/g, '<$1$2></$1>');

/** The canonical form of an element written by this module: its apex gets the inherited namespace declarations. */
function canonicalOf(written: string, inherited: string): string {
  const expanded = expandEmpty(written);
  return expanded.replace(/^<([\w:]+)/, `<$1 ${inherited}`);
}

/** Whitespace between elements, as a pretty-printing producer writes it. */
const pretty = (xml: string, layout: 'word' | 'pretty'): string => (layout === 'pretty' ? xml.replace(/></g, '>\n  <') : xml);

function relationshipsIn(xml: string): Array<{ id: string; type: string; target: string; targetMode: string }> {
  const document = new DOMParser().parseFromString(xml, 'text/xml');
  const out: Array<{ id: string; type: string; target: string; targetMode: string }> = [];
  const list = document.getElementsByTagNameNS(RELS_NS, 'Relationship');
  for (let i = 0; i < list.length; i += 1) {
    const element = list.item(i) as Element;
    out.push({
      id: element.getAttribute('Id') ?? '',
      type: element.getAttribute('Type') ?? '',
      target: element.getAttribute('Target') ?? '',
      targetMode: element.getAttribute('TargetMode') || 'Internal'
    });
  }
  return out;
}

function resolve(source: string, target: string): string {
  const segments = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of target.replace(/^\//, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

const sourceOf = (relsName: string): string => relsName.replace(/(^|\/)_rels\/([^/]*)\.rels$/, '$1$2');

function contentTypeOf(types: string, name: string): string {
  const override = new RegExp(`<Override[^>]*PartName="/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*ContentType="([^"]*)"`, 'i').exec(types)
    ?? new RegExp(`<Override[^>]*ContentType="([^"]*)"[^>]*PartName="/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'i').exec(types);
  if (override) return override[1];
  const extension = name.slice(name.lastIndexOf('.') + 1);
  const fallback = new RegExp(`<Default[^>]*Extension="${extension}"[^>]*ContentType="([^"]*)"`, 'i').exec(types)
    ?? new RegExp(`<Default[^>]*ContentType="([^"]*)"[^>]*Extension="${extension}"`, 'i').exec(types);
  if (!fallback) throw new Error(`signDocx: no content type for ${name}`);
  return fallback[1];
}

/** Adds a relationship to relationships XML, with the next free rId. */
function addRelationship(xml: string | undefined, type: string, target: string): string {
  const base = xml ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}"></Relationships>`;
  const used = new Set(relationshipsIn(base).map((relationship) => relationship.id));
  let n = 1;
  while (used.has(`rId${n}`)) n += 1;
  const element = `<Relationship Id="rId${n}" Type="${type}" Target="${target}"/>`;
  return /<Relationships([^>]*)\/>/.test(base) ? base.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${element}</Relationships>`) : base.replace('</Relationships>', `${element}</Relationships>`);
}

/** Signs the .docx and returns the signed package (earlier signatures stay; this one is added as the next sigN.xml). */
export async function signDocx(docx: Uint8Array, options: SignDocxOptions): Promise<Uint8Array> {
  const hash = options.digest ?? 'SHA-256';
  const digestUri = DIGESTS[hash];
  const layout = options.layout ?? 'word';
  const files = unzipSync(docx);
  const time = options.signingTime.toISOString().replace(/\.\d{3}Z$/, 'Z');

  // The package parts for the signature: origin, its relationship, content types.
  let types = strFromU8(files['[Content_Types].xml']);
  if (!/Extension="sigs"/.test(types)) types = types.replace('</Types>', `<Default Extension="sigs" ContentType="${ORIGIN_CONTENT_TYPE}"/></Types>`);
  const rootRels = strFromU8(files['_rels/.rels']);
  if (!relationshipsIn(rootRels).some((relationship) => relationship.type === ORIGIN_TYPE)) {
    files['_rels/.rels'] = strToU8(addRelationship(rootRels, ORIGIN_TYPE, '_xmlsignatures/origin.sigs'));
  }
  if (!files['_xmlsignatures/origin.sigs']) files['_xmlsignatures/origin.sigs'] = new Uint8Array(0);
  let number = 1;
  while (files[`_xmlsignatures/sig${number}.xml`]) number += 1;
  const signaturePart = `_xmlsignatures/sig${number}.xml`;
  const originRels = files['_xmlsignatures/_rels/origin.sigs.rels'] ? strFromU8(files['_xmlsignatures/_rels/origin.sigs.rels']) : undefined;
  files['_xmlsignatures/_rels/origin.sigs.rels'] = strToU8(addRelationship(originRels, SIGNATURE_TYPE, `sig${number}.xml`));
  types = types.replace('</Types>', `<Override PartName="/${signaturePart}" ContentType="${SIGNATURE_CONTENT_TYPE}"/></Types>`);
  files['[Content_Types].xml'] = strToU8(types);

  // The parts Office leaves unsigned: targets of unsigned relationship types only.
  const unsignedParts = new Set<string>();
  const relsNames = Object.keys(files).filter((name) => /(^|\/)_rels\/[^/]*\.rels$/.test(name) && !name.startsWith('_xmlsignatures/'));
  for (const relsName of relsNames) {
    for (const relationship of relationshipsIn(strFromU8(files[relsName]))) {
      if (relationship.targetMode === 'Internal' && UNSIGNED_TYPES.has(relationship.type)) unsignedParts.add(resolve(sourceOf(relsName), relationship.target));
    }
  }

  // The manifest, sorted by URI as Office writes it.
  const references: Array<{ uri: string; xml: string }> = [];
  for (const name of Object.keys(files)) {
    if (name.endsWith('/') || name === '[Content_Types].xml' || name.startsWith('_xmlsignatures/') || unsignedParts.has(name)) continue;
    if (relsNames.includes(name)) {
      const signed = relationshipsIn(strFromU8(files[name])).filter((relationship) => !UNSIGNED_TYPES.has(relationship.type));
      const selected = [...signed].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const canonical = `<Relationships xmlns="${RELS_NS}">${selected
        .map(
          (relationship) =>
            `<Relationship Id="${escapeAttr(relationship.id)}" Target="${escapeAttr(relationship.target)}" TargetMode="${relationship.targetMode}" Type="${escapeAttr(relationship.type)}"></Relationship>`
        )
        .join('')}</Relationships>`;
      const uri = `/${name}?ContentType=${RELS_CONTENT_TYPE}`;
      const sourceIds = signed.map((relationship) => `<mdssi:RelationshipReference SourceId="${escapeAttr(relationship.id)}"/>`).join('');
      references.push({
        uri,
        xml: `<Reference URI="${escapeAttr(uri)}"><Transforms><Transform Algorithm="${RELATIONSHIP_TRANSFORM}">${sourceIds}</Transform><Transform Algorithm="${C14N}"/></Transforms><DigestMethod Algorithm="${digestUri}"/><DigestValue>${await hashBase64(hash, canonical)}</DigestValue></Reference>`
      });
    } else {
      const uri = `/${name}?ContentType=${contentTypeOf(types, name)}`;
      references.push({
        uri,
        xml: `<Reference URI="${escapeAttr(uri)}"><DigestMethod Algorithm="${digestUri}"/><DigestValue>${await hashBase64(hash, files[name])}</DigestValue></Reference>`
      });
    }
  }
  references.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));

  const packageObject = pretty(
    `<Object xmlns:mdssi="${MDSSI}" Id="idPackageObject"><Manifest>${references.map((reference) => reference.xml).join('')}</Manifest>` +
      `<SignatureProperties><SignatureProperty Id="idSignatureTime" Target="#idPackageSignature"><mdssi:SignatureTime><mdssi:Format>YYYY-MM-DDThh:mm:ssTZD</mdssi:Format><mdssi:Value>${time}</mdssi:Value></mdssi:SignatureTime></SignatureProperty></SignatureProperties></Object>`,
    layout
  );
  const officeObject = pretty(
    `<Object Id="idOfficeObject"><SignatureProperties><SignatureProperty Id="idOfficeV1Details" Target="#idPackageSignature"><SignatureInfoV1 xmlns="${DIGSIG}">` +
      `<SetupID/><SignatureText/><SignatureImage/><SignatureComments>${escapeText(options.comment ?? '')}</SignatureComments><WindowsVersion>10.0</WindowsVersion><OfficeVersion>16.0.17531/26</OfficeVersion><ApplicationVersion>16.0.17531</ApplicationVersion><Monitors>1</Monitors><HorizontalResolution>1920</HorizontalResolution><VerticalResolution>1080</VerticalResolution><ColorDepth>32</ColorDepth><SignatureProviderId>{00000000-0000-0000-0000-000000000000}</SignatureProviderId><SignatureProviderUrl/><SignatureProviderDetails>9</SignatureProviderDetails><ManifestHashAlgorithm>${digestUri}</ManifestHashAlgorithm><SignatureType>1</SignatureType>` +
      `</SignatureInfoV1></SignatureProperty></SignatureProperties></Object>`,
    layout
  );
  const certificate = options.signer.certificate;
  const serialDecimal = BigInt(`0x${Array.from(certificate.serialNumber.valueBlock.valueHexView, (byte) => byte.toString(16).padStart(2, '0')).join('') || '0'}`).toString();
  const signedProperties = pretty(
    `<xd:SignedProperties Id="idSignedProperties"><xd:SignedSignatureProperties><xd:SigningTime>${time}</xd:SigningTime><xd:SigningCertificate><xd:Cert><xd:CertDigest><DigestMethod Algorithm="${digestUri}"/><DigestValue>${await hashBase64(hash, options.signer.der)}</DigestValue></xd:CertDigest><xd:IssuerSerial><X509IssuerName>${escapeText(nameText(certificate.issuer))}</X509IssuerName><X509SerialNumber>${serialDecimal}</X509SerialNumber></xd:IssuerSerial></xd:Cert></xd:SigningCertificate><xd:SignaturePolicyIdentifier><xd:SignaturePolicyImplied/></xd:SignaturePolicyIdentifier></xd:SignedSignatureProperties>` +
      `<xd:SignedDataObjectProperties><xd:CommitmentTypeIndication><xd:CommitmentTypeId><xd:Identifier>http://uri.etsi.org/01903/v1.2.2#ProofOfApproval</xd:Identifier><xd:Description>Approved this document</xd:Description></xd:CommitmentTypeId><xd:AllSignedDataObjects/><xd:CommitmentTypeQualifiers><xd:CommitmentTypeQualifier>${escapeText(options.comment ?? '')}</xd:CommitmentTypeQualifier></xd:CommitmentTypeQualifiers></xd:CommitmentTypeIndication></xd:SignedDataObjectProperties></xd:SignedProperties>`,
    layout
  );

  const rsa = options.signer.privateKey.algorithm.name === 'RSASSA-PKCS1-v1_5';
  const signatureMethod = rsa
    ? hash === 'SHA-1'
      ? 'http://www.w3.org/2000/09/xmldsig#rsa-sha1'
      : 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'
    : 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256';
  const objectType = 'http://www.w3.org/2000/09/xmldsig#Object';
  const signedInfo = pretty(
    `<SignedInfo><CanonicalizationMethod Algorithm="${C14N}"/><SignatureMethod Algorithm="${signatureMethod}"/>` +
      `<Reference Type="${objectType}" URI="#idPackageObject"><DigestMethod Algorithm="${digestUri}"/><DigestValue>${await hashBase64(hash, canonicalOf(packageObject, `xmlns="${DSIG}"`))}</DigestValue></Reference>` +
      `<Reference Type="${objectType}" URI="#idOfficeObject"><DigestMethod Algorithm="${digestUri}"/><DigestValue>${await hashBase64(hash, canonicalOf(officeObject, `xmlns="${DSIG}"`))}</DigestValue></Reference>` +
      `<Reference Type="http://uri.etsi.org/01903#SignedProperties" URI="#idSignedProperties"><Transforms><Transform Algorithm="${C14N}"/></Transforms><DigestMethod Algorithm="${digestUri}"/><DigestValue>${await hashBase64(hash, canonicalOf(signedProperties, `xmlns="${DSIG}" xmlns:xd="${XADES}"`))}</DigestValue></Reference>` +
      `</SignedInfo>`,
    layout
  );
  // The ECDSA key of the demo PKI signs with SHA-256 whatever the reference digest.
  const algorithm = rsa ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: 'SHA-256' };
  const signatureValue = new Uint8Array(await globalThis.crypto.subtle.sign(algorithm, await keyFor(options.signer, hash), strToU8(canonicalOf(signedInfo, `xmlns="${DSIG}"`))));
  const xadesObject = `<Object><xd:QualifyingProperties xmlns:xd="${XADES}" Target="#idPackageSignature">${signedProperties}${await unsignedProperties(base64(signatureValue), options)}</xd:QualifyingProperties></Object>`;
  const certificates = [options.signer, ...(options.chain ?? [])].map((issued) => `<X509Certificate>${base64(issued.der)}</X509Certificate>`).join('');
  const signature =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Signature xmlns="${DSIG}" Id="idPackageSignature">${signedInfo}<SignatureValue>${base64(signatureValue)}</SignatureValue>` +
    `<KeyInfo><X509Data>${certificates}</X509Data></KeyInfo>${packageObject}${officeObject}${xadesObject}</Signature>`;
  files[signaturePart] = strToU8(signature);
  return zipSync(files, { mtime: new Date('2026-01-01T00:00:00Z') });
}

/** `xd:UnsignedProperties` (XAdES-T/X-L) or nothing. */
async function unsignedProperties(signatureValue: string, options: SignDocxOptions): Promise<string> {
  const unsigned = options.unsigned;
  if (!unsigned) return '';
  const parts: string[] = [];
  if (unsigned.timestampAuthority) {
    // The time-stamp covers the canonical ds:SignatureValue element (it inherits the dsig default namespace).
    const token = await createTimestampToken(strToU8(`<SignatureValue xmlns="${DSIG}">${signatureValue}</SignatureValue>`), unsigned.timestampAuthority, unsigned.timestampTime ?? options.signingTime);
    parts.push(`<xd:SignatureTimeStamp><CanonicalizationMethod Algorithm="${C14N}"/><xd:EncapsulatedTimeStamp>${base64(token)}</xd:EncapsulatedTimeStamp></xd:SignatureTimeStamp>`);
  }
  if (unsigned.certificates?.length) {
    parts.push(`<xd:CertificateValues>${unsigned.certificates.map((issued) => `<xd:EncapsulatedX509Certificate>${base64(issued.der)}</xd:EncapsulatedX509Certificate>`).join('')}</xd:CertificateValues>`);
  }
  if (unsigned.ocsp?.length || unsigned.crls?.length) {
    const ocsp = unsigned.ocsp?.length ? `<xd:OCSPValues>${unsigned.ocsp.map((der) => `<xd:EncapsulatedOCSPValue>${base64(der)}</xd:EncapsulatedOCSPValue>`).join('')}</xd:OCSPValues>` : '';
    const crls = unsigned.crls?.length ? `<xd:CRLValues>${unsigned.crls.map((der) => `<xd:EncapsulatedCRLValue>${base64(der)}</xd:EncapsulatedCRLValue>`).join('')}</xd:CRLValues>` : '';
    parts.push(`<xd:RevocationValues>${ocsp}${crls}</xd:RevocationValues>`);
  }
  return `<xd:UnsignedProperties><xd:UnsignedSignatureProperties>${parts.join('')}</xd:UnsignedSignatureProperties></xd:UnsignedProperties>`;
}

/** The signing key for the hash: the demo RSA keys are generated for SHA-256, so rsa-sha1 (Office 2007 files) re-imports the key for SHA-1. */
async function keyFor(signer: IssuedCertificate, hash: 'SHA-256' | 'SHA-1'): Promise<CryptoKey> {
  if (hash === 'SHA-256' || signer.privateKey.algorithm.name !== 'RSASSA-PKCS1-v1_5') return signer.privateKey;
  const pkcs8 = await globalThis.crypto.subtle.exportKey('pkcs8', signer.privateKey);
  return globalThis.crypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }, false, ['sign']);
}
