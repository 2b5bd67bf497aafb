/**
 * vsa-forms: generate the VSA form templates and check filled forms from the command line.
 *
 *   vsa-forms template <type|all> <outdir>
 *   vsa-forms check <file.docx>... [--phase draft|signed] [--json] [--annotate <outdir>] [--lang nl|en]
 *                   [--today yyyy-mm-dd] [--dossier] [--known-protocols P1,P2] [--mandate]
 *
 * Exit codes: 0 no blocking finding; 1 blocking findings; 2 a file could not be read (or bad usage).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { basename, join } from 'path';
import {
  annotate,
  checkDossierForms,
  checkForm,
  countBySeverity,
  FORM_TYPES,
  generateTemplate,
  hasBlockingFindings,
  isFormReadError,
  isFormType,
  readForm
} from '../forms';
import type { CheckContext, Finding, FormDocument, FormPhase, FormType } from '../forms';

/** Where the CLI writes; tests pass collecting streams. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Today (ISO date) unless --today is given; tests pin it. */
  readonly today?: string;
}

const defaultIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`)
};

const USAGE = `Gebruik / usage:
  vsa-forms template <${FORM_TYPES.join('|')}|all> <outdir>
  vsa-forms check <bestand.docx>... [--phase draft|signed] [--json] [--annotate <outdir>] [--lang nl|en]
                  [--today jjjj-mm-dd] [--dossier] [--known-protocols P1,P2] [--mandate]
Exitcode: 0 geen blokkerende bevinding, 1 blokkerende bevindingen, 2 bestand onleesbaar of fout gebruik.`;

class UsageError extends Error {}

interface CheckArgs {
  files: string[];
  phase: FormPhase;
  json: boolean;
  annotateDir?: string;
  lang: 'nl' | 'en';
  today?: string;
  dossier: boolean;
  knownProtocols?: string[];
  mandate: boolean;
}

function parseCheckArgs(args: string[]): CheckArgs {
  const parsed: CheckArgs = { files: [], phase: 'draft', json: false, lang: 'nl', dossier: false, mandate: false };
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
      case '--lang': {
        const lang = value();
        if (lang !== 'nl' && lang !== 'en') throw new UsageError(`--lang: nl of en, niet "${lang}"`);
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
      default:
        if (arg.startsWith('--')) throw new UsageError(`onbekende optie / unknown option ${arg}`);
        parsed.files.push(arg);
    }
  }
  if (parsed.files.length === 0) throw new UsageError('geen bestanden opgegeven / no files given');
  return parsed;
}

const SEVERITY_LABEL = {
  nl: { blocking: 'BLOKKEREND', warning: 'WAARSCHUWING', info: 'INFO' },
  en: { blocking: 'BLOCKING', warning: 'WARNING', info: 'INFO' }
} as const;

function fieldColumn(fieldId: string | undefined): string {
  return fieldId ?? '(document)';
}

function report(form: FormDocument, findings: Finding[], lang: 'nl' | 'en'): string {
  const counts = countBySeverity(findings);
  const fields = Object.values(form.fields);
  const viaControls = fields.filter((field) => field.readVia === 'contentControl').length;
  const lines: string[] = [];
  const type = form.formType ?? (lang === 'nl' ? 'onbekend formulier' : 'unknown form');
  lines.push(
    lang === 'nl'
      ? `${form.fileName} — ${type} (catalogus ${form.catalogVersion ?? '?'}): ${fields.length} velden gelezen, ${viaControls} via inhoudsbesturingselementen, ${fields.length - viaControls} via labels`
      : `${form.fileName} — ${type} (catalog ${form.catalogVersion ?? '?'}): ${fields.length} fields read, ${viaControls} from content controls, ${fields.length - viaControls} by label`
  );
  for (const finding of findings) {
    lines.push(`  ${SEVERITY_LABEL[lang][finding.severity].padEnd(12)} ${fieldColumn(finding.fieldId).padEnd(32)} ${finding.message[lang]}`);
  }
  lines.push(
    lang === 'nl'
      ? `  Resultaat: ${counts.blocking} blokkerend, ${counts.warnings} waarschuwing(en), ${counts.info} info`
      : `  Result: ${counts.blocking} blocking, ${counts.warnings} warning(s), ${counts.info} info`
  );
  return lines.join('\n');
}

interface FileResult {
  file: string;
  form?: FormDocument;
  findings: Finding[];
  error?: { code: string; message: string };
  bytes?: Uint8Array;
}

async function runCheck(args: string[], io: CliIo): Promise<number> {
  const options = parseCheckArgs(args);
  const context: CheckContext = {
    phase: options.phase,
    today: options.today ?? io.today ?? new Date().toISOString().slice(0, 10),
    knownProtocolNumbers: options.knownProtocols,
    hasMandateDocument: options.mandate
  };
  const results: FileResult[] = [];
  for (const file of options.files) {
    const name = basename(file);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? (options.lang === 'nl' ? 'bestand niet gevonden' : 'file not found') : (error as Error).message;
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
  if (options.annotateDir) {
    mkdirSync(options.annotateDir, { recursive: true });
    const stamp = new Date().toISOString();
    for (const result of results) {
      if (!result.form || !result.bytes) continue;
      const reviewed = await annotate(result.bytes, result.findings, [], 'VSA vsa-forms', stamp, { fileName: result.form.fileName });
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
          error: result.error
        })),
        null,
        2
      )
    );
  } else {
    for (const result of results) {
      if (result.error) io.err(`${options.lang === 'nl' ? 'FOUT' : 'ERROR'} ${result.error.message}`);
      else if (result.form) io.out(report(result.form, result.findings, options.lang));
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
