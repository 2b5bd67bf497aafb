/**
 * The versions "Verschillen" offers for a form: the earlier drafts of the same kind the dossier registered
 * under other file names (a requester often renames the new version: "aanvraag v2.docx"), then the
 * library versions of this file, oldest first. Each is a file and a version, so the host reads each
 * from its own file.
 */
import type { DocumentKind, DossierDocument } from '../../domain/types';

/** One version to compare: a file of the dossier at a version label. */
export interface VersionRef {
  readonly fileName: string;
  readonly version: string;
}

/** A version as the picker shows it (`key` is stable and parseable). */
export interface VersionChoice extends VersionRef {
  readonly key: string;
  readonly label: string;
}

const choice = (fileName: string, version: string, label: string): VersionChoice => ({ key: `${version}@${fileName}`, fileName, version, label });

/** The versions of `document` and the earlier registered drafts of its kind in other files, oldest first. */
export function comparableVersions(
  document: { readonly fileName: string; readonly kind?: DocumentKind; readonly version: string; readonly versions?: readonly string[] },
  registered: readonly Pick<DossierDocument, 'fileName' | 'kind' | 'version' | 'phase'>[]
): readonly VersionChoice[] {
  const lower = document.fileName.toLowerCase();
  const earlier = document.kind === undefined
    ? []
    : registered
      .filter((other) => other.kind === document.kind && other.phase === 'draft' && other.fileName.toLowerCase() !== lower)
      .map((other) => choice(other.fileName, other.version, `${other.version} (${other.fileName})`));
  const own = (document.versions && document.versions.length > 0 ? document.versions : [document.version]).map((version) => choice(document.fileName, version, version));
  const seen = new Set<string>();
  return [...earlier, ...own].filter((entry) => (seen.has(entry.key) ? false : (seen.add(entry.key), true)));
}
