/**
 * The `FormSource` port over office-js (through the gateway). Template-made forms are built from the
 * content controls (`buildFormDocument`); forms without field controls are read from the body's
 * OOXML by the docx reader, which matches labels. Anchors are mapped back to Word ranges here.
 */
import { buildFormDocument, getFieldDef, isPlaceholderText, readForm } from '../../forms';
import type { FieldAnchor } from '../../forms/types';
import { DOSSIER_REFERENCE_PROPERTY } from '../../app/wordReview/dossierReviewPort';
import type { CommentSnapshot, ControlSnapshot, NewCellControl, RangeTarget, WordGateway } from '../gateway/types';
import type { AnchoredComment, DocumentComment, FormSource, InsertReport, SourceCapabilities, SourceForm } from '../source/formSource';
import { REVIEW_PART_NAMESPACE } from '../review/reviewMetadata';
import { commentField } from '../review/reviewerFindings';
import { flatOpcToDocx } from './flatOpc';

/** Comments need WordApi 1.4 (`insertComment`, `getComments`). */
export const COMMENTS_REQUIREMENT = { name: 'WordApi', version: '1.4' } as const;

const PROPERTY_FORM_TYPE = 'VsaFormType';
const PROPERTY_FORM_VERSION = 'VsaFormVersion';

/** True when a control carries a catalog field (or the form type): then the template path applies. */
function isFormControl(control: ControlSnapshot): boolean {
  return control.tag === 'formType' || getFieldDef(control.tag) !== undefined;
}

/** The controls of a read, indexed by tag and by title (document order kept) for anchor lookups. */
export interface ControlIndex {
  readonly byTag: ReadonlyMap<string, readonly ControlSnapshot[]>;
  readonly byTitle: ReadonlyMap<string, readonly ControlSnapshot[]>;
  /** Per control id: its tag and its occurrence among the controls with that tag. */
  readonly byId: ReadonlyMap<number, { readonly tag: string; readonly occurrence: number }>;
}

/** Indexes controls once per read, so mapping many anchors stays linear in the document's size. */
export function indexControls(controls: readonly ControlSnapshot[]): ControlIndex {
  const byTag = new Map<string, ControlSnapshot[]>();
  const byTitle = new Map<string, ControlSnapshot[]>();
  const add = (map: Map<string, ControlSnapshot[]>, key: string, control: ControlSnapshot): void => {
    const list = map.get(key);
    if (list) list.push(control);
    else map.set(key, [control]);
  };
  const byId = new Map<number, { tag: string; occurrence: number }>();
  for (const control of controls) {
    byId.set(control.id, { tag: control.tag, occurrence: byTag.get(control.tag)?.length ?? 0 });
    add(byTag, control.tag, control);
    add(byTitle, control.title, control);
  }
  return { byTag, byTitle, byId };
}

/** A comment with the catalog field of the control it lies in (controls of other tags count as none). */
export function toDocumentComment(comment: CommentSnapshot, index: ControlIndex): DocumentComment {
  const base = { id: comment.id, text: comment.text, resolved: comment.resolved };
  const control = comment.controlId === undefined ? undefined : index.byId.get(comment.controlId);
  const field = control && getFieldDef(control.tag) ? commentField(control.tag, control.occurrence) : undefined;
  return field ? { ...base, field } : base;
}

/** True when a control shows nothing typed: empty, its placeholder, or a catalog placeholder text. */
export function isEmptyControl(control: ControlSnapshot): boolean {
  const text = control.text.trim();
  return text === '' || text === control.placeholderText.trim() || isPlaceholderText(text);
}

/**
 * Where a new row of a repeating table goes: the first row whose column controls are all empty
 * (templates come with empty rows), else after the row of the last control of the first column.
 */
export function planRow(
  rowsFieldId: string,
  values: Readonly<Record<string, string>>,
  index: ControlIndex
): { readonly kind: 'fill'; readonly texts: ReadonlyMap<number, string> } | { readonly kind: 'insert'; readonly afterControlId: number; readonly cells: NewCellControl[] } | undefined {
  const columns = getFieldDef(rowsFieldId)?.columns ?? [];
  const firstColumn = columns.length > 0 ? index.byTag.get(columns[0].id) ?? [] : [];
  if (firstColumn.length === 0) return undefined;
  for (let occurrence = 0; occurrence < firstColumn.length; occurrence++) {
    const row = columns.map((column) => index.byTag.get(column.id)?.[occurrence]);
    if (row.every((control) => control !== undefined && isEmptyControl(control))) {
      const texts = new Map<number, string>();
      columns.forEach((column, at) => {
        const text = values[column.id] ?? '';
        if (text !== '') texts.set(row[at]!.id, text);
      });
      return { kind: 'fill', texts };
    }
  }
  return {
    kind: 'insert',
    afterControlId: firstColumn[firstColumn.length - 1].id,
    cells: columns.map((column) => ({ tag: column.id, title: column.labelNl, placeholderText: column.placeholderNl, text: values[column.id] ?? '' }))
  };
}

