import { keepingEvidence, storedDocumentsIn, type ServiceLibrary } from '../../../src/app/service/keptDocuments';
import { DataError } from '../../../src/data/errors';
import type { StoredDocument } from '../../../src/data/ports';

const stored = (fileName: string): StoredDocument =>
  ({ id: `id-${fileName}`, fileName, url: `/x/${fileName}`, size: 1, modified: '2026-01-01T00:00:00Z', version: '1.0', kind: 'protocol', phase: 'signed' }) as unknown as StoredDocument;

/** A library whose dossier folder does not exist until the first upload, as SharePoint answers (404). */
function folderlessLibrary(listError?: Error): ServiceLibrary & { uploads: string[] } {
  const files: StoredDocument[] = [];
  let folder = false;
  const uploads: string[] = [];
  return {
    uploads,
    ensureFolder: async () => {
      folder = true;
    },
    list: async (reference) => {
      if (listError) throw listError;
      if (!folder) throw new DataError('data.error.notFound', `list the documents of ${reference}: File Not Found.`, 404);
      return [...files];
    },
    upload: async (_reference, fileName) => {
      uploads.push(fileName);
      const document = stored(fileName);
      files.push(document);
      return document;
    }
  };
}

describe('the service reads a dossier folder that does not exist yet as empty', () => {
  it('a missing folder (404) holds no stored documents', async () => {
    await expect(storedDocumentsIn(folderlessLibrary(), 'VSA-2026-0001')).resolves.toEqual([]);
  });

  it('any other failure of the listing still fails (nothing swallowed)', async () => {
    const denied = new DataError('data.error.accessDenied', 'no', 403);
    await expect(storedDocumentsIn(folderlessLibrary(denied), 'VSA-2026-0001')).rejects.toBe(denied);
    const unavailable = new Error('socket hang up');
    await expect(storedDocumentsIn(folderlessLibrary(unavailable), 'VSA-2026-0001')).rejects.toBe(unavailable);
  });

  it('the first upload into a dossier without a folder is stored under its own name; a later signed one of the same name is kept apart', async () => {
    const library = folderlessLibrary();
    const kept = keepingEvidence(library);
    await kept.upload('VSA-2026-0001', 'brief.pdf', new Uint8Array([1]), { kind: 'protocol', phase: 'signed' });
    await library.ensureFolder('VSA-2026-0001');
    await kept.upload('VSA-2026-0001', 'brief.pdf', new Uint8Array([2]), { kind: 'protocol', phase: 'signed' });
    expect(library.uploads[0]).toBe('brief.pdf');
    expect(library.uploads[1]).not.toBe('brief.pdf');
  });
});
