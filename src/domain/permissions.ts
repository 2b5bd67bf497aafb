import { isRequesterEligible } from './rules/eligibility';
import type { Actor, CommandType, Dossier, DomainError, RoleRequirement } from './types';
import { commandTypes, workflowTable } from './workflowTable';

/** True when the actor satisfies one role requirement of the table for this dossier. */
export function meetsRole(requirement: RoleRequirement, actor: Actor, dossier: Dossier | undefined): boolean {
  switch (requirement) {
    case 'anyVsaRole':
      return actor.roles.length > 0;
    case 'assignedStatistician':
      return actor.roles.includes('statistician') && dossier?.assignedStatistician?.id === actor.id;
    default:
      return actor.roles.includes(requirement);
  }
}

/**
 * Why the table refuses this command to this actor on this dossier: wrong role and/or wrong state.
 * Empty means the table allows it; guards on the payload are checked separately by `decide`.
 */
export function tableRefusals(dossier: Dossier | undefined, command: CommandType, actor: Actor): DomainError[] {
  const rule = workflowTable[command];
  const errors: DomainError[] = [];
  if (!rule.roles.some((requirement) => meetsRole(requirement, actor, dossier))) {
    errors.push({ kind: 'forbidden', code: 'dossier.error.forbidden', params: { command, roles: rule.roles.join(', ') } });
  }
  if (dossier === undefined && !rule.createsDossier) {
    errors.push({ kind: 'wrongState', code: 'dossier.error.noDossier', params: { command } });
  } else if (dossier !== undefined && !rule.from.includes(dossier.state)) {
    const code = rule.createsDossier ? 'dossier.error.alreadyRegistered' : 'dossier.error.wrongState';
    errors.push({ kind: 'wrongState', code, params: { command, state: dossier.state } });
  }
  if (dossier !== undefined && !rule.onIndividualRequest && !isRequesterEligible(dossier.requester)) {
    errors.push({ kind: 'wrongState', code: 'dossier.error.individualRequest', params: { command } });
  }
  return errors;
}

/**
 * The commands this actor may give on this dossier now (`undefined` dossier: a new one).
 * The one source for both `decide`'s refusals and the buttons every UI shows.
 */
export function allowedCommands(dossier: Dossier | undefined, actor: Actor): CommandType[] {
  return commandTypes.filter((command) => tableRefusals(dossier, command, actor).length === 0);
}
