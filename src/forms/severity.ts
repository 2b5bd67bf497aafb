/**
 * Severity order and counts of check findings: the one count the register, the mail intake, the
 * seed, the CLI, the approvals queue and the Word add-in store and show.
 */
import type { CheckSummary } from '../domain/types';
import type { Severity } from './types';

/** Severities, most severe first (the order the Word pane and the register list them in). */
export const SEVERITY_ORDER: readonly Severity[] = ['blocking', 'warning', 'info'];

/** Sort comparator: more severe first (negative when `a` is more severe than `b`). */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_ORDER.indexOf(a) - SEVERITY_ORDER.indexOf(b);
}

/** Counts per severity, in the shape a dossier stores (`CheckSummary`). */
export function countBySeverity(findings: readonly { readonly severity: Severity }[]): CheckSummary {
  const summary = { blocking: 0, warnings: 0, info: 0 };
  for (const finding of findings) {
    if (finding.severity === 'blocking') summary.blocking += 1;
    else if (finding.severity === 'warning') summary.warnings += 1;
    else if (finding.severity === 'info') summary.info += 1;
  }
  return summary;
}

/** The counts of several checked documents added up (a dossier's drafts in the approvals queue). */
export function sumCheckSummaries(summaries: readonly (CheckSummary | undefined)[]): CheckSummary {
  return summaries.reduce<CheckSummary>(
    (total, summary) => ({
      blocking: total.blocking + (summary?.blocking ?? 0),
      warnings: total.warnings + (summary?.warnings ?? 0),
      info: total.info + (summary?.info ?? 0)
    }),
    { blocking: 0, warnings: 0, info: 0 }
  );
}

/** True when any finding blocks (the CLI's exit code, the register's "checks passed"). */
export function hasBlockingFindings(findings: readonly { readonly severity: Severity }[]): boolean {
  return findings.some((finding) => finding.severity === 'blocking');
}
