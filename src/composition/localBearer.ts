import type { Queryable } from '@pnp/queryable';
import type { TimelinePipe } from '@pnp/core';
import { localTokenSource, sharePointAudience, type LocalTokenIdentity, type LocalTokenSource } from './localTokens';

/**
 * A PnPjs behaviour that sends a signed access token of the local tenant, minted for the persona
 * (`LocalBearer(email)`) or for the command service's app-only identity (`LocalBearer({ app: 'service' })`),
 * with the SharePoint origin as audience, as SPFx's token provider does on SharePoint Online.
 */
export function LocalBearer(identity: string | LocalTokenIdentity): TimelinePipe<Queryable> {
  const who: LocalTokenIdentity = typeof identity === 'string' ? { persona: identity } : identity;
  // One source per origin: a behaviour may serve queryables on more than one local tenant (tests).
  const sources = new Map<string, LocalTokenSource>();
  return (instance) => {
    instance.on.auth(async (url, init) => {
      const audience = sharePointAudience(url.toString());
      let source = sources.get(audience);
      if (!source) {
        source = localTokenSource(audience, who);
        sources.set(audience, source);
      }
      (init.headers as Record<string, string>).Authorization = `Bearer ${await source.token(audience)}`;
      return [url, init];
    });
    return instance;
  };
}
