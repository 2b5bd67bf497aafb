/**
 * Compatibility layer while `RegisterApp.tsx` moves to the application services: the document check,
 * the registration and the project details now live in `src/app` (one path for the register, the mail
 * intake and the Word add-in). Remove this file once the register calls `src/app` directly.
 */
import { checkPhaseForDocumentPhase } from '../../../domain/documentRules';
import type { CheckSummary, DocumentPhase, IsoDate } from '../../../domain/types';
import type { Finding } from '../../../forms/types';
import { countBySeverity } from '../../../forms/severity';
import { checkDocx as checkDocxWith, loadFormsEngine, type CheckedDocument } from '../../../app/formsEngine';

export { loadFormsEngine, type CheckedDocument };
export { registrationOf, projectFromForm } from '../../../app/formFacts';

/** Counts findings by severity (the same count the Word add-in stores). */
export function summarize(findings: readonly Finding[]): CheckSummary {
  return countBySeverity(findings);
}

/** Reads a .docx and runs the single-form checks of its phase (drafts must be unsigned, signed ones signed). */
export async function checkDocx(
  bytes: Uint8Array,
  fileName: string,
  phase: DocumentPhase,
  today: IsoDate,
  hasMandateDocument: boolean
): Promise<CheckedDocument> {
  return checkDocxWith(await loadFormsEngine(), bytes, fileName, { phase: checkPhaseForDocumentPhase(phase), today, hasMandateDocument });
}
