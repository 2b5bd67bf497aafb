import type { TimelinePipe } from '@pnp/core';
import type { Queryable } from '@pnp/queryable';

/**
 * A PnPjs behaviour that sends `Authorization: Bearer <token>` from a token source on every request:
 * the one way every host outside SharePoint's own pages (the Word add-in, the command service on Azure
 * and on the local tenant) authenticates PnPjs.
 */
export function BearerToken(token: () => Promise<string>): TimelinePipe<Queryable> {
  return (instance) => {
    instance.on.auth(async (url, init) => {
      (init.headers as Record<string, string>).Authorization = `Bearer ${await token()}`;
      return [url, init];
    });
    return instance;
  };
}
