import { getFormDef } from '../catalog';
import type { CheckContext, DossierCheckId, Finding, FormDocument } from '../types';
import { DOSSIER_CHECKS } from './dossier';
import { CHECKS, checksOfForm } from './rules';
import { compareSeverity } from '../severity';

export { CHECKS, checksOfForm } from './rules';
export { DOSSIER_CHECKS } from './dossier';
export { CHECK_MESSAGES } from './messages';

/** Blocking first, then warnings, then info; stable otherwise (document order of the rules). */
function bySeverity(findings: Finding[]): Finding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => compareSeverity(a.finding.severity, b.finding.severity) || a.index - b.index)
    .map((entry) => entry.finding);
}

/**
 * Runs every check that applies to the form's type on a plain FormDocument snapshot (from the docx
 * reader or from office-js). Pure: the clock and dossier facts come in through `context`.
 */
export function checkForm(form: FormDocument, context: CheckContext): Finding[] {
  if (!form.formType) return bySeverity(CHECKS.document(form, context, getFormDef('aanvraagformulier')));
  const formDef = getFormDef(form.formType);
  return bySeverity(checksOfForm(formDef).flatMap((checkId) => CHECKS[checkId](form, context, formDef)));
}

/**
 * Checks across the forms of one dossier: the same field id holds the same value in every form,
 * and a simplified form or addendum references a protocol the dossier chain knows
 * (`context.knownProtocolNumbers`). Returns only the cross-form findings, each with `fileName`.
 */
export function checkDossierForms(forms: readonly FormDocument[], context: CheckContext): Finding[] {
  return bySeverity((Object.keys(DOSSIER_CHECKS) as DossierCheckId[]).flatMap((id) => DOSSIER_CHECKS[id](forms, context)));
}
