/**
 * The open dossier in the address bar: `?dossier=VSA-2026-0001` opens its panel on load (links in Teams
 * notifications and mails), and the parameter follows the panel so the page can be bookmarked or
 * shared. Behind a tiny interface so tests and the local workbench can use their own.
 */
import { parseDossierReference } from '../../../domain/numbering';

/** The query parameter that names the open dossier (also written by the notification links). */
export const DOSSIER_PARAMETER = 'dossier';

/** Reads and writes the open dossier's reference in the page address. */
export interface DossierLocation {
  /** The dossier the address names, if it names a well-formed reference. */
  read(): string | undefined;
  /** Shows this dossier in the address (undefined removes the parameter). */
  write(reference: string | undefined): void;
}

const wellFormed = (value: string | undefined): string | undefined =>
  value && parseDossierReference(value) ? value : undefined;

/**
 * The browser's address. `replaceState` (not `pushState`): opening and closing a panel is no navigation
 * to undo with the back button, and other parameters of the SharePoint page are kept as they are.
 */
export function browserDossierLocation(target: Pick<Window, 'location' | 'history'> = window): DossierLocation {
  return {
    read: () => wellFormed(new URLSearchParams(target.location.search).get(DOSSIER_PARAMETER) ?? undefined),
    write: (reference) => {
      const url = new URL(target.location.href);
      if (reference) url.searchParams.set(DOSSIER_PARAMETER, reference);
      else url.searchParams.delete(DOSSIER_PARAMETER);
      if (url.href !== target.location.href) target.history.replaceState(target.history.state, '', url.href);
    }
  };
}

/** An address held in memory (tests, hosts without an address bar). */
export function memoryDossierLocation(initial?: string): DossierLocation & { readonly current: () => string | undefined } {
  let current = wellFormed(initial);
  return {
    read: () => current,
    write: (reference) => {
      current = reference;
    },
    current: () => current
  };
}
