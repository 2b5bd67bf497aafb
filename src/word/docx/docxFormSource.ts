/**
 * The `FormSource` port over a .docx file instead of office-js, for the local workbench: the docx
 * reader reads, the annotator writes comments, `docxParts` removes them. The pane runs unchanged.
 */
import { addTableRow, annotate, readForm, replaceControlText } from '../../forms';
import type { FieldAnchor, FormDocument } from '../../forms/types';
import { DOSSIER_REFERENCE_PROPERTY } from '../../app/wordReview/dossierReviewPort';
import type { AnchoredComment, DocumentComment, FormSource, InsertReport, SourceForm } from '../source/formSource';
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
  // The workbench keeps the review part and the resolved state for the session (the .docx writer has no custom XML part yet).
  let metadata: string | undefined;
  const resolved = new Set<string>();
  const commentsOf = (read: FormDocument): DocumentComment[] =>
    read.comments.map((comment) => ({
      id: String(comment.id),
      text: comment.text,
      resolved: resolved.has(String(comment.id)),
      ...(comment.fieldId ? { field: { fieldId: comment.fieldId } } : {})
    }));

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
      return {
        form: read,
        dossierReference: readCustomProperty(docx, DOSSIER_REFERENCE_PROPERTY, options.fileName) || undefined,
        comments: commentsOf(read),
        ...(metadata !== undefined ? { reviewMetadata: metadata } : {})
      };
    },

    async comments(): Promise<readonly DocumentComment[]> {
      return commentsOf(form ?? (await reread()));
    },

    async select(anchor: FieldAnchor): Promise<boolean> {
      return options.show ? options.show(anchor) : false;
    },

    async reviewState() {
      return { comments: commentsOf(form ?? (await reread())), ...(metadata !== undefined ? { reviewMetadata: metadata } : {}) };
    },

    async insertComments(comments: readonly AnchoredComment[], reviewMetadata?: string): Promise<InsertReport> {
      if (comments.length > 0) await annotateWith(comments);
      if (reviewMetadata !== undefined) metadata = reviewMetadata;
      return { inserted: comments.length, notFound: 0 };
    },

    async insertCommentOnSelection(text: string): Promise<DocumentComment | undefined> {
      const before = new Set((form ?? (await reread())).comments.map((comment) => comment.id));
      await annotateWith([{ anchor: options.selection?.() ?? { kind: 'document' }, text }]);
      return commentsOf(form!).find((comment) => !before.has(Number(comment.id)));
    },

    async removeComments(isOwn: (comment: DocumentComment) => boolean): Promise<number> {
      const own = new Set(commentsOf(form ?? (await reread())).filter(isOwn).map((comment) => comment.text));
      const result = removeComments(docx, (text) => own.has(text), options.fileName);
      if (result.removed > 0) await changed(result.docx);
      return result.removed;
    },

    async resolveComments(ids: readonly string[]): Promise<number> {
      const known = new Set((form ?? (await reread())).comments.map((comment) => String(comment.id)));
      const found = ids.filter((id) => known.has(id));
      for (const id of found) resolved.add(id);
      return found.length;
    },

    async reviewMetadata(): Promise<string | undefined> {
      return metadata;
    },

    async writeReviewMetadata(xml: string): Promise<void> {
      metadata = xml;
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
