/**
 * Verifies every signature of a PDF (PAdES `ETSI.CAdES.detached`, the older `adbe.pkcs7.detached`,
 * document time-stamps `ETSI.RFC3161`) into a `DocumentSignatureReport`: per signature field its
 * `/ByteRange` (exactly around `/Contents`, ending at a revision's `%%EOF`), the CMS SignedData
 * (digest of the byte ranges, signature value), the signer certificate and its path to the trust
 * anchors at the signing time, qualified status, claimed time and signature time-stamp, revocation from
 * embedded validation data, and what every later incremental update changed.
 *
 * The file is read revision by revision from its cross-reference sections, object by object: only the
 * catalog, the form fields, the signature dictionaries and what later updates wrote are parsed.
 * Nothing here throws on bad input: an unreadable file is a report with `readable: false`, a broken
 * signature a signature report with problems.
 */
import * as pkijs from 'pkijs';
import type { CertificateSummary, DocumentSignatureReport, LaterRevision, SignatureFormat, SignatureProblem, SignatureReport } from '../../domain/signatures';
import type { IsoDateTime } from '../../domain/types';
import { buildPath, fingerprintOf, nameText, parseCertificate, summarizeCertificate, sha256Hex, validAt } from '../certificates';
import type { CertificatePath } from '../certificates';
import type { VerifyOptions } from '../options';
import { revocationStatus } from '../revocation';
import { changesOf, isAcceptable } from './changes';
import type { RevisionChange } from './changes';
import {
  archivedRevocationData,
  certificatesOf,
  checkSigner,
  checkTimeStampToken,
  digest,
  parseSignedData,
  signatureTimeStampToken,
  signerCertificate as signerCertificateOf,
  signingTimeOf
} from './cms';
import { PdfFile, PdfFileError } from './document';
import type { Revision } from './document';
import { decodeStream, PdfDict, PdfRef, PdfStream, PdfString } from './syntax';
import type { PdfValue } from './syntax';

export type { VerifyOptions } from '../options';

/** A signature field of the document: its name and signature dictionary. */
interface SignatureField {
  readonly name: string;
  readonly sig: PdfDict;
  /** The signature dictionary's object number (undefined when direct in the field). */
  readonly sigNum?: number;
}

const BLOCKING = 'blocking' as const;
const WARNING = 'warning' as const;

/** `D:YYYYMMDDHHmmSSOHH'mm'` as ISO text; undefined when unreadable. */
export function parsePdfDate(text: string): IsoDateTime | undefined {
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(\d{2})?'?(\d{2})?'?)?/.exec(text.trim());
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', sign, offsetHours = '00', offsetMinutes = '00'] = match;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (Number.isNaN(utc)) return undefined;
  const offset = sign === '+' || sign === '-' ? (sign === '+' ? 1 : -1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60000 : 0;
  return new Date(utc - offset).toISOString();
}

/** Every signature field with a signature dictionary, in the form's field tree (Kids, inherited /FT). */
function signatureFields(file: PdfFile): SignatureField[] {
  const acroForm = file.dict(file.catalog()?.get('AcroForm'));
  const out: SignatureField[] = [];
  const seen = new Set<string>();
  const visit = (value: PdfValue, parentName: string, inheritedFt: string | undefined, depth: number): void => {
    if (depth > 16) return;
    const key = value instanceof PdfRef ? value.key : undefined;
    if (key !== undefined) {
      if (seen.has(key)) return;
      seen.add(key);
    }
    const field = file.dict(value);
    if (!field) return;
    const partial = field.get('T');
    const name = partial instanceof PdfString ? (parentName ? `${parentName}.${partial.text()}` : partial.text()) : parentName;
    const ft = field.name('FT') ?? inheritedFt;
    const kids = file.array(field.get('Kids'));
    const hasFieldKids = kids.some((kid) => file.dict(kid)?.get('T') !== undefined);
    if (ft === 'Sig' && !hasFieldKids) {
      const v = field.get('V');
      const sig = file.dict(v);
      if (sig) out.push({ name, sig, sigNum: v instanceof PdfRef ? v.num : undefined });
      return;
    }
    for (const kid of kids) visit(kid, name, ft, depth + 1);
  };
  for (const field of file.array(acroForm?.get('Fields'))) visit(field, '', undefined, 0);
  // No signature field in the form's /Fields (some tools forget to list it): the pages' signature widgets
  // still count. Only then, because it reads every annotation of every page.
  if (out.length === 0) {
    for (const widget of signatureWidgetsOnPages(file)) {
      if (!seen.has(widget.ref.key)) visit(widget.ref, widget.parentName, 'Sig', 0);
    }
  }
  const unique = new Map<string, SignatureField>();
  for (const field of out) unique.set(field.sigNum !== undefined ? `#${field.sigNum}` : `${unique.size}:${field.name}`, field);
  return [...unique.values()];
}