/** Maps a field anchor to a Word range target, given the controls of the last read. */
export function targetForAnchor(anchor: FieldAnchor, index: ControlIndex): RangeTarget {
  switch (anchor.kind) {
    case 'contentControl': {
      const control = index.byTag.get(anchor.tag)?.[anchor.occurrence];
      if (control) return { kind: 'control', controlId: control.id };
      const label = getFieldDef(anchor.tag)?.labelNl;
      return label ? { kind: 'search', text: label } : { kind: 'documentStart' };
    }
    case 'contentControlTitle': {
      const control = index.byTitle.get(anchor.title)?.[anchor.occurrence];
      return control ? { kind: 'control', controlId: control.id } : { kind: 'search', text: anchor.title };
    }
    case 'tableCell':
    case 'paragraph':
      return { kind: 'search', text: anchor.label };
    default:
      return { kind: 'documentStart' };
  }
}

/** Creates the office-js form source. */
export function createOfficeFormSource(gateway: WordGateway): FormSource {
  let controls: ControlIndex = indexControls([]);
  const capabilities: SourceCapabilities = gateway.isSetSupported(COMMENTS_REQUIREMENT.name, COMMENTS_REQUIREMENT.version)
    ? { comments: true }
    : { comments: false, missingRequirement: `${COMMENTS_REQUIREMENT.name} ${COMMENTS_REQUIREMENT.version}` };

  const requireComments = (): void => {
    if (!capabilities.comments) {
      throw new Error(`Opmerkingen vragen ${capabilities.missingRequirement}. / Comments need ${capabilities.missingRequirement}.`);
    }
  };

  return {
    capabilities: () => capabilities,

    async read(): Promise<SourceForm> {
      const fileName = gateway.documentName();
      const result = await gateway.read({
        withComments: capabilities.comments,
        needsBody: (read) => !read.some(isFormControl),
        customXmlNamespace: REVIEW_PART_NAMESPACE
      });
      controls = indexControls(result.controls);
      const properties = result.customProperties;
      const form =
        result.bodyOoxml !== undefined
          ? await readForm(flatOpcToDocx(result.bodyOoxml, properties), fileName)
          : buildFormDocument({
              fileName,
              formType: properties[PROPERTY_FORM_TYPE],
              catalogVersion: properties[PROPERTY_FORM_VERSION],
              controls: result.controls
            });
      const reference = properties[DOSSIER_REFERENCE_PROPERTY]?.trim();
      return {
        form,
        dossierReference: reference ? reference : undefined,
        comments: result.comments?.map((comment) => toDocumentComment(comment, controls)),
        ...(result.customXml !== undefined ? { reviewMetadata: result.customXml } : {})
      };
    },

    async comments(): Promise<readonly DocumentComment[]> {
      if (!capabilities.comments) return [];
      return (await gateway.listComments()).map((comment) => toDocumentComment(comment, controls));
    },

    select: (anchor) => gateway.select(targetForAnchor(anchor, controls)),

    async reviewState() {
      if (!capabilities.comments) return { comments: [] };
      const state = await gateway.readComments(REVIEW_PART_NAMESPACE);
      return {
        comments: state.comments.map((comment) => toDocumentComment(comment, controls)),
        ...(state.customXml !== undefined ? { reviewMetadata: state.customXml } : {})
      };
    },

    async insertComments(comments: readonly AnchoredComment[], reviewMetadata?: string): Promise<InsertReport> {
      requireComments();
      const outcomes = await gateway.insertComments(
        comments.map((comment) => ({ target: targetForAnchor(comment.anchor, controls), text: comment.text })),
        reviewMetadata === undefined ? undefined : { namespace: REVIEW_PART_NAMESPACE, xml: reviewMetadata }
      );
      const inserted = outcomes.filter((outcome) => outcome.status === 'inserted').length;
      return { inserted, notFound: outcomes.length - inserted };
    },

    async insertCommentOnSelection(text: string): Promise<DocumentComment | undefined> {
      requireComments();
      const id = await gateway.insertCommentOnSelection(text);
      const created = (await gateway.listComments()).find((comment) => comment.id === id);
      return created && toDocumentComment(created, controls);
    },

    async removeComments(isOwn: (comment: DocumentComment) => boolean): Promise<number> {
      requireComments();
      const own = (await gateway.listComments()).filter((comment) => isOwn(toDocumentComment(comment, controls)));
      return gateway.deleteComments(own.map((comment) => comment.id));
    },

    async resolveComments(ids: readonly string[]): Promise<number> {
      requireComments();
      return gateway.setCommentsResolved(ids, true);
    },

    async reviewMetadata(): Promise<string | undefined> {
      return capabilities.comments ? gateway.readCustomXml(REVIEW_PART_NAMESPACE) : undefined;
    },

    async writeReviewMetadata(xml: string): Promise<void> {
      requireComments();
      await gateway.writeCustomXml(REVIEW_PART_NAMESPACE, xml);
    },

    async replaceFieldText(anchor: FieldAnchor, text: string): Promise<boolean> {
      const target = targetForAnchor(anchor, controls);
      // Only a control can be replaced safely; a label found by search would be overwritten instead.
      if (target.kind !== 'control') return false;
      return gateway.setControlTexts(new Map([[target.controlId, text]]));
    },

    async addRow(rowsFieldId: string, values: Readonly<Record<string, string>>): Promise<boolean> {
      const plan = planRow(rowsFieldId, values, controls);
      if (!plan) return false;
      return plan.kind === 'fill' ? gateway.setControlTexts(plan.texts) : gateway.insertRowAfter(plan.afterControlId, plan.cells);
    }
  };
}
