/**
 * The clients' `DocumentLibrary`: listing and downloading stay direct reads of the library; storing a
 * file is asked of the command service, which checks it, stores it (a signed or countersigned file is
 * never overwritten) and registers it in one step. The members have only Read on the library.
 */
import type { DocumentKind, DocumentPhase } from '../../domain/types';
import { contentTypeOf } from '../mail/contentTypes';
import { DataError, hasDataErrorCode } from '../errors';
import type { DocumentLibrary, DocumentMetadata, StoredDocument } from '../ports';
import { serviceRoutes } from './contract';
import type { DocumentResponseBody, PublicationResponseBody } from './contract';
import { parseJson, sendToService, serviceErrorOf, type ServiceRetryOptions } from './serviceCall';
import type { ServiceHttp } from './serviceHttp';

/** Dependencies of the remote document library. */
export interface RemoteDocumentLibraryDeps {
  /** The direct reads (SharePoint library through PnPjs). */
  readonly direct: Pick<DocumentLibrary, 'list' | 'download' | 'versions'>;
  readonly http: ServiceHttp;
  readonly retry?: ServiceRetryOptions;
}

/** A stored document from an answer, or a `DataError` when the answer lacks it. */
function documentOf(answer: { readonly document?: StoredDocument } | undefined, what: string): StoredDocument {
  const document = answer?.document;
  if (!document || typeof document.fileName !== 'string' || typeof document.id !== 'string') {
    throw new DataError('data.error.unavailable', `${what}: the service's answer names no stored document.`, 200);
  }
  return document;
}

/**
 * Stores a file through the command service's upload (`serviceRoutes.document`) with its kind and
 * phase: the whole answer (stored document, check, and a countersigned original's signature report).
 * Hosts that only upload (the approvals tab) call it without a library.
 */
export async function registerThroughService(
  http: ServiceHttp,
  reference: string,
  fileName: string,
  content: Uint8Array,
  kind: DocumentKind | 'auto',
  phase?: DocumentPhase,
  retry?: ServiceRetryOptions
): Promise<DocumentResponseBody> {
  const what = `store a document in ${reference}`;
  const query: Record<string, string> = { fileName, kind };
  if (phase) query.phase = phase;
  const response = await sendToService(
    http,
    { method: 'POST', path: serviceRoutes.document(reference), query, headers: { 'Content-Type': contentTypeOf(fileName) }, body: content },
    what,
    retry
  );
  if (response.status !== 200 && response.status !== 201) throw await serviceErrorOf(response, what);
  const answer = parseJson<DocumentResponseBody>(await response.text(), what, response.status);
  documentOf(answer, what);
  return answer;
}

/** `DocumentLibrary` whose writes go through the command service (see `contract.ts`). */
export class RemoteDocumentLibrary implements DocumentLibrary {
  public constructor(private readonly deps: RemoteDocumentLibraryDeps) {}

  /**
   * Nothing to do: the service creates the dossier's folder when it stores the first file (the caller
   * may not write the library). Kept so the hosts' upload flow stays the same.
   */
  public async ensureFolder(reference: string): Promise<void> {
    return undefined;
  }

  /**
   * Sends the bytes with name, kind and phase; the service checks the file itself, so a check the
   * client made (`metadata.check`) is not sent: it is shown, never trusted.
   */
  public async upload(reference: string, fileName: string, content: Uint8Array, metadata: DocumentMetadata): Promise<StoredDocument> {
    return documentOf(await this.register(reference, fileName, content, metadata.kind, metadata.phase), `store a document in ${reference}`);
  }

  /** Stores a file with its kind (`auto`: the service recognises it) and phase; the whole answer. */
  public async register(reference: string, fileName: string, content: Uint8Array, kind: DocumentKind | 'auto', phase?: DocumentPhase): Promise<DocumentResponseBody> {
    return registerThroughService(this.deps.http, reference, fileName, content, kind, phase, this.deps.retry);
  }

  /** The publication version (PDF) of a countersigned document, made and stored by the service. */
  public async createPublicationVersion(reference: string, sourceFileName: string): Promise<StoredDocument> {
    const what = `make the publication version in ${reference}`;
    const response = await sendToService(
      this.deps.http,
      { method: 'POST', path: serviceRoutes.publication(reference), headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sourceFileName }) },
      what,
      this.deps.retry
    );
    if (response.status !== 200 && response.status !== 201) throw await serviceErrorOf(response, what);
    return documentOf(parseJson<PublicationResponseBody>(await response.text(), what, response.status), what);
  }

  /**
   * The dossier's stored files; none while its folder does not exist. The service creates the folder
   * with the first stored file (`ensureFolder` is a no-op here), so a client that lists before its first
   * upload (mail intake, the register's upload dialog) meets a missing folder; any other failure throws.
   */
  public async list(reference: string): Promise<StoredDocument[]> {
    try {
      return await this.deps.direct.list(reference);
    } catch (error) {
      if (hasDataErrorCode(error, 'data.error.notFound')) return [];
      throw error;
    }
  }

  public download(reference: string, fileName: string, versionLabel?: string): Promise<Uint8Array> {
    return this.deps.direct.download(reference, fileName, versionLabel);
  }

  public versions(reference: string, fileName: string): Promise<string[]> {
    return this.deps.direct.versions(reference, fileName);
  }
}
