import type { RoleId } from '../../domain/types';
import type { AuthenticatedCaller } from './caller';

/**
 * The VSA roles of an authenticated caller, read by the command service itself with its own identity
 * (never taken from the caller's request): the memberships of the four VSA site groups.
 */
export interface CallerRoles {
  /**
   * The person's roles; `[]` for someone who is no member of any VSA group (or unknown to the site).
   * Only the e-mail is read, so the service also asks it for a person a command names (an assignee).
   */
  rolesOf(caller: Pick<AuthenticatedCaller, 'email'>): Promise<RoleId[]>;
}