/** Widgets on the pages whose field (the widget or its parent) is a signature field. */
function signatureWidgetsOnPages(file: PdfFile): { ref: PdfRef; parentName: string }[] {
  const out: { ref: PdfRef; parentName: string }[] = [];
  const visited = new Set<string>();
  const walk = (value: PdfValue | undefined, depth: number): void => {
    if (!(value instanceof PdfRef) || depth > 32 || visited.has(value.key)) return;
    visited.add(value.key);
    const node = file.dict(value);
    if (!node) return;
    if (node.get('Kids') !== undefined) {
      for (const kid of file.array(node.get('Kids'))) walk(kid, depth + 1);
      return;
    }
    for (const annot of file.array(node.get('Annots'))) {
      if (!(annot instanceof PdfRef)) continue;
      const widget = file.dict(annot);
      if (!widget || widget.name('Subtype') !== 'Widget') continue;
      const parent = file.dict(widget.get('Parent'));
      const ft = widget.name('FT') ?? parent?.name('FT');
      if (ft !== 'Sig') continue;
      const parentT = parent?.get('T');
      out.push({ ref: annot, parentName: widget.get('T') === undefined && parentT instanceof PdfString ? parentT.text() : '' });
    }
  };
  walk(file.catalog()?.get('Pages'), 0);
  return out;
}

function formatOf(sig: PdfDict): { format: SignatureFormat; supported: boolean; subFilter: string } {
  const subFilter = sig.name('SubFilter') ?? '';
  if (subFilter === 'ETSI.CAdES.detached') return { format: 'pades', supported: true, subFilter };
  if (subFilter === 'adbe.pkcs7.detached') return { format: 'pkcs7Detached', supported: true, subFilter };
  if (subFilter === 'ETSI.RFC3161' || sig.name('Type') === 'DocTimeStamp') return { format: 'documentTimestamp', supported: true, subFilter };
  return { format: 'pkcs7Detached', supported: false, subFilter };
}

/** The byte range's problem, or the ranges when they are sound. */
function checkByteRange(file: PdfFile, field: SignatureField): { ranges: [number, number, number, number]; revision: Revision } | { reason: string } {
  const value = field.sig.get('ByteRange');
  const range = Array.isArray(value) ? value : [];
  if (range.length !== 4 || !range.every((item) => typeof item === 'number' && Number.isInteger(item) && item >= 0)) return { reason: 'notFourIntegers' };
  const [a, b, c, d] = range as number[];
  const length = file.bytes.length;
  if (a !== 0) return { reason: 'doesNotStartAtZero' };
  if (b <= a || c <= b) return { reason: 'overlapping' };
  if (c + d > length) return { reason: 'outsideFile' };
  const contents = field.sig.get('Contents');
  // /Contents must be the hex string in the gap, in the signature dictionary as written in the file.
  const sigOffset = field.sigNum !== undefined ? file.offsetOf(field.sigNum) : undefined;
  if (!(contents instanceof PdfString) || !contents.hex || sigOffset === undefined || sigOffset >= b || contents.start !== b || contents.end !== c) {
    return { reason: 'notAroundContents' };
  }
  const revision = file.revisionEndingAt(c + d);
  if (!revision) return { reason: 'notRevisionEnd' };
  return { ranges: [a, b, c, d], revision };
}

