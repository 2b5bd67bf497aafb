/**
 * What the "Codeboeken" view shows and asks, in its own terms (the ui ring imports no app or data
 * types): the app's `CodebookSummary`, `CodebookHit` and `CodebookLibrary` fit these shapes.
 */

/** One wave that has a codebook. */
export interface CodebookSummaryView {
  readonly wave: string;
  readonly variableCount: number;
  readonly sensitiveCount: number;
  readonly sourceFileName: string;
  readonly importedAt: string;
  readonly importedBy?: string;
}

/** One variable found by a search. */
export interface CodebookHitView {
  readonly wave: string;
  readonly variable: { readonly name: string; readonly label: string; readonly sensitive: boolean };
}

/** What the view calls: list, import (with the wave when the file does not say), search. */
export interface CodebooksPort {
  list(): Promise<readonly CodebookSummaryView[]>;
  import(file: { readonly fileName: string; readonly bytes: Uint8Array }, wave?: string): Promise<readonly CodebookSummaryView[]>;
  search(query: string, waves?: readonly string[]): Promise<readonly CodebookHitView[]>;
}

/** The view's strings (`UiStrings.codebooks`), Dutch first. */
export interface CodebookViewStrings {
  readonly listHeading: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly empty: string;
  readonly columnWave: string;
  readonly columnVariables: string;
  readonly columnSensitive: string;
  readonly columnSource: string;
  readonly columnImportedAt: string;
  readonly columnImportedBy: string;
  readonly importHeading: string;
  readonly importHelp: string;
  readonly fileLabel: string;
  readonly waveLabel: string;
  readonly waveFromFile: string;
  readonly importButton: string;
  readonly importing: string;
  readonly imported: string;
  readonly waveCounts: string;
  readonly importFailed: string;
  readonly searchHeading: string;
  readonly searchLabel: string;
  readonly searchWaveLabel: string;
  readonly searchAllWaves: string;
  readonly searchButton: string;
  readonly searchFailed: string;
  readonly noHits: string;
  readonly hitCount: string;
  readonly columnName: string;
  readonly columnLabel: string;
  readonly sensitiveBadge: string;
  readonly sensitiveHelp: string;
}
