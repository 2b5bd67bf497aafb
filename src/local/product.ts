/**
 * The product's pages and Graph routes on the local tenant, in one list: `npm start` serves exactly
 * these, and the tests that start the tenant "as the product" take them from here, so a page that
 * fails to load fails a test instead of becoming a log line.
 */
import { intakeGraphRoutes, intakePages } from './mailbox';
import type { GraphRouteModule } from './server/graph-route-modules';
import type { LocalPage } from './server/pages';
import { approvalsWorkbenchPage } from './workbench/approvals';
import { registerWorkbenchPage } from './workbench/register';
import { wordWorkbenchPage } from './workbench/word';

/** What `startLocalTenant` adds to the tenant's own routes for the product. */
export interface ProductExtensions {
  readonly pages: readonly LocalPage[];
  readonly graphRoutes: readonly GraphRouteModule[];
}

/** The product's pages and Graph routes; pass them to `startLocalTenant({ ...productExtensions(), … })`. */
export function productExtensions(): ProductExtensions {
  return {
    pages: [registerWorkbenchPage(), approvalsWorkbenchPage(), wordWorkbenchPage(), ...intakePages()],
    graphRoutes: intakeGraphRoutes
  };
}