/** Certificates and revocation data of the document security store (`/DSS`), as of the last revision. */
function documentSecurityStore(file: PdfFile): { certificates: pkijs.Certificate[]; crls: Uint8Array[]; ocsps: Uint8Array[] } {
  const dss = file.dict(file.catalog()?.get('DSS'));
  const streams = (key: string): Uint8Array[] =>
    file.array(dss?.get(key)).flatMap((item) => {
      const stream = file.resolve(item);
      if (!(stream instanceof PdfStream)) return [];
      try {
        return [decodeStream(stream)];
      } catch {
        return [];
      }
    });
  const certificates = streams('Certs').flatMap((der) => {
    try {
      return [parseCertificate(der)];
    } catch {
      return [];
    }
  });
  return { certificates, crls: streams('CRLs'), ocsps: streams('OCSPs') };
}

interface Context {
  readonly file: PdfFile;
  readonly anchors: readonly pkijs.Certificate[];
  /** Configured intermediates (`VerifyOptions.intermediates`): a path may go through them. */
  readonly intermediates: readonly pkijs.Certificate[];
  readonly verifiedAt: IsoDateTime;
  readonly dss: ReturnType<typeof documentSecurityStore>;
  readonly laterChanges: Map<number, RevisionChange[]>;
}

function laterRevisionsOf(context: Context, signedRevision: number): LaterRevision[] {
  const { file } = context;
  const out: LaterRevision[] = [];
  for (const revision of file.revisions) {
    if (revision.number <= signedRevision) continue;
    let changes = context.laterChanges.get(revision.number);
    if (!changes) {
      try {
        changes = changesOf(file, revision, file.revisions[revision.number - 2]);
      } catch {
        changes = ['other'];
      }
      context.laterChanges.set(revision.number, changes);
    }
    out.push({ revision: revision.number, changes });
  }
  // Bytes after the last %%EOF: an update no reader can place (cut off, or hidden); they are not what was signed.
  if (file.hasTrailingData) out.push({ revision: file.revisions.length + 1, changes: ['other'] });
  return out;
}

function statusOf(report: Omit<SignatureReport, 'status' | 'index'>): SignatureReport['status'] {
  const broken = report.problems.some((problem) => ['byteRangeInvalid', 'signatureMalformed', 'digestMismatch', 'signatureInvalid', 'certificateRevoked', 'modifiedAfterSigning'].includes(problem.code));
  // An algorithm we cannot check (WebCrypto lacks it) proves nothing either way: indeterminate, not invalid.
  const unchecked = report.problems.some((problem) => problem.code === 'unsupported');
  if (broken || report.integrity === 'failed' || (report.cryptographic === 'failed' && !unchecked) || report.modifiedAfterSigning || report.revocation === 'revoked') return 'invalid';
  if (report.chain !== 'trusted' || report.problems.some((problem) => problem.severity === BLOCKING)) return 'indeterminate';
  return 'valid';
}

/** A signature time-stamp token: intact (imprint of the signature value, token signature) and trusted. */
async function checkSignatureTimeStamp(
  token: pkijs.SignedData,
  signedData: pkijs.SignedData,
  certificates: readonly pkijs.Certificate[],
  anchors: readonly pkijs.Certificate[]
): Promise<{ time?: IsoDateTime; valid: boolean; authority?: string; reason: string }> {
  const check = await checkTimeStampToken(token, [new Uint8Array(signedData.signerInfos[0].signature.valueBlock.valueHexView)]);
  if (!check.signer || !check.time) return { valid: false, reason: 'notIntact' };
  const [path, summary] = await Promise.all([buildPath(check.signer, [...check.certificates, ...certificates], anchors, check.time), summarizeCertificate(check.signer)]);
  const trusted = path.chain === 'trusted' && path.certificates.every((certificate) => validAt(certificate, check.time as string));
  const authority = summary.commonName ?? summary.subject;
  return { time: check.time, valid: check.intact && trusted, authority, reason: check.intact ? 'untrusted' : 'notIntact' };
}

