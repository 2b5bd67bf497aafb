/**
 * Plain data the Word gateway returns and accepts. No office-js types here, so the pane, the review
 * logic and the local workbench can use them without Office.
 */

/** One content control as Word reports it. `id` is Word's own control id (for `getByIdOrNullObject`). */
export interface ControlSnapshot {
  readonly id: number;
  readonly tag: string;
  readonly title: string;
  readonly text: string;
  readonly placeholderText: string;
}

/** One Word comment already in the document. */
export interface CommentSnapshot {
  readonly id: string;
  readonly text: string;
  readonly resolved: boolean;
  /** The content control the comment's range lies in (its field), if any. */
  readonly controlId?: number;
}

/** Everything one read of the document returns. */
export interface WordReadResult {
  /** Custom document properties (`VsaFormType`, `VsaFormVersion`, `VsaDossierId`) by key. */
  readonly customProperties: Readonly<Record<string, string>>;
  /** All content controls in document order. */
  readonly controls: readonly ControlSnapshot[];
  /** Existing comments; undefined when the host lacks the comments API (WordApi 1.4). */
  readonly comments: readonly CommentSnapshot[] | undefined;
  /**
   * The body as a flat-OPC package (`Body.getOoxml()`), read only for forms not made from the template
   * so the docx reader's label matching can read them; undefined when the controls sufficed.
   */
  readonly bodyOoxml: string | undefined;
  /** The XML of the custom XML part in `ReadOptions.customXmlNamespace`, when asked and present. */
  readonly customXml?: string;
}

/** Where in the document a comment goes or a selection lands. */
export type RangeTarget =
  | { readonly kind: 'control'; readonly controlId: number }
  /** First occurrence of a label text (for forms read by label matching). At most 255 characters. */
  | { readonly kind: 'search'; readonly text: string }
  /** The document's first paragraph, for findings about the whole document. */
  | { readonly kind: 'documentStart' };

/** One comment to insert. */
export interface CommentRequest {
  readonly target: RangeTarget;
  readonly text: string;
}

/** A custom XML part to write: the one of `namespace` is replaced, or added when there is none. */
export interface CustomXmlWrite {
  readonly namespace: string;
  readonly xml: string;
}

/** What happened to one comment request. */
export type CommentOutcome =
  | { readonly status: 'inserted'; readonly commentId: string }
  | { readonly status: 'targetNotFound' };

/** A content control the gateway creates in a new table cell (a repeating table's new row). */
export interface NewCellControl {
  readonly tag: string;
  readonly title: string;
  readonly placeholderText: string;
  /** '' leaves the control empty, showing its placeholder. */
  readonly text: string;
}

/** Options of a read. */
export interface ReadOptions {
  /** Also load existing comments (only when the host supports WordApi 1.4). */
  readonly withComments: boolean;
  /** Decides, from the controls, whether the body's OOXML must be read too (second sync). */
  readonly needsBody: (controls: readonly ControlSnapshot[]) => boolean;
  /** Also read the custom XML part of this namespace (WordApi 1.4; only with `withComments`). */
  readonly customXmlNamespace?: string;
}

/**
 * The only door to office-js. Every method is one `Word.run` with at most two `context.sync()` calls,
 * whatever the document's length.
 */
export interface WordGateway {
  /** True when the host supports the requirement set (e.g. `WordApi` `1.4`). */
  isSetSupported(name: string, version: string): boolean;
  /** The document's file name (from its URL), `document.docx` when unsaved. */
  documentName(): string;
  /** Properties, controls, comments in one sync; the body's OOXML in a second sync only when asked. */
  read(options: ReadOptions): Promise<WordReadResult>;
  /** Selects the target in the document; false when it is not there (any more). */
  select(target: RangeTarget): Promise<boolean>;
  /**
   * Inserts comments in order; targets that cannot be found are reported, not thrown. With `part`, the
   * custom XML part of that namespace is written in the same two syncs (added or replaced).
   */
  insertComments(requests: readonly CommentRequest[], part?: CustomXmlWrite): Promise<CommentOutcome[]>;
  /** Inserts one comment on the current selection. */
  insertCommentOnSelection(text: string): Promise<string>;
  /** Current comments of the document with the control each lies in (WordApi 1.4; two syncs). */
  listComments(): Promise<CommentSnapshot[]>;
  /** The comments (with their controls) and the custom XML part of a namespace, in two syncs. */
  readComments(namespace: string): Promise<{ readonly comments: CommentSnapshot[]; readonly customXml?: string }>;
  /** Sets Word's resolved state of the comments with these ids; returns how many were found. */
  setCommentsResolved(ids: readonly string[], resolved: boolean): Promise<number>;
  /** The XML of the document's custom XML part in this namespace; undefined when there is none (WordApi 1.4). */
  readCustomXml(namespace: string): Promise<string | undefined>;
  /** Writes (adds or replaces) the document's custom XML part in this namespace (WordApi 1.4). */
  writeCustomXml(namespace: string, xml: string): Promise<void>;
  /** Deletes the comments with these ids; returns how many were found and deleted. */
  deleteComments(ids: readonly string[]): Promise<number>;
  /** Replaces the text of content controls (id → text); false when one of them is not there (any more): then none changed. */
  setControlTexts(texts: ReadonlyMap<number, string>): Promise<boolean>;
  /**
   * Inserts a table row after the row holding the control, with one new content control per cell (in
   * cell order). False when the control is gone or not in a table (WordApi 1.3).
   */
  insertRowAfter(controlId: number, cells: readonly NewCellControl[]): Promise<boolean>;
}
