/**
 * vsa-forms: generate the VSA form templates and check filled forms from the command line.
 *
 *   vsa-forms template <type|all> <outdir>
 *   vsa-forms check <file.docx>... [--phase draft|signed] [--json] [--annotate <outdir>] [--lang nl|en]
 *                   [--previous <earlier-annotated.docx>] [--today yyyy-mm-dd] [--dossier] [--known-protocols P1,P2] [--mandate]
 *                   [--codebook-wave <wave>] [--codebook <file.xml|file.csv>]...
 *
 * `--codebook` (repeatable, before or after the forms) checks the requested variables against survey
 * codebooks (DDI-Codebook 2.5 XML or CSV); `--codebook-wave` names the wave for the codebook files
 * after it that do not name their own.
 *
 * `--previous` names the annotated copy of the earlier version of a form: its reviewer comments are
 * compared with the new version (`changedFieldKeys`): a comment on a field that changed is reported
 * "gewijzigd" (addressed), one on an unchanged field "niet verwerkt" and, with `--annotate`, carried
 * into the new annotated copy beside the new version's own (recomputed) automatic findings.
 *
 *   vsa-forms signatures <file.pdf|file.docx>... [--trust <pem>]... [--at <date>] [--json] [--lang nl|en]
 *
 * Exit codes: 0 no blocking finding; 1 blocking findings; 2 a file could not be read (or bad usage).
 * `signatures` (src/cli/signatures.ts): 0 every file validly signed; 1 a file without a valid
 * signature, or with one that is invalid, modified or untrusted; 2 a file cannot be read.
 *
 *   vsa-forms publication <signed.pdf|signed.docx> <out.pdf>   (see ./publication.ts)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { basename, join } from 'path';
import { defineCatalog } from '../domain/i18n/catalog';
import { interpolate } from '../domain/i18n/interpolate';
import { isLang } from '../domain/i18n/language';
import { fieldChanged, reconcileFindings } from '../domain/findings';
import type { DossierFinding } from '../domain/findings';
import {
  annotateFindings,
  automaticFindingOf,
  changedFieldKeys,
  checkDossierForms,
  checkForm,
  countBySeverity,
  FORM_TYPES,
  generateTemplate,
  hasBlockingFindings,
  isCodebookImportError,
  isFormReadError,
  isFormType,
  parseCodebookFile,
  readAnnotations,
  readForm
} from '../forms';
import type { Annotation } from '../forms';
import type { Lang } from '../domain/types';
import type { CheckContext, Codebook, Finding, FormDocument, FormPhase, FormType } from '../forms';

/** Where the CLI writes; tests pass collecting streams. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Today (ISO date) unless --today is given; tests pin it. */
  readonly today?: string;
  /** `signatures`: the current time (ISO) and the folder of default trust anchors; tests pin both. */
  readonly now?: string;
  readonly trustDir?: string;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`)
};

const USAGE = `Gebruik / usage:
  vsa-forms template <${FORM_TYPES.join('|')}|all> <outdir>
  vsa-forms check <bestand.docx>... [--phase draft|signed] [--json] [--annotate <outdir>] [--lang nl|en]
                  [--previous <vorige-met-opmerkingen.docx>] [--today jjjj-mm-dd] [--dossier] [--known-protocols P1,P2] [--mandate]
                  [--codebook-wave <golf>] [--codebook <codeboek.xml|codeboek.csv>]...
  vsa-forms signatures <bestand.pdf|bestand.docx>... [--trust <basis.pem>]... [--at jjjj-mm-dd] [--json] [--lang nl|en]
  vsa-forms publication <ondertekend.pdf|ondertekend.docx> <publicatieversie.pdf> [--lang nl|en]
Exitcode: 0 geen blokkerende bevinding, 1 blokkerende bevindingen, 2 bestand onleesbaar of fout gebruik.
Exitcode signatures: 0 elk bestand geldig ondertekend, 1 een bestand zonder geldige handtekening of met een ongeldige,
            gewijzigde of niet vertrouwde, 2 bestand onleesbaar of fout gebruik.
