/**
 * The survey codebooks on SharePoint: the list `Codebooks` (one item per wave: counts, source file,
 * who imported it when, and where its variables are) and the library `Codeboekbestanden` (per import a
 * folder with the imported source file and one JSON file of variables per wave).
 *
 * An import writes its files first, into a folder of its own, and only then points the wave items at
 * them (If-Match on an item it replaces). Until the items are written nothing in force changed: a
 * failure before that leaves every wave's old codebook in force. A failure while the items are written
 * puts the items written so far back as they were, so an import takes effect for all its waves or none.
 */
import type { SPFI } from '@pnp/sp';
import { body } from '@pnp/queryable';
import { spPost, SPQueryable } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { isValidDocumentFileName } from '../../domain/documentRules';
import type { IsoDateTime, PersonRef } from '../../domain/types';
import { SURVEY_WAVES } from '../../forms/catalog/surveys';
import type { Codebook, CodebookVariable } from '../../forms/types';
import { DataError, httpStatusOf, toDataError } from '../errors';
import { etagOf, isoOrUndefined, odataString } from '../odata';
import type { CodebookSource, CodebookStore, CodebookSummary } from '../ports';
import { CodebookColumn, LIBRARY_CODEBOOKS, LIST_CODEBOOKS } from '../schemaNames';
import { BytesParse, EntityWithEtagParse, EtagHeaderParse, PageParse } from './parsers';
import type { EntityWithEtag, ODataPage } from './parsers';

type Fields = Record<string, unknown>;

/** The format tag of a stored variables file; a file without it is not ours. */
export const CODEBOOK_FILE_FORMAT = 'vsa-codebook/1';

/** What a wave's JSON file in the library holds. */
interface StoredCodebookFile {
  readonly format: typeof CODEBOOK_FILE_FORMAT;
  readonly wave: string;
  readonly variables: readonly CodebookVariable[];
}

const SELECT = ['Id', 'Title', ...Object.values(CodebookColumn).filter((column) => column !== 'Title')];

/** Far more waves than the catalog holds: the list is read in one page. */
const MAX_WAVES = 5000;

const waveOrder: ReadonlyMap<string, number> = new Map(SURVEY_WAVES.map((wave, index) => [wave.id.toLowerCase(), index]));

/** Catalog order; waves outside the catalog after it, by name. */
export function compareWaves(a: string, b: string): number {
  const left = waveOrder.get(a.toLowerCase()) ?? Number.MAX_SAFE_INTEGER;
  const right = waveOrder.get(b.toLowerCase()) ?? Number.MAX_SAFE_INTEGER;
  return left - right || a.localeCompare(b);
}

