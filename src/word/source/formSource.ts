/**
 * The port the task pane reads and annotates a form through. Two adapters implement it: office-js in
 * Word (`../office/officeFormSource`) and the docx reader/annotator on the local workbench
 * (`../docx/docxFormSource`). The pane's logic is the same for both.
 */
import type { FieldAnchor, FormDocument } from '../../forms';

/** The form as read, plus what the pane needs besides the checks' snapshot. */
export interface SourceForm {
  readonly form: FormDocument;
  /** The dossier reference the document carries (custom property `VsaDossierReference`), if any. */
  readonly dossierReference: string | undefined;
  /** Texts of the comments already in the document; undefined when comments cannot be read. */
  readonly commentTexts: readonly string[] | undefined;
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
  /** Current comment texts (for de-duplication right before inserting). */
  commentTexts(): Promise<readonly string[]>;
  /** Selects (or shows) the field in the document; false when it cannot be found. */
  select(anchor: FieldAnchor): Promise<boolean>;
  insertComments(comments: readonly AnchoredComment[]): Promise<InsertReport>;
  /** A free comment on the current selection. */
  insertCommentOnSelection(text: string): Promise<void>;
  /** Deletes the comments whose text passes `isOwn`; returns how many. */
  removeComments(isOwn: (text: string) => boolean): Promise<number>;
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
