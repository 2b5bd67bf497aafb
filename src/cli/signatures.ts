/**
 * `vsa-forms signatures <file>… [--trust <pem>…] [--at <date>] [--json] [--lang nl|en]`: the
 * signature report of every file, per signature, in Dutch (or English).
 *
 * Trust anchors: every `*.pem` in config/trust (the Belgian eID roots, extended by a deployment),
 * plus the `--trust` files. Exit codes: 0 every file has at least one valid signature and none that
 * is not; 1 a file has no signature, or one that is invalid, modified or untrusted; 2 a file cannot
 * be read (or bad usage).
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { defineCatalog } from '../domain/i18n/catalog';
import { interpolate } from '../domain/i18n/interpolate';
import { isLang } from '../domain/i18n/language';
import { describeChanges, describeFileError, describeSignatureProblem, signatureTexts } from '../domain/signatureTexts';
import { hasValidSignaturesOnly, personSignatures } from '../domain/signatures';
import type { DocumentSignatureReport, SignatureReport } from '../domain/signatures';
import type { Lang } from '../domain/types';
import { certificatesFromPem } from '../signatures/certificates';
import { verifySignatures } from '../signatures';

/** Where the command writes, and what tests pin. */
export interface SignaturesIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** The current time, ISO (tests pin it). */
  readonly now?: string;
  /** The folder of default trust anchors (default config/trust of the project). */
  readonly trustDir?: string;
}

/** A usage error: the message, then the usage, exit 2. */
export class SignaturesUsageError extends Error {}

export const signaturesCliTexts = defineCatalog(
  {
    header: '{file}: {count} handtekening(en), {revisions} versie(s) van het bestand',
    headerUnreadable: '{file}: ONLEESBAAR — {reason}',
    noSignatures: '  Geen handtekeningen.',
    signature: '  {number}. {name} — {status}{kind}',
    documentTimestamp: ' (documenttijdstempel)',
    unknownSigner: '(geen certificaat)',
    certificate: '     Certificaat: {subject}; uitgegeven door {issuer}; serienummer {serial}; geldig van {notBefore} tot {notAfter}',
    qualified: '     Gekwalificeerd: {answer}',
    qualifiedYes: 'ja (QcCompliance, QSCD)',
    qualifiedNo: 'nee',
    chain: { trusted: '     Keten: vertrouwd ({path})', untrusted: '     Keten: niet vertrouwd ({path})', incomplete: '     Keten: onvolledig ({path})' },
    time: '     Tijdstip: {time} ({source})',
    timeSource: { timestamp: 'tijdstempel van {authority}', claimed: 'opgegeven door de ondertekenaar', verification: 'tijdstip van de controle' },
    checks: '     Integriteit: {integrity}; handtekening: {cryptographic}; intrekking: {revocation}',
    ok: 'in orde',
    failed: 'MISLUKT',
    revocation: { good: 'niet ingetrokken', revoked: 'INGETROKKEN', notChecked: 'niet gecontroleerd' },
    later: '     Latere versie {revision}: {changes}',
    laterNone: '(niets)',
    problem: '     {severity}: {text}',
    verdictOk: '  Resultaat: geldig ondertekend.',
    verdictNot: '  Resultaat: NIET geldig ondertekend.',
    noAnchors: 'Let op: geen vertrouwde basiscertificaten in {dir} en geen --trust: geen enkele keten kan vertrouwd worden.',
    readError: 'kan het bestand niet lezen ({reason})'
  },
  {
    header: '{file}: {count} signature(s), {revisions} version(s) of the file',
    headerUnreadable: '{file}: UNREADABLE — {reason}',
    noSignatures: '  No signatures.',
    signature: '  {number}. {name} — {status}{kind}',
    documentTimestamp: ' (document time-stamp)',
    unknownSigner: '(no certificate)',
    certificate: '     Certificate: {subject}; issued by {issuer}; serial number {serial}; valid from {notBefore} to {notAfter}',
    qualified: '     Qualified: {answer}',
    qualifiedYes: 'yes (QcCompliance, QSCD)',
    qualifiedNo: 'no',
    chain: { trusted: '     Chain: trusted ({path})', untrusted: '     Chain: not trusted ({path})', incomplete: '     Chain: incomplete ({path})' },
    time: '     Time: {time} ({source})',
    timeSource: { timestamp: 'time-stamp by {authority}', claimed: 'given by the signer', verification: 'time of the check' },
    checks: '     Integrity: {integrity}; signature: {cryptographic}; revocation: {revocation}',
    ok: 'ok',
    failed: 'FAILED',
    revocation: { good: 'not revoked', revoked: 'REVOKED', notChecked: 'not checked' },
    later: '     Later version {revision}: {changes}',
    laterNone: '(nothing)',
    problem: '     {severity}: {text}',
    verdictOk: '  Result: validly signed.',
    verdictNot: '  Result: NOT validly signed.',
    noAnchors: 'Note: no trusted root certificates in {dir} and no --trust: no chain can be trusted.',
    readError: 'cannot read the file ({reason})'
  }
);

