import { isValidDocumentFileName } from '../../domain/documentRules';
import type { SPFI } from '@pnp/sp';
import { body } from '@pnp/queryable';
import { spPost, SPQueryable } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import type { CheckSummary, DocumentKind, DocumentPhase } from '../../domain/types';
import { DataError, httpStatusOf, toDataError } from '../errors';
import { isoOrUndefined } from '../odata';
import type { DocumentCheckColumns, DocumentLibrary, DocumentMetadata, StoredDocument } from '../ports';
import { DocumentColumn, LIBRARY_DOCUMENTS } from '../schemaNames';
import type { CheckStatus } from '../schemaNames';
import { BytesParse, PageParse } from './parsers';
import type { ODataPage } from './parsers';

type Fields = Record<string, unknown>;

/** Checks a file name before it reaches the server, so a bad name gets a clear error. */
export function assertValidFileName(fileName: string): void {
  if (!isValidDocumentFileName(fileName)) {
    throw new DataError('data.error.invalidInput', `"${fileName}" is not a valid file name (at most 200 characters, no " * : < > ? / \\ | or control characters, no leading or trailing dot).`);
  }
}

/** The check status shown in the library for a check summary. */
export function checkStatusOf(metadata: DocumentMetadata): CheckStatus {
  if (!metadata.check) return 'notChecked';
  if (metadata.check.blocking > 0) return 'blocking';
  if (metadata.check.warnings > 0) return 'warnings';
  return 'passed';
}

function documentFromFile(file: Fields): StoredDocument {
  const fields = (file.ListItemAllFields ?? {}) as Fields;
  const serverRelativeUrl = String(file.ServerRelativeUrl ?? '');
  return {
    id: typeof file.UniqueId === 'string' ? file.UniqueId : serverRelativeUrl,
    fileName: String(file.Name ?? ''),
    serverRelativeUrl,
    size: Number(file.Length ?? 0),
    version: String(file.UIVersionLabel ?? '1.0'),
    modified: isoOrUndefined(file.TimeLastModified),
    kind: (fields[DocumentColumn.Kind] as DocumentKind | undefined) ?? undefined,
    phase: (fields[DocumentColumn.Phase] as DocumentPhase | undefined) ?? undefined,
    checkStatus: (fields[DocumentColumn.CheckStatus] as CheckStatus | undefined) ?? undefined,
    ...countOf('checkBlocking', fields[DocumentColumn.CheckBlocking]),
    ...countOf('checkWarnings', fields[DocumentColumn.CheckWarnings])
  };
}

function countOf<K extends 'checkBlocking' | 'checkWarnings'>(key: K, value: unknown): Partial<Record<K, number>> {
  return typeof value === 'number' || (typeof value === 'string' && value !== '') ? ({ [key]: Number(value) } as Partial<Record<K, number>>) : {};
}

/** The check columns of a summary (absent: not checked). */
function checkColumns(check: CheckSummary | undefined): Fields {
  return {
    [DocumentColumn.CheckStatus]: checkStatusOf({ check } as DocumentMetadata),
    [DocumentColumn.CheckBlocking]: check?.blocking ?? null,
    [DocumentColumn.CheckWarnings]: check?.warnings ?? null
  };
}

/** `DocumentLibrary` on PnPjs: `Dossierdocumenten/<reference>/<file>` with versions and columns. */
export class SharePointDocumentLibrary implements DocumentLibrary, DocumentCheckColumns {
  private libraryUrl?: string;

  /** `webServerRelativeUrl`: e.g. `/sites/microdata`; read from the web when not given. */
  public constructor(private readonly sp: SPFI, private readonly webServerRelativeUrl?: string) {}

  /** Server-relative URL of the library (reads the web's URL once when it was not given). */
  private async library(): Promise<string> {
    if (this.libraryUrl === undefined) {
      const web = this.webServerRelativeUrl ?? String(((await this.sp.web.select('ServerRelativeUrl')()) as unknown as Fields).ServerRelativeUrl);
      this.libraryUrl = `${web.replace(/\/$/, '')}/${LIBRARY_DOCUMENTS}`;
    }
    return this.libraryUrl;
  }

  /** Server-relative URL of the dossier's folder. */
  public async folderUrl(reference: string): Promise<string> {
    assertValidFileName(reference);
    return `${await this.library()}/${reference}`;
  }

  public async ensureFolder(reference: string): Promise<void> {
    try {
      const folderUrl = await this.folderUrl(reference);
      await this.sp.web.folders.addUsingPath(folderUrl, false).catch(async (error: unknown) => {
        // addUsingPath refuses an existing folder; that is what "ensure" wants.
        const exists = await this.sp.web
          .getFolderByServerRelativePath(folderUrl)
          .select('Exists')()
          .then((folder) => (folder as unknown as Fields).Exists !== false, () => false);
        if (!exists) throw error;
      });
    } catch (error) {
      throw toDataError(error, `create the folder of ${reference}`);
    }
  }

