import type { DecideFacts } from './guards/context';
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

/** What the table needs beyond the dossier: the revocation of the protocol an addendum dossier builds on. */
export type TableFacts = Pick<DecideFacts, 'protocolRevocation'>;

/**
 * The revocation that stops a dossier: its own protocol's (`revokeProtocol` on it), or the protocol it
 * builds on (`facts.protocolRevocation`, looked up by the shell). Undefined when neither is revoked.
 */
export function revocationStopping(dossier: Dossier | undefined, facts: TableFacts = {}): { readonly protocolNumber: string; readonly date: string } | undefined {
  if (!dossier) return undefined;
  if (dossier.revocation) return { protocolNumber: dossier.protocolNumber ?? '', date: dossier.revocation.date };
  return facts.protocolRevocation;
}

/**
 * Why the table refuses this command to this actor on this dossier: wrong role and/or wrong state.
 * Empty means the table allows it; guards on the payload are checked separately by `decide`.
 */
export function tableRefusals(dossier: Dossier | undefined, command: CommandType, actor: Actor, facts: TableFacts = {}): DomainError[] {
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
  const revocation = revocationStopping(dossier, facts);
  if (revocation && !rule.onRevokedProtocol) {
    errors.push({ kind: 'wrongState', code: 'dossier.error.protocolRevoked', params: { command, number: revocation.protocolNumber, date: revocation.date } });
  }
  return errors;
}

/**
 * The commands this actor may give on this dossier now (`undefined` dossier: a new one).
 * The one source for both `decide`'s refusals and the buttons every UI shows.
 */
export function allowedCommands(dossier: Dossier | undefined, actor: Actor, facts: TableFacts = {}): CommandType[] {
  return commandTypes.filter((command) => tableRefusals(dossier, command, actor, facts).length === 0);
}