Exitcode publication: 0 geschreven, 2 bestand onleesbaar of geen PDF/.docx, 1 andere fout.`;

class UsageError extends Error {}

interface CheckArgs {
  files: string[];
  phase: FormPhase;
  json: boolean;
  annotateDir?: string;
  /** The annotated copy of the earlier version (`--previous`). */
  previous?: string;
  lang: Lang;
  today?: string;
  dossier: boolean;
  knownProtocols?: string[];
  mandate: boolean;
  /** Codebook files in the order given, each with the `--codebook-wave` in force before it. */
  codebooks: { file: string; wave?: string }[];
}

function parseCheckArgs(args: string[]): CheckArgs {
  const parsed: CheckArgs = { files: [], phase: 'draft', json: false, lang: 'nl', dossier: false, mandate: false, codebooks: [] };
  let codebookWave: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      const next = args[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${arg} verwacht een waarde / expects a value`);
      return next;
    };
    switch (arg) {
      case '--phase': {
        const phase = value();
        if (phase !== 'draft' && phase !== 'signed') throw new UsageError(`--phase: draft of signed, niet "${phase}"`);
        parsed.phase = phase;
        break;
      }
      case '--json':
        parsed.json = true;
        break;
      case '--annotate':
        parsed.annotateDir = value();
        break;
      case '--previous':
        parsed.previous = value();
        break;
      case '--lang': {
        const lang = value();
        // Strict on purpose: a typo must not silently give Dutch (`languageOf` is for culture names).
        if (!isLang(lang)) throw new UsageError(`--lang: nl of en, niet "${lang}"`);
        parsed.lang = lang;
        break;
      }
      case '--today': {
        const today = value();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today: jjjj-mm-dd, niet "${today}"`);
        parsed.today = today;
        break;
      }
      case '--dossier':
        parsed.dossier = true;
        break;
      case '--known-protocols':
        parsed.knownProtocols = value()
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean);
        break;
      case '--mandate':
        parsed.mandate = true;
        break;
      case '--codebook':
        parsed.codebooks.push({ file: value(), ...(codebookWave ? { wave: codebookWave } : {}) });
        break;
      case '--codebook-wave':
        codebookWave = value();
        break;
      default:
        if (arg.startsWith('--')) throw new UsageError(`onbekende optie / unknown option ${arg}`);
        parsed.files.push(arg);
    }
  }
  if (parsed.files.length === 0) throw new UsageError('geen bestanden opgegeven / no files given');
  return parsed;
}

/** The report's texts; `{name}` placeholders are filled by `interpolate`. */
export const cliTexts = defineCatalog(
  {
    severity: { blocking: 'BLOKKEREND', warning: 'WAARSCHUWING', info: 'INFO' },
    unknownForm: 'onbekend formulier',
    header: '{file} — {type} (catalogus {version}): {fields} velden gelezen, {viaControls} via inhoudsbesturingselementen, {viaLabels} via labels',
    result: '  Resultaat: {blocking} blokkerend, {warning} waarschuwing(en), {info} info',
    fileNotFound: 'bestand niet gevonden',
    errorPrefix: 'FOUT',
    codebooks: 'Codeboeken: {waves}',
    codebookWave: '{wave} ({count} variabelen)',
    previousHeader: '  Opmerkingen uit de vorige versie ({file}): {addressed} van {total} gewijzigd',
    carried: { addressed: 'gewijzigd', open: 'niet verwerkt' },
    previousNoMatch: '{file}: geen formulier van hetzelfde type als de vorige versie ({type})'
  },
  {
    severity: { blocking: 'BLOCKING', warning: 'WARNING', info: 'INFO' },
    unknownForm: 'unknown form',
    header: '{file} — {type} (catalog {version}): {fields} fields read, {viaControls} from content controls, {viaLabels} by label',
    result: '  Result: {blocking} blocking, {warning} warning(s), {info} info',
    fileNotFound: 'file not found',
    errorPrefix: 'ERROR',
    codebooks: 'Codebooks: {waves}',
    codebookWave: '{wave} ({count} variables)',
    previousHeader: '  Comments from the previous version ({file}): {addressed} of {total} changed',
    carried: { addressed: 'changed', open: 'not addressed' },
    previousNoMatch: '{file}: no form of the same type as the previous version ({type})'
  }
);

function fieldColumn(fieldId: string | undefined): string {
  return fieldId ?? '(document)';
}

function report(form: FormDocument, findings: Finding[], lang: Lang): string {
  const counts = countBySeverity(findings);
  const fields = Object.values(form.fields);
  const viaControls = fields.filter((field) => field.readVia === 'contentControl').length;
  const lines: string[] = [];
  const texts = cliTexts[lang];
  const type = form.formType ?? texts.unknownForm;
  lines.push(
    interpolate(texts.header, {
      file: form.fileName, type, version: form.catalogVersion ?? '?', fields: fields.length, viaControls, viaLabels: fields.length - viaControls
    })
  );
  for (const finding of findings) {
    lines.push(`  ${texts.severity[finding.severity].padEnd(12)} ${fieldColumn(finding.fieldId).padEnd(32)} ${finding.message[lang]}`);
  }
  lines.push(interpolate(texts.result, { blocking: counts.blocking, warning: counts.warnings, info: counts.info }));
  return lines.join('\n');
}

interface FileResult {
  file: string;
  form?: FormDocument;
  findings: Finding[];
  error?: { code: string; message: string };
  bytes?: Uint8Array;
  /** The comments of `--previous`, when this file is the new version of that form. */
  carried?: CarriedComment[];
}

/** A reviewer comment of the earlier annotated copy, compared with the new version. */
interface CarriedComment {
  /** The finding id (hidden in the comment), or one derived from field and text for older copies. */
  readonly findingId: string;
  readonly fieldId?: string;
  readonly rowIndex?: number;
  readonly text: string;
  readonly author: string;
  /** `addressed`: the field changed in the new version ("gewijzigd"); `open`: it did not ("niet verwerkt"). */
  readonly status: 'addressed' | 'open';
}

/** The earlier annotated copy of `--previous`, read. */
interface PreviousVersion {
  readonly file: string;
  readonly form: FormDocument;
  readonly annotations: readonly Annotation[];
}

/** A short stable hash (FNV-1a, hex) for ids of comments that carry none. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/**
 * Reads `--previous`: its form (to compare field values) and its comments. A file that cannot be read
 * is reported on stderr and stops the run (exit 2): checking without it would report nothing carried.
 */
async function loadPrevious(file: string, lang: Lang, io: CliIo): Promise<PreviousVersion | undefined> {
  const name = basename(file);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? cliTexts[lang].fileNotFound : (error as Error).message;
    io.err(`${cliTexts[lang].errorPrefix} --previous ${name}: ${reason}`);
    return undefined;
  }
  try {
    return { file, form: await readForm(bytes, name), annotations: await readAnnotations(bytes, name) };
  } catch (error) {
    if (!isFormReadError(error)) throw error;
    io.err(`${cliTexts[lang].errorPrefix} --previous ${lang === 'nl' ? error.message : error.messageEn}`);
    return undefined;
  }
}

/**
 * The reviewer comments of the earlier copy, each once, with whether their field changed. Automatic
 * findings (a hidden `check:` id, or an older copy's `Blokkerend: …` / `[VSA check:…]`) are not
 * carried: the checks run again on the new version.
 */
function carriedComments(previous: PreviousVersion, form: FormDocument): CarriedComment[] {
  const changed = new Set(changedFieldKeys(previous.form, form));
  const seen = new Set<string>();
  const carried: CarriedComment[] = [];
  for (const annotation of previous.annotations) {
    if (annotation.origin === 'legacyCheck' || annotation.findingId?.startsWith('check:') || annotation.text === '') continue;
    const place = { fieldId: annotation.fieldId, rowIndex: annotation.rowIndex };
    const findingId = annotation.findingId ?? `remark:${annotation.fieldId ?? '-'}${annotation.rowIndex === undefined ? '' : `#${annotation.rowIndex}`}:${shortHash(annotation.text)}`;
    if (seen.has(findingId)) continue;
    seen.add(findingId);
    carried.push({
      findingId,
      ...(annotation.fieldId ? { fieldId: annotation.fieldId } : {}),
      ...(annotation.rowIndex !== undefined ? { rowIndex: annotation.rowIndex } : {}),
      text: annotation.text,
      author: annotation.author,
      status: fieldChanged(place, changed) ? 'addressed' : 'open'
    });
  }
  return carried;
}

/** What the annotated copy of a file holds: its own automatic findings and the comments still open. */
function findingsToAnnotate(result: FileResult, at: string): DossierFinding[] {
  const form = result.form!;
  // An unknown form type still gets comments; its kind only names the findings' ids.
  const documentKind = form.formType ?? 'aanvraagformulier';
  const by = { id: 'vsa-forms', displayName: 'vsa-forms' };
  const automatic = reconcileFindings([], [{ documentKind, documentId: form.fileName, version: 'new', readable: true, automaticFindings: result.findings.map((finding) => automaticFindingOf(finding, form)) }], at, by).findings;
  const carried = (result.carried ?? [])
    .filter((comment) => comment.status === 'open')
    .map(
      (comment): DossierFinding => ({
        id: comment.findingId,
        documentKind,
        ...(comment.fieldId ? { fieldId: comment.fieldId } : {}),
        ...(comment.rowIndex !== undefined ? { rowIndex: comment.rowIndex } : {}),
        origin: 'reviewer',
        text: comment.text,
        author: { id: comment.author, displayName: comment.author },
        audience: 'requester',
        severity: 'warning',
        firstSeenVersion: 'previous',
        lastSeenVersion: 'new',
        status: 'open',
        createdAt: at,
        history: [],
        revision: 1
      })
    );
  const ids = new Set(automatic.map((finding) => finding.id));
  return [...automatic, ...carried.filter((finding) => !ids.has(finding.id))];
}

function carriedReport(previous: PreviousVersion, carried: readonly CarriedComment[], lang: Lang): string[] {
  const texts = cliTexts[lang];
  const addressed = carried.filter((comment) => comment.status === 'addressed').length;
  return [
    interpolate(texts.previousHeader, { file: basename(previous.file), addressed, total: carried.length }),
    ...carried.map((comment) => {
      const field = comment.fieldId ? `${comment.fieldId}${comment.rowIndex === undefined ? '' : ` (${comment.rowIndex + 1})`}` : undefined;
      return `    ${texts.carried[comment.status].toUpperCase().padEnd(14)} ${fieldColumn(field).padEnd(32)} ${comment.text}`;
    })
  ];
}

/**
 * Reads every `--codebook` file, all before any form: a codebook that cannot be read stops the run
 * (message on stderr, exit 2) rather than checking the forms without it and reporting them clean.
 */
function loadCodebooks(options: CheckArgs, io: CliIo): Codebook[] | undefined {
  const codebooks: Codebook[] = [];
  for (const { file, wave } of options.codebooks) {
    const name = basename(file);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? cliTexts[options.lang].fileNotFound : (error as Error).message;
      io.err(`${cliTexts[options.lang].errorPrefix} ${name}: ${reason}`);
      return undefined;
    }
    try {
      codebooks.push(...parseCodebookFile(bytes, name, wave ? { wave } : {}));
    } catch (error) {
      if (!isCodebookImportError(error)) throw error;
      io.err(`${cliTexts[options.lang].errorPrefix} ${options.lang === 'nl' ? error.message : error.messageEn}`);
      return undefined;
    }
  }
  return codebooks;
}

async function runCheck(args: string[], io: CliIo): Promise<number> {
  const options = parseCheckArgs(args);
  const codebooks = loadCodebooks(options, io);
  if (!codebooks) return 2;
  const previous = options.previous === undefined ? undefined : await loadPrevious(options.previous, options.lang, io);
  if (options.previous !== undefined && !previous) return 2;
  const context: CheckContext = {
    phase: options.phase,
    today: options.today ?? io.today ?? new Date().toISOString().slice(0, 10),
    knownProtocolNumbers: options.knownProtocols,
    hasMandateDocument: options.mandate,
    ...(codebooks.length ? { codebooks } : {})
  };
  const results: FileResult[] = [];
  for (const file of options.files) {
    const name = basename(file);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? cliTexts[options.lang].fileNotFound : (error as Error).message;
      results.push({ file, findings: [], error: { code: 'io', message: `${name}: ${reason}` } });
      continue;
    }
    try {
      const form = await readForm(bytes, name);
      results.push({ file, form, findings: checkForm(form, context), bytes });
    } catch (error) {
      if (!isFormReadError(error)) throw error;
      results.push({ file, findings: [], error: { code: error.code, message: options.lang === 'nl' ? error.message : error.messageEn } });
    }
  }
  if (options.dossier) {
    const forms = results.flatMap((result) => (result.form ? [result.form] : []));
    for (const finding of checkDossierForms(forms, context)) {
      results.find((result) => result.form?.fileName === finding.fileName)?.findings.push(finding);
    }
  }
  if (previous) {
    const readable = results.filter((result) => result.form);
    const matching = readable.length === 1 ? readable : readable.filter((result) => result.form!.formType === previous.form.formType);
    if (matching.length === 0 && readable.length > 0) {
      io.err(`${cliTexts[options.lang].errorPrefix} ${interpolate(cliTexts[options.lang].previousNoMatch, { file: basename(previous.file), type: previous.form.formType ?? cliTexts[options.lang].unknownForm })}`);
      return 2;
    }
    for (const result of matching) result.carried = carriedComments(previous, result.form!);
  }
  if (options.annotateDir) {
    mkdirSync(options.annotateDir, { recursive: true });
    const stamp = new Date().toISOString();
    for (const result of results) {
      if (!result.form || !result.bytes) continue;
      const reviewed = await annotateFindings(result.bytes, findingsToAnnotate(result, stamp), { lang: options.lang, date: stamp, fileName: result.form.fileName });
      const target = join(options.annotateDir, `${result.form.fileName.replace(/\.docx?m?$/i, '')}.reviewed.docx`);
      writeFileSync(target, reviewed);
    }
  }
  if (options.json) {
    io.out(
      JSON.stringify(
        results.map((result) => ({
          file: result.file,
          formType: result.form?.formType,
          catalogVersion: result.form?.catalogVersion,
          fields: result.form ? Object.fromEntries(Object.values(result.form.fields).map((field) => [field.fieldId, { readVia: field.readVia, empty: field.isPlaceholder }])) : undefined,
          findings: result.findings,
          ...(result.carried && previous
            ? {
                previous: {
                  file: previous.file,
                  comments: result.carried.map((comment) => ({ ...comment, changed: comment.status === 'addressed', label: cliTexts[options.lang].carried[comment.status] }))
                }
              }
            : {}),
          error: result.error
        })),
        null,
        2
      )
    );
  } else {
    if (codebooks.length) {
      const texts = cliTexts[options.lang];
      io.out(interpolate(texts.codebooks, { waves: codebooks.map((codebook) => interpolate(texts.codebookWave, { wave: codebook.wave, count: codebook.variables.length })).join(', ') }));
    }
    for (const result of results) {
      if (result.error) io.err(`${cliTexts[options.lang].errorPrefix} ${result.error.message}`);
      else if (result.form) io.out([report(result.form, result.findings, options.lang), ...(result.carried && previous ? carriedReport(previous, result.carried, options.lang) : [])].join('\n'));
    }
  }
  if (results.some((result) => result.error)) return 2;
  return results.some((result) => hasBlockingFindings(result.findings)) ? 1 : 0;
}

async function runTemplate(args: string[], io: CliIo): Promise<number> {
  const [which, outdir] = args;
  if (!which || !outdir || args.length > 2) throw new UsageError('template verwacht <type|all> <outdir>');
  if (which !== 'all' && !isFormType(which)) throw new UsageError(`onbekend formuliertype / unknown form type "${which}"`);
  const types: readonly FormType[] = which === 'all' ? FORM_TYPES : [which as FormType];
  mkdirSync(outdir, { recursive: true });
  for (const type of types) {
    const target = join(outdir, `${type}.docx`);
    writeFileSync(target, await generateTemplate(type));
    io.out(target);
  }
  return 0;
}

/** Runs the CLI with arguments (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'template') return await runTemplate(rest, io);
    if (command === 'check') return await runCheck(rest, io);
    // Loaded on use: PKI.js and the PDF reader stay out of the start of `check` and `template`.
    if (command === 'signatures') return await (await import('./signatures')).runSignatures(rest, io, USAGE);
    // Loaded on use: the forms commands do not evaluate pdf-lib.
    if (command === 'publication') return await (await import('./publication')).runPublication(rest, io);
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return 0;
    }
    throw new UsageError(command ? `onbekend commando / unknown command "${command}"` : 'geen commando / no command');
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`vsa-forms: ${(error as Error).message}\n`);
      process.exitCode = 2;
    }
  );
}
