import { isProtocolNumber } from '../numbering';
import type { DomainError, ParentProtocolRef, ProcedureId, SimplifiedReason, StateId } from '../types';

/** The four reasons that allow the simplified procedure. */
export const simplifiedReasons: readonly SimplifiedReason[] = ['extension', 'addVariables', 'newPurposes', 'identityChange'];

/** A parent protocol qualifies once its dossier is published or delivered. */
export const parentProtocolStates: readonly StateId[] = ['published', 'delivered'];

const guardError = (code: DomainError['code'], params?: DomainError['params']): DomainError => ({ kind: 'guard', code, params });

/**
 * Every violated condition of the simplified procedure: one or more known reasons, and a parent
 * protocol that is well-numbered and published or delivered. A standard request must carry neither.
 */
export function simplifiedConditionErrors(
  procedure: ProcedureId | undefined,
  reasons: readonly SimplifiedReason[] | undefined,
  parentProtocol: ParentProtocolRef | undefined
): DomainError[] {
  if (procedure === 'standard') {
    const hasSimplifiedFields = (reasons?.length ?? 0) > 0 || parentProtocol !== undefined;
    return hasSimplifiedFields ? [guardError('dossier.error.simplifiedFieldsNotAllowed')] : [];
  }
  if (procedure !== 'simplified') return [];
  const errors: DomainError[] = [];
  const given = Array.isArray(reasons) ? reasons : [];
  if (given.length === 0) errors.push(guardError('dossier.error.simplifiedReasonRequired'));
  for (const reason of given) {
    if (!simplifiedReasons.includes(reason)) errors.push(guardError('dossier.error.unknownSimplifiedReason', { reason: String(reason) }));
  }
  if (!parentProtocol) {
    errors.push(guardError('dossier.error.parentProtocolRequired'));
  } else if (!isProtocolNumber(parentProtocol.number)) {
    errors.push(guardError('dossier.error.invalidParentProtocolNumber', { number: String(parentProtocol.number) }));
  } else if (!parentProtocolStates.includes(parentProtocol.state)) {
    errors.push(guardError('dossier.error.parentProtocolNotPublished', { number: parentProtocol.number, state: String(parentProtocol.state) }));
  }
  return errors;
}

/** True when the simplified procedure may be used with these reasons and parent protocol. */
export function isSimplifiedAllowed(reasons: readonly SimplifiedReason[] | undefined, parentProtocol: ParentProtocolRef | undefined): boolean {
  return simplifiedConditionErrors('simplified', reasons, parentProtocol).length === 0;
}
