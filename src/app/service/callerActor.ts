/**
 * Who acts in the command service: the person the validated token names, with the roles the service
 * read itself. Nothing of the request body (an `actor` field, a name) takes part.
 */
import type { AuthenticatedCaller } from '../../data/auth/caller';
import type { CallerRoles } from '../../data/auth/callerRoles';
import { DataError } from '../../data/errors';
import type { Actor } from '../../domain/types';

/** The caller as the domain's actor: e-mail as id, the token's name, the roles from the site groups. */
export async function actorOfCaller(roles: CallerRoles, caller: AuthenticatedCaller): Promise<Actor> {
  const held = await roles.rolesOf(caller);
  return { id: caller.email.toLowerCase(), displayName: caller.displayName || caller.email, roles: [...new Set(held)] };
}

/**
 * The actor of a VSA member, or `data.error.accessDenied` (403) for someone without any VSA role: the
 * service answers nobody else, whatever the command.
 */
export async function memberActor(roles: CallerRoles, caller: AuthenticatedCaller): Promise<Actor> {
  const actor = await actorOfCaller(roles, caller);
  if (actor.roles.length === 0) throw new DataError('data.error.accessDenied', 'The caller holds no VSA role on the site.', 403);
  return actor;
}
