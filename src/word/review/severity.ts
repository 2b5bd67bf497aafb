import type { Finding, Severity } from '../../forms/types';
import { SEVERITY_ORDER } from '../../forms/severity';

/** One group of findings of the same severity. */
export interface SeverityGroup<T extends Pick<Finding, 'severity'>> {
  readonly severity: Severity;
  readonly findings: readonly T[];
}

/** Findings grouped by severity, most severe first (`SEVERITY_ORDER`); empty groups left out; order inside a group kept. */
export function groupBySeverity<T extends Pick<Finding, 'severity'>>(findings: readonly T[]): SeverityGroup<T>[] {
  return SEVERITY_ORDER.map((severity) => ({ severity, findings: findings.filter((f) => f.severity === severity) })).filter(
    (group) => group.findings.length > 0
  );
}
