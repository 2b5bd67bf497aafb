/**
 * The `FormSource` port over a .docx file instead of office-js, for the local workbench: the docx
 * reader reads, the annotator writes comments, `docxParts` removes them. The pane runs unchanged.
 */
import { addTableRow, annotate, readForm, replaceControlText } from '../../forms';
import type { FieldAnchor, FormDocument } from '../../forms/types';
import { DOSSIER_REFERENCE_PROPERTY } from '../../app/wordReview/dossierReviewPort';
import type { AnchoredComment, FormSource, InsertReport, SourceForm } from '../source/formSource';
import { readCustomProperty, removeComments } from './docxParts';

/** Options of the docx form source. */
export interface DocxFormSourceOptions {
  readonly fileName: string;
  /** Author written on comments (Word would use the signed-in user). */
  readonly author: string;
  readonly now: () => string;
  /** Shows a field in the rendering; false when the anchor has no element there. */
  readonly show?: (anchor: FieldAnchor) => boolean;
  /** What the user selected in the rendering (a field), if anything. */
  readonly selection?: () => FieldAnchor | undefined;
  /** Told after every change, with the new bytes and form (to re-render and offer the download). */
  readonly onChange?: (docx: Uint8Array, form: FormDocument) => void;
}

/** A form source over .docx bytes; `current()` gives the annotated file. */
export interface DocxFormSource extends FormSource {
  current(): Uint8Array;
}

/** Creates the docx form source over the initial bytes. */
export function createDocxFormSource(initial: Uint8Array, options: DocxFormSourceOptions): DocxFormSource {
  let docx = initial;
  let form: FormDocument | undefined;

  const reread = async (): Promise<FormDocument> => {
    form = await readForm(docx, options.fileName);
    return form;
  };
  const changed = async (next: Uint8Array): Promise<void> => {
    docx = next;
    const updated = await reread();
    options.onChange?.(docx, updated);
  };
  const annotateWith = async (comments: readonly AnchoredComment[]): Promise<void> => {
    await changed(await annotate(docx, [], comments.map((c) => ({ fieldId: undefined, text: c.text, anchor: c.anchor })), options.author, options.now(), { fileName: options.fileName }));
  };

  return {
    current: () => docx,
    capabilities: () => ({ comments: true }),

    async read(): Promise<SourceForm> {
      const read = await reread();
      return { form: read, dossierReference: readCustomProperty(docx, DOSSIER_REFERENCE_PROPERTY, options.fileName) || undefined, commentTexts: read.comments.map((c) => c.text) };
    },

    async commentTexts(): Promise<readonly string[]> {
      return (form ?? (await reread())).comments.map((comment) => comment.text);
    },

    async select(anchor: FieldAnchor): Promise<boolean> {
      return options.show ? options.show(anchor) : false;
    },

    async insertComments(comments: readonly AnchoredComment[]): Promise<InsertReport> {
      if (comments.length > 0) await annotateWith(comments);
      return { inserted: comments.length, notFound: 0 };
    },

    async insertCommentOnSelection(text: string): Promise<void> {
      await annotateWith([{ anchor: options.selection?.() ?? { kind: 'document' }, text }]);
    },

    async removeComments(isOwn: (text: string) => boolean): Promise<number> {
      const result = removeComments(docx, isOwn, options.fileName);
      if (result.removed > 0) await changed(result.docx);
      return result.removed;
    },

    async replaceFieldText(anchor: FieldAnchor, text: string): Promise<boolean> {
      const next = anchor.kind === 'contentControl' ? replaceControlText(docx, anchor.tag, anchor.occurrence, text, options.fileName) : undefined;
      if (next) await changed(next);
      return next !== undefined;
    },

    async addRow(rowsFieldId: string, values: Readonly<Record<string, string>>): Promise<boolean> {
      const next = addTableRow(docx, rowsFieldId, values, options.fileName);
      if (next) await changed(next);
      return next !== undefined;
    }
  };
}
