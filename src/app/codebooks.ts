/**
 * The survey codebooks as the product uses them: importing a DDI-Codebook or CSV file (parsed by the
 * forms engine's codebook reader, then stored whole), listing and searching them, and handing the form
 * checks the codebooks of the waves a form requests. Reads are cached per wave and import time, so a
 * screen that checks many documents reads each wave's variables once until someone imports it again.
 */
import type { CodebookStore, CodebookSummary } from '../data/ports';
import type { IsoDateTime, PersonRef } from '../domain/types';
import type { Codebook } from '../forms/types';
import type { CodebookIndex, CodebookMatch } from '../forms/codebook';
import { AppError } from './appError';

/** What the codebook reader of the forms engine offers (`src/forms/codebook`). */
export interface CodebookEngine {
  parseDdiCodebook(bytes: Uint8Array, fileName: string, options?: { readonly wave?: string }): Codebook[];
  parseCodebookCsv(bytes: Uint8Array, fileName: string, options?: { readonly wave?: string }): Codebook[];
  codebookIndex(codebooks: readonly Codebook[]): CodebookIndex;
}

/** Loads the codebook reader (a lazy chunk in the browser, beside the forms engine). */
export type CodebookEngineLoader = () => Promise<CodebookEngine>;

/** The codebook reader in its own chunk, loaded on the first import. */
export function loadCodebookEngine(): Promise<CodebookEngine> {
  return import(/* webpackChunkName: 'vsa-codebook-reader' */ '../forms/codebook');
}

/** What the checks read: the codebooks of the waves asked for (waves without one left out). */
export interface CodebookReader {
  load(waves: readonly string[]): Promise<Codebook[]>;
}

/** A file to import. */
export interface CodebookFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** Options of an import. */
export interface ImportCodebookOptions {
  /** The wave when the file does not say (a CSV without a wave column, a DDI file of one wave). */
  readonly wave?: string;
  /** The codebook reader; default: the lazily loaded one of `src/forms/codebook`. */
  readonly engine?: CodebookEngineLoader;
}

/** How a file is read: by its extension, else by its first character (`<`: XML). */
export function codebookFormatOf(file: CodebookFile): 'ddi' | 'csv' {
  const extension = /\.([^.]+)$/.exec(file.fileName)?.[1]?.toLowerCase();
  if (extension === 'xml') return 'ddi';
  if (extension === 'csv' || extension === 'txt') return 'csv';
  let start = 0;
  // A byte order mark and leading white space say nothing about the format.
  if (file.bytes[0] === 0xef && file.bytes[1] === 0xbb && file.bytes[2] === 0xbf) start = 3;
  while (start < file.bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(file.bytes[start])) start++;
  return file.bytes[start] === 0x3c ? 'ddi' : 'csv';
}

/**
 * Reads a codebook file and stores its codebooks: one import replaces each wave it holds as a whole.
 * A file the reader refuses fails with the reader's coded `CodebookImportError` and stores nothing; a
 * file without any variables fails with `app.error.codebookEmpty`.
 */
export async function importCodebook(store: Pick<CodebookStore, 'save'>, file: CodebookFile, importedBy: PersonRef, options: ImportCodebookOptions = {}): Promise<CodebookSummary[]> {
  const engine = await (options.engine ?? loadCodebookEngine)();
  const wave = options.wave?.trim() ? { wave: options.wave.trim() } : {};
  const codebooks = codebookFormatOf(file) === 'ddi' ? engine.parseDdiCodebook(file.bytes, file.fileName, wave) : engine.parseCodebookCsv(file.bytes, file.fileName, wave);
  const filled = codebooks.filter((codebook) => codebook.variables.length > 0);
  if (filled.length === 0) throw new AppError('app.error.codebookEmpty', { fileName: file.fileName });
  return store.save(filled, file, importedBy);
}

/** Every wave that has a codebook. */
export function listCodebooks(store: Pick<CodebookStore, 'list'>): Promise<CodebookSummary[]> {
  return store.list();
}

/** One variable found by a search: the forms engine's `CodebookMatch`. */
export type CodebookHit = CodebookMatch;

