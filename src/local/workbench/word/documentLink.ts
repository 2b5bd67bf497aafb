/**
 * "Openen in Word" on the local tenant: the Word workbench on that dossier's document
 * (`/workbench/word?reference=…&file=…&version=…`), where in Microsoft 365 it is the document's Word URL.
 * The link is built here and read back by the workbench page, which refuses anything but a dossier
 * reference, a plain .docx file name and a version label.
 */
import { WORD_WORKBENCH_PATH } from './paths';

/** Which document of which dossier the workbench opens. */
export interface WorkbenchDocumentRef {
  readonly reference: string;
  readonly fileName: string;
  /** Library version label; absent = the current version. */
  readonly version?: string;
}

const REFERENCE = /^VSA-\d{4}-\d{4,}$/;
const VERSION = /^\d{1,5}\.\d{1,5}$/;

/** The workbench address for a dossier's document. */
export function localOpenInWordUrl(reference: string, document: { readonly fileName: string; readonly version?: string }): string {
  const query = new URLSearchParams({ reference, file: document.fileName, ...(document.version ? { version: document.version } : {}) });
  return `${WORD_WORKBENCH_PATH}?${query.toString()}`;
}

/** The document a workbench address names; undefined without one, or when a part is not what a link carries. */
export function workbenchDocumentOf(url: URL): WorkbenchDocumentRef | undefined {
  const reference = url.searchParams.get('reference') ?? '';
  const fileName = url.searchParams.get('file') ?? '';
  const version = url.searchParams.get('version') ?? undefined;
  if (!REFERENCE.test(reference)) return undefined;
  if (!/\.docx$/i.test(fileName) || /[\\/]/.test(fileName) || fileName.startsWith('.')) return undefined;
  if (version !== undefined && !VERSION.test(version)) return undefined;
  return { reference, fileName, ...(version ? { version } : {}) };
}
