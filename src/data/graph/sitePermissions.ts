import { DataError, toDataError } from '../errors';
import type { GraphSite } from './graphSite';

/**
 * The command service's write access to the product's site: a `Sites.Selected` grant (Graph
 * `POST /sites/{site-id}/permissions`, roles `["write"]`) to its app registration. The VSA groups only
 * read (`GROUP_LIST_LEVEL`); this grant is what lets the service's app-only identity write the lists.
 * Source: microsoft-graph-docs-contrib api-reference/v1.0/api/site-post-permissions.md (an admin with
 * `Sites.FullControl.All` makes the call).
 */

/** A site permission as Graph lists it (`GET /sites/{site-id}/permissions`). */
interface SitePermission {
  readonly id: string;
  readonly roles?: readonly string[];
  readonly grantedToIdentitiesV2?: readonly { readonly application?: { readonly id?: string } }[];
  readonly grantedToIdentities?: readonly { readonly application?: { readonly id?: string } }[];
}

/** What `ensureServiceWriteGrant` did; `unchanged` keeps provisioning idempotent. */
export type GrantOutcome = 'granted' | 'updated' | 'unchanged';

/** Roles that include writing the lists (`owner`/`fullcontrol` already allow it). */
const WRITING_ROLES = new Set(['write', 'owner', 'fullcontrol']);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function grantsTo(permission: SitePermission, appId: string): boolean {
  const identities = [...(permission.grantedToIdentitiesV2 ?? []), ...(permission.grantedToIdentities ?? [])];
  return identities.some((identity) => identity.application?.id?.toLowerCase() === appId.toLowerCase());
}

/**
 * Makes sure the app `appId` holds `write` on the site: adds the grant when missing, raises a `read`
 * grant to `write`, and leaves a writing grant alone. Nothing else on the site changes.
 */
export async function ensureServiceWriteGrant(site: GraphSite, appId: string, displayName = 'Microdata Dossiers command service'): Promise<GrantOutcome> {
  if (!GUID.test(appId)) throw new DataError('data.error.invalidInput', `grant the service: "${appId}" is not an application (client) id.`);
  const what = `grant the service ${appId} write on the site`;
  const permissions = `/sites/${await site.siteId()}/permissions`;
  let existing: SitePermission[];
  try {
    const page = (await site.client.api(permissions).get()) as { value?: SitePermission[] };
    if (!Array.isArray(page?.value)) throw new DataError('data.error.corrupt', `${what}: the answer has no value array.`);
    existing = page.value;
  } catch (error) {
    throw toDataError(error, what);
  }
  const own = existing.find((permission) => grantsTo(permission, appId));
  try {
    if (!own) {
      await site.client.api(permissions).post({ roles: ['write'], grantedToIdentities: [{ application: { id: appId, displayName } }] });
      return 'granted';
    }
    if ((own.roles ?? []).some((role) => WRITING_ROLES.has(role.toLowerCase()))) return 'unchanged';
    await site.client.api(`${permissions}/${encodeURIComponent(own.id)}`).patch({ roles: ['write'] });
    return 'updated';
  } catch (error) {
    throw toDataError(error, what);
  }
}
