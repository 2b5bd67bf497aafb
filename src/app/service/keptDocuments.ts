import type { DocumentLibrary, DocumentMetadata, StoredDocument } from '../../data/ports';
import { keptFileName } from '../../domain/documentRules';
import { hasDataErrorCode } from '../../data/errors';

/** The library operations a registration in the service uses. */
export type ServiceLibrary = Pick<DocumentLibrary, 'ensureFolder' | 'upload' | 'list'>;

/**
 * The library as the service writes it: every upload is stored under `keptFileName`, so a signed,
 * countersigned or publication document is never overwritten by a later file of the same name (the
 * new one gets `<base> (n).<ext>`). The rule sits on the one upload path of the service, so the
 * register upload and the publication version both obey it.
 */
export function keepingEvidence(library: ServiceLibrary): ServiceLibrary {
  return {
    ensureFolder: (reference) => library.ensureFolder(reference),
    list: (reference) => storedDocuments(library, reference),
    async upload(reference: string, fileName: string, content: Uint8Array, metadata: DocumentMetadata): Promise<StoredDocument> {
      const existing = await storedDocuments(library, reference);
      return library.upload(reference, keptFileName(fileName, metadata.phase, existing), content, metadata);
    }
  };
}

/**
 * The files stored for a dossier; none when its folder does not exist yet. The folder is created with
 * the dossier's first document (`ensureFolder` in `checkAndRegisterDocument`), so the service lists
 * before it exists on every first upload; any other failure still fails the request.
 */
export async function storedDocuments(library: Pick<DocumentLibrary, 'list'>, reference: string): Promise<StoredDocument[]> {
  try {
    return await library.list(reference);
  } catch (error) {
    if (hasDataErrorCode(error, 'data.error.notFound')) return [];
    throw error;
  }
}
