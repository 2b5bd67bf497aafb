import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import type { Actor, RoleId } from '../../domain/types';
import { DataError, toDataError } from '../errors';
import type { Directory } from '../ports';
import { GROUPS, groupOfRole, roleOfGroup } from '../schemaNames';

type Fields = Record<string, unknown>;

/** The groups of a `currentuser?$expand=Groups` answer in any JSON flavour. */
function groupTitles(user: Fields): string[] {
  const raw = user.Groups as unknown;
  const list = Array.isArray(raw) ? raw : ((raw as { results?: unknown[] } | undefined)?.results ?? []);
  return list.map((group) => (group as Fields).Title).filter((title): title is string => typeof title === 'string');
}

/** The e-mail of a SharePoint user, falling back to the claims login name (`i:0#.f|membership|x`). */
function emailOf(user: Fields): string {
  const email = typeof user.Email === 'string' && user.Email.length > 0 ? user.Email : String(user.LoginName ?? '').split('|').pop() ?? '';
  return email.toLowerCase();
}

/** Maps a SharePoint user and its group titles onto a domain actor. */
export function actorFromUser(user: Fields, groups: readonly string[]): Actor {
  const roles = [...new Set(groups.map(roleOfGroup).filter((role): role is RoleId => role !== undefined))];
  const id = emailOf(user);
  if (id.length === 0) throw new DataError('data.error.corrupt', 'The signed-in user has no e-mail address or login name.');
  return { id, displayName: typeof user.Title === 'string' ? user.Title : id, roles };
}

/** `Directory` on PnPjs: roles are memberships of the four VSA site groups. */
export class SharePointDirectory implements Directory {
  public constructor(private readonly sp: SPFI) {}

  /** The request for the signed-in user with groups, on the given root (so it can join a `$batch`). */
  public currentActorRequest(sp: SPFI): Promise<Actor> {
    return sp.web.currentUser
      .select('Id', 'Title', 'Email', 'LoginName', 'Groups/Title')
      .expand('Groups')()
      .then((user) => {
        const fields = user as unknown as Fields;
        return actorFromUser(fields, groupTitles(fields));
      });
  }

  public async currentActor(): Promise<Actor> {
    try {
      return await this.currentActorRequest(this.sp);
    } catch (error) {
      throw toDataError(error, 'read the signed-in user');
    }
  }

  /** Members of the role's group, each with every VSA role they hold (one `$batch` over the groups). */
  public async membersOf(role: RoleId): Promise<Actor[]> {
    try {
      const [batched, execute] = this.sp.batched();
      const perGroup = GROUPS.map((group) =>
        batched.web.siteGroups
          .getByName(group.title)
          .users.select('Id', 'Title', 'Email', 'LoginName')()
          .then((users) => ({ title: group.title, users: users as unknown as Fields[] }))
      );
      await execute();
      const groups = await Promise.all(perGroup);
      const titlesByEmail = new Map<string, string[]>();
      for (const group of groups) {
        for (const user of group.users) {
          const email = emailOf(user);
          titlesByEmail.set(email, [...(titlesByEmail.get(email) ?? []), group.title]);
        }
      }
      const wanted = groups.find((group) => group.title === groupOfRole(role))?.users ?? [];
      return wanted.map((user) => actorFromUser(user, titlesByEmail.get(emailOf(user)) ?? []));
    } catch (error) {
      throw toDataError(error, `read the members of ${groupOfRole(role)}`);
    }
  }
}