interface SignaturesArgs {
  readonly files: string[];
  readonly trust: string[];
  at?: string;
  json: boolean;
  lang: Lang;
}

function parseArgs(args: readonly string[]): SignaturesArgs {
  const parsed: SignaturesArgs = { files: [], trust: [], json: false, lang: 'nl' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new SignaturesUsageError(`${arg} verwacht een waarde / expects a value`);
      return next;
    };
    switch (arg) {
      case '--trust':
        parsed.trust.push(value());
        break;
      case '--at': {
        const at = value();
        const time = /^\d{4}-\d{2}-\d{2}$/.test(at) ? new Date(`${at}T12:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(at) ? new Date(at) : new Date(Number.NaN);
        if (Number.isNaN(time.getTime())) throw new SignaturesUsageError(`--at: jjjj-mm-dd of een ISO-tijdstip, niet "${at}"`);
        parsed.at = time.toISOString();
        break;
      }
      case '--json':
        parsed.json = true;
        break;
      case '--lang': {
        const lang = value();
        if (!isLang(lang)) throw new SignaturesUsageError(`--lang: nl of en, niet "${lang}"`);
        parsed.lang = lang;
        break;
      }
      default:
        if (arg.startsWith('--')) throw new SignaturesUsageError(`onbekende optie / unknown option ${arg}`);
        parsed.files.push(arg);
    }
  }
  if (parsed.files.length === 0) throw new SignaturesUsageError('geen bestanden opgegeven / no files given');
  return parsed;
}

/** The default trust folder: config/trust of the project (this file is two levels below the root, compiled or not). */
export const defaultTrustDir = (): string => resolve(__dirname, '..', '..', 'config', 'trust');

/** DER anchors from the folder's `*.pem` files and the extra PEM files. */
function loadAnchors(dir: string, extra: readonly string[]): Uint8Array[] {
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.toLowerCase().endsWith('.pem'))
        .sort()
        .map((name) => join(dir, name))
    : [];
  const anchors: Uint8Array[] = [];
  for (const file of [...files, ...extra]) {
    const certificates = certificatesFromPem(readFileSync(file, 'utf8'));
    if (certificates.length === 0 && extra.includes(file)) throw new SignaturesUsageError(`--trust ${file}: geen certificaat (PEM) / no PEM certificate`);
    anchors.push(...certificates);
  }
  return anchors;
}

const day = (iso: string): string => iso.slice(0, 10);
const minute = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

function signatureLines(signature: SignatureReport, lang: Lang): string[] {
  const texts = signaturesCliTexts[lang];
  const reportTexts = signatureTexts[lang];
  const lines: string[] = [];
  const name = signature.signer?.commonName ?? signature.signer?.subject ?? texts.unknownSigner;
  lines.push(
    interpolate(texts.signature, {
      number: signature.index + 1,
      name,
      status: reportTexts.status[signature.status],
      kind: signature.format === 'documentTimestamp' ? texts.documentTimestamp : ''
    })
  );
  if (signature.signer) {
    const signer = signature.signer;
    lines.push(interpolate(texts.certificate, { subject: signer.subject, issuer: signer.issuer, serial: signer.serialNumber, notBefore: day(signer.notBefore), notAfter: day(signer.notAfter) }));
    if (signature.format !== 'documentTimestamp') lines.push(interpolate(texts.qualified, { answer: signer.qualified.qualified ? texts.qualifiedYes : texts.qualifiedNo }));
    lines.push(interpolate(texts.chain[signature.chain], { path: signature.chainSubjects.map((subject) => /CN=([^,]+)/.exec(subject)?.[1] ?? subject).join(' → ') }));
  }
  const source =
    signature.format === 'documentTimestamp' && signature.claimedSigningTime === signature.signingTime
      ? interpolate(texts.timeSource.timestamp, { authority: name })
      : signature.timestamp?.valid && signature.timestamp.time === signature.signingTime
      ? interpolate(texts.timeSource.timestamp, { authority: signature.timestamp.authority ?? '?' })
      : signature.claimedSigningTime === signature.signingTime
        ? texts.timeSource.claimed
        : texts.timeSource.verification;
  lines.push(interpolate(texts.time, { time: minute(signature.signingTime), source }));
  lines.push(
    interpolate(texts.checks, {
      integrity: signature.integrity === 'ok' ? texts.ok : texts.failed,
      cryptographic: signature.cryptographic === 'ok' ? texts.ok : texts.failed,
      revocation: texts.revocation[signature.revocation]
    })
  );
  for (const later of signature.laterRevisions) {
    lines.push(interpolate(texts.later, { revision: later.revision, changes: later.changes.length > 0 ? describeChanges(later.changes, lang) : texts.laterNone }));
  }
  for (const problem of signature.problems) {
    lines.push(interpolate(texts.problem, { severity: reportTexts.severity[problem.severity], text: describeSignatureProblem(problem, lang) }));
  }
  return lines;
}

/** The report of one file as text lines. */
export function reportLines(report: DocumentSignatureReport, lang: Lang): string[] {
  const texts = signaturesCliTexts[lang];
  if (!report.readable) return [interpolate(texts.headerUnreadable, { file: report.fileName, reason: report.error ? describeFileError(report.error, lang) : '?' })];
  const lines = [interpolate(texts.header, { file: report.fileName, count: report.signatures.length, revisions: report.revisions })];
  if (report.signatures.length === 0) lines.push(texts.noSignatures);
  for (const signature of report.signatures) lines.push(...signatureLines(signature, lang));
  lines.push(hasValidSignaturesOnly(report) ? texts.verdictOk : texts.verdictNot);
  return lines;
}

/** Exit code of the reports: 2 unreadable, 1 not validly signed, 0 all validly signed. */
export function exitCodeOf(reports: readonly DocumentSignatureReport[]): number {
  if (reports.some((report) => !report.readable)) return 2;
  return reports.every((report) => hasValidSignaturesOnly(report) && personSignatures(report).length > 0) ? 0 : 1;
}

/** Runs `vsa-forms signatures …`; returns the exit code (2 with the usage after a usage error). */
export async function runSignatures(args: readonly string[], io: SignaturesIo, usage = ''): Promise<number> {
  try {
    return await verifyFiles(parseArgs(args), io);
  } catch (error) {
    if (error instanceof SignaturesUsageError) {
      io.err(usage ? `${error.message}\n${usage}` : error.message);
      return 2;
    }
    throw error;
  }
}

async function verifyFiles(parsed: SignaturesArgs, io: SignaturesIo): Promise<number> {
  const texts = signaturesCliTexts[parsed.lang];
  const dir = io.trustDir ?? defaultTrustDir();
  const trustAnchors = loadAnchors(dir, parsed.trust);
  if (trustAnchors.length === 0) io.err(interpolate(texts.noAnchors, { dir }));
  const now = io.now ?? new Date().toISOString();
  const reports: DocumentSignatureReport[] = [];
  for (const file of parsed.files) {
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      reports.push({ fileName: file, format: 'unknown', readable: false, error: { code: 'malformed', params: { reason: code } }, revisions: 0, signatures: [], verifiedAt: parsed.at ?? now, trustAnchors: [] });
      if (!parsed.json) io.err(`${file}: ${interpolate(texts.readError, { reason: code })}`);
      continue;
    }
    const report = await verifySignatures(bytes, file, { trustAnchors, now, ...(parsed.at ? { at: parsed.at } : {}) });
    reports.push(report);
    if (!parsed.json) io.out(reportLines(report, parsed.lang).join('\n'));
  }
  if (parsed.json) io.out(JSON.stringify(reports, null, 2));
  return exitCodeOf(reports);
}
