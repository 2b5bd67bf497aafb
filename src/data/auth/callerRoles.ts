import type { RoleId } from '../../domain/types';
import type { AuthenticatedCaller } from './caller';

/**
 * The VSA roles of an authenticated caller, read by the command service itself with its own identity
 * (never taken from the caller's request): the memberships of the four VSA site groups.
 */
export interface CallerRoles {
  /** The caller's roles; `[]` for someone who is no member of any VSA group (or unknown to the site). */
  rolesOf(caller: AuthenticatedCaller): Promise<RoleId[]>;
}