/** The revision that holds an object at the offset (for a signature whose byte range is unusable). */
function revisionHolding(file: PdfFile, offset: number | undefined): number {
  if (offset === undefined) return file.revisions.length;
  return (file.revisions.find((revision) => offset < revision.end) ?? file.last).number;
}

async function verifySignature(context: Context, field: SignatureField): Promise<Omit<SignatureReport, 'index'> & { readonly order: number }> {
  const { file, anchors, verifiedAt } = context;
  const { format, supported, subFilter } = formatOf(field.sig);
  const problems: SignatureProblem[] = [];
  const mText = field.sig.get('M');
  const mTime = mText instanceof PdfString ? parsePdfDate(mText.text()) : undefined;
  const fieldName = field.name || undefined;
  const sigOffset = field.sigNum !== undefined ? file.offsetOf(field.sigNum) : undefined;
  const failed = (signedRevision: number, order: number, status: SignatureReport['status'] = 'invalid'): Omit<SignatureReport, 'index'> & { readonly order: number } => {
    const laterRevisions = laterRevisionsOf(context, signedRevision);
    return {
      order,
      format,
      ...(fieldName ? { fieldName } : {}),
      integrity: 'failed',
      cryptographic: 'failed',
      chain: 'incomplete',
      chainSubjects: [],
      ...(mTime ? { claimedSigningTime: mTime } : {}),
      signingTime: mTime ?? verifiedAt,
      revocation: 'notChecked',
      signedRevision,
      laterRevisions,
      modifiedAfterSigning: laterRevisions.some((revision) => !isAcceptable(revision.changes)),
      problems,
      status: laterRevisions.some((revision) => !isAcceptable(revision.changes)) ? 'invalid' : status
    };
  };
  if (!supported) {
    problems.push({ code: 'unsupported', severity: BLOCKING, params: { name: subFilter || '(geen SubFilter)' } });
    return failed(revisionHolding(file, sigOffset), sigOffset ?? file.bytes.length, 'indeterminate');
  }
  const byteRange = checkByteRange(file, field);
  if ('reason' in byteRange) {
    problems.push({ code: 'byteRangeInvalid', severity: BLOCKING, params: { reason: byteRange.reason } });
    return failed(revisionHolding(file, sigOffset), sigOffset ?? file.bytes.length);
  }
  const [, b, c, d] = byteRange.ranges;
  const signedParts = [file.bytes.subarray(0, b), file.bytes.subarray(c, c + d)];
  const contents = field.sig.get('Contents') as PdfString;
  let signedData: pkijs.SignedData;
  try {
    signedData = parseSignedData(contents.bytes);
  } catch (error) {
    problems.push({ code: 'signatureMalformed', severity: BLOCKING, params: { reason: error instanceof Error ? error.message : String(error) } });
    return failed(byteRange.revision.number, c + d);
  }

  let integrity: boolean;
  let cryptographic: boolean;
  let signerCertificate: pkijs.Certificate | undefined;
  let claimedSigningTime: IsoDateTime | undefined;
  let timestamp: SignatureReport['timestamp'];
  let timestampTime: IsoDateTime | undefined;
  const certificates = [...certificatesOf(signedData), ...context.dss.certificates, ...context.intermediates];
  const revocationData = { crls: [...context.dss.crls], ocsps: [...context.dss.ocsps] };
  // The signer as the SignerInfo names it: its path and summary are computed while the bytes are hashed
  // (the path's signatures do not depend on the time; validity at the signing time is judged after).
  const startPath = (certificate: pkijs.Certificate | undefined): Promise<[CertificatePath, CertificateSummary] | undefined> =>
    certificate ? Promise.all([buildPath(certificate, certificates, anchors, verifiedAt), summarizeCertificate(certificate)]) : Promise.resolve(undefined);
  let signerPath: [CertificatePath, CertificateSummary] | undefined;
  try {
    if (format === 'documentTimestamp') {
      const tstSigner = signerCertificateOf(signedData.signerInfos[0], certificates);
      const [check, path] = await Promise.all([checkTimeStampToken(signedData, signedParts), startPath(tstSigner)]);
      integrity = check.imprint;
      cryptographic = check.signature;
      signerCertificate = check.signer;
      claimedSigningTime = check.time;
      if (check.intact) timestampTime = check.time;
      signerPath = check.signer === tstSigner ? path : undefined;
    } else {
      const named = signerCertificateOf(signedData.signerInfos[0], certificates);
      const token = signatureTimeStampToken(signedData);
      const [check, path, tsCheck] = await Promise.all([
        checkSigner(signedData, async (hash) => digest(hash, ...signedParts)),
        startPath(named),
        token ? checkSignatureTimeStamp(token, signedData, certificates, anchors) : Promise.resolve(undefined)
      ]);
      if (check.unsupported) problems.push({ code: 'unsupported', severity: BLOCKING, params: { name: check.unsupported } });
      integrity = check.integrity;
      cryptographic = check.cryptographic;
      signerCertificate = check.signer;
      signerPath = check.signer === named ? path : undefined;
      claimedSigningTime = signingTimeOf(signedData) ?? mTime;
      const archived = archivedRevocationData(signedData);
      revocationData.crls.push(...archived.crls);
      revocationData.ocsps.push(...archived.ocsps);
      if (tsCheck) {
        if (tsCheck.time) timestamp = { time: tsCheck.time, valid: tsCheck.valid, ...(tsCheck.authority ? { authority: tsCheck.authority } : {}) };
        if (tsCheck.valid) timestampTime = tsCheck.time;
        else problems.push({ code: 'timestampInvalid', severity: WARNING, params: { reason: tsCheck.reason } });
      }
    }
  } catch (error) {
    problems.push({ code: 'signatureMalformed', severity: BLOCKING, params: { reason: error instanceof Error ? error.message : String(error) } });
    return failed(byteRange.revision.number, c + d);
  }
  if (!integrity) problems.push({ code: 'digestMismatch', severity: BLOCKING });
  if (!signerCertificate) problems.push({ code: 'signerCertificateMissing', severity: BLOCKING });
  else if (!cryptographic && !problems.some((problem) => problem.code === 'unsupported')) problems.push({ code: 'signatureInvalid', severity: BLOCKING });

  const signingTime = timestampTime ?? claimedSigningTime ?? verifiedAt;
  let chain: SignatureReport['chain'] = 'incomplete';
  let chainSubjects: string[] = [];
  let revocation: SignatureReport['revocation'] = 'notChecked';
  if (signerCertificate && !signerPath) signerPath = await startPath(signerCertificate);
  const signer = signerPath?.[1];
  if (signerCertificate && signerPath && signer) {
    const [path] = signerPath;
    chain = path.chain;
    chainSubjects = path.certificates.map((certificate) => nameText(certificate.subject));
    if (chain !== 'trusted') problems.push({ code: 'chainUntrusted', severity: BLOCKING, params: { chain } });
    if (!validAt(signerCertificate, signingTime)) {
      problems.push({ code: 'certificateNotValidAtSigning', severity: BLOCKING, params: { notBefore: signer.notBefore, notAfter: signer.notAfter, signingTime } });
    }
    for (const issuer of path.certificates.slice(1)) {
      if (!validAt(issuer, signingTime)) problems.push({ code: 'certificateNotValidAtSigning', severity: BLOCKING, params: { certificate: nameText(issuer.subject), signingTime } });
    }
    revocation = await revocationStatus(signerCertificate, path.certificates[1], signingTime, revocationData);
    if (revocation === 'revoked') problems.push({ code: 'certificateRevoked', severity: BLOCKING });
    if (format !== 'documentTimestamp') {
      if (!signer.qualified.qualified) problems.push({ code: 'notQualified', severity: WARNING });
      if (revocation === 'notChecked') problems.push({ code: 'revocationNotChecked', severity: WARNING });
    }
  }

  const laterRevisions = laterRevisionsOf(context, byteRange.revision.number);
  const modifying = laterRevisions.filter((revision) => !isAcceptable(revision.changes));
  for (const revision of modifying) {
    const change = revision.changes.filter((item) => !isAcceptable([item])).join(', ');
    problems.push({ code: 'modifiedAfterSigning', severity: BLOCKING, params: { revision: revision.revision, change } });
  }
  const signatureValue = signedData.signerInfos[0]?.signature.valueBlock.valueHexView;
  const signatureValueSha256 = signatureValue ? await sha256Hex(signatureValue) : undefined;
  const report: Omit<SignatureReport, 'index' | 'status'> = {
    format,
    ...(fieldName ? { fieldName } : {}),
    ...(signatureValueSha256 ? { signatureValueSha256 } : {}),
    integrity: integrity ? 'ok' : 'failed',
    cryptographic: cryptographic ? 'ok' : 'failed',
    ...(signer ? { signer } : {}),
    chain,
    chainSubjects,
    ...(claimedSigningTime ? { claimedSigningTime } : {}),
    ...(timestamp ? { timestamp } : {}),
    signingTime,
    revocation,
    signedRevision: byteRange.revision.number,
    laterRevisions,
    modifiedAfterSigning: modifying.length > 0,
    problems
  };
  return { ...report, status: statusOf(report), order: c + d };
}

