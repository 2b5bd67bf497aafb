/**
 * The port the task pane reads and annotates a form through. Two adapters implement it: office-js in
 * Word (`../office/officeFormSource`) and the docx reader/annotator on the local workbench
 * (`../docx/docxFormSource`). The pane's logic is the same for both.
 */
import type { FieldAnchor, FormDocument } from '../../forms';

/** The field a comment lies in, as the domain names it (`rowIndex` for a cell of a repeating table). */
export interface CommentField {
  readonly fieldId: string;
  readonly rowIndex?: number;
}

/** A comment of the document with its raw text, Word's resolved state and its field (when in one). */
export interface DocumentComment {
  readonly id: string;
  readonly text: string;
  readonly resolved: boolean;
  readonly field?: CommentField;
}

/** The form as read, plus what the pane needs besides the checks' snapshot. */
export interface SourceForm {
  readonly form: FormDocument;
  /** The dossier reference the document carries (custom property `VsaDossierReference`), if any. */
  readonly dossierReference: string | undefined;
  /** The comments already in the document; undefined when comments cannot be read. */
  readonly comments: readonly DocumentComment[] | undefined;
  /** The add-in's hidden review part (XML), when the document has one. */
  readonly reviewMetadata?: string;
}

/** What the host can do; `missingRequirement` names what is missing (e.g. `WordApi 1.4`). */
export interface SourceCapabilities {
  readonly comments: boolean;
  readonly missingRequirement?: string;
}

/** One comment to place on a field (or on the document). */
export interface AnchoredComment {
  readonly anchor: FieldAnchor;
  readonly text: string;
}

/** What happened to a batch of comments. */
export interface InsertReport {
  readonly inserted: number;
  /** Anchors that are no longer in the document. */
  readonly notFound: number;
}

/** Reads the open form and writes comments into it. */
export interface FormSource {
  capabilities(): SourceCapabilities;
  read(): Promise<SourceForm>;
  /** Current comments (for de-duplication right before inserting, and for recording). */
  comments(): Promise<readonly DocumentComment[]>;
  /** Current comments and the review part together (one read in Word). */
  reviewState(): Promise<{ readonly comments: readonly DocumentComment[]; readonly reviewMetadata?: string }>;
  /** Selects (or shows) the field in the document; false when it cannot be found. */
  select(anchor: FieldAnchor): Promise<boolean>;
  /** Inserts the comments; with `reviewMetadata`, writes the review part in the same round trips. */
  insertComments(comments: readonly AnchoredComment[], reviewMetadata?: string): Promise<InsertReport>;
  /** A free comment on the current selection; returns it (with its field) when it can be read back. */
  insertCommentOnSelection(text: string): Promise<DocumentComment | undefined>;
  /** Deletes the comments that pass `isOwn`; returns how many. */
  removeComments(isOwn: (comment: DocumentComment) => boolean): Promise<number>;
  /** Marks these comments resolved in Word; returns how many were found. */
  resolveComments(ids: readonly string[]): Promise<number>;
  /** The add-in's hidden review part (XML) as it is now; undefined when there is none. */
  reviewMetadata(): Promise<string | undefined>;
  /** Writes the add-in's hidden review part. */
  writeReviewMetadata(xml: string): Promise<void>;
  /**
   * Replaces the text of the field at the anchor (e.g. a variable name by a codebook suggestion); false
   * when the anchor is no content control of the document (any more), e.g. in a form read by its labels.
   */
  replaceFieldText(anchor: FieldAnchor, text: string): Promise<boolean>;
  /**
   * Adds a row to a repeating table (`variabelen`) with these column values: the first empty row is
   * filled, else a new row is added after the last. Columns without a value stay empty to be filled.
   * False when the document has no such table of content controls.
   */
  addRow(rowsFieldId: string, values: Readonly<Record<string, string>>): Promise<boolean>;
}
