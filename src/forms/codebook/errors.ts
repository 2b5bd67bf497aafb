import { interpolate } from '../../domain/i18n/interpolate';

/**
 * Why a codebook file (DDI-Codebook 2.5 XML or CSV) was refused. Codes double as translation keys
 * `forms.codebook.<code>`. An import is all or nothing: any of these means no codebook of the file.
 */
export type CodebookImportErrorCode =
  | 'empty'
  | 'tooLarge'
  | 'encoding'
  | 'utf16WithoutBom'
  | 'notUtf8'
  | 'doctype'
  | 'notXml'
  | 'notDdi'
  | 'unterminatedQuote'
  | 'missingColumns'
  | 'formula'
  | 'missingName'
  | 'sensitiveValue'
  | 'duplicate'
  | 'unknownWave'
  | 'noWave'
  | 'noVariables';

/** Texts of the import errors per code, Dutch first (`{name}` placeholders from the error params). */
export const codebookImportMessages: Readonly<Record<CodebookImportErrorCode, { readonly nl: string; readonly en: string }>> = {
  empty: { nl: 'het bestand is leeg', en: 'the file is empty' },
  tooLarge: {
    nl: 'het bestand is te groot ({size}, maximum {max}); het wordt niet gelezen',
    en: 'the file is too large ({size}, maximum {max}); it is not read'
  },
  encoding: {
    nl: 'tekencodering {encoding} wordt niet aanvaard; bewaar het bestand als UTF-8',
    en: 'character encoding {encoding} is not accepted; save the file as UTF-8'
  },
  utf16WithoutBom: {
    nl: 'regel {line}: nul-bytes, vermoedelijk UTF-16 zonder byte order mark; bewaar het bestand als UTF-8',
    en: 'line {line}: NUL bytes, probably UTF-16 without a byte order mark; save the file as UTF-8'
  },
  notUtf8: {
    nl: 'regel {line}: byte {byte} is geen UTF-8 (Latin-1 of Windows-1252?); bewaar het bestand als UTF-8',
    en: 'line {line}: byte {byte} is not UTF-8 (Latin-1 or Windows-1252?); save the file as UTF-8'
  },
  doctype: {
    nl: 'het bestand bevat een DOCTYPE of entiteitsdeclaratie; dat wordt geweigerd',
    en: 'the file contains a DOCTYPE or entity declaration; refused'
  },
  notXml: { nl: 'dit is geen geldige XML (regel {line}: {detail})', en: 'this is not valid XML (line {line}: {detail})' },
  notDdi: {
    nl: 'dit is geen DDI-Codebook (het hoofdelement is <{root}>, verwacht <codeBook>)',
    en: 'this is not a DDI Codebook (the root element is <{root}>, expected <codeBook>)'
  },
  unterminatedQuote: {
    nl: 'regel {line}: een veld tussen aanhalingstekens wordt niet afgesloten',
    en: 'line {line}: a quoted field is never closed'
  },
  missingColumns: {
    nl: 'de kopregel mist de kolom(men) {columns} (verwacht: name, label, wave, sensitive; gescheiden door , of ;)',
    en: 'the header lacks the column(s) {columns} (expected: name, label, wave, sensitive; separated by , or ;)'
  },
  formula: {
    nl: 'regel {line}, kolom {column}: de cel begint met "{start}" (een formule in een rekenblad); het bestand wordt geweigerd',
    en: 'line {line}, column {column}: the cell starts with "{start}" (a spreadsheet formula); the file is refused'
  },
  missingName: {
    nl: 'regel {line}: een variabele zonder naam',
    en: 'line {line}: a variable without a name'
  },
  sensitiveValue: {
    nl: 'regel {line}, variabele {variable}: "{value}" is geen geldige waarde voor sensitive (ja/nee, yes/no, true/false, 1/0 of leeg)',
    en: 'line {line}, variable {variable}: "{value}" is not a valid sensitive value (ja/nee, yes/no, true/false, 1/0 or empty)'
  },
  duplicate: {
    nl: 'regel {line}: de variabele {variable} komt twee keer voor in {wave} (eerder op regel {firstLine})',
    en: 'line {line}: the variable {variable} occurs twice in {wave} (earlier on line {firstLine})'
  },
  unknownWave: {
    nl: 'regel {line}: "{wave}" is geen bekende golf van een bevraging (bv. SV-bevraging 2023-1, COVID-19-bevraging golf 3, SCV-survey 2015)',
    en: 'line {line}: "{wave}" is not a known survey wave (e.g. SV-bevraging 2023-1, COVID-19-bevraging golf 3, SCV-survey 2015)'
  },
  noWave: {
    nl: 'regel {line}, variabele {variable}: het bestand zegt niet van welke golf de variabele is; kies de golf bij het importeren',
    en: 'line {line}, variable {variable}: the file does not say which wave the variable belongs to; choose the wave when importing'
  },
  noVariables: { nl: 'het bestand bevat geen enkele variabele', en: 'the file holds no variables' }
};

/**
 * A codebook file that cannot be imported: names the file and the reason (line, variable, wave), in
 * Dutch (`message`) and English (`messageEn`). The CLI maps it to exit code 2.
 */
export class CodebookImportError extends Error {
  public readonly code: CodebookImportErrorCode;
  public readonly fileName: string;
  public readonly messageEn: string;
  public readonly params: Record<string, string>;

  public constructor(code: CodebookImportErrorCode, fileName: string, params: Record<string, string> = {}) {
    const text = codebookImportMessages[code];
    super(`${fileName}: ${interpolate(text.nl, params)}`);
    this.name = 'CodebookImportError';
    this.code = code;
    this.fileName = fileName;
    this.params = params;
    this.messageEn = `${fileName}: ${interpolate(text.en, params)}`;
    // Keeps instanceof working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, CodebookImportError.prototype);
  }
}

/** True when `error` is a CodebookImportError (also across bundle copies). */
export function isCodebookImportError(error: unknown): error is CodebookImportError {
  return error instanceof CodebookImportError || (error instanceof Error && error.name === 'CodebookImportError');
}
