import { isDocxName } from '../../domain/documentRules';
import type { Actor, DocumentRegistration, IsoDateTime } from '../../domain/types';
import type { CommandOutcome, DossierCommands } from '../commandService';
import { DataError } from '../errors';
import type { DocumentLibrary, StoredDocument } from '../ports';
import type { MakePublicationVersion, PdfConverter } from './ports';

/**
 * A refusal the user reads in their language: a `DataError` (400) whose `serviceCode` is a code of the
 * message catalog; `formatFailure` renders it here, and the command service answers with that code.
 */
function refusal(code: 'app.error.publicationSourceNotRegistered' | 'app.error.publicationVersionUnavailable' | 'app.error.unsupportedFileType', params: Record<string, string>, message: string): DataError {
  return new DataError('data.error.invalidInput', message, 400, { serviceCode: code, params });
}

/** Makes and stores a publication version elsewhere: the command service (`RemoteDocumentLibrary`). */
export interface PublicationVersionMaker {
  createPublicationVersion(reference: string, sourceFileName: string): Promise<StoredDocument>;
}

/** Dependencies of the publication service: a converter here, or the command service that converts. */
export type PublicationDeps = {
  /** The trusted `CommandService` in the command service; any `DossierCommands` elsewhere. */
  readonly commands: DossierCommands;
  readonly documents: Pick<DocumentLibrary, 'upload'> & Partial<Pick<DocumentLibrary, 'download'>>;
  readonly clock?: () => IsoDateTime;
} & (
  | {
      readonly converter: PdfConverter;
      /**
       * Takes the signature data out of a signed file (`src/signatures/publication`): a PDF becomes a
       * PDF without signature fields, CMS, certificates, earlier revisions or form fields; a .docx loses
       * its digital signature parts and the signature blocks' hidden data (then `converter` makes the
       * PDF). Absent: a .docx is converted as it is (the PDF rendering carries no signature parts), and a
       * signed PDF has no publication version (`app.error.publicationVersionUnavailable`).
       */
      readonly makePublicationVersion?: MakePublicationVersion;
      readonly remote?: undefined;
    }
  /** With a command service: it checks the source, converts and stores (members cannot write the library). */
  | { readonly remote: PublicationVersionMaker; readonly converter?: undefined; readonly makePublicationVersion?: undefined }
);

/** `protocol-ondertekend.docx` → `protocol-ondertekend-publicatie.pdf`. */
export function publicationFileName(sourceFileName: string): string {
  return `${sourceFileName.replace(/\.[^.]+$/, '')}-publicatie.pdf`;
}

/** `protocol-ondertekend.docx` → `protocol-ondertekend-publicatie.docx`: the stripped Word file the PDF is converted from. */
export function strippedDocxFileName(sourceFileName: string): string {
  return `${sourceFileName.replace(/\.[^.]+$/, '')}-publicatie.docx`;
}

const isPdfName = (fileName: string): boolean => /\.pdf$/i.test(fileName);

/**
 * Step 5: the publication version of a countersigned protocol or addendum: a PDF in which the signature
 * data can no longer be consulted, stored next to it as kind `publicationVersion`. From a signed PDF,
 * `makePublicationVersion` writes it; from a .docx, `makePublicationVersion` strips the signature data
 * and `converter` renders the stripped file. `publish` then registers it once the mail with both
 * versions was sent to the requester and recorded.
 */
export class PublicationService {
  public constructor(private readonly deps: PublicationDeps) {}

  /** Makes the publication version of a registered countersigned (or signed) document and stores it in the dossier's folder. */
  public async createPublicationVersion(reference: string, sourceFileName: string): Promise<StoredDocument> {
    const { converter, remote } = this.deps;
    if (!converter) {
      if (remote) return remote.createPublicationVersion(reference, sourceFileName);
      throw new DataError('data.error.unavailable', 'Neither a PDF converter nor a command service is configured.');
    }
    const loaded = await this.deps.commands.load(reference);
    const dossier = loaded.dossier;
    if (!dossier) throw new DataError('data.error.notFound', `Dossier ${reference} does not exist.`, 404);
    const source = dossier.documents.find((doc) => doc.fileName.toLowerCase() === sourceFileName.toLowerCase() && !doc.superseded);
    if (!source || (source.phase !== 'countersigned' && source.phase !== 'signed')) {
      throw refusal('app.error.publicationSourceNotRegistered', { fileName: sourceFileName, reference }, `"${sourceFileName}" is not a registered signed or countersigned document of ${reference}.`);
    }
    const target = publicationFileName(source.fileName);
    const metadata = { kind: 'publicationVersion', phase: 'publication' } as const;
    const make = this.deps.makePublicationVersion;
    if (isPdfName(source.fileName)) {
      if (!make) throw refusal('app.error.publicationVersionUnavailable', { fileName: source.fileName }, 'No publication version maker for signed PDFs is configured.');
      const made = await make(await this.download(reference, source), source.fileName);
      return this.deps.documents.upload(reference, target, made.bytes, metadata);
    }
    if (!isDocxName(source.fileName)) throw refusal('app.error.unsupportedFileType', { fileName: source.fileName }, `"${source.fileName}" is neither a PDF nor a Word document.`);
    if (!make) return this.deps.documents.upload(reference, target, await converter.toPdf(reference, source.fileName), metadata);
    // The stripped Word file is stored (the converter renders stored files), then rendered as the PDF.
    const stripped = await make(await this.download(reference, source), source.fileName);
    const strippedStored = await this.deps.documents.upload(reference, strippedDocxFileName(source.fileName), stripped.bytes, metadata);
    // The rendered PDF goes through the maker once more: the converter's own metadata (producer, title, author) goes too.
    const rendered = await make(await converter.toPdf(reference, strippedStored.fileName), target);
    return this.deps.documents.upload(reference, target, rendered.bytes, metadata);
  }

  /** The registered version of the source (never a later save of the same name). */
  private async download(reference: string, source: DocumentRegistration): Promise<Uint8Array> {
    const download = this.deps.documents.download;
    if (!download) throw new DataError('data.error.unavailable', 'The publication service cannot read the dossier library.');
    return download.call(this.deps.documents, reference, source.fileName, source.version);
  }

  /** Gives `publish` with the stored publication version (the domain requires the recorded mail with both versions). */
  public async publish(reference: string, stored: StoredDocument, actor: Actor, commandId: string): Promise<CommandOutcome> {
    const publicationDocument: DocumentRegistration = { id: stored.id, kind: 'publicationVersion', fileName: stored.fileName, version: stored.version };
    return this.deps.commands.execute(reference, { type: 'publish', commandId, publicationDocument }, actor, this.deps.clock?.());
  }
}
