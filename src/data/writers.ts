/**
 * Who wrote an item, compared the way SharePoint names principals. SharePoint REST gives `Author/Name`
 * (a claims login: `i:0#.f|membership|an@vsa.be` for a user, `i:0i.t|ms.sp.ext|<appId>@<tenantId>` for an
 * app-only principal); Graph gives `createdBy.user`/`createdBy.application`, normalised here to the same
 * logins (an application without its tenant, `i:0i.t|ms.sp.ext|<appId>`, compared on the app id).
 */

const APP_PREFIX = 'i:0i.t|ms.sp.ext|';
const USER_PREFIX = 'i:0#.f|membership|';

/** The app id of an app-only principal's login, if it is one. */
function appIdOf(login: string): string | undefined {
  const lower = login.toLowerCase();
  if (!lower.startsWith(APP_PREFIX)) return undefined;
  return lower.slice(APP_PREFIX.length).split('@')[0] || undefined;
}

/** True when `writer` is one of the trusted writers (the command service's app principal, per host). */
export function isTrustedWriter(writer: string | undefined, trusted: readonly string[]): boolean {
  if (!writer) return false;
  const lower = writer.toLowerCase();
  const appId = appIdOf(lower);
  return trusted.some((candidate) => {
    const trustedLower = candidate.toLowerCase();
    if (trustedLower === lower) return true;
    // Graph reports an application without its tenant: the app id alone identifies the registration.
    return appId !== undefined && appIdOf(trustedLower) === appId && (!lower.includes('@') || !trustedLower.includes('@'));
  });
}

/**
 * True when `writer` is the user the event names as actor (`actorId` is an e-mail address): an event a
 * user's browser wrote directly in their own name before the service existed.
 */
export function isOwnWriter(writer: string | undefined, actorId: string): boolean {
  if (!writer || !actorId) return false;
  const lower = writer.toLowerCase();
  const actor = actorId.toLowerCase();
  if (appIdOf(lower) !== undefined) return false;
  return lower === actor || lower.endsWith(`|${actor}`);
}

/** A Graph `identitySet` (`createdBy`, `lastModifiedBy`) as a SharePoint-style login, if it names one. */
export function loginOfIdentitySet(identitySet: unknown): string | undefined {
  const set = identitySet as { user?: { email?: unknown; id?: unknown }; application?: { id?: unknown } } | null | undefined;
  const application = set?.application?.id;
  const email = set?.user?.email;
  // An app-only write carries the application; SharePoint may add a `user` without an address ("SharePoint
  // App"), which does not make it a user's write.
  const userEmail = typeof email === 'string' && email.length > 0;
  if (typeof application === 'string' && application.length > 0 && !userEmail) return `${APP_PREFIX}${application.toLowerCase()}`;
  if (typeof email === 'string' && email.length > 0) return `${USER_PREFIX}${email.toLowerCase()}`;
  const id = set?.user?.id;
  return typeof id === 'string' && id.length > 0 ? `aad:${id}` : undefined;
}
