import { hasDataErrorCode } from '../../data/errors';
import type { DocumentLibrary, DocumentMetadata, StoredDocument } from '../../data/ports';
import { keptFileName } from '../../domain/documentRules';

/** The library operations a registration in the service uses. */
export type ServiceLibrary = Pick<DocumentLibrary, 'ensureFolder' | 'upload' | 'list'>;

/**
 * The dossier's stored files. A dossier's folder is created with its first file, so a folder that does
 * not exist yet holds none: SharePoint's 404 for it is no failure of the upload or the command.
 */
export async function storedDocumentsIn(library: Pick<DocumentLibrary, 'list'>, reference: string): Promise<StoredDocument[]> {
  try {
    return await library.list(reference);
  } catch (error) {
    if (hasDataErrorCode(error, 'data.error.notFound')) return [];
    throw error;
  }
}

/**
 * The library as the service writes it: every upload is stored under `keptFileName`, so a signed,
 * countersigned or publication document is never overwritten by a later file of the same name (the
 * new one gets `<base> (n).<ext>`). The rule sits on the one upload path of the service, so the
 * register upload and the publication version both obey it.
 */
export function keepingEvidence(library: ServiceLibrary, listed?: readonly StoredDocument[]): ServiceLibrary {
  // The caller that has just listed the folder passes that list: the first upload then costs no second listing.
  let known = listed;
  return {
    ensureFolder: (reference) => library.ensureFolder(reference),
    list: (reference) => library.list(reference),
    async upload(reference: string, fileName: string, content: Uint8Array, metadata: DocumentMetadata): Promise<StoredDocument> {
      // Taken before any await: the given list serves the first upload only.
      const given = known;
      known = undefined;
      const existing = given ?? (await storedDocumentsIn(library, reference));
      return library.upload(reference, keptFileName(fileName, metadata.phase, existing), content, metadata);
    }
  };
}
