/**
 * Verification of the digital signatures of an Office Open XML package (.docx), as Word writes them
 * (ECMA-376 Part 2 §13, [MS-OFFCRYPTO] §2.5): the origin part `_xmlsignatures/origin.sigs`, its
 * relationships to `_xmlsignatures/sig*.xml`, each an XML-DSig `Signature` whose SignedInfo
 * references the package object (a Manifest of package parts), the Office object (SignatureInfoV1)
 * and the XAdES SignedProperties (SigningTime, SigningCertificate). One SignatureReport per
 * signature part, the same data the PDF verifier gives. Pure: WebCrypto, PKI.js, @xmldom/xmldom,
 * fflate. Decisions: docs/decisions/signatures.md ("Office signatures (.docx)").
 */
import type { Document, Element } from '@xmldom/xmldom';
import type * as pkijs from 'pkijs';
import type { DocumentSignatureReport, SignatureProblem, SignatureReport } from '../../domain/signatures';
import type { IsoDateTime } from '../../domain/types';
import { buildPath, fingerprintOf, nameText, parseCertificate, summarizeCertificate, sha256Hex, validAt } from '../certificates';
import { C14N, c14nModeOf, canonicalize } from './c14n';
import type { C14nMode } from './c14n';
import {
  CONTENT_TYPE,
  childElements,
  DOCX_SIGNATURE_LIMITS,
  PackageReadError,
  parseXml,
  readPackage,
  RELATIONSHIP_TYPE,
  relationshipsPartName,
  sourceOfRelationshipsPart,
  XmlPartError,
  xmlText
} from './package';
import type { OpcPackage } from './package';
import { revocationFromValues } from './revocation';
import { verifyTimestampToken } from './timestamp';
import type { TimestampResult } from './timestamp';
import {
  base64ToBytes,
  digest,
  DIGEST_METHODS,
  DSIG_NS,
  MDSSI_NS,
  RELATIONSHIP_TRANSFORM,
  relationshipTransform,
  sameBytes,
  UnsupportedAlgorithmError,
  verifySignatureValue,
  XADES141_NS,
  XADES_NS
} from './xmldsig';

/** What the verifier needs: trust anchors (DER), the time asked for (`--at`), the current time. */
export interface DocxVerifyOptions {
  readonly trustAnchors: readonly Uint8Array[];
  /** Certificates a path may pass through (see `VerifyOptions.intermediates`). */
  readonly intermediates?: readonly Uint8Array[];
  readonly at?: IsoDateTime;
  readonly now: IsoDateTime;
}

/**
 * Relationship types whose targets Office leaves out of a signature on purpose (document metadata,
 * thumbnails, custom XML properties, the signatures themselves): neither the part nor the
 * relationship being outside the manifest is a modification.
 */
const UNSIGNED_RELATIONSHIP_TYPES = new Set([
  'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/metadata/core-properties',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties',
  'http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/metadata/thumbnail',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps',
  RELATIONSHIP_TYPE.signatureOrigin,
  RELATIONSHIP_TYPE.signature
]);

/**
 * Custom XML data parts: Word 2010 and later leave them out of the manifest (real Word files show it),
 * so they count as unsigned metadata, unless a signed part binds content controls to them
 * (`w:dataBinding`): then the custom XML is what those controls show, and a part outside the
 * signature is a modification.
 */
const CUSTOM_XML_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';

const SIGNATURE_CONTENT_TYPES = new Set<string>([CONTENT_TYPE.signature, CONTENT_TYPE.signatureOrigin, CONTENT_TYPE.relationships]);

/** A signature part that cannot be read as an XML signature. */
class MalformedSignature extends Error {
  public constructor(public readonly reason: string) {
    super(reason);
    this.name = 'MalformedSignature';
  }
}

const firstChild = (parent: Element, namespace: string, localName: string): Element | undefined => childElements(parent, namespace, localName)[0];

const textOf = (element: Element | undefined): string => (element?.textContent ?? '').trim();

