/**
 * Field-by-field differences between two versions of a form, from what the reader gives: the review
 * loop moves findings on changed fields (`changedFieldKeys`), the panel shows the differences
 * (`formDifferences`). Values compare as the reader reads them (trimmed, placeholder = empty,
 * whitespace runs as one space), so re-saving a file in another editor changes nothing.
 */
import type { FormDocument, FormRow } from './types';

/** One difference: a single field, or one cell of a repeating table (`rowIndex`), or a row added/removed. */
export interface FieldDifference {
  /** The field id; for a cell the column's field id (`variabelen.naam`). */
  readonly fieldId: string;
  /** The table id for a cell or a row (`variabelen`). */
  readonly table?: string;
  readonly rowIndex?: number;
  /** `changed`: both versions have a value; `added` / `removed`: one side is empty or the row is absent. */
  readonly change: 'added' | 'removed' | 'changed';
  readonly before: string;
  readonly after: string;
}

const normalized = (value: string | undefined): string => (value ?? '').replace(/\s+/g, ' ').trim();

function fieldValue(form: FormDocument, fieldId: string): string {
  const field = form.fields[fieldId];
  return field && !field.isPlaceholder ? normalized(field.value) : '';
}

function cellValue(row: FormRow | undefined, fieldId: string): string {
  const cell = row?.[fieldId];
  return cell && !cell.isPlaceholder ? normalized(cell.value) : '';
}

const changeOf = (before: string, after: string): FieldDifference['change'] => (before === '' ? 'added' : after === '' ? 'removed' : 'changed');

/** Every difference between two versions, single fields first (in the later version's order), then tables row by row. */
export function formDifferences(before: FormDocument, after: FormDocument): readonly FieldDifference[] {
  const differences: FieldDifference[] = [];
  const fieldIds = [...new Set([...Object.keys(after.fields), ...Object.keys(before.fields)])];
  for (const fieldId of fieldIds) {
    const a = fieldValue(before, fieldId);
    const b = fieldValue(after, fieldId);
    if (a !== b) differences.push({ fieldId, change: changeOf(a, b), before: a, after: b });
  }
  const tables = [...new Set([...Object.keys(after.rows), ...Object.keys(before.rows)])];
  for (const table of tables) {
    const beforeRows = before.rows[table] ?? [];
    const afterRows = after.rows[table] ?? [];
    const columns = [...new Set([...beforeRows, ...afterRows].flatMap((row) => Object.keys(row)))];
    for (let rowIndex = 0; rowIndex < Math.max(beforeRows.length, afterRows.length); rowIndex += 1) {
      for (const fieldId of columns) {
        const a = cellValue(beforeRows[rowIndex], fieldId);
        const b = cellValue(afterRows[rowIndex], fieldId);
        if (a !== b) differences.push({ fieldId, table, rowIndex, change: changeOf(a, b), before: a, after: b });
      }
    }
  }
  return differences;
}

/**
 * The keys `reconcileFindings` (src/domain/findings.ts) compares against: a field id, a cell
 * `<cellFieldId>#<row>`, and `rows:<table>` when the number of rows differs.
 */
export function changedFieldKeys(before: FormDocument, after: FormDocument): readonly string[] {
  const keys = new Set<string>();
  for (const difference of formDifferences(before, after)) {
    keys.add(difference.rowIndex === undefined ? difference.fieldId : `${difference.fieldId}#${difference.rowIndex}`);
  }
  for (const table of new Set([...Object.keys(after.rows), ...Object.keys(before.rows)])) {
    if ((before.rows[table] ?? []).length !== (after.rows[table] ?? []).length) keys.add(`rows:${table}`);
  }
  return [...keys];
}
