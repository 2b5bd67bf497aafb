import type { CheckSummary } from '../../domain/types';
import type { ReviewResult } from './dossierReviewPort';

/**
 * The Dutch text recorded on the dossier for a review in Word. Counts only: never field values, so no
 * personal data from the form ends up in the audit trail.
 */
export function reviewEventText(result: ReviewResult): string {
  const counts = describeCounts(result.counts);
  const commented = result.commentsInserted === 1 ? '1 opmerking ingevoegd' : `${result.commentsInserted} opmerkingen ingevoegd`;
  return `Formuliercontrole in Word van ${result.fileName}${result.formType ? ` (${result.formType})` : ''}: ${counts}; ${commented}.`;
}

/** "2 blokkerend, 1 waarschuwing, 0 info". */
export function describeCounts(counts: CheckSummary): string {
  const warnings = counts.warnings === 1 ? '1 waarschuwing' : `${counts.warnings} waarschuwingen`;
  return `${counts.blocking} blokkerend, ${warnings}, ${counts.info} info`;
}