/** All descendants (and the element itself) with the local name in one of the namespaces. */
function descendants(root: Element, namespaces: readonly string[], localName: string): Element[] {
  const out: Element[] = [];
  const visit = (element: Element): void => {
    if (element.localName === localName && namespaces.includes(element.namespaceURI ?? '')) out.push(element);
    for (const child of childElements(element)) visit(child);
  };
  visit(root);
  return out;
}

/** Elements by their `Id` attribute; a duplicate Id makes references ambiguous (signature wrapping). */
function elementsById(root: Element): Map<string, Element> {
  const ids = new Map<string, Element>();
  const visit = (element: Element): void => {
    const id = element.getAttribute('Id');
    if (id) {
      if (ids.has(id)) throw new MalformedSignature(`duplicate Id ${id}`);
      ids.set(id, element);
    }
    for (const child of childElements(element)) visit(child);
  };
  visit(root);
  return ids;
}

/** The canonicalization a Transforms list asks for (the last C14N transform), or an unsupported transform's URI. */
function transformMode(transforms: readonly Element[]): { mode: C14nMode } | { unsupported: string } {
  let mode: C14nMode = { exclusive: false };
  for (const transform of transforms) {
    const algorithm = transform.getAttribute('Algorithm') ?? '';
    const prefixes = childElements(transform)
      .filter((child) => child.localName === 'InclusiveNamespaces')
      .flatMap((child) => (child.getAttribute('PrefixList') ?? '').split(/\s+/).filter(Boolean));
    const next = c14nModeOf(algorithm, prefixes);
    if (!next) return { unsupported: algorithm };
    mode = next;
  }
  return { mode };
}

/** An ISO date-time from an XML date-time text, or undefined. */
function isoTime(text: string): IsoDateTime | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

interface Coverage {
  /** Lower-case part names the manifest references. */
  readonly parts: Set<string>;
  /** Per covered relationships part (lower case): the selected ids and types. */
  readonly relationships: Map<string, { readonly ids: Set<string>; readonly types: Set<string> }>;
}

interface ManifestCheck {
  readonly failures: SignatureProblem[];
  readonly unsupported: SignatureProblem[];
}