  public async upload(reference: string, fileName: string, content: Uint8Array, metadata: DocumentMetadata): Promise<StoredDocument> {
    assertValidFileName(fileName);
    const what = `upload ${fileName} to ${reference}`;
    try {
      const folderUrl = await this.folderUrl(reference);
      const folder = this.sp.web.getFolderByServerRelativePath(folderUrl);
      const buffer = content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer;
      await folder.files.addUsingPath(fileName, buffer, { Overwrite: true });
      const file = this.sp.web.getFileByServerRelativePath(`${folderUrl}/${fileName}`);
      await spPost(
        SPQueryable(file, 'listItemAllFields'),
        body(
          {
            [DocumentColumn.DossierReference]: reference,
            [DocumentColumn.Kind]: metadata.kind,
            [DocumentColumn.Phase]: metadata.phase,
            ...checkColumns(metadata.check)
          },
          { headers: { 'IF-Match': '*', 'X-HTTP-Method': 'MERGE' } }
        )
      );
      const info = (await file.select('Name', 'ServerRelativeUrl', 'Length', 'TimeLastModified', 'UIVersionLabel', 'UniqueId')()) as unknown as Fields;
      return documentFromFile({
        ...info,
        ListItemAllFields: { [DocumentColumn.Kind]: metadata.kind, [DocumentColumn.Phase]: metadata.phase, [DocumentColumn.CheckStatus]: checkStatusOf(metadata) }
      });
    } catch (error) {
      throw toDataError(error, what);
    }
  }

  /** Rewrites the check columns of a stored file (a MERGE on its item; the file's bytes are not touched). */
  public async updateCheck(reference: string, fileName: string, check: CheckSummary | undefined): Promise<void> {
    assertValidFileName(fileName);
    try {
      const file = this.sp.web.getFileByServerRelativePath(`${await this.folderUrl(reference)}/${fileName}`);
      await spPost(SPQueryable(file, 'listItemAllFields'), body(checkColumns(check), { headers: { 'IF-Match': '*', 'X-HTTP-Method': 'MERGE' } }));
    } catch (error) {
      throw toDataError(error, `update the check of ${fileName} in ${reference}`);
    }
  }

  public async list(reference: string): Promise<StoredDocument[]> {
    try {
      return await this.listRequest(this.sp, reference, await this.folderUrl(reference));
    } catch (error) {
      throw toDataError(error, `list the documents of ${reference}`);
    }
  }

  /**
   * The files request on the given root, so a caller can put it in its own `$batch`. A dossier whose
   * folder does not exist yet (no document stored so far) holds no files: SharePoint answers 404 for
   * the folder, which is not a failure here.
   */
  public listRequest(sp: SPFI, reference: string, folderUrl: string): Promise<StoredDocument[]> {
    const files = sp.web
      .getFolderByServerRelativePath(folderUrl)
      .files.select('Name', 'ServerRelativeUrl', 'Length', 'TimeLastModified', 'UIVersionLabel', 'UniqueId', 'ListItemAllFields')
      .expand('ListItemAllFields')
      .using(PageParse());
    return (files() as unknown as Promise<ODataPage<Fields>>).then(
      (page) => page.rows.map(documentFromFile),
      (error: unknown) => {
        if (httpStatusOf(error) === 404) return [];
        throw error;
      }
    );
  }

  public async download(reference: string, fileName: string, versionLabel?: string): Promise<Uint8Array> {
    assertValidFileName(fileName);
    const what = `download ${fileName} of ${reference}`;
    try {
      const file = this.sp.web.getFileByServerRelativePath(`${await this.folderUrl(reference)}/${fileName}`);
      if (!versionLabel) return (await SPQueryable(file, '$value').using(BytesParse())()) as unknown as Uint8Array;
      const versions = (await SPQueryable(file, 'versions').using(PageParse())()) as unknown as ODataPage<Fields>;
      const version = versions.rows.find((row) => row.VersionLabel === versionLabel);
      if (!version) {
        const current = (await file.select('UIVersionLabel')()) as unknown as Fields;
        if (current.UIVersionLabel === versionLabel) return (await SPQueryable(file, '$value').using(BytesParse())()) as unknown as Uint8Array;
        throw new DataError('data.error.notFound', `${what}: version ${versionLabel} does not exist.`, 404);
      }
      return (await SPQueryable(file, `versions/getById(${Number(version.ID ?? version.Id)})/$value`).using(BytesParse())()) as unknown as Uint8Array;
    } catch (error) {
      throw toDataError(error, what);
    }
  }

  public async versions(reference: string, fileName: string): Promise<string[]> {
    assertValidFileName(fileName);
    try {
      const file = this.sp.web.getFileByServerRelativePath(`${await this.folderUrl(reference)}/${fileName}`);
      const [former, current] = await Promise.all([
        SPQueryable(file, 'versions').using(PageParse())() as unknown as Promise<ODataPage<Fields>>,
        file.select('UIVersionLabel')() as unknown as Promise<Fields>
      ]);
      return [...former.rows.map((row) => String(row.VersionLabel)), String(current.UIVersionLabel)];
    } catch (error) {
      throw toDataError(error, `read the versions of ${fileName}`);
    }
  }
}
