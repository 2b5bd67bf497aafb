import type { Finding, Severity } from '../../forms';

/** Severities in the order the pane shows them. */
export const SEVERITY_ORDER: readonly Severity[] = ['blocking', 'warning', 'info'];

/** One group of findings of the same severity. */
export interface SeverityGroup<T extends Pick<Finding, 'severity'>> {
  readonly severity: Severity;
  readonly findings: readonly T[];
}

/** Findings grouped by severity, most severe first; empty groups left out; order inside a group kept. */
export function groupBySeverity<T extends Pick<Finding, 'severity'>>(findings: readonly T[]): SeverityGroup<T>[] {
  return SEVERITY_ORDER.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter(
    (group) => group.findings.length > 0
  );
}

/** Counts per severity, in the shape the dossier stores (`CheckSummary`). */
export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): { blocking: number; warnings: number; info: number } {
  return {
    blocking: findings.filter((f) => f.severity === 'blocking').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    info: findings.filter((f) => f.severity === 'info').length
  };
}