/** Checks every Reference of a package Manifest against the parts as stored. */
async function checkManifest(pkg: OpcPackage, manifest: Element, coverage: Coverage): Promise<ManifestCheck> {
  const failures: SignatureProblem[] = [];
  const unsupported: SignatureProblem[] = [];
  for (const reference of childElements(manifest, DSIG_NS, 'Reference')) {
    const uri = reference.getAttribute('URI') ?? '';
    const [path, query = ''] = uri.split('?');
    let partName: string;
    try {
      partName = decodeURIComponent(path).replace(/^\//, '');
    } catch {
      partName = path.replace(/^\//, '');
    }
    const fail = (reason: string): void => {
      failures.push({ code: 'digestMismatch', severity: 'blocking', params: { reference: partName || uri, reason } });
    };
    const stored = pkg.resolve(partName);
    const bytes = stored === undefined ? undefined : pkg.part(stored);
    if (stored === undefined || bytes === undefined) {
      fail('missing');
      continue;
    }
    coverage.parts.add(stored.toLowerCase());
    const declaredType = /(?:^|&)ContentType=([^&]*)/.exec(query)?.[1];
    const actualType = pkg.contentType(stored);
    if (declaredType !== undefined && actualType !== undefined && declaredType.toLowerCase() !== actualType.toLowerCase()) {
      fail('contentType');
      continue;
    }
    const hash = DIGEST_METHODS[firstChild(reference, DSIG_NS, 'DigestMethod')?.getAttribute('Algorithm') ?? ''];
    if (!hash) {
      unsupported.push({ code: 'unsupported', severity: 'blocking', params: { name: firstChild(reference, DSIG_NS, 'DigestMethod')?.getAttribute('Algorithm') ?? 'DigestMethod' } });
      continue;
    }
    const transforms = childElements(firstChild(reference, DSIG_NS, 'Transforms') ?? reference, DSIG_NS, 'Transform');
    let data: Uint8Array | string;
    try {
      if (transforms.length > 0 && transforms[0].getAttribute('Algorithm') === RELATIONSHIP_TRANSFORM) {
        const ids = new Set(descendants(transforms[0], [MDSSI_NS], 'RelationshipReference').map((element) => element.getAttribute('SourceId') ?? ''));
        const types = new Set(descendants(transforms[0], [MDSSI_NS], 'RelationshipsGroupReference').map((element) => element.getAttribute('SourceType') ?? ''));
        const rest = transformMode(transforms.slice(1));
        if ('unsupported' in rest) {
          unsupported.push({ code: 'unsupported', severity: 'blocking', params: { name: rest.unsupported } });
          continue;
        }
        coverage.relationships.set(stored.toLowerCase(), { ids, types });
        data = relationshipTransform(parseXml(xmlText(bytes), stored), { sourceIds: [...ids], sourceTypes: [...types] });
      } else if (transforms.length > 0) {
        const chosen = transformMode(transforms);
        if ('unsupported' in chosen) {
          unsupported.push({ code: 'unsupported', severity: 'blocking', params: { name: chosen.unsupported } });
          continue;
        }
        data = canonicalize(parseXml(xmlText(bytes), stored), chosen.mode);
      } else {
        // No transform: the part's bytes as stored.
        data = bytes;
      }
    } catch (error) {
      fail(error instanceof XmlPartError ? error.reason : 'unreadable');
      continue;
    }
    const expected = (() => {
      try {
        return base64ToBytes(textOf(firstChild(reference, DSIG_NS, 'DigestValue')));
      } catch {
        return new Uint8Array(0);
      }
    })();
    if (!sameBytes(await digest(hash, data), expected)) fail('digest');
  }
  return { failures, unsupported };
}

/**
 * What changed outside the signature: parts the manifest does not cover and relationships the
 * covered relationship parts carry but the signature did not select, other than what Office never
 * signs (metadata, thumbnails, custom XML properties, signature parts, [Content_Types].xml).
 */
function uncoveredChanges(pkg: OpcPackage, coverage: Coverage): Array<Record<string, string>> {
  const changes: Array<Record<string, string>> = [];
  const dataBound = [...coverage.parts].some((name) => /\.xml$/i.test(name) && xmlText(pkg.part(name) ?? new Uint8Array(0)).includes('dataBinding'));
  const unsignedType = (type: string): boolean => UNSIGNED_RELATIONSHIP_TYPES.has(type) || (!dataBound && type === CUSTOM_XML_TYPE);
  // Who points at each part, and with which relationship types.
  const incoming = new Map<string, Set<string>>();
  const relsParts = pkg.names.filter((name) => /(^|\/)_rels\/[^/]*\.rels$/.test(name));
  const relationshipsOf = (relsName: string): ReturnType<OpcPackage['relationshipsOf']> => {
    try {
      return pkg.relationshipsOf(relsName);
    } catch {
      return [];
    }
  };
  for (const relsName of relsParts) {
    for (const relationship of relationshipsOf(relsName)) {
      if (relationship.external || relationship.targetPart === undefined) continue;
      const key = relationship.targetPart.toLowerCase();
      const types = incoming.get(key) ?? new Set<string>();
      types.add(relationship.type);
      incoming.set(key, types);
    }
  }
  const onlyUnsigned = (types: Set<string> | undefined): boolean => types !== undefined && types.size > 0 && [...types].every(unsignedType);
  const exempt = (name: string): boolean => {
    const lower = name.toLowerCase();
    if (lower === '[content_types].xml') return true;
    if (lower.startsWith('_xmlsignatures/') && SIGNATURE_CONTENT_TYPES.has(pkg.contentType(name) ?? '')) return true;
    if (lower.endsWith('.rels')) {
      // The relationships of an unsigned part (customXml/_rels/item1.xml.rels) go with it.
      const source = sourceOfRelationshipsPart(name);
      if (source !== undefined && source !== '' && !coverage.parts.has(source.toLowerCase()) && exempt(source)) return true;
      return relationshipsOf(name).every((relationship) => unsignedType(relationship.type));
    }
    return onlyUnsigned(incoming.get(lower));
  };
  for (const name of pkg.names) {
    const lower = name.toLowerCase();
    if (coverage.parts.has(lower)) {
      const selection = coverage.relationships.get(lower);
      if (selection) {
        for (const relationship of relationshipsOf(name)) {
          if (selection.ids.has(relationship.id) || selection.types.has(relationship.type)) continue;
          if (unsignedType(relationship.type)) continue;
          changes.push({ part: name, change: 'relationshipAdded', relationship: relationship.id });
        }
      }
      continue;
    }
    if (exempt(name)) continue;
    changes.push({ part: name, change: 'partNotSigned' });
  }
  return changes;
}

interface Verdict {
  readonly definiteFailure: boolean;
}

function statusOf(report: Omit<SignatureReport, 'status'>, verdict: Verdict): SignatureReport['status'] {
  if (verdict.definiteFailure || report.modifiedAfterSigning || report.revocation === 'revoked') return 'invalid';
  const intact = report.integrity === 'ok' && report.cryptographic === 'ok';
  const certificateOk = !report.problems.some((problem) => problem.code === 'certificateNotValidAtSigning');
  const unsupported = report.problems.some((problem) => problem.code === 'unsupported' && problem.severity === 'blocking');
  return intact && !unsupported && report.chain === 'trusted' && certificateOk ? 'valid' : 'indeterminate';
}

/** The report of a signature part that could not be read as an XML signature. */
function malformedReport(index: number, fieldName: string, reason: string, signingTime: IsoDateTime): SignatureReport {
  return {
    index,
    format: 'xmldsig',
    fieldName,
    integrity: 'failed',
    cryptographic: 'failed',
    chain: 'incomplete',
    chainSubjects: [],
    signingTime,
    revocation: 'notChecked',
    signedRevision: 1,
    laterRevisions: [],
    modifiedAfterSigning: false,
    problems: [{ code: 'signatureMalformed', severity: 'blocking', params: { reason } }],
    status: 'invalid'
  };
}

interface SignatureContext {
  readonly pkg: OpcPackage;
  readonly anchors: readonly pkijs.Certificate[];
  readonly options: DocxVerifyOptions;
}

async function verifySignaturePart(context: SignatureContext, partName: string, index: number): Promise<SignatureReport> {
  const { pkg, options } = context;
  const fallbackTime = options.at ?? options.now;
  const bytes = pkg.part(partName);
  if (!bytes) return malformedReport(index, partName, 'missing', fallbackTime);
  if (bytes.length > DOCX_SIGNATURE_LIMITS.maxSignaturePartBytes) return malformedReport(index, partName, 'tooLarge', fallbackTime);
  let document: Document;
  try {
    document = parseXml(xmlText(bytes), partName);
  } catch (error) {
    return malformedReport(index, partName, error instanceof XmlPartError ? error.reason : 'xmlInvalid', fallbackTime);
  }
  try {
    return await verifySignatureDocument(context, document, partName, index);
  } catch (error) {
    // Untrusted input that breaks an assumption below (a PKI.js parse, an odd structure) is this
    // signature's finding, with the reason, never a failure of the whole file.
    const reason = error instanceof MalformedSignature ? error.reason : String(error instanceof Error ? error.message : error).split('\n')[0];
    return malformedReport(index, partName, reason, fallbackTime);
  }
}

async function verifySignatureDocument(context: SignatureContext, document: Document, partName: string, index: number): Promise<SignatureReport> {
  const { pkg, anchors, options } = context;
  const root = document.documentElement!;
  if (root.namespaceURI !== DSIG_NS || root.localName !== 'Signature') throw new MalformedSignature('not a Signature');
  const ids = elementsById(root);
  const signedInfos = childElements(root, DSIG_NS, 'SignedInfo');
  if (signedInfos.length !== 1) throw new MalformedSignature('SignedInfo');
  const signedInfo = signedInfos[0];
  const problems: SignatureProblem[] = [];
  let definiteFailure = false;
  let integrityOk = true;

  // 1. The references of SignedInfo (package object, Office object, XAdES signed properties).
  const verifiedElements = new Set<Element>();
  const referencedElements: Element[] = [];
  for (const reference of childElements(signedInfo, DSIG_NS, 'Reference')) {
    const uri = reference.getAttribute('URI') ?? '';
    if (!uri.startsWith('#')) {
      integrityOk = false;
      problems.push({ code: 'unsupported', severity: 'blocking', params: { name: `Reference URI ${uri}` } });
      continue;
    }
    const target = ids.get(uri.slice(1));
    if (!target) {
      integrityOk = false;
      definiteFailure = true;
      problems.push({ code: 'digestMismatch', severity: 'blocking', params: { reference: uri, reason: 'missing' } });
      continue;
    }
    referencedElements.push(target);
    const hashUri = firstChild(reference, DSIG_NS, 'DigestMethod')?.getAttribute('Algorithm') ?? '';
    const hash = DIGEST_METHODS[hashUri];
    const chosen = transformMode(childElements(firstChild(reference, DSIG_NS, 'Transforms') ?? reference, DSIG_NS, 'Transform'));
    if (!hash || 'unsupported' in chosen) {
      integrityOk = false;
      problems.push({ code: 'unsupported', severity: 'blocking', params: { name: !hash ? hashUri || 'DigestMethod' : (chosen as { unsupported: string }).unsupported } });
      continue;
    }
    let expected: Uint8Array;
    try {
      expected = base64ToBytes(textOf(firstChild(reference, DSIG_NS, 'DigestValue')));
    } catch {
      throw new MalformedSignature('DigestValue');
    }
    if (sameBytes(await digest(hash, canonicalize(target, chosen.mode)), expected)) {
      verifiedElements.add(target);
    } else {
      integrityOk = false;
      definiteFailure = true;
      problems.push({ code: 'digestMismatch', severity: 'blocking', params: { reference: uri } });
    }
  }

  // 2. The package object: a referenced Object, child of the Signature, with the Manifest of parts.
  const packageObjects = referencedElements.filter(
    (element) => element.localName === 'Object' && element.namespaceURI === DSIG_NS && element.parentNode === root && firstChild(element, DSIG_NS, 'Manifest')
  );
  if (packageObjects.length !== 1) throw new MalformedSignature(packageObjects.length === 0 ? 'no package object' : 'several package objects');
  const packageObject = packageObjects[0];
  const coverage: Coverage = { parts: new Set(), relationships: new Map() };
  const manifest = await checkManifest(pkg, firstChild(packageObject, DSIG_NS, 'Manifest')!, coverage);
  if (manifest.failures.length > 0) {
    integrityOk = false;
    definiteFailure = true;
    problems.push(...manifest.failures);
  }
  if (manifest.unsupported.length > 0) {
    integrityOk = false;
    problems.push(...manifest.unsupported);
  }

  // 3. XAdES signed properties and the signing time (only what a verified reference covers).
  const signedProperties = [...verifiedElements].find((element) => element.localName === 'SignedProperties' && [XADES_NS, XADES141_NS].includes(element.namespaceURI ?? ''));
  const xadesTime = signedProperties ? isoTime(textOf(descendants(signedProperties, [XADES_NS], 'SigningTime')[0])) : undefined;
  const packageTime = verifiedElements.has(packageObject) ? isoTime(textOf(descendants(packageObject, [MDSSI_NS], 'Value')[0])) : undefined;
  const claimedSigningTime = xadesTime ?? packageTime;

  // 4. Certificates and the signature value.
  const keyInfo = firstChild(root, DSIG_NS, 'KeyInfo');
  const certificates: pkijs.Certificate[] = [];
  for (const element of keyInfo ? descendants(keyInfo, [DSIG_NS], 'X509Certificate') : []) {
    try {
      certificates.push(parseCertificate(base64ToBytes(textOf(element))));
    } catch {
      throw new MalformedSignature('X509Certificate');
    }
  }
  // XAdES-X-L carries the rest of the chain in the unsigned CertificateValues; the configured intermediates
  // fill in what Word leaves out (it carries only the signer's certificate).
  const carried: pkijs.Certificate[] = [...configuredIntermediates(options)];
  for (const element of descendants(root, [XADES_NS, XADES141_NS], 'EncapsulatedX509Certificate')) {
    try {
      carried.push(parseCertificate(base64ToBytes(textOf(element))));
    } catch {
      // Unsigned extra data that is not a certificate helps no path; the path is judged without it.
    }
  }
  const methodUri = firstChild(signedInfo, DSIG_NS, 'SignatureMethod')?.getAttribute('Algorithm') ?? '';
  const c14nElement = firstChild(signedInfo, DSIG_NS, 'CanonicalizationMethod');
  const c14nAlgorithm = c14nElement?.getAttribute('Algorithm') ?? '';
  const c14nMode = c14nModeOf(
    c14nAlgorithm,
    c14nElement ? childElements(c14nElement).flatMap((child) => (child.getAttribute('PrefixList') ?? '').split(/\s+/).filter(Boolean)) : []
  );
  let signatureValue: Uint8Array;
  try {
    signatureValue = base64ToBytes(textOf(firstChild(root, DSIG_NS, 'SignatureValue')));
  } catch {
    throw new MalformedSignature('SignatureValue');
  }
  const signedInfoBytes = c14nMode ? new TextEncoder().encode(canonicalize(signedInfo, c14nMode)) : undefined;

  // The XAdES signature time-stamp (unsigned property) over the canonical SignatureValue element.
  let timestamp: TimestampResult | undefined;
  const timestampElement = descendants(root, [XADES_NS, XADES141_NS], 'SignatureTimeStamp')[0];
  if (timestampElement) {
    const tokenElement = descendants(timestampElement, [XADES_NS, XADES141_NS], 'EncapsulatedTimeStamp')[0];
    const modeOfTimestamp = c14nModeOf(firstChild(timestampElement, DSIG_NS, 'CanonicalizationMethod')?.getAttribute('Algorithm') ?? C14N.inclusive);
    let token: Uint8Array | undefined;
    try {
      token = base64ToBytes(textOf(tokenElement));
    } catch {
      token = undefined;
    }
    const imprinted = modeOfTimestamp ? new TextEncoder().encode(canonicalize(firstChild(root, DSIG_NS, 'SignatureValue')!, modeOfTimestamp)) : undefined;
    timestamp = token && imprinted ? await verifyTimestampToken(token, imprinted, anchors) : undefined;
    if (!timestamp?.valid) problems.push({ code: 'timestampInvalid', severity: 'warning' });
  }
  const signingTime = (timestamp?.valid ? timestamp.time : undefined) ?? claimedSigningTime ?? options.at ?? options.now;

  // The signer: the certificate the XAdES SigningCertificate names, else the one whose key verifies.
  let signer: pkijs.Certificate | undefined;
  let cryptographicOk = false;
  let cryptographyUnsupported = false;
  const verifies = async (certificate: pkijs.Certificate): Promise<boolean> => {
    if (!signedInfoBytes) return false;
    try {
      return await verifySignatureValue(certificate, methodUri, signatureValue, signedInfoBytes);
    } catch (error) {
      if (error instanceof UnsupportedAlgorithmError) {
        cryptographyUnsupported = true;
        return false;
      }
      return false;
    }
  };
  const certDigests = signedProperties ? descendants(signedProperties, [XADES_NS], 'CertDigest') : [];
  if (certDigests.length > 0) {
    for (const candidate of certificates) {
      const der = new Uint8Array(candidate.toSchema(true).toBER(false));
      for (const certDigest of certDigests) {
        const hash = DIGEST_METHODS[firstChild(certDigest, DSIG_NS, 'DigestMethod')?.getAttribute('Algorithm') ?? ''];
        let expected: Uint8Array;
        try {
          expected = base64ToBytes(textOf(firstChild(certDigest, DSIG_NS, 'DigestValue')));
        } catch {
          continue;
        }
        if (hash && sameBytes(await digest(hash, der), expected)) signer = signer ?? candidate;
      }
    }
    if (!signer && certificates.length > 0) {
      // The signed properties name another certificate than the ones carried: the binding fails.
      definiteFailure = true;
      problems.push({ code: 'signatureInvalid', severity: 'blocking', params: { reason: 'signingCertificate' } });
    }
    if (signer) cryptographicOk = await verifies(signer);
  } else {
    for (const candidate of certificates) {
      if (await verifies(candidate)) {
        signer = candidate;
        cryptographicOk = true;
        break;
      }
    }
    signer = signer ?? certificates[0];
  }
  if (!c14nMode) {
    problems.push({ code: 'unsupported', severity: 'blocking', params: { name: c14nAlgorithm || 'CanonicalizationMethod' } });
  } else if (cryptographyUnsupported) {
    problems.push({ code: 'unsupported', severity: 'blocking', params: { name: methodUri || 'SignatureMethod' } });
  } else if (signer && !cryptographicOk && !problems.some((problem) => problem.code === 'signatureInvalid')) {
    definiteFailure = true;
    problems.push({ code: 'signatureInvalid', severity: 'blocking' });
  }

  // 5. The signer certificate: summary, validity at signing time, path to an anchor, qualified status.
  let chain: SignatureReport['chain'] = 'incomplete';
  let chainSubjects: string[] = [];
  let revocation: SignatureReport['revocation'] = 'notChecked';
  const summary = signer ? await summarizeCertificate(signer) : undefined;
  if (!signer) {
    problems.push({ code: 'signerCertificateMissing', severity: 'blocking' });
  } else {
    if (!validAt(signer, signingTime)) {
      problems.push({ code: 'certificateNotValidAtSigning', severity: 'blocking', params: { notBefore: summary!.notBefore, notAfter: summary!.notAfter } });
    }
    const path = await buildPath(
      signer,
      [...certificates.filter((certificate) => certificate !== signer), ...carried],
      anchors,
      signingTime
    );
    chain = path.chain;
    chainSubjects = path.certificates.map((certificate) => nameText(certificate.subject));
    for (const issuer of path.expiredIssuers) problems.push({ code: 'certificateNotValidAtSigning', severity: 'blocking', params: { certificate: issuer } });
    if (chain !== 'trusted') problems.push({ code: 'chainUntrusted', severity: 'blocking', params: { chain } });
    if (!summary!.qualified.qualified) problems.push({ code: 'notQualified', severity: 'warning' });
    if (chain === 'trusted') {
      // Embedded validation data (XAdES-X-L RevocationValues) may answer revocation offline.
      const values = (localName: string): Uint8Array[] =>
        descendants(root, [XADES_NS, XADES141_NS], localName).flatMap((element) => {
          try {
            return [base64ToBytes(textOf(element))];
          } catch {
            return [];
          }
        });
      revocation = await revocationFromValues(path.certificates, values('EncapsulatedOCSPValue'), values('EncapsulatedCRLValue'), {
        anchors,
        certificates: [...certificates, ...carried],
        // Freshness is judged against the earliest time the signature may have been made: the claimed
        // time when it precedes the time-stamp (validation data is often fetched between the two).
        signingTime: claimedSigningTime && claimedSigningTime < signingTime ? claimedSigningTime : signingTime
      });
    }
  }
  if (revocation === 'revoked') problems.push({ code: 'certificateRevoked', severity: 'blocking' });
  if (revocation === 'notChecked') problems.push({ code: 'revocationNotChecked', severity: 'warning' });

  // 6. Changes outside what the signature covers.
  const changes = uncoveredChanges(pkg, coverage);
  for (const change of changes) problems.push({ code: 'modifiedAfterSigning', severity: 'blocking', params: change });

  const report: Omit<SignatureReport, 'status'> = {
    index,
    format: 'xmldsig',
    fieldName: partName,
    signatureValueSha256: await sha256Hex(signatureValue),
    integrity: integrityOk ? 'ok' : 'failed',
    cryptographic: cryptographicOk ? 'ok' : 'failed',
    ...(summary ? { signer: summary } : {}),
    chain,
    chainSubjects,
    ...(claimedSigningTime ? { claimedSigningTime } : {}),
    ...(timestamp ? { timestamp } : {}),
    signingTime,
    revocation,
    signedRevision: 1,
    laterRevisions: [],
    modifiedAfterSigning: changes.length > 0,
    problems
  };
  return { ...report, status: statusOf(report, { definiteFailure }) };
}

/** The signature parts the origin part's relationships name, in order (sig1, sig2, … sig10). */
function signatureParts(pkg: OpcPackage): string[] {
  const origin = pkg.relationshipsOf('').find((relationship) => relationship.type === RELATIONSHIP_TYPE.signatureOrigin && !relationship.external);
  if (!origin?.targetPart || pkg.resolve(origin.targetPart) === undefined) return [];
  const names = new Set<string>();
  for (const relationship of pkg.relationshipsOf(relationshipsPartName(pkg.resolve(origin.targetPart)!))) {
    if (relationship.type !== RELATIONSHIP_TYPE.signature || relationship.external || !relationship.targetPart) continue;
    names.add(pkg.resolve(relationship.targetPart) ?? relationship.targetPart);
  }
  const number = (name: string): number => Number(/(\d+)\.xml$/i.exec(name)?.[1] ?? Number.MAX_SAFE_INTEGER);
  return [...names].sort((a, b) => number(a) - number(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The configured intermediates that parse as certificates (one that does not helps no path). */
function configuredIntermediates(options: DocxVerifyOptions): pkijs.Certificate[] {
  return (options.intermediates ?? []).flatMap((der) => {
    try {
      return [parseCertificate(der)];
    } catch {
      return [];
    }
  });
}

/** Verifies every digital signature of a .docx (Word's `_xmlsignatures`); never throws for bad input. */
export async function verifyDocxSignatures(bytes: Uint8Array, fileName: string, options: DocxVerifyOptions): Promise<DocumentSignatureReport> {
  const anchors: pkijs.Certificate[] = [];
  for (const der of options.trustAnchors) {
    try {
      anchors.push(parseCertificate(der));
    } catch {
      // An anchor that is not a certificate anchors nothing; the fingerprint list shows what was used.
    }
  }
  const trustAnchors = await Promise.all(anchors.map((anchor) => fingerprintOf(anchor)));
  const base = { fileName, revisions: 1, verifiedAt: options.at ?? options.now, trustAnchors };
  const looksLikeZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  let pkg: OpcPackage;
  let parts: string[];
  try {
    pkg = readPackage(bytes, fileName);
    parts = signatureParts(pkg);
  } catch (error) {
    const failure = error instanceof PackageReadError ? error : new PackageReadError('malformed', { detail: String(error instanceof Error ? error.message : error).split('\n')[0] });
    return {
      ...base,
      format: looksLikeZip && failure.code !== 'notPdfOrDocx' ? 'docx' : failure.code === 'encrypted' ? 'docx' : 'unknown',
      readable: false,
      error: { code: failure.code, ...(Object.keys(failure.params).length > 0 ? { params: failure.params } : {}) },
      signatures: []
    };
  }
  const signatures: SignatureReport[] = [];
  for (const [index, partName] of parts.entries()) signatures.push(await verifySignaturePart({ pkg, anchors, options }, partName, index));
  return { ...base, format: 'docx', readable: true, signatures };
}

