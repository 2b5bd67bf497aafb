import type { Queryable } from '@pnp/queryable';
import type { TimelinePipe } from '@pnp/core';

/** A PnPjs behaviour that sets the local tenant's bearer identity. */
export function LocalBearer(userEmail: string): TimelinePipe<Queryable> {
  return (instance) => {
    instance.on.auth(async (url, init) => {
      (init.headers as Record<string, string>).Authorization = `Bearer local:${userEmail}`;
      return [url, init];
    });
    return instance;
  };
}
