/**
 * Codebooks as CSV, as a spreadsheet saves them: a header `name,label,wave,sensitive` (any order,
 * case-insensitive, Dutch `naam`/`omschrijving`/`golf`/`gevoelig` too), `,` or `;` as separator (the
 * one the header uses), RFC 4180 quoting (separators, doubled quotes and newlines inside quotes),
 * UTF-8 with or without BOM.
 */
import type { Codebook } from '../types';
import { decodeCodebookBytes } from './decode';
import { CodebookImportError } from './errors';
import { CodebookCollector, parseSensitive } from './collect';
import type { CodebookParseOptions } from './ddi';
import { catalogWave, wavesOfCell } from './waves';

type Column = 'name' | 'label' | 'wave' | 'sensitive';

const HEADER_ALIASES: Readonly<Record<string, Column>> = {
  name: 'name',
  naam: 'name',
  variable: 'name',
  variabele: 'name',
  label: 'label',
  omschrijving: 'label',
  wave: 'wave',
  golf: 'wave',
  sensitive: 'sensitive',
  gevoelig: 'sensitive'
};

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV injection": = + - @, and tab or carriage
 * return before them). Refused, not neutralised: a codebook has no reason to hold one, and a file
 * that does was not exported by a statistics package.
 */
const FORMULA_START = /^[\t\r]|^\s*[=+\-@]/;

interface CsvRecord {
  readonly line: number;
  readonly cells: string[];
}

/** The separator the header line uses: `;` when it has more semicolons than commas, else `,`. */
export function detectSeparator(text: string): ',' | ';' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

/** RFC 4180 records with the physical line each starts on; an unclosed quote is refused. */
export function csvRecords(text: string, separator: string, fileName: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 1;
  let i = 0;
  const endRecord = (): void => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        else if (c === '\r' && text[i + 1] !== '\n') line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (c === separator) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else cell += c;
    i++;
  }
  if (quoted) throw new CodebookImportError('unterminatedQuote', fileName, { line: String(quoteLine) });
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

/**
 * Reads a codebook CSV into one codebook per wave (catalog order). All or nothing: any problem
 * throws a `CodebookImportError` naming the line (and variable), and no codebook is returned.
 */
export function parseCodebookCsv(bytes: Uint8Array, fileName: string, options: CodebookParseOptions = {}): Codebook[] {
  const fallback = options.wave === undefined ? undefined : catalogWave(options.wave);
  if (options.wave !== undefined && !fallback) throw new CodebookImportError('unknownWave', fileName, { line: '-', wave: options.wave });
  const { text } = decodeCodebookBytes(bytes, fileName);
  const records = csvRecords(text, detectSeparator(text), fileName).filter((record) => record.cells.some((cell) => cell.trim() !== ''));
  if (records.length === 0) throw new CodebookImportError('empty', fileName);
  const [header, ...rows] = records;
  for (const record of records) {
    record.cells.forEach((cell, index) => {
      const match = FORMULA_START.exec(cell);
      if (match) {
        const column = record === header ? String(index + 1) : header.cells[index]?.trim() || String(index + 1);
        const start = cell.startsWith('\t') ? 'TAB' : cell.startsWith('\r') ? 'CR' : cell.trim().charAt(0);
        throw new CodebookImportError('formula', fileName, { line: String(record.line), column, start });
      }
    });
  }
  const columns = new Map<Column, number>();
  header.cells.forEach((cell, index) => {
    const column = HEADER_ALIASES[cell.trim().toLowerCase()];
    if (column && !columns.has(column)) columns.set(column, index);
  });
  const missing = (['name', 'label', 'wave'] as Column[]).filter((column) => !columns.has(column) && !(column === 'wave' && fallback));
  if (missing.length) throw new CodebookImportError('missingColumns', fileName, { columns: missing.join(', ') });

  const cellOf = (record: CsvRecord, column: Column): string => {
    const index = columns.get(column);
    return index === undefined ? '' : (record.cells[index] ?? '').trim();
  };
  const collector = new CodebookCollector(fileName);
  for (const record of rows) {
    const line = String(record.line);
    const name = cellOf(record, 'name');
    if (!name) throw new CodebookImportError('missingName', fileName, { line });
    const waveCell = cellOf(record, 'wave');
    const waves = waveCell ? wavesOfCell(waveCell) : fallback ? { waves: [fallback] } : undefined;
    if (!waves) throw new CodebookImportError('noWave', fileName, { line, variable: name });
    if ('unknown' in waves) throw new CodebookImportError('unknownWave', fileName, { line, wave: waves.unknown });
    const sensitiveCell = cellOf(record, 'sensitive');
    const sensitive = parseSensitive(sensitiveCell);
    if (sensitive === undefined) throw new CodebookImportError('sensitiveValue', fileName, { line, variable: name, value: sensitiveCell });
    const label = cellOf(record, 'label').replace(/\s+/g, ' ');
    for (const wave of waves.waves) collector.add(wave, { name, label, sensitive }, line);
  }
  return collector.codebooks();
}
