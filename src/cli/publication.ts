/**
 * `vsa-forms publication <ondertekend.pdf|ondertekend.docx> <uit.pdf> [--lang nl|en]`: writes the
 * publication version of a signed original (step 5): the same pages without signature data.
 *
 * A PDF is rebuilt by `makePublicationVersion`. A .docx is stripped of its digital signatures and
 * signature-line data, converted to PDF with LibreOffice (as the local tenant converts), and that PDF
 * passes through `makePublicationVersion` once more (which drops the converter's metadata). With an
 * output name ending in .docx, a Word original is written as the stripped .docx instead.
 *
 * Exit codes: 0 written; 2 the input cannot be read or is no PDF/.docx (or bad usage); 1 any other
 * failure (LibreOffice missing or failing, the output cannot be written).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { basename, dirname } from 'path';
import { PDFDocument } from 'pdf-lib';
import { defineCatalog } from '../domain/i18n/catalog';
import { interpolate } from '../domain/i18n/interpolate';
import { isLang } from '../domain/i18n/language';
import type { Lang } from '../domain/types';
import { isPublicationVersionError, makePublicationVersion } from '../signatures/publication';
import { ConversionError, convertToPdf } from '../composition/nodeConversion';

/** Where the command writes; tests pass collecting streams and a converter. */
export interface PublicationIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** .docx → PDF; LibreOffice by default. */
  readonly convert?: (bytes: Uint8Array, fileName: string) => Promise<Uint8Array>;
}

export const PUBLICATION_USAGE = '  vsa-forms publication <ondertekend.pdf|ondertekend.docx> <publicatieversie.pdf> [--lang nl|en]';

export const publicationTexts = defineCatalog(
  {
    usage: 'publication verwacht <ondertekend.pdf|ondertekend.docx> <publicatieversie.pdf>',
    written: 'Publicatieversie geschreven: {file} ({pages} pagina\'s), zonder handtekeningen, certificaten, formuliervelden of metadata over personen.',
    writtenDocx: 'Publicatieversie (Word) geschreven: {file}, zonder digitale handtekeningen en handtekeningregelgegevens; zet ze om naar PDF om te publiceren.',
    fileNotFound: '{file}: bestand niet gevonden',
    readFailed: '{file}: kan niet gelezen worden ({detail})',
    writeFailed: '{file}: kan niet geschreven worden ({detail})',
    conversionFailed: '{file}: de omzetting naar PDF is mislukt: {detail}',
    errorPrefix: 'FOUT'
  },
  {
    usage: 'publication expects <signed.pdf|signed.docx> <publication-version.pdf>',
    written: 'Publication version written: {file} ({pages} pages), without signatures, certificates, form fields or metadata about people.',
    writtenDocx: 'Publication version (Word) written: {file}, without digital signatures and signature-line data; convert it to PDF to publish.',
    fileNotFound: '{file}: file not found',
    readFailed: '{file}: cannot be read ({detail})',
    writeFailed: '{file}: cannot be written ({detail})',
    conversionFailed: '{file}: the conversion to PDF failed: {detail}',
    errorPrefix: 'ERROR'
  }
);

interface PublicationArgs {
  readonly input: string;
  readonly output: string;
  readonly lang: Lang;
}

/** The arguments, or the usage problem (Dutch and English). */
function parseArgs(args: readonly string[]): PublicationArgs | string {
  const positional: string[] = [];
  let lang: Lang = 'nl';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--lang') {
      const value = args[++i];
      if (value === undefined || !isLang(value)) return `--lang: nl of en / nl or en, niet / not "${value ?? ''}"`;
      lang = value;
    } else if (arg.startsWith('--')) return `onbekende optie / unknown option ${arg}`;
    else positional.push(arg);
  }
  if (positional.length !== 2) return `${publicationTexts.nl.usage} / ${publicationTexts.en.usage}`;
  return { input: positional[0], output: positional[1], lang };
}

/** Runs `vsa-forms publication …`; resolves to the exit code. */
export async function runPublication(args: readonly string[], io: PublicationIo): Promise<number> {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.err(`${parsed}\nGebruik / usage:\n${PUBLICATION_USAGE}`);
    return 2;
  }
  const texts = publicationTexts[parsed.lang];
  const fail = (text: string): void => io.err(`${texts.errorPrefix} ${text}`);
  const name = basename(parsed.input);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(parsed.input));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'ENOENT' ? interpolate(texts.fileNotFound, { file: name }) : interpolate(texts.readFailed, { file: name, detail: (error as Error).message }));
    return 2;
  }
  let result: { bytes: Uint8Array; format: 'pdf' | 'docx' };
  try {
    const version = await makePublicationVersion(bytes, name);
    result = version;
    if (version.format === 'docx' && !/\.docx$/i.test(parsed.output)) {
      const converted = await (io.convert ?? convertToPdf)(version.bytes, version.fileName);
      result = await makePublicationVersion(converted, version.fileName.replace(/\.docx$/i, '.pdf'));
    }
  } catch (error) {
    if (isPublicationVersionError(error)) {
      fail(error.messageIn(parsed.lang));
      return error.code === 'app.error.publicationSignatureDataLeft' ? 1 : 2;
    }
    if (error instanceof ConversionError) {
      fail(interpolate(texts.conversionFailed, { file: name, detail: error.message }));
      return 1;
    }
    throw error;
  }
  try {
    mkdirSync(dirname(parsed.output), { recursive: true });
    writeFileSync(parsed.output, result.bytes);
  } catch (error) {
    fail(interpolate(texts.writeFailed, { file: parsed.output, detail: (error as Error).message }));
    return 1;
  }
  if (result.format === 'docx') io.out(interpolate(texts.writtenDocx, { file: parsed.output }));
  else {
    const pages = (await PDFDocument.load(result.bytes, { updateMetadata: false })).getPageCount();
    io.out(interpolate(texts.written, { file: parsed.output, pages }));
  }
  return 0;
}
