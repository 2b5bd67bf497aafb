/**
 * The forms engine's findings as the review loop records them (`AutomaticFinding`, src/domain/findings.ts):
 * one place that says which row a finding is about, so the service, the CLI and the annotator give the
 * same finding the same id (`automaticFindingId`).
 */
import type { AutomaticFinding } from '../domain/findings';
import type { Finding } from './types';

/** The 0-based table row of a finding: its `row` parameter (1-based) when the check names one. */
export function rowIndexOf(finding: Pick<Finding, 'params'>): number | undefined {
  const row = Number(finding.params.row);
  return Number.isInteger(row) && row >= 1 ? row - 1 : undefined;
}

/** A check result as an `AutomaticFinding` (Dutch text; the key and parameters render any language). */
export function automaticFindingOf(finding: Finding): AutomaticFinding {
  const rowIndex = rowIndexOf(finding);
  return {
    checkId: finding.checkId,
    ...(finding.fieldId !== undefined ? { fieldId: finding.fieldId } : {}),
    ...(rowIndex !== undefined ? { rowIndex } : {}),
    severity: finding.severity,
    messageKey: finding.messageKey,
    params: finding.params,
    text: finding.message.nl
  };
}
