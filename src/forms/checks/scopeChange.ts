/**
 * The `scopeChange` check: a simplified form measured against the scope in force of the protocol it
 * builds on (`context.scopeInForce`, from the domain's `protocolScope`). Without that context it finds
 * nothing: only the register knows the parent protocol's chain.
 */
import { scopeKey } from '../../domain/scope';
import { requestedDataOfForm } from '../requested';
import type { CheckContext, Finding, FormDocument } from '../types';
import { anchorOf, makeFinding } from './finding';

/** An ISO date as the forms write it (dd/mm/yyyy). */
const dayMonthYear = (iso: string): string => iso.split('-').reverse().join('/');

/** The name cell's anchor of the variable row named `name` (the table's when the row is not found). */
function variableAnchor(form: FormDocument, name: string): Finding['anchor'] {
  const row = (form.rows.variabelen ?? []).find((r) => scopeKey(r['variabelen.naam']?.value ?? '') === scopeKey(name));
  return row?.['variabelen.naam']?.anchor ?? anchorOf(form, 'variabelen');
}

/**
 * Blocking: an extension whose new end date is not after the end date in force; a request that asks
 * nothing new (every variable already in force, no later end date, no new purpose, the same identity).
 * Info: each variable asked that is already in force.
 */
export function scopeChange(form: FormDocument, context: CheckContext): Finding[] {
  const scope = context.scopeInForce;
  if (!scope || form.formType !== 'vereenvoudigdAanvraagformulier') return [];
  const requested = requestedDataOfForm(form);
  const changes = requested?.changes;
  const reasons = changes?.reasons ?? [];
  // No reason (or none recognised): the `simplifiedReasons` check already says so.
  if (reasons.length === 0) return [];
  const protocol = scope.protocolNumber;
  const findings: Finding[] = [];

  const inForce = new Set(scope.variables.map(scopeKey));
  const asked = reasons.includes('addVariables') ? (requested?.variables ?? []).map((v) => v.name).filter((name) => name.trim() !== '') : [];
  const alreadyInForce = asked.filter((name) => inForce.has(scopeKey(name)));
  for (const name of alreadyInForce) {
    findings.push(makeFinding('scopeChange', 'variabelen.naam', 'info', 'forms.check.scopeVariableInForce', { value: name, protocol }, variableAnchor(form, name)));
  }
  const newVariables = asked.length > alreadyInForce.length;

  const newEnd = reasons.includes('extension') ? changes?.newEndDate : undefined;
  const endNotLater = newEnd !== undefined && scope.endDate !== undefined && newEnd <= scope.endDate;
  if (endNotLater) {
    findings.push(makeFinding('scopeChange', 'verlenging.nieuweEinddatum', 'blocking', 'forms.check.scopeEndNotLater',
      { value: dayMonthYear(newEnd), current: dayMonthYear(scope.endDate as string), protocol }, anchorOf(form, 'verlenging.nieuweEinddatum')));
  }
  const laterEnd = newEnd !== undefined && !endNotLater;

  const purpose = reasons.includes('newPurposes') ? changes?.newPurposes ?? '' : '';
  const newPurpose = purpose.trim() !== '' && !scope.purposes.some((p) => scopeKey(p) === scopeKey(purpose));

  const identity = reasons.includes('identityChange') ? changes?.newIdentity : undefined;
  const current = scope.institution;
  const newIdentity = identity !== undefined && !(current !== undefined && scopeKey(current.name) === scopeKey(identity.name)
    && (identity.enterpriseNumber === undefined || identity.enterpriseNumber === current.enterpriseNumber));

  // A part the form leaves empty or unreadable is the `required` or `date` check's finding, and an end
  // date that does not extend has its own: then "nothing new" would only repeat them.
  const unread = (reasons.includes('extension') && newEnd === undefined) || (reasons.includes('addVariables') && asked.length === 0)
    || (reasons.includes('newPurposes') && purpose.trim() === '') || (reasons.includes('identityChange') && identity === undefined);
  if (!newVariables && !laterEnd && !newPurpose && !newIdentity && !endNotLater && !unread) {
    findings.push(makeFinding('scopeChange', 'vereenvoudigd.reden', 'blocking', 'forms.check.scopeNothingNew', { protocol }, anchorOf(form, 'vereenvoudigd.reden')));
  }
  return findings;
}
