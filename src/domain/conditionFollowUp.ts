/**
 * The follow-up of a dossier's conditions in two numbers: how many are still open and the earliest
 * due date among them. The projection writes them to the register (`OpenConditions`,
 * `NextConditionDue`), the register filters "Voorwaarden te volgen" on them, overdue first.
 */
import type { DossierCondition } from './advice';
import type { IsoDate } from './types';

/** Open conditions and the first due date among them (absent when none of them has one). */
export interface ConditionFollowUp {
  readonly open: number;
  readonly nextDue?: IsoDate;
}

/** The follow-up of a list of conditions. */
export function conditionFollowUp(conditions: readonly DossierCondition[]): ConditionFollowUp {
  const open = conditions.filter((condition) => condition.status === 'open');
  const dues = open.map((condition) => condition.dueDate).filter((due): due is IsoDate => due !== undefined && due !== '').sort();
  return { open: open.length, ...(dues.length > 0 ? { nextDue: dues[0] } : {}) };
}

/** True when an open condition's due date has passed on `today` (the same rule as `overdueConditions`). */
export function followUpOverdue(followUp: ConditionFollowUp, today: IsoDate): boolean {
  return followUp.open > 0 && followUp.nextDue !== undefined && followUp.nextDue < today;
}
