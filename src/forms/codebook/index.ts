/**
 * Survey codebooks (issue 13): import from DDI-Codebook 2.5 XML or CSV, and look variables up.
 * Pure: bytes in, `Codebook[]` out; storage is the `CodebookStore` port's business.
 */
export { parseDdiCodebook, DDI_WAVE_NOTE, DDI_SENSITIVE_NOTE } from './ddi';
export type { CodebookParseOptions } from './ddi';
export { parseCodebookCsv } from './csv';
export { CodebookImportError, isCodebookImportError, codebookImportMessages } from './errors';
export type { CodebookImportErrorCode } from './errors';
export { MAX_CODEBOOK_BYTES } from './decode';
export { codebookIndex, boundedDamerau, normalizeName } from './codebookIndex';
export type { CodebookIndex, CodebookMatch } from './codebookIndex';
export { parseCodebookFile } from './file';