function unreadable(fileName: string, code: NonNullable<DocumentSignatureReport['error']>['code'], base: Pick<DocumentSignatureReport, 'verifiedAt' | 'trustAnchors'>, reason?: string): DocumentSignatureReport {
  return {
    fileName,
    format: code === 'notPdfOrDocx' ? 'unknown' : 'pdf',
    readable: false,
    error: { code, ...(reason ? { params: { reason } } : {}) },
    revisions: 0,
    signatures: [],
    ...base
  };
}

/** Anchors already parsed, by their DER bytes (a service or CLI passes the same arrays on every call). */
const anchorCache = new WeakMap<Uint8Array, { readonly certificate: pkijs.Certificate; readonly fingerprint: string } | undefined>();

/** Trust anchors from DER; ones that do not parse are left out. */
export async function readAnchors(ders: readonly Uint8Array[]): Promise<{ certificates: pkijs.Certificate[]; fingerprints: string[] }> {
  const certificates: pkijs.Certificate[] = [];
  const fingerprints: string[] = [];
  for (const der of ders) {
    if (!anchorCache.has(der)) {
      try {
        const certificate = parseCertificate(der);
        anchorCache.set(der, { certificate, fingerprint: await fingerprintOf(certificate) });
      } catch {
        // Not a certificate: not an anchor.
        anchorCache.set(der, undefined);
      }
    }
    const anchor = anchorCache.get(der);
    if (anchor) {
      certificates.push(anchor.certificate);
      fingerprints.push(anchor.fingerprint);
    }
  }
  return { certificates, fingerprints };
}

