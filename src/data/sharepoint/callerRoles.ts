import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import type { AuthenticatedCaller } from '../auth/caller';
import type { CallerRoles } from '../auth/callerRoles';
import type { RoleId } from '../../domain/types';
import { hasDataErrorCode, toDataError } from '../errors';
import { roleOfGroup } from '../schemaNames';

/**
 * `CallerRoles` on PnPjs with the command service's own identity: the caller's site groups
 * (`web/siteusers/getbyemail(<email>)/groups`) mapped onto roles. A caller the site does not know
 * holds no role (404 → `[]`); every other failure is the store's `DataError`.
 */
export class SharePointCallerRoles implements CallerRoles {
  public constructor(private readonly sp: SPFI) {}

  public async rolesOf(caller: Pick<AuthenticatedCaller, 'email'>): Promise<RoleId[]> {
    let groups: { Title?: unknown }[];
    try {
      groups = (await this.sp.web.siteUsers.getByEmail(caller.email).groups.select('Title')()) as { Title?: unknown }[];
    } catch (error) {
      const failure = toDataError(error, "read the caller's site groups");
      if (hasDataErrorCode(failure, 'data.error.notFound')) return [];
      throw failure;
    }
    const roles = groups.map((group) => (typeof group.Title === 'string' ? roleOfGroup(group.Title) : undefined));
    return [...new Set(roles.filter((role): role is RoleId => role !== undefined))];
  }
}
