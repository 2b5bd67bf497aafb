import { ResponseType } from '@microsoft/microsoft-graph-client';
import { DataError, toDataError } from '../errors';
import type { GraphApi } from '../graph/notifier';
import { LIBRARY_DOCUMENTS } from '../schemaNames';
import type { PdfConverter } from './ports';

/** Where the library lives, as Graph addresses it. */
export interface GraphDriveLocation {
  /** e.g. `https://contoso.sharepoint.com/sites/microdata` (or the local tenant's site URL). */
  readonly siteUrl: string;
  /** Library title; default `Dossierdocumenten`. */
  readonly library?: string;
}

/** Extensions Graph converts to PDF (driveitem-get-content-format). */
const convertible = /\.(csv|doc|docx|odp|ods|odt|pot|potm|potx|pps|ppsx|ppsxm|ppt|pptm|pptx|rtf|xls|xlsx)$/i;

const segment = (value: string): string => encodeURIComponent(value);

/**
 * `PdfConverter` on Graph: the library's drive id once (`GET /sites/{host}:{path}:/lists/{library}/drive`),
 * then `GET /drives/{drive-id}/root:/{reference}/{file}:/content?format=pdf`.
 * Graph answers 302 with a short-lived pre-authenticated URL; the browser's fetch and the SDK's redirect
 * handler in Node follow it, so the bytes arrive here. The PDF carries none of the document's signature
 * data, which is exactly the publication version the procedure asks for (step 5).
 */
export class GraphPdfConverter implements PdfConverter {
  private driveId?: Promise<string>;

  public constructor(private readonly graph: GraphApi, private readonly location: GraphDriveLocation) {}

  /** The drive id of the library, read once. */
  public libraryDriveId(): Promise<string> {
    if (!this.driveId) {
      const site = new URL(this.location.siteUrl);
      const sitePath = site.pathname.replace(/\/$/, '');
      const library = this.location.library ?? LIBRARY_DOCUMENTS;
      this.driveId = (this.graph.api(`/sites/${site.hostname}:${sitePath}:/lists/${segment(library)}/drive`).select('id').get() as Promise<{ id?: unknown }>).then((drive) => {
        if (typeof drive.id !== 'string' || drive.id === '') throw new DataError('data.error.corrupt', `The library ${library} has no drive id.`);
        return drive.id;
      });
      // Forget a failed lookup so the next conversion retries it; the failure itself still reaches the
      // caller awaiting `this.driveId` below, so nothing is swallowed here.
      this.driveId.catch(() => (this.driveId = undefined));
    }
    return this.driveId;
  }

  /** The Graph path of the conversion (exposed for tests and diagnostics). */
  public conversionPath(driveId: string, reference: string, fileName: string): string {
    return `/drives/${segment(driveId)}/root:/${segment(reference)}/${segment(fileName)}:/content?format=pdf`;
  }

  public async toPdf(reference: string, fileName: string): Promise<Uint8Array> {
    if (!convertible.test(fileName)) {
      throw new DataError('data.error.invalidInput', `"${fileName}" cannot be converted to PDF (only Office documents such as .docx can).`);
    }
    try {
      const path = this.conversionPath(await this.libraryDriveId(), reference, fileName);
      const buffer = (await this.graph.api(path).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
      const bytes = new Uint8Array(buffer);
      if (bytes.length < 5 || String.fromCharCode(...bytes.subarray(0, 5)) !== '%PDF-') {
        throw new DataError('data.error.corrupt', `The conversion of ${fileName} did not return a PDF.`);
      }
      return bytes;
    } catch (error) {
      throw toDataError(error, `convert ${fileName} of ${reference} to PDF`);
    }
  }
}