/** The report of every signature of a PDF. */
export async function verifyPdfSignatures(bytes: Uint8Array, fileName: string, options: VerifyOptions): Promise<DocumentSignatureReport> {
  const verifiedAt = options.at ?? options.now;
  const anchors = await readAnchors(options.trustAnchors);
  const base = { verifiedAt, trustAnchors: anchors.fingerprints };
  let file: PdfFile;
  try {
    file = PdfFile.open(bytes);
  } catch (error) {
    if (error instanceof PdfFileError) return unreadable(fileName, error.code, base, error.message);
    return unreadable(fileName, 'malformed', base, error instanceof Error ? error.message : String(error));
  }
  try {
    const intermediates = (await readAnchors(options.intermediates ?? [])).certificates;
    const context: Context = { file, anchors: anchors.certificates, intermediates, verifiedAt, dss: documentSecurityStore(file), laterChanges: new Map() };
    const fields = signatureFields(file);
    // The signatures are independent: verified side by side, so that their hashing and WebCrypto calls overlap.
    const results = await Promise.all(fields.map((field) => verifySignature(context, field)));
    results.sort((a, b) => a.signedRevision - b.signedRevision || a.order - b.order);
    const signatures: SignatureReport[] = results.map(({ order: _order, ...report }, index) => ({ index, ...report }));
    return { fileName, format: 'pdf', readable: true, revisions: file.revisions.length, signatures, ...base };
  } catch (error) {
    return unreadable(fileName, 'malformed', base, error instanceof Error ? error.message : String(error));
  }
}