/** Options of the cached codebooks. */
export interface CodebookLibraryOptions {
  /** How long the list of waves (and so the import times) is trusted before it is read again; default 60 s. */
  readonly listTtlMs?: number;
  /** Milliseconds now (tests move it). */
  readonly now?: () => number;
  readonly engine?: CodebookEngineLoader;
}

/**
 * The codebooks with a cache: the waves' summaries are read at most once per `listTtlMs`, a wave's
 * variables once per import (wave and `importedAt`), so checking twenty documents of a screen reads
 * each wave once. An import through here refreshes the cache at once.
 */
export class CodebookLibrary implements CodebookReader {
  private summariesRead?: { at: number; summaries: Promise<CodebookSummary[]> };
  private readonly variables = new Map<string, { importedAt: IsoDateTime; codebook: Promise<Codebook> }>();
  private readonly now: () => number;
  private readonly ttl: number;
  private imports = 0;

  public constructor(private readonly store: CodebookStore, private readonly options: CodebookLibraryOptions = {}) {
    this.now = options.now ?? Date.now;
    this.ttl = options.listTtlMs ?? 60_000;
  }

  /** Counts the imports made through this library: a check cached before an import is made again. */
  public get generation(): number {
    return this.imports;
  }

  /** Every wave that has a codebook (cached for `listTtlMs`). */
  public list(): Promise<CodebookSummary[]> {
    const read = this.summariesRead;
    if (read && this.now() - read.at < this.ttl) return read.summaries;
    const summaries = this.store.list();
    this.summariesRead = { at: this.now(), summaries };
    // A failed read is not kept: the next call asks again.
    summaries.catch(() => {
      if (this.summariesRead?.summaries === summaries) this.summariesRead = undefined;
    });
    return summaries;
  }

  public async load(waves: readonly string[]): Promise<Codebook[]> {
    if (waves.length === 0) return [];
    const wanted = new Set(waves.map((wave) => wave.toLowerCase()));
    const present = (await this.list()).filter((summary) => wanted.has(summary.wave.toLowerCase()));
    const missing = present.filter((summary) => this.variables.get(summary.wave.toLowerCase())?.importedAt !== summary.importedAt);
    if (missing.length > 0) {
      const loaded = this.store.load(missing.map((summary) => summary.wave));
      for (const summary of missing) {
        const key = summary.wave.toLowerCase();
        const codebook = loaded.then((codebooks) => {
          const found = codebooks.find((candidate) => candidate.wave.toLowerCase() === key);
          // Listed but gone when read (deleted in between): an empty codebook is not a codebook.
          if (!found) throw new AppError('app.error.codebookMissing', { wave: summary.wave });
          return found;
        });
        this.variables.set(key, { importedAt: summary.importedAt, codebook });
        codebook.catch(() => {
          if (this.variables.get(key)?.codebook === codebook) this.variables.delete(key);
        });
      }
    }
    return Promise.all(present.map((summary) => (this.variables.get(summary.wave.toLowerCase()) as { codebook: Promise<Codebook> }).codebook));
  }

  /** Imports a file (see `importCodebook`) and forgets the cached list, so the new waves show at once. */
  public async import(file: CodebookFile, importedBy: PersonRef, options: Omit<ImportCodebookOptions, 'engine'> = {}): Promise<CodebookSummary[]> {
    const summaries = await importCodebook(this.store, file, importedBy, { ...options, engine: this.options.engine });
    this.summariesRead = undefined;
    this.imports++;
    return summaries;
  }

  /**
   * Variables by name or label in these waves (every wave with a codebook when none are given), best
   * first, as the forms engine's `codebookIndex` ranks them (the Word task pane searches the same way).
   */
  public async search(query: string, waves?: readonly string[], limit?: number): Promise<CodebookHit[]> {
    if (query.trim() === '') return [];
    const [codebooks, engine] = await Promise.all([
      this.load(waves && waves.length > 0 ? waves : (await this.list()).map((summary) => summary.wave)),
      (this.options.engine ?? loadCodebookEngine)()
    ]);
    return engine.codebookIndex(codebooks).search(query, undefined, limit);
  }
}

/** Searches the codebooks of a store (every wave when `waves` is empty or absent). */
export function searchCodebooks(library: CodebookLibrary, query: string, waves?: readonly string[]): Promise<CodebookHit[]> {
  return library.search(query, waves);
}
