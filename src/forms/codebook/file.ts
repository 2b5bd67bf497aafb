import type { Codebook } from '../types';
import { parseCodebookCsv } from './csv';
import { parseDdiCodebook } from './ddi';
import type { CodebookParseOptions } from './ddi';

/**
 * Reads a codebook file by its name: `.csv` (and `.txt`) as CSV, anything else as DDI XML — the XML
 * parser refuses what is not XML with a clear error, so a misnamed file is never silently accepted.
 */
export function parseCodebookFile(bytes: Uint8Array, fileName: string, options: CodebookParseOptions = {}): Codebook[] {
  return /\.(csv|txt)$/i.test(fileName) ? parseCodebookCsv(bytes, fileName, options) : parseDdiCodebook(bytes, fileName, options);
}
