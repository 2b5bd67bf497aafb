/**
 * The forms engine's findings as the review loop records them (`AutomaticFinding`, src/domain/findings.ts):
 * one place that says which row a finding is about and which results become records, so the service,
 * the CLI and the annotator give the same finding the same id (`automaticFindingId`).
 */
import type { AutomaticFinding } from '../domain/findings';
import type { Finding, FormDocument } from './types';

/** The severities that become records (info results ask nothing of anyone and stay in the check report). */
const RECORDED: ReadonlySet<string> = new Set(['blocking', 'warning']);

/**
 * The row (0-based, in `form.rows[table]`) a finding on a table cell is about: the check's `row`
 * parameter (1-based) when it names one, else the data row whose cell sits at the finding's anchor.
 * undefined for a finding on a single field or the whole document.
 */
export function rowIndexOf(finding: Pick<Finding, 'params'> & Partial<Pick<Finding, 'anchor'>>, form?: Pick<FormDocument, 'rows'>): number | undefined {
  const row = finding.params.row;
  if (row !== undefined && /^[1-9]\d*$/.test(row)) return Number(row) - 1;
  const anchor = finding.anchor;
  if (anchor?.kind !== 'tableCell' || !form) return undefined;
  for (const rows of Object.values(form.rows)) {
    const index = rows.findIndex((cells) =>
      Object.values(cells).some((cell) => cell.anchor.kind === 'tableCell' && cell.anchor.tableIndex === anchor.tableIndex && cell.anchor.rowIndex === anchor.rowIndex)
    );
    if (index >= 0) return index;
  }
  return undefined;
}

/** One check result as an `AutomaticFinding` (Dutch text; the key and parameters render any language). */
export function automaticFindingOf(finding: Finding, form?: Pick<FormDocument, 'rows'>): AutomaticFinding {
  const rowIndex = rowIndexOf(finding, form);
  return {
    checkId: finding.checkId,
    ...(finding.fieldId !== undefined ? { fieldId: finding.fieldId } : {}),
    ...(rowIndex !== undefined ? { rowIndex } : {}),
    severity: finding.severity,
    messageKey: finding.messageKey,
    params: { ...finding.params },
    text: finding.message.nl
  };
}

/** The blocking and warning results of a check, as automatic findings. */
export function automaticFindingsOf(findings: readonly Finding[], form?: Pick<FormDocument, 'rows'>): AutomaticFinding[] {
  return findings.filter((finding) => RECORDED.has(finding.severity)).map((finding) => automaticFindingOf(finding, form));
}
