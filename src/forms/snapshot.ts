import { CATALOG, CATALOG_VERSION, isKnownCatalogVersion, getFieldDef, isFormType, isPlaceholderText } from './catalog';
import type { FormDocument, FormFieldValue, FormRow, ReadNotice } from './types';

/** One content control as the Word add-in reads it through office-js. */
export interface SnapshotControl {
  readonly tag: string;
  readonly text: string;
  /** `ContentControl.placeholderText`, when loaded. */
  readonly placeholderText?: string;
  /** From `<w:showingPlcHdr/>` in getOoxml(), when the caller checked it. */
  readonly showingPlaceholder?: boolean;
}

/** What the Word add-in (or any other source) knows about an open form. */
export interface SnapshotInput {
  readonly fileName: string;
  readonly formType?: string;
  readonly catalogVersion?: string;
  /** Content controls in document order. */
  readonly controls: readonly SnapshotControl[];
}

const COLUMN_TO_ROWS = new Map<string, string>(
  Object.values(CATALOG.fields).flatMap((def) => (def.columns ?? []).map((column): [string, string] => [column.id, def.id]))
);

/**
 * Builds the FormDocument the checks read from content controls read elsewhere (office-js), so the
 * Word add-in runs exactly the same checks as the docx reader. Row i of a repeating table is
 * occurrence i of each column control.
 */
export function buildFormDocument(input: SnapshotInput): FormDocument {
  const fields: Record<string, FormFieldValue> = {};
  const rowsByField: Record<string, Record<string, FormFieldValue>[]> = {};
  const occurrences = new Map<string, number>();
  let formType = isFormType(input.formType) ? input.formType : undefined;
  for (const control of input.controls) {
    const occurrence = occurrences.get(control.tag) ?? 0;
    occurrences.set(control.tag, occurrence + 1);
    const text = control.text.replace(/\r\n?/g, '\n').trim();
    if (control.tag === 'formType') {
      formType = formType ?? (isFormType(text) ? text : undefined);
      continue;
    }
    if (!getFieldDef(control.tag)) continue;
    const isPlaceholder = text === '' || control.showingPlaceholder === true || (control.placeholderText !== undefined && text === control.placeholderText.trim()) || isPlaceholderText(text);
    const value: FormFieldValue = {
      fieldId: control.tag,
      value: isPlaceholder ? '' : text,
      isPlaceholder,
      readVia: 'contentControl',
      anchor: { kind: 'contentControl', tag: control.tag, occurrence }
    };
    const rowsFieldId = COLUMN_TO_ROWS.get(control.tag);
    if (rowsFieldId) {
      const rows = (rowsByField[rowsFieldId] = rowsByField[rowsFieldId] ?? []);
      rows[occurrence] = rows[occurrence] ?? {};
      rows[occurrence][control.tag] = value;
    } else if (!fields[control.tag]) {
      fields[control.tag] = value;
    }
  }
  const rows: Record<string, FormRow[]> = {};
  for (const [rowsFieldId, list] of Object.entries(rowsByField)) {
    rows[rowsFieldId] = list.filter((row) => row && Object.values(row).some((cell) => !cell.isPlaceholder));
  }
  const notices: ReadNotice[] = [];
  if (!formType) notices.push({ code: 'unknownFormType', params: { value: input.formType ?? '' } });
  if (!input.catalogVersion) notices.push({ code: 'missingCatalogVersion', params: { supported: CATALOG_VERSION } });
  else if (!isKnownCatalogVersion(input.catalogVersion)) notices.push({ code: 'unknownCatalogVersion', params: { version: input.catalogVersion, supported: CATALOG_VERSION } });
  return { fileName: input.fileName, formType, catalogVersion: input.catalogVersion, fields, rows, notices, comments: [] };
}
