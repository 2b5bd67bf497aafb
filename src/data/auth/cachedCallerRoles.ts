import type { RoleId } from '../../domain/types';
import type { AuthenticatedCaller } from './caller';
import type { CallerRoles } from './callerRoles';

/** Options of the role cache. */
export interface RoleCacheOptions {
  /** How long a person's roles are reused; default 60 s. */
  readonly ttlMs?: number;
  /** Milliseconds now (tests). */
  readonly now?: () => number;
}

/**
 * The caller's roles, read once per person and minute per service instance: a transition through the
 * service then costs one round trip more than the direct write did (the POST), not two. The price: a
 * person removed from a VSA group keeps the role in this instance for at most `ttlMs` — the same order
 * as Entra ID's own group claims in a token, which live for the token's hour. A failed read is not
 * cached, and concurrent reads for one person share one request.
 */
export function cachedCallerRoles(inner: CallerRoles, options: RoleCacheOptions = {}): CallerRoles {
  const ttl = options.ttlMs ?? 60_000;
  const now = options.now ?? ((): number => Date.now());
  const entries = new Map<string, { readonly roles: Promise<RoleId[]>; readonly until: number }>();
  return {
    rolesOf(caller: Pick<AuthenticatedCaller, 'email'>): Promise<RoleId[]> {
      const key = caller.email.toLowerCase();
      const cached = entries.get(key);
      if (cached && now() < cached.until) return cached.roles.then((roles) => [...roles]);
      const roles = inner.rolesOf(caller);
      entries.set(key, { roles, until: now() + ttl });
      roles.catch(() => entries.delete(key));
      return roles.then((held) => [...held]);
    }
  };
}
