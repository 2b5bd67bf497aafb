import type { Actor, DocumentRegistration, IsoDateTime } from '../../domain/types';
import type { CommandOutcome, DossierCommands } from '../commandService';
import { DataError } from '../errors';
import type { DocumentLibrary, StoredDocument } from '../ports';
import type { PdfConverter } from './ports';

/** Makes and stores a publication version elsewhere: the command service (`RemoteDocumentLibrary`). */
export interface PublicationVersionMaker {
  createPublicationVersion(reference: string, sourceFileName: string): Promise<StoredDocument>;
}

/** Dependencies of the publication service: a converter here, or the command service that converts. */
export type PublicationDeps = {
  /** The trusted `CommandService` in the command service; any `DossierCommands` elsewhere. */
  readonly commands: DossierCommands;
  readonly documents: Pick<DocumentLibrary, 'upload'>;
  readonly clock?: () => IsoDateTime;
} & (
  | { readonly converter: PdfConverter; readonly remote?: undefined }
  /** With a command service: it checks the source, converts and stores (members cannot write the library). */
  | { readonly remote: PublicationVersionMaker; readonly converter?: undefined }
);

/** `protocol-ondertekend.docx` → `protocol-ondertekend-publicatie.pdf`. */
export function publicationFileName(sourceFileName: string): string {
  return `${sourceFileName.replace(/\.[^.]+$/, '')}-publicatie.pdf`;
}

/**
 * Step 5: the publication version of a countersigned protocol or addendum is the document converted to
 * PDF (which drops the signature data), stored next to it as kind `publicationVersion`; `publish` then
 * registers it once both versions were sent to the requester.
 */
export class PublicationService {
  public constructor(private readonly deps: PublicationDeps) {}

  /** Converts the countersigned document and stores the PDF in the dossier's folder. */
  public async createPublicationVersion(reference: string, sourceFileName: string): Promise<StoredDocument> {
    const { converter, remote } = this.deps;
    if (!converter) {
      if (remote) return remote.createPublicationVersion(reference, sourceFileName);
      throw new DataError('data.error.unavailable', 'Neither a PDF converter nor a command service is configured.');
    }
    const loaded = await this.deps.commands.load(reference);
    const dossier = loaded.dossier;
    if (!dossier) throw new DataError('data.error.notFound', `Dossier ${reference} does not exist.`, 404);
    const source = dossier.documents.find((doc) => doc.fileName === sourceFileName && !doc.superseded);
    if (!source || (source.phase !== 'countersigned' && source.phase !== 'signed')) {
      throw new DataError('data.error.invalidInput', `"${sourceFileName}" is not a signed or countersigned document of ${reference}.`);
    }
    const pdf = await converter.toPdf(reference, sourceFileName);
    return this.deps.documents.upload(reference, publicationFileName(sourceFileName), pdf, { kind: 'publicationVersion', phase: 'publication' });
  }

  /** Gives `publish` with the stored publication version. */
  public async publish(reference: string, stored: StoredDocument, bothVersionsSent: boolean, actor: Actor, commandId: string): Promise<CommandOutcome> {
    const publicationDocument: DocumentRegistration = { id: stored.id, kind: 'publicationVersion', fileName: stored.fileName, version: stored.version };
    return this.deps.commands.execute(reference, { type: 'publish', commandId, publicationDocument, bothVersionsSent }, actor, this.deps.clock?.());
  }
}