function summaryOf(item: Fields): CodebookSummary {
  const importedBy = item[CodebookColumn.ImportedBy];
  return {
    wave: String(item[CodebookColumn.Wave] ?? ''),
    variableCount: Number(item[CodebookColumn.VariableCount] ?? 0),
    sensitiveCount: Number(item[CodebookColumn.SensitiveCount] ?? 0),
    sourceFileName: String(item[CodebookColumn.SourceFileName] ?? ''),
    importedAt: isoOrUndefined(item[CodebookColumn.ImportedAt]) ?? '',
    ...(typeof importedBy === 'string' && importedBy !== '' ? { importedBy } : {})
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The variables of a stored file, or `data.error.corrupt` naming the wave (never the content). */
export function codebookOfFile(bytes: Uint8Array, wave: string): Codebook {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch {
    throw new DataError('data.error.corrupt', `The variables file of codebook ${wave} is not JSON.`);
  }
  if (!isRecord(parsed) || parsed.format !== CODEBOOK_FILE_FORMAT || parsed.wave !== wave || !Array.isArray(parsed.variables)) {
    throw new DataError('data.error.corrupt', `The variables file of codebook ${wave} is not a ${CODEBOOK_FILE_FORMAT} file of that wave.`);
  }
  const variables = parsed.variables.map((variable: unknown): CodebookVariable => {
    if (!isRecord(variable) || typeof variable.name !== 'string' || typeof variable.label !== 'string' || typeof variable.sensitive !== 'boolean') {
      throw new DataError('data.error.corrupt', `The variables file of codebook ${wave} holds a variable without name, label or sensitivity.`);
    }
    const categories = Array.isArray(variable.categories)
      ? variable.categories.filter(isRecord).map((category) => ({ value: String(category.value ?? ''), label: String(category.label ?? '') }))
      : undefined;
    return { name: variable.name, label: variable.label, sensitive: variable.sensitive, ...(categories && categories.length > 0 ? { categories } : {}) };
  });
  return { wave, variables };
}

/** The JSON file of one wave. */
export function codebookFileOf(codebook: Codebook): Uint8Array {
  const file: StoredCodebookFile = { format: CODEBOOK_FILE_FORMAT, wave: codebook.wave, variables: codebook.variables };
  return new TextEncoder().encode(JSON.stringify(file));
}

/** A folder name for an import: its time and a random part (two imports never share a folder). */
function importFolderName(importedAt: IsoDateTime, random: string): string {
  return `Inlezing ${importedAt.replace(/[:.]/g, '-')} ${random}`;
}

function randomPart(): string {
  const bytes = new Uint8Array(4);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Options of the store. */
export interface SharePointCodebookStoreOptions {
  /** e.g. `/sites/microdata`; read from the web when absent. */
  readonly webServerRelativeUrl?: string;
  readonly clock?: () => IsoDateTime;
  /** The random part of an import's folder name (tests fix it). */
  readonly randomPart?: () => string;
}

/** An item as read before an import: its id, ETag and fields (to put back if the import fails). */
interface ExistingItem {
  readonly id: number;
  readonly etag: string;
  readonly fields: Fields;
}

/** `CodebookStore` on PnPjs: the `Codebooks` list and the `Codeboekbestanden` library. */
export class SharePointCodebookStore implements CodebookStore {
  private libraryUrl?: string;
  private readonly clock: () => IsoDateTime;
  private readonly random: () => string;

  public constructor(private readonly sp: SPFI, private readonly options: SharePointCodebookStoreOptions = {}) {
    this.clock = options.clock ?? ((): IsoDateTime => new Date().toISOString());
    this.random = options.randomPart ?? randomPart;
  }

  private items(): ReturnType<SPFI['web']['lists']['getByTitle']>['items'] {
    return this.sp.web.lists.getByTitle(LIST_CODEBOOKS).items;
  }

  private async library(): Promise<string> {
    if (this.libraryUrl === undefined) {
      const web = this.options.webServerRelativeUrl ?? String(((await this.sp.web.select('ServerRelativeUrl')()) as unknown as Fields).ServerRelativeUrl);
      this.libraryUrl = `${web.replace(/\/$/, '')}/${LIBRARY_CODEBOOKS}`;
    }
    return this.libraryUrl;
  }

  /**
   * The wave items (of these waves). A site provisioned before the codebooks existed has no list yet
   * (404): it holds no codebooks, and the checks run as without them until provisioning adds it.
   */
  private async readItems(waves?: readonly string[]): Promise<Fields[]> {
    let request = this.items().select(...SELECT).top(MAX_WAVES);
    if (waves) request = request.filter(waves.map((wave) => `${CodebookColumn.Wave} eq ${odataString(wave)}`).join(' or '));
    try {
      return ((await request.using(PageParse())()) as unknown as ODataPage<Fields>).rows;
    } catch (error) {
      if (httpStatusOf(error) === 404) return [];
      throw error;
    }
  }

  public async list(): Promise<CodebookSummary[]> {
    try {
      return (await this.readItems()).map(summaryOf).sort((a, b) => compareWaves(a.wave, b.wave));
    } catch (error) {
      throw toDataError(error, 'list the codebooks');
    }
  }

  public async load(waves: readonly string[]): Promise<Codebook[]> {
    const wanted = [...new Set(waves.filter((wave) => wave.trim() !== ''))];
    if (wanted.length === 0) return [];
    try {
      const items = await this.readItems(wanted);
      const codebooks = await Promise.all(
        items.map(async (item) => {
          const wave = String(item[CodebookColumn.Wave]);
          const url = String(item[CodebookColumn.VariablesFile] ?? '');
          const bytes = (await SPQueryable(this.sp.web.getFileByServerRelativePath(url), '$value').using(BytesParse())()) as unknown as Uint8Array;
          return codebookOfFile(bytes, wave);
        })
      );
      return codebooks.sort((a, b) => compareWaves(a.wave, b.wave));
    } catch (error) {
      throw toDataError(error, `load the codebooks of ${wanted.length} wave(s)`);
    }
  }

  public async save(codebooks: readonly Codebook[], source: CodebookSource, importedBy: PersonRef): Promise<CodebookSummary[]> {
    if (codebooks.length === 0) throw new DataError('data.error.invalidInput', 'An import without codebooks stores nothing.');
    const waves = codebooks.map((codebook) => codebook.wave);
    if (new Set(waves.map((wave) => wave.toLowerCase())).size !== waves.length) {
      throw new DataError('data.error.invalidInput', 'An import holds one codebook per wave.');
    }
    if (!isValidDocumentFileName(source.fileName)) {
      throw new DataError('data.error.invalidInput', 'The name of the imported file is not allowed in the library.');
    }
    const importedAt = this.clock();
    const what = `import the codebooks of ${waves.join(', ')}`;
    try {
      const existing = await this.existingItems(waves);
      // 1. The files, in a folder of this import: nothing in force refers to them yet.
      const folderUrl = `${await this.library()}/${importFolderName(importedAt, this.random())}`;
      await this.sp.web.folders.addUsingPath(folderUrl, false);
      const folder = this.sp.web.getFolderByServerRelativePath(folderUrl);
      await folder.files.addUsingPath(source.fileName, toArrayBuffer(source.bytes), { Overwrite: false });
      const written: { codebook: Codebook; fileUrl: string }[] = [];
      for (const [index, codebook] of codebooks.entries()) {
        const name = isValidDocumentFileName(`${codebook.wave}.json`) ? `${codebook.wave}.json` : `golf-${index + 1}.json`;
        await folder.files.addUsingPath(name, toArrayBuffer(codebookFileOf(codebook)), { Overwrite: false });
        written.push({ codebook, fileUrl: `${folderUrl}/${name}` });
      }
      // 2. The items: the codebooks come into force.
      const summaries = written.map(({ codebook }) => summaryOfImport(codebook, source.fileName, importedAt, importedBy));
      await this.writeItems(written.map(({ codebook, fileUrl }, index) => ({ wave: codebook.wave, fields: itemFields(summaries[index], fileUrl) })), existing);
      return summaries.sort((a, b) => compareWaves(a.wave, b.wave));
    } catch (error) {
      throw toDataError(error, what);
    }
  }

  /** The items of these waves as they are now, by lower-case wave id, with their ETags. */
  private async existingItems(waves: readonly string[]): Promise<Map<string, ExistingItem>> {
    const rows = await this.readItems(waves);
    const result = new Map<string, ExistingItem>();
    for (const row of rows) {
      const id = Number(row.Id ?? row.ID);
      let etag = etagOf(row);
      if (etag === undefined) {
        // nometadata answers carry the ETag only in the header of a single item's answer.
        etag = ((await this.items().getById(id).select('Id').using(EntityWithEtagParse())()) as unknown as EntityWithEtag).etag;
      }
      const fields = Object.fromEntries(Object.values(CodebookColumn).map((column) => [column, row[column] ?? null]));
      result.set(String(row[CodebookColumn.Wave]).toLowerCase(), { id, etag: etag ?? '*', fields });
    }
    return result;
  }

  /**
   * Writes the wave items (add, or MERGE with the ETag read before the files were written). When one
   * fails, the items written so far get their former fields back (or are deleted when they are new),
   * and the first failure is thrown.
   */
  private async writeItems(writes: readonly { wave: string; fields: Fields }[], existing: ReadonlyMap<string, ExistingItem>): Promise<void> {
    const undo: (() => Promise<unknown>)[] = [];
    try {
      for (const write of writes) {
        const before = existing.get(write.wave.toLowerCase());
        if (before) {
          const item = this.items().getById(before.id);
          const result = (await spPost(item.using(EtagHeaderParse()), body(write.fields, { headers: { 'IF-Match': before.etag, 'X-HTTP-Method': 'MERGE' } }))) as { etag?: string };
          undo.push(() => spPost(this.items().getById(before.id), body(before.fields, { headers: { 'IF-Match': result.etag ?? '*', 'X-HTTP-Method': 'MERGE' } })));
        } else {
          const created = (await spPost(this.items().using(EntityWithEtagParse()), body(write.fields))) as EntityWithEtag;
          const id = Number(created.entity.Id ?? created.entity.ID);
          undo.push(() => this.items().getById(id).delete());
        }
      }
    } catch (error) {
      const failures: unknown[] = [];
      for (const step of undo.reverse()) await step().catch((undoError: unknown) => failures.push(undoError));
      if (failures.length > 0) {
        throw new DataError('data.error.unavailable', `The import failed and ${failures.length} wave(s) could not be put back; import the file again.`, undefined, {
          cause: toDataError(error, 'write the codebook items'),
          undoFailures: failures.map((failure) => toDataError(failure, 'put a codebook item back').message)
        });
      }
      throw error;
    }
  }
}

function summaryOfImport(codebook: Codebook, sourceFileName: string, importedAt: IsoDateTime, importedBy: PersonRef): CodebookSummary {
  return {
    wave: codebook.wave,
    variableCount: codebook.variables.length,
    sensitiveCount: codebook.variables.filter((variable) => variable.sensitive).length,
    sourceFileName,
    importedAt,
    ...(importedBy.displayName ? { importedBy: importedBy.displayName } : {})
  };
}

function itemFields(summary: CodebookSummary, fileUrl: string): Fields {
  return {
    [CodebookColumn.Wave]: summary.wave,
    [CodebookColumn.VariableCount]: summary.variableCount,
    [CodebookColumn.SensitiveCount]: summary.sensitiveCount,
    [CodebookColumn.SourceFileName]: summary.sourceFileName,
    [CodebookColumn.VariablesFile]: fileUrl,
    [CodebookColumn.ImportedAt]: summary.importedAt,
    [CodebookColumn.ImportedBy]: summary.importedBy ?? null
  };
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
